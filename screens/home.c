/*
 * home.c - the first screen: what is in progress for the clerk's unit,
 * what is overdue, what waits for sync, and the way to the other screens.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "sync/sync.h"
#include "text/text.h"
#include "ui/draw.h"
#include "ui/ui.h"
#include "xmalloc.h"

static const enum ui_action home_actions[] = {
	ACT_HELP, ACT_MEMBERS, ACT_PLANS, ACT_ESSAYS, ACT_TALLY, ACT_SYNC,
	ACT_CHANGES, ACT_QUIT, ACT_NONE
};

/* The menu: an action of the key table, and what it leads to. */
static const struct {
	enum ui_action	 action;
	const char	*what;
} home_menu[] = {
	{ ACT_MEMBERS, "danh sách theo chi bộ; thêm, sửa, chuyển, tìm" },
	{ ACT_PLANS, "kế hoạch, buổi học, điểm danh, học bù" },
	{ ACT_ESSAYS, "ai phải viết, đã nộp, quá hạn; ghi bài nộp" },
	{ ACT_TALLY, "báo cáo tổng hợp bài thu hoạch; chốt báo cáo" },
	{ ACT_SYNC, "gửi thay đổi lên tỉnh, nhận kế hoạch; đăng ký máy" },
};
#define HOME_NMENU	(sizeof home_menu / sizeof home_menu[0])
/* Campaigns listed by name; the count above says how many there are. */
#define HOME_MAX_PLANS	3

/* Returned reports Home reads: one is shown, a second says there are more. */
#define HOME_RETURNED	2

struct home {
	struct store_home	 h;
	struct store_plan	*plans;		/* for the campaigns in progress */
	size_t			 nplans;
	int64_t			 sync_pending;
	char			*sync_last;
	int			 loaded;
	size_t			 cursor;
	int			 menu_y;	/* first line of the menu */
	/* Reports sent back from above, the latest first: Home says why. */
	struct store_returned	*returned;
	size_t			 nreturned;
	/* What the plans from above changed since the clerk last looked. */
	struct store_change	*changes;
	size_t			 nchanges;
};

static void
home_load(struct ui *ui, struct home *s)
{
	int n;

	if (s->loaded)
		store_home_clear(&s->h);
	s->loaded = store_home_get(ui->db, ui->home_unit, ui->today, &s->h) == 0;
	store_plans_free(&s->plans, s->nplans);
	n = store_plans_list(ui->db, ui->home_unit, ui->today, &s->plans);
	s->nplans = n > 0 ? (size_t)n : 0;
	free(s->sync_last);
	s->sync_last = sync_last_success(ui->db);
	s->sync_pending = sync_pending_count(ui->db);
	store_returned_free(&s->returned, s->nreturned);
	n = store_returned_list(ui->db, ui->home_unit, HOME_RETURNED,
	    &s->returned);
	s->nreturned = n > 0 ? (size_t)n : 0;
	store_changes_free(&s->changes, s->nchanges);
	n = store_changes_list(ui->db, ui->home_unit, &s->changes);
	s->nchanges = n > 0 ? (size_t)n : 0;
}

static void *
home_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct home *s = xcalloc(1, sizeof *s);

	home_load(ui, s);
	return s;
}

static void
home_free(void *data)
{
	struct home *s = data;

	if (s->loaded)
		store_home_clear(&s->h);
	free(s->sync_last);
	store_plans_free(&s->plans, s->nplans);
	store_returned_free(&s->returned, s->nreturned);
	store_changes_free(&s->changes, s->nchanges);
	free(s);
}

static char *
home_title(struct ui *ui, void *data)
{
	return xstrdup("quantriet - Trang chính");
}

/* "label ........ value" on line y, the value styled. */
static void
home_line(struct ui *ui, int y, const char *label, int value, int warn)
{
	ui_put(ui->body, y, 4, 30, label, STYLE_NORMAL, TEXT_ELLIPSIS);
	/* -1: too many members to count on every visit; the screen that does. */
	if (value < 0)
		ui_put(ui->body, y, 34, 30, "  xem màn hình Thu hoạch",
		    STYLE_NORMAL, TEXT_ELLIPSIS);
	else
		ui_putf(ui->body, y, 34, 8, value > 0 && warn ? STYLE_WARN :
		    STYLE_NORMAL, "%6d", value);
}

