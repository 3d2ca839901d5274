/*
 * test_domain_tally.c - the tally counts and forms (src/domain/tally*.c)
 * on the fixture database.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/lookup.h"
#include "domain/tally.h"
#include "domain_fixture.h"
#include "tap.h"
#include "text/text.h"

static void
test_commune(struct db *db)
{
	struct tally t;

	setenv("QUANTRIET_TODAY", "2021-04-30", 1);
	tap_is_int(tally_compute(db, FX_D1, FX_C, &t), 0, "commune tally");
	tap_is_int(t.total_members, 10, "1. party members, guests excluded");
	tap_is_int(t.participated, 5, "2. took part: make-up and self-study "
	    "count, twice present counts once, planned and other plans do not");
	tap_is_int(t.wrote, 4, "3. wrote: under the plan or the plan "
	    "implementing it, exempt writers included, other plans not");
	tap_is_int(t.exempt, 3, "4. exempt by status");
	tap_is_int(t.nreasons, 3, "4. three reasons");
	tap_ok(t.nreasons == 3 && t.reasons[0].count == 1 &&
	    strcmp(t.reasons[0].reason, "Hưu trí") == 0,
	    "reasons sorted by count, then name");
	tap_is_int(t.must_write, 7, "must write");
	tap_is_int(t.missing, 4, "not yet submitted");
	tap_is_int(t.late, 3, "overdue on 30/04/2021");
	tap_is_int(t.guests_present, 1, "guests present");
	tally_clear(&t);

	setenv("QUANTRIET_TODAY", "2021-04-19", 1);
	tally_compute(db, FX_D1, FX_C, &t);
	tap_is_int(t.late, 0, "nobody overdue on the due date 19/04");
	tally_clear(&t);
	setenv("QUANTRIET_TODAY", "2021-04-20", 1);
	tally_compute(db, FX_D1, FX_C, &t);
	tap_is_int(t.late, 2, "b2 and b4 overdue on 20/04");
	tally_clear(&t);
	setenv("QUANTRIET_TODAY", "2021-04-30", 1);
}

/* A plan that asks for no essay: nobody's essay is missing or late. */
static void
test_no_essay(struct db *db)
{
	struct tally t;

	db_exec(db, "UPDATE essay_rule SET kind = 'none' WHERE document_id = 100");
	tap_is_int(tally_compute(db, FX_D1, FX_C, &t), 0, "no-essay plan tally");
	tap_is_int(t.must_write, 0, "no essay: nobody must write");
	tap_is_int(t.missing, 0, "no essay: none missing");
	tap_is_int(t.late, 0, "no essay: none late on 30/04/2021");
	tap_is_int(t.exempt, t.total_members, "every member counted as exempt");
	tap_ok(t.nreasons == 1 && strcmp(t.reasons[0].reason,
	    "Kế hoạch không yêu cầu viết thu hoạch") == 0,
	    "with the plan's reason");
	tap_is_int(t.wrote, 4, "essays handed in anyway still count");
	tally_clear(&t);
	db_exec(db, "UPDATE essay_rule SET kind = 'days' WHERE document_id = 100");
	tally_compute(db, FX_D1, FX_C, &t);
	tap_is_int(t.missing, 4, "back to 'days': the essays are missing again");
	tally_clear(&t);
}

static void
test_sum_of_cells(struct db *db)
{
	struct tally c, a, b, e;

	tally_compute(db, FX_D1, FX_C, &c);
	tally_compute(db, FX_D1, FX_A, &a);
	tally_compute(db, FX_D1, FX_B, &b);
	tally_compute(db, FX_D1, FX_E, &e);
	tap_is_int(a.total_members, 5, "cell A members");
	tap_is_int(a.participated, 3, "cell A took part");
	tap_is_int(b.participated, 2, "cell B took part");
	tap_ok(c.total_members == a.total_members + b.total_members + e.total_members &&
	    c.participated == a.participated + b.participated + e.participated &&
	    c.wrote == a.wrote + b.wrote + e.wrote &&
	    c.exempt == a.exempt + b.exempt + e.exempt &&
	    c.late == a.late + b.late + e.late &&
	    c.missing == a.missing + b.missing + e.missing,
	    "commune = sum of its cells");
	tally_clear(&c);
	tally_clear(&a);
	tally_clear(&b);
	tally_clear(&e);
}

static void
test_plan_tree(struct db *db)
{
	struct tally t;

	tally_compute(db, FX_D2, FX_C, &t);
	tap_is_int(t.participated, 3, "the commune plan alone: cell B's "
	    "session under the province plan is not its own");
	tap_is_int(t.wrote, 3, "the commune plan alone: b1's essay not counted");
	tally_clear(&t);
	tally_compute(db, FX_D3, FX_C, &t);
	tap_is_int(t.participated, 1, "the unrelated plan sees only its session");
	tally_clear(&t);
}

