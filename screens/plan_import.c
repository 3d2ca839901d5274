/*
 * plan_import.c - a plan read from its text file, for the clerk to check
 * before anything is saved: one row per field the program found, with
 * the line of the text it came from shown under the list. Enter or F5
 * corrects the row, F9 drops a wrong one, F2 saves the whole plan
 * (store_plan_import, the writer `quantriet import plan` uses too), Esc
 * leaves without saving. What the program did not recognise stays in the
 * text, which the line under the list shows as the cursor moves.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/date.h"
#include "domain/deadline.h"
#include "domain/plan_file.h"
#include "domain/plan_text.h"
#include "store/store.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/ui.h"
#include "xmalloc.h"

#define REVIEW_TOP	2	/* the list's first row */
#define REVIEW_FOOT	3	/* under the list: a rule, the source, an item's form */

enum review_field {
	RF_NUMBER, RF_KIND, RF_ISSUER, RF_PLACE, RF_DATE, RF_TITLE,
	RF_PARENT, RF_RESOLUTION, RF_ITEM, RF_REPORT, RF_ESSAY
};

struct review_row {
	enum review_field	 field;
	size_t			 i;	/* which parent, resolution, item, report */
};

struct review {
	char			*path;
	char			**lines;	/* the text, split; lines[k] is line k + 1 */
	int			 nlines;
	struct plan_text	 p;
	struct review_row	*rows;
	size_t			 nrows, cursor, scroll;
};

static const enum ui_action review_actions[] = {
	ACT_HELP, ACT_SAVE, ACT_EDIT, ACT_DELETE, ACT_QUIT, ACT_NONE
};

static const char *const review_labels[] = {
	"Số", "Loại", "Cơ quan ban hành", "Nơi ban hành", "Ngày ban hành",
	"Trích yếu", "Thực hiện văn bản", "Nghị quyết", "Mục", "Báo cáo",
	"Bài thu hoạch"
};

static void
review_add(struct review *r, enum review_field f, size_t i)
{
	r->rows = xrealloc(r->rows, (r->nrows + 1) * sizeof *r->rows);
	r->rows[r->nrows].field = f;
	r->rows[r->nrows++].i = i;
}

/* One row per field, in the order the document reads. */
static void
review_build(struct review *r)
{
	const struct plan_text *p = &r->p;
	size_t i;

	r->nrows = 0;
	for (i = RF_NUMBER; i <= RF_TITLE; i++)
		review_add(r, (enum review_field)i, 0);
	for (i = 0; i < p->nparents; i++)
		review_add(r, RF_PARENT, i);
	for (i = 0; i < p->nresolutions; i++)
		review_add(r, RF_RESOLUTION, i);
	for (i = 0; i < p->nitems; i++)
		review_add(r, RF_ITEM, i);
	for (i = 0; i < p->nreports; i++)
		review_add(r, RF_REPORT, i);
	review_add(r, RF_ESSAY, 0);
	if (r->cursor >= r->nrows)
		r->cursor = r->nrows - 1;
}

static char *
review_date(struct qt_date d)
{
	char vn[11] = "";

	if (d.y != 0)
		date_to_vn(d, vn);
	return xstrdup(vn);
}

/*
 * How an item is held, as its text says: " · trực tuyến, 07:30, 31 điểm
 * cầu (Văn phòng Tỉnh ủy, …)", or "" when it says none of it.
 */
static char *
review_how(const struct plan_text_item *it)
{
	char count[32] = "", *names = NULL, *p, *all, *out;

	if (it->bridges != NULL) {
		names = xstrdup(it->bridges);
		for (p = names; (p = strchr(p, '\n')) != NULL; )
			*p = ';';
	}
	if (it->bridge_count > 0)
		snprintf(count, sizeof count, ", %d điểm cầu", it->bridge_count);
	all = xasprintf("%s%s%s%s%s%s%s", it->form == NULL ? "" :
	    strcmp(it->form, "online") == 0 ? ", trực tuyến" : ", trực tiếp",
	    *it->start != '\0' ? ", " : "", it->start, count,
	    names == NULL ? "" : *count != '\0' ? ": " : ", điểm cầu: ",
	    names != NULL ? names : "", "");
	/* The list's first ", " becomes the " · " that sets it apart. */
	out = *all != '\0' ? xasprintf(" ·%s", all + 1) : xstrdup("");
	free(all);
	free(names);
	return out;
}

