/*
 * completeness.c - which units below have sent their report of a round
 * (domain/completeness.h): one line per unit with its status, the day it
 * was sent, its deadline and the days left or overdue, the totals and
 * rates on top, the selected unit's figures and the reason of a return
 * below.
 *
 * Opened with arg.id the plan (0: the most recent) and arg.id2 the
 * receiving unit (0: the clerk's). Enter opens the unit's own report
 * (drill down, with its history); F8 accepts its report, F9 returns it
 * asking why; F6 the round, F7 the plan. The lines are as many as the
 * receiving unit has children (a commune's cells, a district's
 * communes), read whole on each change.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "db.h"
#include "domain/completeness.h"
#include "paths.h"
#include "store/store.h"
#include "text/text.h"
#include "ui/draw.h"
#include "ui/ui.h"
#include "xmalloc.h"

/* The list starts below the unit, two lines of totals, a rule, the heading. */
#define CP_TOP		5
/* Lines kept below the list for the selected unit. */
#define CP_FOOT		3

static const enum ui_action cp_actions[] = {
	ACT_HELP, ACT_ROUND, ACT_PLAN, ACT_ACCEPT, ACT_RETURN, ACT_QUIT,
	ACT_NONE
};

struct cp_screen {
	struct store_plan	*plans;
	size_t			 nplans;
	size_t			 plan;
	int64_t			 unit;		/* the receiving unit */
	char			*unit_name;
	int			 round;
	struct completeness	 c;
	int			 built;
	size_t			 cursor;
	size_t			 top;
};

/* Builds the lines again for the plan, unit and round chosen. */
static void
cp_load(struct ui *ui, struct cp_screen *s)
{
	if (s->built)
		completeness_clear(&s->c);
	s->built = completeness_build(ui->db, s->plans[s->plan].id, s->unit,
	    s->round, ui->today, &s->c) == 0;
	if (!s->built)
		ui_message(ui, 1, "%s", db_error(ui->db));
	if (s->cursor >= s->c.nunits)
		s->cursor = s->c.nunits > 0 ? s->c.nunits - 1 : 0;
}

static void *
cp_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct cp_screen *s = xcalloc(1, sizeof *s);
	struct store_unit u;

	if (campaign_plans(ui, arg.id, &s->plans, &s->nplans, &s->plan) != 0) {
		free(s);
		return NULL;
	}
	s->unit = arg.id2 != 0 ? arg.id2 : ui->home_unit;
	/* A cell receives no report: its reports go to the unit above. */
	if (store_unit_get(ui->db, s->unit, &u) == 0 && u.is_cell &&
	    u.parent_id != 0)
		s->unit = u.parent_id;
	store_unit_clear(&u);
	if (store_unit_get(ui->db, s->unit, &u) != 0) {
		ui_message(ui, 1, "%s", db_error(ui->db));
		store_plans_free(&s->plans, s->nplans);
		free(s);
		return NULL;
	}
	s->unit_name = xstrdup(u.name);
	store_unit_clear(&u);
	s->round = 1;
	cp_load(ui, s);
	return s;
}

static void
cp_free(void *data)
{
	struct cp_screen *s = data;

	if (s->built)
		completeness_clear(&s->c);
	store_plans_free(&s->plans, s->nplans);
	free(s->unit_name);
	free(s);
}

static char *
cp_title(struct ui *ui, void *data)
{
	struct cp_screen *s = data;

	return xasprintf("Tình hình nộp báo cáo - %s - đợt %d",
	    s->plans[s->plan].number, s->round);
}

static int
cp_height(struct ui *ui)
{
	int h = ui->rows - CP_TOP - CP_FOOT;

	return h > 1 ? h : 1;
}

static enum ui_style
cp_style(enum completeness_status st)
{
	switch (st) {
	case COMPLETENESS_ON_TIME:
	case COMPLETENESS_ACCEPTED:
		return STYLE_GOOD;
	case COMPLETENESS_LATE:
		return STYLE_NORMAL;
	default:
		return STYLE_WARN;
	}
}

