/*
 * text_int.h - what the files of src/text share and nobody else sees.
 *
 * The tables are generated into vntable.c by contrib/gen-vntable.py; the
 * helpers are in text.c.
 */
#ifndef QT_TEXT_INT_H
#define QT_TEXT_INT_H

#include <stddef.h>
#include <stdint.h>

/* Vowel mark of a Vietnamese letter; đ counts its stroke as one. */
#define TEXT_VN_CIRCUMFLEX	1
#define TEXT_VN_BREVE		2
#define TEXT_VN_HORN		3
#define TEXT_VN_STROKE		4

/* Tones, in the order of the Telex keys f s r x j. */
#define TEXT_VN_GRAVE		1	/* huyền */
#define TEXT_VN_ACUTE		2	/* sắc */
#define TEXT_VN_HOOK		3	/* hỏi */
#define TEXT_VN_TILDE		4	/* ngã */
#define TEXT_VN_DOT		5	/* nặng */

#define TEXT_VN_NLETTERS	134

struct text_vn_letter {
	uint32_t	cp;
	char		base;	/* ASCII letter, case of cp */
	uint8_t		mark;	/* TEXT_VN_CIRCUMFLEX.. or 0 */
	uint8_t		tone;	/* TEXT_VN_GRAVE.. or 0 */
};

struct text_range {
	uint32_t	lo;
	uint32_t	hi;
};

struct text_ccc_range {
	uint32_t	lo;
	uint32_t	hi;
	uint8_t		ccc;
};

struct text_decomp {
	uint32_t	cp;
	uint32_t	first;
	uint32_t	second;		/* 0 for a singleton */
	int		composes;	/* 0 if excluded from composition */
};

struct text_case {
	uint32_t	from;
	uint32_t	to;
};

/* vntable.c, sorted by code point. */
extern const struct text_vn_letter text_vn_letters[TEXT_VN_NLETTERS];
extern const struct text_range text_zero_ranges[];
extern const size_t text_nzero_ranges;
extern const struct text_range text_format_ranges[];
extern const size_t text_nformat_ranges;
extern const struct text_range text_wide_ranges[];
extern const size_t text_nwide_ranges;
extern const struct text_ccc_range text_ccc_ranges[];
extern const size_t text_nccc_ranges;
extern const struct text_decomp text_decomps[];
extern const size_t text_ndecomps;
extern const struct text_decomp text_composes[];
extern const size_t text_ncomposes;
extern const struct text_case text_lower[];
extern const size_t text_nlower;

/* text.c */
const struct text_vn_letter *text_vn_find(uint32_t);
uint32_t text_vn_compose(char, int, int);
int	 text_cp_is_space(uint32_t);	/* white space, NBSP and the like */
int	 text_cp_is_control(uint32_t);	/* C0, DEL, C1, U+2028/9 */
int	 text_cp_is_format(uint32_t);	/* category Cf */
uint32_t text_cp_lower(uint32_t);
void	*text_alloc(size_t);
void	*text_realloc(void *, size_t);

#endif
