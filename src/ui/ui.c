/*
 * ui.c - the main loop: the screen stack, drawing, resize, drafts, signals.
 *
 * Single-threaded: wget_wch waits at most UI_TICK_MS, so work that must
 * happen without a key (saving a draft while the clerk pauses) runs from
 * the loop; while a screen is busy (a sync: UI_BUSY) the wait is
 * UI_BUSY_MS and its tick() runs between keys. Signal handlers only set
 * a flag.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "db.h"
#include "domain/date.h"
#include "hlc.h"
#include "paths.h"
#include "store/store.h"
#include "text/text.h"
#include "ui/draft.h"
#include "ui/draw.h"
#include "ui/edit.h"
#include "ui/termkeys.h"
#include "ui/ui.h"
#include "xmalloc.h"

#define UI_TICK_MS		1000	/* longest wait for a key */
#define UI_DRAFT_EVERY_MS	2000	/* a draft at least this often while typing */
#define UI_MAX_DEPTH		16
#define UI_EXIT_GRACE_S		10	/* after a hangup, the most the way out may take */

/* What ui_getkey got. */
#define UI_KEY_OK	0
#define UI_KEY_TIMEOUT	1
#define UI_KEY_HANGUP	2
#define UI_KEY_IGNORED	3	/* an escape sequence nobody knows: nothing */

struct ui_entry {
	const struct screen_ops	*ops;
	void			*data;
	int			 dirty;		/* typed since the last draft */
	int64_t			 drafted_ms;	/* when the last draft was written */
	int			 busy;		/* wants tick() (UI_BUSY) */
	int64_t			 ticked_ms;	/* when tick() last ran */
};

struct ui_stack {
	struct ui_entry		 e[UI_MAX_DEPTH];
	int			 n;
	const struct screen_ops	*open_ops;	/* set by ui_open() */
	struct ui_arg		 open_arg;
	char			*message;
	int			 message_error;
	int			 too_small;
	int			 resize_due;	/* a question saw a resize */
};

/* Set by SIGHUP, SIGTERM or a keyboard that has gone: the loop ends. */
static volatile sig_atomic_t ui_hangup;

/*
 * Only a flag, and a watchdog: the way out saves the drafts in a moment,
 * but should anything on it hang, SIGALRM (default action) ends the
 * process rather than leave it running on a terminal nobody has. (Not
 * SA_RESETHAND: a closed terminal often brings two SIGHUPs, and the
 * second must not cut the saving of drafts short.)
 */
static void
ui_on_signal(int sig)
{
	ui_hangup = sig;
	alarm(UI_EXIT_GRACE_S);
}

static struct ui_entry *
ui_top(struct ui *ui)
{
	return ui->stack->n > 0 ? &ui->stack->e[ui->stack->n - 1] : NULL;
}

const struct screen_ops *
ui_current(struct ui *ui)
{
	return ui->stack->n > 0 ? ui->stack->e[ui->stack->n - 1].ops : NULL;
}

int
ui_open(struct ui *ui, const struct screen_ops *ops, struct ui_arg arg)
{
	ui->stack->open_ops = ops;
	ui->stack->open_arg = arg;
	return UI_OPEN;
}

void
ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	free(ui->stack->message);
	ui->stack->message = s;
	ui->stack->message_error = error;
}

/* Lays the windows out for LINES x COLS; below the minimum, no body. */
static void
ui_layout(struct ui *ui)
{
	if (ui->body != NULL)
		delwin(ui->body);
	ui->body = NULL;
	ui->stack->too_small = LINES < UI_MIN_LINES || COLS < UI_MIN_COLS;
	erase();
	if (ui->stack->too_small)
		return;
	ui->rows = LINES - 3;
	ui->cols = COLS;
	ui->body = newwin(ui->rows, ui->cols, 1, 0);
	termkeys_keypad(ui->body);
	wtimeout(ui->body, UI_TICK_MS);
}