/* One unit's line at row y. */
static void
cp_draw_row(struct ui *ui, struct cp_screen *s, size_t i, int y)
{
	static const int widths[] = { 0, 10, 10, 10, 12 };
	const struct completeness_unit *u = &s->c.units[i];
	char sub[11], due[11], days[32];
	const char *texts[5];
	int w[5], fixed = 10 + 10 + 10 + 12 + 5;

	draw_date(u->submitted_on, sub);
	draw_date(u->deadline, due);
	completeness_days_text(u, days, sizeof days);
	memcpy(w, widths, sizeof w);
	w[0] = ui->cols - 2 - fixed > 10 ? ui->cols - 2 - fixed : 10;
	texts[0] = u->name;
	texts[1] = completeness_status_name(u->status);
	texts[2] = sub;
	texts[3] = due;
	texts[4] = days;
	ui_put_cols(ui->body, y, 1, i == s->cursor ? STYLE_SELECTED :
	    cp_style(u->status), 5, w, texts);
}

/* The selected unit's figures and, when returned, why. */
static void
cp_draw_foot(struct ui *ui, struct cp_screen *s)
{
	const struct completeness_unit *u;
	const struct tally *t;
	int y = ui->rows - CP_FOOT;

	if (s->c.nunits == 0)
		return;
	u = &s->c.units[s->cursor];
	t = &u->counts;
	draw_hline(ui->body, y++, 0, ui->cols);
	ui_putf(ui->body, y++, 1, ui->cols - 2, STYLE_NORMAL, "1.Tổng số %lld"
	    "  2.Học %lld  3.Viết %lld  4.Miễn %lld  chưa viết %lld%s",
	    (long long)t->total_members, (long long)t->participated,
	    (long long)t->wrote, (long long)t->exempt, (long long)t->missing,
	    u->counts_final ? "" : " (tạm tính)");
	if (*u->reason != '\0')
		ui_putf(ui->body, y, 1, ui->cols - 2, STYLE_WARN, "Lý do trả "
		    "lại: %s", u->reason);
	else
		ui_put(ui->body, y, 1, ui->cols - 2, "Enter: xem báo cáo và "
		    "lịch sử   F8 duyệt   F9 trả lại   F6 đợt   F7 kế hoạch",
		    STYLE_DIM, TEXT_ELLIPSIS);
}

static void
cp_draw(struct ui *ui, void *data)
{
	struct cp_screen *s = data;
	const struct completeness *c = &s->c;
	static const int head_w[] = { 0, 10, 10, 10, 12 };
	static const char *const head[] = { "Đơn vị", "Tình trạng",
	    "Ngày nộp", "Hạn nộp", "Còn/quá hạn" };
	int w[5], h = cp_height(ui), y;
	size_t i;

	ui_putf(ui->body, 0, 1, ui->cols - 2, STYLE_HEADING, "Đơn vị nhận: %s",
	    s->unit_name);
	ui_putf(ui->body, 1, 1, ui->cols - 2, STYLE_NORMAL, "Phải nộp %lld, "
	    "đã nộp %lld (%d%%), nộp đúng hạn %lld (%d%%)",
	    (long long)c->expected, (long long)c->submitted,
	    completeness_rate(c->submitted, c->expected),
	    (long long)c->submitted_on_time,
	    completeness_rate(c->submitted_on_time, c->expected));
	ui_putf(ui->body, 2, 1, ui->cols - 2, STYLE_NORMAL, "Đúng hạn %lld, "
	    "trễ hạn %lld, chưa nộp %lld, bị trả lại %lld, đã duyệt %lld",
	    (long long)c->count[COMPLETENESS_ON_TIME],
	    (long long)c->count[COMPLETENESS_LATE],
	    (long long)c->count[COMPLETENESS_MISSING],
	    (long long)c->count[COMPLETENESS_RETURNED],
	    (long long)c->count[COMPLETENESS_ACCEPTED]);
	draw_hline(ui->body, 3, 0, ui->cols);
	memcpy(w, head_w, sizeof w);
	w[0] = ui->cols - 2 - (10 + 10 + 10 + 12 + 5) > 10 ?
	    ui->cols - 2 - (10 + 10 + 10 + 12 + 5) : 10;
	ui_put_cols(ui->body, CP_TOP - 1, 1, STYLE_HEADING, 5, w, head);
	if (c->nunits == 0) {
		ui_put(ui->body, CP_TOP, 2, ui->cols - 4, "Đơn vị này không có "
		    "đơn vị trực thuộc nào phải nộp báo cáo", STYLE_DIM,
		    TEXT_ELLIPSIS);
		return;
	}
	if (s->cursor < s->top)
		s->top = s->cursor;
	if (s->cursor >= s->top + (size_t)h)
		s->top = s->cursor - (size_t)h + 1;
	for (i = s->top, y = CP_TOP; i < c->nunits && y < CP_TOP + h;
	    i++, y++)
		cp_draw_row(ui, s, i, y);
	cp_draw_foot(ui, s);
}

