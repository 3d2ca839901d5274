/*
 * submission.h - a tally report's way up: its history (made final, that
 * is submitted; reopened; returned by the unit above; accepted), and
 * what is still open before it is made final.
 */
#ifndef QT_SUBMISSION_H
#define QT_SUBMISSION_H

#include <stddef.h>
#include <stdint.h>

#include "domain/tally.h"

struct db;

/* tally_event.action, in the schema's spelling. */
enum submission_action {
	SUBMISSION_FINAL,	/* made final: submitted to the unit above */
	SUBMISSION_REOPEN,	/* reopened by its own unit */
	SUBMISSION_RETURN,	/* returned by the unit above, with a reason */
	SUBMISSION_ACCEPT,	/* accepted by the unit above */
};

/* One line of a report's history. */
struct submission_event {
	char		 at[11];	/* ISO */
	enum submission_action action;
	int		 again;		/* a submission after a return: resubmitted */
	char		*who;		/* the login that did it */
	char		*reason;	/* why reopened or returned; "" */
};

/* The action as the schema spells it ("final"...); static. */
const char	*submission_action_code(enum submission_action a);
/* "nộp báo cáo", "nộp lại", "mở lại", "trả lại", "duyệt" for e; static. */
const char	*submission_event_name(const struct submission_event *e);

/* The history of report_id, oldest first; count, or -1 (db_error). */
int		 submission_history(struct db *db, int64_t report_id,
		    struct submission_event **out);
void		 submission_history_free(struct submission_event **e,
		    size_t n);

/* What is still open when a report is about to be made final. */
struct submission_open {
	int64_t		 not_yet;	/* members who must write and have not */
	int64_t		 unheld;	/* sessions of the plans still planned */
	int64_t		 makeups;	/* of them, make-up sessions */
	int		 no_assessment;	/* item 5 empty */
	int		 no_proposals;	/* item 6 empty */
	int		 adds_up;	/* item 1 = 3 + 4 + not yet */
};

/*
 * Fills *out for the report of UNIT_ID under PLAN_ID whose figures are
 * COUNTS (those the snapshot will keep) and whose items 5 and 6 are
 * ASSESSMENT and PROPOSALS. 0 or -1 (db_error).
 */
int		 submission_open_items(struct db *db, int64_t plan_id,
		    int64_t unit_id, const struct tally *counts,
		    const char *assessment, const char *proposals,
		    struct submission_open *out);
/* 1 when the form's items add up: item 1 = 3 + 4 + not yet. */
int		 submission_adds_up(const struct tally *t);
/*
 * The open items as one Vietnamese sentence ("Còn 3 đảng viên chưa nộp
 * bài thu hoạch; 1 buổi học chưa tổ chức..."), or NULL when nothing is
 * open. Newly allocated.
 */
char		*submission_open_text(const struct submission_open *o);

#endif
