/*
 * textarea_buf.c - wrapping a text into shown lines and moving over them.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "ui/edit.h"
#include "ui/textarea_buf.h"
#include "xmalloc.h"

#define CTRL(c)		((c) & 0x1f)
#define TEXTAREA_NONE	((size_t)-1)

void
textarea_init(struct textarea *t, int cols)
{
	memset(t, 0, sizeof *t);
	t->cols = cols;
	t->rows = 1;
	t->goal = -1;
}

void
textarea_free(struct textarea *t)
{
	x_free(&t->starts);
	x_free(&t->text);
	t->n = t->cap = t->len = 0;
}

static void
textarea_push(struct textarea *t, size_t start)
{
	if (t->n == t->cap) {
		t->cap = t->cap > 0 ? t->cap * 2 : 16;
		t->starts = xrealloc(t->starts, t->cap * sizeof *t->starts);
	}
	t->starts[t->n++] = start;
}

/* Columns of s[from..to), without copying the usual short piece. */
static int
textarea_width(const char *s, size_t from, size_t to)
{
	char small[64], *piece;
	int w;

	if (to - from < sizeof small) {
		memcpy(small, s + from, to - from);
		small[to - from] = '\0';
		return text_width(small);
	}
	piece = xstrndup(s + from, to - from);
	w = text_width(piece);
	free(piece);
	return w;
}

/* The character at p: its end, and its columns in *w. */
static size_t
textarea_char(const char *s, size_t len, size_t p, int *w)
{
	size_t next;

	/* Printable ASCII not followed by a combining mark: most of a text. */
	if (s[p] >= 0x20 && s[p] < 0x7f &&
	    (p + 1 == len || (unsigned char)s[p + 1] < 0x80)) {
		*w = 1;
		return p + 1;
	}
	next = edit_next(s, len, p);
	*w = textarea_width(s, p, next);
	return next;
}

/*
 * The line to wrap s again from (one starting before its first change),
 * or TEXTAREA_NONE when s is what was wrapped last.
 */
static size_t
textarea_unchanged(struct textarea *t, const char *s, size_t len, int cols)
{
	size_t d = 0, line;

	if (t->n == 0 || t->text == NULL || cols != t->cols)
		return 0;
	while (d < len && d < t->len && s[d] == t->text[d])
		d++;
	if (d == len && d == t->len)
		return TEXTAREA_NONE;
	/*
	 * A change may join a word to the line above, or (a mark added to a
	 * letter, Telex rewriting a word) reach back into the one before.
	 */
	line = textarea_line(t, d);
	return line > 2 ? line - 2 : 0;
}

void
textarea_wrap(struct textarea *t, const char *s, size_t len, int cols)
{
	size_t p, next, brk = TEXTAREA_NONE, from;
	int col = 0, w;

	cols = cols < 1 ? 1 : cols;
	if ((from = textarea_unchanged(t, s, len, cols)) == TEXTAREA_NONE)
		return;
	t->cols = cols;
	if (from == 0) {
		t->n = 0;
		textarea_push(t, 0);
	} else
		t->n = from + 1;
	for (p = t->starts[t->n - 1]; p < len; p = next) {
		if (s[p] == '\n') {
			next = p + 1;
			textarea_push(t, next);
			col = 0;
			brk = TEXTAREA_NONE;
			continue;
		}
		next = textarea_char(s, len, p, &w);
		if (col + w > cols && p > t->starts[t->n - 1]) {
			if (s[p] == ' ') {
				/* It hangs: the cursor after it still shows. */
				textarea_push(t, next);
				col = 0;
				brk = TEXTAREA_NONE;
				continue;
			}
			textarea_push(t, brk != TEXTAREA_NONE ? brk : p);
			col = textarea_width(s, t->starts[t->n - 1], p);
			brk = TEXTAREA_NONE;
			if (col + w > cols && p > t->starts[t->n - 1]) {
				textarea_push(t, p);
				col = 0;
			}
		}
		col += w;
		if (s[p] == ' ')
			brk = next;
	}
	free(t->text);
	t->text = xstrndup(s, len);
	t->len = len;
}

