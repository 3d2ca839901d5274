/*
 * completeness.c - which units below have reported a round, and how
 * (the statuses are defined in completeness.h).
 *
 * One query reads every child of the receiving unit with its report row
 * of the round, the latest event of that report and the child's
 * deadline; the figures of each child are then counted one child at a
 * time (completeness_figures), so the whole costs one pass over the
 * receiving unit's members, like its own tally.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/completeness.h"
#include "domain/date.h"
#include "domain/plan_sql.h"
#include "domain/report.h"
#include "xmalloc.h"

/*
 * ?1 plan, ?2 receiving unit, ?3 round. The report row is chosen as
 * store_tally_get does (the plan's own first); events of a day are
 * ordered by their clock, which sync carries, then by arrival. A child's
 * deadline is the earliest of the round set for its level by the plans
 * above or below, else the earliest set for every level: worked out once
 * per level (deadline), not once per child.
 */
static const char completeness_sql[] =
    "WITH RECURSIVE " PLAN_SQL_PLANS ", " PLAN_SQL_UP ", "
    "deadline(level, due_on) AS MATERIALIZED (SELECT d.level, "
    "  min(d.due_on) FROM report_deadline d WHERE d.round = ?3 AND "
    "  (d.document_id IN (SELECT id FROM plans) OR "
    "  d.document_id IN (SELECT id FROM plan_up)) GROUP BY d.level), "
    "kids(id, name, name_fold, kind, report) AS (SELECT u.id, u.name,"
    "  u.name_fold, u.kind, " PLAN_SQL_REPORT_ROW("u.id")
    "  FROM unit u WHERE u.parent_id = ?2) "
    "SELECT k.id, k.name, coalesce(r.id, 0), coalesce(r.status = 'final', 0),"
    " coalesce(r.finalized_on, ''),"
    " (SELECT e.action || char(9) || e.reason FROM tally_event e"
    "  WHERE e.report_id = r.id ORDER BY e.at DESC, e.hlc DESC,"
    "  e.rowid DESC LIMIT 1),"
    " coalesce((SELECT due_on FROM deadline WHERE level = k.kind),"
    "  (SELECT due_on FROM deadline WHERE level IS NULL), '')"
    " FROM kids k LEFT JOIN tally_report r ON r.id = k.report"
    " ORDER BY k.name_fold, k.id";

const char *
completeness_status_code(enum completeness_status s)
{
	static const char *const codes[COMPLETENESS_NSTATUS] = {
		"on time", "late", "missing", "returned", "accepted"
	};

	return s < COMPLETENESS_NSTATUS ? codes[s] : "";
}

const char *
completeness_status_name(enum completeness_status s)
{
	static const char *const names[COMPLETENESS_NSTATUS] = {
		"Đúng hạn", "Trễ hạn", "Chưa nộp", "Bị trả lại", "Đã duyệt"
	};

	return s < COMPLETENESS_NSTATUS ? names[s] : "";
}

int
completeness_rate(int64_t n, int64_t expected)
{
	return expected > 0 ? (int)(n * 100 / expected) : 0;
}

int
completeness_figures(struct db *db, int64_t plan_id, int64_t unit_id,
    int round, const char *today, struct tally *out, int *final)
{
	char cutoff[11];

	/* The report model's counts: the snapshot when final, else live. */
	return report_counts(db, plan_id, unit_id, round, today, out, final,
	    cutoff, NULL);
}

void
completeness_days_text(const struct completeness_unit *u, char *out,
    size_t size)
{
	if (!u->has_days)
		*out = '\0';
	else if (u->status == COMPLETENESS_LATE)
		snprintf(out, size, "trễ %ld ngày", u->days);
	else if (u->days >= 0)
		snprintf(out, size, "còn %ld ngày", u->days);
	else
		snprintf(out, size, "quá %ld ngày", -u->days);
}

/* Days from a to b (ISO dates); 0 if either does not parse. */
static long
completeness_days(const char *a, const char *b)
{
	struct qt_date x, y;

	if (date_from_iso(a, &x) != 0 || date_from_iso(b, &y) != 0)
		return 0;
	return date_to_days(y) - date_to_days(x);
}

/*
 * The status of u from its report (final or not, made final on
 * u->submitted_on) and the latest event of its history ("ACTION\tREASON",
 * NULL when it has none); sets the days and the reason.
 */
