/*
 * test_store_session.c - sessions, attendance, make-up lists and the home
 * screen's counts in src/store.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "store/store.h"
#include "scratch_db.h"
#include "tap.h"
#include "xmalloc.h"

/* A commune (1), a cell (2) with 4 members (one guest), a plan (10). */
static struct db *
fixture(const char *path)
{
	return scratch_db(path,
	    "INSERT INTO unit(id, parent_id, kind, code, name, name_fold)"
	    " VALUES (1, NULL, 'commune', 'X', 'Xã', 'xa'),"
	    " (2, 1, 'cell', 'A', 'Chi bộ A', 'chi bo a');"
	    "INSERT INTO member(id, unit_id, full_name, name_fold, status) VALUES"
	    " (21, 2, 'An', 'an', 'active'), (22, 2, 'Bình', 'binh', 'active'),"
	    " (23, 2, 'Cúc', 'cuc', 'retired'), (24, 2, 'Dũng', 'dung', 'guest');"
	    "INSERT INTO document(id, owner_unit_id, number, kind, issuer,"
	    " issued_on, title) VALUES (10, 1, '01-KH/ĐU', 'KH', 'Đảng ủy',"
	    " '2021-03-01', 'Kế hoạch học tập');"
	    "INSERT INTO plan_session(id, document_id, level, ordinal, title,"
	    " deadline) VALUES (100, 10, 'cell', 1, 'Sinh hoạt chi bộ',"
	    " '2021-04-30');"
	    "INSERT INTO report_deadline(id, document_id, round, due_on)"
	    " VALUES (200, 10, 1, '2021-05-20')");
}

static int
page_count(struct db *db, int64_t session, struct store_attendee **rows)
{
	struct store_key start = { NULL, 0 };

	return store_attendees_page(db, session, &start, STORE_AFTER, 50, rows);
}

/* A plan of the commune's own carrying out plan 10, and what it asks. */
static void
test_documents(struct db *db)
{
	struct store_document d;
	struct store_plan_session p;
	struct store_plan_session *items;
	struct store_plan_info info;
	int n;

	memset(&d, 0, sizeof d);
	d.owner_unit_id = 1;
	d.parent_id = 10;
	d.number = (char *)"02-KH/ĐU";
	d.kind = (char *)"KH";
	d.issuer = (char *)"Đảng ủy xã";
	d.issued_on = (char *)"2021-04-01";
	d.title = (char *)"Kế hoạch của xã";
	tap_is_int(store_document_save(db, &d), 0, "a plan is saved");
	tap_ok(store_document_number_used(db, 1, "02-KH/ĐU", 0),
	    "its number is taken for another document of the unit");
	tap_ok(!store_document_number_used(db, 1, "02-KH/ĐU", d.id),
	    "but not for itself");
	memset(&p, 0, sizeof p);
	p.level = (char *)"cell";
	p.title = (char *)"Sinh hoạt chi bộ";
	p.form = (char *)"in_person";
	p.half_days = 1;
	p.deadline = (char *)"2021-06-30";
	p.deadline_text = (char *)"";
	store_plan_session_save(db, d.id, &p);
	p.id = 0;
	p.deadline = (char *)"";
	tap_is_int(store_plan_session_save(db, d.id, &p), 0,
	    "a session without a deadline date is kept");
	n = store_plan_sessions(db, d.id, 0, &items);
	tap_is_int(n, 2, "the plan asks two sessions");
	tap_is_int(n == 2 ? items[1].ordinal : 0, 2, "numbered in order");
	store_plan_sessions_free(&items, n > 0 ? (size_t)n : 0);
	memset(&info, 0, sizeof info);
	store_plan_info_get(db, 10, 1, "2021-05-10", &info);
	tap_is_int(info.children, 1, "the parent plan knows one plan carries it out");
	tap_is_str(info.report_due, "2021-05-20", "and its next report deadline");
	store_plan_info_clear(&info);
	store_plan_info_get(db, d.id, 1, "2021-05-10", &info);
	tap_is_str(info.parent, "01-KH/ĐU", "the child names its parent");
	store_plan_info_clear(&info);
}

