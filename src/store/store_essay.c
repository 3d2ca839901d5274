/*
 * store_essay.c - essays of a plan: the keyset-paged list with each
 * member's state, one essay to edit, and its write.
 *
 * Who must write, when an essay is due and what counts as handed in come
 * from domain/plan_sql.h, the SQL tally_compute runs, so the list can
 * never disagree with the tally report. The page walks the member index
 * in Vietnamese name order (member_by_unit_sort for one cell, member_by_sort with the
 * unit test on each row for a commune) and stops after limit rows; the
 * per-member lookups go through attendance_by_member and essay_by_member.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/date.h"
#include "domain/plan_sql.h"
#include "domain/rules.h"
#include "store/store.h"
#include "store/store_int.h"
#include "text/text.h"
#include "xmalloc.h"

/*
 * The common table expressions every query here starts with: ?1 the
 * plan, ?2 the root of the units looked at.
 */
#define ESSAY_CTE \
	"WITH RECURSIVE " PLAN_SQL_PLANS ", " PLAN_SQL_UP ", " PLAN_SQL_RULE \
	", " PLAN_SQL_SESS ", scope(id) AS (SELECT ?2 UNION ALL " \
	"SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id) "

/* Member m's due date, and its earliest hand-in date, under the plans. */
#define ESSAY_DUE_SQL	PLAN_SQL_ESSAY_DUE(PLAN_SQL_STUDIED)
#define ESSAY_SUBMITTED_SQL \
	"(SELECT min(e.submitted_on) FROM essay e WHERE e.member_id = m.id " \
	"AND e.document_id IN (SELECT id FROM plans) AND " PLAN_SQL_WROTE ")"

/*
 * Parameters: ?1 plan, ?2 scope root, ?3 unit, ?4 folded search, ?5 sort
 * key, ?6 id, ?7 limit, ?8 today. CROSS JOIN keeps member the outer loop
 * so that SQLite walks its index in order and stops after ?7 rows.
 */
static char *
store_essay_sql(const struct store_essay_query *q,
    const struct store_key *key, int dir)
{
	static const char *const filters[] = {
		[STORE_ESSAY_ALL] = "",
		[STORE_ESSAY_MISSING] = " AND r.must_write AND "
		    ESSAY_SUBMITTED_SQL " IS NULL",
		[STORE_ESSAY_LATE] = " AND r.must_write AND "
		    ESSAY_SUBMITTED_SQL " IS NULL AND " ESSAY_DUE_SQL " < ?8",
		[STORE_ESSAY_SUBMITTED] = " AND " ESSAY_SUBMITTED_SQL
		    " IS NOT NULL",
		[STORE_ESSAY_EXEMPT] = " AND NOT r.must_write AND "
		    ESSAY_SUBMITTED_SQL " IS NULL",
	};
	int after = dir == STORE_AFTER;

	return xasprintf(ESSAY_CTE "SELECT m.id, m.full_name, m.name_sort,"
	    " u.name, r.must_write, CASE WHEN r.must_write THEN '' ELSE"
	    " r.reason END, " ESSAY_DUE_SQL ", " ESSAY_SUBMITTED_SQL ","
	    " (SELECT e.grade FROM essay e WHERE e.member_id = m.id AND"
	    " e.document_id IN (SELECT id FROM plans) ORDER BY"
	    " e.document_id = ?1 DESC LIMIT 1)"
	    " FROM member m CROSS JOIN rule r CROSS JOIN unit u"
	    " WHERE r.status = m.status AND u.id = m.unit_id AND r.party = 1"
	    " AND %s%s%s%s ORDER BY m.name_sort %s, m.id %s LIMIT ?7",
	    q->unit_id != 0 ? "m.unit_id = ?3"
	    : "+m.unit_id IN (SELECT id FROM scope)",
	    q->search != NULL && *q->search != '\0'
	    ? " AND instr(m.name_fold, ?4) > 0" : "",
	    key->sort == NULL ? "" : after ?
	    " AND (m.name_sort, m.id) > (?5, ?6)" :
	    " AND (m.name_sort, m.id) < (?5, ?6)",
	    filters[q->filter < STORE_ESSAY_NFILTERS ? q->filter : 0],
	    after ? "" : "DESC", after ? "" : "DESC");
}

