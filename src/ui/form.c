/*
 * form.c - fields, their editing and drawing, and drafts of them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "domain/audit.h"
#include "domain/date.h"
#include "domain/deadline.h"
#include "store/store.h"
#include "text/text.h"
#include "ui/draft.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/textarea.h"
#include "ui/ui.h"
#include "xmalloc.h"

/* Columns of the label, right-aligned, then ": ". */
#define FORM_LABEL_COLS	22

void
form_init(struct form *f)
{
	memset(f, 0, sizeof *f);
}

void
form_free(struct form *f)
{
	size_t i, j;

	for (i = 0; i < f->n; i++) {
		struct form_field *ff = &f->fields[i];

		free(ff->key);
		free(ff->label);
		edit_free(&ff->edit);
		textarea_free(&ff->area);
		for (j = 0; j < ff->nchoices; j++) {
			free(ff->values[j]);
			free(ff->labels[j]);
		}
		free(ff->values);
		free(ff->labels);
	}
	free(f->fields);
	free(f->error);
	memset(f, 0, sizeof *f);
}

/* Whether a field of kind takes typed text. */
static int
form_typed(enum form_kind kind)
{
	return kind == FORM_TEXT || kind == FORM_DATE || kind == FORM_TEXTAREA;
}

static struct form_field *
form_add(struct form *f, enum form_kind kind, const char *key,
    const char *label)
{
	struct form_field *ff;

	f->fields = xrealloc(f->fields, (f->n + 1) * sizeof *f->fields);
	ff = &f->fields[f->n++];
	memset(ff, 0, sizeof *ff);
	ff->kind = kind;
	ff->key = xstrdup(key);
	ff->label = xstrdup(label != NULL ? label : "");
	/* The first field one types into takes the focus: typing at once
	 * must never land on a selector. */
	if (form_typed(kind) && !form_typed(f->fields[f->focus].kind))
		f->focus = f->n - 1;
	return ff;
}

void
form_focus(struct form *f, const char *key)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->fields[i].key, key) == 0)
			f->focus = i;
}

void
form_text(struct form *f, const char *key, const char *label,
    const char *value, size_t max)
{
	edit_init(&form_add(f, FORM_TEXT, key, label)->edit, value, max);
}

void
form_textarea(struct form *f, const char *key, const char *label,
    const char *value, size_t max, int rows)
{
	struct form_field *ff = form_add(f, FORM_TEXTAREA, key, label);

	edit_init(&ff->edit, value, max);
	textarea_init(&ff->area, 1);
	ff->rows = rows > 0 ? rows : 1;
}

void
form_date(struct form *f, const char *key, const char *label, const char *iso)
{
	struct form_field *ff = form_add(f, FORM_DATE, key, label);
	char vn[11];

	draw_date(iso, vn);
	edit_init(&ff->edit, vn, 40);
}

void
form_hidden(struct form *f, const char *key, int64_t value)
{
	char *s = xasprintf("%lld", (long long)value);

	edit_init(&form_add(f, FORM_HIDDEN, key, NULL)->edit, s, 32);
	free(s);
}

void
form_choice(struct form *f, const char *key, const char *label,
    const char *const *values, const char *const *labels, size_t n,
    const char *value)
{
	struct form_field *ff = form_add(f, FORM_CHOICE, key, label);
	size_t i;

	ff->values = xcalloc(n, sizeof *ff->values);
	ff->labels = xcalloc(n, sizeof *ff->labels);
	ff->nchoices = n;
	for (i = 0; i < n; i++) {
		ff->values[i] = xstrdup(values[i]);
		ff->labels[i] = xstrdup(labels[i]);
		if (value != NULL && strcmp(value, values[i]) == 0)
			ff->choice = i;
	}
	edit_init(&ff->edit, NULL, 0);
}

void
form_choice_list(struct form *f, const char *key, const char *label,
    const struct store_choice *c, size_t n, const char *value)
{
	const char **values = xcalloc(n + 1, sizeof *values);
	const char **labels = xcalloc(n + 1, sizeof *labels);
	size_t i;

	for (i = 0; i < n; i++) {
		values[i] = c[i].code;
		labels[i] = c[i].name;
	}
	form_choice(f, key, label, values, labels, n, value);
	free(values);
	free(labels);
}

void
form_choice_list_or(struct form *f, const char *key, const char *label,
    const char *none_code, const char *none_name,
    const struct store_choice *c, size_t n, const char *value)
{
	const char **values = xcalloc(n + 2, sizeof *values);
	const char **labels = xcalloc(n + 2, sizeof *labels);
	size_t i;

	values[0] = none_code;
	labels[0] = none_name;
	for (i = 0; i < n; i++) {
		values[i + 1] = c[i].code;
		labels[i + 1] = c[i].name;
	}
	form_choice(f, key, label, values, labels, n + 1, value);
	free(values);
	free(labels);
}

