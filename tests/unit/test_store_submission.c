/*
 * test_store_submission.c - reports going up: a cell's report made final
 * is submitted on time or late, the commune returns it with a reason
 * (Home below sees it), the cell resubmits and the commune accepts it;
 * the history keeps every step; only a unit above may review; the
 * completeness totals add up; a form that does not add up is refused.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "domain/completeness.h"
#include "domain/submission.h"
#include "store/store.h"
#include "scratch_db.h"
#include "tap.h"

static struct db *db;

/*
 * A commune (2) under a province (1) with three cells (3, 4, 5) of two
 * members each, one of them retired; the commune's plan (11) asks the
 * cells to report round 1 by 24/04/2021; cell 5 has a make-up session
 * still planned.
 */
static void
fixture(const char *path)
{
	db = scratch_db(path, "INSERT INTO unit(id, parent_id, kind, code, name,"
	    " name_fold) VALUES (1, NULL, 'province', 'P', 'Tỉnh', 'tinh'),"
	    " (2, 1, 'commune', 'X', 'Xã', 'xa'),"
	    " (3, 2, 'cell', 'A', 'Chi bộ A', 'chi bo a'),"
	    " (4, 2, 'cell', 'B', 'Chi bộ B', 'chi bo b'),"
	    " (5, 2, 'cell', 'C', 'Chi bộ C', 'chi bo c');"
	    "INSERT INTO member(id, unit_id, full_name, name_fold, status) VALUES"
	    " (31, 3, 'An', 'an', 'active'), (32, 3, 'Bình', 'binh', 'retired'),"
	    " (41, 4, 'Cúc', 'cuc', 'active'), (42, 4, 'Dũng', 'dung', 'active'),"
	    " (51, 5, 'Em', 'em', 'active'), (52, 5, 'Giang', 'giang', 'active');"
	    "INSERT INTO document(id, owner_unit_id, number, kind, issuer,"
	    " issued_on, title) VALUES (11, 2, '08-KH/ĐU', 'KH', 'Đảng ủy',"
	    " '2021-03-10', 'Kế hoạch xã');"
	    "INSERT INTO report_deadline(id, document_id, round, level, due_on)"
	    " VALUES (12, 11, 1, 'cell', '2021-04-24');"
	    "INSERT INTO session(id, document_id, unit_id, title, held_on, status)"
	    " VALUES (61, 11, 5, 'Sinh hoạt', '2021-04-10', 'held'),"
	    " (62, 11, 5, 'Học bù', '2021-05-02', 'planned');"
	    "UPDATE session SET makeup_of = 61 WHERE id = 62;"
	    "DELETE FROM sync_outbox");
}

static int64_t
num(const char *sql)
{
	return db_int(db, -1, sql, 0);
}

/* The status of unit in the completeness of round 1 as of today. */
static int
status_of(int64_t unit, const char *today, struct completeness *c)
{
	size_t i;

	if (completeness_build(db, 11, 2, 1, today, c) != 0)
		return -1;
	for (i = 0; i < c->nunits; i++)
		if (c->units[i].unit_id == unit)
			return (int)c->units[i].status;
	return -1;
}

/* expected = on time + late + missing + returned + accepted, and more. */
static int
adds_up(const struct completeness *c)
{
	int64_t sum = 0;
	size_t k;

	for (k = 0; k < COMPLETENESS_NSTATUS; k++)
		sum += c->count[k];
	return sum == c->expected && c->expected == (int64_t)c->nunits &&
	    c->submitted == c->count[COMPLETENESS_ON_TIME] +
	    c->count[COMPLETENESS_LATE] + c->count[COMPLETENESS_ACCEPTED];
}

/* Makes the report of unit final on day, as the cell's clerk. */
static int
submit(int64_t unit, const char *day, struct store_tally *t)
{
	store_tally_clear(t);
	if (store_tally_get(db, 11, unit, 1, t) != 0)
		return -1;
	return store_tally_finalize(db, t, day, "bithu");
}

