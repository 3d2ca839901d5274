/*
 * report_format.c - the report model (report.h) as the official form
 * (text) and as CSV for a spreadsheet. Nothing here reads the database:
 * both only render what report_build() gathered.
 *
 * The text follows the second form at the end of seed 000 line by line,
 * so a clerk can print it, sign it and send it up as it is.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/csv.h"
#include "domain/date.h"
#include "domain/report.h"
#include "text/text.h"
#include "xmalloc.h"

/* The left half of the two-column header. */
#define FORM_LEFT	36
/* Columns between the two halves. */
#define FORM_GAP	2

static FILE *
form_open(char **buf, size_t *len)
{
	FILE *fp = open_memstream(buf, len);

	if (fp == NULL)
		abort();	/* out of memory, as xmalloc would */
	return fp;
}

/*
 * Data as it may stand on a printed form: controls shown (^[) so that
 * whoever cats the file gets no escape sequence, UTF-8 kept whatever the
 * terminal (the file is printed elsewhere; msg_put adapts it to a
 * terminal). Newly allocated.
 */
static char *
form_safe(const char *s)
{
	return text_display(s, TEXT_KEEP_NEWLINES | TEXT_UTF8);
}

/* Vietnamese upper case: the forms print unit names in capitals. */
static char *
form_upper(const char *s)
{
	size_t len = strlen(s), i = 0;
	/* An invalid byte comes back as U+FFFD: three bytes for one. */
	char *out = xmalloc(3 * len + 1), *o = out;

	while (i < len) {
		uint32_t cp;

		i += text_utf8_decode(s + i, len - i, &cp);
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
	return out;
}

/* Lines of a wrapped text. */
struct form_lines {
	char	**line;
	size_t	  n;
};

static void
form_lines_add(struct form_lines *l, const char *s, size_t len)
{
	l->line = xrealloc(l->line, (l->n + 1) * sizeof *l->line);
	l->line[l->n++] = xstrndup(s, len);
}

static void
form_lines_free(struct form_lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->line[i]);
	free(l->line);
	memset(l, 0, sizeof *l);
}

/* Bytes of s (len bytes) that fit in width columns: at least one character. */
static size_t
form_fit_bytes(const char *s, size_t len, int width)
{
	size_t i = 0, next;
	uint32_t cp;

	while (i < len) {
		char *part;
		int w;

		next = i + text_utf8_decode(s + i, len - i, &cp);
		part = xstrndup(s, next);
		w = text_width(part);
		free(part);
		if (w > width && i > 0)
			break;
		i = next;
	}
	return i;
}

/*
 * Appends text to l, broken at its newlines, then at spaces into lines of
 * at most width columns; a word wider than a line is cut between
 * characters, so nothing is ever lost off the edge.
 */
static void
form_wrap(struct form_lines *l, const char *text, int width)
{
	const char *para = text;

	for (;;) {
		const char *eol = strchr(para, '\n');
		size_t plen = eol != NULL ? (size_t)(eol - para) : strlen(para);
		const char *s = para, *end = para + plen;

		while (s < end && *s == ' ')
			s++;
		if (s == end)
			form_lines_add(l, "", 0);
		while (s < end) {
			const char *cut = s, *sp;
			char *line;

			/* Take words while the line still fits. */
			for (sp = s; sp < end; ) {
				const char *w = sp;

				while (w < end && *w == ' ')
					w++;
				while (w < end && *w != ' ')
					w++;
				line = xstrndup(s, (size_t)(w - s));
				if (text_width(line) > width) {
					free(line);
					break;
				}
				free(line);
				cut = sp = w;
			}
			if (cut == s)	/* one word wider than the line */
				cut = s + form_fit_bytes(s, (size_t)(end - s),
				    width);
			form_lines_add(l, s, (size_t)(cut - s));
			for (s = cut; s < end && *s == ' '; s++)
				;
		}
		if (eol == NULL)
			break;
		para = eol + 1;
	}
}

/* Writes text wrapped to the form's width, indented by indent columns. */
static void
form_text(FILE *fp, const char *text, int indent)
{
	struct form_lines l = { NULL, 0 };
	char *safe = form_safe(text);
	size_t i;

	form_wrap(&l, safe, FORM_WIDTH - indent);
	for (i = 0; i < l.n; i++)
		fprintf(fp, "%*s%s\n", *l.line[i] != '\0' ? indent : 0, "",
		    l.line[i]);
	form_lines_free(&l);
	free(safe);
}

