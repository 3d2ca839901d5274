/*
 * counters.h - the tally's counters (data/schema/014_counters.sql), which
 * triggers keep up to date with every write and tally_compute_at sums:
 * checked against a recount from the rows, and rebuilt from it.
 */
#ifndef QT_COUNTERS_H
#define QT_COUNTERS_H

struct db;

/* The day of a member who has not taken part (or written): after any cutoff. */
#define TALLY_NO_DAY	"9999-12-31"

/*
 * Recounts the counters from the rows and calls found once per plan and
 * unit whose counters differ ("kế hoạch KH-1, Chi bộ ấp A"). The number
 * of findings, -1 on error (db_error).
 */
int	counters_check(struct db *db, void (*found)(const char *, void *),
	    void *ctx);
/* Rebuilds every counter from the rows, in one transaction. 0 or -1. */
int	counters_rebuild(struct db *db);

#endif
