/*
 * members.c - party members by cell: status shown, add, edit, move,
 * delete one typed in by mistake, and search by name over the whole
 * commune. The list is keyset-paged (one
 * screenful in memory), so a unit of 500,000 members scrolls instantly.
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

/* Where the list starts in the body: filter line, headings, a rule. */
#define MEMBERS_TOP	3

static const enum ui_action members_actions[] = {
	ACT_HELP, ACT_SEARCH, ACT_NEW, ACT_EDIT, ACT_MOVE, ACT_DELETE, ACT_QUIT,
	ACT_NONE
};

struct members {
	struct store_choice	*cells;
	size_t			 ncells;
	size_t			 cell;		/* 0: the whole commune */
	char			*search;	/* NULL: no search */
	struct store_member_query q;	/* planned once per cell or search */
	struct list		 list;
	/* The page shown when a search began, for Esc to bring back. */
	struct list_page	 browsed;
	size_t			 browsed_cell;
	uint64_t		 browsed_stamp;	/* db_stamp then */
};

/* Plans the query for the cell and search now chosen. */
static void
members_plan(struct ui *ui, struct members *s)
{
	s->q.scope_id = ui->home_unit;
	s->q.unit_id = s->cell == 0 ? 0 : strtoll(s->cells[s->cell - 1].code,
	    NULL, 10);
	s->q.search = s->search;
	if (store_member_query_plan(ui->db, &s->q) != 0)
		ui_message(ui, 1, "%s", db_error(ui->db));
}

/* The list again from the top, for the cell and search now chosen. */
static void
members_requery(struct ui *ui, struct members *s)
{
	members_plan(ui, s);
	list_first(ui, &s->list);
}

/*
 * Drops the search. The cell and page shown before it come back from
 * memory, at the same row, unless the clerk chose a cell during the
 * search (its list then opens at the top); read again from the first
 * row if anything was written meanwhile, so no member shows as he was.
 */
static void
members_end_search(struct ui *ui, struct members *s)
{
	x_free(&s->search);
	if (s->browsed.rows == NULL || s->cell != 0) {
		list_page_free(&s->list, &s->browsed);
		members_requery(ui, s);
		return;
	}
	s->cell = s->browsed_cell;
	members_plan(ui, s);
	list_bring_back(ui, &s->list, &s->browsed,
	    db_stamp(ui->db) != s->browsed_stamp);
}

static int
members_fetch(struct ui *ui, void *ctx, const struct store_key *key, int dir,
    int limit, void **rows)
{
	struct members *s = ctx;

	return store_members_page(ui->db, &s->q, key, dir, limit,
	    (struct store_member **)rows);
}

static void
members_clear_row(void *row)
{
	store_member_clear(row);
}

static void
members_key_of(const void *row, struct store_key *key)
{
	const struct store_member *m = row;

	key->sort = m->name_sort;
	key->id = m->id;
}

/* Columns: name, position, status, cell (ending at the right edge). */
static const int members_widths[] = { 25, 16, 14, 0 };

static void
members_draw_row(struct ui *ui, void *ctx, const void *row, int y, int sel)
{
	const struct store_member *m = row;
	const char *cols[] = { m->full_name, m->position, m->status_name,
	    draw_cell_name(m->unit_name) };

	ui_put_cols_to_edge(ui->body, y, 1, sel ? STYLE_SELECTED :
	    STYLE_NORMAL, 4, members_widths, cols);
}

static const struct list_ops members_list_ops = {
	sizeof(struct store_member), members_fetch, members_clear_row,
	members_key_of, members_draw_row, 1,
};

static void *
members_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct members *s = xcalloc(1, sizeof *s);

	s->ncells = store_unit_choices(ui->db, ui->home_unit, 1, &s->cells);
	list_init(&s->list, &members_list_ops, s);
	list_place(ui, &s->list, MEMBERS_TOP, ui->rows - MEMBERS_TOP);
	members_requery(ui, s);
	return s;
}

static void
members_free(void *data)
{
	struct members *s = data;

	list_page_free(&s->list, &s->browsed);
	list_free(&s->list);
	store_choices_free(&s->cells, s->ncells);
	free(s->search);
	free(s);
}

static char *
members_title(struct ui *ui, void *data)
{
	return xstrdup("Đảng viên");
}

