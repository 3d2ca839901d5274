/*
 * report.c - building the one model of the tally report (report.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/date.h"
#include "domain/plan_sql.h"
#include "domain/report.h"
#include "domain/report_sum.h"
#include "xmalloc.h"

const char *
report_item_label(enum report_item item)
{
	/* Seed 000's form, word for word. */
	static const char *const labels[REPORT_NITEMS] = {
		[REPORT_MEMBERS] = "1. Tổng số đảng viên",
		[REPORT_STUDIED] = "2. Số lượng đảng viên tham gia học tập "
		    "nghị quyết",
		[REPORT_WROTE] = "3. Số đảng viên viết thu hoạch",
		[REPORT_EXEMPT] = "4. Số đảng viên miễn viết thu hoạch",
		[REPORT_ASSESSMENT] = "5. Nhận xét đánh giá",
		[REPORT_PROPOSALS] = "6. Kiến nghị, đề xuất của cán bộ, đảng viên",
	};

	return item < REPORT_NITEMS ? labels[item] : "";
}

/* The report row of ?2 for round ?3 under plan ?1 or a plan below it. */
#define REPORT_ROW_SQL PLAN_SQL_REPORT_ROW("?2")

/* Copies an ISO date column into a 11-byte buffer ("" for NULL). */
int
report_cutoff(struct db *db, int64_t plan_id, int64_t unit_id, int round,
    const char *today, char deadline[11], char cutoff[11])
{
	sqlite3_stmt *stmt = plan_prepare(db, "WITH RECURSIVE "
	    PLAN_SQL_UP ", " PLAN_SQL_UNITS ", "
	    "me(kind) AS (SELECT kind FROM unit WHERE id = ?2), "
	    "below(kind) AS (SELECT u.kind FROM unit u WHERE u.id IN "
	    "  (SELECT id FROM units) AND u.id <> ?2) "
	    "SELECT rd.due_on, CASE WHEN rd.level IS NULL OR rd.level = "
	    "  (SELECT kind FROM me) THEN 0 WHEN rd.level IN (SELECT kind FROM "
	    "  below) THEN 1 ELSE 2 END AS class FROM report_deadline rd "
	    "WHERE rd.round = ?3 AND (" PLAN_SQL_UNDER("rd.document_id")
	    "  OR rd.document_id IN (SELECT id FROM plan_up)) "
	    "ORDER BY class, CASE WHEN class = 1 THEN -julianday(rd.due_on) "
	    "  ELSE julianday(rd.due_on) END LIMIT 1", plan_id, unit_id);
	char now[11];
	int rc;

	if (stmt == NULL)
		return -1;
	if (today == NULL || *today == '\0') {
		date_to_iso(date_today(), now);
		today = now;
	}
	sqlite3_bind_int(stmt, 3, round);
	deadline[0] = '\0';
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		report_col_date(stmt, 0, deadline);
	db_release(db, stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_set_error(db, rc, "đọc hạn báo cáo");
		return -1;
	}
	memcpy(cutoff, *deadline != '\0' && strcmp(deadline, today) < 0 ?
	    deadline : today, 11);
	return 0;
}

char *
report_reasons_encode(const struct tally *t)
{
	char *out = xstrdup(""), *more;
	size_t i;

	for (i = 0; i < t->nreasons; i++) {
		more = xasprintf("%s%lld\t%s\n", out,
		    (long long)t->reasons[i].count, t->reasons[i].reason);
		free(out);
		out = more;
	}
	return out;
}

void
report_reasons_decode(const char *text, struct tally *t)
{
	const char *line = text;

	while (line != NULL && *line != '\0') {
		const char *tab = strchr(line, '\t');
		const char *end = strchr(line, '\n');
		char *reason;

		if (end == NULL)
			end = line + strlen(line);
		if (tab != NULL && tab < end) {
			reason = xstrndup(tab + 1, (size_t)(end - tab - 1));
			tally_add_reason(t, reason, strtoll(line, NULL, 10));
			free(reason);
		}
		line = *end != '\0' ? end + 1 : end;
	}
}

int
report_counts(struct db *db, int64_t plan_id, int64_t unit_id, int round,
    const char *today, struct tally *out, int *final, char cutoff[11],
    char **live)
{
	sqlite3_stmt *stmt = plan_prepare(db, "SELECT " REPORT_SNAPSHOT_COLS
	    ", coalesce(t.live_units, '') FROM tally_report t WHERE t.id = "
	    REPORT_ROW_SQL " AND t.status = 'final'", plan_id, unit_id);
	struct report_sum sum;
	char now[11];
	int rc;

	memset(out, 0, sizeof *out);
	*final = 0;
	if (live != NULL)
		*live = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int(stmt, 3, round);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		report_snapshot(stmt, 0, out, cutoff);
		if (live != NULL)
			*live = report_col(stmt, 10);
		*final = 1;
	}
	db_release(db, stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "đọc báo cáo tổng hợp");
		return -1;
	}
	if (today == NULL || *today == '\0') {
		date_to_iso(date_today(), now);
		today = now;
	}
	if (report_sum(db, plan_id, unit_id, round, today, &sum) != 0)
		return -1;
	memcpy(cutoff, sum.cutoff, 11);
	*out = sum.total;
	memset(&sum.total, 0, sizeof sum.total);
	if (live != NULL) {
		*live = sum.live;
		sum.live = NULL;
	}
	report_sum_clear(&sum);
	return 0;
}

