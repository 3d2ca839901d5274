/*
 * paper_rtf.c - a printed form (paper.h) as RTF, which Word and LibreOffice
 * open and print on A4 as the form looks on paper.
 *
 * Plain RTF 1.5, nothing a reader could miss: one font (Times New Roman,
 * the font 36-HD/VPTW prescribes), sizes in half-points, the header and
 * the foot as two-cell tables without borders, a dot-leader tab for the
 * lines to fill in by hand. Every character outside ASCII is written
 * \uN with the unaccented letter after it (\uc1), so a reader without
 * Unicode still shows "Dang bo" rather than nothing; \ { } in the text
 * are escaped, a newline is a new paragraph (a line break in a cell).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/paper.h"
#include "text/text.h"
#include "xmalloc.h"

/*
 * A4 and its margins, in twips: 30 mm left, 15 mm right, 20 mm top and
 * bottom (36-HD/VPTW allows 30-35, 15-20 and 20-25 mm).
 */
#define RTF_PAPER_W	11906
#define RTF_PAPER_H	16838
#define RTF_MARGIN_L	1701
#define RTF_MARGIN_R	850
#define RTF_MARGIN	1134
#define RTF_BODY_W	(RTF_PAPER_W - RTF_MARGIN_L - RTF_MARGIN_R)
/* The header's and the foot's left cell; the right one takes the rest. */
#define RTF_LEFT_W	4536
/* First-line indent of a paragraph (1 cm). */
#define RTF_INDENT	567

/* The unaccented ASCII letter standing in for cp in a reader without
 * Unicode, '?' when there is none. */
static char
rtf_fallback(uint32_t cp)
{
	char utf8[5], *bare, c;

	utf8[text_utf8_encode(cp, utf8)] = '\0';
	bare = text_unaccent(utf8);
	c = bare[0];
	free(bare);
	if (c < 0x20 || c > 0x7e || c == '\\' || c == '{' || c == '}')
		c = '?';
	return c;
}

/* One UTF-16 unit as \uN (signed, as RTF wants) and its fallback. */
static void
rtf_unit(FILE *fp, unsigned unit, char fallback)
{
	/* The space ends the number, so a digit or a space can follow. */
	fprintf(fp, "\\u%d %c", unit > 0x7fff ? (int)unit - 0x10000 :
	    (int)unit, fallback);
}

/*
 * Writes text escaped; each newline becomes nl (a paragraph or a line
 * break). Controls the sanitiser would have shown never reach here;
 * any that do are dropped.
 */
static void
rtf_put(FILE *fp, const char *text, const char *nl)
{
	size_t len = strlen(text), i = 0;

	while (i < len) {
		uint32_t cp;

		i += text_utf8_decode(text + i, len - i, &cp);
		if (cp == '\\' || cp == '{' || cp == '}')
			fprintf(fp, "\\%c", (char)cp);
		else if (cp == '\n')
			fputs(nl, fp);
		else if (cp == '\t')
			fputs("\\tab ", fp);
		else if (cp >= 0x20 && cp < 0x7f)
			fputc((int)cp, fp);
		else if (cp < 0x20 || cp == 0x7f)
			continue;
		else if (cp < 0x10000)
			rtf_unit(fp, cp, rtf_fallback(cp));
		else {
			cp -= 0x10000;
			rtf_unit(fp, 0xd800 + (cp >> 10), '?');
			rtf_unit(fp, 0xdc00 + (cp & 0x3ff), '?');
		}
	}
}

/* Writes {CONTROLS text} as a group: "\\b" for bold, etc. */
static void
rtf_group(FILE *fp, const char *controls, const char *text, const char *nl)
{
	fprintf(fp, "{%s ", controls);
	rtf_put(fp, text, nl);
	fputc('}', fp);
}

/* Starts a borderless row of two cells, left RTF_LEFT_W wide. */
static void
rtf_row(FILE *fp)
{
	fprintf(fp, "\\trowd\\trgaph0\\trleft0\\cellx%d\\cellx%d\n",
	    RTF_LEFT_W, RTF_BODY_W);
}