static void
completeness_judge(struct completeness_unit *u, int final, const char *last,
    const char *today)
{
	const char *tab = last != NULL ? strchr(last, '\t') : NULL;
	size_t alen = tab != NULL ? (size_t)(tab - last) : 0;

	u->reason = xstrdup("");
	if (final && alen == 6 && strncmp(last, "accept", 6) == 0)
		u->status = COMPLETENESS_ACCEPTED;
	else if (final)
		u->status = *u->deadline != '\0' &&
		    strcmp(u->submitted_on, u->deadline) > 0 ?
		    COMPLETENESS_LATE : COMPLETENESS_ON_TIME;
	else if (alen == 6 && strncmp(last, "return", 6) == 0) {
		u->status = COMPLETENESS_RETURNED;
		free(u->reason);
		u->reason = xstrdup(tab + 1);
	} else
		u->status = COMPLETENESS_MISSING;
	u->on_time = final && (*u->deadline == '\0' ||
	    strcmp(u->submitted_on, u->deadline) <= 0);
	if (*u->deadline == '\0')
		return;
	switch (u->status) {
	case COMPLETENESS_MISSING:
	case COMPLETENESS_RETURNED:
		u->has_days = 1;
		u->days = completeness_days(today, u->deadline);
		break;
	case COMPLETENESS_LATE:
		u->has_days = 1;
		u->days = completeness_days(u->deadline, u->submitted_on);
		break;
	default:
		break;
	}
}

void
completeness_clear(struct completeness *c)
{
	size_t i;

	for (i = 0; i < c->nunits; i++) {
		free(c->units[i].name);
		free(c->units[i].reason);
		tally_clear(&c->units[i].counts);
	}
	free(c->units);
	memset(c, 0, sizeof *c);
}

/* Reads the children and their reports into c; 0 or -1. */
static int
completeness_read(struct db *db, struct completeness *c)
{
	sqlite3_stmt *stmt;
	struct completeness_unit *u;
	int rc;

	if ((stmt = plan_prepare(db, completeness_sql, c->plan_id,
	    c->unit_id)) == NULL)
		return -1;
	sqlite3_bind_int(stmt, 3, c->round);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		c->units = xrealloc(c->units, (c->nunits + 1) *
		    sizeof *c->units);
		u = &c->units[c->nunits++];
		memset(u, 0, sizeof *u);
		u->unit_id = sqlite3_column_int64(stmt, 0);
		u->name = xstrdup((const char *)sqlite3_column_text(stmt, 1));
		u->report_id = sqlite3_column_int64(stmt, 2);
		snprintf(u->submitted_on, sizeof u->submitted_on, "%s",
		    sqlite3_column_int(stmt, 3) ?
		    (const char *)sqlite3_column_text(stmt, 4) : "");
		snprintf(u->deadline, sizeof u->deadline, "%s",
		    (const char *)sqlite3_column_text(stmt, 6));
		completeness_judge(u, sqlite3_column_int(stmt, 3),
		    (const char *)sqlite3_column_text(stmt, 5), c->today);
	}
	if (rc != SQLITE_DONE)
		db_set_error(db, rc, "đọc tình hình nộp báo cáo");
	db_release(db, stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
completeness_statuses(struct db *db, int64_t plan_id, int64_t unit_id,
    int round, const char *today, struct completeness *out)
{
	struct completeness_unit *u;
	size_t i;

	memset(out, 0, sizeof *out);
	out->plan_id = plan_id;
	out->unit_id = unit_id;
	out->round = round;
	snprintf(out->today, sizeof out->today, "%s", today);
	if (completeness_read(db, out) != 0) {
		completeness_clear(out);
		return -1;
	}
	for (i = 0; i < out->nunits; i++) {
		u = &out->units[i];
		out->count[u->status]++;
		if (u->status != COMPLETENESS_MISSING &&
		    u->status != COMPLETENESS_RETURNED) {
			out->submitted++;
			out->submitted_on_time += u->on_time;
		}
	}
	out->expected = (int64_t)out->nunits;
	return 0;
}

int
completeness_build(struct db *db, int64_t plan_id, int64_t unit_id,
    int round, const char *today, struct completeness *out)
{
	struct completeness_unit *u;
	size_t i;

	if (completeness_statuses(db, plan_id, unit_id, round, today, out) != 0)
		return -1;
	for (i = 0; i < out->nunits; i++) {
		u = &out->units[i];
		if (completeness_figures(db, plan_id, u->unit_id, round, today,
		    &u->counts, &u->counts_final) != 0) {
			completeness_clear(out);
			return -1;
		}
	}
	return 0;
}
