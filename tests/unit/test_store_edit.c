/*
 * test_store_edit.c - putting mistakes right in src/store: editing and
 * deleting sessions, plan items, documents and members, marking everyone
 * present, and reopening a final tally report with a reason. Every delete
 * must reach the province: each row removed is queued as a tombstone.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "domain/submission.h"
#include "store/store.h"
#include "scratch_db.h"
#include "tap.h"
#include "xmalloc.h"

static struct db *db;

/*
 * A province (1) above a commune (2) with a cell (3) of three members and
 * a guest; a province plan (10) and the commune's plan (11) carrying it
 * out, with one item (110).
 */
static void
fixture(const char *path)
{
	db = scratch_db(path, "INSERT INTO unit(id, parent_id, kind, code, name,"
	    " name_fold) VALUES (1, NULL, 'province', 'P', 'Tỉnh', 'tinh'),"
	    " (2, 1, 'commune', 'X', 'Xã', 'xa'),"
	    " (3, 2, 'cell', 'A', 'Chi bộ A', 'chi bo a');"
	    "INSERT INTO member(id, unit_id, full_name, name_fold, status) VALUES"
	    " (31, 3, 'An', 'an', 'active'), (32, 3, 'Bình', 'binh', 'active'),"
	    " (33, 3, 'Cúc', 'cuc', 'active'), (34, 3, 'Dũng', 'dung', 'guest');"
	    "INSERT INTO document(id, owner_unit_id, number, kind, issuer,"
	    " issued_on, title, parent_id) VALUES (10, 1, '13-KH/TU', 'KH',"
	    " 'Tỉnh ủy', '2021-03-01', 'Kế hoạch tỉnh', NULL), (11, 2,"
	    " '08-KH/ĐU', 'KH', 'Đảng ủy', '2021-03-10', 'Kế hoạch xã', 10);"
	    "INSERT INTO plan_session(id, document_id, level, ordinal, title,"
	    " deadline) VALUES (110, 11, 'cell', 1, 'Sinh hoạt chi bộ',"
	    " '2021-05-15');"
	    "DELETE FROM sync_outbox");
}

static int64_t
num(const char *sql)
{
	return db_int(db, -1, sql, 0);
}

/* 1 if the row of tbl is queued for the province as deleted. */
static int
tombstone(const char *tbl, int64_t id)
{
	char *sql = xasprintf("SELECT count(*) FROM sync_outbox WHERE tbl = '%s'"
	    " AND row_id = %lld AND op = 'del'", tbl, (long long)id);
	int64_t n = num(sql);

	free(sql);
	return n == 1;
}

static int64_t
new_session(const char *held_on, int64_t makeup_of)
{
	struct store_session s;

	memset(&s, 0, sizeof s);
	s.document_id = 11;
	s.plan_session_id = 110;
	s.unit_id = 3;
	s.title = (char *)"Sinh hoạt chi bộ tháng 5";
	s.held_on = (char *)held_on;
	s.form = (char *)"in_person";
	s.makeup_of = makeup_of;
	if (store_session_save(db, &s) != 0)
		return 0;
	return s.id;
}

static void
test_sessions(void)
{
	struct store_session s;
	int64_t id = new_session("2021-05-10", 0), makeup, marks;

	memset(&s, 0, sizeof s);
	store_session_get(db, id, &s);
	free(s.held_on);
	s.held_on = xstrdup("2021-05-08");
	tap_is_int(store_session_save(db, &s), 0, "a session's date is edited");
	store_session_clear(&s);
	store_session_get(db, id, &s);
	tap_is_str(s.held_on, "2021-05-08", "and read back");

	store_attendance_set(db, id, 32, "absent", "Ốm");
	tap_is_int(store_attendance_fill_present(db, id), 3,
	    "everyone present fills the three unmarked");
	tap_is_int(num("SELECT count(*) FROM attendance WHERE member_id = 32"
	    " AND status = 'absent'"), 1, "the absence marked before stays");
	tap_is_int(store_attendance_fill_present(db, id), 0,
	    "a second time marks nobody");

	free(s.status);
	s.status = xstrdup("cancelled");
	tap_is_int(store_session_save(db, &s), -1,
	    "a session with attendance cannot be cancelled");
	tap_ok(strstr(db_error(db), "4 lượt điểm danh") != NULL,
	    "and the clerk is told why: %s", db_error(db));
	store_session_clear(&s);

	makeup = new_session("2021-05-20", id);
	tap_is_int(store_session_delete(db, id), -1,
	    "a session followed by a make-up session is not deleted");
	tap_is_int(store_session_delete(db, makeup), 0, "the make-up is deleted");
	marks = num("SELECT id FROM attendance WHERE member_id = 31");
	db_exec(db, "DELETE FROM sync_outbox");
	tap_is_int(store_session_delete(db, id), 0, "then the session");
	tap_is_int(num("SELECT count(*) FROM attendance"), 0,
	    "its attendance went with it");
	tap_ok(tombstone("session", id) && tombstone("attendance", marks),
	    "the session and its attendance are queued as deleted");

	id = new_session("2021-05-13", 0);
	memset(&s, 0, sizeof s);
	store_session_get(db, id, &s);
	free(s.status);
	s.status = xstrdup("cancelled");
	tap_is_int(store_session_save(db, &s), 0,
	    "a session nobody attended is cancelled");
	store_session_clear(&s);
}

