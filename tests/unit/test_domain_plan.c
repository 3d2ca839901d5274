/*
 * test_domain_plan.c - the tally's queries read the big tables through
 * indexes only (EXPLAIN QUERY PLAN on the fixture, which like a clerk's
 * database has no ANALYZE statistics): they read each unit's counters and
 * never a member's attendance or essays. And check's recount of the
 * counters reads every row, but each in the order it is kept: no sorter
 * over millions of rows.
 *
 * A province holds millions of attendance and essay rows; a query that
 * scans one of them, or probes an index once per session of the whole
 * province, takes seconds for one commune. The plan is checked here
 * because a timing on a small test database would not show it.
 */
#include "config.h"

/* The queries are private to their files: include them to reach them. */
#include "domain/counters_facts.c"
#include "domain/tally.c"

#include "domain_fixture.h"
#include "tap.h"

/*
 * The query plan of sql (?1 plan, ?2 unit), one detail a line; sets *bad
 * (unless NULL) when it scans a table that is not one of the few small
 * ones, or it does not prepare.
 */
static char *
plan_of(struct db *db, const char *sql, int *bad)
{
	/* The CTEs and the small constant sets a plan may scan. */
	static const char *const scannable[] = {
		"SCAN units", "SCAN p", "SCAN u", "SCAN CONSTANT ROW",
		"SCAN r", "SCAN s",	/* rule, member_status: a few statuses */
	};
	char *explain = xasprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *stmt = plan_prepare(db, explain, FX_D1, FX_C);
	char *plan = xstrdup("");

	if (stmt == NULL && bad != NULL)
		*bad = 1;
	while (stmt != NULL && sqlite3_step(stmt) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(stmt, 3);
		char *more = xasprintf("%s%s\n", plan, d);
		size_t i;
		int ok = strncmp(d, "SCAN ", 5) != 0;

		for (i = 0; i < sizeof scannable / sizeof scannable[0]; i++)
			if (strcmp(d, scannable[i]) == 0)
				ok = 1;
		if (!ok && bad != NULL) {
			printf("# full scan: %s\n", d);
			*bad = 1;
		}
		free(plan);
		plan = more;
	}
	db_release(db, stmt);
	free(explain);
	return plan;
}

/* check's streams, each read whole: in order by their indexes. */
static void
check_streams(struct db *db)
{
	const char *const sqls[] = {
		facts_source_sql, facts_member_sql, facts_stored_sql,
	};
	char *plan = xstrdup(""), *one, *more;
	size_t i;

	for (i = 0; i < sizeof sqls / sizeof sqls[0]; i++) {
		one = plan_of(db, sqls[i], NULL);
		more = xasprintf("%s%s", plan, one);
		free(one);
		free(plan);
		plan = more;
	}
	tap_ok(strstr(plan, "TEMP B-TREE") == NULL, "check's recount sorts "
	    "nothing: every stream comes in member order");
	tap_ok(strstr(plan, "MERGE (UNION ALL)") != NULL &&
	    strstr(plan, "SCAN a USING COVERING INDEX "
	    "attendance_by_member_session") != NULL &&
	    strstr(plan, "SCAN e USING COVERING INDEX essay_by_member_plan") !=
	    NULL, "attendance and essays through their members' indexes, "
	    "merged");
	if (strstr(plan, "TEMP B-TREE") != NULL || *plan == '\0')
		printf("# plan:\n# %s\n", plan);
	free(plan);
}

int
main(void)
{
	const char *const sqls[] = {
		tally_rule_sql, tally_unit_sql, tally_last_sql,
		tally_subtree_sql,
	};
	struct db *db = fixture_open();
	char *plan = xstrdup(""), *one, *more;
	size_t i;
	int bad = 0;

	for (i = 0; i < sizeof sqls / sizeof sqls[0]; i++) {
		one = plan_of(db, sqls[i], &bad);
		more = xasprintf("%s%s", plan, one);
		free(one);
		free(plan);
		plan = more;
	}
	tap_ok(!bad, "the tally's queries prepare and scan no big table");
	tap_ok(strstr(plan, "SEARCH tally_counter USING PRIMARY KEY "
	    "(plan_id=? AND unit_id=?)") != NULL,
	    "each unit's counters through their key");
	tap_ok(strstr(plan, "SEARCH tally_members USING PRIMARY KEY "
	    "(unit_id=?)") != NULL,
	    "each unit's members by status through their key");
	tap_ok(strstr(plan, "SEARCH se USING COVERING INDEX session_by_unit "
	    "(unit_id=? AND held_on<?)") != NULL,
	    "a unit's latest session through its index, newest first");
	tap_ok(strstr(plan, "attendance") == NULL &&
	    strstr(plan, "essay ") == NULL,
	    "no member's attendance or essays are read");
	if (bad)
		printf("# plan:\n# %s\n", plan);
	free(plan);
	check_streams(db);
	fixture_close(&db);
	return tap_done();
}
