/*
 * plan_text.c - reading a plan's text: header, parents, resolutions, the
 * sessions each level holds with their deadlines, reports and the essay
 * rule. plan_text.h says which conventions of party documents it relies
 * on; every rule here is one of them, none is fitted to one file.
 */
#include "config.h"

#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/deadline.h"
#include "domain/plan_item.h"
#include "domain/plan_text.h"
#include "domain/plan_text_int.h"
#include "text/text.h"
#include "xmalloc.h"

/* A heading longer than this is a numbered paragraph, not a heading. */
#define PT_HEADING_MAX	200
/* Lines the header (issuer, number, place and date) may take. */
#define PT_HEADER_LINES	40
/* Lines a title may run over. */
#define PT_TITLE_LINES	4

/* The levels, in the order they are printed. */
enum { PT_PROVINCE = 1, PT_DISTRICT = 2, PT_BASE = 4, PT_CELL = 8 };

static int
pt_has(const char *fold, const char *word)
{
	return strstr(fold, word) != NULL;
}

static int
pt_starts(const char *fold, const char *word)
{
	return strncmp(fold, word, strlen(word)) == 0;
}

/* s without spaces and tabs at either end, newly allocated. */
static char *
pt_trim(const char *s, size_t len)
{
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len > 0 && strchr(" \t\r\n", s[len - 1]) != NULL)
		len--;
	return xstrndup(s, len);
}

/* 1 if s has capital letters and no small ones (unaccented to check). */
static int
pt_is_upper(const char *s)
{
	char *u = text_unaccent(s);
	int upper = 0, lower = 0;
	const char *p;

	for (p = u; *p != '\0'; p++) {
		upper += *p >= 'A' && *p <= 'Z';
		lower += *p >= 'a' && *p <= 'z';
	}
	free(u);
	return upper > 0 && lower == 0;
}

/* The other case of a Latin letter Vietnamese uses, else cp itself. */
static uint32_t
pt_case(uint32_t cp, int upper)
{
	int is_upper;

	if (cp < 0x80)
		return upper ? (uint32_t)toupper((int)cp) : (uint32_t)tolower((int)cp);
	if (cp >= 0xc0 && cp <= 0xfe && cp != 0xd7 && cp != 0xf7 && cp != 0xdf)
		return upper ? cp & ~0x20u : cp | 0x20u;
	if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14a && cp <= 0x177) ||
	    (cp >= 0x1ea0 && cp <= 0x1ef9) || cp == 0x1a0 || cp == 0x1a1) {
		is_upper = (cp & 1) == 0;
		return upper == is_upper ? cp : upper ? cp - 1 : cp + 1;
	}
	if (cp == 0x1af || cp == 0x1b0)
		return upper ? 0x1af : 0x1b0;
	return cp;
}

/* s with every letter in lower case, or only its first in upper case. */
static char *
pt_recase(const char *s, int first_upper)
{
	size_t len = strlen(s), i = 0, n;
	char *out = xmalloc(len * 2 + 1), *o = out;
	uint32_t cp;

	while (i < len) {
		n = text_utf8_decode(s + i, len - i, &cp);
		o += text_utf8_encode(pt_case(cp, first_upper && i == 0), o);
		i += n;
	}
	*o = '\0';
	return out;
}

/*
 * An issuer line in capitals in the case it is written in running text:
 * the organ's own words as usage has them ("Ban Tuyên giáo", "Tỉnh ủy"),
 * administrative words small ("xã", "thị trấn"), place names capitalised.
 */
static char *
pt_proper(const char *upper)
{
	static const struct {
		const char	*fold;
		const char	*caps;	/* per word: 1 capitalised */
	} organs[] = {
		{ "ban tuyen giao", "110" }, { "ban dan van", "110" },
		{ "ban to chuc", "110" }, { "ban thuong vu", "110" },
		{ "ban chap hanh", "110" }, { "uy ban kiem tra", "1010" },
		{ "van phong", "10" }, { "tinh uy", "10" }, { "huyen uy", "10" },
		{ "thi uy", "10" }, { "thanh uy", "10" }, { "quan uy", "10" },
		{ "dang uy", "10" }, { "dang bo", "10" }, { "chi bo", "10" },
		{ "trung uong", "10" }, { "thi tran", "00" }, { "thi xa", "00" },
		{ "thanh pho", "00" }, { "xa", "0" }, { "phuong", "0" },
		{ "huyen", "0" }, { "tinh", "0" }, { "quan", "0" }, { "khoi", "0" },
	};
	char *low = pt_recase(upper, 0), *out = xmalloc(strlen(low) * 2 + 2);
	char *words[64], *p, *o = out;
	int n = 0, i, k;

	for (p = strtok(low, " \t"); p != NULL && n < 64; p = strtok(NULL, " \t"))
		words[n++] = p;
	*o = '\0';
	for (i = 0; i < n; ) {
		size_t m, used = 1;
		const char *caps = "1";

		for (k = 0; k < (int)(sizeof organs / sizeof organs[0]); k++) {
			char *joined = xstrdup(""), *f;

			m = strlen(organs[k].caps);
			if ((size_t)(n - i) < m) {
				free(joined);
				continue;
			}
			for (size_t w = 0; w < m; w++) {
				char *next = xasprintf("%s%s%s", joined, w ? " " : "",
				    words[i + (int)w]);
				free(joined);
				joined = next;
			}
			f = text_fold(joined);
			free(joined);
			if (strcmp(f, organs[k].fold) == 0) {
				caps = organs[k].caps;
				used = m;
				free(f);
				break;
			}
			free(f);
		}
		for (size_t w = 0; w < used; w++) {
			char *word = pt_recase(words[i + (int)w], caps[w] == '1' ||
			    (i == 0 && w == 0));

			o += sprintf(o, "%s%s", o == out ? "" : " ", word);
			free(word);
		}
		i += (int)used;
	}
	free(low);
	return out;
}

