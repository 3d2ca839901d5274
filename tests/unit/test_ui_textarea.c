/*
 * test_ui_textarea.c - the text area's buffer, wrapping and cursor, with
 * no terminal: line breaks, Vietnamese wrapped at 20 columns, Up/Down
 * keeping the column, Backspace joining lines, combining marks and wide
 * characters kept whole, Telex, and a long essay staying fast.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tap.h"
#include "text/text.h"
#include "ui/edit.h"
#include "ui/textarea_buf.h"
#include "xmalloc.h"

static void
type(struct textarea *t, struct edit *e, const char *s, int telex)
{
	uint32_t cp;

	while (*s != '\0') {
		s += text_utf8_decode(s, strlen(s), &cp);
		textarea_key(t, e, (wint_t)cp, 0, telex, 4);
	}
}

static int
key(struct textarea *t, struct edit *e, int code)
{
	return textarea_key(t, e, (wint_t)code, 1, 0, 4);
}

/* Presses code and checks where the cursor went. */
static void
cursor_after(struct textarea *t, struct edit *e, int code, size_t want,
    const char *name)
{
	key(t, e, code);
	tap_is_int((int)e->cursor, (int)want, name);
}

/* Shown line i of e as a new string. */
static char *
line(const struct textarea *t, const struct edit *e, size_t i)
{
	return xstrndup(e->buf + t->starts[i],
	    textarea_line_end(t, e->buf, e->len, i) - t->starts[i]);
}

static void
is_line(const struct textarea *t, const struct edit *e, size_t i,
    const char *want, const char *name)
{
	char *got = i < t->n ? line(t, e, i) : xstrdup("(no such line)");

	tap_is_str(got, want, name);
	free(got);
}

static void
test_breaks(void)
{
	struct textarea t;
	struct edit e;

	edit_init(&e, NULL, 1000);
	textarea_init(&t, 20);
	type(&t, &e, "Dòng một", 0);
	textarea_key(&t, &e, '\r', 0, 0, 4);
	type(&t, &e, "Dòng hai", 0);
	textarea_key(&t, &e, 0x0f, 0, 0, 4);	/* Ctrl-O, as before */
	type(&t, &e, "Dòng ba", 0);
	tap_is_str(e.buf, "Dòng một\nDòng hai\nDòng ba",
	    "Enter and Ctrl-O put '\\n' in the one string stored");
	tap_is_int((int)t.n, 3, "three lines shown");
	is_line(&t, &e, 1, "Dòng hai", "the second line without its break");

	/* Up keeps the column, through a shorter line. */
	edit_set(&e, "abcdefgh\nab\nabcdefgh");
	e.cursor = 5;
	cursor_after(&t, &e, KEY_DOWN, 11,
	    "Down to a shorter line stops at its end");
	cursor_after(&t, &e, KEY_DOWN, 17, "the next Down goes back to column 5");
	key(&t, &e, KEY_UP);
	cursor_after(&t, &e, KEY_UP, 5, "and Up twice to where it was");
	tap_is_int(key(&t, &e, KEY_UP), EDIT_IGNORED,
	    "Up on the first line is left to the form (previous field)");
	key(&t, &e, KEY_NPAGE);
	tap_is_int(key(&t, &e, KEY_DOWN), EDIT_IGNORED,
	    "Down on the last line is left to the form (next field)");

	/* Backspace and Delete across a line break. */
	edit_set(&e, "abc\ndef");
	e.cursor = 4;
	key(&t, &e, KEY_BACKSPACE);
	tap_is_str(e.buf, "abcdef", "Backspace at a line start joins the lines");
	tap_is_int((int)e.cursor, 3, "the cursor stays at the join");
	textarea_key(&t, &e, '\r', 0, 0, 4);
	key(&t, &e, KEY_LEFT);
	key(&t, &e, KEY_DC);
	tap_is_str(e.buf, "abcdef", "Delete at a line end joins them too");

	/* Ctrl-K and Ctrl-U stop at the paragraph, not the whole essay. */
	edit_set(&e, "một\nhai ba\nbốn");
	e.cursor = strlen("một\nhai");
	textarea_key(&t, &e, 0x0b, 0, 0, 4);
	tap_is_str(e.buf, "một\nhai\nbốn", "Ctrl-K deletes to the end of the paragraph");
	textarea_key(&t, &e, 0x15, 0, 0, 4);
	tap_is_str(e.buf, "một\n\nbốn", "Ctrl-U to its start");

	edit_set(&e, NULL);
	type(&t, &e, "Ban chaasp hanhf", 1);
	textarea_key(&t, &e, '\r', 0, 1, 4);
	type(&t, &e, "Nghij quyeets", 1);
	tap_is_str(e.buf, "Ban chấp hành\nNghị quyết",
	    "Telex works on every line of the area");

	textarea_free(&t);
	edit_free(&e);
}