/* The bottom bar, generated from the key table for the top screen. */
/* The actions the top screen offers now (screen_ops.offered). */
static const enum ui_action *
ui_offered(struct ui *ui, const struct ui_entry *top)
{
	return top->ops->offered != NULL ? top->ops->offered(ui, top->data) :
	    top->ops->actions;
}

static void
ui_draw_bar(struct ui *ui, const enum ui_action *offered)
{
	const struct key_binding *items[12];
	int n = 0, i, x = 0, slot, natural, width;
	size_t k;
	char key[8];

	for (k = 0; k < keys_count && n < 12; k++)
		if (keys_table[k].fkey != 0 &&
		    keys_offered(offered, keys_table[k].action))
			items[n++] = &keys_table[k];
	/* In F-key order, however the table lists them. */
	for (i = 1; i < n; i++)
		for (x = i; x > 0 && items[x]->fkey < items[x - 1]->fkey; x--) {
			const struct key_binding *t = items[x];

			items[x] = items[x - 1];
			items[x - 1] = t;
		}
	x = 0;
	move(LINES - 1, 0);
	clrtoeol();
	if (n == 0)
		return;
	/*
	 * Each label at its own width with one space after it when they all
	 * fit (seven labels do at 80 columns); else equal slots, labels cut
	 * with an ellipsis, so no two ever run together.
	 */
	for (i = 0, natural = 0; i < n; i++)
		natural += 3 + (items[i]->fkey >= 10) + text_width(items[i]->label);
	slot = COLS / n;
	for (i = 0; i < n; i++) {
		snprintf(key, sizeof key, "F%d", items[i]->fkey);
		width = natural <= COLS ? text_width(items[i]->label) :
		    slot - (int)strlen(key) - 1;
		ui_put(stdscr, LINES - 1, x, (int)strlen(key), key, STYLE_KEY, 0);
		ui_put(stdscr, LINES - 1, x + (int)strlen(key), width,
		    items[i]->label, STYLE_BAR, TEXT_ELLIPSIS);
		x += (int)strlen(key) + width;
		ui_put(stdscr, LINES - 1, x++, 1, "", STYLE_NORMAL, 0);
	}
	if (x < COLS)
		ui_put(stdscr, LINES - 1, x, COLS - x, "", STYLE_NORMAL, 0);
}

static void
ui_draw_message(struct ui *ui, const struct screen_ops *ops)
{
	struct ui_stack *st = ui->stack;
	int right = 0;

	move(LINES - 2, 0);
	clrtoeol();
	if (ops->text_input) {
		right = 22;
		ui_put(stdscr, LINES - 2, COLS - right, right, ui->telex ?
		    "Telex: bật (F9)" : "Telex: tắt (F9)", STYLE_DIM,
		    TEXT_ALIGN_RIGHT);
	}
	if (st->message != NULL)
		ui_put(stdscr, LINES - 2, 0, COLS - right, st->message,
		    st->message_error ? STYLE_ERROR : STYLE_NORMAL, TEXT_ELLIPSIS);
}

static void
ui_draw_too_small(void)
{
	char *s = xasprintf("Cửa sổ quá nhỏ: cần %dx%d, hiện có %dx%d",
	    UI_MIN_COLS, UI_MIN_LINES, COLS, LINES);

	erase();
	ui_put(stdscr, LINES / 2, 0, COLS, s, STYLE_ERROR, TEXT_ELLIPSIS);
	free(s);
}

/* Draws everything: title, the top screen, message line and bar. */
static void
ui_draw_all(struct ui *ui)
{
	struct ui_entry *top = ui_top(ui);
	char *title, date[11];

	if (ui->stack->too_small) {
		ui_draw_too_small();
		return;
	}
	title = top->ops->title(ui, top->data);
	draw_date(ui->today, date);
	ui_put(stdscr, 0, 0, COLS - 12, title, STYLE_TITLE, TEXT_ELLIPSIS);
	ui_put(stdscr, 0, COLS - 12, 12, date, STYLE_TITLE, TEXT_ALIGN_RIGHT);
	free(title);
	werase(ui->body);
	ui->cursor_y = -1;
	top->ops->draw(ui, top->data);
	ui_draw_message(ui, top->ops);
	ui_draw_bar(ui, ui_offered(ui, top));
}

