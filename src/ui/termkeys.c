/*
 * termkeys.c - the table of what terminals send, taught to ncurses, and
 * the reader that swallows the escape sequences nobody taught it.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <term.h>

#include "ui/termkeys.h"

/* How long a byte of a sequence already begun may take to arrive. */
#define TERMKEYS_REST_MS	100
/* Longer than any real sequence: past it, the rest is read as keys. */
#define TERMKEYS_MAX		32

#define SS3_XTERM	"xterm, vt100, vt220, tmux, screen"
#define CSI_TILDE	"PuTTY, console Linux, tmux, screen, vt220, xterm"
#define CSI_HOME_END	"PuTTY, console Linux, tmux, screen, vt220"

const struct termkeys_seq termkeys_table[] = {
	{ "\033OP", KEY_F(1), SS3_XTERM },
	{ "\033[11~", KEY_F(1), "PuTTY (mặc định), rxvt" },
	{ "\033[[A", KEY_F(1), "console Linux" },
	{ "\033OQ", KEY_F(2), SS3_XTERM },
	{ "\033[12~", KEY_F(2), "PuTTY (mặc định), rxvt" },
	{ "\033[[B", KEY_F(2), "console Linux" },
	{ "\033OR", KEY_F(3), SS3_XTERM },
	{ "\033[13~", KEY_F(3), "PuTTY (mặc định), rxvt" },
	{ "\033[[C", KEY_F(3), "console Linux" },
	{ "\033OS", KEY_F(4), SS3_XTERM },
	{ "\033[14~", KEY_F(4), "PuTTY (mặc định), rxvt" },
	{ "\033[[D", KEY_F(4), "console Linux" },
	{ "\033[15~", KEY_F(5), "PuTTY, xterm, tmux, screen, rxvt" },
	{ "\033[[E", KEY_F(5), "console Linux" },
	{ "\033[17~", KEY_F(6), CSI_TILDE },
	{ "\033[18~", KEY_F(7), CSI_TILDE },
	{ "\033[19~", KEY_F(8), CSI_TILDE },
	{ "\033[20~", KEY_F(9), CSI_TILDE },
	{ "\033[21~", KEY_F(10), CSI_TILDE },
	{ "\033[1~", KEY_HOME, CSI_HOME_END " (Find)" },
	{ "\033[H", KEY_HOME, "xterm" },
	{ "\033OH", KEY_HOME, "xterm (chế độ ứng dụng)" },
	{ "\033[7~", KEY_HOME, "rxvt" },
	{ "\033[4~", KEY_END, CSI_HOME_END " (Select)" },
	{ "\033[F", KEY_END, "xterm" },
	{ "\033OF", KEY_END, "xterm (chế độ ứng dụng)" },
	{ "\033[8~", KEY_END, "rxvt" },
	{ "\033[5~", KEY_PPAGE, "mọi loại từ vt220" },
	{ "\033[6~", KEY_NPAGE, "mọi loại từ vt220" },
	{ "\033[3~", KEY_DC, "mọi loại từ vt220" },
	{ "\033[A", KEY_UP, "mọi loại" },
	{ "\033OA", KEY_UP, "mọi loại (chế độ ứng dụng)" },
	{ "\033[B", KEY_DOWN, "mọi loại" },
	{ "\033OB", KEY_DOWN, "mọi loại (chế độ ứng dụng)" },
	{ "\033[C", KEY_RIGHT, "mọi loại" },
	{ "\033OC", KEY_RIGHT, "mọi loại (chế độ ứng dụng)" },
	{ "\033[D", KEY_LEFT, "mọi loại" },
	{ "\033OD", KEY_LEFT, "mọi loại (chế độ ứng dụng)" },
	{ "\033[Z", KEY_BTAB, "PuTTY, xterm, tmux, screen" },
	{ "\033OM", KEY_ENTER, "vt100, xterm (Enter bàn phím số)" },
};
const size_t termkeys_count = sizeof termkeys_table / sizeof termkeys_table[0];

int
termkeys_define(void)
{
	size_t i;
	int added = 0;

	for (i = 0; i < termkeys_count; i++) {
		const struct termkeys_seq *k = &termkeys_table[i];

		if (key_defined(k->seq) == 0 &&
		    define_key(k->seq, k->code) == OK)
			added++;
	}
	return added;
}

