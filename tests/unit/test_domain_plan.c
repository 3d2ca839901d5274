/*
 * test_domain_plan.c - the tally query reads the big tables through
 * indexes only (EXPLAIN QUERY PLAN on the fixture, which like a clerk's
 * database has no ANALYZE statistics): it sums each unit's counters and
 * never reads a member's attendance or essays.
 *
 * A province holds millions of attendance and essay rows; a query that
 * scans one of them, or probes an index once per session of the whole
 * province, takes seconds for one commune. The plan is checked here
 * because a timing on a small test database would not show it.
 */
#include "config.h"

/* The query is private to tally.c: include it to reach tally_sql. */
#include "domain/tally.c"

#include "domain_fixture.h"
#include "tap.h"

int
main(void)
{
	/*
	 * The CTEs and the small constant sets the plan may scan (st, s:
	 * member_status, a handful of statuses).
	 */
	static const char *const scannable[] = {
		"SCAN units", "SCAN plans", "SCAN sess", "SCAN p", "SCAN u",
		"SCAN a", "SCAN CONSTANT ROW", "SCAN st", "SCAN s",
		"SCAN k",	/* cnt: a few rows per unit and status */
		"SCAN counted",	/* the units counted, before their due day */
		"SCAN g",	/* the groups of units: one per child */
	};
	struct db *db = fixture_open();
	char *sql = xasprintf("EXPLAIN QUERY PLAN %s", tally_sql);
	sqlite3_stmt *stmt = plan_prepare(db, sql, FX_D1, FX_C);
	char *plan = xstrdup("");
	int bad = 0;

	tap_ok(stmt != NULL, "tally query prepares");
	while (stmt != NULL && sqlite3_step(stmt) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(stmt, 3);
		char *more = xasprintf("%s%s\n", plan, d);
		size_t i;
		/* A derived table of the units CTE (the cutoffs in due). */
		int ok = strncmp(d, "SCAN ", 5) != 0 ||
		    strncmp(d, "SCAN (subquery-", 15) == 0;

		for (i = 0; i < sizeof scannable / sizeof scannable[0]; i++)
			if (strcmp(d, scannable[i]) == 0)
				ok = 1;
		if (!ok) {
			printf("# full scan: %s\n", d);
			bad = 1;
		}
		free(plan);
		plan = more;
	}
	db_release(db, stmt);
	tap_ok(!bad, "no big table is scanned");
	tap_ok(strstr(plan, "SEARCH c USING PRIMARY KEY (plan_id=? AND unit_id=?)") != NULL,
	    "each unit's counters through their key");
	tap_ok(strstr(plan, "SEARCH m USING PRIMARY KEY (unit_id=?)") != NULL,
	    "each unit's members by status through their key");
	tap_ok(strstr(plan, "attendance") == NULL &&
	    strstr(plan, "essay") == NULL,
	    "no member's attendance or essays are read");
	if (bad)
		printf("# plan:\n# %s\n", plan);
	free(plan);
	free(sql);
	fixture_close(&db);
	return tap_done();
}