/* Sends what changed to the terminal, with the cursor where a form wants it. */
static void
ui_flush(struct ui *ui)
{
	wnoutrefresh(stdscr);
	if (ui->body != NULL && !ui->stack->too_small) {
		/* A hidden cursor is not moved back after drawing: one cursor
		 * motion fewer to work out and to send on every key. */
		leaveok(ui->body, ui->cursor_y < 0);
		if (ui->cursor_y >= 0) {
			wmove(ui->body, ui->cursor_y, ui->cursor_x);
			curs_set(1);
		} else
			curs_set(0);
		wnoutrefresh(ui->body);
	} else
		curs_set(0);
	doupdate();
}

/* 1 while a screen on the stack has work going on (UI_BUSY). */
static int
ui_busy(struct ui *ui)
{
	int i;

	for (i = 0; i < ui->stack->n; i++)
		if (ui->stack->e[i].busy)
			return 1;
	return 0;
}

/*
 * 1 when the keyboard has gone, after wget_wch gave nothing: input reads
 * as ready yet no byte is waiting. That is the end of a file or pipe
 * (/dev/null included) or a terminal that was closed, whose reads fail
 * at once; a live terminal with nothing typed is not ready, and a key
 * typed just after the wait is a byte waiting. Known from the state of
 * the input, not from timing, so a loaded machine changes nothing.
 */
static int
ui_input_gone(void)
{
	struct pollfd p = { STDIN_FILENO, POLLIN, 0 };
	int waiting = 0;

	if (poll(&p, 1, 0) <= 0)
		return 0;
	return ioctl(STDIN_FILENO, FIONREAD, &waiting) != 0 || waiting == 0;
}

/*
 * Waits for a key. A hangup signal or a keyboard that has gone is
 * UI_KEY_HANGUP, and stays so: the caller leaves, keeping drafts. An
 * escape sequence no table knows is UI_KEY_IGNORED, never Esc plus the
 * letters of its tail (which would back out of a form, then act).
 */
static int
ui_getkey(struct ui *ui, wint_t *ch, int *is_keycode)
{
	WINDOW *w = ui->body != NULL ? ui->body : stdscr;
	int rc;

	wtimeout(w, ui_busy(ui) ? UI_BUSY_MS : UI_TICK_MS);
	if (ui_hangup)
		return UI_KEY_HANGUP;
	rc = wget_wch(w, ch);
	if (rc == ERR && !ui_hangup && ui_input_gone())
		ui_on_signal(SIGHUP);
	if (ui_hangup)
		return UI_KEY_HANGUP;
	if (rc == ERR)
		return UI_KEY_TIMEOUT;
	*is_keycode = rc == KEY_CODE_YES;
	if (*is_keycode)
		*ch = (wint_t)termkeys_code((int)*ch);
	else if (*ch == 27 && termkeys_swallow(w))
		return UI_KEY_IGNORED;
	return UI_KEY_OK;
}

/* Lays out again and lets every screen on the stack fit itself. */
static void
ui_resize(struct ui *ui)
{
	int i;

	ui_layout(ui);
	ui->stack->resize_due = 0;
	if (ui->stack->too_small)
		return;
	for (i = 0; i < ui->stack->n; i++)
		if (ui->stack->e[i].ops->resize != NULL)
			ui->stack->e[i].ops->resize(ui, ui->stack->e[i].data);
}

/*
 * A key for a modal question; a resize lays out and redraws what is under
 * it. The screens' resize hooks wait until the question is answered: they
 * may fetch their rows again, and the screen that asked still holds one.
 */
