/*
 * enrol.c - one-time enrolment codes and device credentials.
 *
 * The province makes a code for a unit (quantriet-server enroll-code); the
 * clerk's quantriet trades it once for a random device token. The server
 * keeps only SHA-256 hashes of both, so a copy of its database lets no one
 * sync as a commune.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "sync/sha256.h"
#include "server/srv.h"
#include "sync/rows.h"
#include "xmalloc.h"

/* Hash of a code as typed: case, spaces and dashes do not matter. */
static void
enrol_code_hash(const char *code, size_t len, char hash[65])
{
	char *norm = xmalloc(len + 1);
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (isalnum((unsigned char)code[i]))
			norm[n++] = (char)toupper((unsigned char)code[i]);
	sha256_hex(norm, n, hash);
	free(norm);
}

/* Marks the code used and returns its unit, or 0 if it cannot be used. */
static int64_t
enrol_take_code(struct db *db, const char *hash)
{
	sqlite3_stmt *stmt = db_prepare(db, "UPDATE srv_enrol SET used_at = "
	    "datetime('now') WHERE code_hash = ?1 AND used_at IS NULL AND "
	    "expires_at > datetime('now')");
	int64_t unit = 0;

	if (stmt == NULL)
		return 0;
	sqlite3_bind_text(stmt, 1, hash, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_DONE && sqlite3_changes(db_handle(db)) == 1) {
		sqlite3_finalize(stmt);
		stmt = db_prepare(db, "SELECT unit_id FROM srv_enrol "
		    "WHERE code_hash = ?1");
		if (stmt == NULL)
			return 0;
		sqlite3_bind_text(stmt, 1, hash, -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			unit = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_finalize(stmt);
	return unit;
}

static int64_t
enrol_add_device(struct db *db, int64_t unit, const char *token)
{
	sqlite3_stmt *stmt = db_prepare(db, "INSERT INTO srv_device(unit_id, "
	    "token_hash, created_at) VALUES (?1, ?2, datetime('now'))");
	char hash[65];
	int rc;

	if (stmt == NULL)
		return 0;
	sha256_hex(token, strlen(token), hash);
	sqlite3_bind_int64(stmt, 1, unit);
	sqlite3_bind_text(stmt, 2, hash, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? sqlite3_last_insert_rowid(db_handle(db)) : 0;
}

/* Appends the unit's code and name to the enrolment reply. */
static void
enrol_describe_unit(struct db *db, int64_t unit, struct buf *out)
{
	sqlite3_stmt *stmt = db_prepare(db,
	    "SELECT code, name FROM unit WHERE id = ?1");

	if (stmt == NULL)
		return;
	sqlite3_bind_int64(stmt, 1, unit);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		wire_str(out, "unit_code", (const char *)sqlite3_column_text(stmt, 0));
		wire_str(out, "unit_name", (const char *)sqlite3_column_text(stmt, 1));
	}
	sqlite3_finalize(stmt);
}

/*
 * Appends the unit rows the device will see, parents first: the unit's
 * ancestors and its subtree, so that a database holding work typed
 * before enrolment can match its units to these (src/sync/rekey.c).
 */
static int
enrol_tree(struct db *db, int64_t unit, struct buf *out)
{
	sqlite3_stmt *stmt = db_prepare(db, "WITH RECURSIVE "
	    "anc(id, depth) AS (SELECT parent_id, -1 FROM unit WHERE id = ?1 "
	    "  AND parent_id IS NOT NULL UNION ALL SELECT u.parent_id, "
	    "  anc.depth - 1 FROM unit u JOIN anc ON u.id = anc.id "
	    "  WHERE u.parent_id IS NOT NULL), "
	    "sub(id, depth) AS (SELECT ?1, 0 UNION ALL SELECT u.id, sub.depth + 1 "
	    "  FROM unit u JOIN sub ON u.parent_id = sub.id) "
	    "SELECT id FROM (SELECT * FROM anc UNION ALL SELECT * FROM sub) "
	    "ORDER BY depth, id");
	const struct sync_table *t = sync_table_find("unit");
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, unit);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		if (sync_row_encode(db, t, sqlite3_column_int64(stmt, 0), 0,
		    -1, out) != 0)
			break;
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

void
srv_enroll(struct db *db, struct wire_reader *rd, struct srv_reply *r)
{
	struct wire_record *rec = xmalloc(sizeof *rec);
	const struct wire_value *code;
	struct buf tree = { 0 };
	char hash[65], *secret = NULL;
	int64_t unit, device;

	if (srv_check_header(db, rd, rec, "enroll", r) != 0)
		goto out;
	if ((code = wire_get(rec, "code")) == NULL || code->kind != WIRE_TEXT ||
	    code->len > 64) {
		srv_reply_error(db, r, 400, "bad-request", "Thiếu mã đăng ký");
		goto out;
	}
	enrol_code_hash(code->s, code->len, hash);
	if (db_begin(db) != 0) {
		srv_reply_error(db, r, 503, "busy", db_error(db));
		goto out;
	}
	if ((unit = enrol_take_code(db, hash)) == 0) {
		db_rollback(db);
		srv_reply_error(db, r, 403, "bad-code", "Mã đăng ký không đúng, "
		    "đã dùng hoặc đã hết hạn: hãy xin cấp tỉnh mã mới");
		goto out;
	}
	secret = srv_random_hex(32);
	/* The tree is read before the commit: a failure keeps the code. */
	if ((device = enrol_add_device(db, unit, secret)) == 0 ||
	    enrol_tree(db, unit, &tree) != 0 || db_commit(db) != 0) {
		db_rollback(db);
		srv_reply_error(db, r, 503, "busy", db_error(db));
		goto out;
	}
	srv_reply_begin(db, r, 200, "enrolled");
	wire_str(&r->body, "token", secret);
	wire_int(&r->body, "device", device);
	wire_int(&r->body, "unit", unit);
	enrol_describe_unit(db, unit, &r->body);
	wire_end(&r->body);
	buf_add(&r->body, tree.data, tree.len);
out:
	buf_free(&tree);
	free(secret);
	free(rec);
}

int
srv_authenticate(struct db *db, const char *token, struct srv_device *dev,
    struct srv_reply *r)
{
	sqlite3_stmt *stmt;
	char hash[65];
	int rc, revoked = 0;

	if (token == NULL || strncmp(token, "Bearer ", 7) != 0) {
		srv_reply_error(db, r, 401, "unauthorized", "Máy này chưa đăng ký "
		    "với máy chủ tỉnh (quantriet enroll)");
		return -1;
	}
	token += 7;
	sha256_hex(token, strlen(token), hash);
	if ((stmt = db_prepare(db, "SELECT id, unit_id, revoked_at IS NOT NULL "
	    "FROM srv_device WHERE token_hash = ?1")) == NULL) {
		srv_reply_error(db, r, 503, "busy", db_error(db));
		return -1;
	}
	sqlite3_bind_text(stmt, 1, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		dev->id = sqlite3_column_int64(stmt, 0);
		dev->unit_id = sqlite3_column_int64(stmt, 1);
		revoked = sqlite3_column_int(stmt, 2);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW) {
		srv_reply_error(db, r, 401, "unauthorized", "Máy chủ tỉnh không "
		    "nhận ra máy này: hãy đăng ký lại bằng mã mới");
		return -1;
	}
	if (revoked) {
		srv_reply_error(db, r, 403, "revoked", "Quyền đồng bộ của máy "
		    "này đã bị thu hồi: liên hệ cấp tỉnh để được cấp mã mới");
		return -1;
	}
	return 0;
}