static void
test_plan_items(void)
{
	struct store_plan_session p;
	int64_t session = new_session("2021-05-09", 0);

	memset(&p, 0, sizeof p);
	p.id = 110;
	p.level = (char *)"cell";
	p.title = (char *)"Sinh hoạt chuyên đề";
	p.form = (char *)"online";
	p.half_days = 2;
	p.deadline = (char *)"2021-05-31";
	p.deadline_text = (char *)"";
	tap_is_int(store_plan_session_save(db, 11, &p), 0, "an item is edited");
	tap_is_int(num("SELECT count(*) FROM plan_session WHERE id = 110 AND"
	    " title = 'Sinh hoạt chuyên đề' AND ordinal = 1 AND"
	    " deadline = '2021-05-31'"), 1, "in place, keeping its number");
	tap_is_int(store_plan_session_uses(db, 110), 2,
	    "two sessions were recorded for it");
	tap_is_int(store_plan_session_delete(db, 110), 0, "the item is removed");
	tap_is_int(num("SELECT count(*) FROM session WHERE plan_session_id IS"
	    " NULL"), 2, "its sessions stay, following no item");
	tap_ok(tombstone("plan_session", 110), "the item is queued as deleted");
	(void)session;
}

static void
test_documents(void)
{
	struct store_document d;
	struct store_plan_session p;
	char *why;

	tap_ok(store_document_is_ours(db, 11, 2), "the commune's plan is its own");
	tap_ok(!store_document_is_ours(db, 10, 2),
	    "the province's plan is read-only below");
	why = store_document_delete_refusal(db, 10);
	tap_ok(why != NULL && strstr(why, "1 văn bản khác") != NULL,
	    "a plan another carries out is not deleted: %s", why);
	free(why);
	why = store_document_delete_refusal(db, 11);
	tap_ok(why != NULL, "nor a plan with sessions recorded under it");
	free(why);
	tap_is_int(store_document_delete(db, 11), -1, "delete refuses it too");

	memset(&d, 0, sizeof d);
	d.owner_unit_id = 2;
	d.number = (char *)"09-KH/ĐU";
	d.kind = (char *)"KH";
	d.issuer = (char *)"Đảng ủy";
	d.issued_on = (char *)"2021-04-01";
	d.title = (char *)"Gõ nhầm";
	store_document_save(db, &d);
	memset(&p, 0, sizeof p);
	p.level = (char *)"cell";
	p.title = (char *)"Mục";
	p.form = (char *)"in_person";
	p.half_days = 1;
	p.deadline_text = (char *)"";
	store_plan_session_save(db, d.id, &p);
	tap_is_int(store_document_delete(db, d.id), 0,
	    "a plan typed by mistake is deleted");
	tap_ok(tombstone("document", d.id) && tombstone("plan_session", p.id),
	    "with its item, both queued as deleted");
}

static void
test_members(void)
{
	char *why;

	store_attendance_set(db, num("SELECT id FROM session WHERE held_on ="
	    " '2021-05-09'"), 31, "present", NULL);
	why = store_member_delete_refusal(db, 31);

	tap_ok(why != NULL && strstr(why, "1 điểm danh") != NULL,
	    "a member with attendance is not deleted: %s", why);
	free(why);
	tap_is_int(store_member_delete(db, 31), -1, "delete refuses it too");
	db_exec(db, "INSERT INTO member(id, unit_id, full_name, name_fold,"
	    " status) VALUES (35, 3, 'Nhầm', 'nham', 'active')");
	tap_is_int(store_member_delete(db, 35), 0,
	    "a member typed by mistake is deleted");
	tap_ok(tombstone("member", 35), "and queued as deleted");
}

static void
test_tally(void)
{
	struct store_tally t;
	struct submission_event *ev;
	int n;

	memset(&t, 0, sizeof t);
	store_tally_get(db, 11, 3, 1, &t);
	tap_is_int(store_tally_reopen(db, &t, "2021-05-25", "thu", "x"), -1,
	    "a draft cannot be reopened");
	tap_is_int(store_tally_finalize(db, &t, "2021-05-25", "thu"), 0,
	    "the report is made final");
	tap_is_int(store_tally_reopen(db, &t, "2021-05-26", "lan",
	    "Sót bài của đồng chí Bình"), 0, "and reopened with a reason");
	tap_ok(!t.final && num("SELECT count(*) FROM tally_report WHERE"
	    " status = 'draft' AND total_members IS NULL") == 1,
	    "it is a draft again, without the old snapshot");
	n = submission_history(db, t.id, &ev);
	tap_is_int(n, 2, "its history has two lines");
	tap_ok(n == 2 && ev[0].action == SUBMISSION_FINAL && strcmp(ev[0].who, "thu") == 0,
	    "who made it final");
	tap_ok(n == 2 && ev[1].action == SUBMISSION_REOPEN && strcmp(ev[1].who, "lan") == 0 &&
	    strcmp(ev[1].at, "2021-05-26") == 0 &&
	    strcmp(ev[1].reason, "Sót bài của đồng chí Bình") == 0,
	    "who reopened it, when and why");
	tap_is_int(num("SELECT count(*) FROM sync_outbox WHERE tbl ="
	    " 'tally_event' AND op = 'put'"), 2,
	    "the history is queued for the province");
	submission_history_free(&ev, n > 0 ? (size_t)n : 0);
	store_tally_clear(&t);
}

int
main(void)
{
	char path[] = "/tmp/test_store_edit.XXXXXX";
	int fd = mkstemp(path);

	close(fd);
	setenv("QUANTRIET_TODAY", "2021-05-10", 1);
	fixture(path);
	test_sessions();
	test_plan_items();
	test_documents();
	test_members();
	test_tally();
	db_close(&db);
	unlink(path);
	return tap_done();
}
