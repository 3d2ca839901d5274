/*
 * list.c - the keyset-paged list.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "ui/list.h"
#include "ui/ui.h"
#include "xmalloc.h"

#define ROW(l, i)	((void *)((l)->rows + (i) * (l)->ops->row_size))

void
list_init(struct list *l, const struct list_ops *ops, void *ctx)
{
	memset(l, 0, sizeof *l);
	l->ops = ops;
	l->ctx = ctx;
}

static void
list_clear(struct list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		l->ops->clear_row(ROW(l, i));
	x_free(&l->rows);
	l->n = 0;
}

void
list_free(struct list *l)
{
	list_clear(l);
}

void
list_set_aside(struct list *l, struct list_page *p)
{
	p->rows = l->rows;
	p->n = l->n;
	p->cursor = l->cursor;
	p->height = l->height;
	l->rows = NULL;
	l->n = 0;
	l->cursor = 0;
}

void
list_page_free(struct list *l, struct list_page *p)
{
	struct list held = *l;

	held.rows = p->rows;
	held.n = p->n;
	list_clear(&held);
	p->rows = NULL;
	p->n = 0;
}

static int
list_fetch(struct ui *ui, struct list *l, const struct store_key *key,
    int dir, int limit, char **rows)
{
	void *got = NULL;
	int n = l->ops->fetch(ui, l->ctx, key, dir, limit, &got);

	if (n < 0) {
		ui_message(ui, 1, "Không đọc được danh sách");
		n = 0;
	}
	*rows = got;
	return n;
}

/* Replaces the rows with a fresh page after (or before) key. */
static void
list_load(struct ui *ui, struct list *l, const struct store_key *key, int dir)
{
	char *rows;
	int n = list_fetch(ui, l, key, dir, l->height, &rows);

	list_clear(l);
	l->rows = rows;
	l->n = (size_t)n;
	if (l->cursor >= l->n)
		l->cursor = l->n > 0 ? l->n - 1 : 0;
}

void
list_first(struct ui *ui, struct list *l)
{
	struct store_key start = { NULL, 0 };

	l->cursor = 0;
	list_load(ui, l, &start, STORE_AFTER);
	l->renewed = 1;
}

void
list_reload(struct ui *ui, struct list *l)
{
	struct store_key key = { NULL, 0 };
	char *before = NULL;
	int n = 0;

	/* Restart just before the first row shown, so it stays on top. */
	if (l->n > 0) {
		l->ops->key_of(ROW(l, 0), &key);
		n = list_fetch(ui, l, &key, STORE_BEFORE, 1, &before);
	}
	if (n == 1) {
		l->ops->key_of(before, &key);
		list_load(ui, l, &key, STORE_AFTER);
		l->ops->clear_row(before);
	} else {
		key.sort = NULL;
		list_load(ui, l, &key, STORE_AFTER);
	}
	free(before);
	/* Every row from the old top on may have moved above it (a member
	 * renamed "Vũ" -> "Vũ Sửa" now sorts by "Sửa"): the last page then,
	 * never an empty list over rows that are there. */
	if (l->n == 0) {
		key.sort = NULL;
		list_load(ui, l, &key, STORE_BEFORE);
	}
}

void
list_bring_back(struct ui *ui, struct list *l, struct list_page *p,
    int fresh)
{
	list_clear(l);
	l->rows = p->rows;
	l->n = p->n;
	l->cursor = p->cursor;
	p->rows = NULL;
	p->n = 0;
	l->renewed = 1;
	if (fresh || p->height != l->height)
		list_reload(ui, l);
}

void
list_place(struct ui *ui, struct list *l, int top, int height)
{
	/* A list not yet placed has nothing to keep: its screen loads it
	 * (list_first) once its query is ready. */
	int grew = l->height > 0 && height > l->height;

	l->top = top;
	l->height = height > 1 ? height : 1;
	if (grew || l->n > (size_t)l->height)
		list_reload(ui, l);
}

static void
list_draw_row(struct ui *ui, struct list *l, size_t i)
{
	l->ops->draw_row(ui, l->ctx, ROW(l, i), l->top + (int)i, i == l->cursor);
}

/*
 * Columns at the right edge that ncurses reaches only by trying every way
 * to move there (its LONG_DIST, 7, from the last column), and one more.
 */
#define LIST_EDGE	9

/*
 * New rows differ from those on the terminal in scattered cells, and
 * ncurses moves the cursor to each changed stretch. To a cell near either
 * edge of the screen it tries every way to move (some 20,000 instructions
 * a move), and a page of rows had two such moves a row: 1.1 M instructions
 * of 1.85 M per PgDn. So the rows' last columns are sent again whatever
 * the terminal shows (wredrawln of a window over them): a row then ends
 * in the last column, which leaves the cursor where ncurses addresses the
 * next row's start directly, and no move lands near the right edge.
 */
static void
list_renew_edge(struct ui *ui, struct list *l)
{
	WINDOW *edge = derwin(ui->body, (int)l->n, LIST_EDGE, l->top,
	    getmaxx(ui->body) - LIST_EDGE);

	if (edge == NULL)
		return;
	wredrawln(edge, 0, (int)l->n);
	delwin(edge);
}

