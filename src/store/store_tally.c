/*
 * store_tally.c - the tally report row of a unit: its text while it is a
 * draft, and the snapshot of the counts taken when it is marked final.
 *
 * The counts themselves are never stored before then: every face shows
 * report_counts' (domain/report.h), so they cannot be typed or go stale.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/plan_sql.h"
#include "domain/report.h"
#include "domain/submission.h"
#include "store/store.h"
#include "store/store_int.h"
#include "text/text.h"
#include "xmalloc.h"

int
store_tally_get(struct db *db, int64_t document_id, int64_t unit_id,
    int round, struct store_tally *t)
{
	sqlite3_stmt *stmt = db_prepare(db,
	    "SELECT coalesce(t.id, 0), coalesce(t.document_id, ?1),"
	    " t.assessment, t.proposals, coalesce(nullif(t.signer, ''),"
	    " u.secretary), coalesce(t.status = 'final', 0), t.finalized_on"
	    " FROM unit u LEFT JOIN tally_report t ON t.id = "
	    PLAN_SQL_REPORT_ROW("u.id") " WHERE u.id = ?2");
	int rc = -1;

	memset(t, 0, sizeof *t);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, document_id);
	sqlite3_bind_int64(stmt, 2, unit_id);
	sqlite3_bind_int(stmt, 3, round);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		t->plan_id = document_id;
		t->unit_id = unit_id;
		t->round = round;
		t->id = sqlite3_column_int64(stmt, 0);
		t->document_id = sqlite3_column_int64(stmt, 1);
		t->assessment = store_col(stmt, 2);
		t->proposals = store_col(stmt, 3);
		t->signer = store_col(stmt, 4);
		t->final = sqlite3_column_int(stmt, 5);
		t->finalized_on = store_col(stmt, 6);
		rc = 0;
	} else
		db_set_error(db, SQLITE_NOTFOUND, "đọc báo cáo tổng hợp");
	sqlite3_finalize(stmt);
	return rc;
}

int
store_tally_get_id(struct db *db, int64_t id, int64_t plan_id,
    struct store_tally *t)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT document_id, unit_id, round"
	    " FROM tally_report WHERE id = ?1");
	int64_t doc = 0, unit = 0;
	int round = 0, rc;

	memset(t, 0, sizeof *t);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		doc = sqlite3_column_int64(stmt, 0);
		unit = sqlite3_column_int64(stmt, 1);
		round = sqlite3_column_int(stmt, 2);
	}
	sqlite3_finalize(stmt);
	if (round == 0) {
		db_set_error(db, SQLITE_NOTFOUND, "đọc báo cáo tổng hợp");
		return -1;
	}
	if ((rc = store_tally_get(db, doc, unit, round, t)) == 0)
		t->plan_id = plan_id != 0 ? plan_id : doc;
	return rc;
}

void
store_tally_clear(struct store_tally *t)
{
	x_free(&t->assessment);
	x_free(&t->proposals);
	x_free(&t->signer);
	x_free(&t->finalized_on);
}

/*
 * Writes the text of draft t inside the caller's transaction; a report
 * that is final already is left alone and refused. 0 or -1.
 */
static int
store_tally_write(struct db *db, struct store_tally *t)
{
	sqlite3_stmt *stmt;
	int rc;

	if (t->id == 0)
		t->id = db_new_id();
	stmt = db_prepare(db, "INSERT INTO tally_report(id, document_id,"
	    " unit_id, round, assessment, proposals, signer)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	    " ON CONFLICT(document_id, unit_id, round) DO UPDATE SET"
	    " assessment = excluded.assessment, proposals = excluded.proposals,"
	    " signer = excluded.signer WHERE tally_report.status = 'draft'");
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, t->id);
	sqlite3_bind_int64(stmt, 2, t->document_id);
	sqlite3_bind_int64(stmt, 3, t->unit_id);
	sqlite3_bind_int(stmt, 4, t->round);
	sqlite3_bind_text(stmt, 5, text_nfc(t->assessment), -1, free);
	sqlite3_bind_text(stmt, 6, text_nfc(t->proposals), -1, free);
	sqlite3_bind_text(stmt, 7, text_nfc(t->signer), -1, free);
	rc = store_step_done(db, stmt, "lưu báo cáo tổng hợp");
	sqlite3_finalize(stmt);
	if (rc != 0)
		return -1;
	if (sqlite3_changes(db_handle(db)) == 0) {
		db_set_error(db, SQLITE_CONSTRAINT,
		    "báo cáo đã chốt, không sửa được nữa");
		return -1;
	}
	t->id = db_int(db, t->id, "SELECT id FROM tally_report WHERE"
	    " document_id = ?1 AND unit_id = ?2 AND round = ?3", 3,
	    t->document_id, t->unit_id, (int64_t)t->round);
	return 0;
}