static void
test_wrap(void)
{
	struct textarea t;
	struct edit e;
	size_t i;
	int widest = 0;

	edit_init(&e, "Nghị quyết Trung ương 4 khóa XII về tăng cường xây "
	    "dựng, chỉnh đốn Đảng", 1000);
	textarea_init(&t, 20);
	textarea_wrap(&t, e.buf, e.len, 20);
	is_line(&t, &e, 0, "Nghị quyết Trung ", "wraps after the last word "
	    "that fits 20 columns (the space stays at the end)");
	is_line(&t, &e, 1, "ương 4 khóa XII về ", "accents take no column");
	is_line(&t, &e, 2, "tăng cường xây dựng, ",
	    "a line of exactly 20 columns keeps its space hanging");
	is_line(&t, &e, 3, "chỉnh đốn Đảng", "the last line");
	tap_is_int((int)t.n, 4, "four lines");
	for (i = 0; i < t.n; i++) {
		char *s = line(&t, &e, i);
		int w = text_width(s) - (s[strlen(s) - 1] == ' ');

		widest = w > widest ? w : widest;
		free(s);
	}
	tap_ok(widest <= 20, "no line is wider than 20 columns (%d)", widest);

	/* Home and End on a soft-wrapped line. */
	e.cursor = t.starts[1] + 3;
	key(&t, &e, KEY_END);
	tap_is_int((int)e.cursor, (int)t.starts[2] - 1,
	    "End stops before the next shown line");
	tap_is_int((int)textarea_line(&t, e.cursor), 1, "on the same line");
	key(&t, &e, KEY_HOME);
	tap_is_int((int)e.cursor, (int)t.starts[1], "Home goes to its start");

	/* A word longer than the line is cut between characters. */
	edit_set(&e, "Chủ-nghĩa-Mác-Lênin-tư-tưởng-Hồ-Chí-Minh");
	textarea_wrap(&t, e.buf, e.len, 20);
	is_line(&t, &e, 0, "Chủ-nghĩa-Mác-Lênin-", "a long word is cut at 20");
	is_line(&t, &e, 1, "tư-tưởng-Hồ-Chí-Minh", "and goes on below");

	/* Wide characters take two columns each. */
	edit_set(&e, "漢字漢字漢字漢字漢字漢");
	textarea_wrap(&t, e.buf, e.len, 20);
	tap_is_int((int)t.starts[1], 30, "ten wide characters fill 20 columns");

	textarea_free(&t);
	edit_free(&e);
}

static void
test_marks(void)
{
	struct textarea t;
	struct edit e;
	char *s = xstrdup("");
	char *more;
	int i;

	/* 25 letters "ệ" typed as e + dot below + circumflex (5 bytes). */
	for (i = 0; i < 25; i++) {
		more = xasprintf("%se\xcc\xa3\xcc\x82", s);
		free(s);
		s = more;
	}
	edit_init(&e, s, 1000);
	textarea_init(&t, 20);
	textarea_wrap(&t, e.buf, e.len, 20);
	tap_is_int((int)t.starts[1], 100,
	    "a decomposed letter and its marks stay on one line");
	e.cursor = 0;
	cursor_after(&t, &e, KEY_RIGHT, 5,
	    "Right steps over the letter and its marks");
	cursor_after(&t, &e, KEY_DOWN, 105, "Down lands after a whole letter");
	key(&t, &e, KEY_BACKSPACE);
	tap_is_int((int)e.len, 120, "Backspace removes the letter with its marks");
	free(s);
	textarea_free(&t);
	edit_free(&e);
}

