/*
 * rekey.c - at enrolment, the local units become the server's.
 *
 * A database that holds work typed before enrolment has units with ids
 * the server never saw; every row naming them would be refused. The
 * enrolment reply carries the server's units in the device's view (its
 * unit's ancestors and subtree). Each local unit is matched to one of
 * them by id or code, or placed below one (a new cell), or left to the
 * clerk (screens/unit_match.c); then one transaction moves every
 * reference from the local id to the server's, before the first push.
 * docs/sync.md, "A database that already holds work".
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "sync/rows.h"
#include "sync/sync.h"
#include "sync/sync_int.h"
#include "xmalloc.h"

/* Set while local units wait for the clerk: no sync until then. */
#define REKEY_KEY_PENDING	"sync.match"

/*
 * The local units nothing places (?1: the enrolled unit): not the
 * server's by id, not matched, and not below a unit of the enrolled
 * unit's subtree, so no push of theirs could be accepted.
 */
#define REKEY_UNPLACED_SQL \
	"WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT e.id FROM " \
	"  sync_enrol_unit e JOIN sub ON e.parent_id = sub.id), " \
	"placed(id) AS (SELECT local_id FROM sync_enrol_unit WHERE local_id " \
	"  IS NOT NULL AND id IN sub UNION SELECT id FROM unit WHERE id IN sub " \
	"  UNION SELECT u.id FROM unit u JOIN placed ON u.parent_id = placed.id) " \
	"SELECT u.id, u.code, u.name FROM unit u WHERE u.id NOT IN placed " \
	"AND u.id NOT IN (SELECT id FROM sync_enrol_unit) " \
	"AND u.id NOT IN (SELECT local_id FROM sync_enrol_unit " \
	"  WHERE local_id IS NOT NULL) "

/* Keeps the server's unit rows of the enrolment reply; -1 if malformed. */
static int
rekey_store(struct db *db, struct wire_reader *rd)
{
	struct wire_record *rec = xmalloc(sizeof *rec);
	sqlite3_stmt *ins = db_prepare(db, "INSERT INTO sync_enrol_unit(id, "
	    "depth, parent_id, code, name, body) VALUES (?1, ifnull((SELECT "
	    "depth + 1 FROM sync_enrol_unit WHERE id = ?2), 0), ?2, ?3, ?4, ?5)");
	int rc = -1, more;

	if (ins == NULL || db_exec(db, "DELETE FROM sync_enrol_unit") != 0)
		goto out;
	for (;;) {
		const char *start = rd->p, *why;
		char *code, *name;
		struct sync_row row;
		int64_t parent;

		if ((more = wire_next(rd, rec)) != 1)
			break;
		if (sync_row_parse(rec, &row, &why) != 0 || row.del ||
		    strcmp(row.t->name, "unit") != 0)
			break;
		code = wire_get_str(rec, "code");
		name = wire_get_str(rec, "name");
		sqlite3_bind_int64(ins, 1, row.key);
		if (wire_get_int(rec, "parent_id", &parent) == 0)
			sqlite3_bind_int64(ins, 2, parent);
		else
			sqlite3_bind_null(ins, 2);
		sqlite3_bind_text(ins, 3, code != NULL ? code : "", -1,
		    SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 4, name != NULL ? name : "", -1,
		    SQLITE_TRANSIENT);
		sqlite3_bind_blob(ins, 5, start, (int)(rd->p - start),
		    SQLITE_STATIC);
		more = sqlite3_step(ins) == SQLITE_DONE ? 1 : -1;
		sqlite3_reset(ins);
		free(code);
		free(name);
		if (more != 1)
			break;
	}
	if (more == 0)
		rc = 0;
	else if (more != -1)
		db_set_message(db, "Máy chủ tỉnh gửi cây đơn vị không hiểu được");
out:
	sqlite3_finalize(ins);
	free(rec);
	return rc;
}

/* The unit this database was enrolled for. */
static int64_t
rekey_home(struct db *db)
{
	char *home = db_setting_get(db, SYNC_KEY_UNIT);
	int64_t id = home != NULL ? strtoll(home, NULL, 10) : 0;

	free(home);
	return id;
}

int
sync_match_pending(struct db *db)
{
	char *p = db_setting_get(db, REKEY_KEY_PENDING);
	int pending = p != NULL;

	free(p);
	return pending;
}

/* Every column that references unit(id), as "table\tcolumn" pairs. */
static sqlite3_stmt *
rekey_refs(struct db *db)
{
	return db_prepare(db, "SELECT m.name, f.\"from\" FROM sqlite_schema m, "
	    "pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND "
	    "f.\"table\" = 'unit' ORDER BY m.name, f.\"from\"");
}

