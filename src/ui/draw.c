/*
 * draw.c - colours, the text choke point, lines.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/date.h"
#include "text/text.h"
#include "ui/draw.h"
#include "xmalloc.h"

static int draw_colour;

/* Foreground and background of each style when colours are in use. */
static const short draw_colours[STYLE_COUNT][2] = {
	[STYLE_NORMAL] = { -1, -1 },
	[STYLE_TITLE] = { COLOR_WHITE, COLOR_BLUE },
	[STYLE_SELECTED] = { COLOR_BLACK, COLOR_CYAN },
	[STYLE_HEADING] = { COLOR_YELLOW, -1 },
	[STYLE_KEY] = { COLOR_WHITE, -1 },
	[STYLE_BAR] = { COLOR_BLACK, COLOR_CYAN },
	[STYLE_ERROR] = { COLOR_RED, -1 },
	[STYLE_GOOD] = { COLOR_GREEN, -1 },
	[STYLE_WARN] = { COLOR_RED, -1 },
	[STYLE_DIM] = { COLOR_BLUE, -1 },
	[STYLE_FIELD] = { COLOR_BLACK, COLOR_WHITE },
};

/* The look without colour: vt100, a console with NO_COLOR. */
static const attr_t draw_mono[STYLE_COUNT] = {
	[STYLE_NORMAL] = A_NORMAL,
	[STYLE_TITLE] = A_REVERSE,
	[STYLE_SELECTED] = A_REVERSE,
	[STYLE_HEADING] = A_BOLD,
	[STYLE_KEY] = A_BOLD,
	[STYLE_BAR] = A_REVERSE,
	[STYLE_ERROR] = A_BOLD,
	[STYLE_GOOD] = A_NORMAL,
	[STYLE_WARN] = A_BOLD,
	[STYLE_DIM] = A_NORMAL,
	[STYLE_FIELD] = A_UNDERLINE,
};

void
draw_init(void)
{
	const char *no_colour = getenv("NO_COLOR");
	short i;

	draw_colour = 0;
	if ((no_colour != NULL && *no_colour != '\0') || !has_colors() ||
	    start_color() == ERR || COLOR_PAIRS < STYLE_COUNT)
		return;
	use_default_colors();
	for (i = 1; i < STYLE_COUNT; i++)
		init_pair(i, draw_colours[i][0], draw_colours[i][1]);
	draw_colour = 1;
}

/* The attribute for style (with colour when in use). */
static attr_t
draw_attr(enum ui_style style)
{
	if (!draw_colour)
		return draw_mono[style];
	if (style == STYLE_NORMAL)
		return A_NORMAL;
	return COLOR_PAIR(style) | (style == STYLE_TITLE ||
	    style == STYLE_HEADING || style == STYLE_KEY ? A_BOLD : A_NORMAL);
}

/*
 * Display-safe UTF-8 as wide characters: decoded here, ncurses' own
 * multibyte path (mbrtowc per byte) costs twice as much.
 */
static void
draw_utf8(WINDOW *w, int y, int x, const char *s, size_t len)
{
	wchar_t buf[256];
	size_t i = 0, n = 0;
	uint32_t cp;

	wmove(w, y, x);
	while (i < len) {
		i += text_utf8_decode(s + i, len - i, &cp);
		buf[n++] = (wchar_t)cp;
		if (n == sizeof buf / sizeof buf[0] || i == len) {
			waddnwstr(w, buf, (int)n);
			n = 0;
		}
	}
}

/*
 * Writes a fitted text whose padding is spaces, then gap blank cells: the
 * spaces as runs of blank cells (whline, which renders them as waddstr
 * would), the text between them as wide characters (draw_utf8). Most of a
 * list row is padding.
 */
static void
draw_padded(WINDOW *w, int y, int x, const char *fitted, int gap)
{
	size_t lead = strspn(fitted, " "), len = strlen(fitted), end = len;

	while (end > lead && fitted[end - 1] == ' ')
		end--;
	if (end == lead) {
		mvwhline(w, y, x, ' ', (int)len + gap);
		return;
	}
	if (lead > 0)
		mvwhline(w, y, x, ' ', (int)lead);
	draw_utf8(w, y, x + (int)lead, fitted + lead, end - lead);
	if (len - end + (size_t)gap > 0)
		mvwhline(w, y, getcurx(w), ' ', (int)(len - end) + gap);
}

