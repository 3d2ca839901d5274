/*
 * action.c - the action programme's items and their yearly review.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/action.h"
#include "domain/date.h"
#include "xmalloc.h"

enum action_state
action_state(const char *status, const char *due_on, const char *done_on,
    const char *today)
{
	int has_due = due_on != NULL && *due_on != '\0';

	if (strcmp(status, "done") == 0)
		return has_due && done_on != NULL && *done_on != '\0' &&
		    strcmp(done_on, due_on) > 0 ? ACTION_DONE_LATE : ACTION_DONE;
	return has_due && strcmp(today, due_on) > 0 ? ACTION_LATE :
	    ACTION_PENDING;
}

const char *
action_state_name(enum action_state s)
{
	static const char *const names[ACTION_NSTATES] = {
		"Đã xong", "Xong trễ hạn", "Trễ hạn", "Chưa xong"
	};

	return names[s];
}

static char *
action_col(sqlite3_stmt *stmt, int i)
{
	const unsigned char *t = sqlite3_column_text(stmt, i);

	return xstrdup(t != NULL ? (const char *)t : "");
}

/* The plan's and unit's names and the programme's deadline. */
static int
action_review_head(struct db *db, int64_t document_id, int64_t unit_id,
    struct action_review *r)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT d.number || ' ' || d.title,"
	    " (SELECT name FROM unit WHERE id = ?2), d.action_due_text,"
	    " d.action_due FROM document d WHERE d.id = ?1");
	int rc = -1;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, document_id);
	sqlite3_bind_int64(stmt, 2, unit_id);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		r->plan = action_col(stmt, 0);
		r->unit = action_col(stmt, 1);
		r->due_text = action_col(stmt, 2);
		r->due_on = action_col(stmt, 3);
		rc = 0;
	} else
		db_set_message(db, "Không tìm thấy kế hoạch này");
	sqlite3_finalize(stmt);
	return rc;
}

int
action_review_build(struct db *db, int64_t document_id, int64_t unit_id,
    const char *today, struct action_review *r)
{
	sqlite3_stmt *stmt;
	struct action_item_row *a;

	memset(r, 0, sizeof *r);
	snprintf(r->today, sizeof r->today, "%s", today);
	if (action_review_head(db, document_id, unit_id, r) != 0)
		return -1;
	/* An item with no last day of its own is due with the programme. */
	stmt = db_prepare(db, "SELECT id, task, person, schedule, result,"
	    " responsibility, coalesce(due_on, ?3, ''), status,"
	    " coalesce(done_on, '') FROM action_item WHERE document_id = ?1"
	    " AND unit_id = ?2 ORDER BY coalesce(due_on, ?3, '9999'), id");
	if (stmt == NULL) {
		action_review_clear(r);
		return -1;
	}
	sqlite3_bind_int64(stmt, 1, document_id);
	sqlite3_bind_int64(stmt, 2, unit_id);
	if (*r->due_on != '\0')
		sqlite3_bind_text(stmt, 3, r->due_on, -1, SQLITE_STATIC);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		r->items = xrealloc(r->items, (r->n + 1) * sizeof *r->items);
		a = &r->items[r->n++];
		a->id = sqlite3_column_int64(stmt, 0);
		a->task = action_col(stmt, 1);
		a->person = action_col(stmt, 2);
		a->schedule = action_col(stmt, 3);
		a->result = action_col(stmt, 4);
		a->responsibility = action_col(stmt, 5);
		a->due_on = action_col(stmt, 6);
		a->status = action_col(stmt, 7);
		a->done_on = action_col(stmt, 8);
		a->state = action_state(a->status, a->due_on, a->done_on, today);
		r->count[a->state]++;
	}
	sqlite3_finalize(stmt);
	return 0;
}

void
action_review_clear(struct action_review *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->items[i].task);
		free(r->items[i].person);
		free(r->items[i].schedule);
		free(r->items[i].result);
		free(r->items[i].responsibility);
		free(r->items[i].due_on);
		free(r->items[i].status);
		free(r->items[i].done_on);
	}
	free(r->items);
	free(r->plan);
	free(r->unit);
	free(r->due_text);
	free(r->due_on);
	memset(r, 0, sizeof *r);
}

/* "dd/mm/yyyy" of an ISO date, or "không ghi". */
static void
action_date(const char *iso, char out[16])
{
	struct qt_date d;

	if (date_from_iso(iso, &d) == 0)
		date_to_vn(d, out);
	else
		snprintf(out, 16, "không ghi");
}

char *
action_review_txt(const struct action_review *r)
{
	char *buf = NULL, due[16], today[16];
	size_t len = 0, i;
	FILE *fp = xmemstream(&buf, &len);
	int s;

	action_date(r->today, today);
	fprintf(fp, "KIỂM ĐIỂM CHƯƠNG TRÌNH HÀNH ĐỘNG\n%s\nĐơn vị: %s\n"
	    "Tính đến ngày: %s\n", r->plan, r->unit, today);
	if (*r->due_text != '\0') {
		action_date(r->due_on, due);
		fprintf(fp, "Hạn lập chương trình: %s (%s)\n", r->due_text,
		    due);
	}
	fprintf(fp, "Tổng số việc: %zu", r->n);
	for (s = 0; s < ACTION_NSTATES; s++)
		fprintf(fp, "; %s: %d", action_state_name(s), r->count[s]);
	fprintf(fp, "\n");
	for (i = 0; i < r->n; i++) {
		const struct action_item_row *a = &r->items[i];

		action_date(a->due_on, due);
		fprintf(fp, "\n%zu. %s\n   Người chủ trì: %s\n   Tiến độ: %s\n"
		    "   Kết quả cần đạt: %s\n   Trách nhiệm: %s\n   Hạn: %s — %s",
		    i + 1, a->task, a->person, a->schedule, a->result,
		    a->responsibility, due, action_state_name(a->state));
		if (*a->done_on != '\0') {
			action_date(a->done_on, due);
			fprintf(fp, " (xong ngày %s)", due);
		}
		fprintf(fp, "\n");
	}
	fclose(fp);
	return buf;
}
