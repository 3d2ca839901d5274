/*
 * test_ui_edit.c - the line editor: characters, combining marks, Telex.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>

#include "tap.h"
#include "ui/edit.h"

static void
type(struct edit *e, const char *ascii, int telex)
{
	for (; *ascii != '\0'; ascii++)
		edit_key(e, (wint_t)(unsigned char)*ascii, 0, telex);
}

int
main(void)
{
	struct edit e;

	edit_init(&e, NULL, 100);
	edit_key(&e, 0x1ec7, 0, 0);	/* ệ from an input method */
	type(&e, "n", 0);
	tap_is_str(e.buf, "ện", "wide characters from get_wch are stored as UTF-8");
	edit_key(&e, KEY_LEFT, 1, 0);
	edit_key(&e, KEY_LEFT, 1, 0);
	tap_is_int(e.cursor, 0, "Left moves by characters, not bytes");
	edit_key(&e, KEY_DC, 1, 0);
	tap_is_str(e.buf, "n", "Delete removes a whole character");

	/* "e" + combining dot below + combining circumflex: one character. */
	edit_set(&e, "xe\xcc\xa3\xcc\x82m");
	edit_key(&e, KEY_HOME, 1, 0);
	edit_key(&e, KEY_RIGHT, 1, 0);
	edit_key(&e, KEY_RIGHT, 1, 0);
	tap_is_int(e.cursor, 6, "a letter and its combining marks are one step");
	edit_key(&e, KEY_BACKSPACE, 1, 0);
	tap_is_str(e.buf, "xm", "Backspace removes the marks with their letter");

	edit_set(&e, "");
	type(&e, "Nguyeenx Vaw", 1);
	tap_is_str(e.buf, "Nguyễn Vă", "Telex composes as the clerk types");
	edit_set(&e, "");
	type(&e, "Nguyeenx", 0);
	tap_is_str(e.buf, "Nguyeenx", "without Telex letters are literal");

	edit_key(&e, 0x1b, 0, 0);
	edit_key(&e, 0x9b, 0, 0);
	tap_is_str(e.buf, "Nguyeenx", "control characters are never inserted");
	edit_key(&e, 'U' & 0x1f, 0, 0);
	tap_is_str(e.buf, "", "Ctrl-U clears before the cursor");

	edit_free(&e);
	edit_init(&e, "abcd", 4);
	type(&e, "e", 0);
	tap_is_str(e.buf, "abcd", "the field refuses text beyond its length");
	edit_set(&e, "ab\xe1\xbb\x87");	/* cut inside ệ */
	tap_is_str(e.buf, "ab", "a cut never keeps half a character");
	edit_free(&e);
	return tap_done();
}
