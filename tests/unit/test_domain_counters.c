/*
 * test_domain_counters.c - the tally's counters (data/schema/
 * 014_counters.sql, src/domain/counters.c) equal a recount from the rows
 * after every kind of write, and check sees a counter that drifted.
 *
 * The recount is the tally as it was computed before the counters: one
 * walk over the members of the units, looking up their attendance and
 * essays, kept here as the reference.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/counters.h"
#include "domain/plan_sql.h"
#include "domain/tally.h"
#include "domain_fixture.h"
#include "tap.h"

/*
 * The figures of struct tally from the rows, member by member, with the
 * plans below ?1 walked from document.parent_id (not the closure table
 * the triggers keep, which PLAN_SQL_PLANS reads).
 */
static const char recount_sql[] =
    "WITH RECURSIVE plans(id) AS (SELECT ?1 UNION "
    "  SELECT d.id FROM document d JOIN plans p ON d.parent_id = p.id), " PLAN_SQL_UP ", " PLAN_SQL_RULE ", "
    PLAN_SQL_SESS ", " PLAN_SQL_UNITS ", "
    "per(id, unit_id, status, took, wrote) AS (SELECT m.id, m.unit_id, m.status, "
    "  EXISTS (SELECT 1 FROM attendance a WHERE a.member_id = m.id "
    "    AND a.session_id IN (SELECT id FROM sess) AND " PLAN_SQL_TOOK_PART "), "
    "  EXISTS (SELECT 1 FROM essay e WHERE e.member_id = m.id "
    "    AND e.document_id IN (SELECT id FROM plans) AND " PLAN_SQL_WROTE ") "
    "  FROM units JOIN member m ON m.unit_id = units.id), "
    "agg(status, n, took, wrote, late) AS (SELECT m.status, count(*), "
    "  sum(m.took), sum(m.wrote), sum(CASE WHEN NOT m.wrote THEN "
    "    date(" PLAN_SQL_STUDIED ", '+' || " PLAN_SQL_DUE_DAYS " || ' days')"
    "    < " PLAN_SQL_CUTOFF " ELSE 0 END) FROM per m GROUP BY m.status), "
    "s(party, must, n, took, wrote, late) AS (SELECT r.party, r.must_write, "
    "  coalesce(a.n, 0), coalesce(a.took, 0), coalesce(a.wrote, 0), "
    "  coalesce(a.late, 0) FROM rule r LEFT JOIN agg a ON a.status = r.status) "
    "SELECT total(party * n), total(party * took), total(party * wrote), "
    "  total(party * (1 - must) * (n - wrote)), total(party * must * n), "
    "  total(party * must * late), total(party * must * (n - wrote)), "
    "  total((1 - party) * took) FROM s";

static const int64_t plans[] = { FX_D1, FX_D2, FX_D3 };
static const int64_t units[] = { FX_P, FX_C, FX_A, FX_B, FX_E };
static const char *const cutoffs[] = { "2021-04-11", "2021-04-19",
    "2021-04-20", "2021-04-26", "2021-05-30" };

/* 1 when the counters' tally equals the recount for plan, unit, cutoff. */
static int
same(struct db *db, int64_t plan, int64_t unit, const char *cutoff)
{
	sqlite3_stmt *stmt = plan_prepare(db, recount_sql, plan, unit);
	struct tally t;
	int64_t want[8], got[8];
	int i, ok;

	if (stmt == NULL || tally_compute_at(db, plan, unit, cutoff, &t) != 0) {
		fprintf(stderr, "# %s\n", db_error(db));
		db_release(db, stmt);
		return 0;
	}
	plan_bind_cutoff(stmt, cutoff);
	ok = sqlite3_step(stmt) == SQLITE_ROW;
	for (i = 0; ok && i < 8; i++)
		want[i] = sqlite3_column_int64(stmt, i);
	db_release(db, stmt);
	got[0] = t.total_members;
	got[1] = t.participated;
	got[2] = t.wrote;
	got[3] = t.exempt;
	got[4] = t.must_write;
	got[5] = t.late;
	got[6] = t.missing;
	got[7] = t.guests_present;
	tally_clear(&t);
	for (i = 0; ok && i < 8; i++) {
		if (got[i] != want[i]) {
			fprintf(stderr, "# plan %lld unit %lld as of %s: figure %d "
			    "is %lld, the rows say %lld\n", (long long)plan,
			    (long long)unit, cutoff, i, (long long)got[i],
			    (long long)want[i]);
			ok = 0;
		}
	}
	return ok;
}

static void
count_line(const char *line, void *ctx)
{
	char *seen = ctx;

	fprintf(stderr, "# drift: %s\n", line);
	snprintf(seen, 200, "%s", line);
}