static struct form_field *
form_find(const struct form *f, const char *key)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->fields[i].key, key) == 0)
			return &f->fields[i];
	return NULL;
}

const char *
form_get(const struct form *f, const char *key)
{
	struct form_field *ff = form_find(f, key);

	if (ff == NULL)
		return "";
	if (ff->kind == FORM_CHOICE)
		return ff->nchoices > 0 ? ff->values[ff->choice] : "";
	return ff->edit.buf;
}

int64_t
form_get_int(const struct form *f, const char *key)
{
	return strtoll(form_get(f, key), NULL, 10);
}

int
form_fail(struct form *f, const char *key, const char *msg)
{
	free(f->error);
	f->error = xstrdup(msg);
	form_focus(f, key);
	return -1;
}

int
form_get_date(struct form *f, const char *key, char iso[11])
{
	struct qt_date d;
	const char *why = date_parse(form_get(f, key), &d);

	if (why != NULL)
		return form_fail(f, key, why);
	date_to_iso(d, iso);
	return 0;
}

/* The next field that can take the focus, in direction dir. */
static void
form_step(struct form *f, int dir)
{
	size_t i = f->focus;

	do {
		if (dir > 0)
			i = i + 1 < f->n ? i + 1 : 0;
		else
			i = i > 0 ? i - 1 : f->n - 1;
	} while (f->fields[i].kind == FORM_HIDDEN && i != f->focus);
	f->focus = i;
}

/*
 * The lines the form leaves free in ui->body above its error line: the
 * focused text area takes them, so a taller terminal shows more text.
 */
static int
form_spare(const struct ui *ui, const struct form *f, int y)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (f->fields[i].kind != FORM_HIDDEN)
			y += f->fields[i].kind == FORM_TEXTAREA ?
			    f->fields[i].rows : 1;
	return ui->rows - 3 - y > 0 ? ui->rows - 3 - y : 0;
}

/*
 * The first field drawn from line y: 0 when the focused field fits below
 * all those above it, else the fewest fields left off the top so that it
 * does (a long form on a small terminal scrolls with its focus).
 */
static size_t
form_first(const struct ui *ui, const struct form *f, int y)
{
	size_t first, i;
	int h;

	for (first = 0; first < f->focus; first++) {
		h = y;
		for (i = first; i <= f->focus; i++)
			if (f->fields[i].kind != FORM_HIDDEN)
				h += f->fields[i].kind == FORM_TEXTAREA ?
				    f->fields[i].rows : 1;
		if (h <= ui->rows - 3)
			break;
	}
	return first;
}

/* Draws a text area at line y, its label and where in it the cursor is. */
static int
form_draw_area(struct ui *ui, struct form_field *ff, int focused, int y,
    int x, int cols, int rows)
{
	int cy, cx;
	char *where;

	if (rows > ui->rows - 3 - y)
		rows = ui->rows - 3 - y > 0 ? ui->rows - 3 - y : 1;
	textarea_draw(&ff->area, &ff->edit, ui->body, y, x, cols, rows,
	    STYLE_FIELD, &cy, &cx);
	/* Which line of how many, when not all of them show. */
	if (ff->area.n > (size_t)rows && rows > 1) {
		where = xasprintf("dòng %zu/%zu",
		    textarea_line(&ff->area, ff->edit.cursor) + 1, ff->area.n);
		ui_put(ui->body, y + 1, 1, FORM_LABEL_COLS + 1, where,
		    STYLE_DIM, TEXT_ALIGN_RIGHT);
		free(where);
	}
	if (focused) {
		ui->cursor_y = cy;
		ui->cursor_x = cx;
	}
	return rows;
}

int
form_draw(struct ui *ui, struct form *f, const char *heading)
{
	int y = 0, i, spare, edit_cols = ui->cols - FORM_LABEL_COLS - 4;

	if (f->fields[f->focus].kind == FORM_HIDDEN)
		form_step(f, 1);
	if (heading != NULL) {
		ui_put(ui->body, y, 1, ui->cols - 2, heading, STYLE_HEADING,
		    TEXT_ELLIPSIS);
		y += 2;
	}
	spare = form_spare(ui, f, y);
	ui->cursor_y = -1;
	for (i = (int)form_first(ui, f, y); i < (int)f->n && y < ui->rows - 3;
	    i++) {
		struct form_field *ff = &f->fields[i];
		int focused = (size_t)i == f->focus, x = FORM_LABEL_COLS + 3;
		char *label;

		if (ff->kind == FORM_HIDDEN)
			continue;
		label = xasprintf("%s:", ff->label);
		ui_put(ui->body, y, 1, FORM_LABEL_COLS + 1, label,
		    focused ? STYLE_HEADING : STYLE_NORMAL,
		    TEXT_ELLIPSIS | TEXT_ALIGN_RIGHT);
		free(label);
		if (ff->kind == FORM_CHOICE) {
			char *s = xasprintf("< %s >", ff->labels[ff->choice]);

			ui_put(ui->body, y, x, edit_cols, s, focused ?
			    STYLE_SELECTED : STYLE_FIELD, TEXT_ELLIPSIS);
			free(s);
		} else if (ff->kind == FORM_TEXTAREA) {
			y += form_draw_area(ui, ff, focused, y, x, edit_cols,
			    ff->rows + (focused ? spare : 0)) - 1;
		} else {
			int cx = edit_draw(&ff->edit, ui->body, y, x, edit_cols,
			    STYLE_FIELD);

			if (focused) {
				ui->cursor_y = y;
				ui->cursor_x = x + cx;
			}
		}
		y++;
	}
	if (f->error != NULL)
		ui_put(ui->body, y + 1, 1, ui->cols - 2, f->error, STYLE_ERROR,
		    TEXT_ELLIPSIS);
	return y + 2;
}

