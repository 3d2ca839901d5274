/*
 * plan_item.c - reading a plan item's length and its materials' ratio.
 *
 * Both are read from the words as the clerk or the import wrote them, so
 * the numbers can never drift from what the paper says. The rules are in
 * plan_item.h and unit-tested in tests/unit/test_domain_plan_item.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/plan_item.h"
#include "text/text.h"
#include "xmalloc.h"

static char pl_msg[200];

/* 1 if the folded text at s starts with word w followed by a non-letter. */
static int
pl_word_at(const char *s, const char *w)
{
	char *head = xstrndup(s, strnlen(s, strlen(w) + 8)), *f = text_fold(head);
	size_t n = strlen(w);
	int r = strncmp(f, w, n) == 0 && !(f[n] >= 'a' && f[n] <= 'z');

	free(f);
	free(head);
	return r;
}

/*
 * Reads an amount at *s: digits, optionally a decimal comma or point and
 * one digit, then spaces and "ngày" or "buổi". Returns its half days
 * (>= 0) with *s past the unit, -1 if no amount starts here, -2 if it is
 * not a whole number of half days.
 */
static int
pl_amount(const char **s)
{
	const char *p = *s;
	long whole = 0, tenths = 0;
	int digits = 0, days;

	while (*p >= '0' && *p <= '9' && digits < 4)
		whole = whole * 10 + (*p++ - '0'), digits++;
	if (digits == 0 || (*p >= '0' && *p <= '9'))
		return -1;
	if ((*p == ',' || *p == '.') && p[1] >= '0' && p[1] <= '9') {
		tenths = p[1] - '0';
		p += 2;
		if (*p >= '0' && *p <= '9')
			return -1;
	}
	while (*p == ' ')
		p++;
	if (pl_word_at(p, "ngay"))
		days = 1;
	else if (pl_word_at(p, "buoi"))
		days = 0;
	else
		return -1;
	p += strlen(*p == 'n' || *p == 'N' ? "ngày" : "buổi");
	*s = p;
	if (!days)
		return tenths != 0 ? -2 : (int)whole;
	if (tenths != 0 && tenths != 5)
		return -2;
	return (int)(whole * 2 + (tenths == 5));
}

/* s[0..n) trimmed of spaces, list marks and the punctuation around labels. */
static char *
pl_label(const char *s, size_t n)
{
	static const char junk[] = " \t\r-+*:;,.()";

	while (n > 0 && strchr(junk, *s) != NULL)
		s++, n--;
	while (n > 0 && strchr(junk, s[n - 1]) != NULL)
		n--;
	return xstrndup(s, n);
}

/*
 * Where the next amount in [p, end) starts, with its half days in *hd
 * and its end in *after; NULL if none. A number inside a date or another
 * number ("15/12/2020") never starts one.
 */
static const char *
pl_next_amount(const char *p, const char *start, const char *end, int *hd,
    const char **after)
{
	for (; p < end; p++) {
		if (!(*p >= '0' && *p <= '9') || (p > start && ((p[-1] >= '0' &&
		    p[-1] <= '9') || p[-1] == ',' || p[-1] == '.' ||
		    p[-1] == '/')))
			continue;
		*after = p;
		if ((*hd = pl_amount(after)) != -1 && *after <= end)
			return p;
	}
	return NULL;
}

/* Adds the parts of one segment [s, end): each amount it names. */
static const char *
pl_segment(const char *s, const char *end, struct plan_length *out)
{
	const char *p, *after, *next, *next_after, *from = s;
	int hd, next_hd;
	struct plan_length_part *part;

	for (p = pl_next_amount(s, s, end, &hd, &after); p != NULL;
	    p = next, hd = next_hd, after = next_after) {
		if (hd == -2) {
			snprintf(pl_msg, sizeof pl_msg, "Thời lượng phải tính "
			    "theo nửa ngày (0,5 ngày, 01 buổi): \"%.*s\"",
			    (int)(after - p), p);
			return pl_msg;
		}
		if (hd == 0)
			return "Thời lượng 0 ngày không có nghĩa";
		if (out->nparts == PLAN_LENGTH_MAX_PARTS)
			return "Thời lượng chia quá nhiều phần (tối đa 8)";
		next = pl_next_amount(after, s, end, &next_hd, &next_after);
		part = &out->parts[out->nparts++];
		part->half_days = hd;
		/* Its words follow it, else they come before it. */
		part->label = pl_label(after, (size_t)((next != NULL ? next :
		    end) - after));
		if (*part->label == '\0') {
			free(part->label);
			part->label = pl_label(from, (size_t)(p - from));
		}
		from = after;
	}
	return NULL;
}

/* 1 if the words say the amounts after the first are within it ("trong đó"). */
static int
pl_says_within(const char *words)
{
	char *f = text_fold(words);
	int r = strstr(f, "trong do") != NULL;

	free(f);
	return r;
}