/* The state of a row from its columns, as rules_essay_state judges it. */
static int
store_essay_state(int must, const char *due_iso, const char *sub_iso,
    const char *today_iso)
{
	struct qt_date due, sub, today;
	int has_due = date_from_iso(due_iso, &due) == 0;
	int has_sub = date_from_iso(sub_iso, &sub) == 0;

	if (date_from_iso(today_iso, &today) != 0)
		today = date_today();
	return rules_essay_state(must, has_due ? &due : NULL,
	    has_sub ? &sub : NULL, today);
}

static void
store_essay_row_fill(sqlite3_stmt *stmt, void *row, const void *ctx)
{
	struct store_essay_row *r = row;
	const char *today = ctx;

	r->member_id = sqlite3_column_int64(stmt, 0);
	r->full_name = store_col(stmt, 1);
	r->name_sort = store_col(stmt, 2);
	r->unit_name = store_col(stmt, 3);
	r->must_write = sqlite3_column_int(stmt, 4);
	r->reason = store_col(stmt, 5);
	r->due_on = store_col(stmt, 6);
	r->submitted_on = store_col(stmt, 7);
	r->grade = store_col(stmt, 8);
	r->state = store_essay_state(r->must_write, r->due_on, r->submitted_on,
	    today);
}

static void
store_essay_row_clear_row(void *row)
{
	store_essay_row_clear(row);
}

int
store_essays_page(struct db *db, const struct store_essay_query *q,
    const struct store_key *key, int dir, int limit,
    struct store_essay_row **out)
{
	char *sql = store_essay_sql(q, key, dir);
	sqlite3_stmt *stmt = db_prepare(db, sql);
	void *rows;
	int n;

	free(sql);
	*out = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, q->document_id);
	sqlite3_bind_int64(stmt, 2, q->scope_id);
	sqlite3_bind_int64(stmt, 3, q->unit_id);
	if (q->search != NULL && *q->search != '\0')
		sqlite3_bind_text(stmt, 4, text_fold(q->search), -1, free);
	if (key->sort != NULL) {
		sqlite3_bind_text(stmt, 5, key->sort, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(stmt, 6, key->id);
	}
	sqlite3_bind_int(stmt, 7, limit);
	sqlite3_bind_text(stmt, 8, q->today, -1, SQLITE_TRANSIENT);
	plan_bind_cutoff(stmt, q->today);
	n = store_page_collect(db, stmt, sizeof(struct store_essay_row),
	    store_essay_row_fill, q->today, store_essay_row_clear_row, dir,
	    "đọc danh sách bài thu hoạch", &rows);
	*out = rows;
	return n;
}

void
store_essay_row_clear(struct store_essay_row *r)
{
	x_free(&r->full_name);
	x_free(&r->name_sort);
	x_free(&r->unit_name);
	x_free(&r->reason);
	x_free(&r->due_on);
	x_free(&r->submitted_on);
	x_free(&r->grade);
}

void
store_essay_rows_free(struct store_essay_row **rows, size_t n)
{
	size_t i;

	if (*rows == NULL)
		return;
	for (i = 0; i < n; i++)
		store_essay_row_clear(&(*rows)[i]);
	x_free(rows);
}

const char *
store_essay_filter_name(enum store_essay_filter f)
{
	switch (f) {
	case STORE_ESSAY_ALL:
		return "Tất cả";
	case STORE_ESSAY_MISSING:
		return "Chưa nộp";
	case STORE_ESSAY_LATE:
		return "Quá hạn";
	case STORE_ESSAY_SUBMITTED:
		return "Đã nộp";
	case STORE_ESSAY_EXEMPT:
		return "Miễn viết";
	case STORE_ESSAY_NFILTERS:
		break;
	}
	return "";
}