static int
form_choice_key(struct form_field *ff, enum ui_action act, wint_t ch)
{
	if (ff->nchoices == 0)
		return 0;
	if (act == ACT_LEFT)
		ff->choice = ff->choice > 0 ? ff->choice - 1 : ff->nchoices - 1;
	else if (act == ACT_RIGHT || ch == ' ')
		ff->choice = ff->choice + 1 < ff->nchoices ? ff->choice + 1 : 0;
	else
		return 0;
	return 1;
}

/* What an edit_key or textarea_key result asks of the screen. */
static int
form_edited(struct form *f, int r)
{
	if (r == EDIT_CHANGED) {
		f->changed = 1;
		x_free(&f->error);
		return UI_REDRAW | UI_DIRTY;
	}
	return r == EDIT_MOVED ? UI_REDRAW : UI_HANDLED;
}

/* Whether ch is a character typed as text (not a control or a key code). */
static int
form_printable(wint_t ch, int is_keycode)
{
	return !is_keycode && ch >= 0x20 && ch != 0x7f;
}

static const char form_full[] = "Ô này đã đủ dài, không gõ thêm được";

/* A typed key the focused field cannot take: said, never dropped silently. */
static int
form_refuse(struct ui *ui, const char *why)
{
	beep();
	ui_message(ui, 1, "%s", why);
	return UI_REDRAW;
}

/*
 * A text area keeps Enter, Up and Down for itself: Tab and Shift-Tab leave
 * it, and so do Up on its first line and Down on its last.
 */
static int
form_area_key(struct ui *ui, struct form *f, struct form_field *ff,
    enum ui_action act, wint_t ch, int is_keycode)
{
	int r;

	if ((act == ACT_DOWN && !is_keycode) || (act == ACT_UP &&
	    is_keycode && ch == KEY_BTAB)) {
		form_step(f, act == ACT_DOWN ? 1 : -1);
		return UI_REDRAW;
	}
	r = textarea_key(&ff->area, &ff->edit, ch, is_keycode, ui->telex,
	    ff->area.rows);
	if (r == EDIT_IGNORED && form_printable(ch, is_keycode))
		return form_refuse(ui, form_full);
	if (r == EDIT_IGNORED && (act == ACT_UP || act == ACT_DOWN)) {
		form_step(f, act == ACT_DOWN ? 1 : -1);
		return UI_REDRAW;
	}
	return form_edited(f, r);
}

int
form_key(struct ui *ui, struct form *f, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct form_field *ff = &f->fields[f->focus];
	int r;

	if (ff->kind == FORM_TEXTAREA)
		return form_area_key(ui, f, ff, act, ch, is_keycode);
	switch (act) {
	case ACT_UP:
		form_step(f, -1);
		return UI_REDRAW;
	case ACT_DOWN:
	case ACT_OPEN:
		form_step(f, 1);
		return UI_REDRAW;
	default:
		break;
	}
	if (ff->kind == FORM_CHOICE) {
		if (form_choice_key(ff, act, ch)) {
			f->changed = 1;
			return UI_REDRAW | UI_DIRTY;
		}
		if (!form_printable(ch, is_keycode))
			return UI_HANDLED;
		return form_refuse(ui, "Ô này chọn bằng ←/→ (hoặc phím cách), "
		    "không gõ chữ được");
	}
	r = edit_key(&ff->edit, ch, is_keycode, ui->telex);
	if (r == EDIT_IGNORED && form_printable(ch, is_keycode))
		return form_refuse(ui, form_full);
	return form_edited(f, r);
}

/*
 * The record a form edits: the values of its hidden fields (the ids it
 * was opened with), joined by "-". A new string.
 */