static int
ui_modal_key(struct ui *ui, wint_t *ch, int *is_keycode)
{
	int rc = ui_getkey(ui, ch, is_keycode);

	if (rc == UI_KEY_OK && *is_keycode && *ch == KEY_RESIZE) {
		ui_layout(ui);
		ui->stack->resize_due = 1;
		ui_draw_all(ui);
	}
	return rc;
}

int
ui_confirm(struct ui *ui, const char *question)
{
	wint_t ch;
	int is_keycode, rc;

	for (;;) {
		move(LINES - 2, 0);
		clrtoeol();
		ui_putf(stdscr, LINES - 2, 0, COLS, STYLE_HEADING,
		    "%s (c: có, k: không)", question);
		curs_set(0);
		wnoutrefresh(stdscr);
		doupdate();
		rc = ui_modal_key(ui, &ch, &is_keycode);
		if (rc == UI_KEY_HANGUP)
			return 0;
		if (rc != UI_KEY_OK || is_keycode)
			continue;
		if (ch == 'c' || ch == 'C' || ch == 'y' || ch == 'Y' ||
		    ch == '\n' || ch == '\r')
			return 1;
		if (ch == 'k' || ch == 'K' || ch == 'n' || ch == 'N' || ch == 27)
			return 0;
	}
}

char *
ui_prompt(struct ui *ui, const char *label, const char *initial)
{
	struct edit e;
	wint_t ch;
	int is_keycode, rc, lw, cx;
	char *result = NULL;

	edit_init(&e, initial, 200);
	for (;;) {
		lw = text_width(label) + 2;
		move(LINES - 2, 0);
		clrtoeol();
		ui_putf(stdscr, LINES - 2, 0, lw, STYLE_HEADING, "%s: ", label);
		cx = edit_draw(&e, stdscr, LINES - 2, lw, COLS - lw, STYLE_FIELD);
		move(LINES - 2, lw + cx);
		curs_set(1);
		wnoutrefresh(stdscr);
		doupdate();
		rc = ui_modal_key(ui, &ch, &is_keycode);
		if (rc == UI_KEY_HANGUP)
			break;
		if (rc != UI_KEY_OK)
			continue;
		if (!is_keycode && ch == 27)
			break;
		if ((!is_keycode && (ch == '\n' || ch == '\r')) ||
		    (is_keycode && ch == KEY_ENTER)) {
			result = xstrdup(e.buf);
			break;
		}
		if (!is_keycode && ch == ('T' & 0x1f))
			ui->telex = !ui->telex;
		else
			edit_key(&e, ch, is_keycode, ui->telex);
	}
	edit_free(&e);
	move(LINES - 2, 0);
	clrtoeol();
	return result;
}

/* A database with no id of its own keeps no drafts: none could be told apart. */
static void
ui_write_draft(struct ui *ui, struct ui_entry *e)
{
	struct draft *d;

	e->dirty = 0;
	e->drafted_ms = hlc_mono_ms();
	if (ui->database_id == NULL || e->ops->draft == NULL ||
	    (d = e->ops->draft(ui, e->data)) == NULL)
		return;
	draft_set_database(d, ui->database_id, ui->database_path);
	draft_write(d, ui->state_dir);
	draft_free(&d);
}

void
ui_draft_done(struct ui *ui, const struct screen_ops *ops, const char *record)
{
	struct ui_entry *top = ui_top(ui);
	struct draft *d;

	if (ui->database_id != NULL) {
		d = draft_new(ops->name, record);
		draft_set_database(d, ui->database_id, ui->database_path);
		draft_remove(ui->state_dir, d);
		draft_free(&d);
	}
	if (top != NULL && top->ops == ops)
		top->dirty = 0;
}

/* The draft of screen and record in this database's file, or NULL. */
static struct draft *
ui_find(struct ui *ui, const char *screen, const char *record)
{
	if (ui->database_id == NULL)
		return NULL;
	return draft_find(ui->state_dir, ui->database_id, ui->database_path,
	    screen, record);
}

struct draft *
ui_draft_find(struct ui *ui, const struct screen_ops *ops, const char *record)
{
	return ui_find(ui, ops->name, record);
}

