/*
 * form.h - forms made of labelled fields, for the screens that edit rows.
 *
 * A form is drawn one field a line; Up/Down/Tab/Enter move between
 * fields, a text field is a line editor, a choice field changes with
 * Left/Right or Space, and a letter typed on it is refused with a
 * message (and a beep), never dropped silently. A text area takes several lines: Enter breaks the
 * line there, Up/Down move inside it, Tab/Shift-Tab (or Up on its first
 * line, Down on its last) move to another field. The screen checks the values on save and puts the
 * message on the field that is wrong (form_fail); nothing is stored
 * silently. All fields go into a draft and come back from one.
 */
#ifndef QT_UI_FORM_H
#define QT_UI_FORM_H

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "ui/edit.h"
#include "ui/keys.h"
#include "ui/textarea_buf.h"

struct ui;
struct draft;
struct screen_ops;

enum form_kind {
	FORM_TEXT,
	FORM_DATE,	/* typed as the clerk likes; checked with date_parse */
	FORM_CHOICE,
	FORM_HIDDEN,	/* an id the form was opened with: drafts only */
	FORM_TEXTAREA,	/* prose over several lines: Enter breaks the line */
};

struct form_field {
	enum form_kind	 kind;
	char		*key;
	char		*label;
	struct edit	 edit;		/* TEXT, DATE, HIDDEN, TEXTAREA */
	struct textarea	 area;		/* TEXTAREA */
	int		 rows;		/* TEXTAREA: lines shown */
	char		**values;	/* CHOICE */
	char		**labels;
	size_t		 nchoices;
	size_t		 choice;
};

struct form {
	struct form_field *fields;
	size_t		 n;
	size_t		 focus;
	char		*error;		/* shown under the fields */
	int		 changed;	/* typed into since opened or restored */
	const char	*history;	/* the record's table (form_history) */
	int64_t		 history_id;	/* and its id; 0: not saved yet */
};

void	 form_init(struct form *f);
/*
 * The record the form edits, whose history ACT_HISTORY shows (the
 * history screen); id 0 for a record not yet saved.
 */
void	 form_history(struct form *f, const char *table, int64_t id);
void	 form_free(struct form *f);
/* Adds fields; max is the longest text in bytes. */
void	 form_text(struct form *f, const char *key, const char *label,
	    const char *value, size_t max);
/*
 * A text area of at least rows lines (the focused one also takes the lines
 * the form leaves free); the value keeps its '\n' line breaks.
 */
void	 form_textarea(struct form *f, const char *key, const char *label,
	    const char *value, size_t max, int rows);
void	 form_date(struct form *f, const char *key, const char *label,
	    const char *iso);
void	 form_hidden(struct form *f, const char *key, int64_t value);
/* A choice among n values with labels; value selects the initial one. */
void	 form_choice(struct form *f, const char *key, const char *label,
	    const char *const *values, const char *const *labels, size_t n,
	    const char *value);
/* The same from store choices (code, name). */
struct store_choice;
void	 form_choice_list(struct form *f, const char *key, const char *label,
	    const struct store_choice *c, size_t n, const char *value);
/* The same with a first choice none_code meaning "none" ("(không)"). */
void	 form_choice_list_or(struct form *f, const char *key, const char *label,
	    const char *none_code, const char *none_name,
	    const struct store_choice *c, size_t n, const char *value);
/*
 * Sets the text of key, or chooses value among its choices (a value that
 * is not one of them changes nothing); no such field, nothing.
 */
void	 form_set(struct form *f, const char *key, const char *value);
/* The text (or the chosen value) of key; "" if there is no such field. */
const char *form_get(const struct form *f, const char *key);
int64_t	 form_get_int(const struct form *f, const char *key);
/*
 * Reads the date field key into iso (YYYY-MM-DD). On a bad date, puts
 * date_parse's message on the form, focuses the field and returns -1.
 */
int	 form_get_date(struct form *f, const char *key, char iso[11]);
/*
 * The last day a pair of fields gives into iso: the date field date_key
 * when filled, else the words of words_key as the plan writes them
 * (domain/deadline.h, docs/deadlines.md; the year of issued_on for words
 * without one), else "". A day before issued_on (ISO) is refused: no
 * deadline comes before its plan. 0, or -1 with the message on the form.
 */
int	 form_get_deadline(struct form *f, const char *date_key,
	    const char *words_key, const char *issued_on, char iso[11]);
/*
 * Moves the focus to the field key. A form starts on the first field one
 * types into (text, date, text area), so what is typed first is kept.
 */
void	 form_focus(struct form *f, const char *key);
/* Puts msg on the form and focuses the field key; returns -1. */
int	 form_fail(struct form *f, const char *key, const char *msg);
/*
 * Draws the form in ui->body and places the cursor; returns the first line
 * below the form and its error line, for the screen's own text.
 */
int	 form_draw(struct ui *ui, struct form *f, const char *heading);
/*
 * Handles a key the screen does not use itself (movement between fields,
 * editing, choices); returns UI_* flags (UI_DIRTY when the text changed).
 */
int	 form_key(struct ui *ui, struct form *f, enum ui_action act, wint_t ch,
	    int is_keycode);
/*
 * The keys every form screen handles alike, for its key callback: F2 or
 * Ctrl-S calls save(ui, data) and, when it returns 0, deletes the draft of
 * ops, shows saved and closes; F9 toggles Telex; Esc closes, asking first
 * if something was typed; any other key goes to form_key(). UI_* flags.
 */
int	 form_screen_key(struct ui *ui, struct form *f,
	    const struct screen_ops *ops, int (*save)(struct ui *, void *),
	    void *data, const char *saved, enum ui_action act, wint_t ch,
	    int is_keycode);
/* The draft of a form screen: NULL when nothing was typed. */
struct draft *form_screen_draft(const struct form *f,
	    const struct screen_ops *ops);
/* Every field of the form into a new draft for screen and its record. */
struct draft *form_to_draft(const struct form *f, const char *screen);
/* Sets the fields found in d. */
void	 form_from_draft(struct form *f, const struct draft *d);
/*
 * For a form screen's init, once its fields hold the record: the fields
 * from d when a draft is being restored, else from the draft this
 * database keeps for the same screen and record (the ids in its hidden
 * fields), if any, saying so on the message line. A draft of another
 * record or database is never taken.
 */
void	 form_take_draft(struct ui *ui, struct form *f,
	    const struct screen_ops *ops, const struct draft *d);

#endif
