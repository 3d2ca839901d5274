/*
 * push.c - applying a batch of rows a device sends (POST /v1/push).
 *
 * The whole batch is one transaction and each row a savepoint inside it:
 * a row that fails its checks is rejected with a reason and the others
 * still apply. The acknowledgement is stored with the batch id, so a batch
 * sent again after a cut link is answered the same way and applied once.
 * A version 2 device also gets back the server's copy of each row it had
 * rejected (docs/sync.md, "Push").
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "hlc.h"
#include "server/srv.h"
#include "sync/rows.h"
#include "xmalloc.h"

struct push_counts {
	int64_t	applied;
	int64_t	stale;
	int64_t	rejected;
	int64_t	clamped;	/* applied, with the server's clock */
	int64_t	restored;	/* rejected rows sent back as the server has them */
	int64_t	conflicts;	/* with another device's change */
};

/*
 * Version 2: appends the server's copy of a rejected row, if it exists
 * and the device may read it (as a pull would send it: its own unit and
 * below, or a public row of an ancestor), so the device's copy is put
 * right. A row of another unit is never sent, nor told apart from none.
 */
static void
push_restore(struct db *db, const struct srv_device *dev,
    const struct sync_row *row, struct push_counts *n, char **last,
    struct buf *restore)
{
	int64_t owner = sync_row_owner(db, row->t, row->key);

	if (owner < 0 || (owner == 0 && row->t->owner_sql != NULL))
		return;
	if (owner > 0 && !srv_in_scope(db, dev->unit_id, owner) &&
	    !(row->t->public && srv_in_scope(db, owner, dev->unit_id)))
		return;
	if (sync_row_encode_cols(db, row->t, row->key, 0, -1, last,
	    restore) == 0)
		n->restored++;
}

/* A device may not move or delete the unit it was enrolled for. */
static const char *
push_check_root(struct db *db, const struct srv_device *dev,
    const struct sync_row *row, const struct wire_record *rec)
{
	const struct wire_value *parent;
	int64_t stored;

	if (strcmp(row->t->name, "unit") != 0 || row->key != dev->unit_id)
		return NULL;
	if (row->del)
		return "Không được xóa đơn vị của chính mình";
	parent = wire_get(rec, "parent_id");
	stored = db_int(db, -1, "SELECT ifnull(parent_id, 0) FROM unit "
	    "WHERE id = ?1", 1, row->key);
	if (parent == NULL || (parent->kind == WIRE_NULL ? 0 : parent->i) != stored)
		return "Không được chuyển đơn vị của mình sang cấp trên khác";
	return NULL;
}

/*
 * A clock stamped by a PC whose clock ran far ahead would win every later
 * edit until that date: such a row takes the server's clock instead.
 * Returns the clock the row is stored with.
 */
static int64_t
push_clamp(struct db *db, int64_t hlc)
{
	if (hlc_ms(hlc) <= hlc_wall_ms() + HLC_MAX_SKEW_MS)
		return hlc;
	return hlc_next(db);
}

/* Stores the row's clock as hlc instead of the one it came with. */
static int
push_restamp(struct db *db, const struct sync_row *row, int64_t hlc)
{
	char *sql = xasprintf("UPDATE %s SET hlc = %lld WHERE %s = %lld",
	    row->t->name, (long long)hlc, row->t->key, (long long)row->key);
	int rc = db_exec(db, sql);

	free(sql);
	return rc;
}

/*
 * Applies one row inside the caller's transaction. Returns 0 applied,
 * 1 stale (the server holds a later edit, or an edit this delete did
 * not see), -1 rejected with *reason. *hlc is the clock the row is
 * stored with (see push_clamp); *c the conflict with another device's
 * change, if any (kind not NULL).
 */
static int
push_row(struct db *db, const struct srv_device *dev,
    const struct sync_row *row, const struct wire_record *rec, int64_t *hlc,
    struct srv_conflict *c, char **reason)
{
	int64_t stored, owner;
	enum srv_verdict verdict;
	const char *why;