/* What row shows as its value, newly allocated ("" when not found). */
static char *
review_value(const struct review *r, const struct review_row *row)
{
	const struct plan_text *p = &r->p;
	char vn[11] = "";

	switch (row->field) {
	case RF_NUMBER: return xstrdup(p->number ? p->number : "");
	case RF_KIND: return xstrdup(p->kind ? p->kind : "");
	case RF_ISSUER: return xstrdup(p->issuer ? p->issuer : "");
	case RF_PLACE: return xstrdup(p->place ? p->place : "");
	case RF_DATE: return review_date(p->date);
	case RF_TITLE: return xstrdup(p->title ? p->title : "");
	case RF_PARENT:
		if (p->parents[row->i].date.y != 0)
			date_to_vn(p->parents[row->i].date, vn);
		return xasprintf("%s%s%s", p->parents[row->i].number,
		    *vn ? " ngày " : "", vn);
	case RF_RESOLUTION: return xstrdup(p->resolutions[row->i].title);
	case RF_ITEM: {
		const struct plan_text_item *it = &p->items[row->i];
		char *how = review_how(it), *v;

		if (it->last.y != 0)
			date_to_vn(it->last, vn);
		v = xasprintf("%s: %s — %s%s%s%s", it->level, it->what,
		    it->words != NULL ? it->words : "chưa có hạn",
		    *vn ? " → " : "", vn, how);
		free(how);
		return v;
	}
	case RF_REPORT: {
		const struct plan_text_report *rp = &p->reports[row->i];
		char round[32] = "";

		date_to_vn(rp->last, vn);
		if (rp->round > 0)
			snprintf(round, sizeof round, "đợt %d, ", rp->round);
		return xasprintf("%s%s: %s — hạn %s", round,
		    *rp->level ? rp->level : "?", rp->what, vn);
	}
	case RF_ESSAY:
		if (p->essay == PLAN_ESSAY_DAYS)
			return xasprintf("%d ngày sau buổi học (%s)",
			    p->essay_days, p->essay_words);
		if (p->essay == PLAN_ESSAY_NONE)
			return xasprintf("không viết (%s)", p->essay_words);
		if (p->essay == PLAN_ESSAY_DATE) {
			date_to_vn(p->essay_date, vn);
			return xasprintf("nộp đến hết ngày %s (%s)", vn,
			    p->essay_words);
		}
		return xstrdup("theo quy định chung");
	}
	return xstrdup("");
}

/* The line of the text row came from, 0 if none. */
static int
review_line(const struct review *r, const struct review_row *row)
{
	const struct plan_text *p = &r->p;

	switch (row->field) {
	case RF_NUMBER: case RF_KIND: return p->number_line;
	case RF_ISSUER: return p->issuer_line;
	case RF_PLACE: case RF_DATE: return p->date_line;
	case RF_TITLE: return p->title_line;
	case RF_PARENT: return p->parents[row->i].line;
	case RF_RESOLUTION: return p->resolutions[row->i].line;
	case RF_ITEM: return p->items[row->i].line;
	case RF_REPORT: return p->reports[row->i].line;
	case RF_ESSAY: return p->essay_line;
	}
	return 0;
}

