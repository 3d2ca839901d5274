/*
 * termkeys.h - what terminals send for the keys quantriet uses, whatever
 * their terminfo entry says, and how an escape sequence we do not know
 * is swallowed instead of being read as Esc plus letters.
 *
 * Clerks reach the program through PuTTY (TERM=xterm, but F1-F4 send
 * ESC [11~ .. ESC [14~ and Home ESC [1~), tmux and screen, the Linux
 * console (F1-F5 ESC [[A .. ESC [[E), xterm, rxvt and old vt100/vt220
 * set-ups (no PgUp, PgDn or F9 in the terminfo entry at all). One table
 * lists them; termkeys_define() teaches ncurses the ones the entry of
 * $TERM lacks, so every key does what its name says under every TERM.
 */
#ifndef QT_UI_TERMKEYS_H
#define QT_UI_TERMKEYS_H

#include <curses.h>
#include <stddef.h>
#include <wchar.h>

struct termkeys_seq {
	const char	*seq;	/* the bytes, from ESC on */
	int		 code;	/* the curses KEY_* it stands for */
	const char	*from;	/* who sends it, for docs/keys.md */
};

/* The table, grouped by key. */
extern const struct termkeys_seq termkeys_table[];
extern const size_t termkeys_count;

/*
 * Binds with define_key() each sequence of the table that the terminfo
 * entry does not already map (key_defined() == 0): the entry wins where
 * it says something. Call after initscr() and keypad(). Returns how many
 * were added.
 */
int	 termkeys_define(void);

/*
 * keypad(w, TRUE), with the numeric keypad left typing digits: the
 * terminfo string that turns on the cursor keys (smkx) also puts the
 * keypad in application mode, where PuTTY and xterm send ESC O p..y for
 * its digits, which no entry names as digits. Clerks type dates and
 * counts there, so DECKPNM (ESC >) follows wherever smkx sent ESC =.
 */
void	 termkeys_keypad(WINDOW *w);

/*
 * The key a terminal's own name for it stands for: vt220 and rxvt
 * entries call the Home and End keys' ESC [1~ and ESC [4~ Find and
 * Select; an arrow, Home, End, PgUp, PgDn or Delete with Shift, Alt or
 * Ctrl (terminfo's kUP5 and the like) is that key. Any other code is
 * returned as it is.
 */
int	 termkeys_code(int code);

/* Where termkeys_scan() stands in the bytes after ESC. */
enum termkeys_state {
	TERMKEYS_START,		/* ESC read */
	TERMKEYS_CSI_FIRST,	/* ESC [ read */
	TERMKEYS_CSI,		/* in the parameters or intermediates */
	TERMKEYS_LINUX,		/* ESC [ [: one more byte (Linux F1-F5) */
	TERMKEYS_SS3		/* ESC O: one final byte */
};

/* What termkeys_scan() says of a character. */
#define TERMKEYS_MORE	0	/* part of the sequence, more to come */
#define TERMKEYS_END	1	/* the last byte of the sequence */
#define TERMKEYS_NOT	2	/* not part of it: give it back */

/*
 * One step of reading an escape sequence (ECMA-48): after ESC, a CSI is
 * "[" then parameter bytes 0x30-0x3F and intermediate bytes 0x20-0x2F up
 * to a final byte 0x40-0x7E; an SS3 is "O" then one final byte (parameter
 * bytes allowed before it). ESC followed by anything else is not a
 * sequence: that is Esc then a key, typed quickly or bunched by a slow
 * link, and both keys count. Pure, for the unit test.
 */
int	 termkeys_scan(enum termkeys_state *state, wint_t ch, int is_keycode);

/*
 * Called when wget_wch on w gave a bare ESC: reads what follows without
 * waiting for new input (ncurses already waited ESCDELAY) and, if it is
 * the rest of a sequence, swallows it whole, waiting a little for bytes
 * a slow link delivers late. Returns 1 if a sequence was swallowed (the
 * ESC means nothing), 0 for a lone Esc; a key that is not part of a
 * sequence is given back to be read next. Leaves w's timeout changed.
 */
int	 termkeys_swallow(WINDOW *w);

#endif