static char *
form_record(const struct form *f)
{
	char *record = xstrdup(""), *next;
	size_t i;

	for (i = 0; i < f->n; i++) {
		if (f->fields[i].kind != FORM_HIDDEN)
			continue;
		next = xasprintf("%s%s%s", record, *record != '\0' ? "-" : "",
		    form_get(f, f->fields[i].key));
		free(record);
		record = next;
	}
	return record;
}

/* Deletes the draft of the form's record: it was saved or cancelled. */
static void
form_draft_done(struct ui *ui, const struct form *f,
    const struct screen_ops *ops)
{
	char *record = form_record(f);

	ui_draft_done(ui, ops, record);
	free(record);
}

void
form_history(struct form *f, const char *table, int64_t id)
{
	f->history = table;
	f->history_id = id;
}

/* Opens the history screen on the form's record, if it has one yet. */
static int
form_open_history(struct ui *ui, const struct form *f)
{
	struct ui_arg arg;

	if (f->history == NULL || f->history_id == 0) {
		ui_message(ui, 0, "Bản ghi chưa được lưu nên chưa có lịch sử");
		return UI_REDRAW;
	}
	arg.id = f->history_id;
	arg.id2 = audit_table_index(f->history);
	return ui_open(ui, &screen_history, arg);
}

int
form_screen_key(struct ui *ui, struct form *f, const struct screen_ops *ops,
    int (*save)(struct ui *, void *), void *data, const char *saved,
    enum ui_action act, wint_t ch, int is_keycode)
{
	switch (act) {
	case ACT_SAVE:
		if (save(ui, data) != 0)
			return UI_REDRAW;
		form_draft_done(ui, f, ops);
		ui_message(ui, 0, "%s", saved);
		return UI_BACK;
	case ACT_TELEX:
		ui->telex = !ui->telex;
		return UI_REDRAW;
	case ACT_HISTORY:
		return form_open_history(ui, f);
	case ACT_BACK:
		if (f->changed && !ui_confirm(ui, "Bỏ những gì vừa nhập?"))
			return UI_REDRAW;
		form_draft_done(ui, f, ops);
		return UI_BACK;
	default:
		return form_key(ui, f, act, ch, is_keycode);
	}
}

struct draft *
form_screen_draft(const struct form *f, const struct screen_ops *ops)
{
	return f->changed ? form_to_draft(f, ops->name) : NULL;
}

struct draft *
form_to_draft(const struct form *f, const char *screen)
{
	char *record = form_record(f);
	struct draft *d = draft_new(screen, record);
	size_t i;

	free(record);
	for (i = 0; i < f->n; i++)
		draft_set(d, f->fields[i].key, form_get(f, f->fields[i].key));
	return d;
}

void
form_take_draft(struct ui *ui, struct form *f, const struct screen_ops *ops,
    const struct draft *d)
{
	struct draft *left;
	char *record;

	if (d != NULL) {
		form_from_draft(f, d);
		return;
	}
	record = form_record(f);
	if ((left = ui_draft_find(ui, ops, record)) != NULL) {
		form_from_draft(f, left);
		ui_message(ui, 0, "Đã khôi phục nội dung đang nhập dở "
		    "(Esc: bỏ)");
		draft_free(&left);
	}
	free(record);
}

void
form_set(struct form *f, const char *key, const char *value)
{
	struct form_field *ff = form_find(f, key);
	size_t j;

	if (ff == NULL)
		return;
	if (ff->kind != FORM_CHOICE) {
		edit_set(&ff->edit, value);
		return;
	}
	for (j = 0; j < ff->nchoices; j++)
		if (strcmp(ff->values[j], value) == 0)
			ff->choice = j;
}

void
form_from_draft(struct form *f, const struct draft *d)
{
	size_t i;
	const char *v;

	for (i = 0; i < f->n; i++)
		if ((v = draft_get(d, f->fields[i].key)) != NULL)
			form_set(f, f->fields[i].key, v);
	f->changed = 1;
}

int
form_get_deadline(struct form *f, const char *date_key, const char *words_key,
    const char *issued_on, char iso[11])
{
	const char *why, *key = date_key;
	char vn[11], *msg;

	*iso = '\0';
	if (*form_get(f, date_key) != '\0') {
		if (form_get_date(f, date_key, iso) != 0)
			return -1;
	} else if (*form_get(f, words_key) != '\0') {
		/* The words as the plan writes them give the last day. */
		key = words_key;
		if ((why = deadline_last_day(form_get(f, words_key),
		    atoi(issued_on), iso)) != NULL)
			return form_fail(f, words_key, why);
	}
	if (*iso == '\0' || strcmp(iso, issued_on) >= 0)
		return 0;
	draw_date(issued_on, vn);
	msg = xasprintf("Hạn trước ngày ban hành kế hoạch (%s)", vn);
	form_fail(f, key, msg);
	free(msg);
	return -1;
}
