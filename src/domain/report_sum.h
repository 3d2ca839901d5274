/*
 * report_sum.h - a draft report summed from the units below it, and the
 * reading of a report row, shared by report.c (private to src/domain).
 *
 * Each unit of the subtree is counted live as of its own cutoff
 * (report_cutoff: the round's deadline for its level, else today), from
 * the counters, except below a unit whose report of the round is final:
 * the first such report on the way down counts with its snapshot, all
 * of its subtree. That is report.h's definition (a parent's own members
 * plus each child's report, recursively) computed flat: the subtree is
 * read once, every live unit in one counters query (tally_compute_units),
 * each submitted report one row, and report_cutoff once per pair of a
 * unit's kind and the kinds below it (all it depends on).
 */
#ifndef QT_REPORT_SUM_H
#define QT_REPORT_SUM_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "domain/report.h"

struct db;

/* What a draft sums from its subtree. */
struct report_sum {
	struct tally	 total;		/* the report's counts */
	struct report_unit *units;	/* a line per direct child, by name */
	size_t		 nunits;
	char		*live;		/* struct report's live */
	char		 cutoff[11];	/* the unit's own */
	/* Every unit of the subtree with the day it is counted as of (a
	 * submitted report's subtree: the snapshot's), parents first. */
	struct tally_unit *cuts;
	size_t		 ncuts;
};

/*
 * The sum of the draft of UNIT_ID for ROUND of plan PLAN_ID as of TODAY
 * (ISO). 0, or -1 (db_error) with *out empty. Release with
 * report_sum_clear.
 */
int		 report_sum(struct db *db, int64_t plan_id, int64_t unit_id,
		    int round, const char *today, struct report_sum *out);
void		 report_sum_clear(struct report_sum *s);

/* The snapshot columns of tally_report t, as report_snapshot reads them. */
#define REPORT_SNAPSHOT_COLS \
	"t.total_members, t.participated, t.wrote, t.exempt, t.reasons, " \
	"t.must_write, t.missing, t.late, t.guests_present, " \
	"coalesce(t.cutoff, t.finalized_on)"
#define REPORT_SNAPSHOT_NCOLS	10	/* the columns it names */

/*
 * The snapshot of a final row from its REPORT_SNAPSHOT_COLS, starting at
 * col, into *t and cutoff. A row made final before schema 10 kept items
 * 1-4 only: "not yet" is then what the identity of tally.h leaves.
 */
void		 report_snapshot(sqlite3_stmt *stmt, int col, struct tally *t,
		    char cutoff[11]);
/* A text column, newly allocated ("" for NULL). */
char		*report_col(sqlite3_stmt *stmt, int col);
/* An ISO date column into an 11-byte buffer ("" for NULL or not a date). */
void		 report_col_date(sqlite3_stmt *stmt, int col, char out[11]);

#endif
