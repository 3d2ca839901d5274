/*
 * queue.c - the client's outgoing queue (sync_outbox), its batches and
 * acknowledgements, and what the clerk is shown of it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "hlc.h"
#include "sync/rows.h"
#include "sync/sync.h"
#include "sync/sync_int.h"
#include "xmalloc.h"

void
sync_header(struct buf *b, const char *type)
{
	wire_begin(b, "qtsync");
	wire_int(b, "v", WIRE_VERSION);
	wire_str(b, "type", type);
}

int64_t
sync_pending_count(struct db *db)
{
	/* The audit rows ride along with the records they describe. */
	return db_int(db, 0, "SELECT count(*) FROM sync_outbox "
	    "WHERE state <> 'rejected' AND tbl <> 'audit'", 0);
}

int
sync_poll_skip(struct db *db)
{
	char *until = db_setting_get(db, SYNC_KEY_POLL);
	int skip = until != NULL && time(NULL) < strtoll(until, NULL, 10) &&
	    sync_pending_count(db) == 0 &&
	    db_int(db, 1, "SELECT count(*) FROM sync_batch", 0) == 0;

	free(until);
	return skip;
}

char *
sync_last_success(struct db *db)
{
	char *when = db_setting_get(db, SYNC_KEY_LAST);

	return when != NULL ? when : xstrdup("chưa bao giờ");
}

int64_t
sync_rejected_count(struct db *db)
{
	return db_int(db, 0, "SELECT count(*) FROM sync_outbox "
	    "WHERE state = 'rejected'", 0);
}

int64_t
sync_conflict_count(struct db *db)
{
	return db_int(db, 0, "SELECT count(*) FROM sync_conflict", 0);
}

int64_t
sync_requeue_rejected(struct db *db)
{
	int64_t n = sync_rejected_count(db);

	if (db_begin(db) != 0)
		return -1;
	if (db_exec(db, "UPDATE sync_outbox SET state = 'waiting', reason = '', "
	    "batch_id = NULL WHERE state = 'rejected'") != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db) == 0 ? n : -1;
}

enum sync_state
sync_record_state(struct db *db, const char *table, int64_t id)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT state FROM sync_outbox "
	    "WHERE tbl = ?1 AND row_id = ?2");
	enum sync_state state = SYNC_DONE;
	const char *s;

	if (stmt == NULL)
		return SYNC_DONE;
	sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, id);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		s = (const char *)sqlite3_column_text(stmt, 0);
		state = strcmp(s, "waiting") == 0 ? SYNC_WAITING :
		    strcmp(s, "sent") == 0 ? SYNC_SENT : SYNC_REJECTED;
	}
	sqlite3_finalize(stmt);
	return state;
}

/* "ORDER BY" for the outbox: puts parents first, then deletes children first. */
static char *
queue_order(void)
{
	struct buf b = { 0 };
	const struct sync_table *t;
	char num[16];

	buf_str(&b, "CASE tbl");
	for (t = sync_tables; t->name != NULL; t++) {
		snprintf(num, sizeof num, " THEN %d", sync_table_rank(t));
		buf_str(&b, " WHEN '");
		buf_str(&b, t->name);
		buf_str(&b, "'");
		buf_str(&b, num);
	}
	buf_str(&b, " END");
	return b.data;
}

int
queue_stored_batch(struct db *db, int64_t after, struct buf *plain,
    int64_t *batch, int64_t *count)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT id, body, count FROM "
	    "sync_batch WHERE id > ?1 ORDER BY id LIMIT 1");
	int found = 0;

	if (stmt == NULL)
		return -1;
	plain->len = 0;
	sqlite3_bind_int64(stmt, 1, after);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		const char *body = sqlite3_column_blob(stmt, 1);
		size_t len = (size_t)sqlite3_column_bytes(stmt, 1);
		const char *lf = len > 0 ? memchr(body, '\n', len) : NULL;

		/* Stored by version 2 with its header: the rows follow it. */
		if (len > 7 && memcmp(body, "qtsync ", 7) == 0 && lf != NULL) {
			len -= (size_t)(lf + 1 - body);
			body = lf + 1;
		}
		*batch = sqlite3_column_int64(stmt, 0);
		buf_add(plain, body, len);
		*count = sqlite3_column_int64(stmt, 2);
		found = 1;
	}
	sqlite3_finalize(stmt);
	return found;
}

static int
queue_save_batch(struct db *db, const struct buf *plain, int64_t batch,
    int64_t count)
{
	sqlite3_stmt *stmt = db_prepare(db,
	    "INSERT INTO sync_batch(id, body, count) VALUES (?1, ?2, ?3)");
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, batch);
	sqlite3_bind_blob(stmt, 2, plain->data, (int)plain->len, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, count);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "lưu gói gửi");
		return -1;
	}
	return 0;
}

