/*
 * counters.c - checking and rebuilding the tally's counters from the
 * recount views of data/schema/014_counters.sql.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <sqlite3.h>

#include "db.h"
#include "domain/counters.h"
#include "domain/counters_int.h"

/*
 * The (plan, unit) pairs whose counters differ, gathered while the big
 * tables are compared in C (counters_facts_diff, counters_counted_diff),
 * then named beside the small tables' differences.
 */
static const char counters_differ_make_sql[] =
    "DROP TABLE IF EXISTS temp.counters_differ; "
    "CREATE TEMP TABLE counters_differ(plan_id INTEGER, unit_id INTEGER, "
    "PRIMARY KEY (plan_id, unit_id)) WITHOUT ROWID";
static const char counters_differ_add_sql[] =
    "INSERT OR IGNORE INTO temp.counters_differ VALUES (?1, ?2)";

/* Each row of a that b lacks and each of b that a lacks: one column. */
#define COUNTERS_DIFF(a, b, cols) \
	"SELECT " cols " FROM (SELECT * FROM " a " EXCEPT SELECT * FROM " b ") " \
	"UNION SELECT " cols " FROM (SELECT * FROM " b " EXCEPT SELECT * FROM " a ")"

static const char counters_check_sql[] =
    "WITH d(plan_id, unit_id) AS ("
    "SELECT plan_id, unit_id FROM temp.counters_differ"
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

/*
 * The counters recounted from tally_fact, and as kept, in the same key
 * order: tally_counter's own, so only the recount is sorted.
 */
static const char counters_recounted_sql[] =
    "SELECT plan_id, unit_id, status, took_on, wrote_on, n "
    "FROM tally_counted ORDER BY 1, 2, 3, 4, 5";
static const char counters_kept_sql[] =
    "SELECT plan_id, unit_id, status, took_on, wrote_on, n "
    "FROM tally_counter ORDER BY 1, 2, 3, 4, 5";
#define COUNTERS_KEY_COLS	5
#define COUNTERS_COLS		6

/* Where counters_differ_add puts pairs, and whether it could. */
struct differ_sink {
	sqlite3_stmt	*add;
	int		 rc;
};

static void
counters_differ_add(int64_t plan, int64_t unit, void *ctx)
{
	struct differ_sink *sink = ctx;
	int rc;

	if (sink->rc != SQLITE_DONE)
		return;
	sqlite3_bind_int64(sink->add, 1, plan);
	sqlite3_bind_int64(sink->add, 2, unit);
	rc = sqlite3_step(sink->add);
	sqlite3_reset(sink->add);
	sink->rc = rc;
}

/* SQLite's own order of values: NULL, numbers, text, then blobs. */
static int
column_rank(int type)
{
	switch (type) {
	case SQLITE_NULL:
		return 0;
	case SQLITE_INTEGER:
	case SQLITE_FLOAT:
		return 1;
	case SQLITE_TEXT:
		return 2;
	}
	return 3;
}

/* Column col of a's row against b's, as ORDER BY sorts them. */
static int
column_cmp(sqlite3_stmt *a, sqlite3_stmt *b, int col)
{
	int ta = sqlite3_column_type(a, col), tb = sqlite3_column_type(b, col);
	int c = column_rank(ta) - column_rank(tb), la, lb;
	const void *pa, *pb;

	if (c != 0 || ta == SQLITE_NULL)
		return c;
	if (ta == SQLITE_INTEGER && tb == SQLITE_INTEGER) {
		int64_t x = sqlite3_column_int64(a, col);
		int64_t y = sqlite3_column_int64(b, col);

		return (x > y) - (x < y);
	}
	if (column_rank(ta) == 1) {
		double x = sqlite3_column_double(a, col);
		double y = sqlite3_column_double(b, col);

		return (x > y) - (x < y);
	}
	pa = ta == SQLITE_TEXT ? (const void *)sqlite3_column_text(a, col) :
	    sqlite3_column_blob(a, col);
	pb = tb == SQLITE_TEXT ? (const void *)sqlite3_column_text(b, col) :
	    sqlite3_column_blob(b, col);
	la = sqlite3_column_bytes(a, col);
	lb = sqlite3_column_bytes(b, col);
	if (la > 0 && lb > 0 && (c = memcmp(pa, pb, la < lb ? la : lb)) != 0)
		return c;
	return (la > lb) - (la < lb);
}

