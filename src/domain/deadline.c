/*
 * deadline.c - reading a deadline phrase and resolving its last day.
 *
 * The phrase is folded (lower case, no diacritics, one space) and cut into
 * words, numbers and the separators of dates ("/-."). Four kinds of time
 * expression are recognised: a day, a month, a quarter and a year, each
 * possibly preceded by a part ("đầu", "giữa", "cuối", "nửa đầu", "nửa
 * cuối") and by "trước" (before it: the last day is the day before it
 * starts). When a phrase names several expressions ("từ ngày … đến ngày
 * …", "vào các ngày 29 và 30/11/2017") the last one is the deadline;
 * "đợt N" starts a round, each with its own expression. The rules, and
 * why each part resolves where it does, are in docs/deadlines.md.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/deadline.h"
#include "text/text.h"
#include "xmalloc.h"

/* Tokens in one phrase; a deadline is a sentence, not a page. */
#define DL_MAX_TOKENS	256

enum dl_tok { DL_WORD, DL_NUM, DL_SEP, DL_PUNCT };

struct dl_token {
	enum dl_tok	 kind;
	const char	*s;		/* into the folded text */
	int		 len;		/* bytes */
	int		 value;		/* DL_NUM: its value (0..99999) */
};

enum dl_span { DL_DAY, DL_MONTH, DL_QUARTER, DL_YEAR };
enum dl_part { DL_WHOLE, DL_EARLY, DL_MIDDLE, DL_FIRST_HALF, DL_END };

struct dl_expr {
	enum dl_span	 span;
	enum dl_part	 part;
	int		 before;	/* "trước": the day before it starts */
	int		 y, m, d, q;	/* y 0: no year written */
};

static char dl_msg[320];

static int
dl_tokenize(const char *s, struct dl_token *t, int max)
{
	int n = 0;

	while (*s != '\0' && n < max) {
		const char *start = s;

		if (*s == ' ') {
			s++;
			continue;
		}
		if (*s >= 'a' && *s <= 'z') {
			while (*s >= 'a' && *s <= 'z')
				s++;
			t[n].kind = DL_WORD;
		} else if (*s >= '0' && *s <= '9') {
			t[n].value = 0;
			while (*s >= '0' && *s <= '9') {
				if (s - start < 5)
					t[n].value = t[n].value * 10 + (*s - '0');
				s++;
			}
			t[n].kind = DL_NUM;
		} else {
			t[n].kind = *s == '/' || *s == '-' || *s == '.' ?
			    DL_SEP : DL_PUNCT;
			s++;
		}
		t[n].s = start;
		t[n].len = (int)(s - start);
		n++;
	}
	return n;
}

static int
dl_is(const struct dl_token *t, int n, int i, const char *word)
{
	return i >= 0 && i < n && t[i].kind == DL_WORD &&
	    t[i].len == (int)strlen(word) && memcmp(t[i].s, word, (size_t)t[i].len) == 0;
}

/* A number of 1..maxlen digits at i; its value in *v. */
static int
dl_num(const struct dl_token *t, int n, int i, int maxlen, int *v)
{
	if (i >= n || t[i].kind != DL_NUM || t[i].len > maxlen)
		return 0;
	*v = t[i].value;
	return 1;
}

/*
 * A four-digit year after a month or quarter at i: "/2021", "-2021",
 * "năm 2021". Tokens used, 0 if none.
 */
static int
dl_year_after(const struct dl_token *t, int n, int i, int *y)
{
	if (i < n && (t[i].kind == DL_SEP || dl_is(t, n, i, "nam")) &&
	    i + 1 < n && t[i + 1].kind == DL_NUM && t[i + 1].len == 4) {
		*y = t[i + 1].value;
		return 2;
	}
	return 0;
}

/* "ngày D tháng M năm Y", "[ngày] D/M/Y", "ngày D/M"; tokens used or 0. */
static int
dl_match_day(const struct dl_token *t, int n, int i, struct dl_expr *e)
{
	int j = i, said_day = dl_is(t, n, i, "ngay"), y;

	j += said_day;
	if (!dl_num(t, n, j, 2, &e->d))
		return 0;
	if (dl_is(t, n, j + 1, "thang") && dl_num(t, n, j + 2, 2, &e->m)) {
		e->y = 0;
		if (dl_is(t, n, j + 3, "nam") && dl_num(t, n, j + 4, 4, &y) &&
		    t[j + 4].len == 4) {
			e->y = y;
			return j + 5 - i;
		}
		return said_day ? j + 3 - i : 0;
	}
	if (j + 2 >= n || t[j + 1].kind != DL_SEP ||
	    !dl_num(t, n, j + 2, 2, &e->m))
		return 0;
	if (j + 4 < n && t[j + 3].kind == DL_SEP && t[j + 3].s[0] ==
	    t[j + 1].s[0] && t[j + 4].kind == DL_NUM && t[j + 4].len == 4) {
		e->y = t[j + 4].value;
		return j + 5 - i;
	}
	/* Without a year, only after "ngày" and not followed by more digits. */
	if (!said_day || (j + 3 < n && t[j + 3].kind == DL_SEP))
		return 0;
	e->y = 0;
	return j + 3 - i;
}

