/*
 * text.c - UTF-8, NFC, widths, folding and the display sanitiser.
 *
 * Everything works on code points decoded strictly from UTF-8 and on the
 * generated tables of vntable.c; nothing here asks the C library about
 * the locale, so results are the same on every machine.
 */

#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "text_int.h"

#define CP_REPLACEMENT	0xFFFDU
#define CP_DOTTED_CIRCLE 0x25CCU
#define CP_ELLIPSIS	0x2026U

static int	text_ascii;

/* A growing string; with measure set it only counts, for text_width. */
struct tbuf {
	char	*s;
	size_t	 len;
	size_t	 cap;
	int	 measure;
	long	 width;
	int	 ascii;		/* transliterate to ASCII (the terminal's mode) */
};

/* A growing array of code points. */
struct cpbuf {
	uint32_t	*a;
	size_t		 n;
	size_t		 cap;
};

void *
text_alloc(size_t n)
{
	void	*p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		abort();
	return p;
}

void *
text_realloc(void *p, size_t n)
{
	if ((p = realloc(p, n == 0 ? 1 : n)) == NULL)
		abort();
	return p;
}

void
text_set_ascii_mode(int on)
{
	text_ascii = (on != 0);
}

int
text_ascii_mode(void)
{
	return text_ascii;
}

static void
tbuf_add(struct tbuf *b, const char *p, size_t n)
{
	if (!b->measure) {
		if (b->len + n + 1 > b->cap) {
			while (b->len + n + 1 > b->cap)
				b->cap = b->cap ? b->cap * 2 : 64;
			b->s = text_realloc(b->s, b->cap);
		}
		memcpy(b->s + b->len, p, n);
	}
	b->len += n;
}

static void
tbuf_addc(struct tbuf *b, char c)
{
	/* Most characters are ASCII and the buffer seldom grows. */
	if (!b->measure && b->len + 2 <= b->cap)
		b->s[b->len++] = c;
	else
		tbuf_add(b, &c, 1);
}

static void
tbuf_addcp(struct tbuf *b, uint32_t cp)
{
	char	u[4];

	tbuf_add(b, u, text_utf8_encode(cp, u));
}

/* Returns the NUL-terminated string; the caller owns it. */
static char *
tbuf_finish(struct tbuf *b)
{
	if (b->s == NULL)
		b->s = text_alloc(1);
	b->s[b->len] = '\0';
	return b->s;
}

static void
cpbuf_add(struct cpbuf *c, uint32_t cp)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->a = text_realloc(c->a, c->cap * sizeof *c->a);
	}
	c->a[c->n++] = cp;
}

/*
 * Strict decoder (Unicode table 3-7). Returns bytes used, sets *ok to 0 and
 * *cp to U+FFFD for the maximal ill-formed subpart.
 */