/*
 * What the interface remembers of this database for the clerk lives in a
 * draft file of its own (the pseudo-screen UI_MEMORY, no form), so it is
 * per database and per clerk, and written as safely as a draft.
 */
#define UI_MEMORY	"memory"

int64_t
ui_recall(struct ui *ui, const char *key)
{
	struct draft *d;
	int64_t v;

	if ((d = ui_find(ui, UI_MEMORY, "")) == NULL)
		return 0;
	v = draft_get_int(d, key);
	draft_free(&d);
	return v;
}

void
ui_remember(struct ui *ui, const char *key, int64_t value)
{
	struct draft *d;
	char v[32];

	if (ui->database_id == NULL)
		return;
	if ((d = ui_find(ui, UI_MEMORY, "")) == NULL) {
		d = draft_new(UI_MEMORY, "");
		draft_set_database(d, ui->database_id, ui->database_path);
	}
	snprintf(v, sizeof v, "%lld", (long long)value);
	draft_set(d, key, v);
	draft_write(d, ui->state_dir);
	draft_free(&d);
}

/* Puts a screen already made (by ops->init) on top; -1 if the stack is full. */
static int
ui_push_data(struct ui *ui, const struct screen_ops *ops, void *data)
{
	struct ui_stack *st = ui->stack;

	if (st->n == UI_MAX_DEPTH) {
		ops->free(data);
		return -1;
	}
	st->e[st->n].ops = ops;
	st->e[st->n].data = data;
	st->e[st->n].dirty = 0;
	st->e[st->n].drafted_ms = hlc_mono_ms();
	st->e[st->n].busy = 0;
	st->n++;
	return 0;
}

static int
ui_push(struct ui *ui, const struct screen_ops *ops, struct ui_arg arg)
{
	void *data;

	if (ui->stack->n == UI_MAX_DEPTH ||
	    (data = ops->init(ui, arg, NULL)) == NULL)
		return -1;
	return ui_push_data(ui, ops, data);
}

static void
ui_pop(struct ui *ui)
{
	struct ui_entry *top = ui_top(ui);

	top->ops->free(top->data);
	ui->stack->n--;
	if ((top = ui_top(ui)) != NULL && top->ops->reveal != NULL)
		top->ops->reveal(ui, top->data);
}

/*
 * Asks whether to put d back, naming the record it was typed for (the
 * form's title), and the file when the database was moved; 1 for yes.
 */
static int
ui_offer_draft(struct ui *ui, const struct screen_ops *ops, void *data,
    const struct draft *d)
{
	char *title = ops->title(ui, data), *question, *fitted = NULL;
	const char *base = strrchr(d->database_path, '/');
	int yes;

	/* Room on the message line for the file and "(c: có, k: không)". */
	if (text_width(title) > 40)
		fitted = text_fit(title, 40, TEXT_ELLIPSIS);
	if (strcmp(d->database_path, ui->database_path) != 0)
		question = xasprintf("Khôi phục nội dung đang nhập dở trên tệp "
		    "%s: %s?", base != NULL ? base + 1 : d->database_path,
		    fitted != NULL ? fitted : title);
	else
		question = xasprintf("Khôi phục nội dung đang nhập dở: %s?",
		    fitted != NULL ? fitted : title);
	ui_draw_all(ui);
	ui_flush(ui);
	yes = ui_confirm(ui, question);
	free(question);
	free(fitted);
	free(title);
	return yes;
}

/*
 * Offers back what was being typed in this database when a session
 * dropped: only drafts of its own id, and of a file at another path only
 * when nothing is there any more (it was moved; a copy keeps its own).
 * The first draft taken opens; one declined is deleted.
 */
