/*
 * test_ui_termkeys.c - the table of what terminals send: every sequence
 * in it is read whole by the scanner that drops unknown ones, means a key
 * the program uses, and is bound under every TERM once termkeys_define()
 * ran, with the terminfo entry's own binding left as it was.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <term.h>

#include "tap.h"
#include "ui/keys.h"
#include "ui/termkeys.h"
#include "ui/ui.h"

/*
 * Feeds s (the bytes after ESC) to termkeys_scan: the index of the byte
 * that ended the sequence, -1 if more was wanted, -2 - i if byte i was
 * not part of it.
 */
static int
scan(const char *s)
{
	enum termkeys_state st = TERMKEYS_START;
	int i;

	for (i = 0; s[i] != '\0'; i++)
		switch (termkeys_scan(&st, (unsigned char)s[i], 0)) {
		case TERMKEYS_END:
			return i;
		case TERMKEYS_NOT:
			return -2 - i;
		default:
			break;
		}
	return -1;
}

/* The sequence for a test name: ESC shown as "ESC". */
static const char *
shown(const char *seq)
{
	static char buf[32];

	snprintf(buf, sizeof buf, "ESC%s", seq + 1);
	return buf;
}

/* 1 if the key code does something in the program. */
static int
used(int code)
{
	size_t i;

	if (code >= KEY_F(1) && code <= KEY_F(10)) {
		for (i = 0; i < keys_count; i++)
			if (keys_table[i].fkey == code - KEY_F0)
				return 1;
		return 0;
	}
	/* Delete acts in the line editor, the rest in every list. */
	return code == KEY_DC ||
	    keys_lookup(screen_members.actions, 0, (wint_t)code, 1) != ACT_NONE;
}

static void
table(void)
{
	size_t i, j;
	int whole = 1, once = 1, all_used = 1;

	for (i = 0; i < termkeys_count; i++) {
		const char *s = termkeys_table[i].seq;

		if (s[0] != '\033' || scan(s + 1) != (int)strlen(s) - 2) {
			whole = 0;
			printf("# not read whole: %s\n", shown(s));
		}
		for (j = 0; j < i; j++)
			if (strcmp(termkeys_table[j].seq, s) == 0)
				once = 0;
		if (!used(termkeys_table[i].code)) {
			all_used = 0;
			printf("# means nothing here: %s\n", shown(s));
		}
	}
	tap_ok(whole, "the scanner reads each sequence of the table whole");
	tap_ok(once, "no sequence is listed twice");
	tap_ok(all_used, "every sequence is a key the program uses");
}

static void
unknown(void)
{
	static const char *const whole[] = {
		"[99~", "[1;5P", "[200~", "[[Z", "OZ", "[?1;2c", "O5P", "[2 q",
	};
	char name[64];
	size_t i;

	for (i = 0; i < sizeof whole / sizeof whole[0]; i++) {
		snprintf(name, sizeof name, "ESC%s is swallowed to its end",
		    whole[i]);
		tap_is_int(scan(whole[i]), (int)strlen(whole[i]) - 1, name);
	}
	tap_is_int(scan("q"), -2, "ESC q is Esc, then q");
	tap_is_int(scan("\033[A"), -2, "ESC ESC is Esc, then what follows");
	tap_is_int(scan("1"), -2, "ESC 1 is Esc, then 1");
	tap_is_int(scan("[1\033"), -4, "a sequence ends at an ESC inside it");
	tap_is_int(scan("[1\001"), -4, "and at a control character");
	tap_is_int(scan("[1;5"), -1, "a sequence cut short wants more");
	{
		enum termkeys_state st = TERMKEYS_START;

		tap_is_int(termkeys_scan(&st, KEY_UP, 1), TERMKEYS_NOT,
		    "a key curses knew is not part of a sequence");
	}
	tap_is_int(termkeys_code(KEY_FIND), KEY_HOME, "Find is Home");
	tap_is_int(termkeys_code(KEY_SELECT), KEY_END, "Select is End");
	tap_is_int(termkeys_code(KEY_F(2)), KEY_F(2), "F2 stays F2");
}

/*
 * Under each TERM, with its real terminfo entry: after termkeys_define()
 * every sequence of the table gives its key; what the entry lacked is
 * shown as a diagnostic.
 */
static void
terminals(void)
{
	static const char *const terms[] = {
		"xterm", "screen", "tmux-256color", "screen-256color", "linux",
		"vt100", "vt220", "rxvt",
	};
	size_t t, i;

	for (t = 0; t < sizeof terms / sizeof terms[0]; t++) {
		FILE *out = fopen("/dev/null", "w");
		FILE *in = fopen("/dev/null", "r");
		SCREEN *sp;
		char lacked[512] = "";
		int bound = 1, kept = 1, entry;

		if (out == NULL || in == NULL ||
		    (sp = newterm(terms[t], out, in)) == NULL) {
			tap_ok(1, "TERM=%s # SKIP no terminfo entry", terms[t]);
			if (out != NULL)
				fclose(out);
			if (in != NULL)
				fclose(in);
			continue;
		}
		keypad(stdscr, TRUE);
		for (i = 0; i < termkeys_count; i++)
			if (key_defined(termkeys_table[i].seq) == 0 &&
			    strlen(lacked) + 10 < sizeof lacked) {
				strcat(lacked, " ");
				strcat(lacked, shown(termkeys_table[i].seq));
			}
		termkeys_define();
		for (i = 0; i < termkeys_count; i++) {
			entry = key_defined(termkeys_table[i].seq);
			if (entry <= 0 || termkeys_code(entry) !=
			    termkeys_table[i].code) {
				bound = 0;
				printf("# TERM=%s: %s is %d\n", terms[t],
				    shown(termkeys_table[i].seq), entry);
			}
		}
		/* The entry's own word wins: vt220 calls ESC[1~ Find. */
		if (strcmp(terms[t], "vt220") == 0)
			kept = key_defined("\033[1~") == KEY_FIND;
		printf("# TERM=%s lacked:%s\n", terms[t],
		    *lacked != '\0' ? lacked : " -");
		tap_ok(bound && kept, "TERM=%s: every sequence gives its key",
		    terms[t]);
		endwin();
		delscreen(sp);
		fclose(out);
		fclose(in);
	}
}

int
main(void)
{
	table();
	unknown();
	terminals();
	return tap_done();
}