static int
dl_roman(const struct dl_token *t, int n, int i, int *q)
{
	static const char *const r[] = { "i", "ii", "iii", "iv" };
	int k;

	for (k = 0; k < 4; k++)
		if (dl_is(t, n, i, r[k])) {
			*q = k + 1;
			return 1;
		}
	return dl_num(t, n, i, 1, q) && *q >= 1 && *q <= 4;
}

/* A time expression starting at token i; tokens used, 0 if none. */
static int
dl_match(const struct dl_token *t, int n, int i, struct dl_expr *e)
{
	int used;

	memset(e, 0, sizeof *e);
	if ((used = dl_match_day(t, n, i, e)) > 0) {
		e->span = DL_DAY;
		return used;
	}
	if (dl_is(t, n, i, "thang") && dl_num(t, n, i + 1, 2, &e->m) &&
	    e->m >= 1 && e->m <= 12) {
		e->span = DL_MONTH;
		return 2 + dl_year_after(t, n, i + 2, &e->y);
	}
	if ((dl_is(t, n, i, "quy") || dl_is(t, n, i, "qui")) &&
	    dl_roman(t, n, i + 1, &e->q)) {
		e->span = DL_QUARTER;
		return 2 + dl_year_after(t, n, i + 2, &e->y);
	}
	if (dl_is(t, n, i, "nam") && i + 1 < n && t[i + 1].kind == DL_NUM &&
	    t[i + 1].len == 4) {
		e->span = DL_YEAR;
		e->y = t[i + 1].value;
		return 2;
	}
	return 0;
}

/* The part and "trước" written just before token i. */
static void
dl_prefix(const struct dl_token *t, int n, int i, struct dl_expr *e)
{
	int k = i - 1;

	if (dl_is(t, n, k, "dau") || dl_is(t, n, k, "giua") ||
	    dl_is(t, n, k, "cuoi")) {
		int half = dl_is(t, n, k - 1, "nua");

		if (dl_is(t, n, k, "cuoi"))
			e->part = DL_END;
		else if (dl_is(t, n, k, "giua"))
			e->part = DL_MIDDLE;
		else
			e->part = half ? DL_FIRST_HALF : DL_EARLY;
		k -= 1 + half;
	}
	e->before = dl_is(t, n, k, "truoc");
}

static int
dl_month_end(int y, int m)
{
	int d = 31;

	while (d > 28 && !date_valid(y, m, d))
		d--;
	return d;
}

/*
 * The last day of e with year y, into *out; NULL or the message. The
 * months it spans are first..last; the parts cut them as the doc says.
 */
static const char *
dl_resolve(const struct dl_expr *e, int y, struct qt_date *out)
{
	int first, last;

	if (e->span == DL_DAY) {
		if (!date_valid(y, e->m, e->d)) {
			snprintf(dl_msg, sizeof dl_msg, "Ngày %02d/%02d/%04d không "
			    "tồn tại", e->d, e->m, y);
			return dl_msg;
		}
		out->y = y, out->m = e->m, out->d = e->d;
		if (e->before)
			*out = date_from_days(date_to_days(*out) - 1);
		return NULL;
	}
	first = e->span == DL_MONTH ? e->m : e->span == DL_QUARTER ?
	    3 * e->q - 2 : 1;
	last = e->span == DL_MONTH ? e->m : e->span == DL_QUARTER ?
	    3 * e->q : 12;
	if (!date_valid(y, first, 1)) {
		snprintf(dl_msg, sizeof dl_msg, "Năm %d nằm ngoài khoảng "
		    "1900-2100", y);
		return dl_msg;
	}
	out->y = y;
	if (e->before) {
		*out = date_from_days(date_to_days((struct qt_date){ y, first,
		    1 }) - 1);
		return NULL;
	}
	switch (e->part) {
	case DL_WHOLE:
	case DL_END:
		out->m = last;
		break;
	case DL_EARLY:		/* a month: its first ten days */
		out->m = e->span == DL_YEAR ? 3 : first;
		if (e->span == DL_MONTH) {
			out->d = 10;
			return NULL;
		}
		break;
	case DL_MIDDLE:		/* a month: its middle ten days */
		out->m = e->span == DL_YEAR ? 6 : e->span == DL_QUARTER ?
		    first + 1 : first;
		if (e->span == DL_MONTH) {
			out->d = 20;
			return NULL;
		}
		break;
	case DL_FIRST_HALF:
		if (e->span == DL_YEAR) {
			out->m = 6;
			break;
		}
		out->m = e->span == DL_QUARTER ? first + 1 : first;
		out->d = 15;
		return NULL;
	}
	out->d = dl_month_end(y, out->m);
	return NULL;
}

