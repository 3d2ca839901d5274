/*
 * receipt.c - the receipt of a bundle the province imported: what it
 * accepted, for the paper a clerk has stamped (docs/sync.md, "Bundles").
 * The same text is printed by quantriet-server import-bundle --receipt
 * and carried in the reply, for quantriet import bundle --receipt.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "server/srv.h"
#include "sync/rows.h"
#include "xmalloc.h"

void
srv_receipt_rows(struct srv_receipt *rc, const struct buf *request)
{
	struct wire_record *rec = xmalloc(sizeof *rec);
	struct wire_reader rd;
	const struct sync_table *t;
	char *name;
	int rank;

	wire_reader_init(&rd, request->data, request->len);
	while (wire_next(&rd, rec) == 1) {
		if (strcmp(rec->word, "row") != 0 ||
		    (name = wire_get_str(rec, "t")) == NULL)
			continue;
		t = sync_table_find(name);
		rank = t != NULL ? sync_table_rank(t) : -1;
		if (rank >= 0 && rank < SRV_RECEIPT_TABLES)
			rc->rows[rank]++;
		free(name);
	}
	free(rec);
}

/* "YYYY-MM-DD HH:MM" local time of t. */
static void
receipt_time(time_t t, char out[32])
{
	strftime(out, 32, "%Y-%m-%d %H:%M", localtime(&t));
}

char *
srv_receipt_text(struct db *db, const struct srv_receipt *rc, int64_t unit,
    int64_t device, int64_t made, const char *hash)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT code, name FROM unit "
	    "WHERE id = ?1");
	struct buf b = { 0 };
	char when[32], line[160];
	int64_t total = 0;
	int i;

	buf_str(&b, "BIÊN NHẬN GÓI DỮ LIỆU ĐỒNG BỘ\nĐơn vị: ");
	if (stmt != NULL) {
		sqlite3_bind_int64(stmt, 1, unit);
		if (sqlite3_step(stmt) == SQLITE_ROW) {
			buf_str(&b, (const char *)sqlite3_column_text(stmt, 1));
			buf_str(&b, " (");
			buf_str(&b, (const char *)sqlite3_column_text(stmt, 0));
			buf_str(&b, ")");
		}
		sqlite3_finalize(stmt);
	}
	receipt_time((time_t)made, when);
	snprintf(line, sizeof line, "\nMáy gửi: số %lld; gói tạo lúc %s\n",
	    (long long)device, when);
	buf_str(&b, line);
	receipt_time(time(NULL), when);
	snprintf(line, sizeof line, "Tỉnh nhận lúc: %s\nSHA-256 của gói:\n  %s\n"
	    "Bản ghi theo bảng:\n", when, hash);
	buf_str(&b, line);
	for (i = 0; i < SRV_RECEIPT_TABLES && sync_tables[i].name != NULL; i++) {
		if (rc->rows[i] == 0)
			continue;
		snprintf(line, sizeof line, "  %-22s %8lld\n", sync_tables[i].name,
		    (long long)rc->rows[i]);
		buf_str(&b, line);
		total += rc->rows[i];
	}
	snprintf(line, sizeof line, "Tổng: %lld bản ghi trong %d gói; áp dụng "
	    "%lld, từ chối %lld, bị bản mới hơn thay %lld\n", (long long)total,
	    rc->acks.batches, (long long)rc->acks.pushed,
	    (long long)rc->acks.rejected, (long long)rc->acks.stale);
	buf_str(&b, line);
	return b.data;
}
