/*
 * deadline.h - deadlines as plans write them, resolved to a last day.
 *
 * Plans rarely give a date alone: "hoàn thành trong tháng 5-2021", "quý
 * II/2021", "nửa đầu tháng 12/2017", "đợt 1 trước ngày 29-4-2021, đợt 2
 * trước ngày 28-5-2021". The words are kept as written (they are what the
 * clerk reads and checks against the paper) and resolved to the last day
 * on which the work is still on time, which drives the overdue warnings.
 * docs/deadlines.md gives each form of words, its last day and why.
 */
#ifndef QT_DEADLINE_H
#define QT_DEADLINE_H

#include "domain/date.h"

/* Rounds one phrase can name ("đợt 1 …, đợt 2 …"); more is refused. */
#define DEADLINE_MAX_ROUNDS	8

struct deadline_round {
	int		round;		/* the number written after "đợt" */
	struct qt_date	last;
};

struct deadline {
	char			*words;		/* the phrase, trimmed, NFC */
	struct qt_date		 last;		/* the last day (of the last round) */
	int			 nrounds;	/* 0: no rounds named */
	struct deadline_round	 rounds[DEADLINE_MAX_ROUNDS];
};

/*
 * Resolves the phrase words. doc_year is the year of the plan's date,
 * used when the phrase names no year ("trước ngày 20/8", "quý II"); 0
 * when unknown, and then such a phrase is refused. Returns NULL with *out
 * filled (free it with deadline_clear), or a Vietnamese message held in
 * a static buffer that the next call overwrites; *out is then empty.
 */
const char	*deadline_parse(const char *words, int doc_year,
		    struct deadline *out);
void		 deadline_clear(struct deadline *d);
/*
 * The last day of words as YYYY-MM-DD in iso: deadline_parse without
 * the rounds. NULL, or its message (iso then "").
 */
const char	*deadline_last_day(const char *words, int doc_year,
		    char iso[11]);

#endif
