/*
 * test_domain_plan_item.c - a plan item's length with its parts and its
 * materials' ratio (src/domain/plan_item.c), as the seeds write them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "domain/plan_item.h"
#include "tap.h"

/* The words, the whole length in half days (or -1: refused), its parts. */
static const struct {
	const char	*words;
	int		 half_days;
	int		 nparts;
	const char	*first_label;
	const char	*name;
} lengths[] = {
	{ "01 buổi", 1, 0, NULL, "seed 000: one sitting is half a day" },
	{ "1,5 ngày", 3, 0, NULL, "seed 003: a decimal comma" },
	{ "2.5 ngày", 5, 0, NULL, "a decimal point" },
	{ "02 ngày", 4, 0, NULL, "whole days" },
	{ "0,5 ngày nghiên cứu + 0,5 ngày thảo luận", 2, 2, "nghiên cứu",
	  "two parts: the whole is their sum" },
	{ "01 ngày. Trong đó:\n- Nghiên cứu, quán triệt Nghị quyết: 0,5 ngày.\n"
	  "- Thảo luận, thông qua dự thảo Chương trình hành động: 0,5 ngày.", 2, 2,
	  "Nghiên cứu, quán triệt Nghị quyết",
	  "seed 001: the whole first, its parts labelled before their amount" },
	{ "02 ngày\n+ 1,5 ngày nghe triển khai các Nghị quyết;\n+ 0,5 ngày thảo "
	  "luận, đóng góp ý kiến", 4, 2, "nghe triển khai các Nghị quyết",
	  "seed 003: 1,5 + 0,5 under a whole of 2 days" },
	{ "01 buổi học + 01 buổi thảo luận", 2, 2, "học", "sittings add up" },
	{ "1,5 ngày, hoàn thành vào nửa đầu tháng 12/2017; trong đó có 01 buổi "
	  "thảo luận", 3, 1, "thảo luận", "seed 003: 'trong đó' names one part "
	  "of the whole" },
	{ "01 ngày, trong đó: 01 ngày học + 01 ngày thảo luận", -1, 0, NULL,
	  "parts longer than the whole: refused" },
	{ "0,3 ngày", -1, 0, NULL, "not a whole number of half days: refused" },
	{ "cả buổi sáng", -1, 0, NULL, "no amount: refused" },
	{ "0 ngày", -1, 0, NULL, "nothing: refused" },
	{ "15 ngày", -1, 0, NULL, "more than 10 days: refused" },
	{ "hoàn thành trước ngày 15/12/2020", -1, 0, NULL,
	  "a deadline is not a length" },
};

static void
test_lengths(void)
{
	struct plan_length l;
	size_t i;

	for (i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
		const char *why = plan_length_parse(lengths[i].words, &l);

		if (lengths[i].half_days < 0) {
			tap_ok(why != NULL && l.nparts == 0, "%s", lengths[i].name);
			continue;
		}
		tap_ok(why == NULL && l.half_days == lengths[i].half_days &&
		    l.nparts == lengths[i].nparts && (lengths[i].first_label ==
		    NULL || strcmp(l.parts[0].label, lengths[i].first_label) == 0),
		    "%s", lengths[i].name);
		plan_length_clear(&l);
	}
}

/* The words, a unit's members, and the copies it needs (-1: no ratio). */
static const struct {
	const char	*words;
	int		 members;
	int		 copies;
	const char	*name;
} ratios[] = {
	{ "03 đảng viên/01 cuốn", 10, 4, "seed 000: rounded up, nobody left out" },
	{ "03 đảng viên/01 cuốn", 9, 3, "exactly divisible" },
	{ "cấp bình quân 03 đảng viên/01 cuốn", 1, 1, "inside a sentence" },
	{ "01 cuốn/05 đảng viên", 11, 3, "copies first: the side naming people "
	  "is the members" },
	{ "2 người/1 bộ", 5, 3, "'người' names people too" },
	{ "3/1", 7, 3, "bare numbers: members first" },
	{ "01 đảng viên/02 cuốn", 4, 8, "more copies than members" },
	{ "03 đảng viên/01 cuốn", 0, 0, "a unit with no members needs none" },
	{ "ngày 24/11/2020", 10, -1, "a date is not a ratio" },
	{ "mỗi chi bộ một bộ", 10, -1, "no ratio written" },
	{ "", 10, -1, "empty" },
};

static void
test_ratios(void)
{
	size_t i;

	for (i = 0; i < sizeof ratios / sizeof ratios[0]; i++)
		tap_is_int(plan_ratio_copies(ratios[i].words, ratios[i].members),
		    ratios[i].copies, ratios[i].name);
}

/* The words and the time they give ("" : refused). */
static const struct {
	const char	*words;
	const char	*want;
} times[] = {
	{ "7:30", "07:30" }, { "07h30", "07:30" }, { "7 giờ 30", "07:30" },
	{ "14h", "14:00" }, { "13 giờ 30 phút", "13:30" }, { "24:00", "" },
	{ "7:5", "" }, { "sáng", "" }, { "", "" },
};

static void
test_times(void)
{
	char got[6];
	size_t i;

	for (i = 0; i < sizeof times / sizeof times[0]; i++) {
		if (plan_time_parse(times[i].words, got) != 0)
			*got = '\0';
		tap_ok(strcmp(got, times[i].want) == 0, "start time '%s': '%s'",
		    times[i].words, times[i].want);
	}
}

int
main(void)
{
	test_lengths();
	test_ratios();
	test_times();
	return tap_done();
}