static void
review_split(struct review *r, char *text)
{
	char *s = text, *nl;

	/* The parser dropped a leading byte-order mark the same way. */
	if (strncmp(s, "\357\273\277", 3) == 0)
		s += 3;
	for (; s != NULL; s = nl) {
		if ((nl = strchr(s, '\n')) != NULL)
			*nl++ = '\0';
		s[strcspn(s, "\r")] = '\0';
		r->lines = xrealloc(r->lines, (size_t)(r->nlines + 1) *
		    sizeof *r->lines);
		r->lines[r->nlines++] = xstrdup(s);
	}
}

static void
review_free(void *data)
{
	struct review *r = data;
	int k;

	for (k = 0; k < r->nlines; k++)
		free(r->lines[k]);
	free(r->lines);
	plan_text_clear(&r->p);
	free(r->rows);
	free(r->path);
	free(r);
}

static void *
review_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct review *r;
	char *path, *text, *err = NULL;

	(void)arg;
	(void)d;
	path = ui_prompt(ui, "Tệp văn bản của kế hoạch (.txt): ", "");
	if (path == NULL || *path == '\0') {
		free(path);
		return NULL;
	}
	r = xcalloc(1, sizeof *r);
	if ((text = plan_file_read(path, NULL, &r->p, &err)) == NULL) {
		ui_message(ui, 1, "%s", err);
		free(err);
		free(path);
		free(r);
		return NULL;
	}
	r->path = path;
	review_split(r, text);
	free(text);
	review_build(r);
	return r;
}

static char *
review_title(struct ui *ui, void *data)
{
	(void)ui;
	(void)data;
	return xstrdup("Nhập kế hoạch từ tệp: xem lại trước khi lưu");
}

static const int review_widths[] = { 18, 0 };

static void
review_draw_row(struct ui *ui, struct review *r, size_t i)
{
	char *value = review_value(r, &r->rows[i]);
	const char *cols[2];

	cols[0] = review_labels[r->rows[i].field];
	cols[1] = *value ? value : "(không thấy trong văn bản)";
	ui_put_cols(ui->body, REVIEW_TOP + (int)(i - r->scroll), 1,
	    i == r->cursor ? STYLE_SELECTED : *value ? STYLE_NORMAL : STYLE_DIM,
	    2, review_widths, cols);
	free(value);
}

/* Under the list: the line of the text the selected field came from. */
static void
review_draw_source(struct ui *ui, struct review *r)
{
	int y = ui->rows - REVIEW_FOOT + 1;
	int line = review_line(r, &r->rows[r->cursor]);

	wmove(ui->body, y, 0);
	wclrtobot(ui->body);
	if (line > 0 && line <= r->nlines)
		ui_putf(ui->body, y, 1, ui->cols - 2, STYLE_DIM, "Dòng %d: %s",
		    line, r->lines[line - 1]);
	else
		ui_put(ui->body, y, 1, ui->cols - 2, "Không thấy trong văn bản: "
		    "Enter hoặc F5 để ghi vào", STYLE_DIM, 0);
	/* An item's row is cut at 80 columns: how it is held, in full. */
	if (r->rows[r->cursor].field == RF_ITEM && y + 1 < ui->rows) {
		char *how = review_how(&r->p.items[r->rows[r->cursor].i]);

		if (*how != '\0')
			ui_putf(ui->body, y + 1, 1, ui->cols - 2, STYLE_NORMAL,
			    "Cách tổ chức:%s", how + strlen(" ·"));
		free(how);
	}
}

static void
review_draw(struct ui *ui, void *data)
{
	struct review *r = data;
	size_t i, page = (size_t)(ui->rows - REVIEW_TOP - REVIEW_FOOT);

	ui_putf(ui->body, 0, 1, ui->cols - 2, STYLE_HEADING, "Chưa lưu gì "
	    "(F2: lưu, Esc: bỏ). Tệp %s", r->path);
	draw_hline(ui->body, 1, 0, ui->cols);
	list_fit(&r->scroll, r->cursor, r->nrows, page);
	for (i = r->scroll; i < r->nrows && i - r->scroll < page; i++)
		review_draw_row(ui, r, i);
	draw_hline(ui->body, ui->rows - REVIEW_FOOT, 0, ui->cols);
	review_draw_source(ui, r);
}

