/*
 * test_store_essay.c - the essays list, the essay form's reads and
 * writes, and tally report drafts and finals (src/store), on the domain
 * tests' hand-built database (domain_fixture.c says who is who).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/rules.h"
#include "domain/report.h"
#include "domain/tally.h"
#include "domain_fixture.h"
#include "store/store.h"
#include "tap.h"
#include "text/text.h"
#include "xmalloc.h"

#define TODAY	"2021-05-10"

/*
 * The names of one page, comma-separated, into a new string; the page
 * starts after (or before) member after_id named after, or at an end.
 */
static char *
page_names(struct db *db, const struct store_essay_query *q,
    const char *after, int64_t after_id, int dir, int limit)
{
	char *sort = after != NULL ? text_name_sort(after) : NULL;
	struct store_key key = { sort, after_id };
	struct store_essay_row *rows;
	char *s = xstrdup(""), *t;
	int i, n = store_essays_page(db, q, &key, dir, limit, &rows);

	for (i = 0; i < n; i++) {
		t = xasprintf("%s%s%s", s, i > 0 ? "," : "", rows[i].full_name);
		free(s);
		s = t;
	}
	free(sort);
	store_essay_rows_free(&rows, n > 0 ? (size_t)n : 0);
	return n < 0 ? xstrdup("(error)") : s;
}

/* How many rows the filter lists over the commune (pages of 3). */
static int
count_filter(struct db *db, enum store_essay_filter f)
{
	struct store_essay_query q = { FX_D1, 0, FX_C, NULL, f, TODAY };
	struct store_key key = { NULL, 0 };
	struct store_essay_row *rows;
	char *last = NULL;
	int n, total = 0;

	while ((n = store_essays_page(db, &q, &key, STORE_AFTER, 3,
	    &rows)) > 0) {
		total += n;
		free(last);
		last = xstrdup(rows[n - 1].name_sort);
		key.sort = last;
		key.id = rows[n - 1].member_id;
		store_essay_rows_free(&rows, (size_t)n);
	}
	free(last);
	return n < 0 ? -1 : total;
}

/* The state of the one row whose name matches fold; the row in *out. */
static int
row_state(struct db *db, const char *fold, struct store_essay_row **out)
{
	struct store_essay_query q = { FX_D1, 0, FX_C, fold, STORE_ESSAY_ALL,
	    TODAY };
	struct store_key key = { NULL, 0 };
	int n = store_essays_page(db, &q, &key, STORE_AFTER, 5, out);

	if (n != 1) {
		store_essay_rows_free(out, n > 0 ? (size_t)n : 0);
		*out = xcalloc(1, sizeof **out);
		return -1;
	}
	return (*out)->state;
}

static void
test_list(struct db *db)
{
	struct store_essay_query q = { FX_D1, 0, FX_C, NULL, STORE_ESSAY_ALL,
	    TODAY };
	struct store_essay_row *r;
	struct tally t;
	char *s;

	s = page_names(db, &q, NULL, 0, STORE_AFTER, 20);
	tap_is_str(s, "An Ba,Bình Ba,Bình Bốn,An Hai,Bình Hai,An Một,Bình Một,"
	    "Én Một,An Năm,An Sáu", "the commune's party members, by given "
	    "name then family name, guests left out");
	free(s);
	s = page_names(db, &q, "An Một", FX_A1, STORE_AFTER, 3);
	tap_is_str(s, "Bình Một,Én Một,An Năm",
	    "the next page starts after its key");
	free(s);
	s = page_names(db, &q, "An Năm", FX_A5, STORE_BEFORE, 2);
	tap_is_str(s, "Bình Một,Én Một",
	    "the page before comes back in name order");
	free(s);
	q.unit_id = FX_B;
	s = page_names(db, &q, NULL, 0, STORE_AFTER, 20);
	tap_is_str(s, "Bình Ba,Bình Bốn,Bình Hai,Bình Một", "one cell only");
	free(s);
	q.unit_id = 0;
	q.search = "BÌNH h";
	s = page_names(db, &q, NULL, 0, STORE_AFTER, 20);
	tap_is_str(s, "Bình Hai", "search ignores case and diacritics");
	free(s);

	tally_compute(db, FX_D1, FX_C, &t);
	tap_is_int(count_filter(db, STORE_ESSAY_MISSING), t.missing,
	    "'not handed in' lists as many as the tally counts missing");
	tap_is_int(count_filter(db, STORE_ESSAY_LATE), t.late,
	    "'late' lists as many as the tally counts late");
	tap_is_int(count_filter(db, STORE_ESSAY_EXEMPT), t.exempt,
	    "'exempt' lists as many as the tally counts exempt");
	tap_is_int(count_filter(db, STORE_ESSAY_SUBMITTED), t.wrote,
	    "'handed in' lists as many as the tally counts wrote");
	tally_clear(&t);
	tap_is_int(count_filter(db, STORE_ESSAY_LATE), 2 + 1,
	    "late: an sau, binh hai (self-study), binh bon");

	tap_is_int(row_state(db, "an hai", &r), ESSAY_SUBMITTED_LATE,
	    "handed in after the due date of the make-up session");
	tap_is_str(r->due_on, "2021-04-27",
	    "due 7 days after the session attended");
	store_essay_rows_free(&r, 1);
	tap_is_int(row_state(db, "en mot", &r), ESSAY_NOT_DUE,
	    "no session held yet: not due");
	tap_is_str(r->due_on, "", "and no due date");
	store_essay_rows_free(&r, 1);
	tap_is_int(row_state(db, "an ba", &r), ESSAY_SUBMITTED,
	    "a retired member who wrote anyway shows as handed in");
	tap_is_int(r->must_write, 0, "but is exempt");
	tap_is_str(r->reason, "Hưu trí", "for the rule's reason");
	store_essay_rows_free(&r, 1);
}

