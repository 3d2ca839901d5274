/*
 * counters.c - checking and rebuilding the tally's counters from the
 * recount views of data/schema/014_counters.sql.
 */
#include "config.h"

#include <stddef.h>

#include <sqlite3.h>

#include "db.h"
#include "domain/counters.h"

/*
 * Each (plan, unit) where a stored table and its recount differ. The
 * recounts are CTEs made once (MATERIALIZED): each is read from both
 * sides, and the facts' recount reads every attendance and essay.
 */
#define COUNTERS_DIFF(a, b, cols) \
	"SELECT " cols " FROM (SELECT * FROM " a " EXCEPT SELECT * FROM " b ") " \
	"UNION SELECT " cols " FROM (SELECT * FROM " b " EXCEPT SELECT * FROM " a ")"

static const char counters_check_sql[] =
    "WITH fact AS MATERIALIZED (SELECT * FROM tally_recount_fact), "
    "counted AS MATERIALIZED (SELECT * FROM tally_counted), "
    "d(plan_id, unit_id) AS ("
    COUNTERS_DIFF("fact", "tally_fact", "plan_id, unit_id")
    " UNION " COUNTERS_DIFF("counted", "tally_counter", "plan_id, unit_id")
    " UNION " COUNTERS_DIFF("tally_recount_members", "tally_members",
    "NULL, unit_id")
    " UNION " COUNTERS_DIFF("tally_plan_closure", "tally_plan_tree",
    "plan_id, NULL") ") "
    "SELECT CASE WHEN d.plan_id IS NULL THEN 'số đảng viên' "
    "  ELSE 'kế hoạch ' || coalesce(doc.number, d.plan_id) END || "
    "  CASE WHEN d.unit_id IS NULL THEN ' (cây kế hoạch)' "
    "  ELSE ', ' || coalesce(u.name, 'đơn vị ' || d.unit_id) END "
    "FROM d LEFT JOIN document doc ON doc.id = d.plan_id "
    "LEFT JOIN unit u ON u.id = d.unit_id ORDER BY 1";

/* As the end of 014_counters.sql, after emptying the tables. */
static const char counters_rebuild_sql[] =
    "INSERT OR IGNORE INTO tally_mute VALUES (1); "
    "DELETE FROM tally_plan_tree; DELETE FROM tally_members; "
    "DELETE FROM tally_fact; DELETE FROM tally_counter; "
    "INSERT INTO tally_plan_tree SELECT plan_id, ancestor_id "
    "  FROM tally_plan_closure; "
    "INSERT INTO tally_members SELECT unit_id, status, n "
    "  FROM tally_recount_members; "
    "INSERT INTO tally_fact SELECT * FROM tally_recount_fact; "
    "INSERT INTO tally_counter SELECT * FROM tally_counted; "
    "DELETE FROM tally_mute";

int
counters_check(struct db *db, void (*found)(const char *, void *), void *ctx)
{
	sqlite3_stmt *stmt = db_prepare(db, counters_check_sql);
	int rc, n = 0;

	if (stmt == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		found((const char *)sqlite3_column_text(stmt, 0), ctx);
		n++;
	}
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "kiểm tra bộ đếm báo cáo");
		n = -1;
	}
	sqlite3_finalize(stmt);
	return n;
}

int
counters_rebuild(struct db *db)
{
	if (db_begin(db) != 0)
		return -1;
	if (db_exec(db, counters_rebuild_sql) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}