void
termkeys_keypad(WINDOW *w)
{
	const char *smkx = tigetstr("smkx");

	keypad(w, TRUE);
	if (smkx != NULL && smkx != (const char *)-1 &&
	    strstr(smkx, "\033=") != NULL) {
		putp("\033>");
		fflush(stdout);	/* keypad() has sent smkx already */
	}
}

/*
 * Keys terminfo names beyond the standard set: the same key with Shift,
 * Alt or Ctrl, as kUP5 (Ctrl-Up), or a second spelling, as kcbt2 (the
 * Linux entry's Shift-Tab ESC[Z); the rxvt entry calls ESC OA kUP6.
 */
static const struct {
	const char	*prefix;
	int		 code;
} termkeys_modified[] = {
	{ "kUP", KEY_UP }, { "kDN", KEY_DOWN }, { "kLFT", KEY_LEFT },
	{ "kRIT", KEY_RIGHT }, { "kHOM", KEY_HOME }, { "kEND", KEY_END },
	{ "kPRV", KEY_PPAGE }, { "kNXT", KEY_NPAGE }, { "kDC", KEY_DC },
	{ "kcbt", KEY_BTAB },
};

int
termkeys_code(int code)
{
	const char *name, *p;
	size_t i, n;

	/* A VT220 has Find and Select where a PC keyboard has Home and End. */
	if (code == KEY_FIND)
		return KEY_HOME;
	if (code == KEY_SELECT)
		return KEY_END;
	if (code <= KEY_MAX || (name = keyname(code)) == NULL)
		return code;
	for (i = 0; i < sizeof termkeys_modified / sizeof termkeys_modified[0];
	    i++) {
		n = strlen(termkeys_modified[i].prefix);
		if (strncmp(name, termkeys_modified[i].prefix, n) != 0)
			continue;
		for (p = name + n; *p >= '0' && *p <= '9'; p++)
			;
		if (*p == '\0')
			return termkeys_modified[i].code;
	}
	return code;
}

int
termkeys_scan(enum termkeys_state *state, wint_t ch, int is_keycode)
{
	int param = ch >= 0x30 && ch <= 0x3f;
	int inter = ch >= 0x20 && ch <= 0x2f;
	int final = ch >= 0x40 && ch <= 0x7e;

	if (is_keycode)
		return TERMKEYS_NOT;
	switch (*state) {
	case TERMKEYS_START:
		if (ch != '[' && ch != 'O')
			return TERMKEYS_NOT;
		*state = ch == '[' ? TERMKEYS_CSI_FIRST : TERMKEYS_SS3;
		return TERMKEYS_MORE;
	case TERMKEYS_CSI_FIRST:
		if (ch == '[') {
			*state = TERMKEYS_LINUX;
			return TERMKEYS_MORE;
		}
		/* FALLTHROUGH */
	case TERMKEYS_CSI:
		*state = TERMKEYS_CSI;
		if (param || inter)
			return TERMKEYS_MORE;
		return final ? TERMKEYS_END : TERMKEYS_NOT;
	case TERMKEYS_LINUX:
		return final ? TERMKEYS_END : TERMKEYS_NOT;
	case TERMKEYS_SS3:
		if (param)
			return TERMKEYS_MORE;
		return final ? TERMKEYS_END : TERMKEYS_NOT;
	}
	return TERMKEYS_NOT;
}

int
termkeys_swallow(WINDOW *w)
{
	enum termkeys_state state = TERMKEYS_START;
	wint_t ch;
	int n, rc;

	for (n = 0; n < TERMKEYS_MAX; n++) {
		wtimeout(w, n == 0 ? 0 : TERMKEYS_REST_MS);
		if ((rc = wget_wch(w, &ch)) == ERR)
			return n > 0;	/* a lone Esc, or a cut sequence */
		switch (termkeys_scan(&state, ch, rc == KEY_CODE_YES)) {
		case TERMKEYS_END:
			return 1;
		case TERMKEYS_NOT:
			if (rc == KEY_CODE_YES)
				ungetch((int)ch);
			else
				unget_wch((wchar_t)ch);
			return n > 0;
		default:
			break;
		}
	}
	return 1;
}
