/*
 * plan_items.c - what one plan asks each level to hold (its plan
 * sessions): F4 adds an item, F5 or Enter edits one, F9 removes one after
 * saying how many recorded sessions followed it. A plan issued above the
 * clerk's unit is shown read-only, with no F4, F5 or F9 offered (it is
 * changed where it was issued; sync would refuse an edit): Enter shows
 * the item whole (screens/plan_item_view.c). F3 lists the reports the
 * plan asks for (screens/report_dues.c).
 *
 * Opened with arg.id the plan (document).
 */
#include "config.h"

#include <stdlib.h>

#include "db.h"
#include "store/store.h"
#include "text/text.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/ui.h"
#include "xmalloc.h"
#include "remove.h"

#define PLAN_ITEMS_TOP	3

static const enum ui_action plan_items_actions[] = {
	ACT_HELP, ACT_REPORTS, ACT_NEW, ACT_EDIT, ACT_DELETE, ACT_QUIT, ACT_NONE
};
static const enum ui_action plan_items_view_only[] = {
	ACT_HELP, ACT_REPORTS, ACT_QUIT, ACT_NONE
};

struct plan_items {
	int64_t			 document_id;
	char			*heading;
	int			 ours;		/* 0: a plan from above */
	struct store_plan_session *rows;
	size_t			 n;
	size_t			 cursor;
	size_t			 scroll;
};

static const int plan_items_widths[] = { 16, 4, 11, 7, 0 };

static void
plan_items_load(struct ui *ui, struct plan_items *s)
{
	int n;

	store_plan_sessions_free(&s->rows, s->n);
	n = store_plan_sessions(ui->db, s->document_id, ui->home_unit,
	    &s->rows);
	s->n = n > 0 ? (size_t)n : 0;
	if (s->cursor >= s->n)
		s->cursor = s->n > 0 ? s->n - 1 : 0;
}

static void *
plan_items_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct plan_items *s = xcalloc(1, sizeof *s);

	s->document_id = arg.id;
	s->ours = store_document_is_ours(ui->db, s->document_id, ui->home_unit);
	s->heading = store_document_label(ui->db, s->document_id);
	if (!s->ours) {
		char *label = s->heading;

		s->heading = xasprintf("Của cấp trên, chỉ xem (Enter: cả mục): "
		    "%s", label);
		free(label);
	}
	plan_items_load(ui, s);
	return s;
}

static void
plan_items_free(void *data)
{
	struct plan_items *s = data;

	store_plan_sessions_free(&s->rows, s->n);
	free(s->heading);
	free(s);
}

static char *
plan_items_title(struct ui *ui, void *data)
{
	return xstrdup("Các buổi học kế hoạch yêu cầu");
}

/*
 * How the item's day follows the plan above (plan_item_due), for the
 * line under the list; NULL when it has its own day, not later.
 */
static char *
plan_items_due_note(const struct store_plan_session *p)
{
	char date[11];

	draw_date(p->parent_due, date);
	if (p->late)
		return xasprintf("Hạn của mục muộn hơn hạn cấp trên (%s): cần "
		    "sửa cho kịp", date);
	if (*p->deadline == '\0' && *p->due != '\0')
		return xasprintf("Mục không ghi hạn: theo hạn cấp trên %s", date);
	return NULL;
}

static void
plan_items_draw_row(struct ui *ui, struct plan_items *s, size_t i)
{
	struct store_plan_session *p = &s->rows[i];
	char date[11], ordinal[8], days[16], *title;
	const char *cols[5];

	/* "!": its day is later than the plan above allows (see the note). */
	title = xasprintf("%s%s", p->late ? "! " : "", p->title);
	draw_date(p->due, date);
	snprintf(ordinal, sizeof ordinal, "%d.", p->ordinal);
	snprintf(days, sizeof days, "%d buổi", p->half_days);
	cols[0] = p->level_name;
	cols[1] = ordinal;
	cols[2] = *date != '\0' ? date : p->deadline_text;
	cols[3] = days;
	cols[4] = title;
	ui_put_cols(ui->body, PLAN_ITEMS_TOP + (int)(i - s->scroll), 1,
	    i == s->cursor ? STYLE_SELECTED : p->late ? STYLE_WARN :
	    STYLE_NORMAL, 5, plan_items_widths, cols);
	free(title);
}

/* The list's rows: the last line is the selected item's due note. */
static int
plan_items_page(struct ui *ui)
{
	return ui->rows - PLAN_ITEMS_TOP - 1;
}

