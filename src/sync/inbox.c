/*
 * inbox.c - rows pulled from the server: kept page by page, applied at
 * the end in one transaction.
 *
 * A row the server sends wins over the local one when its clock is later;
 * if the local row had an edit not yet acknowledged, that edit is written
 * to the conflict log before it is overwritten. A row this device changed
 * later than the server's copy is kept (the next push sends it).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "hlc.h"
#include "sync/rows.h"
#include "sync/sync_int.h"
#include "xmalloc.h"

/* Keeps the row's record, written out whole (an "r" needs its "cols"). */
static int
inbox_insert(struct db *db, sqlite3_stmt *ins, const struct sync_row *row,
    const struct wire_record *rec)
{
	/* Parents first; deletes after every put, children first. */
	int rank = sync_table_rank(row->t), rc;
	struct buf body = { 0 };

	wire_put_record(&body, rec);
	sqlite3_bind_int(ins, 1, row->del ? 1000 - rank : rank);
	sqlite3_bind_blob(ins, 2, body.data, (int)body.len, SQLITE_STATIC);
	rc = sqlite3_step(ins);
	sqlite3_reset(ins);
	buf_free(&body);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "lưu dữ liệu nhận");
		return -1;
	}
	return 0;
}

int
inbox_store(struct db *db, struct wire_reader *rd, int64_t count,
    int64_t cursor)
{
	struct wire_record *rec = xmalloc(sizeof *rec);
	sqlite3_stmt *ins = NULL;
	int64_t seen = 0, end = -1;
	char num[32];
	int rc = -1, more;

	if (db_begin(db) != 0 || (ins = db_prepare(db, "INSERT INTO "
	    "sync_inbox(rank, body) VALUES (?1, ?2)")) == NULL)
		goto out;
	for (;;) {
		struct sync_row row;
		const char *why;

		if ((more = wire_next(rd, rec)) != 1)
			break;
		if (strcmp(rec->word, "end") == 0 && end < 0 &&
		    wire_get_int(rec, "count", &end) == 0)
			continue;
		/* The server's word of a conflict goes to the log at once. */
		if (end < 0 && strcmp(rec->word, "conflict") == 0) {
			if (conflict_log(db, rec) != 0) {
				more = -1;
				break;
			}
			seen++;
			continue;
		}
		if (end >= 0 || sync_row_parse(rec, &row, &why) != 0 ||
		    inbox_insert(db, ins, &row, rec) != 0) {
			more = -1;
			break;
		}
		seen++;
	}
	snprintf(num, sizeof num, "%lld", (long long)cursor);
	if (more == 0 && end == seen && seen == count &&
	    db_setting_set(db, SYNC_KEY_CURSOR, num) == 0 && db_commit(db) == 0)
		rc = 0;
out:
	sqlite3_finalize(ins);
	if (rc != 0)
		db_rollback(db);
	free(rec);
	return rc;
}

/*
 * Why the row's local change not yet acknowledged, if any, gives way to
 * the pulled row (caller frees), or NULL if there is none: the server's
 * reason when it refused the change (*refused set), else what the other
 * device did.
 */
static char *
inbox_pending(struct db *db, const struct sync_row *row, int *refused)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT state = 'rejected', "
	    "reason FROM sync_outbox WHERE tbl = ?1 AND row_id = ?2");
	char *why = NULL;

	*refused = 0;
	if (stmt == NULL)
		return NULL;
	sqlite3_bind_text(stmt, 1, row->t->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, row->key);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		*refused = sqlite3_column_int(stmt, 0);
		why = xstrdup(*refused ? (const char *)sqlite3_column_text(stmt,
		    1) : row->del ? "Máy khác đã xóa bản ghi này; bản sửa ở "
		    "máy này không được dùng" : "Máy khác sửa bản ghi này sau; "
		    "bản sửa ở máy này đã được thay");
	}
	sqlite3_finalize(stmt);
	return why;
}

/*
 * Applies one pulled row; a row that cannot be written is logged, not
 * fatal. A later local row is kept (the next push sends it), unless the
 * server refused it and deleted the row: nothing would bring it back.
 */