static void
test_essay(struct db *db)
{
	struct store_essay e;
	struct tally before, after;
	struct store_essay_row *r;

	tap_is_int(store_essay_get(db, FX_D1, FX_A2, &e), 0,
	    "an essay is read");
	tap_is_int(e.id, 301, "the one recorded under the commune's plan");
	tap_is_int(e.document_id, FX_D2, "and stays under that plan");
	tap_is_str(e.studied_on, "2021-04-20",
	    "it follows the make-up session");
	tap_ok(store_essay_check_date(&e, "2021-04-19", TODAY) != NULL &&
	    strstr(store_essay_check_date(&e, "2021-04-19", TODAY),
	    "20/04/2021") != NULL, "a date before the session is refused, "
	    "naming the session's date");
	tap_ok(store_essay_check_date(&e, "2021-05-11", TODAY) != NULL,
	    "a date after today is refused");
	tap_ok(store_essay_check_date(&e, "2021-04-20", TODAY) == NULL &&
	    store_essay_check_date(&e, TODAY, TODAY) == NULL,
	    "the session's day and today are accepted");
	store_essay_clear(&e);
	tap_is_int(store_essay_get(db, FX_D1, 999, &e), -1, "no such member");

	/* An empty row (an sau) is filled in. */
	tally_compute(db, FX_D1, FX_C, &before);
	store_essay_get(db, FX_D1, FX_A6, &e);
	tap_is_int(e.id, 305, "an existing row without a date is found");
	free(e.submitted_on);
	e.submitted_on = xstrdup("2021-05-01");
	free(e.grade);
	e.grade = xstrdup("good");
	free(e.awareness);
	e.awareness = xstrdup("Nhận thức rõ hơn");	/* decomposed marks */
	tap_is_int(store_essay_save(db, &e), 0, "the essay is saved");
	tap_is_int(e.id, 305, "in the same row");
	store_essay_clear(&e);
	tally_compute(db, FX_D1, FX_C, &after);
	tap_is_int(after.wrote, before.wrote + 1,
	    "the tally counts one more essay");
	tap_is_int(after.late, before.late - 1, "and one fewer late");
	tally_clear(&after);
	tap_is_int(row_state(db, "an sau", &r), ESSAY_SUBMITTED_LATE,
	    "the list shows it handed in late");
	tap_is_str(r->grade, "good", "with its grade");
	store_essay_rows_free(&r, 1);
	store_essay_get(db, FX_D1, FX_A6, &e);
	tap_is_str(e.awareness, "Nhận thức rõ hơn", "text is stored in NFC");
	store_essay_clear(&e);

	/* A first essay for a member with none. */
	store_essay_get(db, FX_D1, FX_E1, &e);
	tap_is_int(e.id, 0, "no essay yet");
	tap_is_int(e.document_id, FX_D1,
	    "a new one goes under the plan asked for");
	free(e.submitted_on);
	e.submitted_on = xstrdup("2021-05-02");
	tap_is_int(store_essay_save(db, &e), 0, "a new essay is saved");
	tap_ok(e.id != 0, "and gets an id");
	tap_is_int(db_int(db, 0, "SELECT count(*) FROM sync_outbox WHERE "
	    "tbl = 'essay' AND row_id = ?1", 1, e.id), 1,
	    "the write waits to be sent to the province");
	store_essay_clear(&e);
	tally_compute(db, FX_D1, FX_C, &after);
	tap_is_int(after.wrote, before.wrote + 2, "the tally counts it too");
	tally_clear(&after);
	tally_clear(&before);
}

