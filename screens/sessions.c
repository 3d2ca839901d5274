/*
 * sessions.c - one plan: the sessions it asks each level to hold, and the
 * sessions the clerk's units have held or planned for it. F4 schedules a
 * session, F5 edits one (its date, or cancels it), F9 deletes one with its
 * attendance, Enter marks its attendance, F8 plans a make-up session, F7
 * lists what the plan asks each level (to add, edit or remove items), F6
 * the unit's action programme for the plan and its review.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "store/store.h"
#include "text/text.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/ui.h"
#include "xmalloc.h"
#include "remove.h"

/* At most this many lines of the plan's schedule above the sessions. */
#define SESSIONS_SCHEDULE_LINES	5

static const enum ui_action sessions_actions[] = {
	ACT_HELP, ACT_NEW, ACT_EDIT, ACT_ACTIONS, ACT_ITEM, ACT_MAKEUP,
	ACT_DELETE, ACT_QUIT,
	ACT_NONE
};

struct sessions {
	int64_t			 document_id;
	char			*heading;
	struct store_plan_session *plan;
	size_t			 nplan;
	char			*about;		/* parent, lower plans, essays */
	char			 due[24];	/* "Hạn: " the unit's own deadline */
	char			 report[32];	/* "Báo cáo: " the next report date */
	struct store_session	*rows;
	size_t			 n;
	size_t			 cursor;
	size_t			 scroll;
	int			 top;		/* first line of the session rows */
};

static const int sessions_widths[] = { 10, 24, 9, 10, 0 };

static void
sessions_load(struct ui *ui, struct sessions *s)
{
	struct store_plan_info info;
	char date[11], essay[48];
	int n;

	store_plan_sessions_free(&s->plan, s->nplan);
	n = store_plan_sessions(ui->db, s->document_id, ui->home_unit,
	    &s->plan);
	s->nplan = n > 0 ? (size_t)n : 0;
	free(s->about);
	memset(&info, 0, sizeof info);
	*s->due = *s->report = '\0';
	if (store_plan_info_get(ui->db, s->document_id, ui->home_unit,
	    ui->today, &info) == 0) {
		draw_date(info.essay_due, date);
		if (info.essay_days == -2)
			snprintf(essay, sizeof essay, "không viết");
		else if (info.essay_days == -3)	/* dd/mm/yy: the line is full */
			snprintf(essay, sizeof essay, "đến %.6s%.2s", date,
			    date + 8);
		else if (info.essay_days < 0)
			snprintf(essay, sizeof essay, "chưa quy định");
		else
			snprintf(essay, sizeof essay, "%d ngày", info.essay_days);
		s->about = xasprintf("Thực hiện: %s  Cấp dưới: %d  Thu hoạch: "
		    "%s", *info.parent != '\0' ? info.parent : "-",
		    info.children, essay);
		draw_date(info.unit_due, date);
		if (*date != '\0')
			snprintf(s->due, sizeof s->due, "Hạn: %s", date);
		draw_date(info.report_due, date);
		snprintf(s->report, sizeof s->report, "Báo cáo: %s",
		    *date != '\0' ? date : "-");
		store_plan_info_clear(&info);
	} else
		s->about = xstrdup("");
	store_sessions_free(&s->rows, s->n);
	n = store_sessions_list(ui->db, s->document_id, ui->home_unit, &s->rows);
	s->n = n > 0 ? (size_t)n : 0;
	if (s->cursor >= s->n)
		s->cursor = s->n > 0 ? s->n - 1 : 0;
}

static void *
sessions_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct sessions *s = xcalloc(1, sizeof *s);

	s->document_id = arg.id;
	s->heading = store_document_label(ui->db, s->document_id);
	sessions_load(ui, s);
	return s;
}

static void
sessions_free(void *data)
{
	struct sessions *s = data;

	store_plan_sessions_free(&s->plan, s->nplan);
	store_sessions_free(&s->rows, s->n);
	free(s->heading);
	free(s->about);
	free(s);
}

static char *
sessions_title(struct ui *ui, void *data)
{
	return xstrdup("Buổi học theo kế hoạch");
}

static void
sessions_draw_row(struct ui *ui, struct sessions *s, size_t i)
{
	struct store_session *r = &s->rows[i];
	char date[11], *counts, *title;
	const char *cols[5];
	const char *state = r->makeup_of != 0 ? "học bù" :
	    *r->status == 'h' ? "đã học" : *r->status == 'p' ? "dự kiến" : "hủy";

	draw_date(r->held_on, date);
	counts = xasprintf("%d/%d/%d", r->present, r->absent, r->self_study);
	title = xasprintf("%s%s", r->title, *r->form == 'o' ? " (trực tuyến)" : "");
	cols[0] = date;
	cols[1] = r->unit_name;
	cols[2] = state;
	cols[3] = counts;
	cols[4] = title;
	ui_put_cols(ui->body, s->top + (int)(i - s->scroll), 1,
	    i == s->cursor ? STYLE_SELECTED : STYLE_NORMAL, 5, sessions_widths, cols);
	free(counts);
	free(title);
}

/*
 * One thing the plan asks, its date in a column that is always kept; a
 * deadline given only in words ("quý II/2021") follows the text.
 */
