/*
 * sync_issues.c - what a sync could not settle on its own, opened from
 * the sync screen: arg.id 0 lists the records the server rejected (with
 * its reason), 1 the conflict log (two devices changed the same record:
 * the value not kept and the one kept, who made each, when). One page is
 * held at a time; the selected record is shown whole under the list.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "domain/audit.h"
#include "sync/sync.h"
#include "text/text.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/ui.h"
#include "xmalloc.h"

#include "longtext.h"

/* Lines above the list (heading, column names, rule) and the detail below. */
#define ISSUES_TOP	3
#define ISSUES_DETAIL	7

static const enum ui_action sync_issues_actions[] = {
	ACT_HELP, ACT_RESEND, ACT_QUIT, ACT_NONE
};

struct sync_issues {
	int			 conflicts;	/* 1: the conflict log */
	int64_t			 total;
	int			 offset;	/* of items[0] */
	struct sync_issue	*items;
	int			 n;
	size_t			 cursor;	/* in items */
	size_t			 scroll;	/* always 0: a page is one screen */
};

/* The values without the leading "id=N; ", which says nothing to a clerk. */
static const char *
sync_issues_values(const char *what)
{
	const char *p;

	if (strncmp(what, "id=", 3) != 0 || (p = strstr(what, "; ")) == NULL)
		return what;
	return p + 2;
}

/* Rows of the list at the current size of the window. */
static int
sync_issues_page(struct ui *ui)
{
	int page = ui->rows - ISSUES_TOP - ISSUES_DETAIL;

	return page > 1 ? page : 1;
}

/* Loads the page that starts at offset (kept within the records). */
static void
sync_issues_load(struct ui *ui, struct sync_issues *s, int offset)
{
	int page = sync_issues_page(ui), n;

	sync_issues_free(s->items, s->n);
	s->items = NULL;
	s->n = 0;
	s->total = s->conflicts ? sync_conflict_count(ui->db) :
	    sync_rejected_count(ui->db);
	if (offset > s->total - 1)
		offset = (int)(s->total > 0 ? (s->total - 1) / page * page : 0);
	if (offset < 0)
		offset = 0;
	s->offset = offset;
	n = s->conflicts ? sync_list_conflicts(ui->db, offset, page, &s->items) :
	    sync_list_rejected(ui->db, offset, page, &s->items);
	if (n < 0) {
		ui_message(ui, 1, "Không đọc được danh sách: lỗi cơ sở dữ liệu");
		n = 0;
	}
	s->n = n;
	if (s->cursor >= (size_t)s->n)
		s->cursor = s->n > 0 ? (size_t)s->n - 1 : 0;
}

static void *
sync_issues_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct sync_issues *s = xcalloc(1, sizeof *s);

	s->conflicts = arg.id == 1;
	sync_issues_load(ui, s, 0);
	return s;
}

static void
sync_issues_free_screen(void *data)
{
	struct sync_issues *s = data;

	sync_issues_free(s->items, s->n);
	free(s);
}

static char *
sync_issues_title(struct ui *ui, void *data)
{
	struct sync_issues *s = data;

	return xstrdup(s->conflicts ? "Đồng bộ: nhật ký xung đột" :
	    "Đồng bộ: bản ghi bị máy chủ tỉnh từ chối");
}

/*
 * Columns: table, what the record is (conflicts: the value not kept),
 * the reason (conflicts: the value kept).
 */
static const int sync_issues_widths[] = { 19, 34, 0 };

static void
sync_issues_draw_row(struct ui *ui, struct sync_issues *s, size_t i)
{
	const struct sync_issue *it = &s->items[i];
	const char *cols[] = { audit_table_name(it->table),
	    sync_issues_values(it->what),
	    s->conflicts ? sync_issues_values(it->kept) : it->reason };

	ui_put_cols(ui->body, ISSUES_TOP + (int)i, 1, i == s->cursor ?
	    STYLE_SELECTED : STYLE_NORMAL, 3, sync_issues_widths, cols);
}

/*
 * The selected record whole, wrapped: a rejected one's reason before its
 * values (a plan's row alone fills the lines under the list).
 */
static void
sync_issues_draw_detail(struct ui *ui, struct sync_issues *s, int y)
{
	const struct sync_issue *it = &s->items[s->cursor];
	char *text;

	if (*it->kept != '\0')
		text = xasprintf("%s %lld\nKhông dùng: %s\nĐược giữ: %s\n"
		    "Lý do: %s; lúc %s", audit_table_name(it->table),
		    (long long)it->row_id, sync_issues_values(it->what),
		    sync_issues_values(it->kept), it->reason, it->at);
	else
		text = xasprintf("%s %lld. Lý do: %s%s%s\n%s",
		    audit_table_name(it->table), (long long)it->row_id,
		    it->reason, *it->at != '\0' ? "; lúc " : "", it->at,
		    it->what);
	longtext_detail(ui, y, text);
	free(text);
}

