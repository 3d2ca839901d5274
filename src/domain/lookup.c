/*
 * lookup.c - documents and units by number, code or name.
 */
#include "config.h"

#include <stdlib.h>

#include "db.h"
#include "domain/lookup.h"
#include "text/text.h"
#include "xmalloc.h"

/* How many candidates an "ambiguous" message names. */
#define LOOKUP_SHOW	4

/*
 * Runs STMT (key bound by the caller) whose rows are (id, label) and
 * returns how many rows matched, or -1 on a database error. Unless exactly
 * one matched (then *id is set), *err says why in a newly allocated
 * sentence naming WHAT was sought and the KEY typed. Finalizes STMT.
 */
static int
lookup_one(struct db *db, sqlite3_stmt *stmt, const char *what,
    const char *key, int64_t *id, char **err)
{
	char *names = xstrdup("");
	int n = 0, rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n == 0)
			*id = sqlite3_column_int64(stmt, 0);
		if (n < LOOKUP_SHOW) {
			char *more = xasprintf("%s%s%s", names, n ? "; " : "",
			    (const char *)sqlite3_column_text(stmt, 1));

			free(names);
			names = more;
		}
		n++;
	}
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "tìm kiếm");
		*err = xstrdup(db_error(db));
	} else if (n == 0)
		*err = xasprintf("Không tìm thấy %s '%s'", what, key);
	else if (n > 1)
		*err = xasprintf("Có %d %s khớp với '%s' (%s%s): hãy ghi rõ "
		    "hơn", n, what, key, names, n > LOOKUP_SHOW ? "; ..." : "");
	sqlite3_finalize(stmt);
	free(names);
	return rc == SQLITE_DONE ? n : -1;
}

/*
 * Runs queries in turn (?1 KEY, the search key made from what was typed,
 * freed here; ?2 TYPED as it was typed) until one finds something: a
 * closer kind of match decides, even when it finds several. 0 when
 * exactly one matched (*id), else -1 with *err as lookup_one's.
 */
static int
lookup_ladder(struct db *db, const char *const *queries, size_t nqueries,
    const char *what, char *key, const char *typed, int64_t *id, char **err)
{
	size_t i;
	int n = 0;

	*err = NULL;
	for (i = 0; i < nqueries && n == 0; i++) {
		sqlite3_stmt *stmt = db_prepare(db, queries[i]);

		free(*err);
		*err = NULL;
		if (stmt == NULL) {
			*err = xstrdup(db_error(db));
			break;
		}
		if (sqlite3_bind_parameter_index(stmt, "?1") != 0)
			sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
		if (sqlite3_bind_parameter_index(stmt, "?2") != 0)
			sqlite3_bind_text(stmt, 2, typed, -1, SQLITE_STATIC);
		n = lookup_one(db, stmt, what, typed, id, err);
	}
	free(key);
	return n == 1 ? 0 : -1;
}

/* The search key of a document number: folded, without spaces. */
static char *
lookup_number_key(const char *number)
{
	char *key = text_fold(number), *s, *d;

	for (s = d = key; *s != '\0'; s++)
		if (*s != ' ')
			*d++ = *s;
	*d = '\0';
	return key;
}

int
lookup_document(struct db *db, const char *number, int64_t *id, char **err)
{
	/* The number as written first (no number is folded for it), then
	 * as folded without spaces: "13 - kh/tu" finds 13-KH/TU. */
	static const char *const queries[] = {
		"SELECT id, number || ' ngày ' || strftime('%d/%m/%Y', "
		    "issued_on) || ' của ' || issuer FROM document "
		    "WHERE number = ?2 ORDER BY issued_on",
		"SELECT id, number || ' ngày ' || strftime('%d/%m/%Y', "
		    "issued_on) || ' của ' || issuer FROM document "
		    "WHERE replace(qt_fold(number), ' ', '') = ?1 "
		    "ORDER BY issued_on",
	};
	return lookup_ladder(db, queries, sizeof queries / sizeof queries[0],
	    "văn bản số", lookup_number_key(number), number, id, err);
}

int
lookup_unit(struct db *db, const char *name, int64_t *id, char **err)
{
	/* Closest first; the code as written is one index probe, and a
	 * name as written is found before any unit's code is folded. */
	static const char *const queries[] = {
		"SELECT id, name FROM unit WHERE code = ?2",
		"SELECT id, name FROM unit WHERE name_fold = ?1 ORDER BY name_fold",
		"SELECT id, name FROM unit WHERE qt_fold(code) = ?1",
		"SELECT id, name FROM unit WHERE instr(name_fold, ?1) > 0 "
		    "ORDER BY name_fold",
	};
	return lookup_ladder(db, queries, sizeof queries / sizeof queries[0],
	    "đơn vị", text_fold(name), name, id, err);
}

/* One step of a unit's path from its root: the id in 16 hex digits. */
#define LOOKUP_PATH_STEP	17

/*
 * The deepest unit above (or at) every unit that has members, or 0 when
 * they are under several roots. Each unit's path from its root is a
 * string of fixed-width steps: the paths all begin with the common
 * ancestor's, and the longest prefix common to all of them is the one
 * the smallest and the largest share. Units with members are read from
 * the counters' member counts, a few rows per unit.
 */
static int64_t
lookup_members_ancestor(struct db *db)
{
	sqlite3_stmt *stmt = db_prepare(db, "WITH RECURSIVE "
	    "path(id, p) AS (SELECT id, printf('%016x/', id) FROM unit "
	    "  WHERE parent_id IS NULL UNION ALL SELECT u.id, "
	    "  path.p || printf('%016x/', u.id) FROM unit u JOIN path "
	    "  ON u.parent_id = path.id) "
	    "SELECT min(p), max(p) FROM path "
	    "WHERE id IN (SELECT unit_id FROM tally_members)");
	const char *lo, *hi;
	int64_t id = 0;
	size_t n = 0;

	if (stmt == NULL)
		return 0;
	if (sqlite3_step(stmt) == SQLITE_ROW &&
	    (lo = (const char *)sqlite3_column_text(stmt, 0)) != NULL &&
	    (hi = (const char *)sqlite3_column_text(stmt, 1)) != NULL) {
		while (lo[n] != '\0' && lo[n] == hi[n])
			n++;
		n -= n % LOOKUP_PATH_STEP;
		if (n > 0)
			id = (int64_t)strtoull(lo + n - LOOKUP_PATH_STEP, NULL,
			    16);
	}
	sqlite3_finalize(stmt);
	return id;
}

int
lookup_home_unit(struct db *db, int64_t *id, char **err)
{
	sqlite3_stmt *stmt;
	char *home = db_setting_get(db, "home_unit_id");
	int n;

	*err = NULL;
	if (home != NULL) {
		*id = strtoll(home, NULL, 10);
		free(home);
		if (db_int(db, 0, "SELECT count(*) FROM unit WHERE id = ?1", 1,
		    *id) == 1)
			return 0;
	}
	*id = lookup_members_ancestor(db);
	if (*id != 0)
		return 0;
	stmt = db_prepare(db, "SELECT id, name FROM unit WHERE parent_id IS NULL "
	    "ORDER BY name_fold");
	if (stmt == NULL) {
		*err = xstrdup(db_error(db));
		return -1;
	}
	n = lookup_one(db, stmt, "đơn vị gốc", "", id, err);
	if (n == 1)
		return 0;
	if (n < 0)
		return -1;	/* *err holds the database's reason */
	free(*err);
	*err = xstrdup("Chưa chọn đơn vị: hãy ghi --unit TÊN (hoặc đặt "
	    "đơn vị của mình trong giao diện)");
	return -1;
}
