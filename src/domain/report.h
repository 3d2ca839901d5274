/*
 * report.h - the essay tally report ("báo cáo tổng hợp bài thu hoạch",
 * the second form at the end of seed 000) as one model: every face (the
 * tally screen, `quantriet report tally --format txt|csv`, the server's
 * `tally`) gets a struct report from report_build() and only renders it.
 *
 * What the model holds, and where each part comes from:
 *   - the header: the unit above and the unit, the place (setting
 *     "place"), the report's date (the day it was made final, else today);
 *   - the plan it carries out, and what is studied;
 *   - the six items: labels from report_item_label() (seed 000's wording,
 *     said once here); items 1-4 are counts (tally.h says how each
 *     member is counted so that item 1 = 3 + 4 + not yet); 5 and 6 are
 *     the report row's text (tally_report). Beside item 6, what reached
 *     the unit directly: the proposals in the essays of its own members
 *     and of its cells' members (a cell's or a commune's report gathers
 *     its members' essays), and the item 6 of each child report that is
 *     in from a unit that is not a cell (a district reads its communes'
 *     reports, not 100,000 essays);
 *   - the signer: the row's, else the unit's secretary;
 *   - the counts: the snapshot taken when the report was made final;
 *     for a draft, summed from the units below: a direct child whose
 *     report of the round is final (submitted) counts with its snapshot,
 *     whatever is recorded in it afterwards; one whose report is not
 *     counts as its own draft would, live (its own members as of its
 *     cutoff, its children the same way down); the unit's own members
 *     count live as of the round's cutoff. So a commune's report is built
 *     from its cells' submitted reports, and a district's from its
 *     communes'. Live figures come from the counters (tally.h), one read
 *     for the whole subtree; a snapshot is one row;
 *   - one line of counts per direct child unit, as summed, and the names
 *     of the children whose report is not in, counted live (report_live_
 *     note): every face names them. A final report keeps that list in
 *     its snapshot; its lines are as they stood the day it was made
 *     final, and so are the members' proposals of item 6, each unit's as
 *     of the cutoff it is counted as of (a submitted child's: its
 *     snapshot's).
 *
 * The round's cutoff (report_cutoff): a round counts only what happened
 * by its deadline, and nothing after today. The deadline of round R for
 * a unit is the report_deadline of round R, in the plan, a plan above it
 * or a plan implementing it, for the unit's level (or for every level);
 * else the latest one for a level below it (a commune's sum covers what
 * its cells reported); else the earliest of the round. A round without
 * a deadline is counted as of today.
 */
#ifndef QT_REPORT_H
#define QT_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "domain/tally.h"

struct db;

/* The form's six items, in order. */
enum report_item {
	REPORT_MEMBERS,		/* 1. total party members */
	REPORT_STUDIED,		/* 2. took part in the study */
	REPORT_WROTE,		/* 3. wrote an essay */
	REPORT_EXEMPT,		/* 4. exempt from writing */
	REPORT_ASSESSMENT,	/* 5. assessment of the essays */
	REPORT_PROPOSALS,	/* 6. members' proposals */
	REPORT_NITEMS
};

/* "1. Tổng số đảng viên", ... as seed 000 words them; static. */
const char	*report_item_label(enum report_item item);

/*
 * A member's proposal (part 3 of an essay handed in by the cutoff), of a
 * member of the unit or of one of its cells.
 */
struct report_proposal {
	char		*full_name;
	char		*unit_name;
	char		*text;
};

/* One direct child unit's line of counts. */
struct report_unit {
	int64_t		 unit_id;
	char		*name;
	int		 final;		/* its report is in (final): counts are its
					   snapshot; 0: counted live */
	char		 cutoff[11];	/* ISO: the day its counts are as of */
	struct tally	 counts;
	char		*proposals;	/* item 6 of its report when that is in
					   and is not a cell's; else NULL */
};

