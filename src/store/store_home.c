/*
 * store_home.c - the numbers on the home screen: what is in progress, what
 * is overdue. (What waits for sync is src/sync's to say.)
 */
#include "config.h"

#include <stdlib.h>

#include "db.h"
#include "domain/tally.h"
#include "store/store.h"
#include "store/store_int.h"
#include "xmalloc.h"

/* The most members home counts late essays for (see below). */
#define STORE_HOME_TALLY_MAX	20000

/* The scope's plans (STORE_PLANS_CTE), as a list to test "IN". */
#define STORE_SCOPE_PLANS " (SELECT id FROM unit_plans) "

/* Runs a one-value query on (?1 scope, ?2 today); dflt if it fails. */
static int64_t
store_home_count(struct db *db, const char *sql, int64_t scope,
    const char *today)
{
	sqlite3_stmt *stmt = db_prepare(db, sql);
	int64_t v = 0;

	if (stmt == NULL)
		return 0;
	sqlite3_bind_int64(stmt, 1, scope);
	sqlite3_bind_text(stmt, 2, today, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

/* The nearest deadline from today on: a session to hold or a report to send. */
static void
store_home_next(struct db *db, int64_t scope, const char *today,
    struct store_home *h)
{
	sqlite3_stmt *stmt = db_prepare(db, STORE_PLANS_CTE
	    "SELECT due, what FROM ("
	    " SELECT pd.due AS due, d.number || ': ' || ps.title AS what"
	    " FROM plan_item_due pd JOIN plan_session ps ON ps.id = pd.id"
	    " JOIN document d ON d.id = ps.document_id"
	    " WHERE ps.document_id IN" STORE_SCOPE_PLANS
	    " AND ps.level IN" STORE_SCOPE_KINDS "AND pd.due >= ?2"
	    " UNION ALL SELECT rd.due_on, d.number || ': ' ||"
	    " CASE rd.description WHEN '' THEN 'báo cáo' ELSE rd.description END"
	    " FROM report_deadline rd JOIN document d ON d.id = rd.document_id"
	    " WHERE rd.document_id IN" STORE_SCOPE_PLANS " AND rd.due_on >= ?2"
	    " AND (rd.level IS NULL OR rd.level IN" STORE_SCOPE_KINDS "))"
	    " ORDER BY due LIMIT 1");

	if (stmt != NULL) {
		sqlite3_bind_int64(stmt, 1, scope);
		sqlite3_bind_text(stmt, 2, today, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(stmt) == SQLITE_ROW) {
			h->next_deadline = store_col(stmt, 0);
			h->next_deadline_what = store_col(stmt, 1);
		}
		sqlite3_finalize(stmt);
	}
	if (h->next_deadline == NULL) {
		h->next_deadline = xstrdup("");
		h->next_deadline_what = xstrdup("");
	}
}

/*
 * Essays past due and not handed in, by the domain's own rules (tally.h),
 * so home, the essay list and the report always agree: the tally's "late"
 * for each plan in progress that no other plan in progress implements
 * (a commune's plan already counts the province plan it carries out).
 * The tally sums the counters of every unit of the scope, some 100 ms a
 * plan at a province: above STORE_HOME_TALLY_MAX members (a district or a
 * province, never a commune; counted from tally_members) home does not
 * count and returns -1, so that it opens at once; the essay screen pages
 * through them instead.
 */
static int
store_home_essays_late(struct db *db, int64_t scope, const char *today)
{
	sqlite3_stmt *stmt;
	int64_t late = 0;

	if (db_int(db, 0, STORE_SCOPE_CTE "SELECT total(n) > ?2 FROM "
	    "tally_members WHERE unit_id IN (SELECT id FROM scope)", 2, scope,
	    (int64_t)STORE_HOME_TALLY_MAX) != 0)
		return -1;
	stmt = db_prepare(db, STORE_PLANS_CTE
	    "SELECT p.id FROM unit_plans AS p WHERE NOT EXISTS"
	    " (SELECT 1 FROM document c WHERE c.parent_id = p.id AND"
	    " c.id IN" STORE_SCOPE_PLANS ")");
	if (stmt == NULL)
		return 0;
	sqlite3_bind_int64(stmt, 1, scope);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		struct tally t;

		if (tally_compute_at(db, sqlite3_column_int64(stmt, 0), scope,
		    today, &t) == 0)
			late += t.late;
		tally_clear(&t);
	}
	sqlite3_finalize(stmt);
	return (int)late;
}

int
store_home_get(struct db *db, int64_t scope, const char *today,
    struct store_home *h)
{
	struct store_unit u;

	if (store_unit_get(db, scope, &u) != 0)
		return -1;
	h->unit_name = xstrdup(u.name);
	store_unit_clear(&u);
	h->campaigns = (int)store_home_count(db, STORE_PLANS_CTE
	    "SELECT count(*) FROM unit_plans AS p WHERE EXISTS"
	    " (SELECT 1 FROM plan_item_due ps WHERE ps.document_id ="
	    " p.id AND ps.due >= ?2) OR EXISTS (SELECT 1 FROM"
	    " report_deadline rd WHERE rd.document_id = p.id AND"
	    " rd.due_on >= ?2)", scope, today);
	store_home_next(db, scope, today, h);
	/*
	 * A unit of the level a session of one of its plans names that has
	 * held none for it.
	 */
	h->sessions_overdue = (int)store_home_count(db, STORE_PLANS_CTE
	    "SELECT count(*) FROM plan_item_due ps JOIN unit u ON u.kind ="
	    " ps.level AND u.id IN (SELECT id FROM scope) WHERE ps.due < ?2"
	    " AND ps.document_id IN" STORE_SCOPE_PLANS
	    " AND NOT EXISTS (SELECT 1 FROM session s WHERE s.unit_id = u.id"
	    " AND s.document_id = ps.document_id AND s.status = 'held' AND"
	    " (s.plan_session_id IS NULL OR s.plan_session_id = ps.id))",
	    scope, today);
	h->essays_missing = store_home_essays_late(db, scope, today);
	h->reports_overdue = (int)store_home_count(db, STORE_PLANS_CTE
	    "SELECT count(*) FROM report_deadline rd WHERE rd.document_id IN"
	    STORE_SCOPE_PLANS "AND rd.due_on < ?2 AND (rd.level IS NULL OR"
	    " rd.level = (SELECT kind FROM unit WHERE id = ?1)) AND NOT EXISTS"
	    " (SELECT 1 FROM tally_report t WHERE t.document_id ="
	    " rd.document_id AND t.unit_id = ?1 AND t.round = rd.round AND"
	    " t.status = 'final')", scope, today);
	return 0;
}

void
store_home_clear(struct store_home *h)
{
	x_free(&h->unit_name);
	x_free(&h->next_deadline);
	x_free(&h->next_deadline_what);
}