/* The kind code of a kind word in capitals ("KẾ HOẠCH"), else NULL. */
static const char *
pt_kind_word(const char *fold)
{
	static const char *const kinds[][2] = {
		{ "ke hoach", "KH" }, { "huong dan", "HD" }, { "chi thi", "CT" },
		{ "nghi quyet", "NQ" }, { "thong bao", "TB" }, { "bao cao", "BC" },
		{ "chuong trinh", "CTr" }, { "quyet dinh", "QĐ" },
		{ "cong van", "CV" }, { "ket luan", "KL" }, { "to trinh", "TTr" },
	};
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(fold, kinds[i][0]) == 0)
			return kinds[i][1];
	return NULL;
}

/*
 * A document number at p ("13-KH/TU", "42 -HD/BTG": spaces dropped),
 * newly allocated, or NULL; *end set after it.
 */
static char *
pt_number(const char *p, const char **end)
{
	char buf[64];
	size_t n = 0;
	int dash = 0, slash = 0;

	if (!isdigit((unsigned char)*p))
		return NULL;
	while (*p != '\0' && n + 1 < sizeof buf) {
		if (*p == ' ' || *p == '\t') {
			if (slash && buf[n - 1] != '/')
				break;
			p++;
			continue;
		}
		if (*p == ',' || *p == ';' || *p == ')' || *p == '(' ||
		    (*p == '.' && slash))
			break;
		if (*p == '-' && !slash)
			dash = 1;
		if (*p == '/' && dash)
			slash = 1;
		buf[n++] = *p++;
	}
	buf[n] = '\0';
	if (!dash || !slash || buf[n - 1] == '/')
		return NULL;
	*end = p;
	return xstrdup(buf);
}

/*
 * The date written after "ngày" at p: "24/11/2020", "05 tháng 3 năm
 * 2021". 0 with *d set, -1 if none.
 */
static int
pt_date_at(const char *p, struct qt_date *d)
{
	const char *s = p, *tail;
	char *text;
	int rc;

	while (*s == ' ')
		s++;
	tail = s + strspn(s, "0123456789/.- ");
	if (strncmp(tail, "tháng", strlen("tháng")) == 0) {
		const char *nam = strstr(tail, "năm");

		if (nam == NULL || nam - tail > 20)
			return -1;
		tail = nam + strlen("năm");
		tail += strspn(tail, " ");
		tail += strspn(tail, "0123456789");
	}
	while (tail > s && strchr("/.- ", tail[-1]) != NULL)
		tail--;
	text = xstrndup(s, (size_t)(tail - s));
	rc = date_parse(text, d) == NULL ? 0 : -1;
	free(text);
	return rc;
}

static void
pt_header_cell(struct plan_text *out, const char *cell, const char *fold,
    int line, char ***issuer, size_t *nissuer)
{
	const char *comma, *end;

	if (strcmp(fold, "dang cong san viet nam") == 0 ||
	    pt_starts(fold, "doc lap") || strspn(cell, "*-_ .") == strlen(cell))
		return;
	if (out->number == NULL && pt_starts(fold, "so") &&
	    (fold[2] == ' ' || fold[2] == ':' || isdigit((unsigned char)fold[2]))) {
		const char *p = cell + strcspn(cell, "0123456789");

		if ((out->number = pt_number(p, &end)) != NULL) {
			out->number_line = line;
			return;
		}
	}
	/* "Place, ngày 05 tháng 3 năm 2021" or "Place, ngày 28/11/2017". */
	if (out->date.y == 0 && pt_has(fold, "ngay") &&
	    (comma = strchr(cell, ',')) != NULL) {
		struct qt_date d;
		const char *p = comma + 1 + strspn(comma + 1, " ");

		if ((strncmp(p, "ngày", strlen("ngày")) == 0 ||
		    strncmp(p, "Ngày", strlen("Ngày")) == 0) &&
		    pt_date_at(p + strlen("ngày"), &d) == 0) {
			out->date = d;
			out->place = pt_trim(cell, (size_t)(comma - cell));
			out->date_line = line;
			return;
		}
	}
	if (pt_is_upper(cell)) {
		*issuer = xrealloc(*issuer, (*nissuer + 1) * sizeof **issuer);
		(*issuer)[(*nissuer)++] = pt_proper(cell);
		out->issuer_line = line;
	}
}

