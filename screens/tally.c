/*
 * tally.c - the essay tally report (BÁO CÁO TỔNG HỢP BÀI THU HOẠCH, the
 * second form of seed 000) of a plan for a unit: a cell, or the commune
 * summing its cells.
 *
 * Opened with arg.id the plan (0: the most recent) and arg.id2 the unit
 * (0: the clerk's). What it shows is the report model (domain/report.h),
 * the one `quantriet report tally` prints: items 1-4 are its counts (the
 * snapshot of a final report, else counted as of the round's cutoff),
 * never typed; item 4 lists the exemption reasons. Items 5 (assessment)
 * and 6 (proposals) are the report row's text, edited in the tally form
 * (F5); item 6 also shows the members' own proposals, grouped as the
 * printed form groups them (report_proposal_groups), for reference. F8 marks
 * the report final after a confirmation: the counts are snapshotted and
 * the text can no longer change; F9 reopens it, asking why, and the
 * report's history (who, when, why) is shown above its items. F4 prints
 * the form (tally_print.c). The report is laid out as lines once
 * per load and scrolled; ←/→ choose the unit, F7 the plan, F6 the round.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "db.h"
#include "domain/date.h"
#include "domain/report.h"
#include "domain/submission.h"
#include "domain/report_paper.h"
#include "store/store.h"
#include "text/text.h"
#include "ui/draw.h"
#include "ui/ui.h"
#include "longtext.h"
#include "paths.h"
#include "tally_print.h"
#include "xmalloc.h"

/* The report starts below the unit line, the plan line and a rule. */
#define TALLY_TOP	3

static const enum ui_action tally_actions[] = {
	ACT_HELP, ACT_COMPLETENESS, ACT_PRINT, ACT_EDIT, ACT_ROUND, ACT_PLAN,
	ACT_FINAL,
	ACT_REOPEN, ACT_QUIT, ACT_NONE
};

struct tally_line {
	char		*text;
	enum ui_style	 style;
	int		 indent;
};

struct tally_screen {
	struct store_plan	*plans;
	size_t			 nplans;
	size_t			 plan;
	struct store_choice	*units;
	size_t			 nunits;
	size_t			 unit;
	int			 round;
	struct store_tally	 report;	/* the row F5, F8 and F9 change */
	struct report		 model;		/* what is shown */
	int			 counted;	/* 0: building the model failed */
	struct tally_line	*lines;
	size_t			 nlines;
	size_t			 scroll;
};

static int64_t
tally_unit_id(const struct tally_screen *s)
{
	return strtoll(s->units[s->unit].code, NULL, 10);
}

static void
tally_lines_free(struct tally_screen *s)
{
	size_t i;

	for (i = 0; i < s->nlines; i++)
		free(s->lines[i].text);
	x_free(&s->lines);
	s->nlines = 0;
}

/* Adds text wrapped to the body's width at indent (text is not kept). */
static void
tally_add(struct ui *ui, struct tally_screen *s, int indent,
    enum ui_style style, const char *text)
{
	char **lines;
	size_t n, i;

	lines = longtext_wrap(text, ui->cols - 2 - indent, &n);
	s->lines = xrealloc(s->lines, (s->nlines + n) * sizeof *s->lines);
	for (i = 0; i < n; i++) {
		s->lines[s->nlines].text = lines[i];
		s->lines[s->nlines].style = style;
		s->lines[s->nlines].indent = indent;
		s->nlines++;
	}
	free(lines);
}

static void __attribute__((format(printf, 5, 6)))
tally_addf(struct ui *ui, struct tally_screen *s, int indent,
    enum ui_style style, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	if (vasprintf(&text, fmt, ap) < 0)
		text = NULL;
	va_end(ap);
	tally_add(ui, s, indent, style, text != NULL ? text : "");
	free(text);
}

/* Item 5 or 6 as the clerk wrote it, or what to do when it is empty. */
static void
tally_add_text(struct ui *ui, struct tally_screen *s, const char *text)
{
	if (*text != '\0')
		tally_add(ui, s, 3, STYLE_NORMAL, text);
	else
		tally_add(ui, s, 3, STYLE_DIM, s->model.final ? "(không có)" :
		    "(chưa nhập: F5 để nhập)");
}

/* A date of the model as dd/mm/yyyy. */
static void
tally_vn(const char *iso, char out[11])
{
	struct qt_date d;

	out[0] = '\0';
	if (date_from_iso(iso, &d) == 0)
		date_to_vn(d, out);
}