void
list_draw(struct ui *ui, struct list *l)
{
	size_t i;
	int y;

	if (l->renewed && l->ops->to_edge && l->n > 0)
		list_renew_edge(ui, l);
	l->renewed = 0;
	for (i = 0; i < l->n; i++)
		list_draw_row(ui, l, i);
	for (y = l->top + (int)l->n; y < l->top + l->height; y++) {
		wmove(ui->body, y, 0);
		wclrtoeol(ui->body);
	}
	if (l->n == 0)
		ui_put(ui->body, l->top, 2, ui->cols - 4, "(danh sách trống)",
		    STYLE_DIM, 0);
}

/*
 * Adds k fetched rows at the end (dir STORE_AFTER) or the start, dropping
 * as many from the other end as needed to stay within the height.
 */
static void
list_merge(struct list *l, char *got, size_t k, int dir)
{
	size_t sz = l->ops->row_size, keep, drop, i;
	char *rows;

	keep = l->n + k > (size_t)l->height ? (size_t)l->height - k : l->n;
	drop = l->n - keep;
	rows = xcalloc(keep + k, sz);
	if (dir == STORE_AFTER) {
		for (i = 0; i < drop; i++)
			l->ops->clear_row(ROW(l, i));
		memcpy(rows, l->rows + drop * sz, keep * sz);
		memcpy(rows + keep * sz, got, k * sz);
	} else {
		for (i = keep; i < l->n; i++)
			l->ops->clear_row(ROW(l, i));
		memcpy(rows, got, k * sz);
		memcpy(rows + k * sz, l->rows, keep * sz);
	}
	free(l->rows);
	free(got);
	l->rows = rows;
	l->n = keep + k;
}

/* Fetches up to limit rows past the edge in dir; the count merged. */
static size_t
list_extend(struct ui *ui, struct list *l, int dir, int limit)
{
	struct store_key key;
	char *got;
	int k;

	if (l->n == 0)
		return 0;
	l->ops->key_of(ROW(l, dir == STORE_AFTER ? l->n - 1 : 0), &key);
	k = list_fetch(ui, l, &key, dir, limit, &got);
	if (k <= 0) {
		free(got);
		return 0;
	}
	list_merge(l, got, (size_t)k, dir);
	return (size_t)k;
}

/* Moves the cursor within the page: repaints the two rows concerned. */
static int
list_move(struct ui *ui, struct list *l, size_t to)
{
	size_t from = l->cursor;

	l->cursor = to;
	list_draw_row(ui, l, from);
	list_draw_row(ui, l, to);
	return UI_HANDLED;
}

int
list_key(struct ui *ui, struct list *l, enum ui_action act)
{
	struct store_key none = { NULL, 0 };

	switch (act) {
	case ACT_DOWN:
		if (l->cursor + 1 < l->n)
			return list_move(ui, l, l->cursor + 1);
		if (list_extend(ui, l, STORE_AFTER, 1) > 0)
			l->cursor = l->n - 1;
		break;
	case ACT_UP:
		if (l->cursor > 0)
			return list_move(ui, l, l->cursor - 1);
		if (list_extend(ui, l, STORE_BEFORE, 1) > 0)
			l->cursor = 0;
		break;
	case ACT_PGDN:
		if (list_extend(ui, l, STORE_AFTER, l->height) == 0 && l->n > 0)
			return list_move(ui, l, l->n - 1);
		break;
	case ACT_PGUP:
		if (list_extend(ui, l, STORE_BEFORE, l->height) == 0 && l->n > 0)
			return list_move(ui, l, 0);
		break;
	case ACT_FIRST:
		list_first(ui, l);
		break;
	case ACT_LAST:
		list_load(ui, l, &none, STORE_BEFORE);
		l->cursor = l->n > 0 ? l->n - 1 : 0;
		break;
	default:
		return 0;
	}
	l->renewed = 1;
	list_draw(ui, l);
	return UI_HANDLED;
}

void *
list_current(struct list *l)
{
	return l->n > 0 ? ROW(l, l->cursor) : NULL;
}

int
list_step(size_t *cursor, size_t *scroll, size_t n, size_t page,
    enum ui_action act)
{
	/* A reload may have left the cursor past a shorter list. */
	int stale = *cursor >= n;
	size_t old;

	if (stale)
		*cursor = n > 0 ? n - 1 : 0;
	switch (act) {
	case ACT_UP:
		if (*cursor > 0)
			(*cursor)--;
		break;
	case ACT_DOWN:
		if (*cursor + 1 < n)
			(*cursor)++;
		break;
	case ACT_FIRST:
	case ACT_PGUP:
		*cursor = 0;
		break;
	case ACT_LAST:
	case ACT_PGDN:
		*cursor = n > 0 ? n - 1 : 0;
		break;
	default:
		return 0;
	}
	old = *scroll;
	list_fit(scroll, *cursor, n, page);
	/* Scrolled, or the caller's old row (or row 0) may not exist. */
	return *scroll != old || n == 0 || stale ? UI_REDRAW : UI_HANDLED;
}

void
list_fit(size_t *scroll, size_t cursor, size_t n, size_t page)
{
	if (page == 0)
		page = 1;
	if (*scroll + page > n)
		*scroll = n > page ? n - page : 0;
	if (cursor < *scroll)
		*scroll = cursor;
	else if (cursor >= *scroll + page)
		*scroll = cursor - page + 1;
}
