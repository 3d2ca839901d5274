/*
 * test_domain_deadline.c - deadlines as plans write them
 * (src/domain/deadline.c); each case is a rule of docs/deadlines.md.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "domain/deadline.h"
#include "tap.h"

/* The phrase, the plan's year, and the last day (ISO) or the message. */
static const struct {
	const char	*words;
	int		 year;
	const char	*want;
	const char	*name;
} cases[] = {
	{ "trước ngày 20/8/2022", 0, "2022-08-19", "before a day: the day before" },
	{ "hoàn thành trước ngày 15/12/2020", 0, "2020-12-14",
	  "seed 001: before a day inside a sentence" },
	{ "trước ngày 1/1/2021", 0, "2020-12-31", "before crosses the year" },
	{ "trước ngày 1-3-2024", 0, "2024-02-29", "before 1 March of a leap year" },
	{ "đến ngày 20/8/2022", 0, "2022-08-20", "'đến ngày' includes the day" },
	{ "chậm nhất ngày 29-4-2021", 0, "2021-04-29", "'chậm nhất' includes the day" },
	{ "ngày 20.8.2022", 0, "2022-08-20", "dots" },
	{ "đến ngày 20 tháng 8 năm 2022", 0, "2022-08-20", "long form" },
	{ "trước ngày 20/8", 2022, "2022-08-19", "no year: the plan's year" },
	{ "trước ngày 20 tháng 8", 2022, "2022-08-19", "long form, no year" },
	{ "trước ngày 31/02/2021", 0, "Ngày 31/02/2021 không tồn tại",
	  "31 February refused" },
	{ "trước ngày 29/2", 2021, "Ngày 29/02/2021 không tồn tại",
	  "29 February of the plan's year refused when it is not a leap year" },
	{ "hoàn thành trong tháng 5-2021", 0, "2021-05-31", "a month with a dash" },
	{ "tháng 5/2021", 0, "2021-05-31", "a month with a slash" },
	{ "trong tháng 2 năm 2024", 0, "2024-02-29", "a month, long form, leap year" },
	{ "trong tháng 3", 2021, "2021-03-31", "a month without a year" },
	{ "sinh hoạt lệ tháng 12/2020", 0, "2020-12-31", "seed 001: a cell meeting's month" },
	{ "quý II/2021", 0, "2021-06-30", "a quarter in roman numerals" },
	{ "Quí I/2018", 0, "2018-03-31", "seed 003 writes 'Quí'" },
	{ "quý 4/2021", 0, "2021-12-31", "a quarter in arabic numerals" },
	{ "trong quý I năm 2021", 0, "2021-03-31", "seed 001: quarter, long form" },
	{ "trong quý III", 2020, "2020-09-30", "a quarter without a year" },
	{ "đầu Quý II/2021", 0, "2021-04-30", "early in a quarter: its first month" },
	{ "giữa quý II/2021", 0, "2021-05-31", "middle of a quarter: its second month" },
	{ "nửa đầu quý II/2021", 0, "2021-05-15", "first half of a quarter" },
	{ "cuối quý II/2021", 0, "2021-06-30", "end of a quarter" },
	{ "trước quý II/2021", 0, "2021-03-31", "before a quarter" },
	{ "nửa đầu tháng 12/2017", 0, "2017-12-15", "seed 003: first half of a month" },
	{ "cuối tháng 12/2017", 0, "2017-12-31", "seed 003: end of a month" },
	{ "đầu tháng 3/2021", 0, "2021-03-10", "early in a month: its first ten days" },
	{ "giữa tháng 3/2021", 0, "2021-03-20", "middle of a month: up to the 20th" },
	{ "trước tháng 3/2021", 0, "2021-02-28", "before a month" },
	{ "trong năm 2021", 0, "2021-12-31", "a year" },
	{ "đầu năm 2021", 0, "2021-03-31", "early in a year: its first quarter" },
	{ "nửa đầu năm 2021", 0, "2021-06-30", "first half of a year" },
	{ "từ ngày 1/3/2021 đến ngày 15/3/2021", 0, "2021-03-15",
	  "a range: its end" },
	{ "vào các ngày 29 và 30/11/2017", 0, "2017-11-30", "seed 003: two days" },
	{ "NĂM 2021", 0, "2021-12-31", "capitals" },
	{ "quy ii/2021", 0, "2021-06-30", "typed without diacritics" },
	{ "quý II", 0, "Hạn 'quý II' không ghi năm: hãy ghi cả năm, ví dụ "
	  "quý II/2021", "no year and no plan year refused" },
	{ "sớm", 0, "Không hiểu hạn 'sớm': hãy ghi như văn bản, ví dụ trước "
	  "ngày 20/8/2022, trong tháng 5/2021, quý II/2021 hoặc năm 2021",
	  "no time in the words refused" },
	{ "trong tháng 13/2021", 0, "Không hiểu hạn 'trong tháng 13/2021': "
	  "hãy ghi như văn bản, ví dụ trước ngày 20/8/2022, trong tháng 5/2021, "
	  "quý II/2021 hoặc năm 2021", "month 13 refused" },
};

