/*
 * essays.c - the essays of a plan: for each party member of the commune
 * (or of one cell) whether they must write or why they are exempt, the
 * due date, the date handed in, the state (late...) and the grade.
 *
 * Opened with arg.id the plan (0: the most recent plan of the clerk's
 * unit) and arg.id2 a cell (0: the whole commune). The list is keyset
 * paged like the members list; a filter shows only the late or missing
 * essays, and / searches by name without diacritics. Enter opens the
 * essay form; F8 the tally report of the same plan and unit.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "domain/rules.h"
#include "store/store.h"
#include "text/text.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/ui.h"
#include "xmalloc.h"

/* Where the list starts in the body: filter line, plan, headings, rule. */
#define ESSAYS_TOP	4

static const enum ui_action essays_actions[] = {
	ACT_HELP, ACT_SEARCH, ACT_EDIT, ACT_FILTER, ACT_PLAN, ACT_TALLY,
	ACT_QUIT, ACT_NONE
};

struct essays {
	struct store_plan	*plans;
	size_t			 nplans;
	size_t			 plan;
	struct store_choice	*cells;
	size_t			 ncells;
	size_t			 cell;		/* 0: the whole commune */
	char			*search;	/* NULL: no search */
	enum store_essay_filter	 filter;
	struct list		 list;
};

static int64_t
essays_cell_id(const struct essays *s)
{
	return s->cell == 0 ? 0 : strtoll(s->cells[s->cell - 1].code, NULL, 10);
}

static int
essays_fetch(struct ui *ui, void *ctx, const struct store_key *key, int dir,
    int limit, void **rows)
{
	struct essays *s = ctx;
	struct store_essay_query q;

	q.document_id = s->plans[s->plan].id;
	q.unit_id = essays_cell_id(s);
	q.scope_id = ui->home_unit;
	q.search = s->search;
	q.filter = s->filter;
	q.today = ui->today;
	return store_essays_page(ui->db, &q, key, dir, limit,
	    (struct store_essay_row **)rows);
}

static void
essays_clear_row(void *row)
{
	store_essay_row_clear(row);
}

static void
essays_key_of(const void *row, struct store_key *key)
{
	const struct store_essay_row *r = row;

	key->sort = r->name_sort;
	key->id = r->member_id;
}

/* An ISO date as DD/MM/YY (9 bytes), "" for none: the columns are narrow. */
static void
essays_short_date(const char *iso, char out[9])
{
	out[0] = '\0';
	if (strlen(iso) == 10)
		snprintf(out, 9, "%.2s/%.2s/%.2s", iso + 8, iso + 5, iso + 2);
}

static enum ui_style
essays_state_style(int state)
{
	switch (state) {
	case ESSAY_LATE:
	case ESSAY_SUBMITTED_LATE:
		return STYLE_WARN;
	case ESSAY_SUBMITTED:
		return STYLE_GOOD;
	case ESSAY_EXEMPT:
	case ESSAY_NOT_DUE:
		return STYLE_DIM;
	default:
		return STYLE_NORMAL;
	}
}

/* Columns: name, cell, must write or why not, due, handed in, state, grade. */
static const int essays_widths[] = { 17, 12, 9, 8, 8, 10, 0 };
/* Where the state column starts. */
#define ESSAYS_STATE_X	(1 + 17 + 12 + 9 + 8 + 8 + 5)

static void
essays_draw_row(struct ui *ui, void *ctx, const void *row, int y, int sel)
{
	const struct store_essay_row *r = row;
	char due[9], sub[9];
	const char *cols[7];

	/* An exempt member has no due date to keep. */
	essays_short_date(r->must_write ? r->due_on : "", due);
	essays_short_date(r->submitted_on, sub);
	cols[0] = r->full_name;
	cols[1] = draw_cell_name(r->unit_name);
	cols[2] = r->must_write ? "Phải viết" : r->reason;
	cols[3] = due;
	cols[4] = sub;
	cols[5] = rules_state_name(r->state);
	cols[6] = store_grade_name(r->grade);
	ui_put_cols(ui->body, y, 1, sel ? STYLE_SELECTED : STYLE_NORMAL, 7,
	    essays_widths, cols);
	/* The state stands out in colour unless the row is selected. */
	if (!sel)
		ui_put(ui->body, y, ESSAYS_STATE_X, 10,
		    rules_state_name(r->state), essays_state_style(r->state),
		    0);
}

static const struct list_ops essays_list_ops = {
	sizeof(struct store_essay_row), essays_fetch, essays_clear_row,
	essays_key_of, essays_draw_row, 0,
};

