/*
 * plan_text_how.c - how a plan says a session is held: when it starts,
 * in person or online, and at which bridge points ("điểm cầu").
 *
 * The conventions relied on, as party documents write them:
 * - the form is a "Hình thức: …" line, or the session is called a "hội
 *   nghị trực tuyến" (an online conference, with "phòng họp trực tuyến"
 *   and bridge points); "trực tiếp" alone is not a form ("Bí thư trực
 *   tiếp truyền đạt" names who speaks), only "hình thức / tổ chức / học
 *   tập / hội nghị trực tiếp" or "tập trung" is;
 * - bridge points are counted before the word ("với 31 điểm cầu") and
 *   named after it with a capital, as proper names are ("Điểm cầu Văn
 *   phòng Tỉnh ủy, gồm …", "điểm cầu Trà Vinh dự …"), or listed after a
 *   colon ("Tại 02 điểm cầu: Viễn thông Kiên Giang và Công ty …, gồm");
 * - a start time is written with "giờ", "h" or ":" ("7 giờ 30", "07h30",
 *   "14:00") after "lúc", "khai mạc", "bắt đầu" or on the "Thời gian"
 *   line; a number without that mark is a length or a date, never a time.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/plan_item.h"
#include "domain/plan_text.h"
#include "domain/plan_text_int.h"
#include "text/text.h"
#include "xmalloc.h"

/* A bridge point's name longer than this is a sentence, not a name. */
#define PT_BRIDGE_NAME_MAX	120

const char *
pt_unmarked(const char *fold)
{
	fold += strspn(fold, "-+*. 0123456789");
	if (*fold >= 'a' && *fold <= 'z' && (fold[1] == '.' || fold[1] == ')') &&
	    fold[2] == ' ')
		fold += 3;
	return fold;
}

/* "in_person", "online" or NULL, as lines [from, to) say it. */
static const char *
pt_how_form(const struct pt_line *l, int from, int to)
{
	static const char *const in_person[] = { "hinh thuc truc tiep",
	    "to chuc truc tiep", "hoc tap truc tiep", "hoi nghi truc tiep",
	    "tap trung tai hoi truong", NULL };
	const char *const *w;
	int k;

	for (k = from; k < to; k++) {
		const char *f = pt_unmarked(l[k].fold);

		if (strncmp(f, "hinh thuc", 9) != 0 || strchr(f, ':') == NULL)
			continue;
		if (strstr(f, "truc tuyen") != NULL)
			return "online";
		if (strstr(f, "truc tiep") != NULL || strstr(f, "tap trung") != NULL)
			return "in_person";
	}
	for (k = from; k < to; k++)
		if (strstr(l[k].fold, "truc tuyen") != NULL)
			return "online";
	for (k = from; k < to; k++)
		for (w = in_person; *w != NULL; w++)
			if (strstr(l[k].fold, *w) != NULL)
				return "in_person";
	return NULL;
}

/* The count written before the first "điểm cầu" of the lines, or 0. */
static int
pt_how_bridge_count(const struct pt_line *l, int from, int to)
{
	const char *p, *q;
	int k;

	for (k = from; k < to; k++)
		for (p = strstr(l[k].fold, " diem cau"); p != NULL;
		    p = strstr(p + 1, " diem cau")) {
			for (q = p; q > l[k].fold && isdigit((unsigned char)q[-1]); q--)
				;
			/* A count of a province's points has a few digits. */
			if (q < p && p - q <= 4 && (q == l[k].fold ||
			    q[-1] == ' '))
				return atoi(q);
		}
	return 0;
}

/* 1 if the UTF-8 character at s is a capital letter of Vietnamese. */
static int
pt_how_capital(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp;

	if (*u < 0x80)
		return *u >= 'A' && *u <= 'Z';
	/* A character cut short by the string's end is no letter. */
	if (u[1] == '\0' || ((*u & 0xf0) == 0xe0 && u[2] == '\0'))
		return 0;
	if ((*u & 0xe0) == 0xc0)
		cp = ((uint32_t)(u[0] & 0x1f) << 6) | (u[1] & 0x3f);
	else if ((*u & 0xf0) == 0xe0)
		cp = ((uint32_t)(u[0] & 0x0f) << 12) |
		    ((uint32_t)(u[1] & 0x3f) << 6) | (u[2] & 0x3f);
	else
		return 0;
	if (cp >= 0xc0 && cp <= 0xdd && cp != 0xd7)
		return 1;
	/* Ă Đ Ĩ Ũ Ơ Ư; then Ạ…Ỹ, whose capitals are the even ones. */
	if (cp == 0x102 || cp == 0x110 || cp == 0x128 || cp == 0x168 ||
	    cp == 0x1a0 || cp == 0x1af)
		return 1;
	return cp >= 0x1ea0 && cp <= 0x1ef9 && cp % 2 == 0;
}

