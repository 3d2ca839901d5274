/*
 * ui.h - the terminal interface framework that every screen is built on.
 *
 * The screen is a stack: Enter opens a screen on top, Esc closes it. Each
 * screen is one file in screens/ exporting one const struct screen_ops.
 * A screen's key handler gets an action from the key table (keys.h) and
 * returns UI_* flags; only the main loop draws the whole screen (on
 * UI_REDRAW), a list may repaint the two rows a cursor move touched.
 *
 * Layout at 80x24 or more: line 0 title, lines 1..LINES-3 the screen's own
 * window (ui->body), LINES-2 the message line, LINES-1 the F-key bar.
 */
#ifndef QT_UI_H
#define QT_UI_H

#include <curses.h>
#include <stdint.h>

#include "ui/keys.h"

struct db;
struct draft;

/* What a key handler asks of the loop. */
#define UI_HANDLED	0x01
#define UI_REDRAW	0x02	/* draw the whole screen again */
#define UI_BACK		0x04	/* close this screen */
#define UI_QUIT		0x08	/* leave the program */
#define UI_OPEN		0x10	/* open the screen given to ui_open() */
#define UI_DIRTY	0x20	/* a form changed: its draft is due */
#define UI_BUSY		0x40	/* work goes on without keys: tick() soon */

/* The smallest terminal the screens are laid out for. */
#define UI_MIN_COLS	80
#define UI_MIN_LINES	24
/* The longest a key waits while a screen is busy (keys stay instant). */
#define UI_BUSY_MS	25

/* What a screen is opened with: ids whose meaning is the screen's. */
struct ui_arg {
	int64_t	id;
	int64_t	id2;
};

struct ui_stack;

struct ui {
	struct db	*db;
	int64_t		 home_unit;	/* the clerk's unit (setting home_unit_id) */
	char		 today[11];	/* ISO, from date_today() */
	char		*state_dir;	/* where drafts go */
	char		*database_id;	/* setting database_id; NULL: no drafts */
	char		*database_path;	/* the database file's real path */
	WINDOW		*body;		/* the top screen draws here */
	int		 rows, cols;	/* of body */
	int		 telex;		/* the program's own Telex is on */
	int		 cursor_y;	/* in body; -1: no cursor shown */
	int		 cursor_x;
	struct ui_stack	*stack;		/* private to ui.c */
};

struct screen_ops {
	const char	*name;		/* also names its draft file */
	const enum ui_action *actions;	/* offered; ACT_NONE-terminated */
	int		 text_input;	/* letters are typed, not commands */
	/*
	 * Builds the screen's data for arg (or from a draft being restored,
	 * else NULL). NULL if it cannot open (after ui_message()).
	 */
	void		*(*init)(struct ui *, struct ui_arg, const struct draft *);
	void		 (*free)(void *);
	/* The title line; a new string. */
	char		*(*title)(struct ui *, void *);
	/* Draws all of ui->body (already erased). */
	void		 (*draw)(struct ui *, void *);
	/* One key: the action it means here (or ACT_NONE) and the raw key. */
	int		 (*key)(struct ui *, void *, enum ui_action, wint_t ch,
			    int is_keycode);
	/* The screen is on top again after the one above closed: reload. */
	void		 (*reveal)(struct ui *, void *);
	/* Forms: what to keep if the session drops (NULL: nothing typed). */
	struct draft	*(*draft)(struct ui *, void *);
	/* Forms: the window changed size (the text must survive). */
	void		 (*resize)(struct ui *, void *);
	/*
	 * Work in progress (a sync): once a key handler returned UI_BUSY,
	 * the loop waits for keys at most UI_BUSY_MS and calls this between
	 * them, while the screen is anywhere on the stack, for as long as it
	 * returns UI_BUSY. UI_* flags; only the top screen's are applied.
	 */
	int		 (*tick)(struct ui *, void *);
	/*
	 * The actions offered now, when fewer than actions (a plan from
	 * above offers no edit): the bar and the keys follow it, the help
	 * screen still lists all. NULL: always actions.
	 */
	const enum ui_action *(*offered)(struct ui *, void *);
};

/* Every screen, for drafts and help (screens/). */
extern const struct screen_ops screen_home;
extern const struct screen_ops screen_help;
extern const struct screen_ops screen_members;
extern const struct screen_ops screen_member_form;
extern const struct screen_ops screen_plans;
extern const struct screen_ops screen_sessions;
extern const struct screen_ops screen_session_form;
extern const struct screen_ops screen_attendance;
extern const struct screen_ops screen_document_form;
extern const struct screen_ops screen_plan_item_form;
extern const struct screen_ops screen_plan_items;
extern const struct screen_ops screen_plan_item_view;
extern const struct screen_ops screen_actions;
extern const struct screen_ops screen_action_form;
extern const struct screen_ops screen_report_dues;
extern const struct screen_ops screen_changes;
extern const struct screen_ops screen_report_due_form;
extern const struct screen_ops screen_plan_import;
extern const struct screen_ops screen_essays;
extern const struct screen_ops screen_essay_form;
extern const struct screen_ops screen_tally;
extern const struct screen_ops screen_tally_form;
extern const struct screen_ops screen_completeness;
extern const struct screen_ops screen_sync;
extern const struct screen_ops screen_sync_issues;
extern const struct screen_ops screen_enroll_form;
extern const struct screen_ops screen_unit_match;
extern const struct screen_ops screen_history;

/* Runs the interface on db until the clerk quits; the exit status. */
int	 ui_run(struct db *db);
/* Asks the loop to open ops with arg after this key; returns UI_OPEN. */
int	 ui_open(struct ui *ui, const struct screen_ops *ops, struct ui_arg arg);
/* Shows a message on the message line until the next key. */
void	 ui_message(struct ui *ui, int error, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Asks a yes/no question on the message line: 1 for c/y/Enter, else 0. */
int	 ui_confirm(struct ui *ui, const char *question);
/* Asks for a line of text on the message line; NULL if cancelled. */
char	*ui_prompt(struct ui *ui, const char *label, const char *initial);
/* The screen on top of the stack (for help: the one it was opened from). */
const struct screen_ops *ui_current(struct ui *ui);
/*
 * Deletes the draft of a screen for record (see draft.h) in this database:
 * the form was saved or cancelled.
 */
void	 ui_draft_done(struct ui *ui, const struct screen_ops *ops,
	    const char *record);
/*
 * What the clerk last did in this database, kept across sessions (e.g.
 * the unit last worked on); 0 if nothing was remembered under key.
 */
int64_t	 ui_recall(struct ui *ui, const char *key);
void	 ui_remember(struct ui *ui, const char *key, int64_t value);
/* The draft of a screen for record left in this database, or NULL; free it. */
struct draft *ui_draft_find(struct ui *ui, const struct screen_ops *ops,
	    const char *record);

#endif