/*
 * Encodes a batch of waiting rows into rows and marks them sent: up to
 * queue_batch_target() bytes once compressed, or SYNC_BATCH_ROWS.
 */
static int
queue_fill(struct db *db, int64_t batch, struct buf *rows, int64_t *count)
{
	struct wire_meter *meter = wire_meter_new();
	int64_t target = queue_batch_target(db);
	char *last = NULL;
	char *order = queue_order();
	char *sql = xasprintf("SELECT tbl, row_id, hlc, ifnull(base, -1) "
	    "FROM sync_outbox "
	    "WHERE state = 'waiting' ORDER BY op = 'del', "
	    "CASE op WHEN 'del' THEN -(%s) ELSE %s END, hlc", order, order);
	sqlite3_stmt *stmt = db_prepare(db, sql), *mark;
	int rc = SQLITE_DONE;

	free(order);
	free(sql);
	mark = db_prepare(db, "UPDATE sync_outbox SET state = 'sent', "
	    "batch_id = ?1 WHERE tbl = ?2 AND row_id = ?3");
	if (stmt == NULL || mark == NULL) {
		sqlite3_finalize(stmt);
		sqlite3_finalize(mark);
		wire_meter_free(&meter);
		return -1;
	}
	*count = 0;
	while (*count < SYNC_BATCH_ROWS &&
	    (int64_t)wire_meter_bytes(meter) < target &&
	    (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *tbl = (const char *)sqlite3_column_text(stmt, 0);
		const struct sync_table *t = sync_table_find(tbl);
		int64_t key = sqlite3_column_int64(stmt, 1);
		size_t before = rows->len;

		if (t == NULL)
			continue;
		if (sync_row_encode_cols(db, t, key, sqlite3_column_int64(stmt,
		    2), sqlite3_column_int64(stmt, 3), &last, rows) != 0)
			break;
		wire_meter_add(meter, rows->data + before, rows->len - before);
		sqlite3_bind_int64(mark, 1, batch);
		sqlite3_bind_text(mark, 2, tbl, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(mark, 3, key);
		if ((rc = sqlite3_step(mark)) != SQLITE_DONE)
			break;
		sqlite3_reset(mark);
		(*count)++;
	}
	sqlite3_finalize(stmt);
	sqlite3_finalize(mark);
	wire_meter_free(&meter);
	free(last);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_set_error(db, rc, "chuẩn bị gói gửi");
		return -1;
	}
	return 0;
}

int
queue_new_batch(struct db *db, struct buf *plain, int64_t *batch,
    int64_t *count)
{
	struct buf rows = { 0 };

	plain->len = 0;
	/*
	 * After the batches stored, in the order they were made: a bundle
	 * (bundle_out.c) stores several, and a sync resends them in id order,
	 * parents before the rows that need them. The first takes a random
	 * id with room above it.
	 */
	*batch = db_int(db, 0, "SELECT max(id) FROM sync_batch", 0);
	*batch = *batch > 0 ? *batch + 1 : db_new_id() >> 1;
	if (db_begin(db) != 0)
		return -1;
	if (queue_fill(db, *batch, &rows, count) != 0) {
		db_rollback(db);
		buf_free(&rows);
		return -1;
	}
	if (*count == 0) {
		db_rollback(db);
		buf_free(&rows);
		return 0;
	}
	buf_add(plain, rows.data, rows.len);
	wire_begin(plain, "end");
	wire_int(plain, "count", *count);
	wire_end(plain);
	buf_free(&rows);
	if (queue_save_batch(db, plain, *batch, *count) != 0 ||
	    db_commit(db) != 0) {
		db_rollback(db);
		return -1;
	}
	return 1;
}

int
queue_next_batch(struct db *db, struct buf *plain, int64_t *batch,
    int64_t *count)
{
	int found;

	plain->len = 0;
	if ((found = queue_stored_batch(db, 0, plain, batch, count)) != 0)
		return found;
	return queue_new_batch(db, plain, batch, count);
}

int
queue_log_conflict(struct db *db, const char *tbl, int64_t key,
    const char *kept, const char *lost, const char *reason)
{
	sqlite3_stmt *stmt = db_prepare(db, "INSERT INTO sync_conflict(at, tbl, "
	    "row_id, lost, reason, kept) VALUES (datetime('now', 'localtime'), "
	    "?1, ?2, ?3, ?4, ?5)");
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_text(stmt, 1, tbl, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, key);
	sqlite3_bind_text(stmt, 3, lost, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, kept, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "ghi nhật ký xung đột");
		return -1;
	}
	return 0;
}

