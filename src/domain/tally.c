/*
 * tally.c - the essay tally, summed from the counters the triggers keep.
 *
 * One query reads the counters of the units counted: the cost grows
 * with the units and the days their members took part and wrote, not
 * with the members (2,166 cells for a province of 500,000). A report
 * summed from its children's reports (report.h) counts all its live
 * units in one such query, each as of its own cutoff.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/counters.h"
#include "domain/plan_sql.h"
#include "domain/tally.h"
#include "xmalloc.h"

/*
 * Counts per group and member status, summed from the counters (data/
 * schema/014_counters.sql, docs/storage.md): each unit's members by
 * status and by the day they first took part and first handed in an
 * essay, so the cutoff only decides which days count. UNITS is a table
 * counted(id, grp, cut): the units whose own members are counted, the
 * group each adds to and the cutoff it is counted as of. Members with no
 * such day are tally_members less the counted ones. "late" needs the day
 * a member studied: the first day taken part, else the unit's latest
 * session that counts (last); it is late when that day is before the
 * day the rule gives its cutoff (due: the cutoff less the days allowed,
 * or for a fixed date any day once the cutoff is past it), one date per
 * unit rather than a date() per counter. The rule is joined to the few
 * status groups afterwards. Every status of the rule comes out for every group,
 * in member_status order, so that the exemption reasons keep one order.
 */
#define TALLY_SQL(UNITS) \
    "WITH RECURSIVE " PLAN_SQL_UP ", " PLAN_SQL_RULE ", " UNITS ", " \
    "units(id, grp, cut, due) AS (SELECT id, grp, cut, " \
    PLAN_SQL_LATE_BEFORE("cut") " FROM counted), " \
    "last(unit_id, day) AS (SELECT se.unit_id, max(se.held_on) FROM units " \
    "  JOIN session se ON se.unit_id = units.id " \
    "  WHERE " PLAN_SQL_UNDER("se.document_id") " AND se.status = 'held' " \
    "  AND se.held_on <= units.cut GROUP BY se.unit_id), " \
    "cnt(grp, unit_id, cut, due, status, took_on, wrote_on, n) AS (" \
    "  SELECT units.grp, c.unit_id, units.cut, units.due, c.status, " \
    "  c.took_on, c.wrote_on, c.n FROM units " \
    "  JOIN tally_counter c ON c.plan_id = ?1 AND c.unit_id = units.id " \
    "  UNION ALL SELECT units.grp, m.unit_id, units.cut, units.due, " \
    "  m.status, '" TALLY_NO_DAY "', '" TALLY_NO_DAY "', m.n - " \
    "  coalesce((SELECT sum(c.n) FROM tally_counter c WHERE c.plan_id = ?1 " \
    "    AND c.unit_id = m.unit_id AND c.status = m.status), 0) " \
    "  FROM units JOIN tally_members m ON m.unit_id = units.id), " \
    "agg(grp, status, n, took, wrote, late) AS (SELECT k.grp, k.status, " \
    "  sum(k.n), sum(CASE WHEN k.took_on <= k.cut THEN k.n ELSE 0 END), " \
    "  sum(CASE WHEN k.wrote_on <= k.cut THEN k.n ELSE 0 END), " \
    "  sum(CASE WHEN k.wrote_on > k.cut AND CASE WHEN " \
    "    k.took_on <= k.cut THEN k.took_on ELSE l.day END < k.due " \
    "    THEN k.n ELSE 0 END) " \
    "  FROM cnt k LEFT JOIN last l ON l.unit_id = k.unit_id " \
    "  GROUP BY k.grp, k.status) " \
    "SELECT g.grp, r.party, r.must_write, r.reason, coalesce(a.n, 0), " \
    "  coalesce(a.took, 0), coalesce(a.wrote, 0), coalesce(a.late, 0) " \
    "FROM (SELECT DISTINCT grp FROM units) g JOIN rule r " \
    "JOIN member_status st ON st.code = r.status " \
    "LEFT JOIN agg a ON a.grp = g.grp AND a.status = r.status " \
    "ORDER BY g.grp, st.sort, st.code"