/* Columns from..to-1 of a's row against b's. */
static int
columns_cmp(sqlite3_stmt *a, sqlite3_stmt *b, int from, int to)
{
	int c = 0;

	while (c == 0 && from < to)
		c = column_cmp(a, b, from++);
	return c;
}

/*
 * tally_counter against the counters tally_fact makes, walked side by
 * side: differ for each key one side lacks or counts otherwise.
 */
static int
counters_counted_diff(struct db *db, counters_differ_fn differ, void *ctx)
{
	sqlite3_stmt *a = db_prepare(db, counters_recounted_sql);
	sqlite3_stmt *b = db_prepare(db, counters_kept_sql);
	int ra, rb, c, differs, rc = -1;

	if (a == NULL || b == NULL)
		goto out;
	ra = sqlite3_step(a);
	rb = sqlite3_step(b);
	while (ra == SQLITE_ROW || rb == SQLITE_ROW) {
		if (ra != SQLITE_ROW || rb != SQLITE_ROW)
			c = ra == SQLITE_ROW ? -1 : 1;
		else
			c = columns_cmp(a, b, 0, COUNTERS_KEY_COLS);
		differs = c == 0 &&
		    columns_cmp(a, b, COUNTERS_KEY_COLS, COUNTERS_COLS) != 0;
		if (c < 0 || differs)
			differ(sqlite3_column_int64(a, 0),
			    sqlite3_column_int64(a, 1), ctx);
		if (c > 0 || differs)
			differ(sqlite3_column_int64(b, 0),
			    sqlite3_column_int64(b, 1), ctx);
		if (c <= 0)
			ra = sqlite3_step(a);
		if (c >= 0)
			rb = sqlite3_step(b);
	}
	rc = ra != SQLITE_DONE || rb != SQLITE_DONE ? -1 : 0;
	if (rc != 0)
		db_set_error(db, ra != SQLITE_DONE ? ra : rb,
		    "đếm lại bộ đếm báo cáo");
out:
	sqlite3_finalize(a);
	sqlite3_finalize(b);
	return rc;
}

/* The pairs of both comparisons in temp.counters_differ. */
static int
counters_gather(struct db *db)
{
	struct differ_sink sink = { NULL, SQLITE_DONE };
	int rc = -1;

	if (db_exec(db, counters_differ_make_sql) != 0 ||
	    (sink.add = db_prepare(db, counters_differ_add_sql)) == NULL)
		return -1;
	if (counters_facts_diff(db, counters_differ_add, &sink) == 0 &&
	    counters_counted_diff(db, counters_differ_add, &sink) == 0) {
		rc = sink.rc == SQLITE_DONE ? 0 : -1;
		if (rc != 0)
			db_set_error(db, sink.rc, "ghi chỗ lệch của bộ đếm");
	}
	sqlite3_finalize(sink.add);
	return rc;
}

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
	sqlite3_stmt *stmt = NULL;
	int rc = SQLITE_ERROR, n = -1;

	if (counters_gather(db) != 0 ||
	    (stmt = db_prepare(db, counters_check_sql)) == NULL)
		goto out;
	n = 0;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		found((const char *)sqlite3_column_text(stmt, 0), ctx);
		n++;
	}
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "kiểm tra bộ đếm báo cáo");
		n = -1;
	}
out:
	sqlite3_finalize(stmt);
	/* The error, if any, is kept: the table's end must not hide it. */
	sqlite3_exec(db_handle(db), "DROP TABLE IF EXISTS temp.counters_differ",
	    NULL, NULL, NULL);
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
