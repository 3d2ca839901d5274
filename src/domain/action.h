/*
 * action.h - a unit's action programme for a plan ("chương trình hành
 * động") and its yearly review ("hàng năm kiểm điểm").
 *
 * Each item is "5 rõ": the task, who leads, the schedule, the expected
 * result, the responsibility; with its last day (due_on, may be none),
 * where it stands (pending, doing, done) and the day it was done. The
 * review puts each item in one state as of a day:
 *
 *   done       done, by its last day or with none;
 *   done late  done after its last day;
 *   late       not done and its last day has passed;
 *   pending    not done, its last day not passed (or none).
 *
 * The screen (screens/actions.c) and `quantriet report actions` both
 * render action_review_build's model.
 */
#ifndef QT_ACTION_H
#define QT_ACTION_H

#include <stddef.h>
#include <stdint.h>

struct db;

enum action_state {
	ACTION_DONE,
	ACTION_DONE_LATE,
	ACTION_LATE,
	ACTION_PENDING,
	ACTION_NSTATES
};

/* The state of an item as of today (ISO dates; due_on, done_on may be ""). */
enum action_state action_state(const char *status, const char *due_on,
		    const char *done_on, const char *today);
/* "Đã xong", "Xong trễ hạn", "Trễ hạn", "Chưa xong"; static. */
const char	*action_state_name(enum action_state s);

struct action_item_row {
	int64_t		 id;
	char		*task, *person, *schedule, *result, *responsibility;
	char		*due_on;	/* ISO or "" */
	char		*status;	/* pending / doing / done */
	char		*done_on;	/* ISO or "" */
	enum action_state state;
};

struct action_review {
	char			*plan;		/* "NUMBER title" */
	char			*unit;		/* the unit's name */
	char			*due_text;	/* the programme's deadline as written */
	char			*due_on;	/* its last day, ISO or "" */
	char			 today[11];
	struct action_item_row	*items;		/* by last day, then as entered */
	size_t			 n;
	int			 count[ACTION_NSTATES];
};

/*
 * The programme of unit_id for plan document_id as of today, into *r
 * (action_review_clear). 0, or -1 with db_error set.
 */
int	 action_review_build(struct db *db, int64_t document_id,
	    int64_t unit_id, const char *today, struct action_review *r);
void	 action_review_clear(struct action_review *r);
/* The review as text to print, one item a paragraph; a new string. */
char	*action_review_txt(const struct action_review *r);

#endif