static size_t
utf8_next(const unsigned char *u, size_t len, uint32_t *cp, int *ok)
{
	unsigned char	lo = 0x80, hi = 0xBF;
	size_t		need, i;
	uint32_t	v;

	*ok = 0;
	*cp = CP_REPLACEMENT;
	if (len == 0)
		return 0;
	if (u[0] < 0x80) {
		*ok = 1;
		*cp = u[0];
		return 1;
	}
	if (u[0] < 0xC2 || u[0] > 0xF4)
		return 1;
	if (u[0] < 0xE0) {
		need = 1;
		v = u[0] & 0x1F;
	} else if (u[0] < 0xF0) {
		need = 2;
		v = u[0] & 0x0F;
		if (u[0] == 0xE0)
			lo = 0xA0;	/* overlong */
		else if (u[0] == 0xED)
			hi = 0x9F;	/* surrogates */
	} else {
		need = 3;
		v = u[0] & 0x07;
		if (u[0] == 0xF0)
			lo = 0x90;	/* overlong */
		else if (u[0] == 0xF4)
			hi = 0x8F;	/* above U+10FFFF */
	}
	for (i = 1; i <= need; i++) {
		if (i >= len || u[i] < lo || u[i] > hi)
			return i;
		v = (v << 6) | (u[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*ok = 1;
	*cp = v;
	return need + 1;
}

int
text_utf8_valid(const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	uint32_t		 cp;
	size_t			 i = 0;
	int			 ok;

	while (i < len) {
		i += utf8_next(u + i, len - i, &cp, &ok);
		if (!ok)
			return 0;
	}
	return 1;
}

size_t
text_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	int	ok;

	return utf8_next((const unsigned char *)s, len, cp, &ok);
}

size_t
text_utf8_encode(uint32_t cp, char *out)
{
	unsigned char	*u = (unsigned char *)out;

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = CP_REPLACEMENT;
	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xC0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xE0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (unsigned char)(0xF0 | (cp >> 18));
	u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	u[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Character properties, from the generated tables. */

static int
range_has(const struct text_range *r, size_t n, uint32_t cp)
{
	size_t	lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

static int
cp_ccc(uint32_t cp)
{
	size_t	lo = 0, hi = text_nccc_ranges, mid;

	if (cp < 0x300)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < text_ccc_ranges[mid].lo)
			hi = mid;
		else if (cp > text_ccc_ranges[mid].hi)
			lo = mid + 1;
		else
			return text_ccc_ranges[mid].ccc;
	}
	return 0;
}

/* A zero-width mark that belongs to the character before it. */
/*
 * Every Vietnamese letter (Latin-1 to ư, × and ÷ among them, and
 * U+1EA0-U+1EF9): one column, neither a mark nor a format character, a
 * composite NFC keeps. Names are made of them: no table to search.
 */
static int
cp_is_vn_letter(uint32_t cp)
{
	return (cp >= 0xC0 && cp <= 0x1B0) || (cp >= 0x1EA0 && cp <= 0x1EF9);
}

static int
cp_is_mark(uint32_t cp)
{
	if (cp < 0x300)
		return 0;
	return range_has(text_zero_ranges, text_nzero_ranges, cp);
}

/* Category Cf: invisible, and the bidi controls among them are dangerous. */
int
text_cp_is_format(uint32_t cp)
{
	if (cp < 0xAD)
		return 0;
	return range_has(text_format_ranges, text_nformat_ranges, cp);
}

/* C0, DEL, C1 and the two Unicode line breaks: shown, never sent raw. */
int
text_cp_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
	    cp == 0x2028 || cp == 0x2029;
}

/* Columns of a character that is neither a control nor a format char. */
static int
cp_width(uint32_t cp)
{
	if (cp < 0x300 || cp_is_vn_letter(cp))
		return 1;
	if (cp_is_mark(cp))
		return 0;
	if (range_has(text_wide_ranges, text_nwide_ranges, cp))
		return 2;
	return 1;
}

int
text_cp_is_space(uint32_t cp)
{
	switch (cp) {
	case ' ': case '\t': case '\n': case '\v': case '\f': case '\r':
	case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202F: case 0x205F: case 0x3000:
		return 1;
	}
	return cp >= 0x2000 && cp <= 0x200A;
}

/* The blocks of combining diacritics that unaccenting removes. */
static int
cp_is_diacritic(uint32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) ||
	    (cp >= 0x1AB0 && cp <= 0x1AFF) ||
	    (cp >= 0x1DC0 && cp <= 0x1DFF) ||
	    (cp >= 0x20D0 && cp <= 0x20FF);
}

static const struct text_decomp *
decomp_find(uint32_t cp)
{
	size_t	lo = 0, hi = text_ndecomps, mid;

	if (cp < 0xC0)
		return NULL;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < text_decomps[mid].cp)
			hi = mid;
		else if (cp > text_decomps[mid].cp)
			lo = mid + 1;
		else
			return &text_decomps[mid];
	}
	return NULL;
}

/* The primary composite of a + b, or 0. */
static uint32_t
compose_pair(uint32_t a, uint32_t b)
{
	size_t	lo = 0, hi = text_ncomposes, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (a < text_composes[mid].first ||
		    (a == text_composes[mid].first &&
		    b < text_composes[mid].second))
			hi = mid;
		else if (a > text_composes[mid].first ||
		    b > text_composes[mid].second)
			lo = mid + 1;
		else
			return text_composes[mid].cp;
	}
	return 0;
}

uint32_t
text_cp_lower(uint32_t cp)
{
	size_t	lo = 0, hi = text_nlower, mid;

	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < text_lower[mid].from)
			hi = mid;
		else if (cp > text_lower[mid].from)
			lo = mid + 1;
		else
			return text_lower[mid].to;
	}
	return cp;
}

