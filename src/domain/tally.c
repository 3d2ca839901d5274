/*
 * tally.c - the essay tally, summed from the counters the triggers keep.
 *
 * Each unit counted is one read of its counters: the cost grows with
 * the units and the days their members took part and wrote, not with
 * the members (2,166 cells for a province of 500,000). A report summed
 * from its children's reports (report.h) counts all its live units in
 * one call, each as of its own cutoff.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/counters.h"
#include "domain/date.h"
#include "domain/plan_sql.h"
#include "domain/report_sum.h"
#include "domain/tally.h"
#include "xmalloc.h"

/*
 * The counts are summed from the counters (data/schema/014_counters.sql,
 * docs/storage.md): each unit's members by status and by the day they
 * first took part and first handed in an essay, so the cutoff only
 * decides which days count. Members with no such day are tally_members
 * less the counted ones. A few short statements read them one unit at a
 * time and C adds them up: one statement over every unit, with the
 * rules joined in, cost SQLite more to prepare and to run than the rows
 * it read.
 *
 * The plan's rule for each member status, in member_status order (the
 * order the exemption reasons keep), and the nearest essay rule's fixed
 * date and days allowed, alike on every row.
 */
static const char tally_rule_sql[] =
    "WITH RECURSIVE " PLAN_SQL_UP ", " PLAN_SQL_RULE " "
    "SELECT r.status, r.party, r.must_write, r.reason, "
    PLAN_SQL_DUE_ON ", " PLAN_SQL_DUE_DAYS " "
    "FROM rule r JOIN member_status st ON st.code = r.status "
    "ORDER BY st.sort, st.code";

/* Unit ?2's counters under plan ?1 (1), and its members by status (0). */
static const char tally_unit_sql[] =
    "SELECT 1, status, took_on, wrote_on, n FROM tally_counter "
    "WHERE plan_id = ?1 AND unit_id = ?2 "
    "UNION ALL SELECT 0, status, NULL, NULL, n FROM tally_members "
    "WHERE unit_id = ?2";

/*
 * The latest session of the plans held in unit ?2 by the cutoff: the day
 * a member who has not taken part is taken to have studied.
 */
static const char tally_last_sql[] =
    "SELECT se.held_on FROM session se WHERE se.unit_id = ?2 "
    "AND se.held_on <= " PLAN_SQL_CUTOFF " AND se.status = 'held' AND "
    PLAN_SQL_UNDER("se.document_id") " ORDER BY se.held_on DESC LIMIT 1";

/* Unit ?2 and every unit below it. */
static const char tally_subtree_sql[] =
    "WITH RECURSIVE " PLAN_SQL_UNITS " SELECT id FROM units";

/* A member status and the plan's rule for it. */
struct tally_status {
	char		*code;
	int		 party;
	int		 must;
	char		*reason;
};

/* What the members of one status in one group add up to. */
struct tally_sums {
	int64_t		 n, took, wrote, late;
};

/* What one computation reads once: the rules, and the unit at hand. */
struct tally_plan {
	struct db	*db;
	int64_t		 plan_id;
	struct tally_status *status;
	size_t		 nstatus;
	char		*due_on;	/* the fixed date, or NULL */
	int		 due_days;
	/* The unit being added up. */
	const struct tally_unit *unit;
	char		 due[11];	/* studied before it: late */
	int		 have_last;	/* 1 once last is read */
	char		 last[11];	/* its latest session, or "" */
	int64_t		*counted;	/* per status: members with a counter */
	int64_t		*members;	/* per status: all its members */
};

static void
tally_plan_clear(struct tally_plan *p)
{
	size_t i;

	for (i = 0; i < p->nstatus; i++) {
		free(p->status[i].code);
		free(p->status[i].reason);
	}
	free(p->status);
	free(p->due_on);
	free(p->counted);
	free(p->members);
	memset(p, 0, sizeof *p);
}