/*
 * 1 if the row's change was sent with the version it was made from: the
 * server then tells a conflict with a note of its own.
 */
static int
queue_based(struct db *db, const struct sync_table *t, int64_t key)
{
	char *sql = xasprintf("SELECT base IS NOT NULL FROM sync_outbox "
	    "WHERE tbl = '%s' AND row_id = ?1", t->name);
	int based = db_int(db, 0, sql, 1, key) == 1;

	free(sql);
	return based;
}

/*
 * Applies one "reject", "clamp", "stale" or "conflict" note of an
 * acknowledgement.
 */
static int
queue_note(struct db *db, int64_t batch, const struct wire_record *rec)
{
	char *tbl = wire_get_str(rec, "t"), *reason = wire_get_str(rec, "reason");
	const struct sync_table *t = tbl != NULL ? sync_table_find(tbl) : NULL;
	int64_t key, hlc;
	int rc = -1;

	if (t == NULL || wire_get_int(rec, "key", &key) != 0)
		goto out;
	if (strcmp(rec->word, "conflict") == 0) {
		rc = conflict_log(db, rec);
	} else if (strcmp(rec->word, "reject") == 0 && reason != NULL) {
		sqlite3_stmt *stmt = db_prepare(db, "UPDATE sync_outbox SET "
		    "state = 'rejected', reason = ?1 WHERE tbl = ?2 AND "
		    "row_id = ?3 AND batch_id = ?4 AND state = 'sent'");

		if (stmt == NULL)
			goto out;
		sqlite3_bind_text(stmt, 1, reason, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, t->name, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 3, key);
		sqlite3_bind_int64(stmt, 4, batch);
		rc = sqlite3_step(stmt) == SQLITE_DONE ? 0 : -1;
		sqlite3_finalize(stmt);
	} else if (strcmp(rec->word, "clamp") == 0 &&
	    wire_get_int(rec, "hlc", &hlc) == 0) {
		/* The server's clock replaces one stamped too far ahead. */
		char *sql = xasprintf("UPDATE %s SET hlc = %lld WHERE %s = %lld",
		    t->name, (long long)hlc, t->key, (long long)key);

		rc = db_exec(db, sql);
		free(sql);
	} else if (strcmp(rec->word, "stale") == 0 && queue_based(db, t, key)) {
		rc = 0;		/* a conflict note tells what was lost */
	} else if (strcmp(rec->word, "stale") == 0) {
		char *lost = sync_row_describe(db, t, key);

		rc = queue_log_conflict(db, t->name, key, "", lost,
		    "Một máy khác của đơn vị đã sửa bản ghi này sau; bản sửa ở máy này "
		    "không được dùng");
		free(lost);
	}
out:
	free(tbl);
	free(reason);
	return rc;
}

/*
 * Writes the server's copy of a row it rejected over the local one (the
 * queue muted by the caller), logging the value that was refused.
 */
static int
queue_restore(struct db *db, const struct wire_record *rec)
{
	struct sync_row row;
	const char *why;
	char *lost, *reason = NULL;
	int rc;

	if (sync_row_parse(rec, &row, &why) != 0)
		return -1;
	lost = sync_row_describe(db, row.t, row.key);
	if ((rc = db_begin(db)) == 0) {
		/* A copy that cannot be written leaves the local one as it is. */
		if (sync_row_write(db, &row, rec, &reason) != 0 ||
		    queue_log_conflict(db, row.t->name, row.key, "", lost,
		    "Máy chủ "
		    "tỉnh từ chối bản sửa này; bản của tỉnh đã được khôi phục "
		    "trên máy") != 0)
			db_rollback(db);
		else
			rc = db_commit(db);
	}
	free(lost);
	free(reason);
	return rc;
}

int
queue_ack(struct db *db, int64_t batch, const struct wire_record *hdr,
    struct wire_reader *rd)
{
	struct wire_record *rec = xmalloc(sizeof *rec);
	int64_t echoed, applied, stale, rejected, clamped, count, notes = 0;
	int64_t restore = 0, restored = 0, conflicts = 0, want;
	char *sql;
	int rc;