/* The report of the selected unit, for a review. 0, or -1 after a message. */
static int
cp_report(struct ui *ui, struct cp_screen *s, struct store_tally *t)
{
	if (s->c.nunits == 0)
		return -1;
	if (store_tally_get(ui->db, s->plans[s->plan].id,
	    s->c.units[s->cursor].unit_id, s->round, t) != 0) {
		ui_message(ui, 1, "%s", db_error(ui->db));
		return -1;
	}
	return 0;
}

static int
cp_accept(struct ui *ui, struct cp_screen *s)
{
	struct store_tally t;

	if (cp_report(ui, s, &t) != 0)
		return UI_REDRAW;
	if (store_tally_accept(ui->db, &t, ui->home_unit, ui->today,
	    paths_login()) != 0)
		ui_message(ui, 1, "%s", db_error(ui->db));
	else
		ui_message(ui, 0, "Đã duyệt báo cáo");
	store_tally_clear(&t);
	cp_load(ui, s);
	return UI_REDRAW;
}

static int
cp_return(struct ui *ui, struct cp_screen *s)
{
	struct store_tally t;
	const char *check;
	char *why;

	if (cp_report(ui, s, &t) != 0)
		return UI_REDRAW;
	if (!t.final)
		ui_message(ui, 1, "Báo cáo chưa nộp lên: không có gì để trả lại");
	else if ((why = ui_prompt(ui, "Lý do trả lại", "")) != NULL) {
		if ((check = text_check_name(why, 300)) != NULL)
			ui_message(ui, 1, "Lý do trả lại: %s", check);
		else if (store_tally_return(ui->db, &t, ui->home_unit,
		    ui->today, paths_login(), why) != 0)
			ui_message(ui, 1, "%s", db_error(ui->db));
		else
			ui_message(ui, 0, "Đã trả lại báo cáo; đơn vị sẽ thấy "
			    "lý do ở trang chính");
		free(why);
	}
	store_tally_clear(&t);
	cp_load(ui, s);
	return UI_REDRAW;
}

static int
cp_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct cp_screen *s = data;
	struct ui_arg arg;
	size_t n = s->c.nunits, page = (size_t)cp_height(ui);

	switch (act) {
	case ACT_UP:
		s->cursor = s->cursor > 0 ? s->cursor - 1 : 0;
		break;
	case ACT_DOWN:
		s->cursor = s->cursor + 1 < n ? s->cursor + 1 : s->cursor;
		break;
	case ACT_PGUP:
		s->cursor = s->cursor > page ? s->cursor - page : 0;
		break;
	case ACT_PGDN:
		s->cursor = n > 0 && s->cursor + page < n ? s->cursor + page :
		    (n > 0 ? n - 1 : 0);
		break;
	case ACT_FIRST:
		s->cursor = 0;
		break;
	case ACT_LAST:
		s->cursor = n > 0 ? n - 1 : 0;
		break;
	case ACT_OPEN:
		if (n == 0)
			return UI_HANDLED;
		arg.id = s->plans[s->plan].id;
		arg.id2 = s->c.units[s->cursor].unit_id;
		return ui_open(ui, &screen_tally, arg);
	case ACT_ROUND:
		campaign_ask_round(ui, &s->round);
		cp_load(ui, s);
		break;
	case ACT_PLAN:
		s->plan = (s->plan + 1) % s->nplans;
		cp_load(ui, s);
		break;
	case ACT_ACCEPT:
		return cp_accept(ui, s);
	case ACT_RETURN:
		return cp_return(ui, s);
	default:
		return 0;
	}
	return UI_REDRAW;
}

/* Back from a unit's report (it may have been made final or reopened). */
static void
cp_reveal(struct ui *ui, void *data)
{
	cp_load(ui, data);
}

const struct screen_ops screen_completeness = {
	.name = "completeness",
	.actions = cp_actions,
	.init = cp_init,
	.free = cp_free,
	.title = cp_title,
	.draw = cp_draw,
	.key = cp_key,
	.reveal = cp_reveal,
	.resize = cp_reveal,
};