/* Every plan, unit and cutoff agrees, and check finds nothing. */
static void
agrees(struct db *db, const char *after)
{
	char seen[200] = "";
	size_t p, u, c;
	int ok = 1;

	for (p = 0; p < sizeof plans / sizeof plans[0]; p++)
		for (u = 0; u < sizeof units / sizeof units[0]; u++)
			for (c = 0; c < sizeof cutoffs / sizeof cutoffs[0]; c++)
				ok &= same(db, plans[p], units[u], cutoffs[c]);
	tap_ok(ok, "after %s: the counters' tally equals a recount from the "
	    "rows (every plan, unit and cutoff)", after);
	tap_ok(counters_check(db, count_line, seen) == 0,
	    "after %s: check finds no drift", after);
}

/*
 * The facts' label as check gives it, for the fact chosen by pick (SQL
 * naming tally_fact as f), read before the corruption.
 */
static void
fact_label(struct db *db, const char *pick, char *out, size_t size)
{
	char *sql = sqlite3_mprintf("SELECT 'kế hoạch ' || d.number || ', ' || "
	    "u.name FROM tally_fact f JOIN document d ON d.id = f.plan_id "
	    "JOIN unit u ON u.id = f.unit_id %s", pick);
	sqlite3_stmt *stmt = db_prepare(db, sql);

	snprintf(out, size, "?");
	if (stmt != NULL && sqlite3_step(stmt) == SQLITE_ROW)
		snprintf(out, size, "%s", sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	sqlite3_free(sql);
}

/*
 * One corruption of the facts or counters (sql may say %s for pick):
 * check finds exactly n places, the last of them want (or the fact pick
 * names), and the rebuild mends it.
 */
static void
drifts(struct db *db, const char *what, const char *pick, const char *sql,
    int n, const char *want)
{
	char label[200], seen[200] = "", name[200];
	char *run = sqlite3_mprintf(sql, pick);

	if (want == NULL)
		fact_label(db, pick, label, sizeof label);
	else
		snprintf(label, sizeof label, "%s", want);
	if (db_exec(db, run) != 0)
		tap_ok(0, "%s: %s", what, db_error(db));
	sqlite3_free(run);
	snprintf(name, sizeof name, "check finds %s", what);
	tap_is_int(counters_check(db, count_line, seen), n, name);
	snprintf(name, sizeof name, "and names its plan and unit (%s)", what);
	tap_is_str(seen, label, name);
	tap_ok(counters_rebuild(db) == 0 &&
	    counters_check(db, count_line, seen) == 0,
	    "after %s, the rebuild mends it", what);
}

/* Facts that drifted from the rows, first and last in key order too. */
static void
facts_drift(struct db *db)
{
	static const char first[] = "WHERE (f.member_id, f.plan_id) = "
	    "(SELECT member_id, plan_id FROM tally_fact WHERE took_on IS NOT NULL "
	    "ORDER BY member_id, plan_id LIMIT 1)";
	static const char last[] = "WHERE (f.member_id, f.plan_id) = "
	    "(SELECT member_id, plan_id FROM tally_fact "
	    "ORDER BY member_id DESC, plan_id DESC LIMIT 1)";

	/* The counters follow tally_fact here: only the recount differs. */
	drifts(db, "a fact's day moved", first,
	    "UPDATE tally_fact AS f SET took_on = '2000-01-01' %s", 1, NULL);
	drifts(db, "a fact's status changed", last,
	    "UPDATE tally_fact AS f SET status = 'guest' %s", 1, NULL);
	/* Muted: the counter keeps the lost fact, a second difference. */
	drifts(db, "the last fact lost", last,
	    "INSERT INTO tally_mute VALUES (1);"
	    "DELETE FROM tally_fact AS f %s; DELETE FROM tally_mute", 1, NULL);
	drifts(db, "a fact of a member nobody has",
	    "WHERE f.member_id = 9000000000000000000",
	    "INSERT INTO tally_fact VALUES (9000000000000000000, 100, 3, "
	    "'active', '2021-04-12', NULL)", 1, "kế hoạch 13-KH/TU, Chi bộ ấp An");
	drifts(db, "a counter nothing makes", NULL,
	    "INSERT INTO tally_counter VALUES (101, 4, 'active', "
	    "'2000-01-01', '9999-12-31', 1)", 1, "kế hoạch 08-KH/ĐU, Chi bộ ấp Bình");
}

/* One write (or a few), then the comparison. */
static void
step(struct db *db, const char *what, const char *sql)
{
	if (db_begin(db) != 0 || db_exec(db, sql) != 0 || db_commit(db) != 0) {
		tap_ok(0, "%s: %s", what, db_error(db));
		return;
	}
	agrees(db, what);
}

int
main(void)
{
	struct db *db = fixture_open();
	char seen[200] = "";

	agrees(db, "the fixture's inserts");
	step(db, "an attendance mark",
	    "INSERT INTO session(id, document_id, unit_id, title, held_on, status)"
	    " VALUES (205, 101, 5, 'Học tập', '2021-04-18', 'held');"
	    "INSERT INTO attendance(id, session_id, member_id, status)"
	    " VALUES (15, 205, 31, 'present')");
	step(db, "an unmark (the make-up's attendance deleted)",
	    "DELETE FROM attendance WHERE id = 7");
	step(db, "absent marked present",
	    "UPDATE attendance SET status = 'present' WHERE id = 6");
	step(db, "present marked self-study, then absent",
	    "UPDATE attendance SET status = 'self_study' WHERE id = 9;"
	    "UPDATE attendance SET status = 'absent' WHERE id = 1");
	step(db, "essays added and handed in",
	    "UPDATE essay SET submitted_on = '2021-04-22' WHERE id = 305;"
	    "INSERT INTO essay(id, document_id, member_id, submitted_on)"
	    " VALUES (306, 100, 24, '2021-04-25')");
	step(db, "an essay removed", "DELETE FROM essay WHERE id = 300");
	step(db, "an essay's date changed",
	    "UPDATE essay SET submitted_on = '2021-04-19' WHERE id = 301");
	step(db, "a member moved to another cell",
	    "UPDATE member SET unit_id = 5 WHERE id = 24");
	step(db, "a status changed",
	    "UPDATE member SET status = 'retired' WHERE id = 16;"
	    "UPDATE member SET status = 'guest' WHERE id = 22");
	step(db, "an exemption changed",
	    "INSERT INTO exemption_rule(id, document_id, status, must_write, reason)"
	    " VALUES (900, 100, 'active', 0, 'Miễn thử');"
	    "UPDATE exemption_rule SET must_write = 1 WHERE document_id IS NULL"
	    " AND status = 'retired'");
	step(db, "a session held, moved and cancelled",
	    "UPDATE session SET status = 'held' WHERE id = 203;"
	    "UPDATE session SET held_on = '2021-04-24' WHERE id = 201;"
	    "UPDATE session SET status = 'cancelled' WHERE id = 200");
	step(db, "a session deleted with its attendance",
	    "DELETE FROM session WHERE id = 204");
	step(db, "a plan put under another",
	    "UPDATE document SET parent_id = 100 WHERE id = 102");
	step(db, "a member added, another deleted",
	    "INSERT INTO member(id, unit_id, full_name, name_fold, status)"
	    " VALUES (32, 5, 'Én Hai', 'en hai', 'active');"
	    "INSERT INTO attendance(id, session_id, member_id, status)"
	    " VALUES (16, 205, 32, 'self_study');"
	    "DELETE FROM attendance WHERE member_id = 15;"
	    "DELETE FROM member WHERE id = 15");
	/* As sync applies rows: its own triggers muted, the tally's not. */
	step(db, "rows synced in",
	    "PRAGMA defer_foreign_keys = ON; INSERT INTO sync_mute VALUES (1);"
	    "INSERT INTO document(id, owner_unit_id, number, kind, issuer,"
	    " issued_on, title, parent_id) VALUES (104, 5, '01-KH/CB', 'KH',"
	    " 'Chi bộ', '2021-04-01', 'Kế hoạch chi bộ', 103);"
	    "INSERT INTO session(id, document_id, unit_id, title, held_on, status)"
	    " VALUES (206, 104, 5, 'Học tập', '2021-04-21', 'held');"
	    "INSERT INTO attendance(id, session_id, member_id, status)"
	    " VALUES (17, 206, 24, 'present');"
	    "INSERT INTO essay(id, document_id, member_id, submitted_on)"
	    " VALUES (307, 104, 32, '2021-04-23');"
	    /* The plan above arrives after the plan below it. */
	    "INSERT INTO document(id, owner_unit_id, number, kind, issuer,"
	    " issued_on, title, parent_id) VALUES (103, 2, '02-KH/ĐU', 'KH',"
	    " 'Đảng ủy xã', '2021-03-30', 'Kế hoạch xã 2', 100);"
	    "DELETE FROM sync_mute");

	/* A counter off by one is named, and rebuilt. */
	db_exec(db, "UPDATE tally_counter SET n = n + 1 WHERE plan_id = 100 "
	    "AND unit_id = 3 AND status = 'active' AND took_on = "
	    "(SELECT min(took_on) FROM tally_counter WHERE plan_id = 100 "
	    "AND unit_id = 3 AND status = 'active')");
	tap_ok(!same(db, FX_D1, FX_A, "2021-05-30"),
	    "a corrupted counter changes the tally");
	tap_is_int(counters_check(db, count_line, seen), 1,
	    "check finds the corrupted counter");
	tap_is_str(seen, "kế hoạch 13-KH/TU, Chi bộ ấp An",
	    "and names its plan and unit");
	db_exec(db, "DELETE FROM tally_members WHERE unit_id = 4");
	tap_is_int(counters_check(db, count_line, seen), 2,
	    "check finds a lost member count too");
	tap_is_int(counters_rebuild(db), 0, "rebuild");
	agrees(db, "the rebuild");
	facts_drift(db);
	fixture_close(&db);
	return tap_done();
}