char *
report_live_note(const struct report *r)
{
	char *names, *out, *nl;

	if (r->live == NULL || *r->live == '\0')
		return NULL;
	/* The lines as a list: "A, B". */
	names = xstrndup(r->live, strlen(r->live) - 1);
	while ((nl = strchr(names, '\n')) != NULL) {
		*nl = '\0';
		out = xasprintf("%s, %s", names, nl + 1);
		free(names);
		names = out;
	}
	out = xasprintf(r->final ? "Khi chốt, chưa nộp báo cáo đợt %d (số "
	    "liệu của họ là số lúc chốt, không phải số họ chốt): %s" :
	    "Chưa nộp báo cáo đợt %d (số liệu của họ là số hiện tại, chưa "
	    "chốt): %s", r->round, names);
	free(names);
	return out;
}

int
report_has_unit_proposals(const struct report *r)
{
	size_t i;

	for (i = 0; i < r->nunits; i++)
		if (r->units[i].proposals != NULL)
			return 1;
	return 0;
}

char *
report_not_yet_note(const struct tally *t)
{
	return xasprintf("Số đảng viên chưa viết thu hoạch: %lld (quá hạn: %lld)",
	    (long long)t->missing, (long long)t->late);
}

const char *
report_figures_word(int final)
{
	return final ? "đã chốt" : "nháp (số hiện tại)";
}

/* Header, plan and report row; the counts are report_counts'. */
static int
report_load(struct db *db, struct report *r, const char *today)
{
	sqlite3_stmt *stmt = plan_prepare(db,
	    "SELECT u.name, coalesce(p.name, ''), k.is_cell, d.number, "
	    "d.title, coalesce(dk.name, d.kind) || ' số ' || d.number || "
	    "  ', ngày ' || strftime('%d/%m/%Y', d.issued_on) || ' của ' || "
	    "  d.issuer, "
	    "coalesce((SELECT group_concat(x.title, '; ') FROM "
	    "  (SELECT rs.title FROM document_resolution dr JOIN resolution rs "
	    "  ON rs.id = dr.resolution_id WHERE dr.document_id = d.id "
	    "  ORDER BY rs.issued_on, rs.id) x), d.title), "
	    "coalesce(t.id, 0), coalesce(t.status = 'final', 0), "
	    "coalesce(t.assessment, ''), coalesce(t.proposals, ''), "
	    "coalesce(nullif(t.signer, ''), u.secretary), "
	    "CASE WHEN t.status = 'final' THEN t.finalized_on END "
	    "FROM unit u JOIN unit_kind k ON k.code = u.kind "
	    "LEFT JOIN unit p ON p.id = u.parent_id "
	    "JOIN document d ON d.id = ?1 "
	    "LEFT JOIN doc_kind dk ON dk.code = d.kind "
	    "LEFT JOIN tally_report t ON t.id = " REPORT_ROW_SQL
	    " WHERE u.id = ?2", r->plan_id, r->unit_id);
	char *place;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int(stmt, 3, r->round);
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		db_set_error(db, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc,
		    "đọc đơn vị và văn bản của báo cáo");
		db_release(db, stmt);
		return -1;
	}
	r->unit_name = report_col(stmt, 0);
	r->parent_name = report_col(stmt, 1);
	r->is_cell = sqlite3_column_int(stmt, 2);
	r->plan_number = report_col(stmt, 3);
	r->plan_title = report_col(stmt, 4);
	r->plan_ref = report_col(stmt, 5);
	r->subject = report_col(stmt, 6);
	r->report_id = sqlite3_column_int64(stmt, 7);
	r->final = sqlite3_column_int(stmt, 8);
	r->assessment = report_col(stmt, 9);
	r->proposals = report_col(stmt, 10);
	r->signer = report_col(stmt, 11);
	report_col_date(stmt, 12, r->date);
	db_release(db, stmt);
	if (r->date[0] == '\0')
		memcpy(r->date, today, 11);
	place = db_setting_get(db, "place");
	r->place = place != NULL ? place : xstrdup("");
	return 0;
}

static int
report_cut_cmp(const void *a, const void *b)
{
	const struct tally_unit *x = a, *y = b;

	return x->unit_id < y->unit_id ? -1 : x->unit_id > y->unit_id;
}

/*
 * Item 6's companions: proposals in essays of the unit's members and its
 * cells' members (report.h), handed in by the day each unit is counted as of (cuts, sorted by unit: report_sum's), so that a
 * unit whose report is in gives the proposals its snapshot counted. The
 * essays are read by plan, as far as the latest of those days, and each
 * is held against its unit's day here: a join to the list of units would
 * read them member by member, ten times slower at a province.
 */
