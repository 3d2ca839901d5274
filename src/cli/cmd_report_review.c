/*
 * cmd_report_review.c - quantriet report completeness, accept, return:
 * reports going up (domain/completeness.h). cmd_report.c parses the
 * options and writes the output; this file computes and acts.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "db.h"
#include "domain/completeness.h"
#include "domain/date.h"
#include "domain/lookup.h"
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

int
report_review(struct db *db, int64_t document_id, int64_t unit_id,
    int round, const char *reason)
{
	struct store_tally t;
	int64_t home;
	char today[11], *err = NULL;
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
	rc = reason != NULL ? store_tally_return(db, &t, home, today,
	    paths_login(), reason) : store_tally_accept(db, &t, home, today,
	    paths_login());
	if (rc != 0)
		msg_error("%s", db_error(db));
	else
		msg_info("%s báo cáo đợt %d", reason != NULL ? "Đã trả lại" :
		    "Đã duyệt", round);
	store_tally_clear(&t);
	return rc != 0;
}
