/*
 * namesort.c - the sort key of a person's name in Vietnamese order
 * (text_name_sort in text.h says what the order is and why).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "text/text_int.h"

/* Worst case per code point: '#' and six hex digits, or a letter, a mark
 * byte and a tone digit; plus a separator and '!' per word. */
#define NAMESORT_MAX_PER_CP	9

struct word {
	size_t	lo;
	size_t	hi;	/* code points [lo, hi) of the name */
};

/* Tone digits in dictionary order: none, huyền, hỏi, ngã, sắc, nặng. */
static char
namesort_tone(int tone)
{
	switch (tone) {
	case TEXT_VN_GRAVE:	return '1';
	case TEXT_VN_HOOK:	return '2';
	case TEXT_VN_TILDE:	return '3';
	case TEXT_VN_ACUTE:	return '4';
	default:		return '5';	/* TEXT_VN_DOT */
	}
}

/*
 * The byte after a marked letter's base: above every letter, so "an" <
 * "ăn"; 'a' and 'o' carry two marks, in alphabet order (ă â, ô ơ).
 */
static char
namesort_mark(char base, int mark)
{
	if ((base == 'a' && mark == TEXT_VN_CIRCUMFLEX) ||
	    (base == 'o' && mark == TEXT_VN_HORN))
		return '|';
	return '{';
}

/* Appends the key of word w of cps to out; returns the new end. */
static char *
namesort_word(char *out, const uint32_t *cps, struct word w)
{
	char tones[64];
	size_t i, ntones = 0;

	for (i = w.lo; i < w.hi; i++) {
		uint32_t cp = cps[i];
		const struct text_vn_letter *v = text_vn_find(cp);

		if (v != NULL) {
			char base = (char)(v->base | 0x20);

			*out++ = base;
			if (v->mark != 0)
				*out++ = namesort_mark(base, v->mark);
			if (v->tone != 0 && ntones < sizeof tones)
				tones[ntones++] = namesort_tone(v->tone);
			continue;
		}
		cp = text_cp_lower(cp);
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
			*out++ = (char)cp;
		else
			out += sprintf(out, "#%06X", (unsigned)cp);
	}
	*out++ = '!';
	memcpy(out, tones, ntones);
	return out + ntones;
}

char *
text_name_sort(const char *name)
{
	char *nfc = text_nfc(name), *key, *out;
	size_t len = strlen(nfc), off = 0, n = 0, nwords = 0, i, step;
	uint32_t *cps = text_alloc((len + 1) * sizeof *cps), cp;
	struct word *words = text_alloc((len / 2 + 1) * sizeof *words);
	int in_word = 0;

	while (off < len) {
		off += text_utf8_decode(nfc + off, len - off, &cp);
		if (text_cp_is_space(cp)) {
			in_word = 0;
			continue;
		}
		if (text_cp_is_control(cp) || text_cp_is_format(cp))
			continue;
		if (!in_word)
			words[nwords++].lo = n;
		in_word = 1;
		cps[n++] = cp;
		words[nwords - 1].hi = n;
	}
	free(nfc);
	key = out = text_alloc(n * NAMESORT_MAX_PER_CP + nwords * 2 + 1);
	/* Given name, the middle names in order, then the family name. */
	for (i = 0; i < nwords; i++) {
		step = i == 0 ? nwords - 1 : i < nwords - 1 ? i : 0;
		if (i > 0)
			*out++ = ' ';
		out = namesort_word(out, cps, words[step]);
	}
	*out = '\0';
	free(cps);
	free(words);
	return key;
}