const char *
plan_length_parse(const char *words, struct plan_length *out)
{
	const char *s = words, *end, *why;
	int i, rest = 0;

	memset(out, 0, sizeof *out);
	while (*s != '\0') {
		end = s + strcspn(s, "+;\n");
		if ((why = pl_segment(s, end, out)) != NULL) {
			plan_length_clear(out);
			return why;
		}
		s = *end != '\0' ? end + 1 : end;
	}
	if (out->nparts == 0)
		return "Không thấy thời lượng (ví dụ \"01 buổi\", \"1,5 ngày\", "
		    "\"0,5 ngày nghiên cứu + 0,5 ngày thảo luận\")";
	for (i = 1; i < out->nparts; i++)
		rest += out->parts[i].half_days;
	if (out->nparts > 1 && (pl_says_within(words) ||
	    (out->nparts > 2 && out->parts[0].half_days == rest))) {
		/* The first amount is the whole; the others are its parts. */
		out->half_days = out->parts[0].half_days;
		free(out->parts[0].label);
		memmove(&out->parts[0], &out->parts[1],
		    (size_t)(out->nparts - 1) * sizeof out->parts[0]);
		out->nparts--;
		if (rest > out->half_days) {
			plan_length_clear(out);
			return "Các phần cộng lại dài hơn cả thời lượng";
		}
	} else {
		out->half_days = rest + out->parts[0].half_days;
		if (out->nparts == 1) {
			free(out->parts[0].label);
			out->nparts = 0;
		}
	}
	if (out->half_days > 20) {
		plan_length_clear(out);
		return "Thời lượng quá 10 ngày: kiểm tra lại";
	}
	return NULL;
}

void
plan_length_clear(struct plan_length *l)
{
	int i;

	for (i = 0; i < l->nparts; i++)
		free(l->parts[i].label);
	memset(l, 0, sizeof *l);
}

/*
 * The number in s[0..n) nearest its end (last) or start (!last), or -1:
 * "cấp bình quân 03 đảng viên" / "01 cuốn".
 */
static int
pl_number(const char *s, size_t n, int last)
{
	size_t i = 0, j;
	int v = -1;

	if (last) {
		for (j = n; j > 0 && !(s[j - 1] >= '0' && s[j - 1] <= '9'); j--)
			;
		for (i = j; i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9'; i--)
			;
		n = j;
	} else
		while (i < n && !(s[i] >= '0' && s[i] <= '9'))
			i++;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		if ((v = (v < 0 ? 0 : v) * 10 + (s[i] - '0')) > 99999)
			return -1;
	return v;
}

/* 1 if s[0..n) names people rather than copies. */
static int
pl_people(const char *s, size_t n)
{
	char *part = xstrndup(s, n), *f = text_fold(part);
	int r = strstr(f, "dang vien") != NULL || strstr(f, "nguoi") != NULL ||
	    strstr(f, "hoc vien") != NULL || strstr(f, "dai bieu") != NULL;

	free(f);
	free(part);
	return r;
}

int
plan_ratio_parse(const char *words, int *members, int *copies)
{
	const char *slash = words, *left, *right;
	size_t ln, rn;
	int a, b;

	/* The slash between two numbers: "03 đảng viên/01 cuốn". */
	while ((slash = strchr(slash, '/')) != NULL) {
		for (left = slash; left > words && left[-1] != ',' &&
		    left[-1] != ';' && left[-1] != '(' && left[-1] != '/'; left--)
			;
		right = slash + 1;
		rn = strcspn(right, ",;)/");
		ln = (size_t)(slash - left);
		a = pl_number(left, ln, 1);
		b = pl_number(right, rn, 0);
		/* "24/11/2020" is a date, not a ratio. */
		if (a > 0 && b > 0 && right[rn] != '/' &&
		    !(left > words && left[-1] == '/')) {
			int swap = pl_people(right, rn) && !pl_people(left, ln);

			*members = swap ? b : a;
			*copies = swap ? a : b;
			return 0;
		}
		slash++;
	}
	return -1;
}

int
plan_ratio_copies(const char *words, int n)
{
	int members, copies;

	if (plan_ratio_parse(words, &members, &copies) != 0)
		return -1;
	if (n <= 0)
		return 0;
	return (int)(((long)n * copies + members - 1) / members);
}

int
plan_time_parse(const char *words, char out[6])
{
	char *f = text_fold(words), *p = f, *end;
	long h, m = 0;
	int r = -1;

	while (*p == ' ')
		p++;
	h = strtol(p, &end, 10);
	if (end == p || h < 0 || h > 23)
		goto done;
	p = end;
	while (*p == ' ')
		p++;
	if (*p == ':' || *p == 'h' || *p == 'g')
		p += *p == 'g' && strncmp(p, "gio", 3) == 0 ? 3 : 1;
	else if (*p != '\0')
		goto done;
	while (*p == ' ')
		p++;
	if (*p != '\0') {
		m = strtol(p, &end, 10);
		if (end == p || end - p != 2 || m < 0 || m > 59)
			goto done;
		p = end;
		while (*p == ' ')
			p++;
		if (strncmp(p, "phut", 4) == 0)
			p += 4;
		if (*p != '\0')
			goto done;
	}
	snprintf(out, 6, "%02ld:%02ld", h, m);
	r = 0;
done:
	free(f);
	return r;
}
