/*
 * attendance.c - mark who came to a session, fast: one key a member
 * (c/1 present, v/2 absent with a reason, t/3 self-study, x/0 clear), and
 * the cursor moves down by itself, so a cell of 60 takes under a minute.
 * F3 (a) marks everyone not marked yet present at once, then the clerk
 * marks the few absent. F8 plans a make-up session for everyone still
 * missing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "store/store.h"
#include "text/text.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/ui.h"
#include "xmalloc.h"

#define ATTENDANCE_TOP	4

static const enum ui_action attendance_actions[] = {
	ACT_HELP, ACT_ALL_PRESENT, ACT_UNMARK, ACT_PRESENT, ACT_ABSENT,
	ACT_SELF_STUDY, ACT_MAKEUP, ACT_QUIT, ACT_NONE
};

struct attendance {
	struct store_session	 session;
	struct store_marks	*marks;		/* kept for the screen's life */
	struct list		 list;
};

static const int attendance_widths[] = { 30, 15, 10, 0 };

static int
attendance_fetch(struct ui *ui, void *ctx, const struct store_key *key,
    int dir, int limit, void **rows)
{
	struct attendance *s = ctx;

	return store_attendees_page(ui->db, s->session.id, key, dir, limit,
	    (struct store_attendee **)rows);
}

static void
attendance_clear_row(void *row)
{
	struct store_attendee *a = row;

	x_free(&a->full_name);
	x_free(&a->name_sort);
	x_free(&a->status_name);
	x_free(&a->attendance);
	x_free(&a->reason);
}

static void
attendance_key_of(const void *row, struct store_key *key)
{
	const struct store_attendee *a = row;

	key->sort = a->name_sort;
	key->id = a->member_id;
}

static const char *
attendance_word(const char *status)
{
	if (strcmp(status, "present") == 0)
		return "Có mặt";
	if (strcmp(status, "absent") == 0)
		return "Vắng";
	if (strcmp(status, "self_study") == 0)
		return "Tự học";
	return "-";
}

static void
attendance_draw_row(struct ui *ui, void *ctx, const void *row, int y, int sel)
{
	const struct store_attendee *a = row;
	const char *cols[] = { a->full_name, a->status_name,
	    attendance_word(a->attendance), a->reason };
	enum ui_style st = STYLE_NORMAL;

	if (sel)
		st = STYLE_SELECTED;
	else if (strcmp(a->attendance, "present") == 0)
		st = STYLE_GOOD;
	else if (strcmp(a->attendance, "absent") == 0)
		st = STYLE_WARN;
	ui_put_cols(ui->body, y, 1, st, 4, attendance_widths, cols);
}

static const struct list_ops attendance_list_ops = {
	sizeof(struct store_attendee), attendance_fetch, attendance_clear_row,
	attendance_key_of, attendance_draw_row, 0,
};

static void *
attendance_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct attendance *s = xcalloc(1, sizeof *s);

	if (store_session_get(ui->db, arg.id, &s->session) != 0) {
		ui_message(ui, 1, "Không tìm thấy buổi học");
		free(s);
		return NULL;
	}
	store_session_counts(ui->db, &s->session);
	if ((s->marks = store_marks_open(ui->db, arg.id)) == NULL) {
		ui_message(ui, 1, "%s", db_error(ui->db));
		store_session_clear(&s->session);
		free(s);
		return NULL;
	}
	list_init(&s->list, &attendance_list_ops, s);
	list_place(ui, &s->list, ATTENDANCE_TOP, ui->rows - ATTENDANCE_TOP);
	list_first(ui, &s->list);
	return s;
}

static void
attendance_free(void *data)
{
	struct attendance *s = data;

	list_free(&s->list);
	store_marks_close(&s->marks);
	store_session_clear(&s->session);
	free(s);
}

static char *
attendance_title(struct ui *ui, void *data)
{
	struct attendance *s = data;

	return xasprintf("Điểm danh: %s", s->session.title);
}

/* The counts line, repainted after each mark. */
static void
attendance_draw_counts(struct ui *ui, struct attendance *s)
{
	struct store_session *r = &s->session;
	int unmarked = r->expected - r->present - r->absent - r->self_study;

	ui_putf(ui->body, 1, 1, ui->cols - 2, STYLE_HEADING, "Có mặt: %d   "
	    "Vắng: %d   Tự học: %d   Chưa điểm danh: %d   Tổng: %d",
	    r->present, r->absent, r->self_study, unmarked > 0 ? unmarked : 0,
	    r->expected);
}

