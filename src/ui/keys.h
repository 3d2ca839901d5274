/*
 * keys.h - the one table of keys: every action, its F-key, the plain
 * letter or digit that does the same on a terminal without F-keys, and
 * the words the bottom bar and the help screen show for it.
 *
 * Screens never look at raw keys for their commands: they list the
 * actions they offer and receive actions. The bar and the help screen are
 * generated from the same table, so they cannot disagree with the keys.
 */
#ifndef QT_UI_KEYS_H
#define QT_UI_KEYS_H

#include <stddef.h>
#include <wchar.h>

enum ui_action {
	ACT_NONE = 0,
	/* Movement: offered by every screen, never in the bar. */
	ACT_UP,
	ACT_DOWN,
	ACT_PGUP,
	ACT_PGDN,
	ACT_FIRST,
	ACT_LAST,
	ACT_LEFT,
	ACT_RIGHT,
	ACT_OPEN,
	ACT_BACK,
	/* Commands: a screen lists the ones it offers. */
	ACT_HELP,
	ACT_SAVE,
	ACT_SEARCH,
	ACT_NEW,
	ACT_EDIT,
	ACT_MOVE,
	ACT_MEMBERS,
	ACT_PLANS,
	ACT_PRESENT,
	ACT_ABSENT,
	ACT_SELF_STUDY,
	ACT_UNMARK,
	ACT_MAKEUP,
	ACT_ITEM,
	ACT_DELETE,
	ACT_ALL_PRESENT,
	ACT_REFS,
	ACT_IMPORT,
	ACT_ACTIONS,
	ACT_REPORTS,
	/* Essays and tally reports (UI-2). */
	ACT_ESSAYS,
	ACT_TALLY,
	ACT_FILTER,
	ACT_PLAN,
	ACT_ROUND,
	ACT_FINAL,
	ACT_REOPEN,
	/* Reports going up (screens/completeness.c). */
	ACT_COMPLETENESS,
	ACT_ACCEPT,
	ACT_RETURN,
	ACT_PRINT,
	ACT_NEWLINE,
	/* Sync with the province. */
	ACT_SYNC,
	ACT_CANCEL,
	ACT_REJECTED,
	ACT_CONFLICTS,
	ACT_ENROLL,
	ACT_MATCH,
	ACT_RESEND,
	ACT_TELEX,
	ACT_HISTORY,
	/* What the plans from above changed (screens/changes.c). */
	ACT_CHANGES,
	ACT_QUIT,
	ACT_COUNT
};

struct key_binding {
	enum ui_action	 action;
	int		 fkey;		/* 1..10 for F1..F10, 0 for none */
	int		 keycodes[3];	/* curses KEY_* or control codes, 0-ended */
	const char	*plain;		/* letters/digits that do the same in lists */
	int		 ctrl;		/* 'S' for Ctrl-S (works in forms too), 0 */
	const char	*label;		/* the bar: a word or two */
	const char	*help;		/* the help screen: one sentence */
};

/* The table itself, in the order the help screen lists it. */
extern const struct key_binding keys_table[];
extern const size_t keys_count;

/*
 * The action for a key, among those offered (ACT_NONE-terminated) plus
 * movement. is_keycode is 1 when ch came from get_wch as KEY_CODE_YES.
 * With text_input, plain letters are left to the line editor (F-keys,
 * control keys and Esc still act). ACT_NONE if the key means nothing here.
 */
enum ui_action	 keys_lookup(const enum ui_action *offered, int text_input,
		    wint_t ch, int is_keycode);
/* The binding of an action, or NULL. */
const struct key_binding *keys_binding(enum ui_action action);
/* 1 if the screen offers action (movement is always offered). */
int		 keys_offered(const enum ui_action *offered, enum ui_action a);
/*
 * "F4 t" style name of the keys of b for the help screen, into buf of size
 * len; text_input leaves out the plain letters.
 */
void		 keys_describe(const struct key_binding *b, int text_input,
		    char *buf, size_t len);

#endif