static void
home_draw_menu_row(struct ui *ui, struct home *s, size_t i)
{
	const struct key_binding *b = keys_binding(home_menu[i].action);
	int sel = i == s->cursor;

	ui_putf(ui->body, s->menu_y + (int)i, 2, 26, sel ? STYLE_SELECTED :
	    STYLE_HEADING, " %c  F%-2d %s", b->plain[0], b->fkey, b->label);
	ui_put(ui->body, s->menu_y + (int)i, 29, ui->cols - 31,
	    home_menu[i].what, sel ? STYLE_SELECTED : STYLE_NORMAL, TEXT_ELLIPSIS);
}

/*
 * The plans with a session still to hold, by the clerk's own deadline in
 * each (store_plans_list says which date that is), nearest first, 3 at most.
 */
static int
home_draw_plans(struct ui *ui, struct home *s, int y)
{
	const struct store_plan *shown[HOME_MAX_PLANS];
	size_t i, j, n = 0;
	char date[11], *line;

	for (i = 0; i < s->nplans; i++) {
		if (*s->plans[i].next_deadline == '\0')
			continue;
		for (j = n; j > 0 && strcmp(shown[j - 1]->next_deadline,
		    s->plans[i].next_deadline) > 0; j--)
			if (j < HOME_MAX_PLANS)
				shown[j] = shown[j - 1];
		if (j < HOME_MAX_PLANS)
			shown[j] = &s->plans[i];
		if (n < HOME_MAX_PLANS)
			n++;
	}
	for (i = 0; i < n; i++) {
		draw_date(shown[i]->next_deadline, date);
		line = xasprintf("%s  %s", shown[i]->number, shown[i]->title);
		ui_put_tail(ui->body, y++, 4, ui->cols - 6, line, STYLE_NORMAL,
		    date, STYLE_WARN);
		free(line);
	}
	if (n == 0)
		ui_put(ui->body, y++, 4, ui->cols - 6, "(không có buổi học nào "
		    "còn phải tổ chức)", STYLE_DIM, 0);
	return y;
}

/*
 * The "Thay đổi" block: how many changes, then as many as fit above the
 * menu (at least one line: Home leaves out its blank lines to make room),
 * the last line saying how many more the list holds.
 */
static int
home_draw_changes(struct ui *ui, struct home *s, int y)
{
	int room = ui->rows - (int)HOME_NMENU - 1 - y - 1;
	size_t i, shown;
	char *line;

	ui_putf(ui->body, y++, 2, ui->cols - 4, STYLE_WARN, "Thay đổi từ cấp "
	    "trên: %zu%s (phím 6: xem hết, đánh dấu đã xem)", s->nchanges,
	    s->nchanges >= STORE_CHANGES_MAX ? "+" : "");
	shown = room <= 0 ? 0 : s->nchanges <= (size_t)room ? s->nchanges :
	    (size_t)room - 1;
	for (i = 0; i < shown; i++) {
		line = store_change_line(&s->changes[i]);
		ui_put(ui->body, y++, 4, ui->cols - 6, line, STYLE_NORMAL,
		    TEXT_ELLIPSIS);
		free(line);
	}
	if (shown < s->nchanges && room > 0)
		ui_putf(ui->body, y++, 4, ui->cols - 6, STYLE_DIM, "... và %zu "
		    "thay đổi khác", s->nchanges - shown);
	return y;
}