static void
sync_issues_draw(struct ui *ui, void *data)
{
	static const char *const rejected[] = { "Bảng", "Bản ghi",
	    "Lý do máy chủ từ chối" };
	static const char *const conflicts[] = { "Bảng", "Giá trị không dùng",
	    "Giá trị được giữ" };
	struct sync_issues *s = data;
	size_t i;

	if (s->total == 0) {
		ui_put(ui->body, 0, 1, ui->cols - 2, s->conflicts ? "Không có "
		    "xung đột nào." : "Không có bản ghi nào bị từ chối.",
		    STYLE_GOOD, 0);
		return;
	}
	ui_putf(ui->body, 0, 1, ui->cols - 2, STYLE_HEADING, "%s %d-%d / %lld",
	    s->conflicts ? "Xung đột" : "Bị từ chối", s->offset + 1,
	    s->offset + s->n, (long long)s->total);
	ui_put_cols(ui->body, 1, 1, STYLE_HEADING, 3, sync_issues_widths,
	    s->conflicts ? conflicts : rejected);
	draw_hline(ui->body, 2, 0, ui->cols);
	for (i = 0; i < (size_t)s->n; i++)
		sync_issues_draw_row(ui, s, i);
	if (s->n > 0)
		sync_issues_draw_detail(ui, s, ISSUES_TOP + sync_issues_page(ui));
}

/* Moves a page (dir 1 or -1), or to the first or last page. */
static int
sync_issues_turn(struct ui *ui, struct sync_issues *s, enum ui_action act)
{
	int page = sync_issues_page(ui);

	switch (act) {
	case ACT_PGDN:
		if (s->offset + page >= s->total)
			return UI_HANDLED;
		sync_issues_load(ui, s, s->offset + page);
		s->cursor = 0;
		break;
	case ACT_PGUP:
		if (s->offset == 0) {
			s->cursor = 0;
			break;
		}
		sync_issues_load(ui, s, s->offset - page);
		s->cursor = (size_t)s->n - 1;
		break;
	case ACT_FIRST:
		s->cursor = 0;
		sync_issues_load(ui, s, 0);
		break;
	case ACT_LAST:
		sync_issues_load(ui, s, (int)s->total);
		s->cursor = s->n > 0 ? (size_t)s->n - 1 : 0;
		break;
	default:
		return 0;
	}
	return UI_REDRAW;
}

/* Sends every rejected record again at the next sync. */
static int
sync_issues_resend(struct ui *ui, struct sync_issues *s)
{
	int64_t n;

	if (s->conflicts || s->total == 0) {
		ui_message(ui, 0, "Không có bản ghi bị từ chối nào để gửi lại");
		return UI_HANDLED;
	}
	if (!ui_confirm(ui, "Gửi lại mọi bản ghi bị từ chối ở lần đồng bộ "
	    "sau (khi đã sửa nguyên nhân)?"))
		return UI_REDRAW;
	if ((n = sync_requeue_rejected(ui->db)) < 0) {
		ui_message(ui, 1, "Không đưa lại được vào hàng chờ: lỗi cơ sở "
		    "dữ liệu");
		return UI_REDRAW;
	}
	ui_message(ui, 0, "%lld bản ghi sẽ được gửi lại ở lần đồng bộ sau",
	    (long long)n);
	sync_issues_load(ui, s, 0);
	return UI_REDRAW;
}

static int
sync_issues_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct sync_issues *s = data;

	if (act == ACT_RESEND)
		return sync_issues_resend(ui, s);
	/* Past either end of the page, the next page comes. */
	if (act == ACT_DOWN && s->cursor + 1 == (size_t)s->n)
		act = ACT_PGDN;
	else if (act == ACT_UP && s->cursor == 0)
		act = ACT_PGUP;
	if (act == ACT_UP || act == ACT_DOWN)
		return list_step(&s->cursor, &s->scroll, (size_t)s->n,
		    (size_t)s->n, act) != 0 ? UI_REDRAW : UI_HANDLED;
	return sync_issues_turn(ui, s, act);
}

static void
sync_issues_resize(struct ui *ui, void *data)
{
	struct sync_issues *s = data;

	sync_issues_load(ui, s, s->offset);
}

const struct screen_ops screen_sync_issues = {
	.name = "sync_issues",
	.actions = sync_issues_actions,
	.init = sync_issues_init,
	.free = sync_issues_free_screen,
	.title = sync_issues_title,
	.draw = sync_issues_draw,
	.key = sync_issues_key,
	.resize = sync_issues_resize,
};
