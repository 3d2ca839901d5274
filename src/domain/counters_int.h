/*
 * counters_int.h - between the parts of the counters' check (counters.c,
 * counters_facts.c).
 */
#ifndef QT_COUNTERS_INT_H
#define QT_COUNTERS_INT_H

#include <stdint.h>

struct db;

/* Told of one (plan, unit) whose counters differ from the recount. */
typedef void (*counters_differ_fn)(int64_t plan, int64_t unit, void *ctx);

/*
 * tally_fact against the facts recounted from attendance and essays:
 * differ once or twice for each (member, plan) that disagrees. 0, or -1
 * on error (db_error).
 */
int	counters_facts_diff(struct db *db, counters_differ_fn differ,
	    void *ctx);

#endif
