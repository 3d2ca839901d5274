/*
 * test_domain_rules.c - who must write, due dates and lateness
 * (src/domain/rules.c) on the fixture database.
 */
#include "config.h"

#include <stdlib.h>

#include "db.h"
#include "domain/rules.h"
#include "domain_fixture.h"
#include "tap.h"

static struct qt_date
day(int y, int m, int d)
{
	struct qt_date out = { y, m, d };

	return out;
}

/* must_write for a status under a plan, and the reason given. */
struct must_case {
	int64_t		 plan;
	const char	*status;
	int		 want;
	const char	*reason;
	const char	*name;
};

static const struct must_case defaults[] = {
	{ FX_D1, "active", 1, "", "active members write" },
	{ FX_D1, "retired", 0, "Hưu trí", "retired exempt by default" },
	{ FX_D1, "exempt_activity", 0, "Miễn sinh hoạt",
	  "exempt from activities by default" },
	{ FX_D1, "exempt_work", 0, "Miễn công tác", "exempt from work by default" },
	{ FX_D1, "guest", 0, "Quần chúng", "guests never write" },
};

/* After the overrides test_exemptions adds. */
static const struct must_case overridden[] = {
	{ FX_D1, "retired", 1, "", "plan override: retired write" },
	{ FX_D2, "retired", 1, "", "override inherited by the plan implementing it" },
	{ FX_D3, "retired", 0, "Hưu trí", "other plans keep the default" },
	{ FX_D2, "exempt_work", 1, "", "override on the commune plan" },
	{ FX_D1, "exempt_work", 0, "Miễn công tác",
	  "commune override does not reach the province plan" },
	{ FX_D1, "guest", 0, "Quần chúng", "guests never write, whatever a rule says" },
	{ FX_D2, "active", 0, "Đã học ở lớp cấp huyện", "override reason returned" },
};

static void
must(struct db *db, const struct must_case *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char *reason = NULL;

		tap_is_int(rules_must_write(db, c[i].plan, c[i].status, &reason),
		    c[i].want, c[i].name);
		tap_is_str(reason, c[i].reason, c[i].name);
		free(reason);
	}
}

static void
test_exemptions(struct db *db)
{
	must(db, defaults, sizeof defaults / sizeof defaults[0]);
	tap_is_int(rules_must_write(db, FX_D1, "nobody", NULL), -1,
	    "unknown status is an error");
	/* Plans that want retired members to write too, and so on. */
	db_exec(db, "INSERT INTO exemption_rule(document_id, status, must_write,"
	    " reason) VALUES (100, 'retired', 1, ''),"
	    " (101, 'exempt_work', 1, ''), (100, 'guest', 1, ''),"
	    " (101, 'active', 0, 'Đã học ở lớp cấp huyện')");
	must(db, overridden, sizeof overridden / sizeof overridden[0]);
	db_exec(db, "DELETE FROM exemption_rule WHERE document_id IS NOT NULL");
}

static void
due(struct db *db, int64_t member, int rc, const char *want, const char *name)
{
	struct qt_date d;
	char iso[11] = "";

	tap_is_int(rules_essay_due(db, FX_D1, member, &d), rc, name);
	if (rc == 0)
		date_to_iso(d, iso);
	if (rc == 0)
		tap_is_str(iso, want, name);
}

static void
test_due(struct db *db)
{
	due(db, FX_A1, 0, "2021-04-17", "7 days after the first session attended");
	due(db, FX_A2, 0, "2021-04-27", "absent member: 7 days after the make-up");
	due(db, FX_B2, 0, "2021-04-19", "self-study starts the clock");
	due(db, FX_A6, 0, "2021-04-27",
	    "never attended: after the unit's latest held session");
	due(db, FX_B4, 0, "2021-04-19",
	    "planned sessions and other plans do not count");
	due(db, FX_E1, -1, "", "no session yet: no due date");
	db_exec(db, "UPDATE essay_rule SET due_days = 10 WHERE document_id = 100");
	due(db, FX_A1, 0, "2021-04-20", "due_days comes from the essay rule");
	db_exec(db, "UPDATE essay_rule SET due_days = 7 WHERE document_id = 100");
	db_exec(db, "UPDATE essay_rule SET kind = 'date', due_on = '2021-06-29'"
	    " WHERE document_id = 100");
	due(db, FX_A1, 0, "2021-06-29", "a fixed date: due on it");
	due(db, FX_A2, 0, "2021-06-29", "whenever the member studied");
	due(db, FX_E1, -1, "", "no session yet: no due date, even so");
	tap_ok(db_exec(db, "UPDATE essay_rule SET due_on = NULL WHERE "
	    "document_id = 100") != 0, "a fixed date needs its day");
	db_exec(db, "UPDATE essay_rule SET kind = 'days', due_on = NULL"
	    " WHERE document_id = 100");
}

static void
test_states(void)
{
	struct qt_date d = day(2021, 4, 17);
	struct qt_date on = day(2021, 4, 17), after = day(2021, 4, 18);

	tap_is_int(rules_essay_state(1, &d, NULL, on), ESSAY_DUE,
	    "not late on the due date");
	tap_is_int(rules_essay_state(1, &d, NULL, after), ESSAY_LATE,
	    "late the day after");
	tap_is_int(rules_essay_state(1, &d, &on, after), ESSAY_SUBMITTED,
	    "handed in on the due date is on time");
	tap_is_int(rules_essay_state(1, &d, &after, after),
	    ESSAY_SUBMITTED_LATE, "handed in the day after is late");
	tap_is_int(rules_essay_state(0, &d, NULL, after), ESSAY_EXEMPT,
	    "exempt is never late");
	tap_is_int(rules_essay_state(0, &d, &after, after), ESSAY_SUBMITTED,
	    "exempt member who wrote anyway");
	tap_is_int(rules_essay_state(1, NULL, NULL, after), ESSAY_NOT_DUE,
	    "no session yet: not due");
	tap_is_str(rules_state_name(ESSAY_LATE), "Quá hạn", "state name");
}

static void
state(struct db *db, int64_t member, struct qt_date today, int want,
    const char *name)
{
	enum essay_state s = ESSAY_EXEMPT;

	tap_is_int(rules_member_state(db, FX_D1, member, today, &s), 0, name);
	tap_is_int(s, want, name);
}

static void
test_member_states(struct db *db)
{
	struct qt_date t = day(2021, 4, 30);

	state(db, FX_A1, t, ESSAY_SUBMITTED, "a1 on time (essay under the commune plan)");
	state(db, FX_A2, t, ESSAY_SUBMITTED_LATE, "a2 late");
	state(db, FX_A3, t, ESSAY_SUBMITTED, "retired a3 wrote anyway");
	state(db, FX_A5, t, ESSAY_EXEMPT, "a5 exempt from work");
	state(db, FX_A6, t, ESSAY_LATE, "a6 overdue");
	state(db, FX_A6, day(2021, 4, 27), ESSAY_DUE, "a6 not yet overdue");
	state(db, FX_B1, t, ESSAY_SUBMITTED, "b1 on its due date");
	state(db, FX_B2, t, ESSAY_LATE, "b2's essay of another plan does not count");
	state(db, FX_E1, t, ESSAY_NOT_DUE, "e1 has had no session");
	tap_is_int(rules_member_state(db, FX_D1, 999, t, &(enum essay_state){0}),
	    -1, "unknown member");
}

int
main(void)
{
	struct db *db = fixture_open();

	test_exemptions(db);
	test_due(db);
	test_states();
	test_member_states(db);
	fixture_close(&db);
	return tap_done();
}
