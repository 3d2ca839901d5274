/*
 * textarea_buf.h - the layout and movement of a multi-line text area,
 * without curses (calcurse's and nano's wrapped lines, kept small).
 *
 * The text stays one UTF-8 buffer in a struct edit, '\n' for the line
 * breaks the clerk typed; a struct textarea only remembers where each
 * shown line starts after wrapping at spaces to a number of terminal
 * columns (text_width), which line is shown first and the column Up and
 * Down aim for. A letter and its combining marks are never split.
 */
#ifndef QT_UI_TEXTAREA_BUF_H
#define QT_UI_TEXTAREA_BUF_H

#include <stddef.h>
#include <wchar.h>

struct edit;

struct textarea {
	size_t	*starts;	/* byte offset where each shown line begins */
	size_t	 n;		/* shown lines, at least 1 once wrapped */
	size_t	 cap;
	int	 cols;		/* the width it was wrapped to */
	size_t	 top;		/* the first line shown */
	int	 rows;		/* how many were shown last (a page) */
	int	 goal;		/* column Up/Down aim for; -1: the cursor's */
	char	*text;		/* a copy of what was wrapped, to redo only */
	size_t	 len;		/* the lines from where it changed */
};

void	 textarea_init(struct textarea *t, int cols);
void	 textarea_free(struct textarea *t);
/*
 * Splits s (len bytes) into shown lines of at most cols columns: at each
 * '\n', else after the last space that fits (a space that does not fit
 * hangs at the end of its line), else between characters. Only the lines
 * from just before the first byte that differs from the last call are
 * wrapped again, so a key in a long essay costs little.
 */
void	 textarea_wrap(struct textarea *t, const char *s, size_t len,
	    int cols);
/* The shown line holding byte offset (the later one at a soft wrap). */
size_t	 textarea_line(const struct textarea *t, size_t offset);
/* The end of line i's text (before its '\n', if it has one). */
size_t	 textarea_line_end(const struct textarea *t, const char *s,
	    size_t len, size_t i);
/* The terminal column of offset in its shown line. */
int	 textarea_column(const struct textarea *t, const char *s,
	    size_t offset);
/*
 * Applies one key from get_wch to e, laid out in t, showing rows lines:
 * Enter and Ctrl-O break the line, Up/Down move a line keeping the
 * column, PgUp/PgDn a page, Home/End (Ctrl-A/Ctrl-E) to the ends of the
 * shown line, Ctrl-U/Ctrl-K delete to the start/end of the paragraph
 * (the text between line breaks); the rest is edit_key's.
 * Returns EDIT_*; EDIT_IGNORED for Up on the first line and Down on the
 * last, so the form can move to the field above or below.
 */
int	 textarea_key(struct textarea *t, struct edit *e, wint_t ch,
	    int is_keycode, int telex, int rows);
/*
 * Moves t->top so the line of offset is among the rows lines shown, and
 * remembers rows as the page.
 */
void	 textarea_scroll(struct textarea *t, size_t offset, int rows);

#endif