static void
plan_items_draw_note(struct ui *ui, struct plan_items *s)
{
	char *note = s->n > 0 ? plan_items_due_note(&s->rows[s->cursor]) : NULL;

	wmove(ui->body, ui->rows - 1, 0);
	wclrtoeol(ui->body);
	if (note != NULL)
		ui_put(ui->body, ui->rows - 1, 1, ui->cols - 2, note, STYLE_WARN,
		    TEXT_ELLIPSIS);
	free(note);
}

static void
plan_items_draw(struct ui *ui, void *data)
{
	static const char *const headings[] = { "Cấp", "Số", "Hạn", "Dài",
	    "Nội dung buổi học" };
	struct plan_items *s = data;
	size_t i;

	ui_put(ui->body, 0, 1, ui->cols - 2, s->heading, STYLE_HEADING,
	    TEXT_ELLIPSIS);
	ui_put_cols(ui->body, 1, 1, STYLE_HEADING, 5, plan_items_widths,
	    headings);
	draw_hline(ui->body, 2, 0, ui->cols);
	if (s->n == 0)
		ui_put(ui->body, PLAN_ITEMS_TOP, 2, ui->cols - 4, s->ours ?
		    "(chưa có mục nào; F4 hoặc n để thêm)" : "(kế hoạch cấp "
		    "trên chưa ghi mục nào)", STYLE_DIM, 0);
	list_fit(&s->scroll, s->cursor, s->n, (size_t)plan_items_page(ui));
	for (i = s->scroll; i < s->n && (int)(i - s->scroll) <
	    plan_items_page(ui); i++)
		plan_items_draw_row(ui, s, i);
	plan_items_draw_note(ui, s);
}

/* Removes the item under the cursor, saying what happens to its sessions. */
static int
plan_items_delete(struct ui *ui, struct plan_items *s)
{
	const struct store_plan_session *p = &s->rows[s->cursor];
	int uses = store_plan_session_uses(ui->db, p->id);

	remove_row(ui, NULL, uses > 0 ? xasprintf("Xóa mục này? %d buổi học đã ghi "
	    "theo mục sẽ không còn gắn với mục nào", uses) :
	    xstrdup("Xóa mục này của kế hoạch?"), store_plan_session_delete,
	    p->id, "Đã xóa mục của kế hoạch");
	plan_items_load(ui, s);
	return UI_REDRAW;
}

static int
plan_items_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct plan_items *s = data;
	struct ui_arg arg = { s->document_id, 0 };
	size_t old = s->cursor, page = (size_t)plan_items_page(ui);
	int r;

	switch (act) {
	case ACT_REPORTS:
		return ui_open(ui, &screen_report_dues, arg);
	case ACT_NEW:
	case ACT_EDIT:
	case ACT_OPEN:
	case ACT_DELETE:
		if (!s->ours) {
			if (act != ACT_OPEN || s->n == 0)
				return UI_HANDLED;
			arg.id2 = s->rows[s->cursor].id;
			return ui_open(ui, &screen_plan_item_view, arg);
		}
		if (act == ACT_NEW)
			return ui_open(ui, &screen_plan_item_form, arg);
		if (s->n == 0)
			return UI_HANDLED;
		if (act == ACT_DELETE)
			return plan_items_delete(ui, s);
		arg.id2 = s->rows[s->cursor].id;
		return ui_open(ui, &screen_plan_item_form, arg);
	default:
		break;
	}
	r = list_step(&s->cursor, &s->scroll, s->n, page, act);
	if (r == UI_HANDLED) {
		plan_items_draw_row(ui, s, old);
		plan_items_draw_row(ui, s, s->cursor);
		plan_items_draw_note(ui, s);
	}
	return r;
}

static void
plan_items_reveal(struct ui *ui, void *data)
{
	plan_items_load(ui, data);
}

static const enum ui_action *
plan_items_offered(struct ui *ui, void *data)
{
	const struct plan_items *s = data;

	return s->ours ? plan_items_actions : plan_items_view_only;
}

const struct screen_ops screen_plan_items = {
	.name = "plan_items",
	.actions = plan_items_actions,
	.init = plan_items_init,
	.free = plan_items_free,
	.title = plan_items_title,
	.draw = plan_items_draw,
	.key = plan_items_key,
	.reveal = plan_items_reveal,
	.offered = plan_items_offered,
};