struct report {
	int64_t		 plan_id;	/* asked for: counts cover it and the plans below */
	int64_t		 unit_id;
	int		 round;
	/* Header. */
	char		*unit_name;	/* "Chi bộ ấp Vĩnh Phước" */
	char		*parent_name;	/* "Đảng bộ xã Vĩnh Hòa Hiệp", "" at a root */
	int		 is_cell;	/* signed "T/M CHI ỦY CHI BỘ", else "T/M ĐẢNG ỦY" */
	char		*place;		/* setting "place", else "" */
	char		 date[11];	/* ISO: made final on, else today */
	/* The plan. */
	char		*plan_number;	/* "13-KH/TU" */
	char		*plan_title;
	char		*plan_ref;	/* "Kế hoạch số 13-KH/TU, ngày 05/03/2021 của ..." */
	char		*subject;	/* the resolutions studied, or the plan's title */
	/* The report row (report_id 0: none saved yet). */
	int64_t		 report_id;
	int		 final;
	char		*assessment;	/* item 5, "" if none */
	char		*proposals;	/* item 6, the unit's own summary */
	char		*signer;	/* the row's, else the unit's secretary */
	/* Counts. */
	char		 deadline[11];	/* ISO: the round's deadline, "" if none */
	char		 cutoff[11];	/* ISO: the day the counts are as of */
	struct tally	 counts;	/* the snapshot when final, else live */
	/* With REPORT_WITH_PROPOSALS: members' proposals, unit then name. */
	struct report_proposal *member_proposals;
	size_t		 nmember_proposals;
	int		 more_proposals;	/* 1: there were more than the limit */
	/* The direct child units, by name, each as summed into counts. */
	struct report_unit *units;
	size_t		 nunits;
	/*
	 * The children counted live (their report not in), one name a line,
	 * " (bị trả lại)" after a returned one; "" when none. A final
	 * report's as kept in its snapshot.
	 */
	char		*live;
};

/* What report_build reads besides the report itself. */
#define REPORT_WITH_PROPOSALS	0x1	/* the members' proposals */

/*
 * Members' proposals a report holds at most: they come from the unit's
 * own cells only, so a commune's all fit (its counts per proposal are
 * whole); a larger one is told the rest are in its cells' reports.
 */
#define REPORT_MAX_PROPOSALS	3000

/*
 * Builds the report of UNIT_ID for plan PLAN_ID (and the plans below it)
 * and ROUND (1-12) as of TODAY (ISO; NULL: date_today()). The report row
 * is the unit's for the round under the plan itself, else under a plan
 * implementing it. 0 ok; -1 on error (db_error), *out then empty.
 * Release with report_clear.
 */
int		 report_build(struct db *db, int64_t plan_id, int64_t unit_id,
		    int round, const char *today, int flags, struct report *out);
void		 report_clear(struct report *r);

/*
 * The counts of a report, the one way every face and the snapshot get
 * them: for a final report row, its snapshot; else summed from the
 * units below (see above). *final says which, cutoff (11 bytes)
 * receives the day counted to; with live not NULL, *live gets a new
 * string: the children counted live (struct report's live). 0 or -1
 * (db_error).
 */
int		 report_counts(struct db *db, int64_t plan_id, int64_t unit_id,
		    int round, const char *today, struct tally *out,
		    int *final, char cutoff[11], char **live);

/*
 * The sentence every face prints under the counts when children were
 * counted live: "Chưa nộp báo cáo đợt 1 (số liệu của họ là số hiện tại,
 * chưa chốt): Chi bộ ấp A, Chi bộ ấp B (bị trả lại)"; NULL when none.
 * Raw names: each face passes it through its sanitiser. Newly allocated.
 */
char		*report_live_note(const struct report *r);

/* 1 when a child's report brought its item 6 (struct report_unit). */
int		 report_has_unit_proposals(const struct report *r);

/*
 * The line under item 4 that makes the form add up (item 1 = 3 + 4 +
 * this): "Số đảng viên chưa viết thu hoạch: 62 (quá hạn: 10)". Every
 * face prints it as it is. Newly allocated.
 */
char		*report_not_yet_note(const struct tally *t);

/*
 * How a line of counts is marked in the CSV: "đã chốt" (a snapshot) or
 * "nháp (số hiện tại)" (live); static.
 */
const char	*report_figures_word(int final);

/*
 * The cutoff of ROUND for UNIT_ID under PLAN_ID as of TODAY (ISO): the
 * round's deadline (into deadline, "" if none) or today, whichever comes
 * first, into cutoff. 0 or -1 (db_error).
 */
int		 report_cutoff(struct db *db, int64_t plan_id, int64_t unit_id,
		    int round, const char *today, char deadline[11],
		    char cutoff[11]);

/*
 * Item 4's reasons as they are kept in a final report's snapshot, and
 * back: one "COUNT<TAB>REASON" line each. report_reasons_encode returns
 * a new string; report_reasons_decode adds each line to t.
 */
char		*report_reasons_encode(const struct tally *t);
void		 report_reasons_decode(const char *text, struct tally *t);

/*
 * The counts as CSV (RFC 4180, UTF-8, CRLF line ends): a header row, then
 * one row per child unit and a total row (the report's own counts) when
 * it has children, else one row for the unit; the status column is
 * report_figures_word's. The columns are the same on every row and every run: the unit,
 * whether final, the cutoff, items 1-4, one column per exemption reason
 * (in the rules' order), must write, not yet, late, guests. Newly
 * allocated.
 */
char		*report_format_csv(const struct report *r);

#endif
