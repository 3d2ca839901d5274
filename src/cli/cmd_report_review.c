/*
 * cmd_report_review.c - quantriet report completeness, submit, accept,
 * return, and actions (the action programme's review, domain/action.h):
 * reports going up (domain/completeness.h). cmd_report.c parses the
 * options and writes the output; this file computes and acts.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "db.h"
#include "domain/action.h"
#include "domain/completeness.h"
#include "domain/date.h"
#include "domain/lookup.h"
#include "domain/report.h"
#include "domain/submission.h"
#include "domain/tally.h"
#include "msg.h"
#include "paths.h"
#include "store/store.h"

char *
report_completeness(struct db *db, int csv, int64_t document_id,
    int64_t unit_id, int round, int history)
{
	struct completeness c;
	char today[11], *out;

	date_to_iso(date_today(), today);
	if (completeness_build(db, document_id, unit_id, round, today,
	    &c) != 0)
		return NULL;
	out = csv ? completeness_format_csv(&c) :
	    completeness_format_txt(db, &c, history);
	completeness_clear(&c);
	return out;
}

char *
report_actions(struct db *db, int64_t document_id, int64_t unit_id)
{
	struct action_review r;
	char today[11], *out;

	date_to_iso(date_today(), today);
	if (action_review_build(db, document_id, unit_id, today, &r) != 0)
		return NULL;
	out = action_review_txt(&r);
	action_review_clear(&r);
	return out;
}

/* Says on stderr what is still open in report t before it goes up. */
static int
report_open_note(struct db *db, const struct store_tally *t)
{
	struct submission_open o;
	struct tally counts;
	char *text, cutoff[11];
	int rc, final;

	/* The figures the snapshot will keep, as the screen shows them. */
	if (report_counts(db, t->plan_id, t->unit_id, t->round, NULL, &counts,
	    &final, cutoff, NULL) != 0)
		return -1;
	rc = submission_open_items(db, t->plan_id, t->unit_id, &counts,
	    t->assessment, t->proposals, &o);
	tally_clear(&counts);
	if (rc == 0 && (text = submission_open_text(&o)) != NULL) {
		msg_info("Lưu ý: %s", text);
		free(text);
	}
	return rc;
}

int
report_review(struct db *db, const char *kind, int64_t document_id,
    int64_t unit_id, int round, const char *reason)
{
	struct store_tally t;
	int64_t home;
	char today[11], *err = NULL;
	const char *done;
	int rc;

	if (lookup_home_unit(db, &home, &err) != 0) {
		msg_error("%s", err);
		free(err);
		return 1;
	}
	date_to_iso(date_today(), today);
	if (store_tally_get(db, document_id, unit_id, round, &t) != 0) {
		msg_error("%s", db_error(db));
		return 1;
	}
	if (strcmp(kind, "submit") == 0) {
		done = "Đã chốt báo cáo và nộp lên cấp trên";
		rc = t.final ? (db_set_message(db, "Báo cáo đã chốt rồi"), -1) :
		    report_open_note(db, &t) != 0 ? -1 :
		    store_tally_finalize(db, &t, today, paths_login());
	} else if (strcmp(kind, "return") == 0) {
		done = "Đã trả lại báo cáo";
		rc = store_tally_return(db, &t, home, today, paths_login(),
		    reason);
	} else {
		done = "Đã duyệt báo cáo";
		rc = store_tally_accept(db, &t, home, today, paths_login());
	}
	if (rc != 0)
		msg_error("%s", db_error(db));
	else
		msg_info("%s (đợt %d)", done, round);
	store_tally_clear(&t);
	return rc != 0;
}
