/*
 * plan_text_int.h - what the files reading a plan's text share (private
 * to src/domain/plan_text*.c).
 */
#ifndef QT_PLAN_TEXT_INT_H
#define QT_PLAN_TEXT_INT_H

struct plan_text_item;

struct pt_line {
	char	*s;		/* the line, NFC, without its line end */
	char	*fold;		/* text_fold(s) */
	int	 no;		/* from 1 */
};

/* fold past its list marks ("- ", "* ", "a) ", "2.1. "). */
const char *pt_unmarked(const char *fold);

/*
 * How item it's session is held, from its block, lines [from, to) (its
 * heading first): start time, form, bridge points (plan_text_how.c).
 */
void	pt_item_how(struct plan_text_item *it, const struct pt_line *l,
	    int from, int to);

#endif
