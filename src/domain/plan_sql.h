/*
 * plan_sql.h - SQL shared by the rules and the tally, so that "who must
 * write" and "when is it due" have one definition (private to src/domain).
 *
 * Each macro is one common table expression of a WITH RECURSIVE clause;
 * parameter ?1 is always the plan (document id).
 */
#ifndef QT_PLAN_SQL_H
#define QT_PLAN_SQL_H

#include <stdint.h>
#include <sqlite3.h>

struct db;

/*
 * Prepares SQL and binds ?1 = plan, ?2 = second (a unit or a member) and,
 * when the SQL names it, PLAN_SQL_CUTOFF = today (date_today()). NULL on
 * error (db_error). The statement is kept for the connection (db_keep):
 * the caller gives it back with db_release, never finalizes it.
 */
sqlite3_stmt	*plan_prepare(struct db *db, const char *sql, int64_t plan,
		    int64_t second);

/* The cutoff day: CUTOFF (ISO), or today into TODAY when it is NULL or "". */
const char	*plan_cutoff(const char *cutoff, char today[11]);
/*
 * Binds PLAN_SQL_CUTOFF of stmt (if it has it) to the ISO date cutoff,
 * or to today when cutoff is NULL or empty.
 */
void		 plan_bind_cutoff(sqlite3_stmt *stmt, const char *cutoff);

/*
 * The day the counts are taken on (ISO): a session held or an essay
 * handed in after it has not happened yet for them. Today for the
 * screens; a round's deadline (or the report's date) for a report.
 * Numbered, not named: SQLite would number a name by where it first
 * appears, and could give it ?2's slot; ?99 is past any other.
 */
#define PLAN_SQL_CUTOFF_PARAM	99
#define PLAN_SQL_CUTOFF	"?99"

/*
 * The plan ?1 and every plan below it (plans implementing it), from the
 * closure of the plan tree the triggers keep (014_counters.sql), which
 * the counters are summed by too.
 */
#define PLAN_SQL_PLANS \
	"plans(id) AS (SELECT plan_id FROM tally_plan_tree WHERE ancestor_id = ?1)"

/*
 * The document in column COL is ?1 or a plan below it: one key lookup,
 * for a test made on a few rows, where PLAN_SQL_PLANS would list them all.
 */
#define PLAN_SQL_UNDER(col) \
	"EXISTS (SELECT 1 FROM tally_plan_tree pt WHERE pt.plan_id = " col \
	"  AND pt.ancestor_id = ?1)"

/*
 * The report row of the unit in column UNIT for round ?3 under plan ?1
 * or a plan below it, the plan's own first: the one rule every face and
 * the completeness table choose a unit's report by. One range of
 * tally_report_by_unit.
 */
#define PLAN_SQL_REPORT_ROW(unit) \
	"(SELECT x.id FROM tally_report x WHERE x.unit_id = " unit \
	"  AND x.round = ?3 AND " PLAN_SQL_UNDER("x.document_id") \
	"  ORDER BY x.document_id = ?1 DESC LIMIT 1)"

/* The unit ?2 and every unit below it. */
#define PLAN_SQL_UNITS \
	"units(id) AS (SELECT ?2 UNION ALL " \
	"  SELECT u.id FROM unit u JOIN units p ON u.parent_id = p.id)"

/* ?1 and the plans above it, nearest first (a cycle stops at depth 64). */
#define PLAN_SQL_UP \
	"plan_up(id, depth) AS (SELECT ?1, 0 UNION ALL " \
	"  SELECT d.parent_id, u.depth + 1 FROM plan_up u " \
	"  JOIN document d ON d.id = u.id " \
	"  WHERE d.parent_id IS NOT NULL AND u.depth < 64)"

/*
 * 1 when the nearest essay_rule at or above plan ?1 asks for no essay
 * (kind 'none'), else 0 (needs plan_up).
 */
#define PLAN_SQL_NO_ESSAY \
	"coalesce((SELECT e.kind = 'none' FROM essay_rule e JOIN plan_up u " \
	"  ON u.id = e.document_id ORDER BY u.depth LIMIT 1), 0)"

/* The reason a plan that asks for no essay gives every member. */
#define PLAN_SQL_NO_ESSAY_REASON	"Kế hoạch không yêu cầu viết thu hoạch"

/*
 * The rule for each member status under plan ?1 (needs plan_up): nobody
 * writes when the plan asks for no essay; otherwise the exemption_rule of
 * the nearest plan at or above ?1 that has one for the status, else the
 * default row (document_id NULL), else "must write". Non-members
 * (is_party_member = 0) never write. reason is the plan's when it asks
 * for no essay, else the rule's, or the status name when the rule gives
 * none.
 */
