/*
 * tally.c - the essay tally, summed from the counters the triggers keep.
 *
 * One query reads the counters of the units of the subtree: the cost
 * grows with the units and the days their members took part and wrote,
 * not with the members (2,166 cells for a province of 500,000).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/counters.h"
#include "domain/plan_sql.h"
#include "domain/tally.h"
#include "xmalloc.h"

/*
 * Counts per member status, summed from the counters (data/schema/
 * 014_counters.sql, docs/storage.md): each unit's members by status and
 * by the day they first took part and first handed in an essay, so the
 * cutoff only decides which days count. Members with no such day are
 * tally_members less the counted ones. "late" needs the day a member
 * studied: the first day taken part, else the unit's latest session that
 * counts (last); it is late when that day is before the cutoff less the
 * days allowed (due), one date computed once rather than a date() per
 * counter. The rule is joined to the few status groups afterwards.
 * Every status of the rule comes out, in member_status order, so that
 * the exemption reasons keep one order.
 */
static const char tally_sql[] =
    "WITH RECURSIVE " PLAN_SQL_UP ", " PLAN_SQL_RULE ", " PLAN_SQL_UNITS ", "
    "last(unit_id, day) AS (SELECT se.unit_id, max(se.held_on) FROM units "
    "  JOIN session se ON se.unit_id = units.id "
    "  WHERE " PLAN_SQL_UNDER("se.document_id") " AND se.status = 'held' "
    "  AND se.held_on <= " PLAN_SQL_CUTOFF " GROUP BY se.unit_id), "
    "due(day) AS (SELECT date(" PLAN_SQL_CUTOFF ", '-' || "
    PLAN_SQL_DUE_DAYS " || ' days')), "
    "cnt(unit_id, status, took_on, wrote_on, n) AS ("
    "  SELECT c.unit_id, c.status, c.took_on, c.wrote_on, c.n FROM units "
    "  JOIN tally_counter c ON c.plan_id = ?1 AND c.unit_id = units.id "
    "  UNION ALL SELECT m.unit_id, m.status, '" TALLY_NO_DAY "', '"
    TALLY_NO_DAY "', m.n - coalesce((SELECT sum(c.n) FROM tally_counter c "
    "    WHERE c.plan_id = ?1 AND c.unit_id = m.unit_id "
    "    AND c.status = m.status), 0) "
    "  FROM units JOIN tally_members m ON m.unit_id = units.id), "
    "agg(status, n, took, wrote, late) AS (SELECT k.status, sum(k.n), "
    "  sum(CASE WHEN k.took_on <= " PLAN_SQL_CUTOFF " THEN k.n ELSE 0 END), "
    "  sum(CASE WHEN k.wrote_on <= " PLAN_SQL_CUTOFF " THEN k.n ELSE 0 END), "
    "  sum(CASE WHEN k.wrote_on > " PLAN_SQL_CUTOFF " AND CASE WHEN "
    "    k.took_on <= " PLAN_SQL_CUTOFF " THEN k.took_on ELSE l.day END "
    "    < (SELECT day FROM due) THEN k.n ELSE 0 END) "
    "  FROM cnt k LEFT JOIN last l ON l.unit_id = k.unit_id "
    "  GROUP BY k.status) "
    "SELECT r.party, r.must_write, r.reason, coalesce(a.n, 0), "
    "  coalesce(a.took, 0), coalesce(a.wrote, 0), coalesce(a.late, 0) "
    "FROM rule r JOIN member_status st ON st.code = r.status "
    "LEFT JOIN agg a ON a.status = r.status ORDER BY st.sort, st.code";

void
tally_clear(struct tally *t)
{
	size_t i;

	for (i = 0; i < t->nreasons; i++)
		free(t->reasons[i].reason);
	free(t->reasons);
	memset(t, 0, sizeof *t);
}

void
tally_add_reason(struct tally *t, const char *reason, int64_t n)
{
	size_t i;

	for (i = 0; i < t->nreasons; i++) {
		if (strcmp(t->reasons[i].reason, reason) == 0) {
			t->reasons[i].count += n;
			return;
		}
	}
	t->reasons = xrealloc(t->reasons, (t->nreasons + 1) * sizeof *t->reasons);
	t->reasons[t->nreasons].reason = xstrdup(reason);
	t->reasons[t->nreasons].count = n;
	t->nreasons++;
}

void
tally_copy(struct tally *dst, const struct tally *src)
{
	size_t i;

	*dst = *src;
	dst->reasons = NULL;
	dst->nreasons = 0;
	for (i = 0; i < src->nreasons; i++)
		tally_add_reason(dst, src->reasons[i].reason,
		    src->reasons[i].count);
}

int
tally_compute_at(struct db *db, int64_t document_id, int64_t unit_id,
    const char *cutoff, struct tally *out)
{
	sqlite3_stmt *stmt;
	int rc;

	memset(out, 0, sizeof *out);
	if ((stmt = plan_prepare(db, tally_sql, document_id, unit_id)) == NULL)
		return -1;
	plan_bind_cutoff(stmt, cutoff);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int party = sqlite3_column_int(stmt, 0);
		int must = sqlite3_column_int(stmt, 1);
		const char *reason = (const char *)sqlite3_column_text(stmt, 2);
		int64_t n = sqlite3_column_int64(stmt, 3);
		int64_t took = sqlite3_column_int64(stmt, 4);
		int64_t wrote = sqlite3_column_int64(stmt, 5);

		if (!party) {
			out->guests_present += took;
			continue;
		}
		out->total_members += n;
		out->participated += took;
		out->wrote += wrote;
		if (must) {
			out->must_write += n;
			out->missing += n - wrote;
			out->late += sqlite3_column_int64(stmt, 6);
		} else {
			/* One who wrote anyway is a writer (tally.h). */
			out->exempt += n - wrote;
			tally_add_reason(out, reason, n - wrote);
		}
	}
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "tính báo cáo tổng hợp");
		db_release(db, stmt);
		tally_clear(out);
		return -1;
	}
	db_release(db, stmt);
	return 0;
}

int
tally_compute(struct db *db, int64_t document_id, int64_t unit_id,
    struct tally *out)
{
	return tally_compute_at(db, document_id, unit_id, NULL, out);
}
