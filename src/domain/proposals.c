/*
 * proposals.c - grouping the members' proposals of item 6 (the rule is
 * in proposals.h).
 *
 * Each proposal is reduced once to its shape: the hashes of its syllable
 * pairs, of all its syllables and of the details that must agree, each a
 * sorted array, so comparing two is a merge of sorted arrays.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/proposals.h"
#include "text/text.h"
#include "xmalloc.h"

/* Dice at least SAME_NUM / SAME_DEN: three syllable pairs in four. */
#define SAME_NUM	3
#define SAME_DEN	4

/* The lead-ins dropped from the start, folded, longest first. */
static const char *const lead_ins[] = {
	"kinh de nghi", "kien nghi", "de nghi", "de xuat", "mong muon",
	"chung toi", "ban than", "kinh", "xin", "mong", "can", "nen", "toi",
};

/* Function words dropped anywhere (folded): they come and go between
 * wordings of one idea. */
static const char *const fillers[] = {
	"cac", "nhung", "cho", "cua", "va", "thi", "la", "duoc", "de", "voi",
	"viec", "nua", "o", "nham", "hon", "rat",
};

/* Negations (folded): a proposal and its opposite never merge. */
static const char *const negations[] = { "khong", "chua", "chang" };

struct hashes {
	uint64_t	*v;
	size_t		 n, cap;
};

struct shape {
	struct hashes	 pairs;		/* syllable pairs of the content */
	struct hashes	 all;		/* every syllable, fillers included */
	struct hashes	 marks;		/* numbers, negations, capitalised */
	uint64_t	 wording;	/* hash of the content's syllables */
};

static uint64_t
hash_str(const char *s, uint64_t h)
{
	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

static uint64_t
hash_word(const char *s)
{
	return hash_str(s, 0xcbf29ce484222325ULL);
}

static void
hashes_add(struct hashes *h, uint64_t v)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 16;
		h->v = xrealloc(h->v, h->cap * sizeof *h->v);
	}
	h->v[h->n++] = v;
}

static int
hash_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Sorts and drops repeats: a set. */
static void
hashes_set(struct hashes *h)
{
	size_t i, n = 0;

	if (h->n == 0)
		return;
	qsort(h->v, h->n, sizeof *h->v, hash_cmp);
	for (i = 1; i < h->n; i++)
		if (h->v[i] != h->v[n])
			h->v[++n] = h->v[i];
	h->n = n + 1;
}

static int
hashes_has(const struct hashes *h, uint64_t v)
{
	return h->n > 0 &&
	    bsearch(&v, h->v, h->n, sizeof *h->v, hash_cmp) != NULL;
}

/* How many values two sets share. */
static size_t
hashes_common(const struct hashes *a, const struct hashes *b)
{
	size_t i = 0, j = 0, n = 0;

	while (i < a->n && j < b->n) {
		if (a->v[i] < b->v[j])
			i++;
		else if (a->v[i] > b->v[j])
			j++;
		else {
			n++;
			i++;
			j++;
		}
	}
	return n;
}

