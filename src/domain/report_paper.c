/*
 * report_paper.c - the tally report laid out as a paper (report_paper.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/date.h"
#include "domain/paper.h"
#include "domain/proposals.h"
#include "domain/report.h"
#include "domain/report_paper.h"
#include "text/text.h"
#include "xmalloc.h"

/* Dotted lines left to write by hand when item 5 or 6 is empty. */
#define DOTS_ASSESSMENT	4
#define DOTS_PROPOSALS	3

/* Vietnamese upper case of paper_safe(s): names in capitals in the header. */
static char *
upper(const char *s)
{
	char *clean = paper_safe(s), *out;
	size_t len = strlen(clean), i = 0;
	char *o;

	/* Every code point changed here keeps its UTF-8 length. */
	out = o = xmalloc(len + 1);
	while (i < len) {
		uint32_t cp;

		i += text_utf8_decode(clean + i, len - i, &cp);
		if ((cp >= 'a' && cp <= 'z') ||
		    (cp >= 0xe0 && cp <= 0xfe && cp != 0xf7))
			cp -= 0x20;
		else if (cp == 0x111 || cp == 0x103 || cp == 0x129 ||
		    cp == 0x169 || cp == 0x1a1 || cp == 0x1b0)
			cp--;	/* đ ă ĩ ũ ơ ư */
		else if (cp >= 0x1ea1 && cp <= 0x1ef9 && (cp & 1))
			cp--;	/* Latin Extended Additional: lower is odd */
		o += text_utf8_encode(cp, o);
	}
	*o = '\0';
	free(clean);
	return out;
}

/*
 * "Vĩnh Hòa Hiệp, ngày 05 tháng 3 năm 2021": the day, and the months
 * 1 and 2, on two digits (36-HD), so no one can add a digit by hand.
 */
static char *
place_date(const struct report *r)
{
	struct qt_date d;
	char *place = paper_safe(r->place), *out;

	if (date_from_iso(r->date, &d) != 0)
		d = date_today();
	out = xasprintf("%s, ngày %02d tháng %0*d năm %d",
	    *place != '\0' ? place : "............", d.d, d.m < 3 ? 2 : 1,
	    d.m, d.y);
	free(place);
	return out;
}

static void
add_safe(struct paper *p, enum paper_kind kind, const char *text)
{
	char *clean = paper_safe(text);

	paper_add(p, kind, NULL, clean, NULL);
	free(clean);
}

/* An item: a count after "label:", a text item's label alone (seed 000). */
static void
add_item(struct paper *p, enum report_item item, const char *count)
{
	char *label = xasprintf("%s%s", report_item_label(item),
	    *count != '\0' ? ":" : "");

	paper_add(p, PAPER_ITEM, label, count, NULL);
	free(label);
}

static void
add_count(struct paper *p, enum report_item item, int64_t n)
{
	char num[24];

	snprintf(num, sizeof num, "%lld", (long long)n);
	add_item(p, item, num);
}

/* Item 4: the count and its reasons, "5 (Hưu trí: 3; Miễn sinh hoạt: 2)". */
static void
add_exempt(struct paper *p, const struct tally *t)
{
	char *text = xasprintf("%lld", (long long)t->exempt), *more, *reason;
	size_t i;

	for (i = 0; i < t->nreasons; i++) {
		reason = paper_safe(t->reasons[i].reason);
		more = xasprintf("%s%s%s: %lld", text, i == 0 ? " (" : "; ",
		    reason, (long long)t->reasons[i].count);
		free(reason);
		free(text);
		text = more;
	}
	more = xasprintf("%s%s", text, t->nreasons > 0 ? ")" : "");
	add_item(p, REPORT_EXEMPT, more);
	free(more);
	free(text);
}

/* Under item 4, so the paper itself shows that item 1 = 3 + 4 + this. */
static void
add_not_yet(struct paper *p, const struct tally *t)
{
	char *note = report_not_yet_note(t);

	paper_add(p, PAPER_TEXT, NULL, note, NULL);
	free(note);
}