/* Writes s centred in width columns after indent, wrapped to fit. */
static void
form_center(FILE *fp, const char *s, int indent, int width)
{
	struct form_lines l = { NULL, 0 };
	size_t i;

	form_wrap(&l, s, width);
	for (i = 0; i < l.n; i++) {
		int pad = (width - text_width(l.line[i])) / 2;

		fprintf(fp, "%*s%s\n", indent + (pad > 0 ? pad : 0), "",
		    l.line[i]);
	}
	form_lines_free(&l);
}

/*
 * One block of the header: left (the unit, centred in FORM_LEFT columns,
 * on as many lines as it needs) beside right (on the first line).
 */
static void
form_header_block(FILE *fp, const char *left, const char *right)
{
	struct form_lines l = { NULL, 0 };
	size_t i;

	form_wrap(&l, left, FORM_LEFT);
	for (i = 0; i < l.n || i == 0; i++) {
		const char *s = i < l.n ? l.line[i] : "";
		int w = text_width(s), pad = (FORM_LEFT - w) / 2;

		if (i == 0 && *right != '\0')
			fprintf(fp, "%*s%s%*s%s\n", pad, "", s,
			    FORM_LEFT - w - pad + FORM_GAP, "", right);
		else
			fprintf(fp, "%*s%s\n", pad, "", s);
	}
	form_lines_free(&l);
}

/* Writes text, or dotted lines to fill in by hand when there is none. */
static void
form_paragraph(FILE *fp, const char *text, int dotted)
{
	int i;

	if (*text != '\0') {
		form_text(fp, text, 0);
		return;
	}
	for (i = 0; i < dotted; i++)
		fprintf(fp, "%.*s\n\n", FORM_WIDTH,
		    "..............................................................."
		    "..................................");
}

/* Items 1-4; item 4 names each reason someone has. */
static void
form_counts(FILE *fp, const struct tally *t)
{
	char *line, *more;
	size_t i;
	int any = 0;

	line = xasprintf("%s: %lld", report_item_label(REPORT_MEMBERS),
	    (long long)t->total_members);
	form_text(fp, line, 0);
	free(line);
	line = xasprintf("%s: %lld", report_item_label(REPORT_STUDIED),
	    (long long)t->participated);
	form_text(fp, line, 0);
	free(line);
	line = xasprintf("%s: %lld", report_item_label(REPORT_WROTE),
	    (long long)t->wrote);
	form_text(fp, line, 0);
	free(line);
	line = xasprintf("%s: %lld", report_item_label(REPORT_EXEMPT),
	    (long long)t->exempt);
	for (i = 0; i < t->nreasons; i++) {
		if (t->reasons[i].count == 0)
			continue;
		more = xasprintf("%s%s%s: %lld", line, any ? "; " : " (",
		    t->reasons[i].reason, (long long)t->reasons[i].count);
		free(line);
		line = more;
		any = 1;
	}
	if (any) {
		more = xasprintf("%s)", line);
		free(line);
		line = more;
	}
	form_text(fp, line, 0);
	free(line);
}

/* Item 6: the unit's own text, then each member's proposals. */
static void
form_proposals(FILE *fp, const struct report *r)
{
	size_t i;

	if (*r->proposals != '\0')
		form_text(fp, r->proposals, 0);
	for (i = 0; i < r->nmember_proposals; i++) {
		const struct report_proposal *p = &r->member_proposals[i];
		char *line = xasprintf("- %s (%s): %s", p->full_name,
		    p->unit_name, p->text);

		form_text(fp, line, 0);
		free(line);
	}
	if (r->more_proposals)
		form_text(fp, "- Còn các đề xuất khác: xem báo cáo của từng "
		    "đơn vị trực thuộc.", 0);
	if (r->nmember_proposals == 0 && *r->proposals == '\0')
		form_paragraph(fp, "", 3);
}

