/*
 * rules.c - applying the exemption and essay rules of a plan.
 */
#include "config.h"

#include <stdlib.h>

#include "db.h"
#include "domain/plan_sql.h"
#include "domain/rules.h"
#include "xmalloc.h"

int
rules_must_write(struct db *db, int64_t document_id, const char *status,
    char **reason)
{
	sqlite3_stmt *stmt;
	int must = -1;

	if (reason != NULL)
		*reason = NULL;
	stmt = db_prepare(db, "WITH RECURSIVE " PLAN_SQL_UP ", " PLAN_SQL_RULE
	    " SELECT must_write, reason FROM rule WHERE status = ?2");
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, document_id);
	sqlite3_bind_text(stmt, 2, status, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		must = sqlite3_column_int(stmt, 0);
		if (reason != NULL)
			*reason = xstrdup(must ? "" :
			    (const char *)sqlite3_column_text(stmt, 1));
	} else
		db_set_error(db, sqlite3_errcode(db_handle(db)),
		    "đọc quy định miễn viết thu hoạch");
	sqlite3_finalize(stmt);
	return must;
}

int
rules_essay_due(struct db *db, int64_t document_id, int64_t member_id,
    struct qt_date *due)
{
	sqlite3_stmt *stmt;
	int rc = -1;

	stmt = plan_prepare(db, "WITH RECURSIVE " PLAN_SQL_PLANS ", " PLAN_SQL_UP
	    ", " PLAN_SQL_SESS " SELECT " PLAN_SQL_ESSAY_DUE(PLAN_SQL_STUDIED)
	    " FROM member m WHERE m.id = ?2",
	    document_id, member_id);
	if (stmt == NULL)
		return -1;
	if (sqlite3_step(stmt) == SQLITE_ROW &&
	    date_from_iso((const char *)sqlite3_column_text(stmt, 0), due) == 0)
		rc = 0;
	db_release(db, stmt);
	return rc;
}

enum essay_state
rules_essay_state(int must_write, const struct qt_date *due,
    const struct qt_date *submitted, struct qt_date today)
{
	if (submitted != NULL) {
		if (must_write && due != NULL && date_cmp(*submitted, *due) > 0)
			return ESSAY_SUBMITTED_LATE;
		return ESSAY_SUBMITTED;
	}
	if (!must_write)
		return ESSAY_EXEMPT;
	if (due == NULL)
		return ESSAY_NOT_DUE;
	return date_cmp(today, *due) > 0 ? ESSAY_LATE : ESSAY_DUE;
}

int
rules_member_state(struct db *db, int64_t document_id, int64_t member_id,
    struct qt_date today, enum essay_state *out)
{
	sqlite3_stmt *stmt;
	struct qt_date due, submitted;
	char *status = NULL;
	int must, has_due, has_submitted = 0;

	stmt = plan_prepare(db, "WITH RECURSIVE " PLAN_SQL_PLANS " SELECT "
	    "m.status, (SELECT min(e.submitted_on) FROM essay e "
	    "WHERE e.member_id = m.id AND +e.document_id IN (SELECT id FROM plans) "
	    "AND " PLAN_SQL_WROTE ") "
	    "FROM member m WHERE m.id = ?2", document_id, member_id);
	if (stmt == NULL)
		return -1;
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		status = xstrdup((const char *)sqlite3_column_text(stmt, 0));
		has_submitted = date_from_iso((const char *)
		    sqlite3_column_text(stmt, 1), &submitted) == 0;
	}
	db_release(db, stmt);
	if (status == NULL)
		return -1;
	must = rules_must_write(db, document_id, status, NULL);
	free(status);
	if (must < 0)
		return -1;
	has_due = rules_essay_due(db, document_id, member_id, &due) == 0;
	*out = rules_essay_state(must, has_due ? &due : NULL,
	    has_submitted ? &submitted : NULL, today);
	return 0;
}

/* The early essays of one plan, for rules_early_essays. */
static int
rules_early_of_plan(struct db *db, int64_t plan,
    void (*fn)(const char *line, void *ctx), void *ctx)
{
	/* MATERIALIZED: the day studied is worked out once per essay, not
	 * once for each of the three places that name it. */
	sqlite3_stmt *stmt = plan_prepare(db, "WITH RECURSIVE " PLAN_SQL_PLANS
	    ", " PLAN_SQL_SESS ", handed(name, sub, studied) AS MATERIALIZED "
	    "(SELECT m.full_name, e.submitted_on, " PLAN_SQL_STUDIED
	    " FROM essay e JOIN member m ON m.id = e.member_id "
	    "WHERE e.document_id = ?1 AND e.submitted_on IS NOT NULL) "
	    "SELECT name || ': nộp ' || strftime('%d/%m/%Y', sub) || "
	    "coalesce(', buổi học ngày ' || strftime('%d/%m/%Y', studied), "
	    "', chưa có buổi học') FROM handed "
	    "WHERE studied IS NULL OR sub < studied ORDER BY sub, name", plan, 0);
	int rc;

	if (stmt == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		fn((const char *)sqlite3_column_text(stmt, 0), ctx);
	db_release(db, stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "kiểm tra ngày nộp bài thu hoạch");
		return -1;
	}
	return 0;
}

int
rules_early_essays(struct db *db, void (*fn)(const char *line, void *ctx),
    void *ctx)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT DISTINCT document_id FROM "
	    "essay WHERE submitted_on IS NOT NULL ORDER BY document_id");
	int rc, bad = 0;

	if (stmt == NULL)
		return -1;
	while (!bad && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
		bad = rules_early_of_plan(db, sqlite3_column_int64(stmt, 0), fn,
		    ctx) != 0;
	if (!bad && rc != SQLITE_DONE) {
		db_set_error(db, rc, "kiểm tra ngày nộp bài thu hoạch");
		bad = 1;
	}
	sqlite3_finalize(stmt);
	return bad ? -1 : 0;
}

const char *
rules_state_name(enum essay_state state)
{
	switch (state) {
	case ESSAY_EXEMPT:
		return "Miễn viết";
	case ESSAY_NOT_DUE:
		return "Chưa học";
	case ESSAY_DUE:
		return "Chưa nộp";
	case ESSAY_LATE:
		return "Quá hạn";
	case ESSAY_SUBMITTED:
		return "Đã nộp";
	case ESSAY_SUBMITTED_LATE:
		return "Nộp muộn";
	}
	return "";
}