/*
 * A province plan asking the district, the commune and its cells: each
 * unit is shown its own level's deadline first, never a level above.
 */
static void
test_unit_deadline(struct db *db)
{
	struct store_plan *plans;
	struct store_plan_session *items;
	struct store_plan_info info;
	int i, n;
	const char *due = NULL;

	db_exec(db, "INSERT INTO document(id, owner_unit_id, number, kind,"
	    " issuer, issued_on, title) VALUES (11, 1, '13-KH/TU', 'KH',"
	    " 'Tỉnh ủy', '2021-03-05', 'Kế hoạch tỉnh');"
	    "INSERT INTO plan_session(id, document_id, level, ordinal, title,"
	    " deadline) VALUES (110, 11, 'district', 1, 'Cấp huyện', '2021-05-15'),"
	    " (111, 11, 'commune', 1, 'Cấp cơ sở', '2021-05-31'),"
	    " (112, 11, 'cell', 1, 'Chi bộ', '2021-05-20');"
	    "INSERT INTO report_deadline(id, document_id, round, level, due_on)"
	    " VALUES (210, 11, 1, 'district', '2021-05-12'),"
	    " (211, 11, 1, 'cell', '2021-05-22')");
	n = store_plans_list(db, 1, "2021-05-10", &plans);
	for (i = 0; i < n; i++)
		if (plans[i].id == 11)
			due = plans[i].next_deadline;
	tap_is_str(due, "2021-05-31", "the commune's deadline is its own, "
	    "not the district's earlier one nor its cells'");
	store_plans_free(&plans, n > 0 ? (size_t)n : 0);
	due = NULL;
	n = store_plans_list(db, 2, "2021-05-10", &plans);
	for (i = 0; i < n; i++)
		if (plans[i].id == 11)
			due = plans[i].next_deadline;
	tap_is_str(due, "2021-05-20", "a cell's is the cells' deadline");
	store_plans_free(&plans, n > 0 ? (size_t)n : 0);
	memset(&info, 0, sizeof info);
	store_plan_info_get(db, 11, 1, "2021-05-10", &info);
	tap_is_str(info.unit_due, "2021-05-31", "the plan's screen has the same date");
	tap_is_str(info.report_due, "2021-05-22",
	    "and the report its cells send, not the district's");
	store_plan_info_clear(&info);
	store_plan_info_get(db, 11, 1, "2021-05-21", &info);
	tap_is_str(info.unit_due, "2021-05-31", "a passed date of a level "
	    "below does not hide the unit's own");
	store_plan_info_clear(&info);
	n = store_plan_sessions(db, 11, 1, &items);
	tap_is_str(n == 3 ? items[0].level : "", "commune",
	    "the plan lists what it asks of the unit's own level first");
	store_plan_sessions_free(&items, n > 0 ? (size_t)n : 0);
}