static void
members_draw(struct ui *ui, void *data)
{
	static const char *const headings[] = { "Họ và tên", "Chức vụ",
	    "Tình trạng", "Chi bộ" };
	struct members *s = data;
	char *filter;

	filter = xasprintf("Chi bộ: < %s >", s->cell == 0 ?
	    "Toàn đảng bộ" : s->cells[s->cell - 1].name);
	ui_put(ui->body, 0, 1, 50, filter, STYLE_HEADING, TEXT_ELLIPSIS);
	free(filter);
	if (s->search != NULL)
		ui_putf(ui->body, 0, 52, ui->cols - 53, STYLE_WARN, "Tìm: %s",
		    s->search);
	else
		ui_put(ui->body, 0, 52, ui->cols - 53, "trái/phải: đổi chi bộ",
		    STYLE_DIM, TEXT_ALIGN_RIGHT);
	ui_put_cols_to_edge(ui->body, 1, 1, STYLE_HEADING, 4, members_widths,
	    headings);
	draw_hline(ui->body, 2, 0, ui->cols);
	list_draw(ui, &s->list);
}

/* After a new cell or search only the body changes: title and bar stay. */
static int
members_redraw(struct ui *ui, struct members *s)
{
	members_draw(ui, s);
	return UI_HANDLED;
}

/* Opens the member form: id 0 for a new member, id2 the cell or -1 to move. */
static int
members_open_form(struct ui *ui, struct members *s, int64_t id, int64_t id2)
{
	struct ui_arg arg = { id, id2 };

	return ui_open(ui, &screen_member_form, arg);
}

/*
 * Deletes a member typed in by mistake. One with attendance or essays is
 * refused: their record counts in the tally, and a clerk changes the
 * status or moves the member instead.
 */
static int
members_delete(struct ui *ui, struct members *s, const struct store_member *m)
{
	remove_row(ui, store_member_delete_refusal, xasprintf("Xóa đảng viên "
	    "%s (chưa có điểm danh, thu hoạch nào)?", m->full_name),
	    store_member_delete, m->id, "Đã xóa đảng viên");
	list_reload(ui, &s->list);
	return UI_REDRAW;
}

static int
members_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct members *s = data;
	struct store_member *m = list_current(&s->list);
	char *q;
	int r;

	if ((r = list_key(ui, &s->list, act)) != 0)
		return r;
	switch (act) {
	case ACT_LEFT:
	case ACT_RIGHT:
		s->cell = act == ACT_LEFT ? (s->cell + s->ncells) % (s->ncells + 1)
		    : (s->cell + 1) % (s->ncells + 1);
		members_requery(ui, s);
		return members_redraw(ui, s);
	case ACT_SEARCH:
		q = ui_prompt(ui, "Tìm theo tên (không cần dấu)",
		    s->search != NULL ? s->search : "");
		if (q == NULL)
			return UI_REDRAW;
		if (*q == '\0') {
			free(q);
			if (s->search != NULL)
				members_end_search(ui, s);
			return UI_REDRAW;
		}
		if (s->search == NULL) {
			list_set_aside(&s->list, &s->browsed);
			s->browsed_cell = s->cell;
			s->browsed_stamp = db_stamp(ui->db);
		}
		free(s->search);
		s->search = q;
		s->cell = 0;	/* a search covers the whole commune */
		members_requery(ui, s);
		return members_redraw(ui, s);
	case ACT_NEW:
		return members_open_form(ui, s, 0, s->cell == 0 ? 0 :
		    strtoll(s->cells[s->cell - 1].code, NULL, 10));
	case ACT_EDIT:
	case ACT_OPEN:
		return m != NULL ? members_open_form(ui, s, m->id, 0) : UI_HANDLED;
	case ACT_MOVE:
		return m != NULL ? members_open_form(ui, s, m->id, -1) : UI_HANDLED;
	case ACT_DELETE:
		return m != NULL ? members_delete(ui, s, m) : UI_HANDLED;
	case ACT_BACK:
		if (s->search == NULL)
			return 0;
		/* Esc first drops the search, then leaves. */
		members_end_search(ui, s);
		return members_redraw(ui, s);
	default:
		return 0;
	}
}

static void
members_reveal(struct ui *ui, void *data)
{
	struct members *s = data;

	list_reload(ui, &s->list);
}

static void
members_resize(struct ui *ui, void *data)
{
	struct members *s = data;

	list_place(ui, &s->list, MEMBERS_TOP, ui->rows - MEMBERS_TOP);
}

const struct screen_ops screen_members = {
	.name = "members",
	.actions = members_actions,
	.init = members_init,
	.free = members_free,
	.title = members_title,
	.draw = members_draw,
	.key = members_key,
	.reveal = members_reveal,
	.resize = members_resize,
};