/* The letter under the accents: "ệ" -> 'e', "Đ" -> 'D'; else cp itself. */
static uint32_t
cp_base(uint32_t cp)
{
	const struct text_decomp	*d;

	/* Đ/đ have no decomposition; Ð (Icelandic eth) is its look-alike
	 * and turns up in text converted from old Vietnamese encodings. */
	if (cp == 0x0110 || cp == 0x00D0)
		return 'D';
	if (cp == 0x0111)
		return 'd';
	while ((d = decomp_find(cp)) != NULL)
		cp = d->first;
	return cp;
}

const struct text_vn_letter *
text_vn_find(uint32_t cp)
{
	size_t	lo = 0, hi = TEXT_VN_NLETTERS, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < text_vn_letters[mid].cp)
			hi = mid;
		else if (cp > text_vn_letters[mid].cp)
			lo = mid + 1;
		else
			return &text_vn_letters[mid];
	}
	return NULL;
}

/* The letter with that ASCII base, mark and tone, or 0 if none exists. */
uint32_t
text_vn_compose(char base, int mark, int tone)
{
	size_t	i;

	if (mark == 0 && tone == 0)
		return (unsigned char)base;
	for (i = 0; i < TEXT_VN_NLETTERS; i++) {
		if (text_vn_letters[i].base == base &&
		    text_vn_letters[i].mark == mark &&
		    text_vn_letters[i].tone == tone)
			return text_vn_letters[i].cp;
	}
	return 0;
}

/* NFC. */

static void
nfc_decompose(struct cpbuf *out, uint32_t cp)
{
	const struct text_decomp	*d;

	if ((d = decomp_find(cp)) == NULL) {
		cpbuf_add(out, cp);
		return;
	}
	nfc_decompose(out, d->first);
	if (d->second != 0)
		nfc_decompose(out, d->second);
}

/* Stable sort of a[0..n) by combining class, all classes non-zero. */
static void
nfc_sort(uint32_t *a, size_t n, uint8_t *cls)
{
	size_t		 i, j, count[257], pos;
	uint32_t	*tmp, t;
	uint8_t		 tc;

	if (n < 16) {
		for (i = 1; i < n; i++) {
			t = a[i];
			tc = cls[i];
			for (j = i; j > 0 && cls[j - 1] > tc; j--) {
				a[j] = a[j - 1];
				cls[j] = cls[j - 1];
			}
			a[j] = t;
			cls[j] = tc;
		}
		return;
	}
	/* A counting sort keeps a string of thousands of marks linear. */
	memset(count, 0, sizeof count);
	for (i = 0; i < n; i++)
		count[cls[i] + 1]++;
	for (i = 1; i < 257; i++)
		count[i] += count[i - 1];
	tmp = text_alloc(n * sizeof *tmp);
	for (i = 0; i < n; i++) {
		pos = count[cls[i]]++;
		tmp[pos] = a[i];
	}
	memcpy(a, tmp, n * sizeof *a);
	free(tmp);
	for (i = 0; i < n; i++)
		cls[i] = (uint8_t)cp_ccc(a[i]);
}

/* Canonical composition of c in place (UAX #15). */
static void
nfc_array(struct cpbuf *c)
{
	struct cpbuf	 d = { NULL, 0, 0 };
	uint8_t		*cls;
	size_t		 i, j, starter, out;
	int		 last, cc, have_starter;
	uint32_t	 comp;

	for (i = 0; i < c->n; i++)
		nfc_decompose(&d, c->a[i]);
	if (d.n == 0) {
		c->n = 0;
		free(d.a);
		return;
	}
	cls = text_alloc(d.n);
	for (i = 0; i < d.n; i++)
		cls[i] = (uint8_t)cp_ccc(d.a[i]);
	for (i = 0; i < d.n; i = j) {
		if (cls[i] == 0) {
			j = i + 1;
			continue;
		}
		for (j = i; j < d.n && cls[j] != 0; j++)
			/* nothing */;
		nfc_sort(d.a + i, j - i, cls + i);
	}

	starter = 0;
	have_starter = (cls[0] == 0);
	last = have_starter ? 0 : 256;
	out = 1;
	for (i = 1; i < d.n; i++) {
		cc = cls[i];
		comp = have_starter ? compose_pair(d.a[starter], d.a[i]) : 0;
		if (comp != 0 && (last < cc || last == 0)) {
			d.a[starter] = comp;
			continue;
		}
		if (cc == 0) {
			starter = out;
			have_starter = 1;
		}
		last = cc;
		d.a[out++] = d.a[i];
	}
	d.n = out;
	free(cls);
	free(c->a);
	*c = d;
}