/* Items 1-4 of the model, and the day they are counted to. */
static void
tally_add_counts(struct ui *ui, struct tally_screen *s)
{
	const struct report *r = &s->model;
	const struct tally *t = &r->counts;
	char cutoff[11], deadline[11], *note;
	size_t i;

	tally_addf(ui, s, 0, STYLE_NORMAL, "%s: %lld",
	    report_item_label(REPORT_MEMBERS), (long long)t->total_members);
	tally_addf(ui, s, 0, STYLE_NORMAL, "%s: %lld",
	    report_item_label(REPORT_STUDIED), (long long)t->participated);
	tally_addf(ui, s, 0, STYLE_NORMAL, "%s: %lld",
	    report_item_label(REPORT_WROTE), (long long)t->wrote);
	tally_addf(ui, s, 0, STYLE_NORMAL, "%s: %lld",
	    report_item_label(REPORT_EXEMPT), (long long)t->exempt);
	for (i = 0; i < t->nreasons; i++)
		if (t->reasons[i].count > 0)
			tally_addf(ui, s, 3, STYLE_NORMAL, "- %s: %lld",
			    t->reasons[i].reason, (long long)t->reasons[i].count);
	note = report_not_yet_note(t);
	tally_add(ui, s, 0, STYLE_NORMAL, note);
	free(note);
	tally_vn(r->cutoff, cutoff);
	tally_vn(r->deadline, deadline);
	/* One dim line: what the counts are as of, and who had to write. */
	if (r->final)
		tally_addf(ui, s, 3, STYLE_DIM, "(số liệu lúc chốt báo cáo, "
		    "tính đến ngày %s; phải viết: %lld)", cutoff,
		    (long long)t->must_write);
	else
		tally_addf(ui, s, 3, STYLE_DIM, "Số liệu tính đến ngày %s%s%s%s; "
		    "phải viết: %lld", cutoff,
		    *deadline != '\0' ? " (hạn đợt " : "",
		    *deadline != '\0' ? deadline : "",
		    *deadline != '\0' ? ")" : "", (long long)t->must_write);
}

/* Item 6: the report's text, then the members' proposals for reference. */
static void
tally_add_proposals(struct ui *ui, struct tally_screen *s)
{
	const struct report *r = &s->model;
	struct proposal *in;
	struct proposal_group *g;
	size_t i, n;

	tally_add(ui, s, 0, STYLE_NORMAL, report_item_label(REPORT_PROPOSALS));
	tally_add_text(ui, s, r->proposals);
	if (report_has_unit_proposals(r))
		tally_add(ui, s, 3, STYLE_HEADING, "Kiến nghị, đề xuất trong báo "
		    "cáo đã nộp của đơn vị trực thuộc:");
	for (i = 0; i < r->nunits; i++)
		if (r->units[i].proposals != NULL)
			tally_addf(ui, s, 3, STYLE_NORMAL, "- %s (%s)",
			    r->units[i].proposals, r->units[i].name);
	if (r->nmember_proposals == 0)
		return;
	tally_add(ui, s, 3, STYLE_HEADING, "Đề xuất trong bài thu hoạch của "
	    "đảng viên, ý giống nhau gộp lại (tham khảo; từng bài: F4 In, "
	    "phụ lục):");
	n = report_proposal_groups(r, &in, &g);
	for (i = 0; i < n; i++) {
		char *note = report_group_note(r, in, &g[i]);

		tally_addf(ui, s, 3, STYLE_NORMAL, "- %s (%s)",
		    in[g[i].shown].text, note);
		free(note);
	}
	proposals_free(&g, n);
	free(in);
	if (r->more_proposals)
		tally_add(ui, s, 3, STYLE_DIM, "(còn nữa: xem báo cáo in)");
}

/* The report's way up: submitted, reopened, returned, accepted; who, why. */
static void
tally_add_history(struct ui *ui, struct tally_screen *s)
{
	struct submission_event *ev;
	char date[11];
	int i, n;

	if (s->report.id == 0 ||
	    (n = submission_history(ui->db, s->report.id, &ev)) <= 0)
		return;
	tally_add(ui, s, 0, STYLE_HEADING, "Lịch sử báo cáo:");
	for (i = 0; i < n; i++) {
		draw_date(ev[i].at, date);
		tally_addf(ui, s, 3, ev[i].action == SUBMISSION_RETURN ||
		    ev[i].action == SUBMISSION_REOPEN ? STYLE_WARN : STYLE_DIM,
		    "- %s %s %s%s%s", date, ev[i].who,
		    submission_event_name(&ev[i]), *ev[i].reason != '\0' ?
		    ", lý do: " : "", ev[i].reason);
	}
	submission_history_free(&ev, (size_t)n);
}