/* Under the counts: the units below whose report is not in (live). */
static void
add_live(struct paper *p, const struct report *r)
{
	char *note = report_live_note(r), *line;

	if (note == NULL)
		return;
	line = xasprintf("(%s)", note);
	add_safe(p, PAPER_TEXT, line);
	free(line);
	free(note);
}

/* Text of the report row, else lines to write on. */
static void
add_text(struct paper *p, const char *text, int dots)
{
	int i;

	if (strspn(text, " \t\n") < strlen(text))
		add_safe(p, PAPER_TEXT, text);
	else
		for (i = 0; i < dots; i++)
			paper_add(p, PAPER_DOTS, NULL, "", NULL);
}

size_t
report_proposal_groups(const struct report *r, struct proposal **in,
    struct proposal_group **out)
{
	size_t i;

	*in = xcalloc(r->nmember_proposals + 1, sizeof **in);
	for (i = 0; i < r->nmember_proposals; i++) {
		(*in)[i].text = r->member_proposals[i].text;
		(*in)[i].unit = r->member_proposals[i].unit_name;
	}
	return proposals_group(*in, r->nmember_proposals, out);
}

char *
report_group_note(const struct report *r, const struct proposal *in,
    const struct proposal_group *g)
{
	char *note = xasprintf("%zu đảng viên", g->count), *more, *unit;
	size_t u;

	for (u = 0; !r->is_cell && u < g->nunits; u++) {
		unit = paper_safe(in[g->units[u].first].unit);
		more = xasprintf("%s%s%s %zu người", note, u == 0 ? ": " : ", ",
		    unit, g->units[u].count);
		free(unit);
		free(note);
		note = more;
	}
	return note;
}

/* Item 6: the unit's own text, then the members' proposals grouped. */
static void
add_proposals(struct paper *p, const struct report *r)
{
	struct proposal *in;
	struct proposal_group *g;
	size_t i, n = report_proposal_groups(r, &in, &g);

	add_item(p, REPORT_PROPOSALS, "");
	add_text(p, r->proposals, n > 0 || report_has_unit_proposals(r) ? 0 :
	    DOTS_PROPOSALS);
	for (i = 0; i < r->nunits; i++) {
		char *text, *unit;

		if (r->units[i].proposals == NULL)
			continue;
		text = paper_safe(r->units[i].proposals);
		unit = paper_safe(r->units[i].name);
		paper_add(p, PAPER_BULLET, NULL, text, unit);
		free(text);
		free(unit);
	}
	for (i = 0; i < n; i++) {
		char *text = paper_safe(in[g[i].shown].text);
		char *note = report_group_note(r, in, &g[i]);

		paper_add(p, PAPER_BULLET, NULL, text, note);
		free(text);
		free(note);
	}
	if (r->more_proposals)
		paper_add(p, PAPER_BULLET, NULL, "Còn các đề xuất khác: xem báo "
		    "cáo của từng đơn vị trực thuộc.", NULL);
	proposals_free(&g, n);
	free(in);
}

/* The annex: every member's proposal as written, by unit and name. */
static void
add_annex(struct paper *p, const struct report *r)
{
	size_t i;

	if (r->nmember_proposals == 0)
		return;
	paper_add(p, PAPER_ANNEX, NULL, "PHỤ LỤC\nĐỀ XUẤT, KIẾN NGHỊ TRONG "
	    "BÀI THU HOẠCH CỦA ĐẢNG VIÊN", NULL);
	for (i = 0; i < r->nmember_proposals; i++) {
		const struct report_proposal *m = &r->member_proposals[i];
		char *line = xasprintf("%s (%s): %s", m->full_name,
		    m->unit_name, m->text);

		add_safe(p, PAPER_BULLET, line);
		free(line);
	}
}

/*
 * The issuing body's abbreviation in "Số ...-BC/.." and whom the signer
 * signs for, as Hướng dẫn 36-HD/VPTW writes them, known by how the unit's
 * name begins; a cell and any other committee as below the table.
 */