char *
report_format_txt(const struct report *r)
{
	struct qt_date day;
	char *buf = NULL, *upper, *line, *safe;
	size_t len;
	FILE *fp;

	if (date_from_iso(r->date, &day) != 0)
		day = date_today();
	fp = form_open(&buf, &len);
	safe = form_safe(r->parent_name);
	upper = form_upper(safe);
	free(safe);
	form_header_block(fp, upper, "ĐẢNG CỘNG SẢN VIỆT NAM");
	free(upper);
	safe = form_safe(r->unit_name);
	upper = form_upper(safe);
	free(safe);
	safe = form_safe(*r->place != '\0' ? r->place : "............");
	line = xasprintf("%s, ngày %02d tháng %d năm %d", safe, day.d, day.m,
	    day.y);
	free(safe);
	form_header_block(fp, upper, line);
	free(line);
	free(upper);
	fprintf(fp, "\n");
	form_center(fp, "BÁO CÁO", 0, FORM_WIDTH);
	form_center(fp, "TỔNG HỢP BÀI THU HOẠCH", 0, FORM_WIDTH);
	safe = form_safe(r->subject);
	line = xasprintf("học tập, quán triệt %s", safe);
	free(safe);
	form_center(fp, line, 0, FORM_WIDTH);
	free(line);
	safe = form_safe(r->plan_ref);
	line = xasprintf("(Thực hiện %s; đợt %d)", safe, r->round);
	free(safe);
	form_center(fp, line, 0, FORM_WIDTH);
	free(line);
	form_center(fp, "_______", 0, FORM_WIDTH);
	fprintf(fp, "\n");
	form_counts(fp, &r->counts);
	form_text(fp, report_item_label(REPORT_ASSESSMENT), 0);
	form_paragraph(fp, r->assessment, 4);
	form_text(fp, report_item_label(REPORT_PROPOSALS), 0);
	form_proposals(fp, r);
	fprintf(fp, "\n");
	form_center(fp, r->is_cell ? "T/M CHI ỦY CHI BỘ" : "T/M ĐẢNG ỦY",
	    FORM_LEFT, FORM_WIDTH - FORM_LEFT);
	form_center(fp, "BÍ THƯ", FORM_LEFT, FORM_WIDTH - FORM_LEFT);
	fprintf(fp, "\n\n\n");
	safe = form_safe(r->signer);
	form_center(fp, safe, FORM_LEFT, FORM_WIDTH - FORM_LEFT);
	free(safe);
	fclose(fp);
	return buf;
}

/* The count of reason in t (0 when t does not name it). */
static int64_t
csv_reason_count(const struct tally *t, const char *reason)
{
	size_t i;

	for (i = 0; i < t->nreasons; i++)
		if (strcmp(t->reasons[i].reason, reason) == 0)
			return t->reasons[i].count;
	return 0;
}

static void
csv_row(FILE *fp, const char *label, int final, const char *cutoff,
    const struct tally *t, const struct tally *cols)
{
	struct qt_date d;
	char vn[11] = "";
	size_t i;

	if (date_from_iso(cutoff, &d) == 0)
		date_to_vn(d, vn);
	csv_field(fp, label);
	fprintf(fp, ",%s,%s,%lld,%lld,%lld,%lld", final ? "đã chốt" : "nháp",
	    vn, (long long)t->total_members, (long long)t->participated,
	    (long long)t->wrote, (long long)t->exempt);
	for (i = 0; i < cols->nreasons; i++)
		fprintf(fp, ",%lld", (long long)csv_reason_count(t,
		    cols->reasons[i].reason));
	fprintf(fp, ",%lld,%lld,%lld,%lld\r\n", (long long)t->must_write,
	    (long long)t->missing, (long long)t->late,
	    (long long)t->guests_present);
}

char *
report_format_csv(const struct report *r)
{
	struct tally cols;
	char *buf = NULL;
	size_t len, i, j;
	FILE *fp;

	/* One column per reason any row names, in the rules' order. */
	memset(&cols, 0, sizeof cols);
	for (i = 0; i < r->counts.nreasons; i++)
		tally_add_reason(&cols, r->counts.reasons[i].reason, 0);
	for (i = 0; i < r->nunits; i++)
		for (j = 0; j < r->units[i].counts.nreasons; j++)
			tally_add_reason(&cols,
			    r->units[i].counts.reasons[j].reason, 0);
	fp = form_open(&buf, &len);
	fputs("Đơn vị,Trạng thái,Số liệu đến ngày,Tổng số đảng viên,"
	    "Tham gia học tập,Viết thu hoạch,Miễn viết thu hoạch", fp);
	for (i = 0; i < cols.nreasons; i++) {
		char *head = xasprintf("Miễn viết: %s", cols.reasons[i].reason);

		fputc(',', fp);
		csv_field(fp, head);
		free(head);
	}
	fputs(",Phải viết,Chưa viết,Quá hạn,Quần chúng dự học\r\n", fp);
	for (i = 0; i < r->nunits; i++)
		csv_row(fp, r->units[i].name, r->units[i].final,
		    r->units[i].cutoff, &r->units[i].counts, &cols);
	csv_row(fp, r->nunits > 0 ? "Tổng cộng" : r->unit_name, r->final,
	    r->cutoff, &r->counts, &cols);
	fclose(fp);
	tally_clear(&cols);
	return buf;
}