static int
report_load_proposals(struct db *db, struct report *r,
    const struct tally_unit *cuts, size_t ncuts)
{
	sqlite3_stmt *stmt = plan_prepare(db, "WITH " PLAN_SQL_PLANS
	    ", units(id) AS (SELECT ?2 UNION ALL SELECT c.id FROM unit c "
	    "  JOIN unit_kind k ON k.code = c.kind "
	    "  WHERE c.parent_id = ?2 AND k.is_cell) "
	    "SELECT m.full_name, u.name, e.proposals, "
	    "m.unit_id, e.submitted_on "
	    "FROM units JOIN member m ON m.unit_id = units.id "
	    "JOIN unit u ON u.id = m.unit_id JOIN essay e ON e.member_id = m.id "
	    "WHERE e.document_id IN (SELECT id FROM plans) AND " PLAN_SQL_WROTE
	    " AND trim(e.proposals) <> '' "
	    "ORDER BY u.name_fold, m.name_sort, m.id", r->plan_id, r->unit_id);
	struct tally_unit key;
	const struct tally_unit *cut;
	const char *latest = "";
	struct report_proposal *p;
	size_t i;
	int rc;

	if (stmt == NULL)
		return -1;
	for (i = 0; i < ncuts; i++)
		if (strcmp(cuts[i].cutoff, latest) > 0)
			latest = cuts[i].cutoff;
	plan_bind_cutoff(stmt, latest);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		key.unit_id = sqlite3_column_int64(stmt, 3);
		cut = bsearch(&key, cuts, ncuts, sizeof *cuts, report_cut_cmp);
		if (cut == NULL || strcmp((const char *)sqlite3_column_text(stmt,
		    4), cut->cutoff) > 0)
			continue;
		if (r->nmember_proposals == REPORT_MAX_PROPOSALS) {
			r->more_proposals = 1;
			break;
		}
		r->member_proposals = xrealloc(r->member_proposals,
		    (r->nmember_proposals + 1) * sizeof *r->member_proposals);
		p = &r->member_proposals[r->nmember_proposals++];
		p->full_name = report_col(stmt, 0);
		p->unit_name = report_col(stmt, 1);
		p->text = report_col(stmt, 2);
	}
	db_release(db, stmt);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		db_set_error(db, rc, "đọc đề xuất của đảng viên");
		return -1;
	}
	return 0;
}

int
report_build(struct db *db, int64_t plan_id, int64_t unit_id, int round,
    const char *today, int flags, struct report *out)
{
	struct report_sum sum;
	char now[11];
	int final;

	memset(out, 0, sizeof *out);
	memset(&sum, 0, sizeof sum);
	out->plan_id = plan_id;
	out->unit_id = unit_id;
	out->round = round;
	if (today == NULL || *today == '\0') {
		date_to_iso(date_today(), now);
		today = now;
	}
	if (report_load(db, out, today) != 0 ||
	    report_cutoff(db, plan_id, unit_id, round, today, out->deadline,
	    out->cutoff) != 0)
		goto fail;
	/*
	 * The lines and the proposals as they stand (a final report's as
	 * of the day it was made final); a final report's counts and the
	 * list of children counted live are its snapshot's.
	 */
	if (report_sum(db, plan_id, unit_id, round, out->final ? out->date :
	    today, &sum) != 0)
		goto fail;
	out->units = sum.units;
	out->nunits = sum.nunits;
	sum.units = NULL;
	sum.nunits = 0;
	if (out->final) {
		if (report_counts(db, plan_id, unit_id, round, today,
		    &out->counts, &final, out->cutoff, &out->live) != 0)
			goto fail;
	} else {
		out->counts = sum.total;
		memset(&sum.total, 0, sizeof sum.total);
		out->live = sum.live;
		sum.live = NULL;
	}
	qsort(sum.cuts, sum.ncuts, sizeof *sum.cuts, report_cut_cmp);
	if ((flags & REPORT_WITH_PROPOSALS) &&
	    report_load_proposals(db, out, sum.cuts, sum.ncuts) != 0)
		goto fail;
	report_sum_clear(&sum);
	return 0;
fail:
	report_sum_clear(&sum);
	report_clear(out);
	return -1;
}

void
report_clear(struct report *r)
{
	size_t i;

	free(r->unit_name);
	free(r->parent_name);
	free(r->place);
	free(r->plan_number);
	free(r->plan_title);
	free(r->plan_ref);
	free(r->subject);
	free(r->assessment);
	free(r->proposals);
	free(r->signer);
	tally_clear(&r->counts);
	for (i = 0; i < r->nmember_proposals; i++) {
		free(r->member_proposals[i].full_name);
		free(r->member_proposals[i].unit_name);
		free(r->member_proposals[i].text);
	}
	free(r->member_proposals);
	for (i = 0; i < r->nunits; i++) {
		free(r->units[i].name);
		free(r->units[i].proposals);
		tally_clear(&r->units[i].counts);
	}
	free(r->units);
	free(r->live);
	memset(r, 0, sizeof *r);
}