/*
 * What is still open before a draft is made final and sent up (essays not
 * in, sessions not held, a make-up still planned, items 5-6 empty), at
 * the top where F8 shows it; whether the figures add up.
 */
static void
tally_add_open(struct ui *ui, struct tally_screen *s)
{
	struct submission_open o;
	char *text;

	if (s->report.final || submission_open_items(ui->db,
	    s->plans[s->plan].id, tally_unit_id(s), &s->model.counts,
	    s->report.assessment, s->report.proposals, &o) != 0)
		return;
	if (!o.adds_up)
		tally_add(ui, s, 0, STYLE_ERROR, "Số liệu không khớp: mục 1 phải "
		    "bằng mục 3 + mục 4 + số chưa viết; chưa chốt được");
	if ((text = submission_open_text(&o)) != NULL) {
		tally_addf(ui, s, 0, STYLE_WARN, "Trước khi chốt và nộp: %s.",
		    text);
		free(text);
	}
}

/*
 * Under a unit that receives reports (a commune), the units below whose
 * report is not in: the model's note, their share of the counts being
 * live, not what they sent.
 */
static void
tally_add_live(struct ui *ui, struct tally_screen *s)
{
	char *note = report_live_note(&s->model);

	if (note != NULL)
		tally_add(ui, s, 3, STYLE_WARN, note);
	free(note);
}

/*
 * Builds the model of the plan, unit and round shown, and reads the
 * report row F5, F8 and F9 act on: the slow part (the count walks every
 * member), so done only when they change, not on a resize.
 */
static void
tally_count(struct ui *ui, struct tally_screen *s)
{
	int64_t plan = s->plans[s->plan].id;

	if (s->counted)
		report_clear(&s->model);
	store_tally_clear(&s->report);
	s->counted = report_build(ui->db, plan, tally_unit_id(s), s->round,
	    ui->today, REPORT_WITH_PROPOSALS, &s->model) == 0;
	if (s->counted && store_tally_get(ui->db, plan, tally_unit_id(s),
	    s->round, &s->report) != 0) {
		report_clear(&s->model);
		s->counted = 0;
	}
}

/* Lays the model out as lines for the width. */
static void
tally_layout(struct ui *ui, struct tally_screen *s)
{
	const struct report *r = &s->model;

	tally_lines_free(s);
	if (!s->counted) {
		tally_add(ui, s, 0, STYLE_ERROR, db_error(ui->db));
		return;
	}
	tally_add(ui, s, 0, STYLE_HEADING, "BÁO CÁO TỔNG HỢP BÀI THU HOẠCH");
	tally_addf(ui, s, 0, STYLE_DIM, "Thực hiện %s: %s", r->plan_number,
	    r->plan_title);
	tally_add_history(ui, s);
	tally_add_open(ui, s);
	tally_add(ui, s, 0, STYLE_NORMAL, "");
	tally_add_counts(ui, s);
	tally_add_live(ui, s);
	tally_add(ui, s, 0, STYLE_NORMAL,
	    report_item_label(REPORT_ASSESSMENT));
	tally_add_text(ui, s, r->assessment);
	tally_add_proposals(ui, s);
	tally_add(ui, s, 0, STYLE_NORMAL, "");
	tally_addf(ui, s, 0, STYLE_HEADING, "T/M %s - BÍ THƯ: %s",
	    r->is_cell ? "CHI ỦY CHI BỘ" : "ĐẢNG ỦY",
	    *r->signer != '\0' ? r->signer : "............");
	if (s->scroll >= s->nlines)
		s->scroll = 0;
}

static void *
tally_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct tally_screen *s = xcalloc(1, sizeof *s);

	if (campaign_plans(ui, arg.id, &s->plans, &s->nplans, &s->plan) != 0) {
		free(s);
		return NULL;
	}
	/* The commune first, then its cells: the list to choose from. */
	s->nunits = store_unit_choices(ui->db, ui->home_unit, 0, &s->units);
	if (s->nunits == 0) {
		store_plans_free(&s->plans, s->nplans);
		free(s);
		return NULL;
	}
	/* Not found (0: the clerk's unit) is the first, the commune. */
	s->unit = campaign_find_unit(s->units, s->nunits, arg.id2) % s->nunits;
	s->round = 1;
	tally_count(ui, s);
	tally_layout(ui, s);
	return s;
}

