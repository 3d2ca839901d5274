/*
 * store_changes.c - what changed in the plans from above since the clerk
 * last looked: the "Thay đổi" list Home shows and screens/changes.c lists
 * whole, read from the audit trail (data/schema/013_audit.sql), so that
 * whoever wrote the change (a pull, a district colleague) it is seen.
 *
 * "Last looked" is the time of the newest change the clerk was shown,
 * kept per clerk (the audit's actor, qt_actor()) in the database's local
 * settings ('changes_seen:user:NAME'): several clerks sharing a district
 * server each have their own.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/audit.h"
#include "store/store.h"
#include "store/store_int.h"
#include "xmalloc.h"

/* The setting holding the clerk's mark (SQL expression). */
#define STORE_CHANGES_KEY	"'changes_seen:' || qt_actor()"

/* A stored value for a clerk: an ISO day as dd/mm/yyyy, else as stored. */
#define STORE_CHANGES_VALUE(v) \
	"CASE WHEN " v " GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'" \
	" THEN strftime('%d/%m/%Y', " v ") ELSE coalesce(" v ", '') END"

/*
 * One line a changed column (an insert or delete: one line), oldest first.
 * A change counts when it is newer than the mark, someone other than the
 * clerk made it, and it is to a plan of the clerk's unit (?1) issued by
 * another unit. The rows of a plan that is itself among the changes (new
 * since the mark) are left out: its one line says it came.
 */
static const char store_changes_sql[] = STORE_PLANS_CTE
    ", seen(at) AS (SELECT coalesce((SELECT value FROM setting WHERE key = "
    STORE_CHANGES_KEY "), '')), "
    "ch(id, at, tbl, kind, row_id, changes, doc) AS (SELECT a.id, a.at,"
    " a.tbl, a.kind, a.row_id, a.changes, CASE WHEN a.tbl IN ('document',"
    " 'essay_rule') THEN a.row_id ELSE coalesce(CASE a.tbl"
    " WHEN 'plan_session' THEN (SELECT document_id FROM plan_session"
    "  WHERE id = a.row_id)"
    " WHEN 'report_deadline' THEN (SELECT document_id FROM report_deadline"
    "  WHERE id = a.row_id)"
    " WHEN 'document_resolution' THEN (SELECT document_id FROM"
    "  document_resolution WHERE id = a.row_id) END,"
    " CASE WHEN a.changes <> '' THEN json_extract(a.changes,"
    " '$.document_id[0]') END) END"
    " FROM audit a WHERE a.at > (SELECT at FROM seen) AND a.tbl IN"
    " ('document', 'plan_session', 'document_resolution', 'report_deadline',"
    " 'essay_rule') AND a.actor <> qt_actor()) "
    "SELECT ch.id, ch.at, d.number, ch.tbl, ch.kind, j.key,"
    " " STORE_CHANGES_VALUE("json_extract(j.value, '$[0]')") ","
    " " STORE_CHANGES_VALUE("json_extract(j.value, '$[1]')") ","
    " CASE ch.tbl WHEN 'document' THEN d.title"
    " WHEN 'plan_session' THEN coalesce((SELECT title FROM plan_session"
    "  WHERE id = ch.row_id), json_extract(ch.changes, '$.title[0]'))"
    " WHEN 'report_deadline' THEN coalesce((SELECT description FROM"
    "  report_deadline WHERE id = ch.row_id),"
    "  json_extract(ch.changes, '$.description[0]'))"
    " WHEN 'document_resolution' THEN (SELECT r.title FROM resolution r"
    "  WHERE r.id = coalesce((SELECT resolution_id FROM document_resolution"
    "  WHERE id = ch.row_id), json_extract(ch.changes,"
    "  '$.resolution_id[0]'))) END"
    " FROM ch JOIN document d ON d.id = ch.doc"
    " LEFT JOIN json_each(CASE WHEN ch.kind = 'update' THEN ch.changes"
    " ELSE '{}' END) j"
    " WHERE d.id IN (SELECT id FROM unit_plans) AND d.owner_unit_id <> ?1"
    " AND (ch.kind <> 'update' OR j.key IS NOT NULL)"
    " AND (ch.tbl = 'document' OR NOT EXISTS (SELECT 1 FROM ch x"
    " WHERE x.tbl = 'document' AND x.row_id = ch.doc AND"
    " x.kind = 'insert'))"
    " ORDER BY ch.at, ch.id, j.id LIMIT ?2";

