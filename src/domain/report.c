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
#define REPORT_ROW_SQL \
	"(SELECT x.id FROM tally_report x WHERE x.unit_id = ?2 " \
	"  AND x.round = ?3 AND " PLAN_SQL_UNDER("x.document_id") " " \
	"  ORDER BY x.document_id = ?1 DESC LIMIT 1)"

/* Copies an ISO date column into a 11-byte buffer ("" for NULL). */
static void
report_col_date(sqlite3_stmt *stmt, int col, char out[11])
{
	const char *s = (const char *)sqlite3_column_text(stmt, col);

	out[0] = '\0';
	if (s != NULL && strlen(s) == 10)
		memcpy(out, s, 11);
}

static char *
report_col(sqlite3_stmt *stmt, int col)
{
	const char *s = (const char *)sqlite3_column_text(stmt, col);

	return xstrdup(s != NULL ? s : "");
}

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

/*
 * The snapshot of a final row from its columns (starting at col: total,
 * participated, wrote, exempt, reasons, must_write, missing, late,
 * guests, cutoff). A row made final before schema 10 kept items 1-4
 * only: "not yet" is then what the identity of tally.h leaves.
 */
static void
report_snapshot(sqlite3_stmt *stmt, int col, struct tally *t,
    char cutoff[11])
{
	memset(t, 0, sizeof *t);
	t->total_members = sqlite3_column_int64(stmt, col);
	t->participated = sqlite3_column_int64(stmt, col + 1);
	t->wrote = sqlite3_column_int64(stmt, col + 2);
	t->exempt = sqlite3_column_int64(stmt, col + 3);
	report_reasons_decode((const char *)sqlite3_column_text(stmt, col + 4),
	    t);
	if (sqlite3_column_type(stmt, col + 5) == SQLITE_NULL) {
		t->missing = t->total_members - t->wrote - t->exempt;
		if (t->missing < 0)
			t->missing = 0;
		t->must_write = t->total_members - t->exempt;
	} else {
		t->must_write = sqlite3_column_int64(stmt, col + 5);
		t->missing = sqlite3_column_int64(stmt, col + 6);
		t->late = sqlite3_column_int64(stmt, col + 7);
		t->guests_present = sqlite3_column_int64(stmt, col + 8);
	}
	report_col_date(stmt, col + 9, cutoff);
}

/* The snapshot columns of tally_report t, as report_snapshot reads them. */
#define REPORT_SNAPSHOT_COLS \
	"t.total_members, t.participated, t.wrote, t.exempt, t.reasons, " \
	"t.must_write, t.missing, t.late, t.guests_present, " \
	"coalesce(t.cutoff, t.finalized_on)"

int
report_counts(struct db *db, int64_t plan_id, int64_t unit_id, int round,
    const char *today, struct tally *out, int *final, char cutoff[11])
{
	sqlite3_stmt *stmt = plan_prepare(db, "SELECT " REPORT_SNAPSHOT_COLS " FROM tally_report t WHERE t.id = "
	    REPORT_ROW_SQL " AND t.status = 'final'", plan_id, unit_id);
	char deadline[11];
	int rc;

	memset(out, 0, sizeof *out);
	*final = 0;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int(stmt, 3, round);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		report_snapshot(stmt, 0, out, cutoff);
		*final = 1;
	}
	db_release(db, stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "đọc báo cáo tổng hợp");
		return -1;
	}
	if (report_cutoff(db, plan_id, unit_id, round, today, deadline,
	    cutoff) != 0)
		return -1;
	return tally_compute_at(db, plan_id, unit_id, cutoff, out);
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

/* Item 6's companions: proposals in essays handed in by the cutoff. */
static int
report_load_proposals(struct db *db, struct report *r)
{
	sqlite3_stmt *stmt = plan_prepare(db, "WITH RECURSIVE " PLAN_SQL_PLANS
	    ", " PLAN_SQL_UNITS " SELECT m.full_name, u.name, e.proposals "
	    "FROM units JOIN member m ON m.unit_id = units.id "
	    "JOIN unit u ON u.id = m.unit_id JOIN essay e ON e.member_id = m.id "
	    "WHERE e.document_id IN (SELECT id FROM plans) AND " PLAN_SQL_WROTE
	    " AND trim(e.proposals) <> '' "
	    "ORDER BY u.name_fold, m.name_sort, m.id LIMIT ?3", r->plan_id,
	    r->unit_id);
	struct report_proposal *p;
	int rc;

	if (stmt == NULL)
		return -1;
	plan_bind_cutoff(stmt, r->cutoff);
	sqlite3_bind_int(stmt, 3, REPORT_MAX_PROPOSALS + 1);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (r->nmember_proposals == REPORT_MAX_PROPOSALS) {
			r->more_proposals = 1;
			continue;
		}
		r->member_proposals = xrealloc(r->member_proposals,
		    (r->nmember_proposals + 1) * sizeof *r->member_proposals);
		p = &r->member_proposals[r->nmember_proposals++];
		p->full_name = report_col(stmt, 0);
		p->unit_name = report_col(stmt, 1);
		p->text = report_col(stmt, 2);
	}
	db_release(db, stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "đọc đề xuất của đảng viên");
		return -1;
	}
	return 0;
}

/* A line of counts per direct child unit, each by report_counts. */
static int
report_load_units(struct db *db, struct report *r, const char *today)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT id, name FROM unit "
	    "WHERE parent_id = ?1 ORDER BY name_fold, id");
	struct report_unit *u;
	int rc, bad = 0;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, r->unit_id);
	while (!bad && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		r->units = xrealloc(r->units, (r->nunits + 1) * sizeof *r->units);
		u = &r->units[r->nunits++];
		memset(u, 0, sizeof *u);
		u->unit_id = sqlite3_column_int64(stmt, 0);
		u->name = report_col(stmt, 1);
		bad = report_counts(db, r->plan_id, u->unit_id, r->round, today,
		    &u->counts, &u->final, u->cutoff) != 0;
	}
	if (!bad && rc != SQLITE_DONE) {
		db_set_error(db, rc, "đọc các đơn vị trực thuộc");
		bad = 1;
	}
	sqlite3_finalize(stmt);
	return bad ? -1 : 0;
}

int
report_build(struct db *db, int64_t plan_id, int64_t unit_id, int round,
    const char *today, int flags, struct report *out)
{
	char now[11];
	int final;

	memset(out, 0, sizeof *out);
	out->plan_id = plan_id;
	out->unit_id = unit_id;
	out->round = round;
	if (today == NULL || *today == '\0') {
		date_to_iso(date_today(), now);
		today = now;
	}
	if (report_load(db, out, today) != 0 ||
	    report_cutoff(db, plan_id, unit_id, round, today, out->deadline,
	    out->cutoff) != 0 ||
	    report_counts(db, plan_id, unit_id, round, today, &out->counts,
	    &final, out->cutoff) != 0 ||
	    ((flags & REPORT_WITH_PROPOSALS) &&
	    report_load_proposals(db, out) != 0) ||
	    ((flags & REPORT_WITH_UNITS) &&
	    report_load_units(db, out, today) != 0)) {
		report_clear(out);
		return -1;
	}
	return 0;
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
		tally_clear(&r->units[i].counts);
	}
	free(r->units);
	memset(r, 0, sizeof *r);
}