static void
ui_offer_drafts(struct ui *ui)
{
	static const struct screen_ops *const forms[] = {
		&screen_member_form, &screen_session_form,
		&screen_document_form, &screen_plan_item_form,
		&screen_essay_form, &screen_tally_form, &screen_action_form,
		&screen_report_due_form,
	};
	struct ui_arg none = { 0, 0 };
	struct draft **list;
	const struct screen_ops *ops;
	size_t i, j, n;
	void *data;
	int taken = 0;

	if (ui->database_id == NULL)
		return;
	list = draft_list(ui->state_dir, ui->database_id, &n);
	for (i = 0; i < n && !taken && !ui_hangup; i++) {
		int moved = strcmp(list[i]->database_path,
		    ui->database_path) != 0;

		for (ops = NULL, j = 0; j < sizeof forms / sizeof forms[0]; j++)
			if (strcmp(forms[j]->name, list[i]->screen) == 0)
				ops = forms[j];
		if (ops == NULL || (moved &&
		    access(list[i]->database_path, F_OK) == 0))
			continue;
		/* Its row is gone (init said so): not again. */
		if ((data = ops->init(ui, none, list[i])) == NULL) {
			draft_remove(ui->state_dir, list[i]);
			continue;
		}
		if (ui_offer_draft(ui, ops, data, list[i])) {
			if (ui_push_data(ui, ops, data) == 0)
				ui_top(ui)->dirty = 1;
			/* Written again under this file's path from now on. */
			if (moved)
				draft_remove(ui->state_dir, list[i]);
			taken = 1;
			continue;
		}
		ops->free(data);
		/* A hangup during the question keeps the draft for next time. */
		if (!ui_hangup)
			draft_remove(ui->state_dir, list[i]);
	}
	for (i = 0; i < n; i++)
		draft_free(&list[i]);
	free(list);
}

static void
ui_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: the wait for a key must return so the loop sees it. */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

static void
ui_start_curses(void)
{
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
	initscr();
	raw();		/* Ctrl-S and Ctrl-T reach us, not flow control */
	noecho();
	nonl();
	termkeys_keypad(stdscr);
	termkeys_define();
	draw_init();
}

/* Applies the flags a key handler returned; 1 when the loop must end. */
static int
ui_apply(struct ui *ui, int flags, int *redraw)
{
	struct ui_stack *st = ui->stack;
	struct ui_entry *top = ui_top(ui);

	if (flags & UI_BUSY)
		top->busy = 1;
	if (flags & UI_DIRTY) {
		top->dirty = 1;
		if (hlc_mono_ms() - top->drafted_ms >= UI_DRAFT_EVERY_MS)
			ui_write_draft(ui, top);
	}
	if (flags & UI_QUIT)
		return 1;
	if (flags & UI_BACK) {
		ui_pop(ui);
		*redraw = 1;
	}
	if ((flags & UI_OPEN) && st->open_ops != NULL) {
		ui_push(ui, st->open_ops, st->open_arg);
		st->open_ops = NULL;
		*redraw = 1;
	}
	if (flags & UI_REDRAW)
		*redraw = 1;
	return st->n == 0;
}

/*
 * Lets every busy screen go on with its work, at most every UI_BUSY_MS
 * however fast keys come; the top screen's flags are applied (a screen
 * below draws nothing). 1 when the loop must end.
 */
static int
ui_tick(struct ui *ui, int *redraw)
{
	struct ui_stack *st = ui->stack;
	int64_t now = hlc_mono_ms();
	int i, flags, top_flags = 0;

	for (i = 0; i < st->n; i++) {
		struct ui_entry *e = &st->e[i];

		if (!e->busy || now - e->ticked_ms < UI_BUSY_MS)
			continue;
		e->ticked_ms = now;
		flags = e->ops->tick(ui, e->data);
		e->busy = (flags & UI_BUSY) != 0;
		if (i == st->n - 1)
			top_flags = flags & ~UI_BUSY;
	}
	return top_flags != 0 ? ui_apply(ui, top_flags, redraw) : 0;
}

