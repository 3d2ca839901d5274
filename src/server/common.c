/*
 * common.c - replies, scope and randomness for every request handler.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef HAVE_GETRANDOM
#include <sys/random.h>
#endif

#include "db.h"
#include "hlc.h"
#include "msg.h"
#include "server/srv.h"
#include "xmalloc.h"

void
srv_reply_head(struct srv_reply *r, int status, const char *type, int64_t hlc)
{
	r->status = status;
	r->body.len = 0;
	wire_begin(&r->body, "qtsync");
	wire_int(&r->body, "v", r->version != 0 ? r->version : WIRE_VERSION);
	wire_str(&r->body, "type", type);
	wire_int(&r->body, "now", hlc_wall_ms());
	wire_int(&r->body, "hlc", hlc);
}

void
srv_reply_begin(struct db *db, struct srv_reply *r, int status,
    const char *type)
{
	srv_reply_head(r, status, type, srv_clock(db));
}

void
srv_reply_fail(struct srv_reply *r, int64_t hlc, int status,
    const char *code, const char *message)
{
	srv_reply_head(r, status, "error", hlc);
	wire_str(&r->body, "code", code);
	wire_str(&r->body, "message", message);
	wire_end(&r->body);
}

void
srv_reply_error(struct db *db, struct srv_reply *r, int status,
    const char *code, const char *message)
{
	srv_reply_fail(r, srv_clock(db), status, code, message);
}

int64_t
srv_clock(struct db *db)
{
	return db_int(db, 0, "SELECT hlc FROM sync_clock", 0);
}

int
srv_check_header(struct db *db, struct wire_reader *rd,
    struct wire_record *rec, const char *type, struct srv_reply *r)
{
	int64_t v;

	if (wire_next(rd, rec) != 1 || strcmp(rec->word, "qtsync") != 0 ||
	    wire_get_int(rec, "v", &v) != 0) {
		srv_reply_error(db, r, 400, "bad-request",
		    "Yêu cầu không đúng định dạng giao thức đồng bộ");
		return -1;
	}
	if (v < WIRE_VERSION_MIN || v > WIRE_VERSION) {
		srv_reply_error(db, r, 400, "version",
		    "Phiên bản giao thức không được hỗ trợ: hãy cập nhật quantriet");
		return -1;
	}
	r->version = (int)v;
	if (!wire_is(rec, "type", type)) {
		srv_reply_error(db, r, 400, "bad-request",
		    "Loại yêu cầu không khớp với địa chỉ");
		return -1;
	}
	return 0;
}

int
srv_in_scope(struct db *db, int64_t dev_unit, int64_t owner)
{
	return db_int(db, 0, "WITH RECURSIVE up(id) AS (SELECT ?1 UNION "
	    "SELECT u.parent_id FROM unit u JOIN up ON u.id = up.id "
	    "WHERE u.parent_id IS NOT NULL) "
	    "SELECT count(*) FROM up WHERE id = ?2", 2, owner, dev_unit) > 0;
}

char *
srv_random_hex(size_t n)
{
	unsigned char *raw = xmalloc(n);
	char *hex = xmalloc(2 * n + 1);
	size_t i;

#ifdef HAVE_GETRANDOM
	if (getrandom(raw, n, 0) != (ssize_t)n)
		sqlite3_randomness((int)n, raw);
#else
	sqlite3_randomness((int)n, raw);
#endif
	for (i = 0; i < n; i++)
		snprintf(hex + 2 * i, 3, "%02x", raw[i]);
	free(raw);
	return hex;
}

int
srv_row_touch(struct db *db, const char *tbl, int64_t key, int64_t owner,
    int public, int64_t device_id, int64_t hlc)
{
	sqlite3_stmt *stmt = db_prepare(db, "INSERT INTO srv_row(tbl, row_id, "
	    "seq, unit_id, public, device_id, hlc) VALUES (?1, ?2, "
	    "(SELECT ifnull(max(seq), 0) + 1 FROM srv_row), ?3, ?4, ?5, ?6) "
	    "ON CONFLICT(tbl, row_id) DO UPDATE SET seq = excluded.seq, "
	    "unit_id = excluded.unit_id, device_id = excluded.device_id, "
	    "hlc = excluded.hlc");
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_text(stmt, 1, tbl, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, key);
	if (owner > 0)
		sqlite3_bind_int64(stmt, 3, owner);
	sqlite3_bind_int(stmt, 4, public);
	if (device_id > 0)
		sqlite3_bind_int64(stmt, 5, device_id);
	if (hlc > 0)
		sqlite3_bind_int64(stmt, 6, hlc);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "ghi thứ tự thay đổi");
		return -1;
	}
	return 0;
}

struct db *
srv_open(const char *path, int flags)
{
	char *err;
	struct db *db = db_open(path, flags, &err);

	if (db == NULL) {
		msg_error("%s", err);
		free(err);
		return NULL;
	}
	if (db_exec(db, "INSERT OR IGNORE INTO sync_mute VALUES (1)") != 0) {
		msg_error("%s", db_error(db));
		db_close(&db);
	}
	return db;
}

int64_t
srv_unit(struct db *db, const char *code)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT id FROM unit WHERE code = ?1");
	int64_t id = 0;

	if (stmt == NULL)
		return 0;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (id == 0)
		msg_error("không có đơn vị mã %s", code);
	return id;
}