/*
 * The header: every line before the kind word, cut into the cells the
 * two columns make (a tab or three spaces apart). Returns the index of
 * the kind word's line, or -1.
 */
static int
pt_header(struct plan_text *out, struct pt_line *l, int n)
{
	char **issuer = NULL;
	size_t nissuer = 0, i;
	int k, kind = -1;

	for (k = 0; k < n && k < PT_HEADER_LINES && kind < 0; k++) {
		const char *p = l[k].s;
		const char *code;

		if (pt_is_upper(p) && (code = pt_kind_word(l[k].fold)) != NULL) {
			kind = k;
			if (out->kind == NULL)
				out->kind = xstrdup(code);
			break;
		}
		while (*p != '\0') {
			size_t len = 0;
			char *cell, *fold;

			p += strspn(p, " \t");
			while (p[len] != '\0' && p[len] != '\t' &&
			    strncmp(p + len, "   ", 3) != 0)
				len++;
			if (len == 0)
				break;
			cell = pt_trim(p, len);
			fold = text_fold(cell);
			if (*cell != '\0')
				pt_header_cell(out, cell, fold, l[k].no,
				    &issuer, &nissuer);
			free(cell);
			free(fold);
			p += len;
		}
	}
	/* The issuing body is the last line; a "Ban" of the body above it
	 * takes that body's name ("Ban Tuyên giáo" + "Tỉnh ủy Trà Vinh"). */
	if (nissuer > 0) {
		char *last = issuer[nissuer - 1], *f = text_fold(last);

		if (nissuer > 1 && (pt_starts(f, "ban ") ||
		    pt_starts(f, "van phong") || pt_starts(f, "uy ban")))
			out->issuer = xasprintf("%s %s", last, issuer[nissuer - 2]);
		else
			out->issuer = xstrdup(last);
		free(f);
	}
	for (i = 0; i < nissuer; i++)
		free(issuer[i]);
	free(issuer);
	if (out->number != NULL) {
		const char *dash = strchr(out->number, '-');
		const char *slash = strchr(out->number, '/');

		free(out->kind);
		out->kind = xstrndup(dash + 1, (size_t)(slash - dash - 1));
	}
	return kind;
}

/* 1 if the line ends a title: a rule, a "Thực hiện", a section. */
static int
pt_title_end(const struct pt_line *l)
{
	const char *f = l->fold;

	return strspn(l->s, "_-*=. \t") == strlen(l->s) ||
	    pt_starts(f, "thuc hien") || pt_starts(f, "can cu") ||
	    pt_starts(f, "kinh gui") || pt_starts(f, "i.") ||
	    pt_starts(f, "i-") || strlen(l->s) > PT_HEADING_MAX;
}

static void
pt_title(struct plan_text *out, struct pt_line *l, int n, int kind)
{
	char *trimmed = pt_trim(l[kind].s, strlen(l[kind].s));
	char *title = pt_recase(trimmed, 1);
	int k, lines = 0;

	free(trimmed);
	for (k = kind + 1; k < n && lines < PT_TITLE_LINES; k++) {
		char *t = pt_trim(l[k].s, strlen(l[k].s)), *next;
		uint32_t cp, cp2;
		size_t len;

		if (*t == '\0') {
			free(t);
			continue;
		}
		if (pt_title_end(&l[k])) {
			free(t);
			break;
		}
		/* "Học tập, …" after the kind word reads "Hướng dẫn học tập". */
		len = text_utf8_decode(t, strlen(t), &cp);
		text_utf8_decode(t + len, strlen(t + len), &cp2);
		if (lines == 0 && pt_case(cp2, 0) == cp2) {
			char first[5];

			first[text_utf8_encode(pt_case(cp, 0), first)] = '\0';
			next = xasprintf("%s %s%s", title, first, t + len);
		} else
			next = xasprintf("%s %s", title, t);
		free(title);
		free(t);
		title = next;
		lines++;
	}
	if (lines > 0) {
		out->title = title;
		out->title_line = l[kind].no;
	} else
		free(title);
}

static void
pt_add_resolution(struct plan_text *out, const char *s, size_t len, int line)
{
	char *r = pt_trim(s, len);
	size_t i;

	while (*r != '\0' && strchr(",.;:", r[strlen(r) - 1]) != NULL)
		r[strlen(r) - 1] = '\0';
	for (i = 0; i < out->nresolutions; i++)
		if (strcmp(out->resolutions[i].title, r) == 0) {
			free(r);
			return;
		}
	out->resolutions = xrealloc(out->resolutions, (out->nresolutions + 1) *
	    sizeof *out->resolutions);
	out->resolutions[out->nresolutions].title = r;
	out->resolutions[out->nresolutions++].line = line;
}

/* The next "Nghị quyết"/"nghị quyết" in s, or NULL. */
static const char *
pt_next_nq(const char *s)
{
	const char *a = strstr(s, "Nghị quyết"), *b = strstr(s, "nghị quyết");

	return a == NULL ? b : b == NULL || a < b ? a : b;
}

/*
 * The resolutions studied: each one named by its quoted title (Nghị
 * quyết [về] “…”) where the plan lists them; else the one the title
 * names, from "Nghị quyết" to the end of the title.
 */