size_t
textarea_line(const struct textarea *t, size_t offset)
{
	size_t lo = 0, hi = t->n, mid;

	/* The last line starting at or before offset. */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (t->starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

size_t
textarea_line_end(const struct textarea *t, const char *s, size_t len,
    size_t i)
{
	size_t end;

	if (i + 1 >= t->n)
		return len;
	end = t->starts[i + 1];
	return s[end - 1] == '\n' ? end - 1 : end;
}

int
textarea_column(const struct textarea *t, const char *s, size_t offset)
{
	return textarea_width(s, t->starts[textarea_line(t, offset)], offset);
}

/* The last place the cursor may take on line i (a soft end belongs below). */
static size_t
textarea_last(const struct textarea *t, const char *s, size_t len, size_t i)
{
	size_t end = textarea_line_end(t, s, len, i);

	if (i + 1 < t->n && end == t->starts[i + 1] && end > t->starts[i])
		return edit_prev(s, end);
	return end;
}

/* The offset on line i nearest to column col without passing it. */
static size_t
textarea_at(const struct textarea *t, const char *s, size_t len, size_t i,
    int col)
{
	size_t p = t->starts[i], last = textarea_last(t, s, len, i), next;
	int x = 0, w;

	while (p < last) {
		next = edit_next(s, len, p);
		w = textarea_width(s, p, next);
		if (x + w > col)
			break;
		x += w;
		p = next;
	}
	return p;
}

/* Moves the cursor by lines (negative: up); EDIT_IGNORED at an edge. */
static int
textarea_vertical(struct textarea *t, struct edit *e, long lines)
{
	size_t i = textarea_line(t, e->cursor);
	long to = (long)i + lines;

	if ((lines < 0 && i == 0) || (lines > 0 && i + 1 >= t->n))
		return EDIT_IGNORED;
	if (t->goal < 0)
		t->goal = textarea_column(t, e->buf, e->cursor);
	if (to < 0)
		to = 0;
	if (to >= (long)t->n)
		to = (long)t->n - 1;
	e->cursor = textarea_at(t, e->buf, e->len, (size_t)to, t->goal);
	return EDIT_MOVED;
}

/* Keys that move over shown lines; -1 for any other key. */
static int
textarea_move(struct textarea *t, struct edit *e, wint_t ch, int rows)
{
	size_t i = textarea_line(t, e->cursor);

	switch (ch) {
	case KEY_UP:
		return textarea_vertical(t, e, -1);
	case KEY_DOWN:
		return textarea_vertical(t, e, 1);
	case KEY_PPAGE:
		if (i == 0)
			e->cursor = 0;
		return i == 0 ? EDIT_MOVED : textarea_vertical(t, e, -rows);
	case KEY_NPAGE:
		if (i + 1 >= t->n)
			e->cursor = e->len;
		return i + 1 >= t->n ? EDIT_MOVED :
		    textarea_vertical(t, e, rows);
	case KEY_HOME:
		e->cursor = t->starts[i];
		return EDIT_MOVED;
	case KEY_END:
		e->cursor = textarea_last(t, e->buf, e->len, i);
		return EDIT_MOVED;
	default:
		return -1;
	}
}

int
textarea_key(struct textarea *t, struct edit *e, wint_t ch, int is_keycode,
    int telex, int rows)
{
	size_t from;
	int r;

	if (!is_keycode && ch == CTRL('A'))
		return textarea_key(t, e, KEY_HOME, 1, telex, rows);
	if (!is_keycode && ch == CTRL('E'))
		return textarea_key(t, e, KEY_END, 1, telex, rows);
	textarea_wrap(t, e->buf, e->len, t->cols);
	if (is_keycode && (r = textarea_move(t, e, ch, rows)) >= 0) {
		if (ch != KEY_UP && ch != KEY_DOWN && ch != KEY_PPAGE &&
		    ch != KEY_NPAGE)
			t->goal = -1;
		return r;
	}
	t->goal = -1;
	if (!is_keycode && ch == CTRL('U')) {
		for (from = e->cursor; from > 0 && e->buf[from - 1] != '\n';
		    from--)
			;
		r = edit_delete(e, from, e->cursor);
	} else if (!is_keycode && ch == CTRL('K'))
		r = edit_delete(e, e->cursor, e->cursor +
		    strcspn(e->buf + e->cursor, "\n"));
	else if ((!is_keycode && (ch == '\r' || ch == '\n' ||
	    ch == CTRL('O'))) || (is_keycode && ch == KEY_ENTER))
		r = edit_newline(e);
	else
		r = edit_key(e, ch, is_keycode, telex);
	if (r == EDIT_CHANGED)
		textarea_wrap(t, e->buf, e->len, t->cols);
	return r;
}

void
textarea_scroll(struct textarea *t, size_t offset, int rows)
{
	size_t i = textarea_line(t, offset);

	if (rows < 1)
		rows = 1;
	t->rows = rows;
	if (t->top > i)
		t->top = i;
	if (i >= t->top + (size_t)rows)
		t->top = i - (size_t)rows + 1;
	/* No empty rows below the text while some of it is hidden above. */
	if (t->top > 0 && t->top + (size_t)rows > t->n)
		t->top = t->n > (size_t)rows ? t->n - (size_t)rows : 0;
}