/* Reads the plan's rules into p. 0, or -1 (db_error). */
static int
tally_plan_load(struct db *db, int64_t plan_id, struct tally_plan *p)
{
	sqlite3_stmt *stmt;
	size_t size = 0;
	int rc;

	memset(p, 0, sizeof *p);
	p->db = db;
	p->plan_id = plan_id;
	if ((stmt = plan_prepare(db, tally_rule_sql, plan_id, 0)) == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct tally_status *st;

		if (p->nstatus == size) {
			size = size != 0 ? 2 * size : 8;
			p->status = xrealloc(p->status, size * sizeof *p->status);
		}
		st = &p->status[p->nstatus++];
		st->code = report_col(stmt, 0);
		st->party = sqlite3_column_int(stmt, 1);
		st->must = sqlite3_column_int(stmt, 2);
		st->reason = report_col(stmt, 3);
		if (p->due_on == NULL &&
		    sqlite3_column_type(stmt, 4) != SQLITE_NULL)
			p->due_on = report_col(stmt, 4);
		p->due_days = sqlite3_column_int(stmt, 5);
	}
	db_release(db, stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "đọc quy định viết thu hoạch");
		tally_plan_clear(p);
		return -1;
	}
	p->counted = xcalloc(p->nstatus + 1, sizeof *p->counted);
	p->members = xcalloc(p->nstatus + 1, sizeof *p->members);
	return 0;
}

/* The index of status code in p's rules, or p->nstatus if none. */
static size_t
tally_status_index(const struct tally_plan *p, const char *code)
{
	size_t i;

	for (i = 0; i < p->nstatus; i++)
		if (code != NULL && strcmp(p->status[i].code, code) == 0)
			break;
	return i;
}

/*
 * The day before which a member who studied is late as of the unit's
 * cutoff: under a fixed date any day once the cutoff is past it, none
 * before it; else the cutoff less the days allowed.
 */
static void
tally_unit_due(struct tally_plan *p)
{
	struct qt_date cut;

	if (p->due_on != NULL)
		strcpy(p->due, strcmp(p->due_on, p->unit->cutoff) < 0 ?
		    TALLY_NO_DAY : "");
	else if (date_from_iso(p->unit->cutoff, &cut) == 0)
		date_to_iso(date_from_days(date_to_days(cut) - p->due_days),
		    p->due);
	else
		p->due[0] = '\0';
}

/* The unit's latest session that counts (tally_last_sql), read once. */
static const char *
tally_unit_last(struct tally_plan *p)
{
	sqlite3_stmt *stmt;
	const char *day;
	int rc;

	if (p->have_last)
		return p->last;
	p->have_last = 1;
	p->last[0] = '\0';
	if ((stmt = plan_prepare(p->db, tally_last_sql, p->plan_id,
	    p->unit->unit_id)) == NULL)
		return NULL;
	plan_bind_cutoff(stmt, p->unit->cutoff);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW &&
	    (day = (const char *)sqlite3_column_text(stmt, 0)) != NULL &&
	    strlen(day) == 10)
		memcpy(p->last, day, 11);
	db_release(p->db, stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_set_error(p->db, rc, "đọc buổi học cuối của đơn vị");
		return NULL;
	}
	return p->last;
}

/*
 * Adds N members of a status who first took part on TOOK_ON and first
 * wrote on WROTE_ON (TALLY_NO_DAY: never) to sums, as of the unit's
 * cutoff. Late: not written by then, and studied (took part, else the
 * unit's latest session) before the due day.
 */
static int
tally_add_days(struct tally_plan *p, struct tally_sums *sums,
    const char *took_on, const char *wrote_on, int64_t n)
{
	const char *cut = p->unit->cutoff, *studied = took_on;
	int took = strcmp(took_on, cut) <= 0;

	sums->n += n;
	if (took)
		sums->took += n;
	if (strcmp(wrote_on, cut) <= 0) {
		sums->wrote += n;
		return 0;
	}
	if (!took && (studied = tally_unit_last(p)) == NULL)
		return -1;
	if (*studied != '\0' && strcmp(studied, p->due) < 0)
		sums->late += n;
	return 0;
}