static void
pt_resolutions(struct plan_text *out, struct pt_line *l, int n)
{
	const char *p, *q;
	int k;

	for (k = 0; k < n; k++) {
		for (p = pt_next_nq(l[k].s); p != NULL; p = pt_next_nq(p + 1)) {
			q = p + strlen("Nghị quyết");
			q += strspn(q, " ");
			if (strncmp(q, "về ", strlen("về ")) == 0)
				q += strlen("về ");
			if (strncmp(q, "“", strlen("“")) == 0 &&
			    (q = strstr(q, "”")) != NULL)
				pt_add_resolution(out, p, (size_t)(q - p) +
				    strlen("”"), l[k].no);
		}
	}
	if (out->nresolutions > 0 || out->title == NULL)
		return;
	p = pt_next_nq(out->title);
	while (p != NULL) {
		const char *next = pt_next_nq(p + 1);

		/* "… và Nghị quyết …": one each. */
		q = next;
		while (q != NULL && q > p && (q[-1] == ' ' || q[-1] == ','))
			q--;
		/* " và" is four bytes: "à" takes two. */
		if (next != NULL && q - p > (ptrdiff_t)strlen(" và") &&
		    strncmp(q - strlen(" và"), " và", strlen(" và")) == 0)
			q -= strlen(" và");
		else if (next != NULL && !(q > p && (q[0] == ',' || next[-1] == ',')))
			q = NULL;
		if (next != NULL && q != NULL) {
			pt_add_resolution(out, p, (size_t)(q - p),
			    out->title_line);
			p = next;
			continue;
		}
		pt_add_resolution(out, p, strlen(p), out->title_line);
		break;
	}
}

/*
 * Parents: "số NN-XX/YY[, ngày …]" in the "Thực hiện"/"Căn cứ"
 * paragraphs, except resolutions (NQ), which are studied, not carried out.
 */
static void
pt_parents(struct plan_text *out, struct pt_line *l, int from, int n)
{
	int k;

	for (k = from; k < n; k++) {
		const char *p, *end;

		if (pt_starts(l[k].fold, "i.") || pt_starts(l[k].fold, "i-") ||
		    pt_starts(l[k].fold, "i "))
			break;
		if (!pt_starts(l[k].fold, "thuc hien") &&
		    !pt_starts(l[k].fold, "can cu"))
			continue;
		for (p = strstr(l[k].s, "số "); p != NULL; p = strstr(p + 1, "số ")) {
			struct plan_text_parent par;
			const char *after;

			par.number = pt_number(p + strlen("số "), &end);
			if (par.number == NULL)
				continue;
			/* A resolution (NQ) is what is studied, not a plan above. */
			if (strstr(par.number, "-NQ/") != NULL) {
				free(par.number);
				continue;
			}
			memset(&par.date, 0, sizeof par.date);
			par.line = l[k].no;
			after = end + strspn(end, " ,");
			if (strncmp(after, "ngày", strlen("ngày")) == 0)
				pt_date_at(after + strlen("ngày"), &par.date);
			out->parents = xrealloc(out->parents, (out->nparents + 1) *
			    sizeof *out->parents);
			out->parents[out->nparents++] = par;
		}
	}
}

/* The levels a heading or a sentence names (PT_* bits). */
static int
pt_levels(const char *f, int province_by_name)
{
	const char *under = strstr(f, "chi bo truc thuoc ");
	int lv = 0;

	/* "chi bộ trực thuộc đảng ủy cơ sở": what follows is their superior. */
	if (under != NULL) {
		char *head = xstrndup(f, (size_t)(under - f) + strlen("chi bo"));

		lv = pt_levels(head, province_by_name);
		free(head);
		return lv;
	}

	if (pt_has(f, "chi bo"))
		lv |= PT_CELL;
	if (pt_has(f, "cap co so") || pt_has(f, "dang bo co so") ||
	    pt_has(f, "cap uy co so") || pt_has(f, "o co so") ||
	    pt_has(f, "doi voi dang bo") || pt_has(f, "dang bo truc thuoc") ||
	    pt_has(f, "dang uy co so") || pt_has(f, "chi bo, dang bo") ||
	    pt_has(f, "xa, phuong, thi tran") || pt_has(f, "to chuc co so dang"))
		lv |= PT_BASE;
	if (lv == 0 && (pt_has(f, "cap huyen") || pt_has(f, "huyen uy") ||
	    pt_has(f, "thi uy") || pt_has(f, "thanh uy") ||
	    pt_has(f, "quan uy") || pt_has(f, "cac huyen")))
		lv |= PT_DISTRICT;
	if (pt_has(f, "cap tinh"))
		lv |= PT_PROVINCE;
	if (lv == 0 && province_by_name && pt_has(f, "tinh uy"))
		lv |= PT_PROVINCE;
	return lv;
}

/* The level names items list, in PT_* bit order, and their unit kinds. */
static const char *const pt_level_name[] = { "tỉnh", "huyện", "cơ sở", "chi bộ" };
static const char *const pt_level_kind[] = { "province", "district", "commune",
	"cell" };

