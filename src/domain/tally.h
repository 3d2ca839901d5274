/*
 * tally.h - the counts of the essay tally report ("báo cáo tổng hợp bài
 * thu hoạch", the second form at the end of seed 000), computed from the
 * rows as of a cutoff day. The report itself (header, items, text,
 * snapshot) is domain/report.h's, which calls tally_compute_at.
 *
 * The rule that makes the form add up (item 1 = item 3 + item 4 + not
 * yet): every party member of the units is counted once, as
 *   - a writer (item 3) when an essay of the plans was handed in by the
 *     cutoff, whether the member had to write or was exempt: an exempt
 *     member who wrote anyway is a writer, not under item 4;
 *   - else exempt (item 4, by reason) when the plan's rules exempt the
 *     member's status;
 *   - else "not yet" (missing), of whom "late" are past their due day.
 * Sessions and essays dated after the cutoff do not count yet.
 */
#ifndef QT_TALLY_H
#define QT_TALLY_H

#include <stddef.h>
#include <stdint.h>

struct db;

struct tally_reason {
	char		*reason;
	int64_t		 count;
};

struct tally {
	int64_t		 total_members;	/* 1. party members (not guests) in the unit and below */
	int64_t		 participated;	/* 2. of them, present at a session that counts, or self-studied */
	int64_t		 wrote;		/* 3. of them, handed in an essay for the plans by the cutoff */
	int64_t		 exempt;	/* 4. of them, exempt by the rules and not writers */
	/*
	 * 4. by reason: every reason the plan's rules give a party member
	 * (0 when nobody has it), in the order of member_status.sort, so
	 * every unit's tally of a plan lists the same reasons in one order.
	 */
	struct tally_reason *reasons;
	size_t		 nreasons;
	int64_t		 must_write;	/* members who must write */
	int64_t		 late;		/* must write, not submitted, due date before the cutoff */
	int64_t		 missing;	/* must write, not submitted (late or not): "not yet" */
	int64_t		 guests_present;	/* non-members who attended */
};

/*
 * Computes the counts for plan DOCUMENT_ID and every plan below it in the
 * document tree (a commune records sessions and essays under its own plan
 * implementing the province's) over UNIT_ID and every unit below it, as
 * of CUTOFF (ISO; NULL or "": today). The exemption rules and due days
 * are those of DOCUMENT_ID (rules.h); "late" is judged against the
 * cutoff. 0 ok, -1 on error (db_error). *out is overwritten; release it
 * with tally_clear(). This is the one count computation: the report
 * model, Home and the final snapshot all call it.
 */
int		 tally_compute_at(struct db *db, int64_t document_id,
		    int64_t unit_id, const char *cutoff, struct tally *out);
/* A unit whose own members (not those of the units below) are counted. */
struct tally_unit {
	int64_t		 unit_id;
	size_t		 group;		/* the tally of out[] its members add to */
	char		 cutoff[11];	/* ISO: counted as of this day */
};
/*
 * The counts of the own members of each of the N units, each as of its
 * own cutoff, added to out[units[i].group] (ngroups tallies the caller
 * zeroed or filled), under plan DOCUMENT_ID's rules as tally_compute_at
 * counts them: the rules read once, then each unit's counters. A group that
 * gets units gets every reason of the rules, in order. 0, or -1 on error
 * (db_error): out[] then holds part of the counts.
 */
int		 tally_compute_units(struct db *db, int64_t document_id,
		    const struct tally_unit *units, size_t n,
		    struct tally *out, size_t ngroups);
/* tally_compute_at as of today. */
int		 tally_compute(struct db *db, int64_t document_id,
		    int64_t unit_id, struct tally *out);
void		 tally_clear(struct tally *t);
/* A deep copy of src into *dst (released with tally_clear). */
void		 tally_copy(struct tally *dst, const struct tally *src);
/* Adds every count of src to dst, reasons merged by tally_add_reason. */
void		 tally_sum(struct tally *dst, const struct tally *src);
/* Adds n members exempt for reason, merging equal reasons (in order). */
void		 tally_add_reason(struct tally *t, const char *reason,
		    int64_t n);

#endif
