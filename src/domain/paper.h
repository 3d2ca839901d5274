/*
 * paper.h - a printed party document (a form on paper) as a list of
 * blocks, laid out once and written as plain text or as RTF.
 *
 * The layout follows Hướng dẫn 36-HD/VPTW (2018) on the form of party
 * documents: at the top left the issuing body, the body directly above
 * it on the first line and the body itself in capitals on the second,
 * an asterisk under them, then the line "Số ...-BC/..."; at the top
 * right "ĐẢNG CỘNG SẢN VIỆT NAM" underlined, then the place and date in
 * italics; the kind of document ("BÁO CÁO") and its summary centred in
 * bold; the body; at the foot the recipients ("Nơi nhận:") on the left
 * and the signature block on the right ("T/M CHI ỦY", "BÍ THƯ", room to
 * sign and stamp, the signer's name).
 *
 * Every string in a form has already been through the display sanitiser
 * (text_display with TEXT_KEEP_NEWLINES | TEXT_UTF8): the writers only
 * lay it out and escape it for their format.
 */
#ifndef QT_PAPER_H
#define QT_PAPER_H

#include <stddef.h>
#include <stdio.h>

/* Width of the text form, in columns (A4 at 10 characters per inch). */
#define PAPER_TEXT_WIDTH	76

enum paper_kind {
	PAPER_TITLE,	/* centred, bold: "BÁO CÁO" */
	PAPER_SUBTITLE,	/* centred, bold: what the report is about */
	PAPER_NOTE,	/* centred, italic: "(Thực hiện Kế hoạch số ...)" */
	PAPER_RULE,	/* the short line under the title */
	PAPER_ITEM,	/* a numbered item: label in bold, then text */
	PAPER_TEXT,	/* a paragraph of the body */
	PAPER_BULLET,	/* "- text", note after it in italics */
	PAPER_DOTS,	/* a dotted line to fill in by hand */
	PAPER_SIGN,	/* recipients on the left, the signature block right */
	PAPER_ANNEX,	/* a new page, headed by text in bold capitals */
};

struct paper_block {
	enum paper_kind	 kind;
	char		*label;		/* PAPER_ITEM's number and name */
	char		*text;
	char		*note;		/* PAPER_BULLET's note, or NULL */
};

struct paper {
	/* The header. */
	char		*above;		/* "ĐẢNG BỘ XÃ VĨNH HÒA HIỆP", "" at a root */
	char		*issuer;	/* "CHI BỘ ẤP VĨNH PHƯỚC" */
	char		*number;	/* "Số .....-BC/CB" */
	char		*place_date;	/* "Vĩnh Hòa Hiệp, ngày 20 tháng 4 năm 2021" */
	/* The signature block and the recipients (PAPER_SIGN). */
	char		*sign_for;	/* "T/M CHI ỦY" */
	char		*sign_title;	/* "BÍ THƯ" */
	char		*signer;	/* the name, "" to write by hand */
	char		**recipients;	/* "Nơi nhận:" (shown underlined), then
					   "- Đảng ủy xã Vĩnh Hòa Hiệp," ... */
	size_t		 nrecipients;
	/* The body, in order. */
	struct paper_block *blocks;
	size_t		 nblocks;
};

/*
 * Adds a block; the strings are copied (NULL label or note: none).
 * Returns the block, valid until the next add.
 */
struct paper_block *paper_add(struct paper *f, enum paper_kind kind,
		    const char *label, const char *text, const char *note);
/* Adds a recipient line (copied). */
void		 paper_add_recipient(struct paper *f, const char *line);
/*
 * Data as it may stand on paper: controls shown (^[) so that whoever
 * cats the file gets no escape sequence, UTF-8 kept whatever the
 * terminal (the paper is printed elsewhere; msg_put adapts it to a
 * terminal). The sanitiser every string of a paper goes through. Newly
 * allocated.
 */
char		*paper_safe(const char *s);
/* Frees everything the form holds and zeroes it. */
void		 paper_clear(struct paper *f);

/*
 * The form as UTF-8 text, PAPER_TEXT_WIDTH columns wide: every line is
 * wrapped at spaces and nothing is ever cut (a single word wider than
 * its column stands alone on its line). Newly allocated.
 */
char		*paper_text(const struct paper *f);

/*
 * The form as RTF 1.5 for Word and LibreOffice: A4, margins 30 mm left,
 * 15 mm right, 20 mm top and bottom, Times New Roman 14 pt (the header
 * 13 pt, the recipients 12 pt), the header and the signature block as
 * borderless two-column tables. Non-ASCII
 * characters are \uN escapes with the unaccented letter as the fallback
 * for readers without Unicode; \ { } in the text are escaped. Newly
 * allocated.
 */
char		*paper_rtf(const struct paper *f);

#endif