const char *
plan_text_level_kind(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof pt_level_name / sizeof *pt_level_name; i++)
		if (strcmp(name, pt_level_name[i]) == 0)
			return pt_level_kind[i];
	return NULL;
}

static char *
pt_level_names(int lv)
{
	char buf[64] = "";
	int i;

	for (i = 0; i < 4; i++)
		if (lv & (1 << i))
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s",
			    *buf != '\0' ? ", " : "", pt_level_name[i]);
	return xstrdup(buf);
}

/*
 * The depth of a numbered line: 0 a roman section ("II."), 1 "2.", 2
 * "2.1.", 9 a letter ("a)", "b."); -1 when the line is not numbered.
 * *text set after the numbering.
 */
static int
pt_heading(const struct pt_line *l, const char **text)
{
	const char *s = l->s + strspn(l->s, " \t"), *f = l->fold;
	int depth = 0;

	if (isdigit((unsigned char)*s)) {
		while (isdigit((unsigned char)*s)) {
			while (isdigit((unsigned char)*s))
				s++;
			depth++;
			if (*s == '.' && isdigit((unsigned char)s[1]))
				s++;
		}
		if (*s != '.' && *s != ')' && *s != ' ')
			return -1;
		*text = s + strspn(s, ".) \t");
		return depth;
	}
	if (strspn(f, "ivx") > 0 && strchr(".-", f[strspn(f, "ivx")]) != NULL &&
	    pt_is_upper(l->s)) {
		*text = s + strspn(s, "IVX.- \t");
		return 0;
	}
	if (f[0] >= 'a' && f[0] <= 'z' && (f[1] == ')' || f[1] == '.') &&
	    f[2] == ' ') {
		*text = s + 2 + strspn(s + 2, " .)\t");
		return 9;
	}
	return -1;
}

/* 1 if line s holds a document's number ("số 01-CT/TU"): its dates are that document's. */
static int
pt_cites(const char *s)
{
	const char *p, *end;
	char *num;

	for (p = strstr(s, "số "); p != NULL; p = strstr(p + 1, "số "))
		if ((num = pt_number(p + strlen("số "), &end)) != NULL) {
			free(num);
			return 1;
		}
	return 0;
}

/* Words a deadline starts with, as written at the start of a clause or in it. */
static const char *const pt_deadline_words[] = {
	"hoàn thành", "trước", "chậm nhất", "đến", "trong", "vào", "từ",
	"đợt", "tháng", "quý", "quí", "năm", "ngày", "cuối", "đầu", "giữa",
	"nửa",
};

/*
 * The deadline in clause c (len bytes): from the first deadline word,
 * either case, whose words resolve. 0 with *d filled, or -1.
 */
static int
pt_clause_deadline(const char *c, size_t len, int year, struct deadline *d)
{
	char *clause = pt_trim(c, len), *p;
	int rc = -1;

	for (p = clause; *p != '\0' && rc != 0; p++) {
		size_t i;

		if (p != clause && p[-1] != ' ' && p[-1] != '(')
			continue;
		for (i = 0; i < sizeof pt_deadline_words / sizeof *pt_deadline_words; i++) {
			char *low = pt_recase(p, 0);
			int hit = strncmp(low, pt_deadline_words[i],
			    strlen(pt_deadline_words[i])) == 0;

			free(low);
			if (hit && deadline_parse(p, year, d) == NULL) {
				rc = 0;
				break;
			}
		}
	}
	free(clause);
	return rc;
}

/* The first deadline in line s, clause by clause (, ; : and ". "). */
static int
pt_line_deadline(const char *s, int year, struct deadline *d)
{
	const char *start = s, *p;

	for (p = s; ; p++) {
		if (*p == '\0' || *p == ';' || *p == ':' ||
		    ((*p == ',' || *p == '.') && (p[1] == ' ' || p[1] == '\0'))) {
			if (p > start && pt_clause_deadline(start, (size_t)(p - start),
			    year, d) == 0)
				return 0;
			if (*p == '\0')
				return -1;
			start = p + 1;
		}
	}
}

/*
 * The deadline of a level's block, lines [from, to): a line about time
 * ("Thời gian", "hoàn thành") first, else any line that cites no other
 * document.
 */
static int
pt_block_deadline(struct pt_line *l, int from, int to, int year,
    struct deadline *d)
{
	int k, pass;

	for (pass = 0; pass < 2; pass++)
		for (k = from; k < to; k++) {
			int about = pt_has(l[k].fold, "thoi gian") ||
			    pt_has(l[k].fold, "hoan thanh");

			if ((pass == 0) != about || (pass == 1 && pt_cites(l[k].s)))
				continue;
			if (pt_line_deadline(l[k].s, year, d) == 0)
				return 0;
		}
	return -1;
}

static void
pt_add_item(struct plan_text *out, int lv, const char *what, int line,
    const struct deadline *d)
{
	struct plan_text_item *it;
	char *w = pt_trim(what, strlen(what));

	while (*w != '\0' && strchr(":.;", w[strlen(w) - 1]) != NULL)
		w[strlen(w) - 1] = '\0';
	out->items = xrealloc(out->items, (out->nitems + 1) * sizeof *out->items);
	it = &out->items[out->nitems++];
	memset(it, 0, sizeof *it);
	it->level = pt_level_names(lv);
	it->what = w;
	it->line = line;
	if (d != NULL) {
		it->words = xstrdup(d->words);
		it->last = d->last;
	}
}