/* Moves every reference to unit from to unit to (queued: not muted). */
static int
rekey_move(struct db *db, int64_t from, int64_t to)
{
	sqlite3_stmt *refs = rekey_refs(db);
	int rc = 0;

	if (refs == NULL)
		return -1;
	while (rc == 0 && sqlite3_step(refs) == SQLITE_ROW) {
		char *sql = xasprintf("UPDATE \"%s\" SET \"%s\" = %lld WHERE "
		    "\"%s\" = %lld", sqlite3_column_text(refs, 0),
		    sqlite3_column_text(refs, 1), (long long)to,
		    sqlite3_column_text(refs, 1), (long long)from);

		rc = db_exec(db, sql);
		free(sql);
	}
	sqlite3_finalize(refs);
	return rc;
}

/*
 * Stores the server's units a pull would bring (those not here by id),
 * parents first, as sync applies rows (the caller has muted the queue).
 */
static int
rekey_insert(struct db *db)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT body FROM sync_enrol_unit "
	    "WHERE id NOT IN (SELECT id FROM unit) ORDER BY depth, id");
	struct wire_record *rec = xmalloc(sizeof *rec);
	int rc = 0;

	if (stmt == NULL) {
		free(rec);
		return -1;
	}
	while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
		struct wire_reader rd;
		struct sync_row row;
		const char *why;
		char *reason = NULL;

		wire_reader_init(&rd, sqlite3_column_blob(stmt, 0),
		    (size_t)sqlite3_column_bytes(stmt, 0));
		if (wire_next(&rd, rec) != 1 || sync_row_parse(rec, &row, &why) != 0)
			rc = -1;
		else if (sync_row_write(db, &row, rec, &reason) != 0) {
			db_set_message(db, reason);
			rc = -1;
		}
		free(reason);
	}
	sqlite3_finalize(stmt);
	free(rec);
	return rc;
}

int
sync_match_apply(struct db *db)
{
	sqlite3_stmt *pairs = NULL;
	int rc = -1;

	if (db_begin(db) != 0)
		return -1;
	if (db_exec(db, "PRAGMA defer_foreign_keys = ON") != 0 ||
	    (pairs = db_prepare(db, "SELECT local_id, id FROM sync_enrol_unit "
	    "WHERE local_id IS NOT NULL AND local_id <> id")) == NULL)
		goto out;
	/* The rows naming a local unit now name the server's, and are queued. */
	while (sqlite3_step(pairs) == SQLITE_ROW)
		if (rekey_move(db, sqlite3_column_int64(pairs, 0),
		    sqlite3_column_int64(pairs, 1)) != 0)
			goto out;
	/* The local unit rows give way to the server's, which never travel back. */
	/*
	 * The audit rows naming a local unit cannot move with it (the trail
	 * is append-only): they stay on this PC, never sent to be refused.
	 */
	if (db_exec(db, "INSERT OR IGNORE INTO sync_mute VALUES (1); "
	    "DELETE FROM sync_outbox WHERE tbl = 'unit' AND row_id IN "
	    "(SELECT local_id FROM sync_enrol_unit); "
	    "DELETE FROM sync_outbox WHERE tbl = 'audit' AND row_id IN "
	    "(SELECT a.id FROM audit a JOIN sync_enrol_unit e ON a.unit_id = "
	    "e.local_id AND e.local_id <> e.id); "
	    "DELETE FROM unit WHERE id IN (SELECT local_id FROM sync_enrol_unit "
	    "WHERE local_id <> id)") != 0 || rekey_insert(db) != 0 ||
	    db_exec(db, "DELETE FROM sync_mute; DELETE FROM sync_enrol_unit; "
	    "DELETE FROM setting WHERE key = '" REKEY_KEY_PENDING "'") != 0)
		goto out;
	rc = 0;
out:
	sqlite3_finalize(pairs);
	if (rc == 0)
		return db_commit(db);
	db_rollback(db);
	return -1;
}

int64_t
sync_match_unplaced(struct db *db)
{
	return db_int(db, -1, "SELECT count(*) FROM (" REKEY_UNPLACED_SQL ")",
	    1, rekey_home(db));
}

int
sync_match_pair(struct db *db, int64_t local, int64_t remote)
{
	/*
	 * One server unit per local unit; 0 unpairs. The server's unit may
	 * already be here (enrolled again): the local one merges into it.
	 */
	char *sql = xasprintf("UPDATE sync_enrol_unit SET local_id = NULL "
	    "WHERE local_id = %lld; UPDATE sync_enrol_unit SET local_id = %lld "
	    "WHERE id = %lld AND id <> %lld", (long long)local,
	    (long long)local, (long long)remote, (long long)local);
	int rc = db_begin(db);

	if (rc == 0 && (rc = db_exec(db, sql)) == 0)
		rc = db_commit(db);
	else if (rc == 0)
		db_rollback(db);
	free(sql);
	return rc;
}