/*
 * Whether the clerk's unit (?1) has a plan from another unit at all, as
 * store_changes_sql's last join asks. Without one (the province itself,
 * a unit no plan came to) there is no change to list, and the audit
 * trail, millions of rows at a province, is not read: it filled the page
 * cache at every start of the province's Home.
 */
static const char store_changes_any_sql[] = STORE_PLANS_CTE
    "SELECT EXISTS (SELECT 1 FROM document d WHERE d.id IN "
    "(SELECT id FROM unit_plans) AND d.owner_unit_id <> ?1)";

/* Fills change row c from a row of store_changes_sql. */
static void
store_change_fill(sqlite3_stmt *stmt, void *row, const void *ctx)
{
	struct store_change *c = row;
	const char *kind = (const char *)sqlite3_column_text(stmt, 4);
	const char *col = (const char *)sqlite3_column_text(stmt, 5);

	c->audit_id = sqlite3_column_int64(stmt, 0);
	c->at = store_col(stmt, 1);
	c->plan = store_col(stmt, 2);
	c->what = store_col(stmt, 8);
	/* A whole row added or removed: its kind is the field. */
	c->field = col != NULL ? xstrdup(audit_column_name(col)) :
	    xasprintf("%s %s", strcmp(kind, "insert") == 0 ? "Thêm" : "Xóa",
	    audit_table_name((const char *)sqlite3_column_text(stmt, 3)));
	c->old_value = store_col(stmt, 6);
	c->new_value = store_col(stmt, 7);
}

static void
store_change_clear(void *row)
{
	struct store_change *c = row;

	free(c->at);
	free(c->plan);
	free(c->what);
	free(c->field);
	free(c->old_value);
	free(c->new_value);
}

int
store_changes_list(struct db *db, int64_t home, struct store_change **out)
{
	sqlite3_stmt *stmt;
	void *rows = NULL;
	int n;

	*out = NULL;
	/* On an error, the list's own query says what it was. */
	if (db_int(db, 1, store_changes_any_sql, 1, home) == 0)
		return 0;
	if ((stmt = db_prepare(db, store_changes_sql)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, home);
	sqlite3_bind_int(stmt, 2, STORE_CHANGES_MAX);
	n = store_page_collect(db, stmt, sizeof **out, store_change_fill,
	    NULL, store_change_clear, STORE_AFTER,
	    "đọc thay đổi của kế hoạch cấp trên", &rows);
	*out = rows;
	return n;
}

char *
store_change_line(const struct store_change *c)
{
	if (*c->old_value != '\0' || *c->new_value != '\0')
		return xasprintf("%s %s: %s -> %s%s%s%s", c->plan, c->field,
		    *c->old_value != '\0' ? c->old_value : "(trống)",
		    *c->new_value != '\0' ? c->new_value : "(trống)",
		    *c->what != '\0' ? " (" : "", c->what,
		    *c->what != '\0' ? ")" : "");
	return xasprintf("%s %s: %s", c->plan, c->field, c->what);
}

/* The mark moves forward only: a list read before a newer one was seen. */
static int
store_changes_mark(struct db *db, void *at)
{
	int rc;
	sqlite3_stmt *stmt = db_prepare(db, "INSERT INTO setting(key, value)"
	    " VALUES (" STORE_CHANGES_KEY ", ?1) ON CONFLICT(key) DO UPDATE"
	    " SET value = max(value, excluded.value)");

	if (stmt == NULL)
		return -1;
	sqlite3_bind_text(stmt, 1, at, -1, SQLITE_STATIC);
	rc = store_step_done(db, stmt, "ghi đã xem thay đổi");
	sqlite3_finalize(stmt);
	return rc;
}

const char *
store_changes_mark_of(const struct store_change *c, size_t n)
{
	size_t i = n;

	if (n == 0)
		return NULL;
	/* A full list may end inside one write's columns: up to the one before. */
	if (n >= STORE_CHANGES_MAX)
		while (i > 1 && c[i - 1].audit_id == c[n - 1].audit_id)
			i--;
	return c[i - 1].at;
}

int
store_changes_seen(struct db *db, const char *at)
{
	char *copy = xstrdup(at);
	int rc = store_in_tx(db, store_changes_mark, copy);

	free(copy);
	return rc;
}

void
store_changes_free(struct store_change **c, size_t n)
{
	size_t i;

	if (*c == NULL)
		return;
	for (i = 0; i < n; i++)
		store_change_clear(&(*c)[i]);
	x_free(c);
}