/* Decodes all of s, invalid bytes as U+FFFD. */
static void
decode_all(struct cpbuf *c, const char *s)
{
	const unsigned char	*u = (const unsigned char *)(s ? s : "");
	size_t			 len = strlen((const char *)u), i = 0;
	uint32_t		 cp;
	int			 ok;

	while (i < len) {
		i += utf8_next(u + i, len - i, &cp, &ok);
		cpbuf_add(c, cp);
	}
}

char *
text_nfc(const char *s)
{
	struct cpbuf	c = { NULL, 0, 0 };
	struct tbuf	b = { NULL, 0, 0, 0, 0, 0 };
	size_t		i;

	decode_all(&c, s);
	nfc_array(&c);
	for (i = 0; i < c.n; i++)
		tbuf_addcp(&b, c.a[i]);
	free(c.a);
	return tbuf_finish(&b);
}

/* Unaccent and fold. */

#define STRIP_FOLD	0x1

/*
 * Decodes as it goes, into a buffer as long as the text (folding makes
 * it shorter unless bytes are invalid): SQL calls qt_fold on every row a
 * lookup scans.
 */
static char *
strip(const char *s, int how)
{
	const unsigned char	*u = (const unsigned char *)(s ? s : "");
	size_t			 len = strlen((const char *)u), i = 0;
	struct tbuf		 b = { NULL, 0, len + 1, 0, 0, 0 };
	uint32_t		 cp;
	int			 ok, space = 0;

	b.s = text_realloc(NULL, b.cap);
	while (i < len) {
		if (u[i] < 0x80) {
			/* Codes, numbers and unaccented names are ASCII:
			 * no table to look up. */
			cp = u[i++];
			if (how & STRIP_FOLD) {
				if (cp == ' ' || (cp >= '\t' && cp <= '\r')) {
					space = 1;
					continue;
				}
				if (cp < 0x20 || cp == 0x7F)
					continue;
				if (cp >= 'A' && cp <= 'Z')
					cp += 'a' - 'A';
				if (space && b.len > 0)
					tbuf_addc(&b, ' ');
				space = 0;
			}
			tbuf_addc(&b, (char)cp);
			continue;
		}
		i += utf8_next(u + i, len - i, &cp, &ok);
		if (cp_is_diacritic(cp))
			continue;
		if (how & STRIP_FOLD) {
			if (text_cp_is_space(cp)) {
				space = 1;
				continue;
			}
			if (text_cp_is_control(cp) || text_cp_is_format(cp))
				continue;
			if (cp == 0xF0)		/* ð, see cp_base */
				cp = 'd';
			cp = text_cp_lower(cp_base(cp));
			if (space && b.len > 0)
				tbuf_addc(&b, ' ');
			space = 0;
		} else
			cp = cp_base(cp);
		if (cp < 0x80)
			tbuf_addc(&b, (char)cp);
		else
			tbuf_addcp(&b, cp);
	}
	return tbuf_finish(&b);
}

char *
text_unaccent(const char *s)
{
	return strip(s, 0);
}

char *
text_fold(const char *s)
{
	return strip(s, STRIP_FOLD);
}

int
text_matches(const char *hay, const char *needle)
{
	char	*h, *n;
	int	 found;

	h = text_fold(hay);
	n = text_fold(needle);
	found = (strstr(h, n) != NULL);
	free(h);
	free(n);
	return found;
}

/* Display. */

/* What ASCII mode shows for the punctuation people paste from Word. */
static const struct {
	uint32_t	 cp;
	const char	*ascii;
} ascii_punct[] = {
	{ 0x00A0, " " }, { 0x00AB, "<<" }, { 0x00B7, "." }, { 0x00BB, ">>" },
	{ 0x2010, "-" }, { 0x2011, "-" }, { 0x2012, "-" }, { 0x2013, "-" },
	{ 0x2014, "-" }, { 0x2015, "-" }, { 0x2018, "'" }, { 0x2019, "'" },
	{ 0x201A, "'" }, { 0x201B, "'" }, { 0x201C, "\"" }, { 0x201D, "\"" },
	{ 0x201E, "\"" }, { 0x2022, "*" }, { 0x2026, "..." }, { 0x2032, "'" },
	{ 0x2033, "\"" }, { 0x2212, "-" }, { 0x3000, " " },
};