/* 1 if t holds the lines a fresh wrap of e at cols gives. */
static int
same_as_fresh(const struct textarea *t, const struct edit *e, int cols)
{
	struct textarea fresh;
	int same;

	textarea_init(&fresh, cols);
	textarea_wrap(&fresh, e->buf, e->len, cols);
	same = fresh.n == t->n &&
	    memcmp(fresh.starts, t->starts, t->n * sizeof *t->starts) == 0;
	textarea_free(&fresh);
	return same;
}

/*
 * Rewrapping only from the change on must give the lines a whole wrap
 * gives: random edits anywhere (letters, spaces, breaks, marks, Telex).
 */
static void
test_incremental(void)
{
	static const char *const pieces[] = {
		"a", " ", "  ", "\n", "ệ", "\xcc\x83", "Nghị", "quyết ", "漢",
		"dd", "s", "w", "aa", "x",
	};
	struct textarea t;
	struct edit e;
	unsigned seed = 12345;
	uint32_t cp;
	const char *p;
	int i, bad = -1;

	edit_init(&e, "Đảng viên học tập nghị quyết nghiêm túc", 4000);
	textarea_init(&t, 13);
	textarea_wrap(&t, e.buf, e.len, 13);
	for (i = 0; i < 2000 && bad < 0; i++) {
		seed = seed * 1103515245 + 12345;
		e.cursor = e.len > 0 ? (seed >> 8) % (e.len + 1) : 0;
		while (e.cursor > 0 && !text_utf8_valid(e.buf, e.cursor))
			e.cursor--;
		if ((seed >> 4) % 5 == 0)
			key(&t, &e, KEY_BACKSPACE);
		else
			for (p = pieces[(seed >> 12) % 14]; *p != '\0';) {
				p += text_utf8_decode(p, strlen(p), &cp);
				textarea_key(&t, &e, cp == '\n' ? '\r' : (wint_t)cp,
				    0, (seed >> 20) & 1, 4);
			}
		if (!same_as_fresh(&t, &e, 13))
			bad = i;
	}
	tap_ok(bad < 0, "after 2000 random edits the lines are those of a "
	    "whole wrap (first difference at edit %d)", bad);
	textarea_free(&t);
	edit_free(&e);
}

static void
test_long(void)
{
	struct textarea t;
	struct edit e;
	char *s = xstrdup(""), *more;
	clock_t start;
	double secs;
	int i;

	/* Over 10,000 characters of Vietnamese, a paragraph every ~900 bytes. */
	while (strlen(s) < 13500) {
		more = xasprintf("%sĐảng viên học tập nghị quyết nghiêm túc%s",
		    s, strlen(s) % 900 < 50 ? ".\n" : ", ");
		free(s);
		s = more;
	}
	edit_init(&e, s, 32000);
	textarea_init(&t, 50);
	start = clock();
	e.cursor = e.len / 2;
	for (i = 0; i < 100; i++) {
		textarea_key(&t, &e, 'a' + i % 26, 0, 0, 4);
		key(&t, &e, KEY_DOWN);
		key(&t, &e, KEY_UP);
	}
	secs = (double)(clock() - start) / CLOCKS_PER_SEC;
	/* 10 ms a key is still instant to the clerk, even under ASan. */
	tap_ok(secs < 3.0, "300 keys in a %zu-byte text take %.3f s", e.len,
	    secs);
	tap_ok(t.n > 200, "it shows as %zu lines of 50 columns", t.n);
	free(s);
	textarea_free(&t);
	edit_free(&e);
}

int
main(void)
{
	test_breaks();
	test_wrap();
	test_marks();
	test_incremental();
	test_long();
	return tap_done();
}
