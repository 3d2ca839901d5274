/*
 * paper_text.c - a printed form (paper.h) as plain UTF-8 text.
 *
 * Laid out for a fixed-width font, PAPER_TEXT_WIDTH columns: the header
 * and the foot in two columns (the issuing body and the recipients on
 * the left, the motto, the date and the signature on the right), each
 * line of the body wrapped at spaces. A word is never cut: one wider
 * than its column stands alone on its line (a unit's name is always
 * printed whole).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/paper.h"
#include "text/text.h"
#include "xmalloc.h"

/* The left column of the header and the foot, then a gap, then the right. */
#define TEXT_LEFT	34
#define TEXT_GAP	2
#define TEXT_RIGHT	(PAPER_TEXT_WIDTH - TEXT_LEFT - TEXT_GAP)
/* An item's later lines, under its text; the body is flush, as in seed 000. */
#define ITEM_HANG	3

struct lines {
	char	**v;
	size_t	 n;
};

static void
lines_push(struct lines *l, char *owned)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	l->v[l->n++] = owned;
}

static void
lines_free(struct lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/*
 * Appends text broken into lines of at most width columns: at each
 * newline, else at the last space that fits; a word wider than width
 * is a line of its own, whole. Runs of spaces and tabs are one space.
 */
static void
lines_wrap(struct lines *l, const char *text, int width)
{
	const char *p = text;

	for (;;) {
		size_t para = strcspn(p, "\n");
		char *line = NULL, *word;
		const char *q = p, *end = p + para;

		while (q < end) {
			size_t len;

			q += strspn(q, " \t");
			len = strcspn(q, " \t\n");
			if (len == 0)
				break;
			word = xstrndup(q, len);
			q += len;
			if (line != NULL &&
			    text_width(line) + 1 + text_width(word) > width) {
				lines_push(l, line);
				line = NULL;
			}
			if (line == NULL)
				line = word;
			else {
				char *longer = xasprintf("%s %s", line, word);

				free(line);
				free(word);
				line = longer;
			}
		}
		lines_push(l, line != NULL ? line : xstrdup(""));
		/* A newline ending the text adds no empty line. */
		if (*end != '\n' || end[1] == '\0')
			break;
		p = end + 1;
	}
}

/* Writes s after enough spaces to stand at column indent + pad. */
static void
put_at(FILE *fp, int col, const char *s)
{
	fprintf(fp, "%*s%s\n", *s != '\0' && col > 0 ? col : 0, "", s);
}

/* Each line of text centred in width columns after indent. */
static void
put_centred(FILE *fp, const char *text, int indent, int width)
{
	struct lines l = { 0 };
	size_t i;

	lines_wrap(&l, text, width);
	for (i = 0; i < l.n; i++) {
		int pad = (width - text_width(l.v[i])) / 2;

		put_at(fp, indent + (pad > 0 ? pad : 0), l.v[i]);
	}
	lines_free(&l);
}

/* Text wrapped to the width after indent, later lines after hang. */
static void
put_wrapped(FILE *fp, const char *first, const char *text, int indent,
    int hang)
{
	struct lines l = { 0 };
	char *all = xasprintf("%s%s", first, text);
	size_t i;

	lines_wrap(&l, all, PAPER_TEXT_WIDTH - hang);
	for (i = 0; i < l.n; i++)
		put_at(fp, i == 0 ? indent : hang, l.v[i]);
	lines_free(&l);
	free(all);
}

/* Appends text to col as lines centred (or not) in width columns. */
static void
column_add(struct lines *col, const char *text, int width, int centre)
{
	struct lines l = { 0 };
	size_t i;

	lines_wrap(&l, text, width);
	for (i = 0; i < l.n; i++) {
		int pad = centre && *l.v[i] != '\0' ?
		    (width - text_width(l.v[i])) / 2 : 0;

		lines_push(col, xasprintf("%*s%s", pad > 0 ? pad : 0, "",
		    l.v[i]));
	}
	lines_free(&l);
}

/* Writes two columns side by side; a left line too wide pushes its right. */
static void
put_columns(FILE *fp, const struct lines *left, const struct lines *right)
{
	size_t i, n = left->n > right->n ? left->n : right->n;

	for (i = 0; i < n; i++) {
		const char *l = i < left->n ? left->v[i] : "";
		const char *r = i < right->n ? right->v[i] : "";
		int pad = TEXT_LEFT - text_width(l);

		if (*r == '\0')
			fprintf(fp, "%s\n", l);
		else
			fprintf(fp, "%s%*s%s\n", l, (pad > 0 ? pad : 0) +
			    TEXT_GAP, "", r);
	}
}

/* A dash under text as wide as it, centred like it: an underline. */
static char *
underline(const char *text)
{
	int n = text_width(text), i;
	char *s = xmalloc((size_t)n + 1);

	for (i = 0; i < n; i++)
		s[i] = '-';
	s[n] = '\0';
	return s;
}

static void
text_header(FILE *fp, const struct paper *f)
{
	static const char motto[] = "ĐẢNG CỘNG SẢN VIỆT NAM";
	struct lines left = { 0 }, right = { 0 };
	char *rule = underline(motto);

	if (*f->above != '\0')
		column_add(&left, f->above, TEXT_LEFT, 1);
	column_add(&left, f->issuer, TEXT_LEFT, 1);
	column_add(&left, "*", TEXT_LEFT, 1);
	column_add(&left, f->number, TEXT_LEFT, 1);
	column_add(&right, motto, TEXT_RIGHT, 1);
	column_add(&right, rule, TEXT_RIGHT, 1);
	column_add(&right, "", TEXT_RIGHT, 1);
	column_add(&right, f->place_date, TEXT_RIGHT, 1);
	put_columns(fp, &left, &right);
	lines_free(&left);
	lines_free(&right);
	free(rule);
}

static void
text_sign(FILE *fp, const struct paper *f)
{
	struct lines left = { 0 }, right = { 0 };
	size_t i;

	for (i = 0; i < f->nrecipients; i++)
		column_add(&left, f->recipients[i], TEXT_LEFT, 0);
	column_add(&right, f->sign_for, TEXT_RIGHT, 1);
	column_add(&right, f->sign_title, TEXT_RIGHT, 1);
	for (i = 0; i < 4; i++)
		column_add(&right, "", TEXT_RIGHT, 1);
	column_add(&right, *f->signer != '\0' ? f->signer : "............",
	    TEXT_RIGHT, 1);
	put_columns(fp, &left, &right);
	lines_free(&left);
	lines_free(&right);
}

static void
text_block(FILE *fp, const struct paper *f, const struct paper_block *b)
{
	char *s;

	switch (b->kind) {
	case PAPER_TITLE:
	case PAPER_SUBTITLE:
	case PAPER_NOTE:
		put_centred(fp, b->text, 0, PAPER_TEXT_WIDTH);
		break;
	case PAPER_RULE:
		put_centred(fp, "_______", 0, PAPER_TEXT_WIDTH);
		fputc('\n', fp);
		break;
	case PAPER_ITEM:
		s = xasprintf("%s ", b->label != NULL ? b->label : "");
		put_wrapped(fp, s, b->text, 0, ITEM_HANG);
		free(s);
		break;
	case PAPER_TEXT:
		put_wrapped(fp, "", b->text, 0, 0);
		break;
	case PAPER_BULLET:
		s = b->note != NULL ? xasprintf("%s (%s)", b->text, b->note) :
		    xstrdup(b->text);
		put_wrapped(fp, "- ", s, 0, 2);
		free(s);
		break;
	case PAPER_DOTS:
		s = xmalloc(PAPER_TEXT_WIDTH + 1);
		memset(s, '.', PAPER_TEXT_WIDTH);
		s[PAPER_TEXT_WIDTH] = '\0';
		put_at(fp, 0, s);
		free(s);
		break;
	case PAPER_SIGN:
		fputc('\n', fp);
		text_sign(fp, f);
		break;
	case PAPER_ANNEX:
		fputs("\n\n", fp);
		put_centred(fp, b->text, 0, PAPER_TEXT_WIDTH);
		fputc('\n', fp);
		break;
	}
}

char *
paper_text(const struct paper *f)
{
	char *buf = NULL;
	size_t len, i;
	FILE *fp = xmemstream(&buf, &len);

	text_header(fp, f);
	fputc('\n', fp);
	for (i = 0; i < f->nblocks; i++)
		text_block(fp, f, &f->blocks[i]);
	fclose(fp);
	return buf;
}