static void
test_round(void)
{
	struct completeness c;
	struct store_tally a, b, x;
	struct store_returned *ret;
	struct submission_event *ev;
	int n;

	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	memset(&x, 0, sizeof x);
	tap_is_int(status_of(3, "2021-04-20", &c), COMPLETENESS_MISSING,
	    "nothing sent: missing");
	tap_ok(c.expected == 3 && c.count[COMPLETENESS_MISSING] == 3 &&
	    adds_up(&c), "three cells expected, three missing");
	tap_ok(c.units[0].has_days && c.units[0].days == 4,
	    "four days left before the deadline");
	tap_ok(!c.units[0].counts_final && c.units[0].counts.total_members == 2,
	    "live figures while not sent");
	completeness_clear(&c);

	tap_is_int(submit(3, "2021-04-22", &a), 0, "cell A makes its report final");
	tap_is_int(submit(4, "2021-04-26", &b), 0, "cell B, two days late");
	tap_is_int(status_of(3, "2021-04-28", &c), COMPLETENESS_ON_TIME,
	    "A is on time");
	tap_ok(c.units[1].status == COMPLETENESS_LATE && c.units[1].days == 2,
	    "B is late by two days");
	tap_ok(c.units[2].status == COMPLETENESS_MISSING &&
	    c.units[2].days == -4, "C is missing, four days overdue");
	tap_ok(c.submitted == 2 && c.submitted_on_time == 1 && adds_up(&c),
	    "two submitted, one on time; the totals add up");
	tap_ok(c.units[0].counts_final, "a submitted report's figures are its snapshot");
	completeness_clear(&c);

	/* Who may review. */
	tap_is_int(store_tally_accept(db, &a, 3, "2021-04-28", "bithu"), -1,
	    "a cell cannot accept its own report");
	tap_is_int(store_tally_return(db, &a, 2, "2021-04-28", "vp", ""), -1,
	    "a return needs a reason");
	store_tally_get(db, 11, 5, 1, &x);
	tap_is_int(store_tally_accept(db, &x, 2, "2021-04-28", "vp"), -1,
	    "a report never sent cannot be accepted");
	store_tally_clear(&x);
	store_tally_get(db, 11, 2, 1, &x);
	store_tally_finalize(db, &x, "2021-04-28", "vp");
	tap_is_int(store_tally_accept(db, &x, 2, "2021-04-28", "vp"), -1,
	    "the commune cannot accept its own report");
	tap_is_int(store_tally_accept(db, &x, 1, "2021-04-29", "tinh"), 0,
	    "the province can");
	store_tally_clear(&x);

	tap_is_int(store_tally_return(db, &a, 2, "2021-04-28", "vp",
	    "Thiếu đánh giá mục 5"), 0, "the commune returns A's report");
	tap_ok(!a.final && num("SELECT count(*) FROM tally_report WHERE id ="
	    " (SELECT report_id FROM tally_event WHERE action = 'return') AND"
	    " status = 'draft' AND total_members IS NULL") == 1,
	    "it is a draft again below, without its snapshot");
	tap_is_int(status_of(3, "2021-04-28", &c), COMPLETENESS_RETURNED,
	    "A is returned");
	tap_ok(strcmp(c.units[0].reason, "Thiếu đánh giá mục 5") == 0 &&
	    adds_up(&c), "with the reason; the totals still add up");
	completeness_clear(&c);
	n = store_returned_list(db, 3, 5, &ret);
	tap_ok(n == 1 && ret[0].unit_id == 3 && ret[0].round == 1 &&
	    strcmp(ret[0].reason, "Thiếu đánh giá mục 5") == 0 &&
	    strcmp(ret[0].who, "vp") == 0, "Home of the cell shows why");
	store_returned_free(&ret, n > 0 ? (size_t)n : 0);
	n = store_returned_list(db, 4, 5, &ret);
	tap_is_int(n, 0, "Home of another cell shows nothing");
	store_returned_free(&ret, 0);

	tap_is_int(submit(3, "2021-04-29", &a), 0, "A resubmits");
	n = store_returned_list(db, 3, 5, &ret);
	tap_is_int(n, 0, "and Home no longer lists it");
	store_returned_free(&ret, 0);
	tap_is_int(status_of(3, "2021-04-29", &c), COMPLETENESS_LATE,
	    "resubmitted after the deadline: late");
	completeness_clear(&c);
	tap_is_int(store_tally_accept(db, &a, 2, "2021-04-30", "vp"), 0,
	    "the commune accepts it");
	tap_is_int(store_tally_accept(db, &a, 2, "2021-04-30", "vp"), -1,
	    "once");
	tap_is_int(status_of(3, "2021-04-30", &c), COMPLETENESS_ACCEPTED,
	    "A is accepted");
	tap_ok(c.count[COMPLETENESS_ACCEPTED] == 1 && c.submitted == 2 &&
	    adds_up(&c), "accepted counts as submitted");
	completeness_clear(&c);

	n = submission_history(db, a.id, &ev);
	tap_is_int(n, 4, "A's history has four lines");
	tap_ok(n == 4 && ev[0].action == SUBMISSION_FINAL && !ev[0].again &&
	    ev[1].action == SUBMISSION_RETURN && ev[2].action ==
	    SUBMISSION_FINAL && ev[2].again && ev[3].action ==
	    SUBMISSION_ACCEPT, "submitted, returned, resubmitted, accepted");
	tap_ok(n == 4 && strcmp(ev[1].at, "2021-04-28") == 0 &&
	    strcmp(ev[1].who, "vp") == 0 && strcmp(ev[2].who, "bithu") == 0,
	    "with dates and who");
	tap_ok(n == 4 && strcmp(submission_event_name(&ev[2]),
	    "chốt và nộp lại") == 0, "the second submission reads as a resubmission");
	submission_history_free(&ev, n > 0 ? (size_t)n : 0);
	tap_is_int(num("SELECT count(*) FROM sync_outbox WHERE tbl ="
	    " 'tally_event' AND op = 'put'"), 7,
	    "every step is queued for the province");
	store_tally_clear(&a);
	store_tally_clear(&b);
}

