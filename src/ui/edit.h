/*
 * edit.h - a one-line editor over a UTF-8 buffer (calcurse getstring.c,
 * htop LineEditor.c): the cursor moves by characters, a letter and its
 * combining marks count as one, keys come from get_wch so the clerk's own
 * input method works, and Telex can be typed when the program's own
 * Telex is on.
 */
#ifndef QT_UI_EDIT_H
#define QT_UI_EDIT_H

#include <curses.h>
#include <stddef.h>
#include <wchar.h>

struct edit {
	char	*buf;		/* NUL-terminated UTF-8, owned */
	size_t	 len;
	size_t	 cap;
	size_t	 cursor;	/* byte offset, always between characters */
	size_t	 scroll;	/* byte offset of the first character shown */
	size_t	 max_bytes;	/* refuse to grow beyond this */
};

/* What edit_key did. */
#define EDIT_IGNORED	0
#define EDIT_MOVED	1	/* only the cursor moved */
#define EDIT_CHANGED	2	/* the text changed */

/* Starts e holding text (NULL: empty), at most max_bytes long. */
void	 edit_init(struct edit *e, const char *text, size_t max_bytes);
void	 edit_free(struct edit *e);
/* Replaces the text and puts the cursor at its end. */
void	 edit_set(struct edit *e, const char *text);
/*
 * Applies one key from get_wch: printable characters are inserted (through
 * telex_input when telex is set), Left/Right/Home/End/Ctrl-A/Ctrl-E move,
 * Backspace/Delete/Ctrl-U/Ctrl-K delete. Returns EDIT_*.
 */
int	 edit_key(struct edit *e, wint_t ch, int is_keycode, int telex);
/* Deletes bytes from..to of the text (cursor kept in place); EDIT_*. */
int	 edit_delete(struct edit *e, size_t from, size_t to);
/* Inserts a line break at the cursor (text areas); EDIT_IGNORED if full. */
int	 edit_newline(struct edit *e);
/*
 * Draws the text at (y, x) in cols columns, scrolled so the cursor shows,
 * and returns the column of the cursor relative to x.
 */
int	 edit_draw(struct edit *e, WINDOW *w, int y, int x, int cols,
	    int style);
/* Byte offset of the character after / before offset. */
size_t	 edit_next(const char *s, size_t len, size_t offset);
size_t	 edit_prev(const char *s, size_t offset);

#endif
