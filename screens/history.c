/*
 * history.c - a record's history: who changed it, when, from what to
 * what (the audit trail, src/domain/audit.h), newest first. Opened from
 * a form with ACT_HISTORY: arg.id the record, arg.id2 its table's number
 * (audit_table_index). The list pages by key; the selected change is
 * shown whole under it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "domain/audit.h"
#include "text/text.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/ui.h"
#include "xmalloc.h"

#include "longtext.h"

/* Lines above the list (heading, column names, rule) and the detail below. */
#define HISTORY_TOP	3
#define HISTORY_DETAIL	8

static const enum ui_action history_actions[] = {
	ACT_HELP, ACT_QUIT, ACT_NONE
};

struct history {
	struct audit_query	 q;
	struct list		 list;
};

static int
history_fetch(struct ui *ui, void *ctx, const struct store_key *key, int dir,
    int limit, void **rows)
{
	struct history *s = ctx;
	struct audit_key k;

	k.at = key != NULL ? key->sort : NULL;
	k.id = key != NULL ? key->id : 0;
	return audit_page(ui->db, &s->q, &k, dir, limit,
	    (struct audit_entry **)rows);
}

static void
history_clear_row(void *row)
{
	audit_entry_clear(row);
}

static void
history_key_of(const void *row, struct store_key *key)
{
	const struct audit_entry *e = row;

	key->sort = e->at;
	key->id = e->id;
}

/* Columns: when, who, what was done. */
static const int history_widths[] = { 20, 30, 0 };

static void
history_draw_row(struct ui *ui, void *ctx, const void *row, int y, int sel)
{
	const struct audit_entry *e = row;
	const char *cols[] = { e->when, e->actor, e->op };

	ui_put_cols(ui->body, y, 1, sel ? STYLE_SELECTED : STYLE_NORMAL, 3,
	    history_widths, cols);
}

static const struct list_ops history_list_ops = {
	sizeof(struct audit_entry), history_fetch, history_clear_row,
	history_key_of, history_draw_row, 0,
};

/* Rows of the list at the current size of the window. */
static int
history_page(struct ui *ui)
{
	int page = ui->rows - HISTORY_TOP - HISTORY_DETAIL;

	return page > 1 ? page : 1;
}

static void *
history_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct history *s;
	const char *table = audit_table_at((int)arg.id2);

	if (table == NULL || d != NULL)
		return NULL;
	s = xcalloc(1, sizeof *s);
	s->q.tbl = table;
	s->q.row_id = arg.id;
	s->q.newest_first = 1;
	list_init(&s->list, &history_list_ops, s);
	list_place(ui, &s->list, HISTORY_TOP, history_page(ui));
	list_first(ui, &s->list);
	return s;
}

static void
history_free(void *data)
{
	struct history *s = data;

	list_free(&s->list);
	free(s);
}

static char *
history_title(struct ui *ui, void *data)
{
	struct history *s = data;

	return xasprintf("Lịch sử thay đổi - %s", audit_table_name(s->q.tbl));
}

/* The selected change whole: the record, then a line a changed column. */
static void
history_draw_detail(struct ui *ui, const struct audit_entry *e, int y)
{
	char *text = xasprintf("%s «%s», %s lúc %s bởi %s%s%s", e->table,
	    e->name, e->op, e->when, e->actor, *e->changes != '\0' ? ":\n" : "",
	    e->changes);

	longtext_detail(ui, y, text);
	free(text);
}

static void
history_draw(struct ui *ui, void *data)
{
	static const char *const headings[] = { "Lúc", "Ai", "Việc" };
	struct history *s = data;
	const struct audit_entry *e;

	if (s->list.n == 0) {
		ui_put(ui->body, 0, 1, ui->cols - 2, "Chưa có thay đổi nào được "
		    "ghi cho bản ghi này.", STYLE_GOOD, 0);
		return;
	}
	ui_put(ui->body, 0, 1, ui->cols - 2, "Mới nhất ở trên; mũi tên để "
	    "xem từng lần sửa", STYLE_HEADING, 0);
	ui_put_cols(ui->body, 1, 1, STYLE_HEADING, 3, history_widths, headings);
	draw_hline(ui->body, 2, 0, ui->cols);
	list_draw(ui, &s->list);
	if ((e = list_current(&s->list)) != NULL)
		history_draw_detail(ui, e, HISTORY_TOP + history_page(ui));
}

static int
history_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct history *s = data;

	/* The detail follows the cursor: every move redraws it. */
	return list_key(ui, &s->list, act) != 0 ? UI_REDRAW : 0;
}

static void
history_resize(struct ui *ui, void *data)
{
	struct history *s = data;

	list_place(ui, &s->list, HISTORY_TOP, history_page(ui));
}

const struct screen_ops screen_history = {
	.name = "history",
	.actions = history_actions,
	.init = history_init,
	.free = history_free,
	.title = history_title,
	.draw = history_draw,
	.key = history_key,
	.resize = history_resize,
};
