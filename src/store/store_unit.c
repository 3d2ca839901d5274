/*
 * store_unit.c - the unit tree: the clerk's own unit and what is below it.
 */
#include "config.h"

#include <stdlib.h>

#include "db.h"
#include "domain/lookup.h"
#include "store/store.h"
#include "store/store_int.h"
#include "xmalloc.h"

int64_t
store_home_unit(struct db *db)
{
	int64_t id = 0;
	char *err = NULL;

	/* The command line's rule, so both faces agree on the clerk's unit
	 * (and so on the level whose deadlines are the clerk's own). */
	if (lookup_home_unit(db, &id, &err) == 0)
		return id;
	free(err);
	/*
	 * None (several roots, not a member yet): the interface must open
	 * somewhere, so on the first root, whose subtree holds them all.
	 */
	return db_int(db, 0, "SELECT id FROM unit WHERE parent_id IS NULL "
	    "ORDER BY name_fold, id LIMIT 1", 0);
}

static void
store_unit_fill(sqlite3_stmt *stmt, struct store_unit *u)
{
	u->id = sqlite3_column_int64(stmt, 0);
	u->parent_id = sqlite3_column_int64(stmt, 1);
	u->kind = store_col(stmt, 2);
	u->name = store_col(stmt, 3);
	u->is_cell = sqlite3_column_int(stmt, 4);
	u->depth = sqlite3_column_int(stmt, 5);
}

int
store_unit_get(struct db *db, int64_t id, struct store_unit *u)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT u.id, "
	    "coalesce(u.parent_id, 0), u.kind, u.name, k.is_cell, 0 "
	    "FROM unit u JOIN unit_kind k ON k.code = u.kind WHERE u.id = ?1");
	int rc = -1;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		store_unit_fill(stmt, u);
		rc = 0;
	}
	sqlite3_finalize(stmt);
	return rc;
}

void
store_unit_clear(struct store_unit *u)
{
	x_free(&u->kind);
	x_free(&u->name);
}

/*
 * The unit root and every unit below it, tree order (parents first, then
 * children by name), at most max. Returns the count; *out is the caller's.
 */
static size_t
store_units_tree(struct db *db, int64_t root, struct store_unit **out,
    size_t max)
{
	/* The path of names orders children under their parent. */
	sqlite3_stmt *stmt = db_prepare(db,
	    "WITH RECURSIVE t(id, depth, path) AS ("
	    " SELECT id, 0, name_fold FROM unit WHERE id = ?1 UNION ALL"
	    " SELECT u.id, t.depth + 1, t.path || char(1) || u.name_fold"
	    " FROM unit u JOIN t ON u.parent_id = t.id) "
	    "SELECT u.id, coalesce(u.parent_id, 0), u.kind, u.name, k.is_cell,"
	    " t.depth FROM t JOIN unit u ON u.id = t.id"
	    " JOIN unit_kind k ON k.code = u.kind ORDER BY t.path LIMIT ?2");
	struct store_unit *rows = NULL;
	size_t n = 0;
	void *slot;

	*out = NULL;
	if (stmt == NULL)
		return 0;
	sqlite3_bind_int64(stmt, 1, root);
	sqlite3_bind_int64(stmt, 2, (int64_t)max);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		rows = store_grow(rows, n, sizeof *rows, &slot);
		store_unit_fill(stmt, slot);
		n++;
	}
	sqlite3_finalize(stmt);
	*out = rows;
	return n;
}

static void
store_units_free(struct store_unit **units, size_t n)
{
	size_t i;

	if (*units == NULL)
		return;
	for (i = 0; i < n; i++)
		store_unit_clear(&(*units)[i]);
	x_free(units);
}

size_t
store_unit_choices(struct db *db, int64_t root, int cells_only,
    struct store_choice **out)
{
	struct store_unit *units;
	size_t n = store_units_tree(db, root, &units, 10000), i, k = 0, cells = 0;

	for (i = 0; i < n; i++)
		cells += units[i].is_cell;
	*out = xcalloc(n > 0 ? n : 1, sizeof **out);
	for (i = 0; i < n; i++) {
		if (cells_only && cells > 0 && !units[i].is_cell)
			continue;
		(*out)[k].code = xasprintf("%lld", (long long)units[i].id);
		(*out)[k].name = xstrdup(units[i].name);
		k++;
	}
	store_units_free(&units, n);
	return k;
}