static void
test_forms(struct db *db)
{
	char *txt = tally_format_txt(db, FX_D1, FX_A, 1);
	char *csv = tally_format_csv(db, FX_D1, FX_C, 1);

	tap_ok(txt != NULL && strstr(txt, "1. Tổng số đảng viên: 5\n") != NULL,
	    "form item 1");
	tap_ok(txt != NULL && strstr(txt, "ĐẢNG BỘ XÃ THỬ") != NULL &&
	    strstr(txt, "CHI BỘ ẤP AN") != NULL, "header in capitals");
	tap_ok(txt != NULL && strstr(txt, "T/M CHI ỦY CHI BỘ") != NULL,
	    "a cell's report is signed for the cell committee");
	tap_ok(txt != NULL && strstr(txt, "- An Một (Chi bộ ấp An): Làm đường, ấp An") != NULL &&
	    strstr(txt, "Không thuộc kế hoạch này") == NULL,
	    "item 6 lists the members' proposals of this plan only");
	tap_ok(csv != NULL && strncmp(csv, "Đơn vị,", 10) == 0, "CSV header");
	tap_ok(csv != NULL && strstr(csv, "\r\nChi bộ ấp An,5,3,3,2,") != NULL,
	    "CSV row per cell");
	tap_ok(csv != NULL && strstr(csv, "\r\nTổng cộng,10,5,4,3,") != NULL,
	    "CSV total row");
	tap_ok(csv != NULL && strstr(csv, "\"Hưu trí: 1; Miễn công tác: 1; "
	    "Miễn sinh hoạt: 1\"") == NULL, "no needless quoting");
	free(txt);
	free(csv);
	db_exec(db, "UPDATE unit SET name = 'Chi bộ \"An\", ấp 1' WHERE id = 3");
	csv = tally_format_csv(db, FX_D1, FX_C, 1);
	tap_ok(csv != NULL && strstr(csv, "\r\n\"Chi bộ \"\"An\"\", ấp 1\",5,") != NULL,
	    "RFC 4180 quoting of a name with comma and quotes");
	free(csv);
	/* Invalid UTF-8 in a name (a bad import) must not break the form. */
	db_exec(db, "UPDATE unit SET name = CAST(X'436869FFFFFFFFFFFF' AS TEXT) "
	    "WHERE id = 3");
	txt = tally_format_txt(db, FX_D1, FX_A, 1);
	if (!tap_ok(txt != NULL && strstr(txt, "CHI\\XFF") != NULL &&
	    text_utf8_valid(txt, strlen(txt)),
	    "invalid bytes in a unit name are shown as \\xFF, the form stays UTF-8"))
		printf("# %.300s\n", txt != NULL ? txt : "(null)");
	free(txt);
	db_exec(db, "UPDATE unit SET name = 'Chi bộ ấp An' WHERE id = 3");
}

static void
test_lookup(struct db *db)
{
	int64_t id = 0;
	char *err = NULL;

	tap_ok(lookup_document(db, "13-kh/tu", &id, &err) == 0 && id == FX_D1,
	    "document number in lower case");
	tap_ok(lookup_document(db, " 08 - kh/du ", &id, &err) == 0 && id == FX_D2,
	    "document number with spaces and without Đ's stroke");
	tap_ok(lookup_document(db, "14-KH/TU", &id, &err) == -1 && err != NULL &&
	    strcmp(err, "Không tìm thấy văn bản số '14-KH/TU'") == 0,
	    "unknown document explained");
	free(err);
	tap_ok(lookup_unit(db, "chi bo ap binh", &id, &err) == 0 && id == FX_B,
	    "unit by name without diacritics");
	tap_ok(lookup_unit(db, "e", &id, &err) == 0 && id == FX_E,
	    "unit by code");
	tap_ok(lookup_unit(db, "ấp", &id, &err) == -1 && err != NULL &&
	    strncmp(err, "Có 3 đơn vị khớp", 18) == 0, "ambiguous unit explained");
	free(err);
	tap_ok(lookup_home_unit(db, &id, &err) == 0 && id == FX_P,
	    "without home_unit_id the only root");
	db_setting_set(db, "home_unit_id", "2");
	tap_ok(lookup_home_unit(db, &id, &err) == 0 && id == FX_C,
	    "home_unit_id decides");
}

int
main(void)
{
	struct db *db = fixture_open();

	test_commune(db);
	test_no_essay(db);
	test_sum_of_cells(db);
	test_plan_tree(db);
	test_forms(db);
	test_lookup(db);
	fixture_close(&db);
	return tap_done();
}