static int
word_in(const char *w, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

/*
 * Whether the code point separates syllables: ASCII other than letters
 * and digits, Latin-1 punctuation and signs, the general punctuation
 * block (dashes, curly quotes, "…") and the ideographic space. Every
 * Vietnamese letter and combining mark is part of a syllable.
 */
static int
is_separator(uint32_t cp)
{
	if (cp < 0x80)
		return !isalnum((int)cp);
	return (cp >= 0x80 && cp <= 0xbf) || cp == 0xd7 || cp == 0xf7 ||
	    (cp >= 0x2000 && cp <= 0x206f) || cp == 0x3000;
}

/* Whether a separator ends a sentence, so the next capital is not a name. */
static int
ends_sentence(uint32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == ';' ||
	    cp == '\n' || cp == 0x2026;
}

/* Splits text into folded syllables; marks which were capitalised
 * inside a sentence. Returns the count; *words and *named are new. */
static size_t
split(const char *text, char ***words, unsigned char **named)
{
	size_t len = strlen(text), i = 0, n = 0, cap = 0;
	int initial = 1;

	*words = NULL;
	*named = NULL;
	while (i < len) {
		size_t start = i, used;
		uint32_t cp;
		char *raw, *bare;

		used = text_utf8_decode(text + i, len - i, &cp);
		if (is_separator(cp)) {
			if (ends_sentence(cp))
				initial = 1;
			i += used;
			continue;
		}
		while (i < len) {
			used = text_utf8_decode(text + i, len - i, &cp);
			if (is_separator(cp))
				break;
			i += used;
		}
		if (n == cap) {
			cap = cap ? 2 * cap : 32;
			*words = xrealloc(*words, cap * sizeof **words);
			*named = xrealloc(*named, cap);
		}
		raw = xstrndup(text + start, i - start);
		bare = text_unaccent(raw);
		(*words)[n] = text_fold(raw);
		(*named)[n] = !initial && isupper((unsigned char)bare[0]);
		free(bare);
		free(raw);
		initial = 0;
		n++;
	}
	return n;
}

/* How many words at the start of w[from..n) the lead-in spells, or 0. */
static size_t
lead_in_length(char **w, size_t from, size_t n, const char *lead)
{
	size_t k = from;
	const char *p = lead;

	while (*p != '\0') {
		size_t len = strcspn(p, " ");

		if (k == n || strlen(w[k]) != len || strncmp(w[k], p, len) != 0)
			return 0;
		k++;
		p += len;
		p += *p == ' ';
	}
	return k - from;
}

static void
shape_make(const char *text, struct shape *s)
{
	char **w;
	unsigned char *named;
	size_t n = split(text, &w, &named), i, from = 0, k, skip;
	uint64_t prev = 0;
	int have_prev = 0;

	memset(s, 0, sizeof *s);
	/* The lead-ins, as many as are stacked ("Kính đề nghị", "Xin đề nghị"). */
	do {
		skip = 0;
		for (k = 0; k < sizeof lead_ins / sizeof *lead_ins && !skip; k++)
			skip = lead_in_length(w, from, n, lead_ins[k]);
		from += skip;
	} while (skip > 0);
	s->wording = hash_word("");
	for (i = 0; i < n; i++) {
		uint64_t h = hash_word(w[i]);

		hashes_add(&s->all, h);
		if (named[i] || strpbrk(w[i], "0123456789") != NULL ||
		    word_in(w[i], negations, sizeof negations / sizeof *negations))
			hashes_add(&s->marks, h);
		if (i < from ||
		    word_in(w[i], fillers, sizeof fillers / sizeof *fillers))
			continue;
		s->wording = hash_str(" ", hash_str(w[i], s->wording));
		if (have_prev)
			hashes_add(&s->pairs, prev * 31 + h);
		prev = h;
		have_prev = 1;
	}
	/* A one-word proposal is compared by that word. */
	if (s->pairs.n == 0 && have_prev)
		hashes_add(&s->pairs, prev);
	hashes_set(&s->pairs);
	hashes_set(&s->all);
	hashes_set(&s->marks);
	for (i = 0; i < n; i++)
		free(w[i]);
	free(w);
	free(named);
}

static void
shape_free(struct shape *s)
{
	free(s->pairs.v);
	free(s->all.v);
	free(s->marks.v);
}

/* Every mark of a occurs in b. */
static int
marks_kept(const struct shape *a, const struct shape *b)
{
	size_t i;

	for (i = 0; i < a->marks.n; i++)
		if (!hashes_has(&b->all, a->marks.v[i]))
			return 0;
	return 1;
}

/*
 * The shared pairs of a and b, when they are the same proposal; -1 when
 * they are not. *total is the pairs of both, so common / total orders
 * the candidates.
 */
static long
shape_match(const struct shape *a, const struct shape *b, size_t *total)
{
	size_t common;

	*total = a->pairs.n + b->pairs.n;
	if (!marks_kept(a, b) || !marks_kept(b, a))
		return -1;
	if (*total == 0)
		return 0;	/* both only lead-ins and fillers */
	common = hashes_common(&a->pairs, &b->pairs);
	if (2 * common * SAME_DEN < SAME_NUM * *total)
		return -1;
	return (long)common;
}

int
proposals_same(const char *a, const char *b)
{
	struct shape x, y;
	size_t total;
	int same;

	shape_make(a, &x);
	shape_make(b, &y);
	same = shape_match(&x, &y, &total) >= 0;
	shape_free(&x);
	shape_free(&y);
	return same;
}

/* A group while it is built: its members in the order met. */
struct building {
	size_t		 seed;
	size_t		*members;
	size_t		 n, cap;
};

static void
building_add(struct building *b, size_t i)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 8;
		b->members = xrealloc(b->members, b->cap * sizeof *b->members);
	}
	b->members[b->n++] = i;
}