/* Adds the unit p->unit's members to sums[status]. 0, or -1 (db_error). */
static int
tally_add_unit(struct tally_plan *p, struct tally_sums *sums)
{
	sqlite3_stmt *stmt;
	const char *took_on, *wrote_on;
	size_t i;
	int rc, bad = 0;

	memset(p->counted, 0, p->nstatus * sizeof *p->counted);
	memset(p->members, 0, p->nstatus * sizeof *p->members);
	p->have_last = 0;
	tally_unit_due(p);
	if ((stmt = plan_prepare(p->db, tally_unit_sql, p->plan_id,
	    p->unit->unit_id)) == NULL)
		return -1;
	while (!bad && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		i = tally_status_index(p,
		    (const char *)sqlite3_column_text(stmt, 1));
		if (i == p->nstatus)
			continue;
		if (sqlite3_column_int(stmt, 0) == 0) {
			p->members[i] += sqlite3_column_int64(stmt, 4);
			continue;
		}
		took_on = (const char *)sqlite3_column_text(stmt, 2);
		wrote_on = (const char *)sqlite3_column_text(stmt, 3);
		p->counted[i] += sqlite3_column_int64(stmt, 4);
		bad = tally_add_days(p, &sums[i], took_on != NULL ? took_on :
		    TALLY_NO_DAY, wrote_on != NULL ? wrote_on : TALLY_NO_DAY,
		    sqlite3_column_int64(stmt, 4));
	}
	db_release(p->db, stmt);
	if (bad)
		return -1;
	if (rc != SQLITE_DONE) {
		db_set_error(p->db, rc, "tính báo cáo tổng hợp");
		return -1;
	}
	for (i = 0; i < p->nstatus; i++)
		if (p->members[i] != p->counted[i] && tally_add_days(p,
		    &sums[i], TALLY_NO_DAY, TALLY_NO_DAY,
		    p->members[i] - p->counted[i]) != 0)
			return -1;
	return 0;
}

/*
 * Adds one group's sums to t: a party member counts under items 1-4 by
 * the rule of the status, a guest only as present. One who wrote anyway
 * is a writer (tally.h). Every reason of the rules comes out, in order.
 */
static void
tally_add_group(const struct tally_plan *p, const struct tally_sums *sums,
    struct tally *t)
{
	size_t i;

	for (i = 0; i < p->nstatus; i++) {
		const struct tally_status *st = &p->status[i];
		const struct tally_sums *s = &sums[i];

		if (!st->party) {
			t->guests_present += s->took;
			continue;
		}
		t->total_members += s->n;
		t->participated += s->took;
		t->wrote += s->wrote;
		if (st->must) {
			t->must_write += s->n;
			t->missing += s->n - s->wrote;
			t->late += s->late;
		} else {
			t->exempt += s->n - s->wrote;
			tally_add_reason(t, st->reason, s->n - s->wrote);
		}
	}
}

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

int
tally_compute_units(struct db *db, int64_t document_id,
    const struct tally_unit *units, size_t n, struct tally *out,
    size_t ngroups)
{
	struct tally_plan p;
	struct tally_sums *sums;
	unsigned char *used;
	size_t i, g;
	int rc = 0;

	if (n == 0)
		return 0;
	if (tally_plan_load(db, document_id, &p) != 0)
		return -1;
	sums = xcalloc(ngroups * p.nstatus + 1, sizeof *sums);
	used = xcalloc(ngroups, 1);
	for (i = 0; i < n && rc == 0; i++) {
		if (units[i].group >= ngroups)
			continue;
		p.unit = &units[i];
		rc = tally_add_unit(&p, &sums[units[i].group * p.nstatus]);
		used[units[i].group] = 1;
	}
	for (g = 0; g < ngroups && rc == 0; g++)
		if (used[g])
			tally_add_group(&p, &sums[g * p.nstatus], &out[g]);
	free(used);
	free(sums);
	tally_plan_clear(&p);
	return rc;
}

int
tally_compute_at(struct db *db, int64_t document_id, int64_t unit_id,
    const char *cutoff, struct tally *out)
{
	sqlite3_stmt *stmt;
	struct tally_unit *units = NULL;
	size_t n = 0, size = 0;
	char today[11];
	int rc;

	memset(out, 0, sizeof *out);
	cutoff = plan_cutoff(cutoff, today);
	if ((stmt = plan_prepare(db, tally_subtree_sql, document_id,
	    unit_id)) == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n == size) {
			size = size != 0 ? 2 * size : 16;
			units = xrealloc(units, size * sizeof *units);
		}
		units[n].unit_id = sqlite3_column_int64(stmt, 0);
		units[n].group = 0;
		snprintf(units[n].cutoff, sizeof units[n].cutoff, "%s", cutoff);
		n++;
	}
	db_release(db, stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "đọc các đơn vị");
		rc = -1;
	} else
		rc = tally_compute_units(db, document_id, units, n, out, 1);
	free(units);
	if (rc != 0)
		tally_clear(out);
	return rc;
}

int
tally_compute(struct db *db, int64_t document_id, int64_t unit_id,
    struct tally *out)
{
	return tally_compute_at(db, document_id, unit_id, NULL, out);
}
