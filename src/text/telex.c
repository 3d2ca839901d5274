/*
 * telex.c - Vietnamese Telex input for the line editor.
 *
 * The word before the cursor is parsed into a syllable (initial consonant,
 * vowel group, final consonant, one tone for the whole word), the key is
 * applied to that, and the word is written out again with the tone placed
 * by rule. Keeping the tone apart from the letters is what lets a later key
 * move it: "hoas" is "hóa", and the 'n' that follows makes it "hoán".
 *
 * There is no state between keys: an undone word ("as") simply no longer
 * parses as a syllable, so the keys after it are literal.
 */

#include "config.h"

#include <string.h>

#include "text.h"
#include "text_int.h"

#define TELEX_MAXLETTERS	16	/* "nghiêng" is 7; longer is not a syllable */
#define TELEX_MAXWORD		(TELEX_MAXLETTERS * 4 + 1)

struct telex_letter {
	char	base;	/* lower-case ASCII */
	int	mark;	/* TEXT_VN_CIRCUMFLEX.. */
	int	upper;
};

struct telex_word {
	struct telex_letter	l[TELEX_MAXLETTERS + 1];
	size_t			n;
	int			tone;
	size_t			vstart;	/* vowel group l[vstart..vend) */
	size_t			vend;
};

/* Vowel groups (without tone) that Vietnamese syllables are made of. */
static const char *telex_groups[] = {
	"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
	"ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu",
	"oa", "oă", "oe", "oi", "oo", "ôi", "ơi", "ua", "uâ", "uê", "ui",
	"uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê",
	"iêu", "yêu", "oai", "oay", "oeo", "uây", "uôi", "ươi", "ươu",
	"uya", "uyê", "uyu",
};

static const char *telex_initials[] = {
	"b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m",
	"n", "ng", "ngh", "nh", "p", "ph", "q", "qu", "r", "s", "t", "th",
	"tr", "v", "x",
};

static const char *telex_finals[] = {
	"c", "ch", "m", "n", "ng", "nh", "p", "t",
};

static int
telex_is_vowel(char c)
{
	return c != '\0' && strchr("aeiouy", c) != NULL;
}

/* Reads one letter of s into *l; returns bytes used, 0 if not a letter. */
static size_t
telex_letter_read(const char *s, size_t len, struct telex_letter *l,
    int *tone)
{
	const struct text_vn_letter	*v;
	uint32_t			 cp;
	size_t				 n;

	n = text_utf8_decode(s, len, &cp);
	*tone = 0;
	l->mark = 0;
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
		l->upper = (cp <= 'Z');
		l->base = l->upper ? (char)(cp + 32) : (char)cp;
		return n;
	}
	if ((v = text_vn_find(cp)) == NULL)
		return 0;
	l->upper = (v->base >= 'A' && v->base <= 'Z');
	l->base = l->upper ? v->base + 32 : v->base;
	l->mark = v->mark;
	*tone = v->tone;
	return n;
}

/* Writes l[from..to) as UTF-8 without tone, in lower case, into out. */
static void
telex_spell(const struct telex_word *w, size_t from, size_t to, char *out)
{
	size_t	i, o = 0;

	for (i = from; i < to; i++)
		o += text_utf8_encode(text_vn_compose(w->l[i].base,
		    w->l[i].mark, 0), out + o);
	out[o] = '\0';
}

static int
telex_in(const char *s, const char **list, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strcmp(s, list[i]) == 0)
			return 1;
	}
	return 0;
}

/*
 * Whether the vowel group can still become a real one: same letters as a
 * group in the list, and each mark either missing yet or the right one.
 */
static int
telex_group_ok(const struct telex_word *w)
{
	struct telex_word	 g;
	size_t			 i, j, k, n = w->vend - w->vstart, len;
	int			 tone;
	const char		*p;

	if (n == 0)
		return 1;
	for (i = 0; i < sizeof telex_groups / sizeof telex_groups[0]; i++) {
		p = telex_groups[i];
		len = strlen(p);
		for (j = 0, k = 0; j < n && k < len; j++) {
			k += telex_letter_read(p + k, len - k, &g.l[j], &tone);
			if (g.l[j].base != w->l[w->vstart + j].base ||
			    (w->l[w->vstart + j].mark != 0 &&
			    w->l[w->vstart + j].mark != g.l[j].mark))
				break;
		}
		if (j == n && k == len)
			return 1;
	}
	return 0;
}

