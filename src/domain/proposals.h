/*
 * proposals.h - item 6 of the tally form: the members' proposals grouped,
 * so that what fifty members copied from one another is printed once with
 * how many wrote it and in which cells.
 *
 * Two proposals are the same proposal when, compared as people write
 * them, they say the same thing in nearly the same words:
 * - folded (text_fold: case, diacritics, NFC/NFD and spacing do not
 *   count: "Đề nghị" and "de nghi" are one), punctuation dropped, split
 *   into syllables;
 * - the lead-in a member writes before the proposal itself ("Kiến nghị",
 *   "Đề nghị", "Đề xuất", "Xin", "Mong", "Cần", "Kính đề nghị"...) and
 *   the function words that come and go between wordings of one idea
 *   ("các", "những", "cho", "của", "và", "để"...) dropped;
 * - then the Dice coefficient of their syllable pairs (bigrams) is at
 *   least 3/4. Most Vietnamese words are two syllables ("vốn vay", "hộ
 *   nghèo"), so syllable pairs stand for the words and their order: a
 *   wording with a word more or less, a syllable mistyped or a short tail
 *   clause added still shares three pairs in four; a proposal for another
 *   thing or another group of people ("hộ nghèo" / "hộ cận nghèo") does
 *   not;
 * - and no detail that changes what is asked differs: every number,
 *   every negation ("không", "chưa", "chẳng") and every syllable written
 *   with a capital inside a sentence (a place or a body: "ấp Vĩnh Phước",
 *   "Nghị quyết") of either must occur in the other. So "đường liên ấp
 *   Vĩnh Phước" and "... Vĩnh Hòa", "2 triệu" and "5 triệu", "tổ chức học
 *   bù" and "không tổ chức học bù" stay apart however alike the rest.
 *
 * Grouping is greedy, in the order given: each proposal joins the group
 * whose first proposal it is most alike (when it is alike enough), else
 * starts one; so a chain of small changes never drifts into one group.
 */
#ifndef QT_PROPOSALS_H
#define QT_PROPOSALS_H

#include <stddef.h>

/* One member's proposal, as read; the strings belong to the caller. */
struct proposal {
	const char	*text;
	const char	*unit;		/* the cell it came from */
};

/* A cell that raised a group's proposal, and how many of its members. */
struct proposal_unit {
	size_t		 first;		/* index of one of its proposals */
	size_t		 count;
};

struct proposal_group {
	size_t		 shown;		/* index of the wording to print: the
					   commonest in the group, then the first */
	size_t		 count;		/* members who wrote it */
	struct proposal_unit *units;	/* in the order first met */
	size_t		 nunits;
};

/*
 * Groups the n proposals p (each text non-empty) as above. Returns the
 * number of groups and sets *out to a new array of them, most members
 * first, then in the order first met; indices are into p, which must
 * outlive the groups. Free with proposals_free.
 */
size_t	 proposals_group(const struct proposal *p, size_t n,
	    struct proposal_group **out);
void	 proposals_free(struct proposal_group **g, size_t n);

/* 1 if a and b are the same proposal by the rule above, else 0. */
int	 proposals_same(const char *a, const char *b);

#endif