static void
display_ascii(struct tbuf *b, uint32_t cp)
{
	size_t	i;

	cp = cp_base(cp);
	if (cp >= 0x20 && cp < 0x7F) {
		tbuf_addc(b, cp);
		b->width++;
		return;
	}
	for (i = 0; i < sizeof ascii_punct / sizeof ascii_punct[0]; i++) {
		if (ascii_punct[i].cp == cp) {
			tbuf_add(b, ascii_punct[i].ascii,
			    strlen(ascii_punct[i].ascii));
			b->width += strlen(ascii_punct[i].ascii);
			return;
		}
	}
	tbuf_addc(b, '?');
	b->width++;
}

/*
 * 1 when the code point alone is its own NFC: it has no decomposition,
 * or it is the primary composite of its own (a Vietnamese letter such as
 * "ễ", which nfc_array would take apart and put back), all the way down.
 */
static int
nfc_stable(uint32_t cp)
{
	const struct text_decomp	*d;

	if (cp_is_vn_letter(cp))
		return 1;
	while ((d = decomp_find(cp)) != NULL) {
		if (d->second == 0 || compose_pair(d->first, d->second) != cp)
			return 0;
		cp = d->first;
	}
	return 1;
}

/* Writes one character with its marks, composed and limited. */
static void
display_cluster(struct tbuf *b, struct cpbuf *c)
{
	size_t	i, n;

	if (c->n == 0)
		return;
	/* Most characters are one code point with nothing to compose. */
	if (c->n > 1 || !nfc_stable(c->a[0]))
		nfc_array(c);
	n = c->n;
	if (n > 1 + TEXT_MAX_MARKS)
		n = 1 + TEXT_MAX_MARKS;
	if (b->ascii)
		display_ascii(b, c->a[0]);	/* marks dropped */
	else {
		for (i = 0; i < n; i++)
			tbuf_addcp(b, c->a[i]);
		b->width += cp_width(c->a[0]);
	}
	c->n = 0;
}

static void
display_control(struct tbuf *b, uint32_t cp)
{
	char	tmp[16];
	int	n;

	if (cp < 0x20 || cp == 0x7F) {
		tmp[0] = '^';
		tmp[1] = (cp == 0x7F) ? '?' : (char)(cp + 0x40);
		n = 2;
	} else
		n = snprintf(tmp, sizeof tmp, "<U+%04X>", (unsigned)cp);
	tbuf_add(b, tmp, n);
	b->width += n;
}

static void
display_walk(struct tbuf *b, const char *s, int flags)
{
	const unsigned char	*u = (const unsigned char *)(s ? s : "");
	struct cpbuf		 c = { NULL, 0, 0 };
	size_t			 len = strlen((const char *)u), i = 0, n, k;
	uint32_t		 cp;
	char			 tmp[8];
	int			 ok;

	while (i < len) {
		/* Printable ASCII not followed by a mark is a character of
		 * its own, shown as it is (in ASCII mode too). */
		if (u[i] >= 0x20 && u[i] < 0x7F && u[i + 1] < 0x80) {
			display_cluster(b, &c);
			tbuf_addc(b, (char)u[i++]);
			b->width++;
			continue;
		}
		n = utf8_next(u + i, len - i, &cp, &ok);
		if (!ok) {
			display_cluster(b, &c);
			for (k = 0; k < n; k++) {
				snprintf(tmp, sizeof tmp, "\\x%02X", u[i + k]);
				tbuf_add(b, tmp, 4);
				b->width += 4;
			}
		} else if (cp_is_vn_letter(cp)) {
			display_cluster(b, &c);
			cpbuf_add(&c, cp);
		} else if (text_cp_is_control(cp)) {
			display_cluster(b, &c);
			if ((flags & TEXT_KEEP_NEWLINES) && cp == '\r' &&
			    u[i + 1] == '\n')
				; /* CRLF from a Windows file: keep the LF only */
			else if ((flags & TEXT_KEEP_NEWLINES) &&
			    (cp == '\n' || cp == '\t'))
				tbuf_addc(b, cp);
			else
				display_control(b, cp);
		} else if (text_cp_is_format(cp)) {
			/* dropped: bidi overrides could reorder what is shown */
		} else if (cp_is_mark(cp)) {
			if (c.n == 0)
				cpbuf_add(&c, CP_DOTTED_CIRCLE);
			cpbuf_add(&c, cp);
		} else {
			display_cluster(b, &c);
			cpbuf_add(&c, cp);
		}
		i += n;
	}
	display_cluster(b, &c);
	free(c.a);
}