/*
 * Finds initial, vowel group and final; returns 1 if the word is (the start
 * of) a Vietnamese syllable.
 */
static int
telex_analyse(struct telex_word *w)
{
	char	buf[TELEX_MAXWORD];
	size_t	i, v;

	for (v = 0; v < w->n && !telex_is_vowel(w->l[v].base); v++)
		/* nothing */;
	/* "qu" and, before another vowel, "gi" belong to the initial. */
	if (v < w->n && v == 1 && w->l[0].base == 'q' &&
	    w->l[1].base == 'u' && w->l[1].mark == 0)
		v = 2;
	else if (v == 1 && w->l[0].base == 'g' && w->l[1].base == 'i' &&
	    w->l[1].mark == 0 && v + 1 < w->n && telex_is_vowel(w->l[2].base))
		v = 2;
	if (v > 0) {
		telex_spell(w, 0, v, buf);
		/* Every prefix of an initial is one too, so "ng" may wait
		 * for its 'h'. */
		if (!telex_in(buf, telex_initials,
		    sizeof telex_initials / sizeof telex_initials[0]))
			return 0;
	}
	for (i = 1; i < v; i++) {
		if (w->l[i].mark != 0)
			return 0;
	}
	w->vstart = v;
	for (i = v; i < w->n && telex_is_vowel(w->l[i].base); i++)
		/* nothing */;
	w->vend = i;
	if (w->vend - w->vstart > 3 || !telex_group_ok(w))
		return 0;
	if (w->vend < w->n) {
		if (w->vend == w->vstart)
			return 0;
		telex_spell(w, w->vend, w->n, buf);
		if (!telex_in(buf, telex_finals,
		    sizeof telex_finals / sizeof telex_finals[0]))
			return 0;
	}
	for (i = w->vend; i < w->n; i++) {
		if (w->l[i].mark != 0)
			return 0;
	}
	/* đ is the only consonant with a mark, and only as the initial. */
	if (v > 0 && w->l[0].mark != 0 &&
	    (w->l[0].base != 'd' || w->l[0].mark != TEXT_VN_STROKE))
		return 0;
	if (w->tone != 0 && w->vend == w->vstart)
		return 0;
	return 1;
}

/* Parses a UTF-8 word; 0 if it holds anything but letters. */
static int
telex_parse(const char *s, struct telex_word *w)
{
	size_t	len = strlen(s), i = 0, n;
	int	tone;

	w->n = 0;
	w->tone = 0;
	while (i < len) {
		if (w->n == TELEX_MAXLETTERS)
			return 0;
		n = telex_letter_read(s + i, len - i, &w->l[w->n], &tone);
		if (n == 0)
			return 0;
		if (tone != 0) {
			if (w->tone != 0)
				return 0;
			w->tone = tone;
		}
		w->n++;
		i += n;
	}
	return 1;
}

/*
 * Where the tone goes (the traditional rule, see text.h): the last vowel
 * with a mark; else the last vowel before a final consonant; else the
 * middle of three, the first of two, the only one.
 */
static size_t
telex_tone_place(const struct telex_word *w)
{
	size_t	i, n = w->vend - w->vstart;

	for (i = w->vend; i > w->vstart; i--) {
		if (w->l[i - 1].mark != 0)
			return i - 1;
	}
	if (w->vend < w->n)
		return w->vend - 1;
	if (n == 3)
		return w->vstart + 1;
	return w->vstart;
}

/*
 * 'w' on "uo" gives "ươ", but an open syllable is written "uơ" ("thuở",
 * "huơ"): "ươ" always has a final or a third vowel after it. Deciding it
 * here, after every key, turns "thuơ" into "thương" as the 'n' is typed,
 * and "mưoi" (one 'w' typed) into "mươi".
 */
