/*
 * plans.c - the clerk's unit's chain of plans (store_plans_list: its own
 * and those above it that ask it for sessions); F6 switches to the other
 * documents, kept for reference. Enter opens one with its schedule and
 * sessions, F4 adds a plan, F5 edits one, F9 deletes one (asking first),
 * F7 reads one from its text file (plan_import.c).
 * A plan issued above the clerk's unit is read-only here.
 */
#include "config.h"

#include <stdlib.h>

#include "store/store.h"
#include "text/text.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/ui.h"
#include "xmalloc.h"
#include "remove.h"

#define PLANS_TOP	2

static const enum ui_action plans_actions[] = {
	ACT_HELP, ACT_NEW, ACT_EDIT, ACT_DELETE, ACT_REFS, ACT_IMPORT, ACT_QUIT,
	ACT_NONE
};

struct plans {
	struct store_plan	*rows;
	size_t			 n;
	size_t			 cursor;
	size_t			 scroll;
	int			 refs;	/* the references, not the plans */
};

static const int plans_widths[] = { 14, 10, 12, 0 };

static void
plans_load(struct ui *ui, struct plans *s)
{
	int n;

	store_plans_free(&s->rows, s->n);
	n = s->refs ? store_references_list(ui->db, ui->home_unit, ui->today,
	    &s->rows) : store_plans_list(ui->db, ui->home_unit, ui->today,
	    &s->rows);
	s->n = n > 0 ? (size_t)n : 0;
	if (s->cursor >= s->n)
		s->cursor = s->n > 0 ? s->n - 1 : 0;
}

static void *
plans_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct plans *s = xcalloc(1, sizeof *s);

	plans_load(ui, s);
	return s;
}

static void
plans_free(void *data)
{
	struct plans *s = data;

	store_plans_free(&s->rows, s->n);
	free(s);
}

static char *
plans_title(struct ui *ui, void *data)
{
	struct plans *s = data;

	return xstrdup(s->refs ? "Văn bản tham khảo" :
	    "Kế hoạch học tập, quán triệt");
}

static void
plans_draw_row(struct ui *ui, struct plans *s, size_t i)
{
	struct store_plan *p = &s->rows[i];
	char issued[11], next[11], *done;
	const char *cols[4];

	draw_date(p->issued_on, issued);
	draw_date(p->next_deadline, next);
	done = xasprintf("%d đã học", p->sessions_held);
	cols[0] = p->number;
	cols[1] = issued;
	cols[2] = done;
	cols[3] = p->title;
	ui_put_cols(ui->body, PLANS_TOP + (int)(i - s->scroll), 1,
	    i == s->cursor ? STYLE_SELECTED : STYLE_NORMAL, 4, plans_widths, cols);
	free(done);
}

static void
plans_draw(struct ui *ui, void *data)
{
	static const char *const headings[] = { "Số", "Ngày", "Buổi học",
	    "Trích yếu" };
	struct plans *s = data;
	size_t i;

	ui_put_cols(ui->body, 0, 1, STYLE_HEADING, 4, plans_widths, headings);
	draw_hline(ui->body, 1, 0, ui->cols);
	if (s->n == 0)
		ui_put(ui->body, PLANS_TOP, 2, ui->cols - 4, s->refs ?
		    "(không có văn bản tham khảo nào; F6 hoặc t: kế hoạch)" :
		    "(chưa có kế hoạch nào; F4 hoặc n để thêm)", STYLE_DIM, 0);
	list_fit(&s->scroll, s->cursor, s->n, (size_t)(ui->rows - PLANS_TOP));
	for (i = s->scroll; i < s->n && (int)(i - s->scroll) <
	    ui->rows - PLANS_TOP; i++)
		plans_draw_row(ui, s, i);
}

/* Deletes the document under the cursor, saying what goes with it. */
static int
plans_delete(struct ui *ui, struct plans *s)
{
	const struct store_plan *p = &s->rows[s->cursor];
	struct store_plan_session *items;
	int n = store_plan_sessions(ui->db, p->id, ui->home_unit, &items);

	store_plan_sessions_free(&items, n > 0 ? (size_t)n : 0);
	remove_row(ui, store_document_delete_refusal, xasprintf("Xóa văn bản "
	    "%s và %d buổi học nó yêu cầu?", p->number, n > 0 ? n : 0),
	    store_document_delete, p->id, "Đã xóa văn bản");
	plans_load(ui, s);
	return UI_REDRAW;
}

static int
plans_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct plans *s = data;
	struct ui_arg arg = { 0, 0 };
	int r;
	size_t old = s->cursor, page = (size_t)(ui->rows - PLANS_TOP);

	switch (act) {
	case ACT_NEW:
		return ui_open(ui, &screen_document_form, arg);
	case ACT_IMPORT:
		return ui_open(ui, &screen_plan_import, arg);
	case ACT_REFS:
		s->refs = !s->refs;
		s->cursor = s->scroll = 0;
		plans_load(ui, s);
		return UI_REDRAW;
	case ACT_EDIT:
	case ACT_DELETE:
		if (s->n == 0)
			return UI_HANDLED;
		arg.id = s->rows[s->cursor].id;
		if (!store_document_is_ours(ui->db, arg.id, ui->home_unit)) {
			ui_message(ui, 1, "Văn bản của cấp trên: chỉ xem, sửa ở "
			    "nơi ban hành");
			return UI_REDRAW;
		}
		if (act == ACT_DELETE)
			return plans_delete(ui, s);
		return ui_open(ui, &screen_document_form, arg);
	case ACT_OPEN:
		if (s->n == 0)
			return UI_HANDLED;
		arg.id = s->rows[s->cursor].id;
		return ui_open(ui, &screen_sessions, arg);
	default:
		break;
	}
	r = list_step(&s->cursor, &s->scroll, s->n, page, act);
	if (r == UI_HANDLED) {
		plans_draw_row(ui, s, old);
		plans_draw_row(ui, s, s->cursor);
	}
	return r;
}

static void
plans_reveal(struct ui *ui, void *data)
{
	plans_load(ui, data);
}

const struct screen_ops screen_plans = {
	.name = "plans",
	.actions = plans_actions,
	.init = plans_init,
	.free = plans_free,
	.title = plans_title,
	.draw = plans_draw,
	.key = plans_key,
	.reveal = plans_reveal,
};