char *
text_display(const char *s, int flags)
{
	struct tbuf	b = { NULL, 0, 0, 0, 0, text_ascii && !(flags & TEXT_UTF8) };

	display_walk(&b, s, flags);
	return tbuf_finish(&b);
}

int
text_width(const char *s)
{
	struct tbuf	b = { NULL, 0, 0, 1, 0, text_ascii };

	display_walk(&b, s, 0);
	return b.width > INT_MAX ? INT_MAX : (int)b.width;
}

/*
 * Length in bytes and width of the character (with its marks) at the start
 * of s, which is display-safe.
 */
static size_t
fit_cluster(const char *s, size_t len, int *width)
{
	const unsigned char	*u = (const unsigned char *)s;
	uint32_t		 cp;
	size_t			 n, i;
	int			 ok;

	i = utf8_next(u, len, &cp, &ok);
	*width = cp_width(cp);
	while (i < len) {
		n = utf8_next(u + i, len - i, &cp, &ok);
		if (!ok || !cp_is_mark(cp))
			break;
		i += n;
	}
	return i;
}

char *
text_fit(const char *s, int cols, int flags)
{
	struct tbuf	 b = { NULL, 0, 0, 0, 0, 0 }, disp = b;
	char		*d;
	size_t		 len, i, n, cut, short_cut;
	int		 w, total, used, short_used, pad;

	if (cols <= 0)
		return tbuf_finish(&b);
	/* text_display's walk, which also measures the width. */
	disp.ascii = text_ascii;
	display_walk(&disp, s, 0);
	len = disp.len;
	d = tbuf_finish(&disp);

	/*
	 * Most texts fit whole. For the others one walk finds where the
	 * text would be cut for cols and for cols - 1 (room for the
	 * ellipsis).
	 */
	total = used = short_used = 0;
	cut = short_cut = len;
	if (disp.width <= cols)
		total = (int)disp.width;
	else
		for (i = 0; i < len && total <= cols; i += n) {
			n = fit_cluster(d + i, len - i, &w);
			if (short_cut == len && total + w > cols - 1) {
				short_cut = i;
				short_used = total;
			}
			if (cut == len && total + w > cols) {
				cut = i;
				used = total;
			}
			total += w;
		}
	if (cut == len)
		used = total;
	if (total > cols && (flags & TEXT_ELLIPSIS)) {
		cut = short_cut;
		used = short_used;
	}

	pad = cols - used - (total > cols && (flags & TEXT_ELLIPSIS) ? 1 : 0);
	/* A text that fits, padded on the right, stays in the walk's buffer. */
	if (total <= cols && !(flags & TEXT_ALIGN_RIGHT)) {
		for (; pad > 0; pad--)
			tbuf_addc(&disp, ' ');
		return tbuf_finish(&disp);
	}
	if (flags & TEXT_ALIGN_RIGHT) {
		for (; pad > 0; pad--)
			tbuf_addc(&b, ' ');
	}
	tbuf_add(&b, d, cut);
	if (total > cols && (flags & TEXT_ELLIPSIS)) {
		if (text_ascii)
			tbuf_addc(&b, '~');
		else
			tbuf_addcp(&b, CP_ELLIPSIS);
	}
	for (; pad > 0; pad--)
		tbuf_addc(&b, ' ');
	free(d);
	return tbuf_finish(&b);
}

/* Validation. */

const char *
text_check_name(const char *s, size_t max_chars)
{
	static char		 toolong[64];
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 len, i, n, chars = 0;
	uint32_t		 cp;
	int			 ok, blank = 1;

	if (s == NULL)
		return "Tên không được để trống";
	len = strlen(s);
	if (!text_utf8_valid(s, len))
		return "Văn bản không phải UTF-8 hợp lệ";
	for (i = 0; i < len; i += n) {
		n = utf8_next(u + i, len - i, &cp, &ok);
		if (text_cp_is_control(cp) || text_cp_is_format(cp))
			return "Tên chứa ký tự điều khiển";
		if (!text_cp_is_space(cp))
			blank = 0;
		/* A letter and its marks are one character. */
		if (!cp_is_mark(cp) || chars == 0)
			chars++;
	}
	if (blank)
		return "Tên không được để trống";
	if (max_chars != 0 && chars > max_chars) {
		snprintf(toolong, sizeof toolong,
		    "Tên quá dài (tối đa %zu ký tự)", max_chars);
		return toolong;
	}
	return NULL;
}