/*
 * The label a line of a block starts with, past its list mark ("- ",
 * "+ ", "3.4. ", "c. ", "b) "), if it is label (folded): the text after
 * its colon, trimmed, newly allocated ("" for the label alone on its
 * line); else NULL.
 */
static char *
pt_labelled(const struct pt_line *l, const char *label)
{
	const char *f = pt_unmarked(l->fold), *colon;
	size_t skip;

	if (!pt_starts(f, label))
		return NULL;
	/* "a. Thành phần" alone: what it says is on the lines below. */
	if ((colon = strchr(l->s, ':')) == NULL)
		return f[strlen(label)] == '\0' ? xstrdup("") : NULL;
	skip = (size_t)(colon + 1 - l->s);
	return pt_trim(l->s + skip, strlen(l->s) - skip);
}

/* The clause of s around its materials' ratio, newly allocated, or NULL. */
static char *
pt_ratio_clause(const char *s, const char *fold)
{
	const char *start = s, *p;
	int m, c;

	if (!pt_has(fold, "cuon") && !pt_has(fold, "bo tai lieu"))
		return NULL;
	for (p = s; ; p++) {
		if (*p == ',' || *p == ';' || *p == '(' || *p == ')' ||
		    *p == '\0') {
			char *clause = pt_trim(start, (size_t)(p - start));

			if (strchr(clause, '/') != NULL &&
			    plan_ratio_parse(clause, &m, &c) == 0)
				return clause;
			free(clause);
			if (*p == '\0')
				return NULL;
			start = p + 1;
		}
	}
}

/*
 * Fills what item it's block, lines [from, to), says plainly. The first
 * of each wins: a block's own lines come before its sub-levels'.
 */
static void
pt_item_details(struct plan_text_item *it, struct pt_line *l, int from,
    int to)
{
	struct plan_length len;
	char *v, *more;
	int k, j;

	for (k = from; k < to; k++) {
		if (it->audience == NULL && ((v = pt_labelled(&l[k],
		    "thanh phan")) != NULL || (v = pt_labelled(&l[k],
		    "doi tuong")) != NULL)) {
			for (j = k + 1; *v == '\0' && j < to; j++)
				if (*l[j].fold != '\0') {
					free(v);
					v = xstrdup(l[j].s);
				}
			if (*v != '\0')
				it->audience = v;
			else
				free(v);
		}
		if (it->presenter == NULL &&
		    (v = pt_labelled(&l[k], "bao cao vien")) != NULL) {
			if (*v != '\0')
				it->presenter = v;
			else
				free(v);
		}
		if (it->ratio == NULL)
			it->ratio = pt_ratio_clause(l[k].s, l[k].fold);
		if (it->length != NULL ||
		    (v = pt_labelled(&l[k], "thoi gian")) == NULL)
			continue;
		/* Its parts follow as list lines ("- Nghiên cứu …: 0,5 ngày"),
		 * each naming an amount. */
		for (j = k + 1; j < to && (*l[j].fold == '-' ||
		    *l[j].fold == '+' || *l[j].fold == '\0'); j++) {
			if (*l[j].fold == '\0')
				continue;
			if (plan_length_parse(l[j].s, &len) != NULL)
				break;	/* not a part: "- Tài liệu:" */
			plan_length_clear(&len);
			more = xasprintf("%s\n%s", v, l[j].s);
			free(v);
			v = more;
		}
		if (plan_length_parse(v, &len) == NULL) {
			plan_length_clear(&len);
			it->length = v;
		} else
			free(v);
	}
}

/*
 * Each numbered heading that names a level starts a block, which ends at
 * the next heading of the same or a shallower depth or at the next
 * heading that names a level; the block's deadline is the item's.
 */
static const char *pt_report_word(const char *s);

static void
pt_items(struct plan_text *out, struct pt_line *l, int n, int year)
{
	int k, purpose = 0;

	for (k = 0; k < n; k++) {
		const char *text;
		int depth = pt_heading(&l[k], &text), lv, j, body;
		struct deadline d;

		/* Sessions are asked for in the sections between the purpose
		 * (I) and who does what (the last, "TỔ CHỨC THỰC HIỆN"). */
		if (depth == 0)
			purpose = pt_has(l[k].fold, "muc dich") ||
			    pt_has(l[k].fold, "to chuc thuc hien");
		if (depth < 1 || depth > 8 || purpose ||
		    strlen(l[k].s) > PT_HEADING_MAX)
			continue;
		{
			char *hf = text_fold(text);

			lv = pt_levels(hf, 0);
			free(hf);
		}
		/* A numbered report ("2. Các huyện ủy báo cáo …") is no session. */
		if (lv == 0 || pt_report_word(text) != NULL)
			continue;
		for (j = k + 1; j < n; j++) {
			const char *t2;
			int d2 = pt_heading(&l[j], &t2);

			if (d2 >= 0 && d2 <= depth)
				break;
			if (d2 >= 1 && d2 <= 8 && strlen(l[j].s) <= PT_HEADING_MAX) {
				char *f2 = text_fold(t2);
				int lv2 = pt_levels(f2, 0);

				free(f2);
				if (lv2 != 0)
					break;
			}
		}
		/* A heading whose block is only its sub-levels is not an item. */
		for (body = k + 1; body < j && *l[body].fold == '\0'; body++)
			;
		if (body == j) {
			if (pt_line_deadline(l[k].s, year, &d) != 0)
				continue;
			deadline_clear(&d);
		}
		if (pt_block_deadline(l, k, j, year, &d) == 0) {
			pt_add_item(out, lv, text, l[k].no, &d);
			deadline_clear(&d);
		} else
			pt_add_item(out, lv, text, l[k].no, NULL);
		pt_item_details(&out->items[out->nitems - 1], l, k + 1, j);
		pt_item_how(&out->items[out->nitems - 1], l, k, j);
	}
}