static void *
essays_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct essays *s = xcalloc(1, sizeof *s);

	if (campaign_plans(ui, arg.id, &s->plans, &s->nplans, &s->plan) != 0) {
		free(s);
		return NULL;
	}
	s->ncells = store_unit_choices(ui->db, ui->home_unit, 1, &s->cells);
	/* Index 0 is the whole commune, the cells follow. */
	s->cell = (campaign_find_unit(s->cells, s->ncells, arg.id2) + 1) %
	    (s->ncells + 1);
	list_init(&s->list, &essays_list_ops, s);
	list_place(ui, &s->list, ESSAYS_TOP, ui->rows - ESSAYS_TOP);
	list_first(ui, &s->list);
	return s;
}

static void
essays_free(void *data)
{
	struct essays *s = data;

	list_free(&s->list);
	store_plans_free(&s->plans, s->nplans);
	store_choices_free(&s->cells, s->ncells);
	free(s->search);
	free(s);
}

static char *
essays_title(struct ui *ui, void *data)
{
	struct essays *s = data;

	return xasprintf("Bài thu hoạch - %s", s->plans[s->plan].number);
}

static void
essays_draw(struct ui *ui, void *data)
{
	static const char *const headings[] = { "Họ và tên", "Chi bộ",
	    "Diện", "Hạn nộp", "Ngày nộp", "Trạng thái", "Xếp loại" };
	struct essays *s = data;
	char *line;

	line = xasprintf("Chi bộ: < %s >", s->cell == 0 ? "Toàn đảng bộ" :
	    s->cells[s->cell - 1].name);
	ui_put(ui->body, 0, 1, 46, line, STYLE_HEADING, TEXT_ELLIPSIS);
	free(line);
	if (s->search != NULL)
		line = xasprintf("Tìm: %s | Lọc: %s", s->search,
		    store_essay_filter_name(s->filter));
	else
		line = xasprintf("Lọc (F6): %s",
		    store_essay_filter_name(s->filter));
	ui_put(ui->body, 0, 48, ui->cols - 49, line, s->search != NULL ||
	    s->filter != STORE_ESSAY_ALL ? STYLE_WARN : STYLE_DIM,
	    TEXT_ELLIPSIS | TEXT_ALIGN_RIGHT);
	free(line);
	ui_putf(ui->body, 1, 1, ui->cols - 2, STYLE_DIM, "Kế hoạch %s: %s",
	    s->plans[s->plan].number, s->plans[s->plan].title);
	ui_put_cols(ui->body, 2, 1, STYLE_HEADING, 7, essays_widths, headings);
	draw_hline(ui->body, 3, 0, ui->cols);
	list_draw(ui, &s->list);
}

static int
essays_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct essays *s = data;
	struct store_essay_row *r = list_current(&s->list);
	struct ui_arg arg = { s->plans[s->plan].id, 0 };
	char *q;
	int flags;

	if ((flags = list_key(ui, &s->list, act)) != 0)
		return flags;
	switch (act) {
	case ACT_LEFT:
	case ACT_RIGHT:
		s->cell = (act == ACT_LEFT ? s->cell + s->ncells :
		    s->cell + 1) % (s->ncells + 1);
		break;
	case ACT_FILTER:
		s->filter = (s->filter + 1) % STORE_ESSAY_NFILTERS;
		break;
	case ACT_PLAN:
		s->plan = (s->plan + 1) % s->nplans;
		break;
	case ACT_SEARCH:
		q = ui_prompt(ui, "Tìm theo tên (không cần dấu)",
		    s->search != NULL ? s->search : "");
		if (q == NULL)
			return UI_REDRAW;
		x_free(&s->search);
		if (*q != '\0')
			s->search = q;
		else
			free(q);
		break;
	case ACT_EDIT:
	case ACT_OPEN:
		if (r == NULL)
			return UI_HANDLED;
		arg.id2 = r->member_id;
		return ui_open(ui, &screen_essay_form, arg);
	case ACT_TALLY:
		arg.id2 = essays_cell_id(s) != 0 ? essays_cell_id(s) :
		    ui->home_unit;
		return ui_open(ui, &screen_tally, arg);
	case ACT_BACK:
		if (s->search == NULL)
			return 0;
		/* Esc first drops the search, then leaves. */
		x_free(&s->search);
		break;
	default:
		return 0;
	}
	list_first(ui, &s->list);
	return UI_REDRAW;
}

static void
essays_reveal(struct ui *ui, void *data)
{
	struct essays *s = data;

	list_reload(ui, &s->list);
}

static void
essays_resize(struct ui *ui, void *data)
{
	struct essays *s = data;

	list_place(ui, &s->list, ESSAYS_TOP, ui->rows - ESSAYS_TOP);
}

const struct screen_ops screen_essays = {
	.name = "essays",
	.actions = essays_actions,
	.init = essays_init,
	.free = essays_free,
	.title = essays_title,
	.draw = essays_draw,
	.key = essays_key,
	.reveal = essays_reveal,
	.resize = essays_resize,
};