const char *const store_grade_codes[] = {
	"excellent", "good", "pass", "fail", NULL
};
const char *const store_grade_names[] = {
	"Xuất sắc", "Tốt", "Đạt", "Không đạt", NULL
};

const char *
store_grade_name(const char *code)
{
	size_t i;

	for (i = 0; code != NULL && store_grade_codes[i] != NULL; i++)
		if (strcmp(code, store_grade_codes[i]) == 0)
			return store_grade_names[i];
	return "";
}

int
store_essay_get(struct db *db, int64_t document_id, int64_t member_id,
    struct store_essay *e)
{
	sqlite3_stmt *stmt = db_prepare(db, ESSAY_CTE "SELECT m.full_name,"
	    " m.position, u.name, r.must_write, CASE WHEN r.must_write THEN ''"
	    " ELSE r.reason END, " PLAN_SQL_STUDIED ", " ESSAY_DUE_SQL ","
	    " coalesce(e.id, 0), coalesce(e.document_id, ?1), e.submitted_on,"
	    " e.grade, e.awareness, e.duties, e.proposals"
	    " FROM member m JOIN unit u ON u.id = m.unit_id"
	    " JOIN rule r ON r.status = m.status"
	    " LEFT JOIN essay e ON e.id = (SELECT x.id FROM essay x"
	    "  WHERE x.member_id = m.id AND x.document_id IN"
	    "  (SELECT id FROM plans) ORDER BY x.document_id = ?1 DESC,"
	    "  x.submitted_on IS NULL, x.id LIMIT 1)"
	    " WHERE m.id = ?3");
	int rc = -1;

	memset(e, 0, sizeof *e);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, document_id);
	sqlite3_bind_int64(stmt, 2, 0);
	sqlite3_bind_int64(stmt, 3, member_id);
	plan_bind_cutoff(stmt, NULL);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		e->member_id = member_id;
		e->full_name = store_col(stmt, 0);
		e->position = store_col(stmt, 1);
		e->unit_name = store_col(stmt, 2);
		e->must_write = sqlite3_column_int(stmt, 3);
		e->reason = store_col(stmt, 4);
		e->studied_on = store_col(stmt, 5);
		e->due_on = store_col(stmt, 6);
		e->id = sqlite3_column_int64(stmt, 7);
		e->document_id = sqlite3_column_int64(stmt, 8);
		e->submitted_on = store_col(stmt, 9);
		e->grade = store_col(stmt, 10);
		e->awareness = store_col(stmt, 11);
		e->duties = store_col(stmt, 12);
		e->proposals = store_col(stmt, 13);
		rc = 0;
	} else
		db_set_error(db, SQLITE_NOTFOUND, "đọc bài thu hoạch");
	sqlite3_finalize(stmt);
	return rc;
}

void
store_essay_clear(struct store_essay *e)
{
	x_free(&e->full_name);
	x_free(&e->position);
	x_free(&e->unit_name);
	x_free(&e->reason);
	x_free(&e->studied_on);
	x_free(&e->due_on);
	x_free(&e->submitted_on);
	x_free(&e->grade);
	x_free(&e->awareness);
	x_free(&e->duties);
	x_free(&e->proposals);
}

const char *
store_essay_check_date(const struct store_essay *e, const char *submitted,
    const char *today)
{
	static char why[160];
	struct qt_date d;
	char vn[11];

	if (strcmp(submitted, today) > 0) {
		if (date_from_iso(today, &d) != 0)
			return "Ngày nộp sau hôm nay";
		date_to_vn(d, vn);
		snprintf(why, sizeof why, "Ngày nộp không được sau hôm nay "
		    "(%s)", vn);
		return why;
	}
	if (*e->studied_on != '\0' && strcmp(submitted, e->studied_on) < 0 &&
	    date_from_iso(e->studied_on, &d) == 0) {
		date_to_vn(d, vn);
		snprintf(why, sizeof why, "Ngày nộp không được trước buổi học "
		    "ngày %s", vn);
		return why;
	}
	return NULL;
}