/* Replaces *s by the clerk's answer to label; 0, or -1 if cancelled. */
static int
review_ask_text(struct ui *ui, const char *label, char **s)
{
	char *answer = ui_prompt(ui, label, *s != NULL ? *s : "");

	if (answer == NULL)
		return -1;
	free(*s);
	*s = answer;
	return 0;
}

/* A date as the clerk types it (DD/MM/YYYY) into *d; -1 if refused. */
static int
review_ask_date(struct ui *ui, const char *label, struct qt_date *d)
{
	char *now = review_date(*d), *answer = ui_prompt(ui, label, now);
	const char *why = NULL;
	struct qt_date v;

	free(now);
	if (answer == NULL)
		return -1;
	if ((why = date_parse(answer, &v)) != NULL)
		ui_message(ui, 1, "%s", why);
	else
		*d = v;
	free(answer);
	return why != NULL ? -1 : 0;
}

/* The deadline as written; resolved against the plan's year. */
static void
review_ask_deadline(struct ui *ui, struct review *r, struct plan_text_item *it)
{
	char *answer = ui_prompt(ui, "Thời hạn (như văn bản viết, ví dụ "
	    "\"trong quý II/2021\"): ", it->words != NULL ? it->words : "");
	struct deadline d;
	const char *why;

	if (answer == NULL)
		return;
	if ((why = deadline_parse(answer, r->p.date.y, &d)) != NULL)
		ui_message(ui, 1, "%s", why);
	else {
		free(it->words);
		it->words = xstrdup(d.words);
		it->last = d.last;
		deadline_clear(&d);
	}
	free(answer);
}

/*
 * "7" days, "không" for no essay, a date as written ("trước ngày
 * 30/6/2021") for a fixed day, empty for the general rule.
 */
static void
review_ask_essay(struct ui *ui, struct plan_text *p)
{
	char *answer = ui_prompt(ui, "Hạn nộp thu hoạch: số ngày sau buổi học, "
	    "ngày (trước ngày 30/6/2021), \"không\" nếu không viết, trống: "
	    "theo quy định chung: ", "");
	char *end, iso[11];
	long days;

	if (answer == NULL)
		return;
	days = strtol(answer, &end, 10);
	free(p->essay_words);
	p->essay_words = xstrdup(answer);
	if (*answer == '\0')
		p->essay = PLAN_ESSAY_UNKNOWN;
	else if (strcmp(answer, "không") == 0 || strcmp(answer, "khong") == 0)
		p->essay = PLAN_ESSAY_NONE;
	else if (*end == '\0' && end != answer && days >= 0 && days <= 365) {
		p->essay = PLAN_ESSAY_DAYS;
		p->essay_days = (int)days;
	} else if (deadline_last_day(answer, p->date.y, iso) == NULL &&
	    date_from_iso(iso, &p->essay_date) == 0)
		p->essay = PLAN_ESSAY_DATE;
	else
		ui_message(ui, 1, "Ghi số ngày (0-365), một ngày, \"không\" "
		    "hoặc để trống");
	free(answer);
}

static void
review_edit(struct ui *ui, struct review *r)
{
	const struct review_row *row = &r->rows[r->cursor];
	struct plan_text *p = &r->p;

	switch (row->field) {
	case RF_NUMBER: review_ask_text(ui, "Số: ", &p->number); break;
	case RF_KIND: review_ask_text(ui, "Loại (KH, HD, CT...): ", &p->kind); break;
	case RF_ISSUER: review_ask_text(ui, "Cơ quan ban hành: ", &p->issuer); break;
	case RF_PLACE: review_ask_text(ui, "Nơi ban hành: ", &p->place); break;
	case RF_DATE: review_ask_date(ui, "Ngày ban hành: ", &p->date); break;
	case RF_TITLE: review_ask_text(ui, "Trích yếu: ", &p->title); break;
	case RF_PARENT:
		review_ask_text(ui, "Số văn bản cấp trên: ",
		    &p->parents[row->i].number);
		break;
	case RF_RESOLUTION:
		review_ask_text(ui, "Nghị quyết: ", &p->resolutions[row->i].title);
		break;
	case RF_ITEM: review_ask_deadline(ui, r, &p->items[row->i]); break;
	case RF_REPORT:
		review_ask_date(ui, "Hạn báo cáo: ", &p->reports[row->i].last);
		break;
	case RF_ESSAY: review_ask_essay(ui, p); break;
	}
}

