/*
 * draw.h - the only way text reaches the terminal.
 *
 * Every string, whether a label of ours or a name from the database, is
 * drawn by ui_put(): it goes through text_display (controls shown as ^[,
 * bidi dropped, unaccented ASCII on a non-UTF-8 terminal) and text_fit
 * (cut or padded to the columns given, counted by width, not bytes), so
 * nothing can act on the terminal or run past its box.
 */
#ifndef QT_UI_DRAW_H
#define QT_UI_DRAW_H

#include <curses.h>

/* What a piece of text is, mapped to colour or to a monochrome attribute. */
enum ui_style {
	STYLE_NORMAL,
	STYLE_TITLE,		/* the top line */
	STYLE_SELECTED,		/* the row under the cursor */
	STYLE_HEADING,		/* a section heading, column names */
	STYLE_KEY,		/* F-key number in the bar */
	STYLE_BAR,		/* the bar's labels */
	STYLE_ERROR,		/* a refused value, a failed write */
	STYLE_GOOD,		/* present, done */
	STYLE_WARN,		/* overdue, absent */
	STYLE_DIM,		/* not yet marked, no data */
	STYLE_FIELD,		/* an input field */
	STYLE_COUNT
};

/* Sets up colours unless the terminal has none or NO_COLOR is set. */
void	draw_init(void);
/*
 * Draws s at (y, x) of w in exactly cols columns (cut with an ellipsis
 * when flags has TEXT_ELLIPSIS, padded with spaces) in the given style.
 * Returns the columns used (cols, or 0 if cols <= 0).
 */
int	ui_put(WINDOW *w, int y, int x, int cols, const char *s,
	    enum ui_style style, int flags);
/*
 * A line of cols columns at (y, x): tail (a date: "hạn 31/05/2021") whole
 * at the right end in tail_style, and text before it cut with an ellipsis,
 * so a narrow terminal shortens the text and never the date. An empty
 * tail leaves the whole line to text.
 */
void	ui_put_tail(WINDOW *w, int y, int x, int cols, const char *text,
	    enum ui_style style, const char *tail, enum ui_style tail_style);
/* printf-style ui_put. */
int	ui_putf(WINDOW *w, int y, int x, int cols, enum ui_style style,
	    const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/*
 * A row of n columns from x to the right edge of w: texts[i] in widths[i]
 * columns with one space between; the last column takes what is left.
 */
void	ui_put_cols(WINDOW *w, int y, int x, enum ui_style style, int n,
	    const int *widths, const char *const *texts);
/*
 * ui_put_cols with the last column's text against the right edge, so that
 * a row ends in the window's last column (see list_ops.to_edge).
 */
void	ui_put_cols_to_edge(WINDOW *w, int y, int x, enum ui_style style,
	    int n, const int *widths, const char *const *texts);
/* A horizontal line of n columns: box drawing in UTF-8, '-' in ASCII. */
void	draw_hline(WINDOW *w, int y, int x, int n);
/*
 * A cell's name in a column headed "Chi bộ": "Chi bộ ấp An" is shown as
 * "ấp An", the part that tells cells apart.
 */
const char *draw_cell_name(const char *name);
/* Formats an ISO date as DD/MM/YYYY into out (11 bytes); "" stays "". */
void	draw_date(const char *iso, char out[11]);

#endif
