/*
 * report_dues.c - the reports a plan asks for: which level reports, what,
 * to whom, in which round and by when (as written and its last day). F4
 * adds one, F5 or Enter edits one, F9 removes one. A plan issued above
 * the clerk's unit is shown read-only, with no key offered to change it
 * (sync would refuse the edit).
 *
 * Opened with arg.id the plan (document).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "db.h"
#include "store/store.h"
#include "text/text.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/ui.h"
#include "xmalloc.h"
#include "remove.h"

#define REPORT_DUES_TOP	3

static const enum ui_action report_dues_actions[] = {
	ACT_HELP, ACT_NEW, ACT_EDIT, ACT_DELETE, ACT_QUIT, ACT_NONE
};
static const enum ui_action report_dues_view_only[] = {
	ACT_HELP, ACT_QUIT, ACT_NONE
};

struct report_dues {
	int64_t			 document_id;
	char			*heading;
	int			 ours;		/* 0: a plan from above */
	struct store_report_due	*rows;
	size_t			 n;
	size_t			 cursor;
	size_t			 scroll;
};

static const int report_dues_widths[] = { 10, 4, 14, 18, 0 };

static void
report_dues_load(struct ui *ui, struct report_dues *s)
{
	int n;

	store_report_dues_free(&s->rows, s->n);
	n = store_report_dues(ui->db, s->document_id, &s->rows);
	s->n = n > 0 ? (size_t)n : 0;
	if (s->cursor >= s->n)
		s->cursor = s->n > 0 ? s->n - 1 : 0;
}

static void *
report_dues_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct report_dues *s = xcalloc(1, sizeof *s);
	char *label;

	s->document_id = arg.id;
	s->ours = store_document_is_ours(ui->db, s->document_id, ui->home_unit);
	label = store_document_label(ui->db, s->document_id);
	s->heading = s->ours ? label : xasprintf("Của cấp trên, chỉ xem: %s",
	    label);
	if (!s->ours)
		free(label);
	report_dues_load(ui, s);
	return s;
}

static void
report_dues_free(void *data)
{
	struct report_dues *s = data;

	store_report_dues_free(&s->rows, s->n);
	free(s->heading);
	free(s);
}

static char *
report_dues_title(struct ui *ui, void *data)
{
	return xstrdup("Báo cáo kế hoạch yêu cầu");
}

static void
report_dues_draw_row(struct ui *ui, struct report_dues *s, size_t i)
{
	const struct store_report_due *r = &s->rows[i];
	char date[11], round[8];
	const char *cols[5];

	draw_date(r->due_on, date);
	snprintf(round, sizeof round, "%d", r->round);
	cols[0] = date;
	cols[1] = round;
	cols[2] = r->level_name;
	cols[3] = r->recipient;
	cols[4] = r->description;
	ui_put_cols(ui->body, REPORT_DUES_TOP + (int)(i - s->scroll), 1,
	    i == s->cursor ? STYLE_SELECTED : STYLE_NORMAL, 5,
	    report_dues_widths, cols);
}

static void
report_dues_draw(struct ui *ui, void *data)
{
	static const char *const headings[] = { "Hạn", "Đợt", "Cấp báo cáo",
	    "Gửi", "Nội dung báo cáo" };
	struct report_dues *s = data;
	size_t i;

	ui_put(ui->body, 0, 1, ui->cols - 2, s->heading, STYLE_HEADING,
	    TEXT_ELLIPSIS);
	ui_put_cols(ui->body, 1, 1, STYLE_HEADING, 5, report_dues_widths,
	    headings);
	draw_hline(ui->body, 2, 0, ui->cols);
	if (s->n == 0)
		ui_put(ui->body, REPORT_DUES_TOP, 2, ui->cols - 4, s->ours ?
		    "(chưa ghi báo cáo nào; F4 hoặc n để thêm)" : "(kế hoạch "
		    "cấp trên không ghi báo cáo nào)", STYLE_DIM, 0);
	list_fit(&s->scroll, s->cursor, s->n,
	    (size_t)(ui->rows - REPORT_DUES_TOP));
	for (i = s->scroll; i < s->n && REPORT_DUES_TOP + (int)(i - s->scroll) <
	    ui->rows; i++)
		report_dues_draw_row(ui, s, i);
}

static int
report_dues_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct report_dues *s = data;
	struct ui_arg arg = { s->document_id, 0 };
	size_t old = s->cursor, page = (size_t)(ui->rows - REPORT_DUES_TOP);
	int r;

	switch (act) {
	case ACT_NEW:
		return s->ours ? ui_open(ui, &screen_report_due_form, arg) :
		    UI_HANDLED;
	case ACT_EDIT:
	case ACT_OPEN:
	case ACT_DELETE:
		if (!s->ours || s->n == 0)
			return UI_HANDLED;
		arg.id2 = s->rows[s->cursor].id;
		if (act != ACT_DELETE)
			return ui_open(ui, &screen_report_due_form, arg);
		remove_row(ui, NULL, xstrdup("Xóa hạn báo cáo này?"),
		    store_report_due_delete, arg.id2, "Đã xóa hạn báo cáo");
		report_dues_load(ui, s);
		return UI_REDRAW;
	default:
		break;
	}
	r = list_step(&s->cursor, &s->scroll, s->n, page, act);
	if (r == UI_HANDLED) {
		report_dues_draw_row(ui, s, old);
		report_dues_draw_row(ui, s, s->cursor);
	}
	return r;
}

static void
report_dues_reveal(struct ui *ui, void *data)
{
	report_dues_load(ui, data);
}

static const enum ui_action *
report_dues_offered(struct ui *ui, void *data)
{
	const struct report_dues *s = data;

	return s->ours ? report_dues_actions : report_dues_view_only;
}

const struct screen_ops screen_report_dues = {
	.name = "report_dues",
	.actions = report_dues_actions,
	.init = report_dues_init,
	.free = report_dues_free,
	.title = report_dues_title,
	.draw = report_dues_draw,
	.key = report_dues_key,
	.reveal = report_dues_reveal,
	.offered = report_dues_offered,
};