static const struct {
	const char	*prefix;	/* the name's start, folded */
	const char	*number;
	const char	*sign_for;
} report_issuers[] = {
	{ "tinh uy ", "Số .....-BC/TU", "T/M BAN THƯỜNG VỤ" },
	{ "thanh uy ", "Số .....-BC/ThU", "T/M BAN THƯỜNG VỤ" },
	{ "huyen uy ", "Số .....-BC/HU", "T/M BAN THƯỜNG VỤ" },
	{ "quan uy ", "Số .....-BC/QU", "T/M BAN THƯỜNG VỤ" },
};

static void
add_issuer(struct paper *p, const struct report *r)
{
	char *name = text_fold(r->unit_name);
	size_t i;

	for (i = 0; i < sizeof report_issuers / sizeof report_issuers[0]; i++)
		if (strncmp(name, report_issuers[i].prefix,
		    strlen(report_issuers[i].prefix)) == 0)
			break;
	free(name);
	if (i < sizeof report_issuers / sizeof report_issuers[0]) {
		p->number = xstrdup(report_issuers[i].number);
		p->sign_for = xstrdup(report_issuers[i].sign_for);
	} else {
		p->number = xstrdup(r->is_cell ? "Số .....-BC/CB" :
		    "Số .....-BC/ĐU");
		p->sign_for = xstrdup(r->is_cell ? "T/M CHI ỦY CHI BỘ" :
		    "T/M ĐẢNG ỦY");
	}
}

static void
add_header(struct paper *p, const struct report *r)
{
	char *line;

	p->above = upper(r->parent_name);
	p->issuer = upper(r->unit_name);
	add_issuer(p, r);
	p->place_date = place_date(r);
	p->sign_title = xstrdup("BÍ THƯ");
	p->signer = paper_safe(r->signer);
	paper_add_recipient(p, "Nơi nhận:");
	if (*r->parent_name != '\0') {
		char *parent = paper_safe(r->parent_name);

		line = xasprintf("- %s,", parent);
		paper_add_recipient(p, line);
		free(line);
		free(parent);
	}
	paper_add_recipient(p, "- Lưu.");
	paper_add(p, PAPER_TITLE, NULL, "BÁO CÁO", NULL);
	paper_add(p, PAPER_SUBTITLE, NULL, "TỔNG HỢP BÀI THU HOẠCH", NULL);
	line = xasprintf("học tập, quán triệt %s", r->subject);
	add_safe(p, PAPER_SUBTITLE, line);
	free(line);
	line = xasprintf("(Thực hiện %s; đợt %d)", r->plan_ref, r->round);
	add_safe(p, PAPER_NOTE, line);
	free(line);
	paper_add(p, PAPER_RULE, NULL, "", NULL);
}

void
report_paper(const struct report *r, int flags, struct paper *p)
{
	memset(p, 0, sizeof *p);
	add_header(p, r);
	add_count(p, REPORT_MEMBERS, r->counts.total_members);
	add_count(p, REPORT_STUDIED, r->counts.participated);
	add_count(p, REPORT_WROTE, r->counts.wrote);
	add_exempt(p, &r->counts);
	add_not_yet(p, &r->counts);
	add_live(p, r);
	add_item(p, REPORT_ASSESSMENT, "");
	add_text(p, r->assessment, DOTS_ASSESSMENT);
	add_proposals(p, r);
	paper_add(p, PAPER_SIGN, NULL, NULL, NULL);
	if (flags & REPORT_PAPER_ANNEX)
		add_annex(p, r);
}

/* Lays r out and writes it with render. */
static char *
report_paper_render(const struct report *r, int flags,
    char *(*render)(const struct paper *))
{
	struct paper p;
	char *out;

	report_paper(r, flags, &p);
	out = render(&p);
	paper_clear(&p);
	return out;
}

char *
report_paper_txt(const struct report *r, int flags)
{
	return report_paper_render(r, flags, paper_text);
}

char *
report_paper_rtf(const struct report *r, int flags)
{
	return report_paper_render(r, flags, paper_rtf);
}
