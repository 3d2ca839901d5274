/*
 * actions.c - the clerk's unit's action programme for one plan ("chương
 * trình hành động", "5 rõ") with its review as of today: each task, who
 * leads it, its last day and where it stands (done, done late, late,
 * pending: domain/action.h), the counts above. F4 adds a task, F5 or
 * Enter edits one (its progress too), F9 removes one. The programme is
 * the unit's own, so it is kept here even for a plan from above.
 *
 * Opened with arg.id the plan (document).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "db.h"
#include "domain/action.h"
#include "store/store.h"
#include "text/text.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/ui.h"
#include "xmalloc.h"
#include "remove.h"

#define ACTIONS_TOP	5

static const enum ui_action actions_actions[] = {
	ACT_HELP, ACT_NEW, ACT_EDIT, ACT_DELETE, ACT_QUIT, ACT_NONE
};

struct actions {
	int64_t			 document_id;
	struct action_review	 review;
	size_t			 cursor;
	size_t			 scroll;
};

static const int actions_widths[] = { 10, 12, 16, 0 };

static void
actions_load(struct ui *ui, struct actions *s)
{
	action_review_clear(&s->review);
	if (action_review_build(ui->db, s->document_id, ui->home_unit,
	    ui->today, &s->review) != 0)
		ui_message(ui, 1, "%s", db_error(ui->db));
	if (s->cursor >= s->review.n)
		s->cursor = s->review.n > 0 ? s->review.n - 1 : 0;
}

static void *
actions_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct actions *s = xcalloc(1, sizeof *s);

	s->document_id = arg.id;
	actions_load(ui, s);
	if (s->review.plan == NULL) {
		free(s);
		return NULL;
	}
	return s;
}

static void
actions_free(void *data)
{
	struct actions *s = data;

	action_review_clear(&s->review);
	free(s);
}

static char *
actions_title(struct ui *ui, void *data)
{
	return xstrdup("Chương trình hành động");
}

static void
actions_draw_row(struct ui *ui, struct actions *s, size_t i)
{
	const struct action_item_row *a = &s->review.items[i];
	char date[11];
	const char *cols[4];

	draw_date(a->due_on, date);
	cols[0] = date;
	cols[1] = action_state_name(a->state);
	cols[2] = a->person;
	cols[3] = a->task;
	ui_put_cols(ui->body, ACTIONS_TOP + (int)(i - s->scroll), 1,
	    i == s->cursor ? STYLE_SELECTED : STYLE_NORMAL, 4, actions_widths,
	    cols);
}

static void
actions_draw(struct ui *ui, void *data)
{
	static const char *const headings[] = { "Hạn", "Tình hình",
	    "Chủ trì", "Nhiệm vụ" };
	struct actions *s = data;
	const struct action_review *r = &s->review;
	char due[11], *line;
	size_t i;

	ui_put(ui->body, 0, 1, ui->cols - 2, r->plan, STYLE_HEADING,
	    TEXT_ELLIPSIS);
	line = xasprintf("%zu việc: %d đã xong, %d xong trễ, %d trễ hạn, %d "
	    "chưa xong", r->n, r->count[ACTION_DONE],
	    r->count[ACTION_DONE_LATE], r->count[ACTION_LATE],
	    r->count[ACTION_PENDING]);
	ui_put(ui->body, 1, 1, ui->cols - 2, line, STYLE_NORMAL, TEXT_ELLIPSIS);
	free(line);
	draw_date(r->due_on, due);
	line = *r->due_text != '\0' ? xasprintf("Hạn lập chương trình: %s "
	    "(%s)", r->due_text, due) : xstrdup("Hạn lập chương trình: kế "
	    "hoạch không ghi");
	ui_put(ui->body, 2, 1, ui->cols - 2, line, STYLE_NORMAL, TEXT_ELLIPSIS);
	free(line);
	ui_put_cols(ui->body, 3, 1, STYLE_HEADING, 4, actions_widths, headings);
	draw_hline(ui->body, 4, 0, ui->cols);
	if (r->n == 0)
		ui_put(ui->body, ACTIONS_TOP, 2, ui->cols - 4, "(chưa có việc "
		    "nào; F4 hoặc n để thêm)", STYLE_DIM, 0);
	list_fit(&s->scroll, s->cursor, r->n, (size_t)(ui->rows - ACTIONS_TOP));
	for (i = s->scroll; i < r->n && ACTIONS_TOP + (int)(i - s->scroll) <
	    ui->rows; i++)
		actions_draw_row(ui, s, i);
}

static int
actions_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct actions *s = data;
	struct ui_arg arg = { s->document_id, 0 };
	size_t old = s->cursor, page = (size_t)(ui->rows - ACTIONS_TOP);
	int r;

	switch (act) {
	case ACT_NEW:
		return ui_open(ui, &screen_action_form, arg);
	case ACT_EDIT:
	case ACT_OPEN:
	case ACT_DELETE:
		if (s->review.n == 0)
			return UI_HANDLED;
		arg.id2 = s->review.items[s->cursor].id;
		if (act != ACT_DELETE)
			return ui_open(ui, &screen_action_form, arg);
		remove_row(ui, NULL, xstrdup("Xóa việc này khỏi chương trình "
		    "hành động?"), store_action_delete, arg.id2,
		    "Đã xóa việc");
		actions_load(ui, s);
		return UI_REDRAW;
	default:
		break;
	}
	r = list_step(&s->cursor, &s->scroll, s->review.n, page, act);
	if (r == UI_HANDLED) {
		actions_draw_row(ui, s, old);
		actions_draw_row(ui, s, s->cursor);
	}
	return r;
}

static void
actions_reveal(struct ui *ui, void *data)
{
	actions_load(ui, data);
}

const struct screen_ops screen_actions = {
	.name = "actions",
	.actions = actions_actions,
	.init = actions_init,
	.free = actions_free,
	.title = actions_title,
	.draw = actions_draw,
	.key = actions_key,
	.reveal = actions_reveal,
};
