/*
 * test_domain_tally.c - the tally counts, the report model and its forms
 * (src/domain/tally.c, report.c, report_format.c) on the fixture database.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/lookup.h"
#include "domain/report.h"
#include "domain/report_paper.h"
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
	tap_is_int(t.exempt, 2, "4. exempt by status, the retired writer "
	    "counted as a writer only");
	tap_is_int(t.nreasons, 3, "4. three reasons");
	tap_ok(t.nreasons == 3 && t.reasons[0].count == 1 &&
	    strcmp(t.reasons[0].reason, "Miễn sinh hoạt") == 0 &&
	    strcmp(t.reasons[2].reason, "Hưu trí") == 0 &&
	    t.reasons[2].count == 0,
	    "every reason of the rules, in the statuses' order, 0 included");
	tap_is_int(t.total_members, t.wrote + t.exempt + t.missing,
	    "item 1 = item 3 + item 4 + not yet");
	tap_is_int(t.must_write, 7, "must write");
	tap_is_int(t.missing, 4, "not yet submitted");
	tap_is_int(t.late, 3, "overdue on 30/04/2021");
	tap_is_int(t.guests_present, 1, "guests present");
	tally_clear(&t);

	setenv("QUANTRIET_TODAY", "2021-04-19", 1);
	tally_compute(db, FX_D1, FX_C, &t);
	tap_is_int(t.late, 2, "on 19/04, before the make-up session of 20/04 "
	    "was held, a2 and a6 were overdue (due 17/04)");
	tally_clear(&t);
	setenv("QUANTRIET_TODAY", "2021-04-20", 1);
	tally_compute(db, FX_D1, FX_C, &t);
	tap_is_int(t.late, 2, "b2 and b4 overdue on 20/04");
	tap_is_int(t.wrote, 3, "on 20/04 a2's essay dated 28/04 does not "
	    "count yet");
	tap_is_int(t.participated, 5, "the make-up session of 20/04 counts "
	    "on 20/04");
	tally_clear(&t);
	tally_compute_at(db, FX_D1, FX_C, "2021-04-19", &t);
	tap_is_int(t.participated, 4, "as of 19/04 the make-up session of "
	    "20/04 has not happened: a2 has not studied yet");
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
	tap_is_int(t.exempt, t.total_members - t.wrote, "every member who did "
	    "not write counted as exempt");
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

/*
 * A fixed date (kind 'date'): an essay not handed in is late only once
 * the day is past, however long ago the member studied; a member with no
 * session yet is never late.
 */