static void
rtf_header(FILE *fp, const struct paper *f)
{
	rtf_row(fp);
	/* 13 pt: a commune's name and the date fit their half of the line. */
	fputs("\\pard\\intbl\\qc\\fs26 ", fp);
	if (*f->above != '\0') {
		rtf_put(fp, f->above, "\\line ");
		fputs("\\line ", fp);
	}
	rtf_group(fp, "\\b", f->issuer, "\\line ");
	fputs("\\line *\\line ", fp);
	rtf_put(fp, f->number, "\\line ");
	fputs("\\cell\n\\pard\\intbl\\qc\\fs26 ", fp);
	rtf_group(fp, "\\b\\ul", "ĐẢNG CỘNG SẢN VIỆT NAM", "");
	fputs("\\line\\line ", fp);
	rtf_group(fp, "\\i", f->place_date, "\\line ");
	fputs("\\cell\\row\n\\pard\\plain\\f0\\fs28\n", fp);
}

static void
rtf_sign(FILE *fp, const struct paper *f)
{
	size_t i;

	fputs("\\pard\\par\n", fp);
	rtf_row(fp);
	fputs("\\pard\\intbl\\ql ", fp);
	for (i = 0; i < f->nrecipients; i++) {
		/* The first line is the heading "Nơi nhận:", underlined. */
		rtf_group(fp, i == 0 ? "\\ul\\i" : "\\fs24", f->recipients[i],
		    "\\line ");
		fputs("\\line ", fp);
	}
	fputs("\\cell\n\\pard\\intbl\\qc ", fp);
	rtf_group(fp, "\\b", f->sign_for, "\\line ");
	fputs("\\line ", fp);
	rtf_group(fp, "\\b", f->sign_title, "\\line ");
	fputs("\\line\\line\\line\\line\\line ", fp);
	rtf_group(fp, "\\b", f->signer, "\\line ");
	fputs("\\cell\\row\n", fp);
}

static void
rtf_block(FILE *fp, const struct paper *f, const struct paper_block *b)
{
	switch (b->kind) {
	case PAPER_TITLE:
		fputs("\\pard\\qc\\sb240 ", fp);
		rtf_group(fp, "\\b\\fs32", b->text, "\\line ");
		break;
	case PAPER_SUBTITLE:
		fputs("\\pard\\qc ", fp);
		rtf_group(fp, "\\b", b->text, "\\line ");
		break;
	case PAPER_NOTE:
		fputs("\\pard\\qc ", fp);
		rtf_group(fp, "\\i", b->text, "\\line ");
		break;
	case PAPER_RULE:
		fputs("\\pard\\qc\\sa240 -----", fp);
		break;
	case PAPER_ITEM:
		fprintf(fp, "\\pard\\qj\\fi%d\\sb120 ", RTF_INDENT);
		rtf_group(fp, "\\b", b->label != NULL ? b->label : "", "");
		fputc(' ', fp);
		rtf_put(fp, b->text, "\\par\n");
		break;
	case PAPER_TEXT:
		fprintf(fp, "\\pard\\qj\\fi%d ", RTF_INDENT);
		rtf_put(fp, b->text, "\\par\n");
		break;
	case PAPER_BULLET:
		fprintf(fp, "\\pard\\qj\\li%d\\fi-283 - ", RTF_INDENT + 283);
		rtf_put(fp, b->text, "\\line ");
		if (b->note != NULL) {
			fputs(" (", fp);
			rtf_group(fp, "\\i", b->note, "\\line ");
			fputc(')', fp);
		}
		break;
	case PAPER_DOTS:
		/* A dot leader to the right margin: a line to write on. */
		fprintf(fp, "\\pard\\tqr\\tldot\\tx%d\\tab", RTF_BODY_W);
		break;
	case PAPER_SIGN:
		rtf_sign(fp, f);
		return;
	case PAPER_ANNEX:
		fputs("\\pard\\pagebb\\qc\\sa240 ", fp);
		rtf_group(fp, "\\b", b->text, "\\line ");
		break;
	}
	fputs("\\par\n", fp);
}

char *
paper_rtf(const struct paper *f)
{
	char *buf = NULL;
	size_t len, i;
	FILE *fp = xmemstream(&buf, &len);

	fprintf(fp, "{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1\n"
	    "{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}}\n"
	    "\\paperw%d\\paperh%d\\margl%d\\margr%d\\margt%d\\margb%d\n"
	    "\\widowctrl\\f0\\fs28\n", RTF_PAPER_W, RTF_PAPER_H, RTF_MARGIN_L,
	    RTF_MARGIN_R, RTF_MARGIN, RTF_MARGIN);
	rtf_header(fp, f);
	for (i = 0; i < f->nblocks; i++)
		rtf_block(fp, f, &f->blocks[i]);
	fputs("}\n", fp);
	fclose(fp);
	return buf;
}