static void
telex_normalize(struct telex_word *w)
{
	struct telex_letter	*u, *o;
	size_t			 i;

	for (i = w->vstart; i + 1 < w->vend; i++) {
		u = &w->l[i];
		o = &w->l[i + 1];
		if (u->base != 'u' || o->base != 'o' ||
		    (o->mark != 0 && o->mark != TEXT_VN_HORN) ||
		    (u->mark != TEXT_VN_HORN && o->mark != TEXT_VN_HORN))
			continue;
		if (i + 2 < w->n)
			u->mark = o->mark = TEXT_VN_HORN;
		else if (o->mark == TEXT_VN_HORN)
			u->mark = 0;
	}
}

/* Writes the word; returns 0 if it does not fit in cap bytes. */
static int
telex_render(const struct telex_word *w, char *out, size_t cap)
{
	char		tmp[TELEX_MAXWORD];
	size_t		i, o = 0, at;
	uint32_t	cp;
	char		base;

	at = (w->tone != 0) ? telex_tone_place(w) : (size_t)-1;
	for (i = 0; i < w->n; i++) {
		base = w->l[i].upper ? w->l[i].base - 32 : w->l[i].base;
		cp = text_vn_compose(base, w->l[i].mark,
		    i == at ? w->tone : 0);
		if (cp == 0)
			return 0;
		o += text_utf8_encode(cp, tmp + o);
	}
	if (o + 1 > cap)
		return 0;
	memcpy(out, tmp, o);
	out[o] = '\0';
	return 1;
}

/* Appends the key as a plain letter. */
static int
telex_append(struct telex_word *w, char k, int upper)
{
	if (w->n == TELEX_MAXLETTERS)
		return 0;
	w->l[w->n].base = k;
	w->l[w->n].mark = 0;
	w->l[w->n].upper = upper;
	w->n++;
	return 1;
}

/* Sets the mark of the vowel at i, or undoes it if it is there already. */
static int
telex_mark(struct telex_word *w, size_t i, int mark, char k, int upper,
    int *undo)
{
	if (w->l[i].mark == mark) {
		w->l[i].mark = 0;
		*undo = 1;
		return telex_append(w, k, upper);
	}
	w->l[i].mark = mark;
	return 1;
}

/* The 'w' key: horn or breve on the right vowel, or a new ư. */
static int
telex_key_w(struct telex_word *w, int upper, int *undo)
{
	struct telex_letter	*l = w->l;
	size_t			 i;

	for (i = w->vstart; i + 1 < w->vend; i++) {
		if (l[i].base == 'u' && l[i + 1].base == 'o') {
			/* ơ marks both ươ and the open uơ of "thuở". */
			if (l[i + 1].mark == TEXT_VN_HORN) {
				l[i].mark = l[i + 1].mark = 0;
				*undo = 1;
				return telex_append(w, 'w', upper);
			}
			l[i].mark = l[i + 1].mark = TEXT_VN_HORN;
			return 1;
		}
	}
	for (i = w->vstart; i + 1 < w->vend; i++) {
		if (l[i].base == 'o' && l[i + 1].base == 'a')
			return telex_mark(w, i + 1, TEXT_VN_BREVE, 'w', upper,
			    undo);
	}
	for (i = w->vstart; i < w->vend; i++) {
		if (l[i].base == 'a')
			return telex_mark(w, i, TEXT_VN_BREVE, 'w', upper,
			    undo);
		if (l[i].base != 'o' && l[i].base != 'u')
			continue;
		/* A lone ư that 'w' made: "ww" gives "w", not "uw". */
		if (l[i].mark == TEXT_VN_HORN && w->vend == w->vstart + 1 &&
		    i + 1 == w->n && l[i].base == 'u') {
			l[i].base = 'w';
			l[i].mark = 0;
			*undo = 1;
			return 1;
		}
		return telex_mark(w, i, TEXT_VN_HORN, 'w', upper, undo);
	}
	/* No vowel to change: 'w' is ư ("tw" -> "tư", "giw" -> "giư"). */
	if (!telex_append(w, 'u', upper))
		return 0;
	w->l[w->n - 1].mark = TEXT_VN_HORN;
	return 1;
}