/* ui_put, then gap blank cells in the same style; the cells written. */
static int
draw_put(WINDOW *w, int y, int x, int cols, int gap, const char *s,
    enum ui_style style, int flags)
{
	char *fitted;
	attr_t attr = draw_attr(style);

	if (cols <= 0)
		return 0;
	wattr_on(w, attr, NULL);
	/* Margins and gaps between columns are only blanks. */
	if (*s == '\0')
		mvwhline(w, y, x, ' ', cols + gap);
	else {
		/* text_fit runs text_display first: the choke point. */
		fitted = text_fit(s, cols, flags);
		draw_padded(w, y, x, fitted, gap);
		free(fitted);
	}
	wattr_off(w, attr, NULL);
	return cols + gap;
}

int
ui_put(WINDOW *w, int y, int x, int cols, const char *s,
    enum ui_style style, int flags)
{
	return draw_put(w, y, x, cols, 0, s, style, flags);
}

void
ui_put_tail(WINDOW *w, int y, int x, int cols, const char *text,
    enum ui_style style, const char *tail, enum ui_style tail_style)
{
	/* With one space before it; never wider than the line. */
	int tw = *tail != '\0' ? text_width(tail) + 1 : 0;

	if (tw > cols)
		tw = cols;
	ui_put(w, y, x, cols - tw, text, style, TEXT_ELLIPSIS);
	ui_put(w, y, x + cols - tw, tw, tail, tail_style, TEXT_ALIGN_RIGHT);
}

int
ui_putf(WINDOW *w, int y, int x, int cols, enum ui_style style,
    const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	n = ui_put(w, y, x, cols, s != NULL ? s : "", style, TEXT_ELLIPSIS);
	free(s);
	return n;
}

/* ui_put_cols with last_flags for the last column. */
static void
draw_cols(WINDOW *w, int y, int x, enum ui_style style, int n,
    const int *widths, const char *const *texts, int last_flags)
{
	/*
	 * The selected row stands out by its margin and first column only: a
	 * cursor move then repaints a few cells of two rows, not both rows
	 * whole (under 100 bytes to the terminal instead of 250).
	 */
	enum ui_style rest = style == STYLE_SELECTED ? STYLE_NORMAL : style;
	int i, cols = getmaxx(w);

	ui_put(w, y, 0, x, "", style, 0);
	for (i = 0; i < n && x < cols; i++) {
		int width = i == n - 1 || x + widths[i] > cols ? cols - x : widths[i];
		/* The gap after a column is written with it (a call fewer)
		 * when it has the column's style. */
		int gap = x + width < cols && (i > 0 || style == rest);

		x += draw_put(w, y, x, width, gap, texts[i], i == 0 ? style :
		    rest, i == n - 1 ? last_flags : TEXT_ELLIPSIS);
		if (x < cols && !gap)
			x += ui_put(w, y, x, 1, "", rest, 0);
	}
}

void
ui_put_cols(WINDOW *w, int y, int x, enum ui_style style, int n,
    const int *widths, const char *const *texts)
{
	draw_cols(w, y, x, style, n, widths, texts, TEXT_ELLIPSIS);
}

void
ui_put_cols_to_edge(WINDOW *w, int y, int x, enum ui_style style, int n,
    const int *widths, const char *const *texts)
{
	draw_cols(w, y, x, style, n, widths, texts,
	    TEXT_ELLIPSIS | TEXT_ALIGN_RIGHT);
}

void
draw_hline(WINDOW *w, int y, int x, int n)
{
	if (n <= 0)
		return;
	/* WACS_ lines are Unicode under ncursesw, which PuTTY draws right. */
	if (text_ascii_mode())
		mvwhline(w, y, x, '-', n);
	else
		mvwhline_set(w, y, x, WACS_HLINE, n);
}

const char *
draw_cell_name(const char *name)
{
	static const char prefix[] = "Chi bộ ";

	return strncmp(name, prefix, sizeof prefix - 1) == 0 &&
	    name[sizeof prefix - 1] != '\0' ? name + sizeof prefix - 1 : name;
}

void
draw_date(const char *iso, char out[11])
{
	struct qt_date d;

	if (iso == NULL || date_from_iso(iso, &d) != 0)
		snprintf(out, 11, "%s", iso != NULL ? iso : "");
	else
		date_to_vn(d, out);
}