static void
home_draw(struct ui *ui, void *data)
{
	struct home *s = data;
	struct store_home *h = &s->h;
	char date[11];
	size_t i;
	int y = 0;

	if (!s->loaded) {
		ui_put(ui->body, 1, 2, ui->cols - 4, "Cơ sở dữ liệu chưa có đơn "
		    "vị nào (tạo dữ liệu mẫu: quantriet demo --db TỆP)",
		    STYLE_ERROR, TEXT_ELLIPSIS);
		/* A new database gets its unit by enrolling and syncing. */
		ui_put(ui->body, 3, 2, ui->cols - 4, "hoặc đăng ký với máy chủ "
		    "tỉnh rồi đồng bộ: phím 5 hoặc F4", STYLE_NORMAL,
		    TEXT_ELLIPSIS);
		return;
	}
	ui_put(ui->body, y++, 1, ui->cols - 2, h->unit_name, STYLE_HEADING,
	    TEXT_ELLIPSIS);
	draw_hline(ui->body, y++, 1, ui->cols - 2);
	ui_putf(ui->body, y, 2, 40, STYLE_HEADING, "Kế hoạch đang thực hiện: %d",
	    h->campaigns);
	ui_put(ui->body, y++, ui->cols - 16, 14, "Hạn tới", STYLE_HEADING,
	    TEXT_ALIGN_RIGHT);
	y = home_draw_plans(ui, s, y);
	draw_date(h->next_deadline, date);
	ui_putf(ui->body, y++, 4, ui->cols - 6, STYLE_NORMAL, "Hạn gần nhất: "
	    "%s %s", *date != '\0' ? date : "không có", h->next_deadline_what);
	if (s->nchanges == 0)
		y++;
	ui_put(ui->body, y++, 2, 40, "Quá hạn", STYLE_HEADING, 0);
	home_line(ui, y++, "Buổi học chưa tổ chức", h->sessions_overdue, 1);
	home_line(ui, y++, "Bài thu hoạch còn thiếu", h->essays_missing, 1);
	home_line(ui, y++, "Báo cáo chưa gửi", h->reports_overdue, 1);
	/* The reason first: on 80 columns it is what the clerk must read. */
	if (s->nreturned > 0)
		ui_putf(ui->body, y++, 4, ui->cols - 6, STYLE_WARN, "Bị trả "
		    "lại%s: %s, đợt %d: %s", s->nreturned > 1 ? " (và báo cáo "
		    "khác)" : "", s->returned[0].unit_name,
		    s->returned[0].round, s->returned[0].reason);
	if (s->nchanges == 0)
		y++;
	ui_putf(ui->body, y++, 2, ui->cols - 4, STYLE_NORMAL, "Đồng bộ với "
	    "tỉnh: %lld thay đổi chờ gửi; lần cuối: %s",
	    (long long)s->sync_pending, s->sync_last);
	if (s->nchanges > 0)
		y = home_draw_changes(ui, s, y);
	else
		y++;
	draw_hline(ui->body, y++, 1, ui->cols - 2);
	s->menu_y = y;
	for (i = 0; i < HOME_NMENU; i++)
		home_draw_menu_row(ui, s, i);
}

static int
home_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct home *s = data;
	struct ui_arg none = { 0, 0 };
	size_t old = s->cursor;

	if (act == ACT_OPEN && s->loaded)
		act = home_menu[s->cursor].action;
	switch (act) {
	case ACT_MEMBERS:
		return s->loaded ? ui_open(ui, &screen_members, none) : UI_HANDLED;
	case ACT_PLANS:
		return s->loaded ? ui_open(ui, &screen_plans, none) : UI_HANDLED;
	case ACT_ESSAYS:
		return s->loaded ? ui_open(ui, &screen_essays, none) : UI_HANDLED;
	case ACT_TALLY:
		return s->loaded ? ui_open(ui, &screen_tally, none) : UI_HANDLED;
	case ACT_SYNC:
		return ui_open(ui, &screen_sync, none);
	case ACT_CHANGES:
		return s->loaded ? ui_open(ui, &screen_changes, none) : UI_HANDLED;
	case ACT_UP:
	case ACT_DOWN:
		/* No units yet: the menu is not drawn. */
		if (!s->loaded)
			return UI_HANDLED;
		s->cursor = act == ACT_UP ? (s->cursor + HOME_NMENU - 1) % HOME_NMENU
		    : (s->cursor + 1) % HOME_NMENU;
		home_draw_menu_row(ui, s, old);
		home_draw_menu_row(ui, s, s->cursor);
		return UI_HANDLED;
	default:
		return 0;
	}
}

static void
home_reveal(struct ui *ui, void *data)
{
	home_load(ui, data);
}

const struct screen_ops screen_home = {
	.name = "home",
	.actions = home_actions,
	.init = home_init,
	.free = home_free,
	.title = home_title,
	.draw = home_draw,
	.key = home_key,
	.reveal = home_reveal,
};