static void
tally_free(void *data)
{
	struct tally_screen *s = data;

	tally_lines_free(s);
	store_tally_clear(&s->report);
	if (s->counted)
		report_clear(&s->model);
	store_plans_free(&s->plans, s->nplans);
	store_choices_free(&s->units, s->nunits);
	free(s);
}

static char *
tally_title(struct ui *ui, void *data)
{
	struct tally_screen *s = data;

	return xasprintf("Báo cáo tổng hợp bài thu hoạch - %s",
	    s->plans[s->plan].number);
}

static int
tally_height(struct ui *ui)
{
	return ui->rows - TALLY_TOP;
}

static void
tally_draw(struct ui *ui, void *data)
{
	struct tally_screen *s = data;
	char *line, date[11];
	size_t i;
	int y;

	line = xasprintf("Đơn vị: < %s >", s->units[s->unit].name);
	ui_put(ui->body, 0, 1, 46, line, STYLE_HEADING, TEXT_ELLIPSIS);
	free(line);
	draw_date(s->report.finalized_on, date);
	if (s->report.final)
		line = xasprintf("Đợt %d - ĐÃ CHỐT %s", s->round, date);
	else
		line = xasprintf("Đợt %d - Bản nháp", s->round);
	ui_put(ui->body, 0, 48, ui->cols - 49, line, s->report.final ?
	    STYLE_GOOD : STYLE_WARN, TEXT_ALIGN_RIGHT | TEXT_ELLIPSIS);
	free(line);
	ui_put(ui->body, 1, 1, ui->cols - 2, s->report.final ? "Báo cáo đã "
	    "chốt: chỉ xem; F9 mở lại để sửa (ghi lý do)" : "←/→ đổi đơn vị   F5 nhập đánh "
	    "giá, đề xuất   F8 chốt báo cáo", STYLE_DIM, TEXT_ELLIPSIS);
	draw_hline(ui->body, 2, 0, ui->cols);
	for (i = s->scroll, y = TALLY_TOP; i < s->nlines && y < ui->rows;
	    i++, y++)
		ui_put(ui->body, y, 1 + s->lines[i].indent, ui->cols - 2 -
		    s->lines[i].indent, s->lines[i].text, s->lines[i].style, 0);
}

/* Scrolls by the movement keys; UI_REDRAW, or 0 for another action. */
static int
tally_scroll(struct ui *ui, struct tally_screen *s, enum ui_action act)
{
	size_t page = (size_t)tally_height(ui);
	size_t last = s->nlines > page ? s->nlines - page : 0;

	switch (act) {
	case ACT_UP:
		s->scroll = s->scroll > 0 ? s->scroll - 1 : 0;
		break;
	case ACT_DOWN:
		s->scroll = s->scroll < last ? s->scroll + 1 : last;
		break;
	case ACT_PGUP:
		s->scroll = s->scroll > page ? s->scroll - page : 0;
		break;
	case ACT_PGDN:
		s->scroll = s->scroll + page < last ? s->scroll + page : last;
		break;
	case ACT_FIRST:
		s->scroll = 0;
		break;
	case ACT_LAST:
		s->scroll = last;
		break;
	default:
		return 0;
	}
	return UI_REDRAW;
}

/* Opens the tally form on the report row, creating the draft row first. */
static int
tally_edit(struct ui *ui, struct tally_screen *s)
{
	struct ui_arg arg = { 0, s->plans[s->plan].id };

	if (s->report.final) {
		ui_message(ui, 1, "Báo cáo đã chốt; muốn sửa, mở lại bằng F9");
		return UI_REDRAW;
	}
	if (s->report.id == 0 && store_tally_save(ui->db, &s->report) != 0) {
		ui_message(ui, 1, "%s", db_error(ui->db));
		return UI_REDRAW;
	}
	arg.id = s->report.id;
	return ui_open(ui, &screen_tally_form, arg);
}

/*
 * Makes the report final, which sends it up: refused when the figures do
 * not add up; what is still open is shown at the top of the report
 * first (a second F8 when the clerk had scrolled away from it).
 */
