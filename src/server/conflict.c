/*
 * conflict.c - two devices changing the same row without seeing each
 * other's change (docs/sync.md, "Clock and conflicts").
 *
 * A pushed change names the version it was made from (base). When the
 * server's copy is newer than that base and was written by another
 * device, neither device saw the other's change: the rule decides which
 * is kept (two edits: the later clock; an edit and a delete: the edit),
 * and both devices are told what was kept and what was not, by whom and
 * when. The pushing device learns it from its acknowledgement, the
 * other from its next pull (an srv_row entry "conflict" places the
 * record among the changes it pages through).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "server/srv.h"
#include "sync/rows.h"
#include "xmalloc.h"

/*
 * The device that last changed the row on the server (0: none, or the
 * server itself), that change's clock (-1: unknown) and the row's unit
 * then (0: none).
 */
static void
conflict_last_change(struct db *db, const struct sync_row *row,
    int64_t *device, int64_t *hlc, int64_t *unit)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT ifnull(device_id, 0), "
	    "ifnull(hlc, -1), ifnull(unit_id, 0) FROM srv_row "
	    "WHERE tbl = ?1 AND row_id = ?2");

	*device = *unit = 0;
	*hlc = -1;
	if (stmt == NULL)
		return;
	sqlite3_bind_text(stmt, 1, row->t->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, row->key);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		*device = sqlite3_column_int64(stmt, 0);
		*hlc = sqlite3_column_int64(stmt, 1);
		*unit = sqlite3_column_int64(stmt, 2);
	}
	sqlite3_finalize(stmt);
}

int
srv_conflict_gone(struct db *db, const struct srv_device *dev,
    const struct sync_row *row)
{
	int64_t writer, changed, unit;

	conflict_last_change(db, row, &writer, &changed, &unit);
	return writer != 0 && writer != dev->id && unit != 0 &&
	    srv_in_scope(db, dev->unit_id, unit);
}

int
srv_row_resent(struct db *db, const struct srv_device *dev,
    const struct sync_row *row)
{
	int64_t writer, changed, unit;

	conflict_last_change(db, row, &writer, &changed, &unit);
	return writer == dev->id && changed == row->hlc;
}

void
srv_conflict_clear(struct srv_conflict *c)
{
	free(c->kept);
	free(c->lost);
	memset(c, 0, sizeof *c);
}

enum srv_verdict
srv_conflict_find(struct db *db, const struct srv_device *dev,
    const struct sync_row *row, const struct wire_record *rec,
    int64_t stored, int64_t hlc, struct srv_conflict *c)
{
	int64_t writer, changed, unit;

	memset(c, 0, sizeof *c);
	if (row->base < 0)
		return SRV_NO_CONFLICT;
	conflict_last_change(db, row, &writer, &changed, &unit);
	if (stored >= 0)
		changed = stored;
	/* Seen by the device, or its own: no conflict (0: the server's). */
	if (writer == dev->id || changed <= row->base)
		return SRV_NO_CONFLICT;
	if (stored < 0) {
		if (row->del)
			return SRV_NO_CONFLICT;
		/* Deleted by the other device: the edit brings it back. */
		c->kind = "delete";
		c->lost = xstrdup("");
		c->lost_by = writer;
		c->lost_at = changed;
		c->kept_by = dev->id;
		c->kept_at = row->hlc;
		return SRV_CONFLICT_WON;
	}
	if (row->del || hlc <= stored) {
		/* The stored edit stays: it is later, or this is a delete. */
		c->kind = row->del ? "delete" : "edit";
		c->kept = sync_row_describe(db, row->t, row->key);
		c->lost = row->del ? xstrdup("") :
		    sync_row_describe_record(db, row, rec);
		c->kept_by = writer;
		c->kept_at = stored;
		c->lost_by = dev->id;
		c->lost_at = row->hlc;
		if (strcmp(c->kept, c->lost) == 0) {
			srv_conflict_clear(c);	/* the same: nothing lost */
			return SRV_NO_CONFLICT;
		}
		return SRV_CONFLICT_LOST;
	}
	c->kind = "edit";
	c->lost = sync_row_describe(db, row->t, row->key);
	c->lost_by = writer;
	c->lost_at = stored;
	c->kept_by = dev->id;
	c->kept_at = hlc;
	return SRV_CONFLICT_WON;
}

/* Appends the record of conflict id, as device you is to read it. */
static int
conflict_encode(struct db *db, int64_t id, int64_t you, struct buf *out)
{
	/* The record's fields, in the order of the columns. */
	static const char *const text[] = { "t", "kind", "kept", "lost" };
	static const char *const num[] = { "key", "kept_by", "lost_by",
	    "kept_at", "lost_at" };
	sqlite3_stmt *stmt = db_prepare(db, "SELECT tbl, kind, kept, lost, "
	    "row_id, ifnull(kept_by, 0), ifnull(lost_by, 0), kept_at, lost_at "
	    "FROM srv_conflict WHERE id = ?1");
	int rc, i;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		wire_begin(out, "conflict");
		for (i = 0; i < 4; i++)
			wire_text(out, text[i], (const char *)
			    sqlite3_column_text(stmt, i),
			    (size_t)sqlite3_column_bytes(stmt, i));
		for (i = 0; i < 5; i++)
			wire_int(out, num[i], sqlite3_column_int64(stmt, 4 + i));
		wire_int(out, "you", you);
		wire_end(out);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW) {
		db_set_error(db, rc, "đọc xung đột");
		return -1;
	}
	return 0;
}

int
srv_conflict_save(struct db *db, const struct srv_device *dev,
    const struct sync_row *row, struct srv_conflict *c, struct buf *note)
{
	sqlite3_stmt *stmt;
	int64_t other = c->kept_by == dev->id ? c->lost_by : c->kept_by, id;
	int rc;

	/* An edit kept: its value as now stored. */
	if (c->kept == NULL)
		c->kept = sync_row_describe(db, row->t, row->key);
	if (strcmp(c->kept, c->lost) == 0)
		return 0;	/* the same value: nothing lost */
	stmt = db_prepare(db, "INSERT INTO srv_conflict(device_id, tbl, "
	    "row_id, kind, kept, lost, kept_by, lost_by, kept_at, lost_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, other);
	sqlite3_bind_text(stmt, 2, row->t->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, row->key);
	sqlite3_bind_text(stmt, 4, c->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, c->kept, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, c->lost, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 7, c->kept_by);
	sqlite3_bind_int64(stmt, 8, c->lost_by);
	sqlite3_bind_int64(stmt, 9, c->kept_at);
	sqlite3_bind_int64(stmt, 10, c->lost_at);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "ghi xung đột");
		return -1;
	}
	id = sqlite3_last_insert_rowid(db_handle(db));
	/* Pulled by the other device: in the row's unit, not sent back here. */
	if (srv_row_touch(db, SRV_CONFLICT_TBL, id, sync_row_owner(db, row->t,
	    row->key), row->t->public, dev->id, 0) != 0 ||
	    conflict_encode(db, id, dev->id, note) != 0)
		return -1;
	return 1;
}

int
srv_conflict_pull(struct db *db, const struct srv_device *dev, int64_t id,
    struct buf *out)
{
	if (db_int(db, 0, "SELECT device_id FROM srv_conflict WHERE id = ?1",
	    1, id) != dev->id)
		return 0;
	return conflict_encode(db, id, dev->id, out) == 0 ? 1 : -1;
}
