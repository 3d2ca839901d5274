/*
 * store_submission.c - the unit above returns or accepts a report below
 * it, and Home learns which reports came back.
 *
 * A report made final is submitted (store_tally_finalize); the review is
 * one more line of its history (tally_event), which travels with the
 * report like the rest, so a return made at the district reaches the
 * commune at its next sync. The server refuses a review pushed by the
 * report's own unit or one below it (src/server/scope.c), as this file
 * refuses it locally.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "store/store.h"
#include "store/store_int.h"
#include "xmalloc.h"

int
store_unit_below(struct db *db, int64_t unit, int64_t home)
{
	return unit != home && db_int(db, 0, "WITH RECURSIVE up(id) AS"
	    " (SELECT parent_id FROM unit WHERE id = ?1 UNION SELECT"
	    " u.parent_id FROM unit u JOIN up ON u.id = up.id"
	    " WHERE u.parent_id IS NOT NULL)"
	    " SELECT count(*) FROM up WHERE id = ?2", 2, unit, home) > 0;
}

/*
 * Why home may not review t now (a sentence), or NULL: t must be final,
 * not accepted since it was last made final, and below home.
 */
static const char *
store_review_refusal(struct db *db, const struct store_tally *t,
    int64_t home)
{
	if (t->id == 0 || !t->final)
		return "Báo cáo chưa chốt, chưa nộp lên: chưa duyệt hay trả "
		    "lại được";
	if (!store_unit_below(db, t->unit_id, home))
		return "Chỉ cấp trên mới duyệt hay trả lại báo cáo này";
	if (db_int(db, 0, "SELECT action = 'accept' FROM tally_event"
	    " WHERE report_id = ?1 ORDER BY at DESC, hlc DESC, rowid DESC"
	    " LIMIT 1", 1, t->id))
		return "Báo cáo đã được duyệt rồi";
	return NULL;
}

int
store_tally_return(struct db *db, struct store_tally *t, int64_t home,
    const char *today, const char *who, const char *reason)
{
	const char *why = store_review_refusal(db, t, home);

	if (why == NULL && (reason == NULL || *reason == '\0'))
		why = "Trả lại báo cáo phải ghi lý do";
	if (why != NULL) {
		db_set_message(db, why);
		return -1;
	}
	return store_tally_unfinal(db, t, "return", today, who, reason);
}

int
store_tally_accept(struct db *db, struct store_tally *t, int64_t home,
    const char *today, const char *who)
{
	const char *why = store_review_refusal(db, t, home);

	if (why != NULL) {
		db_set_message(db, why);
		return -1;
	}
	if (db_begin(db) != 0)
		return -1;
	if (store_tally_event(db, t->id, today, "accept", who, NULL) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

/*
 * Reports of ?1's subtree that are drafts whose latest event is a
 * return: sent back from above and not yet resubmitted.
 */
static const char store_returned_sql[] = STORE_SCOPE_CTE
    ", last(report_id, event) AS (SELECT r.id, (SELECT e.id FROM"
    " tally_event e WHERE e.report_id = r.id ORDER BY e.at DESC,"
    " e.hlc DESC, e.rowid DESC LIMIT 1) FROM tally_report r"
    " WHERE r.status = 'draft' AND r.unit_id IN (SELECT id FROM scope))"
    " SELECT r.id, r.document_id, r.unit_id, r.round, u.name, d.number,"
    " e.at, e.who, e.reason FROM last l JOIN tally_event e ON e.id = l.event"
    " JOIN tally_report r ON r.id = l.report_id JOIN unit u ON u.id = r.unit_id"
    " JOIN document d ON d.id = r.document_id WHERE e.action = 'return'"
    " ORDER BY e.at DESC, e.hlc DESC LIMIT ?2";

int
store_returned_list(struct db *db, int64_t home, int max,
    struct store_returned **out)
{
	sqlite3_stmt *stmt = db_prepare(db, store_returned_sql);
	struct store_returned *rows = NULL, *r;
	size_t n = 0;
	void *slot;
	int rc;

	*out = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, home);
	sqlite3_bind_int(stmt, 2, max);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		rows = store_grow(rows, n, sizeof *rows, &slot);
		r = slot;
		r->report_id = sqlite3_column_int64(stmt, 0);
		r->plan_id = sqlite3_column_int64(stmt, 1);
		r->unit_id = sqlite3_column_int64(stmt, 2);
		r->round = sqlite3_column_int(stmt, 3);
		r->unit_name = store_col(stmt, 4);
		r->plan_number = store_col(stmt, 5);
		r->at = store_col(stmt, 6);
		r->who = store_col(stmt, 7);
		r->reason = store_col(stmt, 8);
		n++;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "đọc báo cáo bị trả lại");
		store_returned_free(&rows, n);
		return -1;
	}
	*out = rows;
	return (int)n;
}

void
store_returned_free(struct store_returned **r, size_t n)
{
	size_t i;

	if (*r == NULL)
		return;
	for (i = 0; i < n; i++) {
		free((*r)[i].unit_name);
		free((*r)[i].plan_number);
		free((*r)[i].at);
		free((*r)[i].who);
		free((*r)[i].reason);
	}
	x_free(r);
}