int
telex_feed(char *word, size_t cap, uint32_t key)
{
	static const char	 tones[] = "fsrxj";
	struct telex_word	 w;
	const char		*t;
	char			 k, out[TELEX_MAXWORD];
	size_t			 i, len;
	int			 upper, undo = 0, done = 0;

	if (!((key >= 'a' && key <= 'z') || (key >= 'A' && key <= 'Z')))
		return 0;
	upper = (key <= 'Z');
	k = upper ? (char)(key + 32) : (char)key;
	if (!telex_parse(word, &w) || !telex_analyse(&w))
		return 0;

	if ((t = strchr(tones, k)) != NULL && w.vend > w.vstart) {
		if (w.tone == (int)(t - tones) + 1) {
			w.tone = 0;
			undo = 1;
			if (!telex_append(&w, k, upper))
				return 0;
		} else
			w.tone = (int)(t - tones) + 1;
		done = 1;
	} else if (k == 'z' && w.tone != 0) {
		w.tone = 0;
		done = 1;
	} else if (k == 'd' && w.n > 0 && w.l[0].base == 'd' &&
	    w.vstart > 0) {
		if (!telex_mark(&w, 0, TEXT_VN_STROKE, 'd', upper, &undo))
			return 0;
		done = 1;
	} else if (k == 'w') {
		if (!telex_key_w(&w, upper, &undo))
			return 0;
		done = 1;
	} else if (k == 'a' || k == 'e' || k == 'o') {
		for (i = w.vend; i > w.vstart; i--) {
			if (w.l[i - 1].base != k)
				continue;
			if (!telex_mark(&w, i - 1, TEXT_VN_CIRCUMFLEX, k,
			    upper, &undo))
				return 0;
			done = 1;
			break;
		}
	}
	if (!done && !telex_append(&w, k, upper))
		return 0;
	/* An undo may leave a non-syllable ("as"); anything else must parse. */
	if (!undo) {
		if (!telex_analyse(&w))
			return 0;
		telex_normalize(&w);
	}
	if (!telex_render(&w, out, sizeof out))
		return 0;
	/* Nothing for telex to do if the result is the key typed as is. */
	len = strlen(word);
	if (strncmp(out, word, len) == 0 && out[len] == (char)key &&
	    out[len + 1] == '\0')
		return 0;
	len = strlen(out);
	if (len + 1 > cap)
		return 0;
	memcpy(word, out, len + 1);
	return 1;
}

/* Whether the character at s[0..len) is a letter telex reads. */
static int
telex_is_letter(const char *s, size_t len)
{
	struct telex_letter	l;
	int			tone;

	return telex_letter_read(s, len, &l, &tone) == len;
}

int
telex_input(char *buf, size_t cap, size_t *cursor, uint32_t key)
{
	char	word[TELEX_MAXWORD];
	size_t	start, prev, len, oldlen, newlen;

	len = strlen(buf);
	if (*cursor > len)
		return 0;
	start = *cursor;
	while (start > 0) {
		prev = start - 1;
		while (prev > 0 && start - prev < 4 &&
		    ((unsigned char)buf[prev] & 0xC0) == 0x80)
			prev--;
		if (!telex_is_letter(buf + prev, start - prev))
			break;
		if (*cursor - prev >= sizeof word)
			return 0;
		start = prev;
	}
	oldlen = *cursor - start;
	memcpy(word, buf + start, oldlen);
	word[oldlen] = '\0';
	if (!telex_feed(word, sizeof word, key))
		return 0;
	newlen = strlen(word);
	if (len - oldlen + newlen + 1 > cap)
		return 0;
	memmove(buf + start + newlen, buf + *cursor, len - *cursor + 1);
	memcpy(buf + start, word, newlen);
	*cursor = start + newlen;
	return 1;
}
