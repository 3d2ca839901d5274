/*
 * test_domain_action.c - where a task of the action programme stands as
 * of a day (src/domain/action.c): each rule of action.h.
 */
#include "config.h"

#include "domain/action.h"
#include "tap.h"

static const struct {
	const char		*status, *due, *done, *today;
	enum action_state	 want;
	const char		*name;
} cases[] = {
	{ "done", "2021-04-30", "2021-04-30", "2021-05-10", ACTION_DONE,
	  "done on its last day: done" },
	{ "done", "2021-04-30", "2021-05-01", "2021-05-10", ACTION_DONE_LATE,
	  "done the day after: done late" },
	{ "done", "", "2021-05-01", "2021-05-10", ACTION_DONE,
	  "done with no last day: done" },
	{ "pending", "2021-05-10", "", "2021-05-10", ACTION_PENDING,
	  "not done, today is its last day: pending" },
	{ "doing", "2021-05-09", "", "2021-05-10", ACTION_LATE,
	  "under way, its last day passed: late" },
	{ "pending", "", "", "2030-01-01", ACTION_PENDING,
	  "no last day is never late" },
};

int
main(void)
{
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		tap_is_int(action_state(cases[i].status, cases[i].due,
		    cases[i].done, cases[i].today), cases[i].want, cases[i].name);
	return tap_done();
}