/* Removes element i of an array of n elements of size sz. */
static void
review_cut(void *base, size_t *n, size_t sz, size_t i)
{
	char *b = base;

	memmove(b + i * sz, b + (i + 1) * sz, (*n - i - 1) * sz);
	(*n)--;
}

/* Drops a wrongly read parent, resolution, item or report. */
static void
review_drop(struct ui *ui, struct review *r)
{
	const struct review_row *row = &r->rows[r->cursor];
	struct plan_text *p = &r->p;
	size_t i = row->i;

	switch (row->field) {
	case RF_PARENT:
		free(p->parents[i].number);
		review_cut(p->parents, &p->nparents, sizeof *p->parents, i);
		break;
	case RF_RESOLUTION:
		free(p->resolutions[i].title);
		review_cut(p->resolutions, &p->nresolutions,
		    sizeof *p->resolutions, i);
		break;
	case RF_ITEM:
		plan_text_item_clear(&p->items[i]);
		review_cut(p->items, &p->nitems, sizeof *p->items, i);
		break;
	case RF_REPORT:
		free(p->reports[i].level);
		free(p->reports[i].what);
		review_cut(p->reports, &p->nreports, sizeof *p->reports, i);
		break;
	default:
		ui_message(ui, 1, "Dòng này không bỏ được: Enter hoặc F5 để sửa");
		return;
	}
	review_build(r);
}

static int
review_save(struct ui *ui, struct review *r)
{
	const char *missing = store_plan_import_missing(ui->db, &r->p,
	    ui->home_unit);

	if (missing != NULL) {
		ui_message(ui, 1, "Chưa lưu: %s", missing);
		return UI_REDRAW;
	}
	if (store_plan_import(ui->db, &r->p, ui->home_unit) < 0) {
		ui_message(ui, 1, "Chưa lưu: %s", db_error(ui->db));
		return UI_REDRAW;
	}
	ui_message(ui, 0, "Đã lưu kế hoạch %s", r->p.number);
	return UI_BACK | UI_REDRAW;
}

static int
review_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct review *r = data;
	size_t old = r->cursor;
	size_t page = (size_t)(ui->rows - REVIEW_TOP - REVIEW_FOOT);
	int rc;

	(void)ch;
	(void)is_keycode;
	switch (act) {
	case ACT_OPEN:
	case ACT_EDIT:
		review_edit(ui, r);
		return UI_REDRAW;
	case ACT_DELETE:
		review_drop(ui, r);
		return UI_REDRAW;
	case ACT_SAVE:
		return review_save(ui, r);
	case ACT_BACK:
		if (!ui_confirm(ui, "Bỏ kế hoạch đọc từ tệp, không lưu gì?"))
			return UI_REDRAW;
		return UI_BACK;
	default:
		break;
	}
	rc = list_step(&r->cursor, &r->scroll, r->nrows, page, act);
	if (rc == UI_HANDLED) {
		review_draw_row(ui, r, old);
		review_draw_row(ui, r, r->cursor);
		review_draw_source(ui, r);
	}
	return rc;
}

const struct screen_ops screen_plan_import = {
	.name = "plan_import",
	.actions = review_actions,
	.init = review_init,
	.free = review_free,
	.title = review_title,
	.draw = review_draw,
	.key = review_key,
};
