/*
 * test_domain_date.c - parsing and counting dates (src/domain/date.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "domain/date.h"
#include "tap.h"

/* Parses s and returns "YYYY-MM-DD", or the error message. */
static const char *
parse(const char *s)
{
	static char iso[11];
	struct qt_date d;
	const char *err = date_parse(s, &d);

	if (err != NULL)
		return err;
	date_to_iso(d, iso);
	return iso;
}

#define NOT_A_DATE(s) "Không hiểu ngày '" s "': hãy nhập dạng " \
	"ngày/tháng/năm, ví dụ 05/03/2021"

/* What a clerk types, and the date (ISO) or the message expected. */
static const struct {
	const char	*input;
	const char	*want;
	const char	*name;
} parse_cases[] = {
	{ "31/12/2021", "2021-12-31", "slashes" },
	{ "31-12-2021", "2021-12-31", "dashes" },
	{ "31.12.2021", "2021-12-31", "dots" },
	{ "2021-12-31", "2021-12-31", "ISO" },
	{ "5/3/2021", "2021-03-05", "one-digit day and month" },
	{ " 05 / 03 / 2021 ", "2021-03-05", "spaces around" },
	{ "ngày 05 tháng 3 năm 2021", "2021-03-05", "Vietnamese long form" },
	{ "05 tháng 3 năm 2021", "2021-03-05", "long form without 'ngày'" },
	{ "Ngày 20  tháng 11 năm 2017", "2017-11-20",
	  "long form as seed 003 writes it (capital, two spaces)" },
	{ "NGÀY 24 THÁNG 11 NĂM 2020", "2020-11-24", "long form in capitals" },
	{ "ngay 5 thang 3 nam 2021", "2021-03-05",
	  "long form typed without diacritics" },
	{ "29/02/2020", "2020-02-29", "29 February of a leap year" },
	{ "29/02/2000", "2000-02-29", "2000 is a leap year" },
	{ "31/02/2021", "Ngày 31/02/2021 không tồn tại", "31 February refused" },
	{ "29/02/2021", "Ngày 29/02/2021 không tồn tại",
	  "29 February of 2021 refused" },
	{ "29/02/1900", "Ngày 29/02/1900 không tồn tại",
	  "1900 is not a leap year" },
	{ "31/04/2021", "Ngày 31/04/2021 không tồn tại", "April has 30 days" },
	{ "ngày 32 tháng 1 năm 2021", "Ngày 32/01/2021 không tồn tại",
	  "long form checked too" },
	{ "0/1/2021", "Ngày 00/01/2021 không tồn tại", "day 0" },
	{ "1/13/2021", "Ngày 01/13/2021 không tồn tại", "month 13" },
	{ "abc", NOT_A_DATE("abc"), "words refused" },
	{ "31/12-2021", NOT_A_DATE("31/12-2021"), "mixed separators" },
	{ "2021/12/31", NOT_A_DATE("2021/12/31"), "year first only in ISO form" },
	{ "05/03/21", "Năm phải ghi đủ 4 chữ số, ví dụ 05/03/2021",
	  "two-digit year refused" },
	{ "05/03/1850", "Năm 1850 nằm ngoài khoảng 1900-2100",
	  "year out of range" },
};

static void
test_parse(void)
{
	size_t i;

	for (i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++)
		tap_is_str(parse(parse_cases[i].input), parse_cases[i].want,
		    parse_cases[i].name);
	tap_ok(strncmp(parse("   "), "Chưa nhập ngày", 14) == 0,
	    "blank input says nothing was typed");
	tap_ok(strstr(parse("12345678901234567890123456789012345678901234567890"),
	    "...") != NULL, "a long input is shortened in the message");
}

static void
test_iso(void)
{
	struct qt_date d;

	tap_is_int(date_from_iso("2021-03-05", &d), 0, "ISO read");
	tap_ok(d.y == 2021 && d.m == 3 && d.d == 5, "ISO fields");
	tap_is_int(date_from_iso("2021-3-05", &d), -1, "ISO needs two digits");
	tap_is_int(date_from_iso("2021-02-29", &d), -1, "ISO must be real");
	tap_is_int(date_from_iso("2021-03-05x", &d), -1, "ISO trailing text");
	tap_is_int(date_from_iso(NULL, &d), -1, "NULL is not a date");
}

static void
test_days(void)
{
	struct qt_date d = { 1970, 1, 1 }, e = { 2000, 3, 1 }, f = { 2021, 4, 10 };
	char s[11];
	long n, prev;
	int bad = 0;

	tap_is_int(date_to_days(d), 0, "1970-01-01 is day 0");
	tap_is_int(date_to_days(e), 11017, "2000-03-01 is day 11017");
	d = date_from_days(date_to_days(f) + 7);
	date_to_iso(d, s);
	tap_is_str(s, "2021-04-17", "7 days after 10/04/2021");
	f.m = 2, f.d = 25, f.y = 2020;
	date_to_vn(date_from_days(date_to_days(f) + 7), s);
	tap_is_str(s, "03/03/2020", "7 days across a leap February");
	/* Every day 1900..2100 maps to the next day number and back. */
	d.y = 1900, d.m = 1, d.d = 1;
	prev = date_to_days(d) - 1;
	for (; d.y <= 2100 && !bad;) {
		n = date_to_days(d);
		if (n != prev + 1 || date_cmp(date_from_days(n), d) != 0)
			bad = 1;
		prev = n;
		d = date_from_days(n + 1);
	}
	tap_ok(!bad, "day numbers are consecutive and round-trip 1900-2100");
	tap_ok(date_cmp(e, f) < 0 && date_cmp(f, e) > 0 && date_cmp(e, e) == 0,
	    "date_cmp orders dates");
	tap_ok(date_valid(2100, 12, 31) && !date_valid(2101, 1, 1),
	    "date_valid bounds");
}

static void
test_today(void)
{
	struct qt_date d;

	setenv("QUANTRIET_TODAY", "2021-04-28", 1);
	d = date_today();
	tap_ok(d.y == 2021 && d.m == 4 && d.d == 28, "QUANTRIET_TODAY sets today");
	setenv("QUANTRIET_TODAY", "not a date", 1);
	d = date_today();
	tap_ok(d.y >= 2024, "a bad QUANTRIET_TODAY falls back to the clock");
	unsetenv("QUANTRIET_TODAY");
}

int
main(void)
{
	test_parse();
	test_iso();
	test_days();
	test_today();
	return tap_done();
}