/* Unit ?2 and every unit below it, one group, as of the cutoff. */
static const char tally_sql[] = TALLY_SQL(
    "counted(id, grp, cut) AS (SELECT ?2, 0, " PLAN_SQL_CUTOFF " UNION ALL "
    "  SELECT u.id, 0, p.cut FROM unit u JOIN counted p ON u.parent_id = p.id)");

/* The units of tally_units_json() (below), bound to ?2. */
static const char tally_units_sql[] = TALLY_SQL(
    "counted(id, grp, cut) AS (SELECT json_extract(value, '$[0]'), "
    "  json_extract(value, '$[1]'), json_extract(value, '$[2]') "
    "  FROM json_each(?2))");

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

void
tally_sum(struct tally *dst, const struct tally *src)
{
	size_t i;

	dst->total_members += src->total_members;
	dst->participated += src->participated;
	dst->wrote += src->wrote;
	dst->exempt += src->exempt;
	dst->must_write += src->must_write;
	dst->late += src->late;
	dst->missing += src->missing;
	dst->guests_present += src->guests_present;
	for (i = 0; i < src->nreasons; i++)
		tally_add_reason(dst, src->reasons[i].reason,
		    src->reasons[i].count);
}

/* units as the JSON array tally_units_sql reads: [[id, group, "cutoff"]]. */
static char *
tally_units_json(const struct tally_unit *units, size_t n)
{
	char *buf = NULL;
	size_t len, i;
	FILE *fp = xmemstream(&buf, &len);

	fputc('[', fp);
	for (i = 0; i < n; i++)
		fprintf(fp, "%s[%lld,%zu,\"%.10s\"]", i > 0 ? "," : "",
		    (long long)units[i].unit_id, units[i].group,
		    units[i].cutoff);
	fputc(']', fp);
	fclose(fp);
	return buf;
}

/*
 * Runs stmt (a TALLY_SQL) and adds each group's counts to out[group];
 * ngroups bounds the groups. 0, or -1 (db_error).
 */
static int
tally_run(struct db *db, sqlite3_stmt *stmt, struct tally *out,
    size_t ngroups)
{
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		sqlite3_int64 grp = sqlite3_column_int64(stmt, 0);
		int party = sqlite3_column_int(stmt, 1);
		int must = sqlite3_column_int(stmt, 2);
		const char *reason = (const char *)sqlite3_column_text(stmt, 3);
		int64_t n = sqlite3_column_int64(stmt, 4);
		int64_t took = sqlite3_column_int64(stmt, 5);
		int64_t wrote = sqlite3_column_int64(stmt, 6);
		struct tally *t;

		if (grp < 0 || (size_t)grp >= ngroups)
			continue;
		t = &out[grp];
		if (!party) {
			t->guests_present += took;
			continue;
		}
		t->total_members += n;
		t->participated += took;
		t->wrote += wrote;
		if (must) {
			t->must_write += n;
			t->missing += n - wrote;
			t->late += sqlite3_column_int64(stmt, 7);
		} else {
			/* One who wrote anyway is a writer (tally.h). */
			t->exempt += n - wrote;
			tally_add_reason(t, reason, n - wrote);
		}
	}
	db_release(db, stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "tính báo cáo tổng hợp");
		return -1;
	}
	return 0;
}

int
tally_compute_at(struct db *db, int64_t document_id, int64_t unit_id,
    const char *cutoff, struct tally *out)
{
	sqlite3_stmt *stmt;

	memset(out, 0, sizeof *out);
	if ((stmt = plan_prepare(db, tally_sql, document_id, unit_id)) == NULL)
		return -1;
	plan_bind_cutoff(stmt, cutoff);
	if (tally_run(db, stmt, out, 1) != 0) {
		tally_clear(out);
		return -1;
	}
	return 0;
}

int
tally_compute_units(struct db *db, int64_t document_id,
    const struct tally_unit *units, size_t n, struct tally *out,
    size_t ngroups)
{
	sqlite3_stmt *stmt;

	if (n == 0)
		return 0;
	if ((stmt = plan_prepare(db, tally_units_sql, document_id, 0)) == NULL)
		return -1;
	sqlite3_bind_text(stmt, 2, tally_units_json(units, n), -1, free);
	return tally_run(db, stmt, out, ngroups);
}

int
tally_compute(struct db *db, int64_t document_id, int64_t unit_id,
    struct tally *out)
{
	return tally_compute_at(db, document_id, unit_id, NULL, out);
}