static void
test_proposals(struct db *db)
{
	struct store_proposal *p;
	int n;

	n = store_proposals_list(db, FX_D1, FX_C, 10, &p);
	tap_is_int(n, 3, "members' proposals of the plans, not of other plans");
	if (n == 3) {
		tap_is_str(p[0].full_name, "An Ba", "by cell, then name");
		tap_is_str(p[2].text, "Nước sạch", "with their text");
	}
	store_proposals_free(&p, n > 0 ? (size_t)n : 0);
	n = store_proposals_list(db, FX_D1, FX_C, 2, &p);
	tap_is_int(n, 2, "at most max");
	store_proposals_free(&p, (size_t)n);
}

static void
test_tally(struct db *db)
{
	struct store_tally t;
	struct tally now;
	struct report r;

	tap_is_int(store_tally_get(db, FX_D1, FX_A, 1, &t), 0,
	    "a report is read");
	tap_ok(t.id == 0 && !t.final, "none yet: a new draft");
	free(t.assessment);
	t.assessment = xstrdup("Các bài viết nghiêm túc");
	tap_is_int(store_tally_save(db, &t), 0, "the draft is saved");
	tap_ok(t.id != 0, "with an id");
	store_tally_clear(&t);
	store_tally_get(db, FX_D1, FX_A, 1, &t);
	tap_is_str(t.assessment, "Các bài viết nghiêm túc", "and read back");
	tap_is_int(store_tally_finalize(db, &t, TODAY, "test"), 0,
	    "it is marked final");
	tally_compute_at(db, FX_D1, FX_A, TODAY, &now);
	tap_ok(t.final && strcmp(t.finalized_on, TODAY) == 0,
	    "final as of today");
	tap_is_int(report_build(db, FX_D1, FX_A, 1, TODAY, 0, &r), 0,
	    "the final report is built");
	tap_ok(r.final && r.counts.total_members == now.total_members &&
	    r.counts.wrote == now.wrote && r.counts.exempt == now.exempt &&
	    r.counts.missing == now.missing && r.counts.nreasons ==
	    now.nreasons, "its counts are the snapshot of the live ones");
	tap_is_int(r.counts.total_members, 5, "the snapshot is stored: 5 "
	    "party members in cell A");
	report_clear(&r);
	tally_clear(&now);
	/* An essay recorded after the report was made final. */
	db_exec(db, "INSERT INTO essay(id, document_id, member_id, submitted_on)"
	    " VALUES (399, 101, 15, '" TODAY "')");
	tally_compute_at(db, FX_D1, FX_A, TODAY, &now);
	report_build(db, FX_D1, FX_A, 1, TODAY, 0, &r);
	tap_ok(now.wrote == r.counts.wrote + 1 && r.final,
	    "an essay recorded later changes the live count, not the final "
	    "report's");
	report_clear(&r);
	tally_clear(&now);
	db_exec(db, "DELETE FROM essay WHERE id = 399");
	store_tally_clear(&t);
	store_tally_get(db, FX_D1, FX_A, 1, &t);
	tap_ok(t.final, "the row is final");
	free(t.assessment);
	t.assessment = xstrdup("Sửa sau khi chốt");
	tap_is_int(store_tally_save(db, &t), -1,
	    "a final report cannot be edited");
	tap_ok(strstr(db_error(db), "đã chốt") != NULL,
	    "and the clerk is told why");
	tap_is_int(store_tally_finalize(db, &t, TODAY, "test"), -1,
	    "nor finalised twice");
	store_tally_clear(&t);
	store_tally_get(db, FX_D1, FX_A, 1, &t);
	tap_is_str(t.assessment, "Các bài viết nghiêm túc",
	    "the text is unchanged");
	store_tally_clear(&t);
	store_tally_get(db, FX_D1, FX_A, 2, &t);
	tap_ok(t.id == 0 && !t.final, "round 2 is a report of its own");
	store_tally_clear(&t);
}

int
main(void)
{
	struct db *db = fixture_open();

	test_list(db);
	test_essay(db);
	test_proposals(db);
	test_tally(db);
	fixture_close(&db);
	return tap_done();
}