/* The group p (seed first) is most alike, or nb when none is alike. */
static size_t
best_group(const struct shape *sh, const struct building *b, size_t nb,
    size_t p)
{
	size_t best = nb, best_total = 1, g, total;
	long best_common = -1, common;

	for (g = 0; g < nb; g++) {
		common = shape_match(&sh[b[g].seed], &sh[p], &total);
		if (common < 0)
			continue;
		/* common / total above best_common / best_total, or the first */
		if (best == nb || (size_t)common * best_total >
		    (size_t)best_common * (total ? total : 1)) {
			best = g;
			best_common = common;
			best_total = total ? total : 1;
		}
	}
	return best;
}

/* The commonest wording among the members, the first on a tie. */
static size_t
commonest(const struct shape *sh, const struct building *b)
{
	size_t i, j, best = b->members[0], best_n = 0;

	for (i = 0; i < b->n; i++) {
		size_t same = 0;

		for (j = 0; j < b->n; j++)
			same += sh[b->members[j]].wording ==
			    sh[b->members[i]].wording;
		if (same > best_n) {
			best = b->members[i];
			best_n = same;
		}
	}
	return best;
}

static void
group_finish(const struct proposal *p, const struct shape *sh,
    const struct building *b, struct proposal_group *g)
{
	size_t i, u;

	g->shown = commonest(sh, b);
	g->count = b->n;
	g->units = xcalloc(b->n, sizeof *g->units);
	g->nunits = 0;
	for (i = 0; i < b->n; i++) {
		const char *unit = p[b->members[i]].unit;

		for (u = 0; u < g->nunits; u++)
			if (strcmp(p[g->units[u].first].unit, unit) == 0)
				break;
		if (u == g->nunits)
			g->units[g->nunits++].first = b->members[i];
		g->units[u].count++;
	}
}

/* Most members first, then the order first met (the seed). */
static int
building_cmp(const void *a, const void *b)
{
	const struct building *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return x->seed < y->seed ? -1 : x->seed > y->seed;
}

size_t
proposals_group(const struct proposal *p, size_t n,
    struct proposal_group **out)
{
	struct shape *sh = xcalloc(n ? n : 1, sizeof *sh);
	struct building *b = xcalloc(n ? n : 1, sizeof *b);
	size_t i, nb = 0, g;

	for (i = 0; i < n; i++) {
		shape_make(p[i].text, &sh[i]);
		g = best_group(sh, b, nb, i);
		if (g == nb)
			b[nb++].seed = i;
		building_add(&b[g], i);
	}
	qsort(b, nb, sizeof *b, building_cmp);
	*out = xcalloc(nb ? nb : 1, sizeof **out);
	for (g = 0; g < nb; g++) {
		group_finish(p, sh, &b[g], &(*out)[g]);
		free(b[g].members);
	}
	for (i = 0; i < n; i++)
		shape_free(&sh[i]);
	free(sh);
	free(b);
	return nb;
}

void
proposals_free(struct proposal_group **g, size_t n)
{
	size_t i;

	if (*g == NULL)
		return;
	for (i = 0; i < n; i++)
		free((*g)[i].units);
	x_free(g);
}