static int
tally_finalize(struct ui *ui, struct tally_screen *s)
{
	struct submission_open o;
	char *open = NULL;
	int ok;

	if (s->report.final) {
		ui_message(ui, 1, "Báo cáo đã chốt rồi");
		return UI_REDRAW;
	}
	if (submission_open_items(ui->db, s->plans[s->plan].id,
	    tally_unit_id(s), &s->model.counts, s->report.assessment,
	    s->report.proposals, &o) != 0) {
		ui_message(ui, 1, "%s", db_error(ui->db));
		return UI_REDRAW;
	}
	if (!o.adds_up) {
		ui_message(ui, 1, "Số liệu không khớp (mục 1 phải bằng mục 3 + "
		    "mục 4 + số chưa viết): chưa chốt được");
		return UI_REDRAW;
	}
	open = submission_open_text(&o);
	if (open != NULL && s->scroll != 0) {
		free(open);
		s->scroll = 0;
		ui_message(ui, 0, "Xem việc còn dở ở đầu báo cáo; bấm F8 lần "
		    "nữa để chốt và nộp");
		return UI_REDRAW;
	}
	ok = ui_confirm(ui, open != NULL ? "Chốt báo cáo? Còn việc dở ở trên; "
	    "chốt là nộp lên cấp trên" : "Chốt báo cáo? Chốt là nộp lên cấp "
	    "trên, không sửa được nữa");
	free(open);
	if (!ok)
		return UI_REDRAW;
	if (store_tally_finalize(ui->db, &s->report, ui->today,
	    paths_login()) != 0)
		ui_message(ui, 1, "%s", db_error(ui->db));
	else
		ui_message(ui, 0, "Đã chốt báo cáo và nộp lên cấp trên");
	tally_count(ui, s);
	tally_layout(ui, s);
	return UI_REDRAW;
}

/* Reopens a final report after asking why; the reason stays in its history. */
static int
tally_reopen(struct ui *ui, struct tally_screen *s)
{
	char *why;
	const char *check;

	if (!s->report.final) {
		ui_message(ui, 1, "Báo cáo chưa chốt, sửa được ngay (F5)");
		return UI_REDRAW;
	}
	if ((why = ui_prompt(ui, "Lý do mở lại báo cáo đã chốt", "")) == NULL)
		return UI_REDRAW;
	if ((check = text_check_name(why, 300)) != NULL)
		ui_message(ui, 1, "Lý do mở lại: %s", check);
	else if (store_tally_reopen(ui->db, &s->report, ui->today, paths_login(),
	    why) != 0)
		ui_message(ui, 1, "%s", db_error(ui->db));
	else
		ui_message(ui, 0, "Đã mở lại báo cáo; lý do ghi trong lịch sử");
	free(why);
	tally_count(ui, s);
	tally_layout(ui, s);
	return UI_REDRAW;
}

static int
tally_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct tally_screen *s = data;
	int flags;

	if ((flags = tally_scroll(ui, s, act)) != 0)
		return flags;
	switch (act) {
	case ACT_LEFT:
	case ACT_RIGHT:
		s->unit = (act == ACT_LEFT ? s->unit + s->nunits - 1 :
		    s->unit + 1) % s->nunits;
		tally_count(ui, s);
		break;
	case ACT_PLAN:
		s->plan = (s->plan + 1) % s->nplans;
		tally_count(ui, s);
		break;
	case ACT_ROUND:
		/* Each round counts to its own cutoff, and has its own row. */
		campaign_ask_round(ui, &s->round);
		tally_count(ui, s);
		break;
	case ACT_EDIT:
	case ACT_OPEN:
		return tally_edit(ui, s);
	case ACT_FINAL:
		return tally_finalize(ui, s);
	case ACT_COMPLETENESS: {
		struct ui_arg arg = { s->plans[s->plan].id, tally_unit_id(s) };

		return ui_open(ui, &screen_completeness, arg);
	}
	case ACT_REOPEN:
		return tally_reopen(ui, s);
	case ACT_PRINT:
		return tally_print(ui, s->plans[s->plan].id,
		    s->plans[s->plan].number, tally_unit_id(s),
		    s->units[s->unit].name, s->round);
	default:
		return 0;
	}
	s->scroll = 0;
	tally_layout(ui, s);
	return UI_REDRAW;
}

/* Back from the tally form: the text may differ. */
static void
tally_reveal(struct ui *ui, void *data)
{
	tally_count(ui, data);
	tally_layout(ui, data);
}

/* A new width: the same model, laid out again. */
static void
tally_resize(struct ui *ui, void *data)
{
	tally_layout(ui, data);
}

const struct screen_ops screen_tally = {
	.name = "tally",
	.actions = tally_actions,
	.init = tally_init,
	.free = tally_free,
	.title = tally_title,
	.draw = tally_draw,
	.key = tally_key,
	.reveal = tally_reveal,
	.resize = tally_resize,
};