static void
test_cases(void)
{
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct deadline d;
		const char *err = deadline_parse(cases[i].words, cases[i].year, &d);
		char iso[11];

		if (err == NULL) {
			date_to_iso(d.last, iso);
			tap_is_str(iso, cases[i].want, cases[i].name);
		} else
			tap_is_str(err, cases[i].want, cases[i].name);
		deadline_clear(&d);
	}
}

static void
test_rounds(void)
{
	struct deadline d;
	char a[11], b[11];

	tap_ok(deadline_parse("đợt 1 trước ngày 29-4-2021, đợt 2 trước ngày "
	    "28-5-2021", 0, &d) == NULL, "seed 000: two rounds");
	tap_is_int(d.nrounds, 2, "two rounds are kept");
	date_to_iso(d.rounds[0].last, a);
	date_to_iso(d.rounds[1].last, b);
	tap_is_int(d.rounds[0].round, 1, "the first is round 1");
	tap_is_str(a, "2021-04-28", "round 1: the day before 29-4-2021");
	tap_is_int(d.rounds[1].round, 2, "the second is round 2");
	tap_is_str(b, "2021-05-27", "round 2: the day before 28-5-2021");
	date_to_iso(d.last, a);
	tap_is_str(a, "2021-05-27", "the last day is the last round's");
	deadline_clear(&d);
	tap_ok(deadline_parse("đợt 01 chậm nhất ngày 29-4-2021; đợt 02 chậm "
	    "nhất ngày 28-5-2021", 0, &d) == NULL, "seed 000 again, 'chậm nhất'");
	date_to_iso(d.rounds[0].last, a);
	tap_is_str(a, "2021-04-29", "'chậm nhất' keeps the day itself");
	deadline_clear(&d);
	tap_is_str(deadline_parse("đợt 1 trước ngày 29-4-2021, đợt 2 sau đó", 0,
	    &d), "Một đợt trong 'đợt 1 trước ngày 29-4-2021, đợt 2 sau đó' "
	    "không ghi hạn", "a round without a deadline is refused");
	tap_is_int(d.nrounds, 0, "and nothing is kept");
}

static void
test_words_kept(void)
{
	struct deadline d;

	tap_ok(deadline_parse("  hoàn thành trong Quý II/2021 \n", 0, &d) == NULL,
	    "a phrase with spaces around");
	tap_is_str(d.words, "hoàn thành trong Quý II/2021",
	    "the words are kept as written, trimmed");
	deadline_clear(&d);
	tap_ok(d.words == NULL, "deadline_clear frees them");
}

int
main(void)
{
	test_cases();
	test_rounds();
	test_words_kept();
	return tap_done();
}