int
main(void)
{
	char path[] = "/tmp/test_store_session.XXXXXX";
	struct store_session s, makeup, got;
	struct store_attendee *rows;
	struct store_plan *plans;
	struct store_home h;
	struct db *db;
	int fd = mkstemp(path), n;

	close(fd);
	/* The tally behind the home screen's counts reads the same today. */
	setenv("QUANTRIET_TODAY", "2021-05-10", 1);
	db = fixture(path);

	memset(&h, 0, sizeof h);
	store_home_get(db, 1, "2021-05-10", &h);
	tap_is_int(h.sessions_overdue, 1, "home: the cell has not held the session due 30/04");
	tap_is_str(h.next_deadline, "2021-05-20", "home: the next deadline is the report");
	tap_is_int(h.campaigns, 1, "home: one plan in progress");
	store_home_clear(&h);

	memset(&s, 0, sizeof s);
	s.document_id = 10;
	s.plan_session_id = 100;
	s.unit_id = 2;
	s.title = (char *)"Sinh hoạt chi bộ tháng 4";
	s.held_on = (char *)"2021-04-20";
	s.form = (char *)"in_person";
	tap_is_int(store_session_save(db, &s), 0, "a session is saved");
	n = store_plans_list(db, 1, "2021-05-10", &plans);
	tap_is_int(n, 1, "the plan is listed for the commune");
	tap_is_int(plans[0].sessions_planned, 1, "with one session planned");
	store_plans_free(&plans, (size_t)n);

	n = page_count(db, s.id, &rows);
	tap_is_int(n, 4, "the cell's members and its guest are expected");
	store_attendees_free(&rows, (size_t)n);
	store_attendance_set(db, s.id, 21, "present", NULL);
	store_attendance_set(db, s.id, 22, "absent", "Ốm");
	store_attendance_set(db, s.id, 23, "self_study", NULL);
	store_attendance_set(db, s.id, 24, "present", NULL);
	store_session_get(db, s.id, &got);
	store_session_counts(db, &got);
	tap_is_int(got.present, 2, "two present");
	tap_is_int(got.absent, 1, "one absent");
	tap_is_int(got.expected, 4, "four expected");
	tap_is_str(got.status, "held", "marking attendance marks the session held");
	store_session_clear(&got);
	tap_is_int(store_attendance_set(db, s.id, 21, "absent", ""), 0, "a mark can be changed");
	tap_is_int(store_attendance_set(db, s.id, 21, "present", ""), 0, "and changed back");
	tap_ok(store_attendance_set(db, s.id, 21, "asleep", "") != 0, "an unknown mark is refused");

	memset(&h, 0, sizeof h);
	store_home_get(db, 1, "2021-05-10", &h);
	tap_is_int(h.sessions_overdue, 0, "home: nothing overdue once held");
	tap_is_int(h.essays_missing, 2, "home: two essays late, as the tally counts them (the absent member still owes one; retired, guest: exempt)");
	store_home_clear(&h);

	memset(&makeup, 0, sizeof makeup);
	makeup.document_id = 10;
	makeup.unit_id = 2;
	makeup.title = (char *)"Học bù";
	makeup.held_on = (char *)"2021-05-08";
	makeup.form = (char *)"online";
	makeup.bridge_point = (char *)"Nhà văn hóa";
	makeup.makeup_of = s.id;
	tap_is_int(store_session_save(db, &makeup), 0, "a make-up session is saved");
	n = page_count(db, makeup.id, &rows);
	tap_is_int(n, 2, "it expects those not present, members only");
	tap_is_str(n > 0 ? rows[0].full_name : NULL, "Bình", "the absent member first");
	store_attendees_free(&rows, (size_t)n);
	store_attendance_set(db, makeup.id, 22, "present", NULL);
	memset(&s, 0, sizeof s);
	s.document_id = 10;
	s.unit_id = 2;
	s.title = (char *)"Học bù lần 2";
	s.held_on = (char *)"2021-05-19";
	s.form = (char *)"in_person";
	s.makeup_of = makeup.id;
	store_session_save(db, &s);
	n = page_count(db, s.id, &rows);
	tap_is_int(n, 1, "a second make-up leaves out who came to either");
	store_attendees_free(&rows, (size_t)n);
	/* Today is 10/05: the second make-up of 19/05 has not happened. */
	tap_ok(store_attendance_set(db, s.id, 21, "present", NULL) != 0 &&
	    strstr(db_error(db), "Buổi học ngày 19/05/2021 chưa diễn ra") != NULL,
	    "attendance for a session after today is refused, saying why");
	tap_ok(store_attendance_fill_present(db, s.id) < 0,
	    "and so is marking everyone present");
	tap_is_int(db_int(db, -1, "SELECT count(*) FROM attendance WHERE"
	    " session_id = ?1", 1, s.id), 0, "nothing was written");
	s.status = (char *)"held";
	tap_ok(store_session_save(db, &s) != 0, "nor can it be saved as held");
	s.status = NULL;

	test_documents(db);
	test_unit_deadline(db);
	db_close(&db);
	unlink(path);
	return tap_done();
}