int
store_essay_save(struct db *db, struct store_essay *e)
{
	sqlite3_stmt *stmt;
	int rc;

	if (e->id == 0)
		e->id = db_new_id();
	if (db_begin(db) != 0)
		return -1;
	/* The row may have been added meanwhile by another clerk: update it. */
	stmt = db_prepare(db, "INSERT INTO essay(id, document_id, member_id,"
	    " due_on, submitted_on, grade, awareness, duties, proposals)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
	    " ON CONFLICT(document_id, member_id) DO UPDATE SET"
	    " due_on = excluded.due_on, submitted_on = excluded.submitted_on,"
	    " grade = excluded.grade, awareness = excluded.awareness,"
	    " duties = excluded.duties, proposals = excluded.proposals");
	if (stmt == NULL) {
		db_rollback(db);
		return -1;
	}
	sqlite3_bind_int64(stmt, 1, e->id);
	sqlite3_bind_int64(stmt, 2, e->document_id);
	sqlite3_bind_int64(stmt, 3, e->member_id);
	store_bind_opt(stmt, 4, e->due_on);
	store_bind_opt(stmt, 5, e->submitted_on);
	store_bind_opt(stmt, 6, e->grade);
	store_bind_nfc(stmt, 7, e->awareness);
	store_bind_nfc(stmt, 8, e->duties);
	store_bind_nfc(stmt, 9, e->proposals);
	rc = store_step_done(db, stmt, "lưu bài thu hoạch");
	sqlite3_finalize(stmt);
	if (rc != 0) {
		db_rollback(db);
		return -1;
	}
	e->id = db_int(db, e->id, "SELECT id FROM essay WHERE document_id = ?1"
	    " AND member_id = ?2", 2, e->document_id, e->member_id);
	return db_commit(db);
}

int
store_proposals_list(struct db *db, int64_t document_id, int64_t unit_id,
    int max, struct store_proposal **out)
{
	sqlite3_stmt *stmt = db_prepare(db, "WITH RECURSIVE " PLAN_SQL_PLANS
	    ", scope(id) AS (SELECT ?2 UNION ALL SELECT u.id FROM unit u"
	    " JOIN scope s ON u.parent_id = s.id)"
	    " SELECT m.full_name, u.name, e.proposals FROM scope"
	    " JOIN member m ON m.unit_id = scope.id"
	    " JOIN unit u ON u.id = m.unit_id"
	    " JOIN essay e ON e.member_id = m.id"
	    " WHERE e.document_id IN (SELECT id FROM plans)"
	    " AND e.submitted_on IS NOT NULL AND trim(e.proposals) <> ''"
	    " ORDER BY u.name_fold, m.name_sort, m.id LIMIT ?3");
	struct store_proposal *rows = NULL, *p;
	size_t n = 0;
	void *slot;
	int rc;

	*out = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, document_id);
	sqlite3_bind_int64(stmt, 2, unit_id);
	sqlite3_bind_int(stmt, 3, max);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		rows = store_grow(rows, n, sizeof *rows, &slot);
		p = slot;
		p->full_name = store_col(stmt, 0);
		p->unit_name = store_col(stmt, 1);
		p->text = store_col(stmt, 2);
		n++;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "đọc đề xuất của đảng viên");
		store_proposals_free(&rows, n);
		return -1;
	}
	*out = rows;
	return (int)n;
}

void
store_proposals_free(struct store_proposal **p, size_t n)
{
	size_t i;

	if (*p == NULL)
		return;
	for (i = 0; i < n; i++) {
		free((*p)[i].full_name);
		free((*p)[i].unit_name);
		free((*p)[i].text);
	}
	x_free(p);
}
