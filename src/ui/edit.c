/*
 * edit.c - the line editor.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "ui/draw.h"
#include "ui/edit.h"
#include "xmalloc.h"

#define CTRL(c)	((c) & 0x1f)

void
edit_init(struct edit *e, const char *text, size_t max_bytes)
{
	memset(e, 0, sizeof *e);
	e->max_bytes = max_bytes;
	e->cap = 64;
	e->buf = xcalloc(1, e->cap);
	edit_set(e, text);
}

void
edit_free(struct edit *e)
{
	x_free(&e->buf);
	e->len = e->cap = e->cursor = e->scroll = 0;
}

static void
edit_reserve(struct edit *e, size_t more)
{
	if (e->len + more + 1 <= e->cap)
		return;
	while (e->len + more + 1 > e->cap)
		e->cap *= 2;
	e->buf = xrealloc(e->buf, e->cap);
}

void
edit_set(struct edit *e, const char *text)
{
	size_t n = text != NULL ? strlen(text) : 0;

	if (n > e->max_bytes)
		n = e->max_bytes;
	/* Never keep half a character from a cut. */
	while (n > 0 && text != NULL && !text_utf8_valid(text, n))
		n--;
	e->len = 0;
	edit_reserve(e, n);
	if (n > 0)
		memcpy(e->buf, text, n);
	e->buf[n] = '\0';
	e->len = e->cursor = n;
	e->scroll = 0;
}

/* 1 if cp takes no column of its own (a combining mark). */
static int
edit_zero_width(uint32_t cp)
{
	char s[8] = "a";
	size_t n = text_utf8_encode(cp, s + 1);

	s[1 + n] = '\0';
	return text_width(s) == 1;
}

size_t
edit_next(const char *s, size_t len, size_t offset)
{
	uint32_t cp;

	if (offset >= len)
		return len;
	offset += text_utf8_decode(s + offset, len - offset, &cp);
	while (offset < len) {
		size_t n = text_utf8_decode(s + offset, len - offset, &cp);

		if (!edit_zero_width(cp))
			break;
		offset += n;
	}
	return offset;
}

size_t
edit_prev(const char *s, size_t offset)
{
	uint32_t cp;
	size_t start;

	while (offset > 0) {
		start = offset - 1;
		while (start > 0 && ((unsigned char)s[start] & 0xc0) == 0x80 &&
		    offset - start < 4)
			start--;
		text_utf8_decode(s + start, offset - start, &cp);
		offset = start;
		if (!edit_zero_width(cp))
			break;
	}
	return offset;
}

int
edit_delete(struct edit *e, size_t from, size_t to)
{
	if (from >= to)
		return EDIT_IGNORED;
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	if (e->cursor > to)
		e->cursor -= to - from;
	else if (e->cursor > from)
		e->cursor = from;
	if (e->scroll > e->cursor)
		e->scroll = e->cursor;
	return EDIT_CHANGED;
}

int
edit_newline(struct edit *e)
{
	if (e->len + 1 > e->max_bytes)
		return EDIT_IGNORED;
	edit_reserve(e, 1);
	memmove(e->buf + e->cursor + 1, e->buf + e->cursor,
	    e->len - e->cursor + 1);
	e->buf[e->cursor++] = '\n';
	e->len++;
	return EDIT_CHANGED;
}

static int
edit_insert(struct edit *e, wint_t ch, int telex)
{
	char enc[4];
	size_t n, cap;

	if (ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0) || ch > 0x10ffff)
		return EDIT_IGNORED;
	n = text_utf8_encode((uint32_t)ch, enc);
	if (e->len + n > e->max_bytes)
		return EDIT_IGNORED;
	/* Room for Telex to rewrite the word (it may grow by a few bytes). */
	edit_reserve(e, n + 16);
	cap = e->cap < e->max_bytes + 1 ? e->cap : e->max_bytes + 1;
	if (telex && telex_input(e->buf, cap, &e->cursor, (uint32_t)ch)) {
		e->len = strlen(e->buf);
		return EDIT_CHANGED;
	}
	memmove(e->buf + e->cursor + n, e->buf + e->cursor, e->len - e->cursor + 1);
	memcpy(e->buf + e->cursor, enc, n);
	e->len += n;
	e->cursor += n;
	return EDIT_CHANGED;
}

int
edit_key(struct edit *e, wint_t ch, int is_keycode, int telex)
{
	if (is_keycode) {
		switch (ch) {
		case KEY_LEFT:
			e->cursor = edit_prev(e->buf, e->cursor);
			return EDIT_MOVED;
		case KEY_RIGHT:
			e->cursor = edit_next(e->buf, e->len, e->cursor);
			return EDIT_MOVED;
		case KEY_HOME:
			e->cursor = 0;
			return EDIT_MOVED;
		case KEY_END:
			e->cursor = e->len;
			return EDIT_MOVED;
		case KEY_BACKSPACE:
			return edit_delete(e, edit_prev(e->buf, e->cursor),
			    e->cursor);
		case KEY_DC:
			return edit_delete(e, e->cursor,
			    edit_next(e->buf, e->len, e->cursor));
		default:
			return EDIT_IGNORED;
		}
	}
	switch (ch) {
	case CTRL('A'):
		return edit_key(e, KEY_HOME, 1, telex);
	case CTRL('E'):
		return edit_key(e, KEY_END, 1, telex);
	case CTRL('H'):
	case 0x7f:
		return edit_key(e, KEY_BACKSPACE, 1, telex);
	case CTRL('D'):
		return edit_key(e, KEY_DC, 1, telex);
	case CTRL('U'):
		return edit_delete(e, 0, e->cursor);
	case CTRL('K'):
		return edit_delete(e, e->cursor, e->len);
	default:
		return edit_insert(e, ch, telex);
	}
}

/* Columns of s[from..to) as drawn. */
static int
edit_width(const char *s, size_t from, size_t to)
{
	char *part = xstrndup(s + from, to - from);
	int w = text_width(part);

	free(part);
	return w;
}

int
edit_draw(struct edit *e, WINDOW *w, int y, int x, int cols, int style)
{
	if (cols <= 1)
		return 0;
	if (e->scroll > e->cursor)
		e->scroll = e->cursor;
	/* Keep the cursor on screen with one column to spare for it. */
	while (edit_width(e->buf, e->scroll, e->cursor) > cols - 1)
		e->scroll = edit_next(e->buf, e->len, e->scroll);
	ui_put(w, y, x, cols, e->buf + e->scroll, (enum ui_style)style, 0);
	return edit_width(e->buf, e->scroll, e->cursor);
}