/* One key for the top screen: help and quit are the loop's own. */
static int
ui_dispatch(struct ui *ui, wint_t ch, int is_keycode, int *redraw)
{
	struct ui_entry *top = ui_top(ui);
	struct ui_arg none = { 0, 0 };
	enum ui_action act;
	int flags;

	act = keys_lookup(ui_offered(ui, top), top->ops->text_input, ch,
	    is_keycode);
	if (act == ACT_HELP && top->ops != &screen_help)
		return ui_apply(ui, ui_open(ui, &screen_help, none), redraw);
	if (act == ACT_QUIT)
		return 1;
	flags = top->ops->key(ui, top->data, act, ch, is_keycode);
	if (flags == 0 && act == ACT_BACK)
		flags = UI_BACK;
	return ui_apply(ui, flags, redraw);
}

static void
ui_loop(struct ui *ui)
{
	struct ui_stack *st = ui->stack;
	wint_t ch;
	int is_keycode, rc, redraw = 1;

	for (;;) {
		if (st->resize_due) {
			ui_resize(ui);
			redraw = 1;
		}
		if (redraw)
			ui_draw_all(ui);
		redraw = 0;
		ui_flush(ui);
		rc = ui_getkey(ui, &ch, &is_keycode);
		if (rc == UI_KEY_HANGUP)
			return;
		if (ui_tick(ui, &redraw))
			return;
		if (rc == UI_KEY_IGNORED)
			continue;
		if (rc == UI_KEY_TIMEOUT) {
			if (ui_top(ui)->dirty)
				ui_write_draft(ui, ui_top(ui));
			continue;
		}
		if (is_keycode && ch == KEY_RESIZE) {
			ui_resize(ui);
			redraw = 1;
			continue;
		}
		/* Ctrl-L: the terminal was garbled (a message from the system,
		 * a hiccup of the link); paint every cell again. */
		if (!is_keycode && ch == 0x0c) {
			clearok(curscr, TRUE);
			redraw = 1;
			continue;
		}
		if (st->too_small) {
			if (!is_keycode && ch == 'Q')
				return;
			continue;
		}
		if (st->message != NULL) {
			x_free(&st->message);
			ui_draw_message(ui, ui_top(ui)->ops);
		}
		if (ui_dispatch(ui, ch, is_keycode, &redraw))
			return;
	}
}

int
ui_run(struct db *db)
{
	struct ui ui;
	struct ui_stack stack;
	struct ui_arg none = { 0, 0 };
	struct qt_date today = date_today();
	int i;

	memset(&ui, 0, sizeof ui);
	memset(&stack, 0, sizeof stack);
	ui.db = db;
	ui.stack = &stack;
	ui.cursor_y = -1;
	ui.home_unit = store_home_unit(db);
	ui.state_dir = paths_state_dir();
	ui.database_id = db_setting_get(db, "database_id");
	/* The file's real path tells a copy of a database from the original. */
	if ((ui.database_path = realpath(db_path(db), NULL)) == NULL)
		ui.database_path = xstrdup(db_path(db));
	date_to_iso(today, ui.today);
	ui_signals();
	ui_start_curses();
	ui_layout(&ui);
	if (ui_push(&ui, &screen_home, none) == 0) {
		if (!stack.too_small)
			ui_offer_drafts(&ui);
		/* Once, on Home: why the letters lack their marks, and the cure. */
		if (text_ascii_mode() && ui_current(&ui) == &screen_home)
			ui_message(&ui, 0, "Không có dấu vì ngôn ngữ (locale) "
			    "không phải UTF-8: đặt LANG=C.UTF-8");
		ui_loop(&ui);
	}
	/* Whatever is still being typed is kept for the next start. */
	for (i = stack.n - 1; i >= 0; i--)
		if (stack.e[i].dirty || ui_hangup)
			ui_write_draft(&ui, &stack.e[i]);
	while (stack.n > 0) {
		stack.n--;
		stack.e[stack.n].ops->free(stack.e[stack.n].data);
	}
	if (ui.body != NULL)
		delwin(ui.body);
	endwin();
	free(stack.message);
	free(ui.state_dir);
	free(ui.database_id);
	free(ui.database_path);
	return 0;
}