/* Where the name at s ends: a clause's end or a word starting the rest. */
static size_t
pt_how_name_len(const char *s, int list)
{
	static const char *const after[] = { " gồm", " dự ", " với ",
	    " tham dự", " tại ", " do ", NULL };
	const char *const *w;
	size_t n = strcspn(s, list ? ";(" : ",;:(");
	const char *p;

	for (p = s; p < s + n; p++)
		if (*p == '.' && (p[1] == ' ' || p[1] == '\0')) {
			n = (size_t)(p - s);
			break;
		}
	for (w = after; *w != NULL; w++)
		if ((p = strstr(s, *w)) != NULL && (size_t)(p - s) < n)
			n = (size_t)(p - s);
	return n;
}

/* Adds the name s (len bytes, trimmed) to the list *names unless there. */
static void
pt_how_add_name(char **names, const char *s, size_t len)
{
	char *name, *more;

	while (len > 0 && s[0] == ' ')
		s++, len--;
	while (len > 0 && strchr(" ,", s[len - 1]) != NULL)
		len--;
	if (len == 0 || len > PT_BRIDGE_NAME_MAX || !pt_how_capital(s))
		return;
	name = xstrndup(s, len);
	if (*names == NULL)
		*names = name;
	else {
		char *hay = xasprintf("\n%s\n", *names), *needle =
		    xasprintf("\n%s\n", name);

		if (strstr(hay, needle) == NULL) {
			more = xasprintf("%s\n%s", *names, name);
			free(*names);
			*names = more;
		}
		free(hay);
		free(needle);
		free(name);
	}
}

/* The names of one list "A, B và C" of len bytes at s. */
static void
pt_how_list(char **names, const char *s, size_t len)
{
	const char *end = s + len, *p;

	while (s < end) {
		const char *comma = strstr(s, ", "), *and = strstr(s, " và ");

		p = end;
		if (comma != NULL && comma < p)
			p = comma;
		if (and != NULL && and < p)
			p = and;
		pt_how_add_name(names, s, (size_t)(p - s));
		s = p == end ? end : p + (p == comma ? 2 : 4);
	}
}

/* The bridge points named in line s, added to *names. */
static void
pt_how_bridge_names(char **names, const char *s)
{
	static const char *const words[] = { "điểm cầu", "Điểm cầu",
	    "ĐIỂM CẦU", NULL };
	const char *const *w;
	const char *p;

	for (w = words; *w != NULL; w++)
		for (p = strstr(s, *w); p != NULL; p = strstr(p + 1, *w)) {
			const char *q = p + strlen(*w);

			if (*q == ':')
				pt_how_list(names, q + 1, pt_how_name_len(q + 1, 1));
			else if (*q == ' ' && pt_how_capital(q + 1))
				pt_how_add_name(names, q + 1,
				    pt_how_name_len(q + 1, 0));
		}
}

/*
 * The first time of day in fold (already folded) at a number followed by
 * "gio", "h" or ":", into out "HH:MM" by plan_time_parse; 0, or -1.
 */
static int
pt_how_time(const char *fold, char out[6])
{
	const char *p, *q;

	for (p = fold; *p != '\0'; p++) {
		char *cand;
		int r;

		if (!isdigit((unsigned char)*p) || (p > fold &&
		    strchr(" (", p[-1]) == NULL))
			continue;
		q = p + strspn(p, "0123456789");
		if (q - p > 2)
			continue;
		q += strspn(q, " ");
		if (strncmp(q, "gio", 3) == 0)
			q += 3;
		else if (*q == 'h' || *q == ':')
			q++;
		else
			continue;
		if (isalpha((unsigned char)*q))
			continue;	/* "3 giơ…", "5 hội …" */
		q += strspn(q, " ");
		if (isdigit((unsigned char)q[0]) && isdigit((unsigned char)q[1]) &&
		    !isdigit((unsigned char)q[2])) {
			q += 2;
			if (strncmp(q, " phut", 5) == 0)
				q += 5;
		}
		cand = xstrndup(p, (size_t)(q - p));
		r = plan_time_parse(cand, out);
		free(cand);
		if (r == 0)
			return 0;
	}
	return -1;
}

void
pt_item_how(struct plan_text_item *it, const struct pt_line *l, int from,
    int to)
{
	int k;

	it->form = pt_how_form(l, from, to);
	it->bridge_count = pt_how_bridge_count(l, from, to);
	for (k = from; k < to; k++) {
		const char *f = l[k].fold;

		pt_how_bridge_names(&it->bridges, l[k].s);
		if (it->start[0] == '\0' && (strstr(f, "luc ") != NULL ||
		    strstr(f, "khai mac") != NULL || strstr(f, "bat dau") !=
		    NULL || strncmp(pt_unmarked(f), "thoi gian", 9) == 0) &&
		    pt_how_time(f, it->start) != 0)
			it->start[0] = '\0';
	}
}