	count = db_int(db, -1, "SELECT count FROM sync_batch WHERE id = ?1",
	    1, batch);
	if (wire_get_int(hdr, "batch", &echoed) != 0 || echoed != batch ||
	    wire_get_int(hdr, "applied", &applied) != 0 ||
	    wire_get_int(hdr, "stale", &stale) != 0 ||
	    wire_get_int(hdr, "rejected", &rejected) != 0 ||
	    wire_get_int(hdr, "clamped", &clamped) != 0 || applied < 0 ||
	    stale < 0 || rejected < 0 || clamped < 0 || clamped > applied ||
	    applied + stale + rejected != count) {
		free(rec);
		return -1;
	}
	/* Version 2: the server's copies of rejected rows follow the notes. */
	if ((wire_get_int(hdr, "restore", &restore) == 0 &&
	    (restore < 0 || restore > rejected)) ||
	    (wire_get_int(hdr, "conflicts", &conflicts) == 0 &&
	    (conflicts < 0 || conflicts > count))) {
		free(rec);
		return -1;
	}
	/* One note per stale, rejected or clamped row, and per conflict. */
	want = stale + rejected + clamped + conflicts;
	if (db_begin(db) != 0 ||
	    db_exec(db, "INSERT OR IGNORE INTO sync_mute VALUES (1)") != 0) {
		db_rollback(db);
		free(rec);
		return -1;
	}
	for (;;) {
		const char *at = rd->p;

		if ((rc = wire_next(rd, rec)) != 1)
			break;
		if (strcmp(rec->word, "page") == 0) {
			rd->p = at;	/* a sync's page follows (run.c) */
			rc = 0;
			break;
		}
		if (strcmp(rec->word, "row") == 0 && notes == want &&
		    restored < restore && queue_restore(db, rec) == 0)
			restored++;
		else if (restored == 0 && queue_note(db, batch, rec) == 0)
			notes++;
		else
			break;
	}
	free(rec);
	if (rc != 0 || notes != want || restored != restore ||
	    db_exec(db, "DELETE FROM sync_mute") != 0) {
		db_rollback(db);
		return -1;
	}
	sql = xasprintf("DELETE FROM sync_outbox WHERE batch_id = %lld AND "
	    "state = 'sent'; DELETE FROM sync_batch WHERE id = %lld",
	    (long long)batch, (long long)batch);
	rc = db_exec(db, sql) != 0 || db_commit(db) != 0 ? -1 : 0;
	free(sql);
	if (rc != 0)
		db_rollback(db);
	return rc;
}

/* Runs the list query into *items. */
static int
queue_list(struct db *db, const char *sql, int offset, int limit,
    struct sync_issue **items)
{
	sqlite3_stmt *stmt = db_prepare(db, sql);
	int n = 0;

	*items = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int(stmt, 1, limit);
	sqlite3_bind_int(stmt, 2, offset);
	*items = xcalloc((size_t)(limit > 0 ? limit : 1), sizeof **items);
	while (n < limit && sqlite3_step(stmt) == SQLITE_ROW) {
		struct sync_issue *it = &(*items)[n++];
		const struct sync_table *t = sync_table_find(
		    (const char *)sqlite3_column_text(stmt, 0));

		it->table = xstrdup((const char *)sqlite3_column_text(stmt, 0));
		it->row_id = sqlite3_column_int64(stmt, 1);
		it->reason = xstrdup((const char *)sqlite3_column_text(stmt, 2));
		it->at = xstrdup((const char *)sqlite3_column_text(stmt, 3));
		it->kept = xstrdup((const char *)sqlite3_column_text(stmt, 5));
		if (sqlite3_column_type(stmt, 4) != SQLITE_NULL)
			it->what = xstrdup((const char *)sqlite3_column_text(stmt, 4));
		else
			it->what = t != NULL ? sync_row_describe(db, t,
			    it->row_id) : xstrdup("");
	}
	sqlite3_finalize(stmt);
	return n;
}

int
sync_list_rejected(struct db *db, int offset, int limit,
    struct sync_issue **items)
{
	/* A record before the audit rows refused with it. */
	return queue_list(db, "SELECT tbl, row_id, reason, '', NULL, '' "
	    "FROM sync_outbox WHERE state = 'rejected' "
	    "ORDER BY tbl = 'audit', tbl, row_id "
	    "LIMIT ?1 OFFSET ?2", offset, limit, items);
}

int
sync_list_conflicts(struct db *db, int offset, int limit,
    struct sync_issue **items)
{
	return queue_list(db, "SELECT tbl, row_id, reason, at, lost, kept "
	    "FROM sync_conflict ORDER BY id DESC LIMIT ?1 OFFSET ?2",
	    offset, limit, items);
}

void
sync_issues_free(struct sync_issue *items, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(items[i].table);
		free(items[i].what);
		free(items[i].kept);
		free(items[i].reason);
		free(items[i].at);
	}
	free(items);
}