	/*
	 * Scope first, then the clock: a row of another unit must not be
	 * told apart from one that does not exist by a "stale" answer.
	 */
	memset(c, 0, sizeof *c);
	*hlc = push_clamp(db, row->hlc);
	stored = sync_row_hlc(db, row);
	if ((*reason = srv_scope_refs(db, dev, row, rec)) != NULL) {
		/* An edit cannot bring back a row without what it belongs to. */
		if (stored < 0 && !row->del && srv_conflict_gone(db, dev, row)) {
			free(*reason);
			*reason = xstrdup("Máy khác của đơn vị đã xóa bản ghi này "
			    "cùng với phần nó thuộc về (buổi học, kế hoạch…): "
			    "bản sửa không khôi phục được");
		}
		return -1;
	}
	if (stored >= 0) {
		owner = sync_row_owner(db, row->t, row->key);
		if (owner != 0 && !srv_in_scope(db, dev->unit_id, owner)) {
			*reason = xstrdup("Bản ghi thuộc đơn vị khác hoặc cấp "
			    "trên: chỉ đơn vị sở hữu mới được sửa");
			return -1;
		}
	} else if (row->del)
		return 0;	/* already gone */
	if (stored == row->hlc && srv_row_resent(db, dev, row))
		return 0;	/* sent before in a batch since split */
	verdict = srv_conflict_find(db, dev, row, rec, stored, *hlc, c);
	if (verdict == SRV_CONFLICT_LOST ||
	    (verdict == SRV_NO_CONFLICT && stored >= *hlc))
		return 1;
	if ((why = push_check_root(db, dev, row, rec)) != NULL) {
		*reason = xstrdup(why);
		return -1;
	}
	owner = row->del ? sync_row_owner(db, row->t, row->key) : 0;
	if (db_begin(db) != 0 || sync_row_write(db, row, rec, reason) != 0) {
		if (*reason == NULL)
			*reason = xstrdup(db_error(db));
		db_rollback(db);
		return -1;
	}
	if (!row->del)
		owner = sync_row_owner(db, row->t, row->key);
	if (owner != 0 && !srv_in_scope(db, dev->unit_id, owner)) {
		db_rollback(db);
		*reason = xstrdup("Bản ghi thuộc đơn vị khác hoặc cấp trên: "
		    "không nằm trong phạm vi của máy này");
		return -1;
	}
	if ((*hlc != row->hlc && !row->del && push_restamp(db, row, *hlc) != 0) ||
	    srv_row_touch(db, row->t->name, row->key, owner, row->t->public,
	    dev->id, *hlc) != 0 || hlc_observe(db, *hlc) != 0 ||
	    db_commit(db) != 0) {
		*reason = xstrdup(db_error(db));
		db_rollback(db);
		return -1;
	}
	return 0;
}

/*
 * Appends the record telling the device what became of one row: "stale",
 * "reject" with a reason, or "clamp" with the clock it was stored with.
 */
static void
push_note(struct buf *notes, const char *word, const struct sync_row *row,
    const char *reason, int64_t hlc)
{
	wire_begin(notes, word);
	wire_str(notes, "t", row->t->name);
	wire_int(notes, "key", row->key);
	if (reason != NULL)
		wire_str(notes, "reason", reason);
	if (hlc != 0)
		wire_int(notes, "hlc", hlc);
	wire_end(notes);
}

/* Applies the rows of the batch; -1 (with an error reply) aborts it. */
static int
push_rows(struct db *db, const struct srv_device *dev, struct wire_reader *rd,
    int64_t count, struct push_counts *n, struct buf *notes,
    struct buf *restore, struct srv_reply *r)
{
	struct wire_record *rec = xmalloc(sizeof *rec);
	int64_t seen = 0, end_count = -1;
	char *last = NULL;	/* version 3 "cols" of the restored rows */
	int rc;

	while ((rc = wire_next(rd, rec)) == 1) {
		struct sync_row row;
		struct srv_conflict c;
		const char *why;
		char *reason;
		int64_t hlc;
		int res, saved;

		if (strcmp(rec->word, "end") == 0) {
			if (wire_get_int(rec, "count", &end_count) != 0)
				break;
			continue;
		}
		if (end_count >= 0 || sync_row_parse(rec, &row, &why) != 0) {
			rc = -1;
			break;
		}
		seen++;
		if (r->version < 2)
			row.base = -1;	/* told in version 2 only */
		res = push_row(db, dev, &row, rec, &hlc, &c, &reason);
		switch (res) {
		case 0:
			n->applied++;
			if (hlc != row.hlc && !row.del) {
				n->clamped++;
				push_note(notes, "clamp", &row, NULL, hlc);
			}
			break;
		case 1:
			n->stale++;
			push_note(notes, "stale", &row, NULL, 0);
			break;
		default:
			n->rejected++;
			push_note(notes, "reject", &row, reason, 0);
			if (r->version >= 2)
				push_restore(db, dev, &row, n, r->version >= 3 ?
				    &last : NULL, restore);
			break;
		}
		free(reason);
		saved = res >= 0 && c.kind != NULL ? srv_conflict_save(db, dev,
		    &row, &c, notes) : 0;
		srv_conflict_clear(&c);
		if (saved < 0) {
			srv_reply_error(db, r, 503, "busy", db_error(db));
			free(rec);
			free(last);
			return -1;
		}
		n->conflicts += saved;
	}
	free(rec);
	free(last);
	if (rc != 0 || end_count != seen || seen != count) {
		srv_reply_error(db, r, 400, "bad-request", "Gói dữ liệu gửi lên "
		    "bị hỏng hoặc thiếu: hãy đồng bộ lại");
		return -1;
	}
	return 0;
}