/* The first "báo cáo" in s that is not "báo cáo viên" (a presenter). */
static const char *
pt_report_word(const char *s)
{
	const char *p;

	for (p = s; *p != '\0'; p++) {
		char *low;
		int hit;

		if (p != s && p[-1] != ' ' && p[-1] != ',')
			continue;
		low = pt_recase(p, 0);
		hit = strncmp(low, "báo cáo", strlen("báo cáo")) == 0 &&
		    strncmp(low + strlen("báo cáo"), " viên",
		    strlen(" viên")) != 0;
		free(low);
		if (hit)
			return p;
	}
	return NULL;
}

/* What is reported: "báo cáo X" up to where it says to whom or when. */
static char *
pt_report_what(const char *line, const char *word)
{
	static const char *const stops[] = { " của ", " về ", " (", ",", ";",
	    " đợt", " trước", " chậm", " cho ", " lên ", " trong ", "." };
	const char *end = word + strlen(word);
	size_t i;

	for (i = 0; i < sizeof stops / sizeof *stops; i++) {
		const char *s = strstr(word + strlen("báo cáo"), stops[i]);

		if (s != NULL && s < end)
			end = s;
	}
	if (end == word + strlen("báo cáo")) {
		/* "Kết quả … báo cáo về …": what comes before the verb. */
		const char *start = line + strspn(line, " -+*\t");

		return pt_trim(start, (size_t)(word - start));
	}
	return pt_trim(word, (size_t)(end - word));
}

static int pt_essay_line(const char *fold);

/*
 * Reports: a sentence with "báo cáo" and, after it, a deadline (with its
 * rounds) up to the sentence's end. Who reports is the level its subject
 * names, else the level of the block it is in.
 */
static void
pt_reports(struct plan_text *out, struct pt_line *l, int n, int year)
{
	static const char *const starts[] = { "đợt", "Đợt", "trước", "chậm nhất",
	    "đến ngày", "trong tháng", "trong quý", "trong quí", "trong Quý",
	    "trong Quí", "trong năm", "hoàn thành" };
	int k, block_lv = 0, block_depth = 99, purpose = 0;

	for (k = 0; k < n; k++) {
		const char *word, *first = NULL, *stop, *text;
		int depth = pt_heading(&l[k], &text), lv;
		struct deadline d;
		size_t i;
		char *before, *bf, *tail;

		if (depth == 0)
			purpose = pt_has(l[k].fold, "muc dich");
		if (depth >= 0 && depth <= block_depth) {
			char *hf = text_fold(text);

			block_lv = strlen(l[k].s) <= PT_HEADING_MAX ?
			    pt_levels(hf, 0) : 0;
			block_depth = block_lv != 0 ? depth : 99;
			free(hf);
		}
		if (purpose || pt_essay_line(l[k].fold) ||
		    (word = pt_report_word(l[k].s)) == NULL)
			continue;
		for (i = 0; i < sizeof starts / sizeof *starts; i++) {
			const char *s = strstr(word, starts[i]);

			if (s != NULL && (first == NULL || s < first))
				first = s;
		}
		if (first == NULL)
			continue;
		for (stop = first; *stop != '\0'; stop++)
			if (*stop == '.' && (stop[1] == ' ' || stop[1] == '\0'))
				break;
		tail = xstrndup(first, (size_t)(stop - first));
		if (deadline_parse(tail, year, &d) != NULL) {
			free(tail);
			continue;
		}
		free(tail);
		before = xstrndup(l[k].s, (size_t)(word - l[k].s));
		bf = text_fold(before);
		lv = pt_levels(bf, 1);
		free(before);
		free(bf);
		for (i = 0; i < (size_t)(d.nrounds > 0 ? d.nrounds : 1); i++) {
			struct plan_text_report *r;

			out->reports = xrealloc(out->reports, (out->nreports + 1) *
			    sizeof *out->reports);
			r = &out->reports[out->nreports++];
			r->level = pt_level_names(lv != 0 ? lv : block_lv);
			r->what = pt_report_what(l[k].s, word);
			r->round = d.nrounds > 0 ? d.rounds[i].round : 0;
			r->last = d.nrounds > 0 ? d.rounds[i].last : d.last;
			r->line = l[k].no;
		}
		deadline_clear(&d);
	}
}