static int
inbox_apply_row(struct db *db, const struct wire_record *rec, int64_t *applied)
{
	struct sync_row row;
	const char *why;
	char *reason = NULL, *lost, *pending = NULL;
	int64_t local;
	int refused = 0;

	if (sync_row_parse(rec, &row, &why) != 0)
		return -1;
	if ((local = sync_row_hlc(db, &row)) >= 0)
		pending = inbox_pending(db, &row, &refused);
	if (local >= row.hlc && !(refused && row.del)) {
		free(pending);
		return 0;
	}
	if (db_begin(db) != 0) {
		free(pending);
		return -1;
	}
	lost = pending != NULL ? sync_row_describe(db, row.t, row.key) : NULL;
	if (sync_row_write(db, &row, rec, &reason) != 0) {
		db_rollback(db);
		lost = lost != NULL ? lost : xstrdup("");
		queue_log_conflict(db, row.t->name, row.key, "", lost, reason);
	} else {
		if (pending != NULL) {
			char *sql = xasprintf("DELETE FROM sync_outbox WHERE "
			    "tbl = '%s' AND row_id = %lld", row.t->name,
			    (long long)row.key);
			char *kept = row.del ? xstrdup("(đã xóa)") :
			    sync_row_describe(db, row.t, row.key);

			db_exec(db, sql);
			free(sql);
			queue_log_conflict(db, row.t->name, row.key, kept, lost,
			    pending);
			free(kept);
		}
		db_commit(db);
		(*applied)++;
	}
	free(pending);
	free(lost);
	free(reason);
	return 0;
}

/*
 * One pass of inbox_drop_orphans: drops every row that fails a foreign
 * key now. Returns the rows dropped, or -1.
 */
static int
inbox_drop_pass(struct db *db)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT DISTINCT \"table\", rowid "
	    "FROM pragma_foreign_key_check WHERE rowid IS NOT NULL");
	struct buf del = { 0 };
	int n = 0;

	if (stmt == NULL)
		return -1;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		const struct sync_table *t = sync_table_find(
		    (const char *)sqlite3_column_text(stmt, 0));
		int64_t key = sqlite3_column_int64(stmt, 1);
		char *lost, *sql;

		if (t == NULL)
			continue;
		lost = sync_row_describe(db, t, key);
		queue_log_conflict(db, t->name, key, "", lost, "Máy chủ gửi "
		    "bản ghi thiếu dữ liệu liên quan; bản ghi không được nhận");
		sql = xasprintf("DELETE FROM %s WHERE rowid = %lld;", t->name,
		    (long long)key);
		buf_str(&del, sql);
		free(sql);
		free(lost);
		n++;
	}
	sqlite3_finalize(stmt);
	if (del.len > 0 && db_exec(db, del.data) != 0)
		n = -1;
	buf_free(&del);
	return n;
}

/*
 * Drops the pulled rows whose parent never came (an inconsistent or
 * hostile server), logging each, so that they cannot fail the commit of
 * this and every later sync. Dropping a row orphans the rows that name
 * it (a plan whose parent never came takes its sessions, their
 * attendance, its essays), so passes repeat until none fails; each pass
 * drops at least one row, so they end. Returns the rows dropped, or -1.
 */
static int
inbox_drop_orphans(struct db *db)
{
	int n, total = 0;

	while ((n = inbox_drop_pass(db)) > 0)
		total += n;
	return n < 0 ? -1 : total;
}

int
inbox_apply(struct db *db, int64_t *applied)
{
	struct wire_record *rec = xmalloc(sizeof *rec);
	sqlite3_stmt *stmt = NULL;
	char *actor;
	int rc = -1;

	*applied = 0;
	/* The audit trail names the server as the author of what it sent. */
	actor = db_set_actor(db, "server");
	if (db_begin(db) != 0)
		goto out;
	if (db_exec(db, "PRAGMA defer_foreign_keys = ON; "
	    "INSERT OR IGNORE INTO sync_mute VALUES (1)") != 0 ||
	    (stmt = db_prepare(db, "SELECT body FROM sync_inbox "
	    "ORDER BY rank, seq")) == NULL)
		goto out;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		struct wire_reader rd;

		wire_reader_init(&rd, sqlite3_column_blob(stmt, 0),
		    (size_t)sqlite3_column_bytes(stmt, 0));
		if (wire_next(&rd, rec) != 1 || inbox_apply_row(db, rec, applied) != 0)
			goto out;
	}
	sqlite3_finalize(stmt);
	stmt = NULL;
	if (inbox_drop_orphans(db) >= 0 &&
	    db_exec(db, "DELETE FROM sync_mute; DELETE FROM sync_inbox") == 0 &&
	    db_commit(db) == 0)
		rc = 0;
out:
	sqlite3_finalize(stmt);
	if (rc != 0)
		db_rollback(db);
	free(db_set_actor(db, actor));
	free(actor);
	free(rec);
	return rc;
}