static void
test_fixed_date(struct db *db)
{
	struct tally t;

	db_exec(db, "UPDATE essay_rule SET kind = 'date', due_on = "
	    "'2021-05-10' WHERE document_id = 100");
	tally_compute_at(db, FX_D1, FX_C, "2021-04-30", &t);
	tap_is_int(t.missing, 4, "fixed date: the same essays are missing");
	tap_is_int(t.late, 0, "due 10/05: none late on 30/04, though 7 days "
	    "have passed since the sessions");
	tally_clear(&t);
	db_exec(db, "UPDATE essay_rule SET due_on = '2021-04-25' "
	    "WHERE document_id = 100");
	tally_compute_at(db, FX_D1, FX_C, "2021-04-25", &t);
	tap_is_int(t.late, 0, "due 25/04: on time on the day itself");
	tally_clear(&t);
	tally_compute_at(db, FX_D1, FX_C, "2021-04-26", &t);
	tap_is_int(t.late, 4, "due 25/04: on 26/04 every missing essay of a "
	    "member who studied is late (e1 has no session yet)");
	tally_clear(&t);
	db_exec(db, "UPDATE essay_rule SET kind = 'days', due_on = NULL "
	    "WHERE document_id = 100");
	tally_compute_at(db, FX_D1, FX_C, "2021-04-30", &t);
	tap_is_int(t.late, 3, "back to 7 days: 3 late on 30/04");
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

/* The form of UNIT as of today, built and rendered; caller frees. */
static char *
form(struct db *db, int64_t unit, int round, int csv)
{
	struct report r;
	char *out;

	if (report_build(db, FX_D1, unit, round, NULL, csv ? 0 :
	    REPORT_WITH_PROPOSALS, &r) != 0)
		return NULL;
	out = csv ? report_format_csv(&r) : report_paper_txt(&r, 0);
	report_clear(&r);
	return out;
}

/* How many fields the CSV row starting at line has (RFC 4180). */
static int
csv_fields(const char *line)
{
	int n = 1, quoted = 0;

	for (; *line != '\0' && (quoted || *line != '\r'); line++) {
		if (*line == '"')
			quoted = !quoted;
		else if (*line == ',' && !quoted)
			n++;
	}
	return n;
}

static void
test_forms(struct db *db)
{
	char *txt = form(db, FX_A, 1, 0);
	char *csv = form(db, FX_C, 1, 1);
	const char *line;
	int fields, same = 1, rows = 0;

	tap_ok(txt != NULL && strstr(txt, "1. Tổng số đảng viên: 5\n") != NULL,
	    "form item 1");
	tap_ok(txt != NULL && strstr(txt, "5. Nhận xét đánh giá\n") != NULL &&
	    strstr(txt, "6. Kiến nghị, đề xuất của cán bộ, đảng viên\n") != NULL,
	    "items 5 and 6 worded as seed 000");
	tap_ok(txt != NULL && strstr(txt, "ĐẢNG BỘ XÃ THỬ") != NULL &&
	    strstr(txt, "CHI BỘ ẤP AN") != NULL, "header in capitals");
	tap_ok(txt != NULL && strstr(txt, "T/M CHI ỦY CHI BỘ") != NULL,
	    "a cell's report is signed for the cell committee");
	tap_ok(txt != NULL && strstr(txt, "- Làm đường, ấp An (1 đảng viên)") != NULL &&
	    strstr(txt, "Không thuộc kế hoạch này") == NULL,
	    "item 6 lists the members' proposals of this plan only");
	tap_ok(csv != NULL && strncmp(csv, "Đơn vị,Trạng thái,", 22) == 0,
	    "CSV header");
	tap_ok(csv != NULL && strstr(csv, ",Miễn viết: Miễn sinh hoạt,"
	    "Miễn viết: Miễn công tác,Miễn viết: Hưu trí,") != NULL,
	    "one column per exemption reason, in the statuses' order");
	tap_ok(csv != NULL && strstr(csv, "\r\nChi bộ ấp An,nháp (số hiện tại),30/04/2021,"
	    "5,3,3,1,0,1,0,") != NULL, "CSV row per cell");
	tap_ok(csv != NULL && strstr(csv, "\r\nTổng cộng,nháp (số hiện tại),30/04/2021,"
	    "10,5,4,2,1,1,0,") != NULL, "CSV total row");
	fields = csv != NULL ? csv_fields(csv) : 0;
	for (line = csv; line != NULL && *line != '\0';
	    line = strstr(line, "\r\n") != NULL ? strstr(line, "\r\n") + 2 : NULL) {
		same = same && csv_fields(line) == fields;
		rows++;
	}
	tap_ok(rows == 5 && same, "every CSV row has the header's columns");
	free(txt);
	free(csv);
	db_exec(db, "UPDATE unit SET name = 'Chi bộ \"An\", ấp 1' WHERE id = 3");
	csv = form(db, FX_C, 1, 1);
	tap_ok(csv != NULL && strstr(csv, "\r\n\"Chi bộ \"\"An\"\", ấp 1\",nháp (số hiện tại),") != NULL,
	    "RFC 4180 quoting of a name with comma and quotes");
	free(csv);
	/* Invalid UTF-8 in a name (a bad import) must not break the form. */
	db_exec(db, "UPDATE unit SET name = CAST(X'436869FFFFFFFFFFFF' AS TEXT) "
	    "WHERE id = 3");
	txt = form(db, FX_A, 1, 0);
	if (!tap_ok(txt != NULL && strstr(txt, "CHI\\XFF") != NULL &&
	    text_utf8_valid(txt, strlen(txt)),
	    "invalid bytes in a unit name are shown as \\xFF, the form stays UTF-8"))
		printf("# %.300s\n", txt != NULL ? txt : "(null)");
	free(txt);
	db_exec(db, "UPDATE unit SET name = 'Chi bộ ấp An' WHERE id = 3");
}

/* No line of the text wider than the form; every word of s is in it. */
static int
form_holds(const char *txt, const char *s)
{
	const char *line = txt, *w;
	char word[64];

	for (; line != NULL && *line != '\0'; line = strchr(line, '\n') ?
	    strchr(line, '\n') + 1 : NULL) {
		size_t len = strcspn(line, "\n");
		char *one = strndup(line, len);
		int wide = text_width(one) > PAPER_TEXT_WIDTH;

		free(one);
		if (wide)
			return 0;
	}
	for (w = s; *w != '\0'; w += strspn(w, " ")) {
		size_t len = strcspn(w, " ");

		if (len >= sizeof word)
			return 0;
		memcpy(word, w, len);
		word[len] = '\0';
		if (strstr(txt, word) == NULL)
			return 0;
		w += len;
	}
	return 1;
}

/* Long names and texts are wrapped, never cut. */
static void
test_wrap(struct db *db)
{
	char *txt;

	db_exec(db, "UPDATE unit SET name = 'Đảng bộ Cơ quan Ủy ban nhân dân "
	    "xã Thử nghiệm Rất Dài Tên' WHERE id = 2;"
	    "UPDATE unit SET name = 'Chi bộ Trường Trung học cơ sở Vĩnh Hòa "
	    "Hiệp số Một' WHERE id = 3;"
	    "UPDATE essay SET proposals = 'Đề nghị ' || replace(hex(zeroblob(40)),"
	    " '00', 'làm đường ') WHERE id = 300");
	txt = form(db, FX_A, 1, 0);
	tap_ok(txt != NULL && form_holds(txt, "ĐẢNG BỘ CƠ QUAN ỦY BAN NHÂN DÂN "
	    "XÃ THỬ NGHIỆM RẤT DÀI TÊN") && form_holds(txt, "CHI BỘ TRƯỜNG "
	    "TRUNG HỌC CƠ SỞ VĨNH HÒA HIỆP SỐ MỘT"),
	    "long unit names whole in the header, every line within the form");
	if (txt != NULL && !form_holds(txt, ""))
		printf("# %s\n", txt);
	free(txt);
	db_exec(db, "UPDATE unit SET name = 'Đảng bộ xã Thử' WHERE id = 2;"
	    "UPDATE unit SET name = 'Chi bộ ấp An' WHERE id = 3;"
	    "UPDATE essay SET proposals = 'Làm đường, ấp An' WHERE id = 300");
}

/*
 * A round counts what happened by its deadline; a final report keeps its
 * snapshot; item 1 = 3 + 4 + not yet on every unit's form.
 */
static void
test_rounds(struct db *db)
{
	static const int64_t units[] = { FX_P, FX_C, FX_A, FX_B, FX_E };
	struct report r1, r2, f;
	struct tally own;
	char *note;
	size_t i;
	int round, ok = 1;

	setenv("QUANTRIET_TODAY", "2021-04-30", 1);
	db_exec(db, "INSERT INTO report_deadline(id, document_id, round, level,"
	    " due_on) VALUES (1, 101, 1, 'cell', '2021-04-20'),"
	    " (2, 101, 2, 'cell', '2021-05-20')");
	report_build(db, FX_D1, FX_A, 1, NULL, 0, &r1);
	report_build(db, FX_D1, FX_A, 2, NULL, 0, &r2);
	tap_is_str(r1.cutoff, "2021-04-20", "round 1 counts to its deadline");
	tap_is_str(r2.cutoff, "2021-04-30", "round 2 counts to today");
	tap_ok(r1.counts.wrote == 2 && r2.counts.wrote == 3,
	    "a2's essay of 28/04 counts in round 2, not round 1");
	report_clear(&r1);
	report_clear(&r2);
	report_build(db, FX_D1, FX_C, 1, NULL, 0, &r1);
	tap_is_str(r1.cutoff, "2021-04-20", "the commune's round 1 counts to "
	    "its cells' deadline");
	tap_is_int(r1.nunits, 3, "one line per cell");
	report_clear(&r1);
	for (round = 1; round <= 2; round++)
		for (i = 0; i < sizeof units / sizeof units[0]; i++) {
			const struct tally *t;

			report_build(db, FX_D1, units[i], round, NULL, 0, &r1);
			t = &r1.counts;
			ok = ok && t->total_members == t->wrote + t->exempt +
			    t->missing;
			report_clear(&r1);
		}
	tap_ok(ok, "item 1 = item 3 + item 4 + not yet, every unit, both rounds");
	/* Cell A's round 1 made final (as store_tally_finalize writes it). */
	db_exec(db, "INSERT INTO tally_report(id, document_id, unit_id, round,"
	    " status, finalized_on, total_members, participated, wrote, exempt,"
	    " reasons, must_write, missing, late, guests_present, cutoff)"
	    " VALUES (1, 101, 3, 1, 'final', '2021-04-21', 5, 3, 2, 1,"
	    " '0\tMiễn sinh hoạt\n1\tMiễn công tác\n0\tHưu trí\n', 3, 2, 1, 1,"
	    " '2021-04-20')");
	db_exec(db, "UPDATE essay SET submitted_on = '2021-04-19' WHERE id = 305");
	report_build(db, FX_D1, FX_A, 1, NULL, REPORT_WITH_PROPOSALS, &f);
	tap_ok(f.final && f.counts.wrote == 2 && strcmp(f.date, "2021-04-21")
	    == 0, "a final report prints its snapshot and its date, not the "
	    "essay recorded since");
	tap_ok(f.counts.nreasons == 3 && f.counts.reasons[1].count == 1 &&
	    strcmp(f.counts.reasons[1].reason, "Miễn công tác") == 0,
	    "its reasons are the snapshot's");
	report_clear(&f);
	report_build(db, FX_D1, FX_C, 1, NULL, 0, &f);
	tap_ok(f.nunits == 3 && f.units[0].final && f.units[0].counts.wrote ==
	    2 && !f.units[1].final, "the commune's lines take a final cell's "
	    "snapshot");
	/* The commune holds no member of its own: its cells make it. */
	tap_ok(f.nunits == 3 && f.counts.wrote == f.units[0].counts.wrote +
	    f.units[1].counts.wrote + f.units[2].counts.wrote &&
	    f.counts.total_members == f.units[0].counts.total_members +
	    f.units[1].counts.total_members + f.units[2].counts.total_members,
	    "the commune's counts are its cells' lines summed");
	tally_compute_at(db, FX_D1, FX_C, f.cutoff, &own);
	tap_ok(f.counts.wrote == own.wrote - 1 && f.counts.total_members ==
	    own.total_members, "the snapshot of the one that submitted, not "
	    "the essay recorded in it since; live for the others");
	tally_clear(&own);
	note = report_live_note(&f);
	tap_ok(note != NULL && f.nunits == 3 &&
	    strstr(note, f.units[1].name) != NULL &&
	    strstr(note, f.units[0].name) == NULL,
	    "it names the cells whose report is not in, not the one that is");
	free(note);
	report_clear(&f);
	db_exec(db, "UPDATE essay SET submitted_on = NULL WHERE id = 305;"
	    "DELETE FROM tally_report; DELETE FROM report_deadline");
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
	tap_ok(lookup_home_unit(db, &id, &err) == 0 && id == FX_C,
	    "without home_unit_id the smallest unit holding every member: "
	    "the commune, not the province above it");
	db_exec(db, "SAVEPOINT one_cell; UPDATE member SET unit_id = 3");
	tap_ok(lookup_home_unit(db, &id, &err) == 0 && id == FX_A,
	    "every member in one cell: that cell");
	db_exec(db, "ROLLBACK TO one_cell; RELEASE one_cell");
	db_exec(db, "SAVEPOINT two_roots; INSERT INTO unit(id, parent_id, kind,"
	    " code, name, name_fold) VALUES (9, NULL, 'province', 'Q',"
	    " 'Tỉnh ủy Khác', 'tinh uy khac'); INSERT INTO member(id, unit_id,"
	    " full_name, name_fold, status) VALUES (91, 9, 'Khác Một',"
	    " 'khac mot', 'active')");
	tap_ok(lookup_home_unit(db, &id, &err) == -1 && err != NULL,
	    "members under two roots: no unit holds them all, the clerk is "
	    "asked for one");
	free(err);
	err = NULL;
	db_exec(db, "ROLLBACK TO two_roots; RELEASE two_roots");
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
	test_fixed_date(db);
	test_sum_of_cells(db);
	test_plan_tree(db);
	test_forms(db);
	test_wrap(db);
	test_rounds(db);
	test_lookup(db);
	fixture_close(&db);
	return tap_done();
}
