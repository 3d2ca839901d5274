/*
 * tally.c - counting the essay tally from the rows.
 *
 * One query walks the members of the unit subtree once. Each member is
 * looked up in attendance and essay through (member_id, ...) covering
 * indexes, so the cost grows with the members counted, not with the size
 * of the province's database; the plan's held sessions and the plan tree
 * are small sets SQLite builds once.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/plan_sql.h"
#include "domain/tally.h"
#include "xmalloc.h"

/*
 * Counts per member status; the rule is joined to the few status groups
 * afterwards (joined per member, SQLite would re-evaluate it per row).
 * "late" is counted for every member who has not written, and used only
 * for statuses that must write. Every status of the rule comes out, in
 * member_status order, so that the exemption reasons keep one order.
 */
static const char tally_sql[] =
    "WITH RECURSIVE " PLAN_SQL_PLANS ", " PLAN_SQL_UP ", " PLAN_SQL_RULE ", "
    PLAN_SQL_SESS ", " PLAN_SQL_UNITS ", "
    "per(id, unit_id, status, took, wrote) AS (SELECT m.id, m.unit_id, m.status, "
    "  EXISTS (SELECT 1 FROM attendance a WHERE a.member_id = m.id "
    "    AND +a.session_id IN (SELECT id FROM sess) AND " PLAN_SQL_TOOK_PART "), "
    "  EXISTS (SELECT 1 FROM essay e WHERE e.member_id = m.id "
    "    AND +e.document_id IN (SELECT id FROM plans) "
    "    AND " PLAN_SQL_WROTE ") "
    "  FROM units JOIN member m ON m.unit_id = units.id), "
    "agg(status, n, took, wrote, late) AS (SELECT m.status, count(*), "
    "  sum(m.took), sum(m.wrote), sum(CASE WHEN NOT m.wrote THEN "
    "    date(" PLAN_SQL_STUDIED ", '+' || " PLAN_SQL_DUE_DAYS " || ' days')"
    "    < " PLAN_SQL_CUTOFF " ELSE 0 END) FROM per m GROUP BY m.status) "
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
		sqlite3_finalize(stmt);
		tally_clear(out);
		return -1;
	}
	sqlite3_finalize(stmt);
	return 0;
}

int
tally_compute(struct db *db, int64_t document_id, int64_t unit_id,
    struct tally *out)
{
	return tally_compute_at(db, document_id, unit_id, NULL, out);
}
