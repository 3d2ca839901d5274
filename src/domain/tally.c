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
#include "domain/date.h"
#include "domain/plan_sql.h"
#include "domain/tally.h"
#include "xmalloc.h"

/*
 * Counts per member status; the rule is joined to the few status groups
 * afterwards (joined per member, SQLite would re-evaluate it per row).
 * "late" is counted for every member who has not written, and used only
 * for statuses that must write.
 */
static const char tally_sql[] =
    "WITH RECURSIVE " PLAN_SQL_PLANS ", " PLAN_SQL_UP ", " PLAN_SQL_RULE ", "
    PLAN_SQL_SESS ", " PLAN_SQL_UNITS ", "
    "per(id, unit_id, status, took, wrote) AS (SELECT m.id, m.unit_id, m.status, "
    "  EXISTS (SELECT 1 FROM attendance a WHERE a.member_id = m.id "
    "    AND +a.session_id IN (SELECT id FROM sess) AND " PLAN_SQL_TOOK_PART "), "
    "  EXISTS (SELECT 1 FROM essay e WHERE e.member_id = m.id "
    "    AND +e.document_id IN (SELECT id FROM plans) "
    "    AND e.submitted_on IS NOT NULL) "
    "  FROM units JOIN member m ON m.unit_id = units.id), "
    "agg(status, n, took, wrote, late) AS (SELECT m.status, count(*), "
    "  sum(m.took), sum(m.wrote), sum(CASE WHEN NOT m.wrote THEN "
    "    date(" PLAN_SQL_DUE_BASE ", '+' || " PLAN_SQL_DUE_DAYS " || ' days')"
    "    < ?3 ELSE 0 END) FROM per m GROUP BY m.status) "
    "SELECT r.party, r.must_write, r.reason, a.n, a.took, a.wrote, a.late "
    "FROM agg a JOIN rule r ON r.status = a.status";

void
tally_clear(struct tally *t)
{
	size_t i;

	for (i = 0; i < t->nreasons; i++)
		free(t->reasons[i].reason);
	free(t->reasons);
	memset(t, 0, sizeof *t);
}

/* Adds n members exempt for reason, merging equal reasons. */
static void
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

static int
tally_reason_cmp(const void *a, const void *b)
{
	const struct tally_reason *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->reason, y->reason);
}

int
tally_compute(struct db *db, int64_t document_id, int64_t unit_id,
    struct tally *out)
{
	sqlite3_stmt *stmt;
	char today[11];
	int rc;

	memset(out, 0, sizeof *out);
	if ((stmt = plan_prepare(db, tally_sql, document_id, unit_id)) == NULL)
		return -1;
	date_to_iso(date_today(), today);
	sqlite3_bind_text(stmt, 3, today, -1, SQLITE_STATIC);
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
			out->exempt += n;
			tally_add_reason(out, reason, n);
		}
	}
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "tính báo cáo tổng hợp");
		sqlite3_finalize(stmt);
		tally_clear(out);
		return -1;
	}
	sqlite3_finalize(stmt);
	if (out->nreasons > 1)
		qsort(out->reasons, out->nreasons, sizeof *out->reasons,
		    tally_reason_cmp);
	return 0;
}