static void
sessions_draw_item(struct ui *ui, const struct store_plan_session *p, int y)
{
	char date[11], tail[24] = "", *line;

	draw_date(p->due, date);
	if (*date != '\0') {
		snprintf(tail, sizeof tail, "hạn %s", date);
		line = xasprintf("%s: %d. %s (%d buổi)", p->level_name,
		    p->ordinal, p->title, p->half_days);
	} else
		line = xasprintf("%s: %d. %s (%d buổi) - hạn %s", p->level_name,
		    p->ordinal, p->title, p->half_days,
		    *p->deadline_text != '\0' ? p->deadline_text : "không ghi");
	ui_put_tail(ui->body, y, 3, ui->cols - 4, line, STYLE_DIM, tail,
	    STYLE_DIM);
	free(line);
}

static void
sessions_draw(struct ui *ui, void *data)
{
	static const char *const headings[] = { "Ngày", "Đơn vị", "Tình hình",
	    "Có/Vắng/TH", "Tên buổi học" };
	struct sessions *s = data;
	size_t i;
	int y = 0;

	ui_put_tail(ui->body, y++, 1, ui->cols - 2, s->heading, STYLE_HEADING,
	    s->due, STYLE_WARN);
	ui_put_tail(ui->body, y++, 1, ui->cols - 2, s->about, STYLE_NORMAL,
	    s->report, STYLE_NORMAL);
	ui_put(ui->body, y++, 1, ui->cols - 2, s->nplan == 0 ? "Kế hoạch yêu "
	    "cầu: chưa ghi (F7 hoặc i để thêm)" : "Kế hoạch yêu cầu:",
	    STYLE_NORMAL, 0);
	for (i = 0; i < s->nplan && i < SESSIONS_SCHEDULE_LINES; i++)
		sessions_draw_item(ui, &s->plan[i], y++);
	if (s->nplan > SESSIONS_SCHEDULE_LINES)
		ui_putf(ui->body, y++, 3, ui->cols - 4, STYLE_DIM, "... và %zu "
		    "mục khác", s->nplan - SESSIONS_SCHEDULE_LINES);
	draw_hline(ui->body, y++, 0, ui->cols);
	ui_put_cols(ui->body, y++, 1, STYLE_HEADING, 5, sessions_widths, headings);
	s->top = y;
	if (s->n == 0)
		ui_put(ui->body, y, 2, ui->cols - 4, "(chưa có buổi học nào; F4 "
		    "hoặc n để thêm)", STYLE_DIM, 0);
	list_fit(&s->scroll, s->cursor, s->n, (size_t)(ui->rows - s->top));
	for (i = s->scroll; i < s->n && s->top + (int)(i - s->scroll) < ui->rows;
	    i++)
		sessions_draw_row(ui, s, i);
}

/* Deletes the session under the cursor, saying how much attendance goes. */
static int
sessions_delete(struct ui *ui, struct sessions *s)
{
	const struct store_session *r = &s->rows[s->cursor];

	remove_row(ui, NULL, xasprintf("Xóa buổi học này và %d lượt điểm danh?",
	    r->present + r->absent + r->self_study), store_session_delete,
	    r->id, "Đã xóa buổi học");
	sessions_load(ui, s);
	return UI_REDRAW;
}

static int
sessions_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct sessions *s = data;
	struct ui_arg arg = { 0, 0 };
	int r;
	size_t old = s->cursor, page = (size_t)(ui->rows - s->top);

	switch (act) {
	case ACT_ITEM:
		arg.id = s->document_id;
		return ui_open(ui, &screen_plan_items, arg);
	case ACT_ACTIONS:
		arg.id = s->document_id;
		return ui_open(ui, &screen_actions, arg);
	case ACT_NEW:
		arg.id = s->document_id;
		return ui_open(ui, &screen_session_form, arg);
	case ACT_MAKEUP:
		if (s->n == 0)
			return UI_HANDLED;
		arg.id = s->document_id;
		arg.id2 = s->rows[s->cursor].id;
		return ui_open(ui, &screen_session_form, arg);
	case ACT_OPEN:
		if (s->n == 0)
			return UI_HANDLED;
		arg.id = s->rows[s->cursor].id;
		return ui_open(ui, &screen_attendance, arg);
	case ACT_EDIT:
		/* The session form edits a session opened with id 0, id2 it. */
		if (s->n == 0)
			return UI_HANDLED;
		arg.id2 = s->rows[s->cursor].id;
		return ui_open(ui, &screen_session_form, arg);
	case ACT_DELETE:
		return s->n == 0 ? UI_HANDLED : sessions_delete(ui, s);
	default:
		break;
	}
	r = list_step(&s->cursor, &s->scroll, s->n, page, act);
	if (r == UI_HANDLED) {
		sessions_draw_row(ui, s, old);
		sessions_draw_row(ui, s, s->cursor);
	}
	return r;
}

static void
sessions_reveal(struct ui *ui, void *data)
{
	sessions_load(ui, data);
}

const struct screen_ops screen_sessions = {
	.name = "sessions",
	.actions = sessions_actions,
	.init = sessions_init,
	.free = sessions_free,
	.title = sessions_title,
	.draw = sessions_draw,
	.key = sessions_key,
	.reveal = sessions_reveal,
};
