/*
 * completeness.h - reports going up: which units below have reported a
 * round of a plan, on time or late, which are missing, returned or
 * accepted (DHIS2's "reporting rate" and "reporting rate on time").
 *
 * A unit's tally report made final is its submission to the unit above
 * (tally_event 'final'; after a return, a resubmission). The unit above
 * returns it with a reason ('return': it is a draft again below) or
 * accepts it ('accept'). Each direct child of the receiving unit is
 * expected to report, and has exactly one status, from its report row
 * of the round (under the plan or a plan implementing it) and the latest
 * event of that report's history:
 *
 *   accepted  the report is final and the latest event accepted it;
 *   on time   the report is final, not yet accepted, and was made final
 *             (the latest submission) by the deadline, or there is none;
 *   late      the same, made final after the deadline;
 *   returned  the report is a draft and the latest event returned it;
 *   missing   anything else: no report, a draft never submitted, or a
 *             report its own unit reopened (withdrawn).
 *
 * so expected = on time + late + missing + returned + accepted, and
 * submitted = on time + late + accepted (the reports in hand above).
 *
 * The deadline of a child is the report_deadline of the round, in the
 * plan, a plan above it or a plan implementing it, asked of the child's
 * level (else one asked of every level), the earliest if several; none
 * means no report is late.
 */
#ifndef QT_COMPLETENESS_H
#define QT_COMPLETENESS_H

#include <stddef.h>
#include <stdint.h>

#include "domain/tally.h"

struct db;

enum completeness_status {
	COMPLETENESS_ON_TIME,
	COMPLETENESS_LATE,
	COMPLETENESS_MISSING,
	COMPLETENESS_RETURNED,
	COMPLETENESS_ACCEPTED,
	COMPLETENESS_NSTATUS
};

/* "on time", "late"... as `report completeness` prints them; static. */
const char	*completeness_status_code(enum completeness_status s);
/* "Đúng hạn", "Trễ hạn"... as the screen shows them; static. */
const char	*completeness_status_name(enum completeness_status s);

/* One child unit's line. */
struct completeness_unit {
	int64_t		 unit_id;
	char		*name;
	enum completeness_status status;
	int64_t		 report_id;	/* 0: no report row */
	char		 submitted_on[11];	/* ISO: made final (the latest submission), "" */
	char		 deadline[11];	/* ISO, "" when none */
	/*
	 * Missing or returned: days left until the deadline (negative:
	 * overdue by that many); late: days after the deadline it came in.
	 * Valid when has_days (a deadline, and a status that has days).
	 */
	int		 has_days;
	long		 days;
	int		 on_time;	/* in hand and made final by the deadline */
	char		*reason;	/* returned: why; else "" */
	struct tally	 counts;	/* the snapshot when final, else live */
	int		 counts_final;	/* 1: counts are the report's snapshot */
};

struct completeness {
	int64_t		 plan_id;
	int64_t		 unit_id;	/* the receiving unit */
	int		 round;
	char		 today[11];
	struct completeness_unit *units;	/* its direct children, by name */
	size_t		 nunits;
	int64_t		 expected;
	int64_t		 submitted;	/* on time + late + accepted */
	int64_t		 submitted_on_time;	/* of them, made final by the deadline */
	int64_t		 count[COMPLETENESS_NSTATUS];
};

/*
 * The completeness of ROUND (1-12) of plan PLAN_ID for the children of
 * UNIT_ID as of TODAY (ISO): each child's status, dates and figures
 * (tally counts of the child's subtree: its report's snapshot when
 * final, else live), and the totals. 0, or -1 on error (db_error) with
 * *out empty. Release with completeness_clear.
 */
int		 completeness_build(struct db *db, int64_t plan_id,
		    int64_t unit_id, int round, const char *today,
		    struct completeness *out);
/*
 * The same without the figures (each unit's counts left zero): the
 * statuses and totals alone, which read no member.
 */
int		 completeness_statuses(struct db *db, int64_t plan_id,
		    int64_t unit_id, int round, const char *today,
		    struct completeness *out);
void		 completeness_clear(struct completeness *c);

/* "còn 3 ngày", "quá 4 ngày", "trễ 2 ngày", or "" for u, into out. */
void		 completeness_days_text(const struct completeness_unit *u,
		    char *out, size_t size);

/* n of expected as a whole percentage, rounded down; 0 when expected is 0. */
int		 completeness_rate(int64_t n, int64_t expected);

/*
 * The figures of one unit's report as every face shows them: the
 * snapshot when final (*final 1), else counted now. 0 or -1 (db_error).
 */
int		 completeness_figures(struct db *db, int64_t plan_id,
		    int64_t unit_id, int round, const char *today,
		    struct tally *out, int *final);

/*
 * The table as text (one line per child: status, submission date,
 * deadline, days left or overdue, items 1-4; then the totals and the
 * rates) or CSV (RFC 4180, CRLF, the same columns on every row, a total
 * row last). With history, each child's report history follows its line
 * (text only). Newly allocated, or NULL on error (db_error).
 */
char		*completeness_format_txt(struct db *db,
		    const struct completeness *c, int history);
char		*completeness_format_csv(const struct completeness *c);

#endif
