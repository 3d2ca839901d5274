/*
 * submission.c - a tally report's history, and what is still open
 * before it is made final (submission.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/plan_sql.h"
#include "domain/submission.h"
#include "xmalloc.h"

static const char *const submission_codes[] = {
	"final", "reopen", "return", "accept"
};

const char *
submission_action_code(enum submission_action a)
{
	return submission_codes[a];
}

const char *
submission_event_name(const struct submission_event *e)
{
	switch (e->action) {
	case SUBMISSION_FINAL:
		return e->again ? "chốt và nộp lại" : "chốt và nộp báo cáo";
	case SUBMISSION_REOPEN:
		return "mở lại";
	case SUBMISSION_RETURN:
		return "cấp trên trả lại";
	default:
		return "cấp trên duyệt";
	}
}

int
submission_history(struct db *db, int64_t report_id,
    struct submission_event **out)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT substr(at, 1, 10), action,"
	    " who, reason FROM tally_event WHERE report_id = ?1"
	    " ORDER BY at, hlc, rowid");
	struct submission_event *rows = NULL, *e;
	const char *action;
	size_t n = 0, k;
	int returned = 0, rc;

	*out = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, report_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		rows = xrealloc(rows, (n + 1) * sizeof *rows);
		e = &rows[n++];
		memset(e, 0, sizeof *e);
		snprintf(e->at, sizeof e->at, "%s",
		    (const char *)sqlite3_column_text(stmt, 0));
		action = (const char *)sqlite3_column_text(stmt, 1);
		for (k = 0; k < 4; k++)
			if (strcmp(action, submission_codes[k]) == 0)
				e->action = (enum submission_action)k;
		e->again = e->action == SUBMISSION_FINAL && returned;
		returned |= e->action == SUBMISSION_RETURN;
		e->who = xstrdup((const char *)sqlite3_column_text(stmt, 2));
		e->reason = xstrdup((const char *)sqlite3_column_text(stmt, 3));
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "đọc lịch sử báo cáo");
		submission_history_free(&rows, n);
		return -1;
	}
	*out = rows;
	return (int)n;
}

void
submission_history_free(struct submission_event **e, size_t n)
{
	size_t i;

	if (*e == NULL)
		return;
	for (i = 0; i < n; i++) {
		free((*e)[i].who);
		free((*e)[i].reason);
	}
	x_free(e);
}

int
submission_adds_up(const struct tally *t)
{
	return t->total_members == t->wrote + t->exempt + t->missing;
}

/* Sessions of the plans in the unit's subtree still planned, and make-ups. */
static const char submission_unheld_sql[] =
    "WITH RECURSIVE " PLAN_SQL_PLANS ", " PLAN_SQL_UNITS " "
    "SELECT count(*), coalesce(sum(s.makeup_of IS NOT NULL), 0)"
    " FROM session s WHERE s.status = 'planned'"
    " AND s.unit_id IN (SELECT id FROM units)"
    " AND s.document_id IN (SELECT id FROM plans)";

int
submission_open_items(struct db *db, int64_t plan_id, int64_t unit_id,
    const struct tally *counts, const char *assessment,
    const char *proposals, struct submission_open *out)
{
	sqlite3_stmt *stmt;
	int rc;

	memset(out, 0, sizeof *out);
	out->not_yet = counts->missing;
	out->no_assessment = assessment == NULL || *assessment == '\0';
	out->no_proposals = proposals == NULL || *proposals == '\0';
	out->adds_up = submission_adds_up(counts);
	if ((stmt = plan_prepare(db, submission_unheld_sql, plan_id,
	    unit_id)) == NULL)
		return -1;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		out->unheld = sqlite3_column_int64(stmt, 0);
		out->makeups = sqlite3_column_int64(stmt, 1);
	} else
		db_set_error(db, rc, "đếm buổi học chưa tổ chức");
	db_release(db, stmt);
	return rc == SQLITE_ROW ? 0 : -1;
}

char *
submission_open_text(const struct submission_open *o)
{
	char *buf = NULL;
	size_t len;
	FILE *fp = xmemstream(&buf, &len);
	const char *sep = "Còn ";

	if (o->not_yet > 0) {
		fprintf(fp, "%s%lld đảng viên chưa nộp bài thu hoạch", sep,
		    (long long)o->not_yet);
		sep = "; ";
	}
	if (o->unheld > o->makeups) {
		fprintf(fp, "%s%lld buổi học chưa tổ chức", sep,
		    (long long)(o->unheld - o->makeups));
		sep = "; ";
	}
	if (o->makeups > 0) {
		fprintf(fp, "%s%lld buổi học bù còn đang lên lịch", sep,
		    (long long)o->makeups);
		sep = "; ";
	}
	if (o->no_assessment || o->no_proposals) {
		fprintf(fp, "%smục %s chưa nhập", sep, o->no_assessment &&
		    o->no_proposals ? "5 và 6" : o->no_assessment ? "5" : "6");
		sep = "; ";
	}
	fclose(fp);
	if (strcmp(sep, "Còn ") == 0)
		x_free(&buf);
	return buf;
}