/* Cuts the spaces and line ends around s, in place. */
static void
dl_trim(char *s)
{
	size_t len = strlen(s), skip = strspn(s, " \t\r\n");

	while (len > skip && strchr(" \t\r\n", s[len - 1]) != NULL)
		len--;
	memmove(s, s + skip, len - skip);
	s[len - skip] = '\0';
}

/* Quotes the phrase (at most 60 bytes, whole characters) into dl_msg. */
static const char *
dl_fail(const char *before, const char *words, const char *after)
{
	char shown[80];
	size_t len = strlen(words), cut = len > 60 ? 60 : len;

	while (cut > 0 && cut < len && ((unsigned char)words[cut] & 0xc0) == 0x80)
		cut--;
	snprintf(shown, sizeof shown, "%.*s%s", (int)cut, words,
	    cut < len ? "..." : "");
	snprintf(dl_msg, sizeof dl_msg, "%s'%s'%s", before, shown, after);
	return dl_msg;
}

/*
 * The last expression in tokens [from, to), resolved into *out. Returns
 * NULL, or a message; *found set to whether there was one.
 */
static const char *
dl_segment(const struct dl_token *t, int from, int to, int doc_year,
    struct qt_date *out, int *found)
{
	struct dl_expr e, best = { 0 };	/* set before any use; GCC -O1 cannot tell */
	int i = from, used;

	*found = 0;
	while (i < to) {
		if ((used = dl_match(t, to, i, &e)) > 0) {
			dl_prefix(t, to, i, &e);
			best = e;
			*found = 1;
			i += used;
		} else
			i++;
	}
	if (!*found)
		return NULL;
	if (best.y == 0 && doc_year == 0)
		return "";
	return dl_resolve(&best, best.y != 0 ? best.y : doc_year, out);
}

const char *
deadline_parse(const char *words, int doc_year, struct deadline *out)
{
	struct dl_token t[DL_MAX_TOKENS];
	char *folded = text_fold(words);
	const char *why = NULL;
	int n = dl_tokenize(folded, t, DL_MAX_TOKENS), i, start = -1, found;

	memset(out, 0, sizeof *out);
	for (i = 0; i + 1 < n && why == NULL; i++) {
		if (!dl_is(t, n, i, "dot") || t[i + 1].kind != DL_NUM)
			continue;
		if (start >= 0)
			why = dl_segment(t, start, i, doc_year,
			    &out->rounds[out->nrounds - 1].last, &found);
		if (why == NULL && start >= 0 && !found)
			why = dl_fail("Một đợt trong ", words, " không ghi hạn");
		if (why == NULL && out->nrounds == DEADLINE_MAX_ROUNDS)
			why = dl_fail("", words, " có quá nhiều đợt");
		if (why == NULL) {
			out->rounds[out->nrounds++].round = t[i + 1].value;
			start = i + 2;
		}
	}
	if (why == NULL && start >= 0) {
		why = dl_segment(t, start, n, doc_year,
		    &out->rounds[out->nrounds - 1].last, &found);
		if (why == NULL && !found)
			why = dl_fail("Một đợt trong ", words, " không ghi hạn");
		if (why == NULL)
			for (i = 0; i < out->nrounds; i++)
				if (i == 0 || date_cmp(out->rounds[i].last,
				    out->last) > 0)
					out->last = out->rounds[i].last;
	} else if (why == NULL) {
		why = dl_segment(t, 0, n, doc_year, &out->last, &found);
		if (why == NULL && !found)
			why = dl_fail("Không hiểu hạn ", words, ": hãy ghi như "
			    "văn bản, ví dụ trước ngày 20/8/2022, trong tháng "
			    "5/2021, quý II/2021 hoặc năm 2021");
	}
	free(folded);
	if (why != NULL && *why == '\0')
		why = dl_fail("Hạn ", words, " không ghi năm: hãy ghi cả "
		    "năm, ví dụ quý II/2021");
	if (why != NULL) {
		memset(out, 0, sizeof *out);
		return why;
	}
	out->words = text_nfc(words);
	dl_trim(out->words);
	return NULL;
}

void
deadline_clear(struct deadline *d)
{
	x_free(&d->words);
	memset(d, 0, sizeof *d);
}

const char *
deadline_last_day(const char *words, int doc_year, char iso[11])
{
	struct deadline dl;
	const char *why = deadline_parse(words, doc_year, &dl);

	*iso = '\0';
	if (why != NULL)
		return why;
	date_to_iso(dl.last, iso);
	deadline_clear(&dl);
	return NULL;
}