int
store_tally_save(struct db *db, struct store_tally *t)
{
	if (db_begin(db) != 0)
		return -1;
	if (store_tally_write(db, t) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

int
store_tally_event(struct db *db, int64_t report_id, const char *at,
    const char *action, const char *who, const char *reason)
{
	sqlite3_stmt *stmt = db_prepare(db, "INSERT INTO tally_event(id,"
	    " report_id, at, action, who, reason) VALUES (?1, ?2, ?3, ?4, ?5,"
	    " ?6)");
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, db_new_id());
	sqlite3_bind_int64(stmt, 2, report_id);
	sqlite3_bind_text(stmt, 3, at, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, text_nfc(who != NULL ? who : ""), -1, free);
	sqlite3_bind_text(stmt, 6, text_nfc(reason != NULL ? reason : ""), -1,
	    free);
	rc = store_step_done(db, stmt, "ghi lịch sử báo cáo");
	sqlite3_finalize(stmt);
	return rc;
}

int
store_tally_unfinal(struct db *db, struct store_tally *t, const char *action,
    const char *today, const char *who, const char *reason)
{
	if (db_begin(db) != 0)
		return -1;
	/* The snapshot goes: a draft's counts are computed afresh. */
	if (store_write_ids(db, "mở lại báo cáo", "UPDATE tally_report SET"
	    " status = 'draft', finalized_on = NULL, total_members = NULL,"
	    " participated = NULL, wrote = NULL, exempt = NULL, reasons = NULL,"
	    " must_write = NULL, missing = NULL, late = NULL,"
	    " guests_present = NULL, cutoff = NULL, live_units = NULL"
	    " WHERE id = ?1 AND status = 'final'", 1, t->id) != 1) {
		db_set_message(db, "Báo cáo chưa chốt, không cần mở lại");
		db_rollback(db);
		return -1;
	}
	if (store_tally_event(db, t->id, today, action, who, reason) != 0) {
		db_rollback(db);
		return -1;
	}
	if (db_commit(db) != 0)
		return -1;
	t->final = 0;
	free(t->finalized_on);
	t->finalized_on = xstrdup("");
	return 0;
}

int
store_tally_reopen(struct db *db, struct store_tally *t, const char *today,
    const char *who, const char *reason)
{
	return store_tally_unfinal(db, t, "reopen", today, who, reason);
}

int
store_tally_finalize(struct db *db, struct store_tally *t, const char *today,
    const char *who)
{
	struct tally counts;
	sqlite3_stmt *stmt;
	char cutoff[11], *live = NULL;
	int rc, final;

	if (db_begin(db) != 0)
		return -1;
	/*
	 * Counted inside the transaction, as every face counts a draft: the
	 * snapshot is what the report showed.
	 */
	if (store_tally_write(db, t) != 0 ||
	    report_counts(db, t->plan_id, t->unit_id, t->round, today, &counts,
	    &final, cutoff, &live) != 0) {
		db_rollback(db);
		return -1;
	}
	/* The form must add up before it goes up (as DHIS2's validation
	 * rules gate completion). */
	if (!submission_adds_up(&counts)) {
		db_set_message(db, "Số liệu không khớp: mục 1 phải bằng mục 3 "
		    "+ mục 4 + số chưa viết; chưa chốt được");
		tally_clear(&counts);
		free(live);
		db_rollback(db);
		return -1;
	}
	stmt = db_prepare(db, "UPDATE tally_report SET status = 'final',"
	    " finalized_on = ?2, total_members = ?3, participated = ?4,"
	    " wrote = ?5, exempt = ?6, reasons = ?7, must_write = ?8,"
	    " missing = ?9, late = ?10, guests_present = ?11, cutoff = ?12,"
	    " live_units = ?13 WHERE id = ?1 AND status = 'draft'");
	if (stmt == NULL) {
		tally_clear(&counts);
		free(live);
		db_rollback(db);
		return -1;
	}
	sqlite3_bind_int64(stmt, 1, t->id);
	sqlite3_bind_text(stmt, 2, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 3, counts.total_members);
	sqlite3_bind_int64(stmt, 4, counts.participated);
	sqlite3_bind_int64(stmt, 5, counts.wrote);
	sqlite3_bind_int64(stmt, 6, counts.exempt);
	sqlite3_bind_text(stmt, 7, report_reasons_encode(&counts), -1, free);
	sqlite3_bind_int64(stmt, 8, counts.must_write);
	sqlite3_bind_int64(stmt, 9, counts.missing);
	sqlite3_bind_int64(stmt, 10, counts.late);
	sqlite3_bind_int64(stmt, 11, counts.guests_present);
	sqlite3_bind_text(stmt, 12, cutoff, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 13, live, -1, free);
	rc = store_step_done(db, stmt, "chốt báo cáo tổng hợp");
	sqlite3_finalize(stmt);
	tally_clear(&counts);
	if (rc == 0)
		rc = store_tally_event(db, t->id, today, "final", who, NULL);
	if (rc != 0) {
		db_rollback(db);
		return -1;
	}
	if (db_commit(db) != 0)
		return -1;
	t->final = 1;
	free(t->finalized_on);
	t->finalized_on = xstrdup(today);
	return 0;
}