/* Tree order: each unit after its parent, siblings by name. */
#define REKEY_TREE(TABLE, NAME) \
	"WITH RECURSIVE tree(id, depth, path) AS (SELECT id, 0, " NAME \
	"  FROM " TABLE " t WHERE parent_id IS NULL OR parent_id NOT IN " \
	"  (SELECT id FROM " TABLE ") UNION ALL SELECT c.id, tree.depth + 1, " \
	"  tree.path || char(1) || c." NAME " FROM " TABLE " c JOIN tree " \
	"  ON c.parent_id = tree.id) "

int64_t
sync_match_count(struct db *db, int remote)
{
	return db_int(db, -1, remote ? "SELECT count(*) FROM sync_enrol_unit" :
	    "SELECT count(*) FROM unit", 0);
}

/* Runs a list query (id, depth, code, name, pair, state, pair's name). */
static int
rekey_list(struct db *db, const char *sql, int offset, int limit,
    struct sync_match_unit **items)
{
	sqlite3_stmt *stmt = db_prepare(db, sql);
	int n = 0;

	*items = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, rekey_home(db));
	sqlite3_bind_int(stmt, 2, limit);
	sqlite3_bind_int(stmt, 3, offset);
	*items = xcalloc((size_t)(limit > 0 ? limit : 1), sizeof **items);
	while (n < limit && sqlite3_step(stmt) == SQLITE_ROW) {
		struct sync_match_unit *u = &(*items)[n++];

		u->id = sqlite3_column_int64(stmt, 0);
		u->depth = sqlite3_column_int(stmt, 1);
		u->code = xstrdup((const char *)sqlite3_column_text(stmt, 2));
		u->name = xstrdup((const char *)sqlite3_column_text(stmt, 3));
		u->pair = sqlite3_column_int64(stmt, 4);
		u->state = (enum sync_match_state)sqlite3_column_int(stmt, 5);
		u->pair_name = xstrdup(sqlite3_column_type(stmt, 6) == SQLITE_NULL ?
		    "" : (const char *)sqlite3_column_text(stmt, 6));
	}
	sqlite3_finalize(stmt);
	return n;
}

int
sync_match_local(struct db *db, int offset, int limit,
    struct sync_match_unit **items)
{
	return rekey_list(db, REKEY_TREE("unit", "name_fold")
	    ", unplaced(id) AS (SELECT id FROM (" REKEY_UNPLACED_SQL ")) "
	    "SELECT u.id, tree.depth, u.code, u.name, ifnull((SELECT e.id FROM "
	    "sync_enrol_unit e WHERE e.local_id = u.id), 0), "
	    "CASE WHEN u.id IN (SELECT id FROM sync_enrol_unit) THEN 0 "
	    "WHEN u.id IN (SELECT local_id FROM sync_enrol_unit) THEN 1 "
	    "WHEN u.id IN unplaced THEN 3 ELSE 2 END, (SELECT e.name FROM "
	    "sync_enrol_unit e WHERE e.local_id = u.id) "
	    "FROM tree JOIN unit u ON u.id = tree.id ORDER BY tree.path "
	    "LIMIT ?2 OFFSET ?3", offset, limit, items);
}

int
sync_match_remote(struct db *db, int offset, int limit,
    struct sync_match_unit **items)
{
	return rekey_list(db, REKEY_TREE("sync_enrol_unit", "name")
	    "SELECT e.id, tree.depth, e.code, e.name, ifnull(e.local_id, 0), "
	    "CASE WHEN e.local_id IS NOT NULL THEN 1 "
	    "WHEN e.id IN (SELECT id FROM unit) THEN 0 ELSE 2 END, (SELECT u.name "
	    "FROM unit u WHERE u.id = e.local_id) "
	    "FROM tree JOIN sync_enrol_unit e ON e.id = tree.id "
	    "ORDER BY tree.path LIMIT ?2 OFFSET ?3", offset, limit, items);
}

void
sync_match_free(struct sync_match_unit *items, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(items[i].code);
		free(items[i].name);
		free(items[i].pair_name);
	}
	free(items);
}

int
rekey_enrol(struct db *db, struct wire_reader *rd)
{
	int64_t unplaced;

	if (rekey_store(db, rd) != 0)
		return -1;
	/* A server that sends no tree (an older one): nothing to match. */
	if (sync_match_count(db, 1) == 0)
		return 0;
	/* A local unit with a server unit's code is that unit. */
	if (db_exec(db, "UPDATE sync_enrol_unit SET local_id = (SELECT u.id "
	    "FROM unit u WHERE u.code = sync_enrol_unit.code AND u.id NOT IN "
	    "(SELECT id FROM sync_enrol_unit)) WHERE id NOT IN "
	    "(SELECT id FROM unit)") != 0)
		return -1;
	if ((unplaced = sync_match_unplaced(db)) < 0)
		return -1;
	if (unplaced > 0)
		return db_setting_set(db, REKEY_KEY_PENDING, "1") != 0 ? -1 : 1;
	return sync_match_apply(db);
}