static void
attendance_draw(struct ui *ui, void *data)
{
	static const char *const headings[] = { "Họ và tên", "Tình trạng",
	    "Điểm danh", "Lý do vắng" };
	struct attendance *s = data;
	char date[11];

	draw_date(s->session.held_on, date);
	ui_putf(ui->body, 0, 1, ui->cols - 2, STYLE_NORMAL, "%s - %s%s%s%s",
	    date, s->session.unit_name, s->session.makeup_of != 0 ?
	    " - học bù cho người chưa học" : "",
	    *s->session.form == 'o' ? " - trực tuyến, điểm cầu " : "",
	    *s->session.form == 'o' ? s->session.bridge_point : "");
	attendance_draw_counts(ui, s);
	ui_put_cols(ui->body, 2, 1, STYLE_HEADING, 4, attendance_widths, headings);
	draw_hline(ui->body, 3, 0, ui->cols);
	list_draw(ui, &s->list);
}

/* Records status for the member under the cursor, then moves down. */
static int
attendance_mark(struct ui *ui, struct attendance *s, const char *status)
{
	struct store_attendee *a = list_current(&s->list);
	char *reason = NULL;

	if (a == NULL)
		return UI_HANDLED;
	if (status != NULL && strcmp(status, "absent") == 0) {
		reason = ui_prompt(ui, "Lý do vắng (Enter để bỏ qua)", a->reason);
		if (reason == NULL)
			return UI_REDRAW;
	}
	if (store_marks_set(s->marks, &s->session, a->member_id, a->attendance,
	    status, reason) != 0) {
		ui_message(ui, 1, "%s", db_error(ui->db));
		free(reason);
		return UI_REDRAW;
	}
	free(a->attendance);
	a->attendance = xstrdup(status != NULL ? status : "");
	free(a->reason);
	a->reason = reason != NULL ? reason : xstrdup("");
	attendance_draw_counts(ui, s);
	if (list_key(ui, &s->list, ACT_DOWN) == 0 || list_current(&s->list) == a)
		list_draw(ui, &s->list);
	/* The prompt used the message line; the loop repaints all of it. */
	return status != NULL && strcmp(status, "absent") == 0 ? UI_REDRAW :
	    UI_HANDLED;
}

/*
 * Marks everyone not marked yet present. Asks first only when some are
 * marked already (those marks stay): on a fresh list it is the point.
 */
static int
attendance_all_present(struct ui *ui, struct attendance *s)
{
	struct store_session *r = &s->session;
	int marked = r->present + r->absent + r->self_study, n;
	char *q;

	if (r->expected - marked <= 0) {
		ui_message(ui, 0, "Mọi người đã được điểm danh");
		return UI_REDRAW;
	}
	if (marked > 0) {
		q = xasprintf("Ghi có mặt cho %d người chưa điểm danh? (%d người "
		    "đã điểm danh giữ nguyên)", r->expected - marked, marked);
		n = ui_confirm(ui, q);
		free(q);
		if (!n)
			return UI_REDRAW;
	}
	if ((n = store_attendance_fill_present(ui->db, r->id)) < 0)
		ui_message(ui, 1, "%s", db_error(ui->db));
	else
		ui_message(ui, 0, "Đã ghi có mặt cho %d người; ai vắng thì "
		    "chọn dòng và bấm v", n);
	store_session_counts(ui->db, r);
	list_reload(ui, &s->list);
	return UI_REDRAW;
}

static int
attendance_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct attendance *s = data;
	struct ui_arg arg = { s->session.document_id, s->session.id };
	int r;

	if ((r = list_key(ui, &s->list, act)) != 0)
		return r;
	switch (act) {
	case ACT_PRESENT:
		return attendance_mark(ui, s, "present");
	case ACT_ABSENT:
		return attendance_mark(ui, s, "absent");
	case ACT_SELF_STUDY:
		return attendance_mark(ui, s, "self_study");
	case ACT_UNMARK:
		return attendance_mark(ui, s, NULL);
	case ACT_ALL_PRESENT:
		return attendance_all_present(ui, s);
	case ACT_MAKEUP:
		return ui_open(ui, &screen_session_form, arg);
	default:
		return 0;
	}
}

static void
attendance_resize(struct ui *ui, void *data)
{
	struct attendance *s = data;

	list_place(ui, &s->list, ATTENDANCE_TOP, ui->rows - ATTENDANCE_TOP);
}

const struct screen_ops screen_attendance = {
	.name = "attendance",
	.actions = attendance_actions,
	.init = attendance_init,
	.free = attendance_free,
	.title = attendance_title,
	.draw = attendance_draw,
	.key = attendance_key,
	.resize = attendance_resize,
};