/* 1 if the folded line states when essays are due ("sau 07 ngày …"). */
static int
pt_essay_line(const char *fold)
{
	const char *p = strstr(fold, "sau ");

	if (!pt_has(fold, "thu hoach") && !pt_has(fold, "du hoi nghi"))
		return 0;
	while (p != NULL) {
		const char *q = p + 4;

		if (isdigit((unsigned char)*q)) {
			q += strspn(q, "0123456789");
			if (strncmp(q, " ngay", 5) == 0)
				return 1;
		}
		p = strstr(p + 1, "sau ");
	}
	return 0;
}

/*
 * The essay rule: "sau NN ngày" in a sentence about essays gives days;
 * "không (yêu cầu|phải) viết thu hoạch" said of everyone gives none; a
 * sentence on sending essays with a deadline gives that date.
 */
static void
pt_essay(struct plan_text *out, struct pt_line *l, int n, int year)
{
	int k;

	for (k = 0; k < n && out->essay == PLAN_ESSAY_UNKNOWN; k++) {
		const char *f = l[k].fold, *p;
		struct deadline d;

		if (pt_essay_line(f)) {
			for (p = l[k].s; *p != '\0'; p++) {
				char *low = pt_recase(p, 0);
				int hit = strncmp(low, "sau ", 4) == 0 &&
				    isdigit((unsigned char)low[4]);

				free(low);
				if (hit && (p == l[k].s || p[-1] == ' '))
					break;
			}
			out->essay = PLAN_ESSAY_DAYS;
			out->essay_line = l[k].no;
			out->essay_days = atoi(p + 4);
			out->essay_words = pt_trim(p, strcspn(p, ",;("));
		} else if ((pt_has(f, "khong yeu cau viet thu hoach") ||
		    pt_has(f, "khong phai viet thu hoach") ||
		    pt_has(f, "khong to chuc viet thu hoach") ||
		    pt_has(f, "khong viet thu hoach")) &&
		    !pt_has(f, "quan chung") && !pt_has(f, "tru ")) {
			out->essay = PLAN_ESSAY_NONE;
			out->essay_line = l[k].no;
			out->essay_words = pt_trim(l[k].s + strspn(l[k].s, "-+* \t"),
			    strcspn(l[k].s, ".;"));
		} else if (pt_has(f, "thu hoach") && !pt_has(f, "bao cao tong hop") &&
		    (pt_has(f, "nop") || pt_has(f, "gui")) &&
		    pt_line_deadline(l[k].s, year, &d) == 0) {
			out->essay = PLAN_ESSAY_DATE;
			out->essay_line = l[k].no;
			out->essay_date = d.last;
			out->essay_words = xstrdup(d.words);
			deadline_clear(&d);
		}
	}
}

void
plan_text_parse(const char *text, struct plan_text *out)
{
	char *nfc = text_nfc(strncmp(text, "\357\273\277", 3) == 0 ? text + 3 :
	    text);
	struct pt_line *l = NULL;
	char *p = nfc, *next;
	int n = 0, kind, k;

	memset(out, 0, sizeof *out);
	for (; p != NULL; p = next) {
		if ((next = strchr(p, '\n')) != NULL)
			*next++ = '\0';
		p[strcspn(p, "\r")] = '\0';
		l = xrealloc(l, (size_t)(n + 1) * sizeof *l);
		l[n].s = p;
		l[n].fold = text_fold(p);
		l[n].no = n + 1;
		/* The signature, the recipients and the forms follow. */
		if (pt_starts(l[n].fold, "noi nhan")) {
			free(l[n].fold);
			break;
		}
		n++;
	}
	kind = pt_header(out, l, n);
	if (kind >= 0)
		pt_title(out, l, n, kind);
	pt_resolutions(out, l, n);
	pt_parents(out, l, kind >= 0 ? kind + 1 : 0, n);
	pt_items(out, l, n, out->date.y);
	pt_reports(out, l, n, out->date.y);
	pt_essay(out, l, n, out->date.y);
	for (k = 0; k < n; k++)
		free(l[k].fold);
	free(l);
	free(nfc);
}

void
plan_text_item_clear(struct plan_text_item *it)
{
	free(it->level);
	free(it->what);
	free(it->words);
	free(it->audience);
	free(it->presenter);
	free(it->length);
	free(it->ratio);
	free(it->bridges);
	memset(it, 0, sizeof *it);
}

void
plan_text_clear(struct plan_text *p)
{
	size_t i;

	free(p->number);
	free(p->kind);
	free(p->issuer);
	free(p->place);
	free(p->title);
	for (i = 0; i < p->nparents; i++)
		free(p->parents[i].number);
	free(p->parents);
	for (i = 0; i < p->nresolutions; i++)
		free(p->resolutions[i].title);
	free(p->resolutions);
	for (i = 0; i < p->nitems; i++)
		plan_text_item_clear(&p->items[i]);
	free(p->items);
	for (i = 0; i < p->nreports; i++) {
		free(p->reports[i].level);
		free(p->reports[i].what);
	}
	free(p->reports);
	free(p->essay_words);
	memset(p, 0, sizeof *p);
}