#define PLAN_SQL_RULE \
	"rule(status, party, must_write, reason) AS (SELECT s.code, " \
	"  s.is_party_member, " \
	"  CASE WHEN s.is_party_member = 0 OR " PLAN_SQL_NO_ESSAY " THEN 0 " \
	"    ELSE coalesce(r.must_write, 1) END, " \
	"  CASE WHEN s.is_party_member = 1 AND " PLAN_SQL_NO_ESSAY \
	"    THEN '" PLAN_SQL_NO_ESSAY_REASON "' " \
	"    WHEN coalesce(r.reason, '') <> '' THEN r.reason ELSE s.name END " \
	"  FROM member_status s LEFT JOIN exemption_rule r ON r.id = coalesce(" \
	"    (SELECT x.id FROM exemption_rule x JOIN plan_up u " \
	"      ON u.id = x.document_id WHERE x.status = s.code " \
	"      ORDER BY u.depth LIMIT 1), " \
	"    (SELECT x.id FROM exemption_rule x " \
	"      WHERE x.document_id IS NULL AND x.status = s.code)))"

/* EXPR of the nearest essay_rule e at or above ?1 (needs plan_up). */
#define PLAN_SQL_NEAREST_RULE(expr) \
	"(SELECT " expr " FROM essay_rule e JOIN plan_up u " \
	"  ON u.id = e.document_id ORDER BY u.depth LIMIT 1)"

/* Days allowed to write (needs plan_up): nearest essay_rule, else 7. */
#define PLAN_SQL_DUE_DAYS \
	"coalesce(" PLAN_SQL_NEAREST_RULE("e.due_days") ", 7)"

/*
 * The one day every essay is due by when the nearest rule is a fixed
 * date (kind 'date', schema 020), else NULL (needs plan_up).
 */
#define PLAN_SQL_DUE_ON \
	PLAN_SQL_NEAREST_RULE("CASE e.kind WHEN 'date' THEN e.due_on END")

/*
 * The essay due date of a member who studied on the ISO day STUDIED: the
 * rule's fixed date, else STUDIED plus the days allowed; NULL while the
 * member has no day studied (the essay clock has not started). The one
 * definition the essay screen, check and rules_essay_due use; the tally
 * uses its twin by cutoff below. Needs plan_up.
 */
#define PLAN_SQL_ESSAY_DUE(studied) \
	"CASE WHEN (" studied ") IS NOT NULL THEN coalesce(" PLAN_SQL_DUE_ON \
	", date(" studied ", '+' || " PLAN_SQL_DUE_DAYS " || ' days')) END"

/*
 * The same rule seen from a cutoff CUT (ISO), for the tally's counters:
 * an essay not handed in by CUT is late when the member studied before
 * this day. Under a fixed date that is any day once CUT is past the
 * date ('9999-12-31'), none before it (''); else CUT less the days
 * allowed (studied + days < CUT). Needs plan_up.
 */
#define PLAN_SQL_LATE_BEFORE(cut) \
	"CASE WHEN " PLAN_SQL_DUE_ON " IS NULL THEN date(" cut ", '-' || " \
	PLAN_SQL_DUE_DAYS " || ' days') WHEN " PLAN_SQL_DUE_ON " < " cut \
	" THEN '9999-12-31' ELSE '' END"

/*
 * The sessions that count, for the tally, the essay screen and check
 * alike (needs plans): held sessions of the plans, held on or before
 * the cutoff.
 */
#define PLAN_SQL_SESS \
	"sess(id) AS (SELECT se.id FROM session se " \
	"  WHERE se.document_id IN (SELECT id FROM plans) AND se.status = 'held' " \
	"  AND se.held_on <= " PLAN_SQL_CUTOFF ")"

/*
 * Essay row e was handed in by the cutoff (an essay dated later does not
 * count yet; NULL, not handed in, never does).
 */
#define PLAN_SQL_WROTE	"e.submitted_on <= " PLAN_SQL_CUTOFF

/*
 * Lookups by member write the plan or session test as "+column IN (...)":
 * the unary plus keeps SQLite from probing a (session_id, member_id) or
 * (document_id, member_id) index once per session or plan of the whole
 * province, and makes it read the member's few rows of the
 * (member_id, ...) covering index instead.
 */

/* Present or self-studied: both count as taking part. */
#define PLAN_SQL_TOOK_PART	"a.status IN ('present', 'self_study')"

/*
 * The date member row m studied the plans (needs plans and sess): the
 * first session that counts (sess) m attended or self-studied, else the
 * latest session that counts in m's unit; NULL if neither exists. The
 * essay clock starts there, an essay cannot be handed in before it (the
 * essay form, check), and the essay screen shows it.
 */
#define PLAN_SQL_STUDIED \
	"coalesce(" \
	"  (SELECT min(se.held_on) FROM attendance a " \
	"    JOIN session se ON se.id = a.session_id " \
	"    WHERE a.member_id = m.id AND +a.session_id IN (SELECT id FROM sess) " \
	"    AND " PLAN_SQL_TOOK_PART "), " \
	"  (SELECT max(se.held_on) FROM session se " \
	"    WHERE se.unit_id = m.unit_id AND se.id IN (SELECT id FROM sess)))"

#endif
