/*
 * pull.c - what changed in a device's scope since its cursor (POST /v1/pull).
 *
 * A device sees its own unit and everything below it, and the public rows
 * (units, plans, their sessions, essay rules, report deadlines) of the
 * units above it, never a sibling's. Rows it sent itself are not sent
 * back. The cursor is the server's change sequence number (srv_row.seq).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "server/srv.h"
#include "sync/rows.h"
#include "xmalloc.h"

static const char pull_sql[] =
    "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION "
    "  SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id), "
    "anc(id) AS (SELECT parent_id FROM unit WHERE id = ?1 UNION "
    "  SELECT u.parent_id FROM unit u JOIN anc ON u.id = anc.id "
    "  WHERE u.parent_id IS NOT NULL) "
    "SELECT tbl, row_id, seq FROM srv_row WHERE seq > ?2 "
    "AND device_id IS NOT ?3 "
    "AND (unit_id IN sub OR (public AND (unit_id IS NULL OR unit_id IN anc))) "
    "ORDER BY seq LIMIT ?4";

/*
 * Appends up to SRV_PAGE_ROWS rows after *cursor, and the conflicts
 * meant for this device if it asked for them; sets *more.
 */
static int
pull_rows(struct db *db, const struct srv_device *dev, int conflicts,
    int64_t *cursor, int *more, int64_t *count, struct buf *rows)
{
	sqlite3_stmt *stmt = db_prepare(db, pull_sql);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, dev->unit_id);
	sqlite3_bind_int64(stmt, 2, *cursor);
	sqlite3_bind_int64(stmt, 3, dev->id);
	sqlite3_bind_int(stmt, 4, SRV_PAGE_ROWS + 1);
	*count = 0;
	*more = 0;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const struct sync_table *t = sync_table_find(
		    (const char *)sqlite3_column_text(stmt, 0));

		if (*count == SRV_PAGE_ROWS) {
			*more = 1;
			break;
		}
		*cursor = sqlite3_column_int64(stmt, 2);
		if (t == NULL && conflicts && strcmp((const char *)
		    sqlite3_column_text(stmt, 0), SRV_CONFLICT_TBL) == 0) {
			int got = srv_conflict_pull(db, dev,
			    sqlite3_column_int64(stmt, 1), rows);

			if (got < 0)
				break;
			*count += got;
			continue;
		}
		if (t == NULL)
			continue;
		/* A row deleted here travels as a delete at the latest clock. */
		if (sync_row_encode(db, t, sqlite3_column_int64(stmt, 1),
		    db_int(db, 0, "SELECT hlc FROM sync_clock", 0), -1,
		    rows) != 0)
			break;
		(*count)++;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_set_error(db, rc, "đọc thay đổi");
		return -1;
	}
	/* Nothing more in scope: skip past what others need, not this device. */
	if (!*more)
		*cursor = db_int(db, *cursor, "SELECT max(max(seq), ?1) FROM srv_row",
		    1, *cursor);
	return 0;
}

void
srv_pull(struct db *db, const struct srv_device *dev, struct wire_reader *rd,
    struct srv_reply *r)
{
	struct wire_record *hdr = xmalloc(sizeof *hdr);
	struct buf rows = { 0 };
	int64_t cursor, count, conflicts = 0;
	int more;

	if (srv_check_header(db, rd, hdr, "pull", r) != 0)
		goto out;
	/* A device that knows conflict records asks for them (version 2). */
	if (r->version < 2 || wire_get_int(hdr, "conflicts", &conflicts) != 0)
		conflicts = 0;
	if (wire_get_int(hdr, "cursor", &cursor) != 0 || cursor < 0 ||
	    wire_next(rd, hdr) != 0) {
		srv_reply_error(db, r, 400, "bad-request",
		    "Yêu cầu nhận dữ liệu thiếu con trỏ");
		goto out;
	}
	/* One read transaction: the page and the cursor agree. */
	if (db_exec(db, "BEGIN") != 0 || pull_rows(db, dev, conflicts != 0,
	    &cursor, &more, &count, &rows) != 0) {
		srv_reply_error(db, r, 503, "busy", db_error(db));
		db_exec(db, "ROLLBACK");
		goto out;
	}
	db_exec(db, "COMMIT");
	srv_reply_begin(db, r, 200, "page");
	wire_int(&r->body, "cursor", cursor);
	wire_int(&r->body, "more", more);
	wire_int(&r->body, "count", count);
	wire_end(&r->body);
	if (rows.len > 0)
		buf_add(&r->body, rows.data, rows.len);
	wire_begin(&r->body, "end");
	wire_int(&r->body, "count", count);
	wire_end(&r->body);
out:
	buf_free(&rows);
	free(hdr);
}
