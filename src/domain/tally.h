/*
 * tally.h - the essay tally report ("báo cáo tổng hợp bài thu hoạch", the
 * second form at the end of seed 000), computed from the rows.
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
	int64_t		 participated;	/* 2. of them, present at a held session of the plans, or self-studied */
	int64_t		 wrote;		/* 3. of them, submitted an essay for the plans */
	int64_t		 exempt;	/* 4. of them, exempt by the exemption rules */
	struct tally_reason *reasons;	/* 4. by reason, largest first */
	size_t		 nreasons;
	int64_t		 must_write;	/* members who must write */
	int64_t		 late;		/* must write, not submitted, due date passed */
	int64_t		 missing;	/* must write, not submitted (late or not) */
	int64_t		 guests_present;	/* non-members who attended */
};

/*
 * Computes the counts for plan DOCUMENT_ID and every plan below it in the
 * document tree (a commune records sessions and essays under its own plan
 * implementing the province's) over UNIT_ID and every unit below it. The
 * exemption rules and due days are those of DOCUMENT_ID (rules.h); "late"
 * is judged against date_today(). 0 ok, -1 on error (db_error). *out is
 * overwritten; release it with tally_clear().
 */
int		 tally_compute(struct db *db, int64_t document_id,
		    int64_t unit_id, struct tally *out);
void		 tally_clear(struct tally *t);

/*
 * The seed-000 form filled in, as UTF-8 text: header (the unit above and
 * the unit, place and date), the plan, the six items, "T/M CHI ỦY" (or
 * "T/M ĐẢNG ỦY" above a cell), "BÍ THƯ" and the signer. Assessment,
 * proposals and signer come from the tally_report row of the unit and
 * ROUND (under the plan or a plan implementing it) when one exists; item 6
 * also lists the proposals members wrote in their essays. The place is
 * the setting "place" when set. NULL on error (db_error); caller frees.
 */
char		*tally_format_txt(struct db *db, int64_t document_id,
		    int64_t unit_id, int round);

/*
 * The counts as CSV (RFC 4180, UTF-8, CRLF line ends): a header row, then
 * one row per direct child unit and a total row when the unit has
 * children, else one row for the unit. The counts do not depend on
 * ROUND (only the text form's assessment does); it is taken so that both
 * forms are called alike. NULL on error (db_error); caller frees.
 */
char		*tally_format_csv(struct db *db, int64_t document_id,
		    int64_t unit_id, int round);

#endif