static void
test_open_items(void)
{
	struct tally t;
	struct submission_open o;
	char *text;

	memset(&t, 0, sizeof t);
	t.total_members = 10;
	t.wrote = 6;
	t.exempt = 2;
	t.missing = 2;
	tap_ok(submission_adds_up(&t), "10 = 6 + 2 + 2 adds up");
	t.exempt = 3;
	tap_ok(!submission_adds_up(&t), "10 = 6 + 3 + 2 does not");
	t.exempt = 2;
	tap_is_int(submission_open_items(db, 11, 5, &t, "", "Đề xuất", &o), 0,
	    "open items of cell C");
	tap_ok(o.not_yet == 2 && o.unheld == 1 && o.makeups == 1 &&
	    o.no_assessment && !o.no_proposals && o.adds_up,
	    "two essays not in, a make-up still planned, item 5 empty");
	text = submission_open_text(&o);
	tap_ok(text != NULL && strcmp(text, "Còn 2 đảng viên chưa nộp bài thu "
	    "hoạch; 1 buổi học bù còn đang lên lịch; mục 5 chưa nhập") == 0,
	    "said in one sentence");
	free(text);
	o.not_yet = o.unheld = o.makeups = 0;
	o.no_assessment = 0;
	tap_ok((text = submission_open_text(&o)) == NULL, "nothing open: no sentence");
	free(text);
}

int
main(void)
{
	char path[] = "/tmp/test_store_submission.XXXXXX";
	int fd = mkstemp(path);

	close(fd);
	setenv("QUANTRIET_TODAY", "2021-04-30", 1);
	fixture(path);
	test_round();
	test_open_items();
	db_close(&db);
	unlink(path);
	return tap_done();
}