/* The acknowledgement a batch already applied got then, into ack; 1 if any. */
static int
push_replay(struct db *db, const struct srv_device *dev, int64_t batch,
    struct buf *ack)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT ack FROM srv_batch "
	    "WHERE device_id = ?1 AND batch_id = ?2");
	int found = 0;

	if (stmt == NULL)
		return 0;
	sqlite3_bind_int64(stmt, 1, dev->id);
	sqlite3_bind_int64(stmt, 2, batch);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		buf_add(ack, sqlite3_column_blob(stmt, 0),
		    (size_t)sqlite3_column_bytes(stmt, 0));
		found = 1;
	}
	sqlite3_finalize(stmt);
	return found;
}

static int
push_store_ack(struct db *db, const struct srv_device *dev, int64_t batch,
    const struct buf *ack)
{
	sqlite3_stmt *stmt = db_prepare(db, "INSERT INTO srv_batch(device_id, "
	    "batch_id, ack) VALUES (?1, ?2, ?3)");
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, dev->id);
	sqlite3_bind_int64(stmt, 2, batch);
	sqlite3_bind_blob(stmt, 3, ack->data, (int)ack->len, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "lưu xác nhận");
		return -1;
	}
	return 0;
}

int
srv_push_batch(struct db *db, const struct srv_device *dev,
    const struct wire_record *hdr, struct wire_reader *rd,
    struct srv_reply *r, struct buf *ack)
{
	struct push_counts n = { 0, 0, 0, 0, 0, 0 };
	struct buf notes = { 0 }, restore = { 0 };
	int64_t batch, count;
	char actor[32], *was;
	int rc = -1;

	if (wire_get_int(hdr, "batch", &batch) != 0 ||
	    wire_get_int(hdr, "count", &count) != 0 || count < 0) {
		srv_reply_error(db, r, 400, "bad-request",
		    "Gói dữ liệu gửi lên thiếu mã gói hoặc số bản ghi");
		return -1;
	}
	if (push_replay(db, dev, batch, ack))
		return 0;
	/* The audit trail names the device whose push wrote each row. */
	snprintf(actor, sizeof actor, "device:%lld", (long long)dev->id);
	was = db_set_actor(db, actor);
	if (db_begin(db) != 0) {
		srv_reply_error(db, r, 503, "busy", db_error(db));
		goto out;
	}
	if (push_rows(db, dev, rd, count, &n, &notes, &restore, r) != 0) {
		db_rollback(db);
		goto out;
	}
	/* The acknowledgement, less its header (which carries the time). */
	wire_int(ack, "batch", batch);
	wire_int(ack, "applied", n.applied);
	wire_int(ack, "stale", n.stale);
	wire_int(ack, "rejected", n.rejected);
	wire_int(ack, "clamped", n.clamped);
	if (r->version >= 2) {
		wire_int(ack, "restore", n.restored);
		wire_int(ack, "conflicts", n.conflicts);
	}
	wire_end(ack);
	if (notes.len > 0)
		buf_add(ack, notes.data, notes.len);
	if (restore.len > 0)
		buf_add(ack, restore.data, restore.len);
	if (push_store_ack(db, dev, batch, ack) != 0 || db_commit(db) != 0) {
		srv_reply_error(db, r, 503, "busy", db_error(db));
		db_rollback(db);
		goto out;
	}
	rc = 0;
out:
	free(db_set_actor(db, was));
	free(was);
	buf_free(&notes);
	buf_free(&restore);
	return rc;
}

void
srv_push(struct db *db, const struct srv_device *dev, struct wire_reader *rd,
    struct srv_reply *r)
{
	struct wire_record *hdr = xmalloc(sizeof *hdr);
	struct buf ack = { 0 };

	if (srv_check_header(db, rd, hdr, "push", r) == 0 &&
	    srv_push_batch(db, dev, hdr, rd, r, &ack) == 0) {
		srv_reply_begin(db, r, 200, "ack");
		buf_add(&r->body, ack.data, ack.len);
	}
	buf_free(&ack);
	free(hdr);
}
