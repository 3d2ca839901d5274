/*
 * changes.c - what the plans from above changed since the clerk last
 * looked (F3 or 6 on Home): a line a change, oldest first, and the
 * selected one whole under the list. Opening the list is looking: every
 * change it shows is marked seen (store_changes_seen), so Home's
 * "Thay đổi" block is empty on return, and stays so for this clerk.
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

#define CHANGES_TOP	2
/* The selected change, whole, under the list. */
#define CHANGES_DETAIL	3

static const enum ui_action changes_actions[] = {
	ACT_HELP, ACT_QUIT, ACT_NONE
};

struct changes {
	struct store_change	*rows;
	size_t			 n;
	size_t			 cursor;
	size_t			 scroll;
};

static void *
changes_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct changes *s = xcalloc(1, sizeof *s);
	int n = store_changes_list(ui->db, ui->home_unit, &s->rows);

	s->n = n > 0 ? (size_t)n : 0;
	if (n < 0)
		ui_message(ui, 1, "%s", db_error(ui->db));
	else if (n > 0 && store_changes_seen(ui->db,
	    store_changes_mark_of(s->rows, s->n)) != 0)
		ui_message(ui, 1, "%s", db_error(ui->db));
	return s;
}

static void
changes_free(void *data)
{
	struct changes *s = data;

	store_changes_free(&s->rows, s->n);
	free(s);
}

static char *
changes_title(struct ui *ui, void *data)
{
	return xstrdup("Thay đổi của kế hoạch cấp trên");
}

static int
changes_page(struct ui *ui)
{
	return ui->rows - CHANGES_TOP - CHANGES_DETAIL - 1;
}

static void
changes_draw_row(struct ui *ui, struct changes *s, size_t i)
{
	char *line = store_change_line(&s->rows[i]);

	ui_put(ui->body, CHANGES_TOP + (int)(i - s->scroll), 1, ui->cols - 2,
	    line, i == s->cursor ? STYLE_SELECTED : STYLE_NORMAL,
	    TEXT_ELLIPSIS);
	free(line);
}

/* The selected change whole: plan, record, field with old and new. */
static void
changes_draw_detail(struct ui *ui, struct changes *s)
{
	const struct store_change *c = &s->rows[s->cursor];
	int y = ui->rows - CHANGES_DETAIL;

	draw_hline(ui->body, y - 1, 0, ui->cols);
	ui_putf(ui->body, y++, 1, ui->cols - 2, STYLE_NORMAL, "Kế hoạch %s: "
	    "%s", c->plan, c->what);
	ui_putf(ui->body, y++, 1, ui->cols - 2, STYLE_HEADING, "%s", c->field);
	if (*c->old_value != '\0' || *c->new_value != '\0')
		ui_putf(ui->body, y, 3, ui->cols - 4, STYLE_WARN, "%s -> %s",
		    *c->old_value != '\0' ? c->old_value : "(trống)",
		    *c->new_value != '\0' ? c->new_value : "(trống)");
}

static void
changes_draw(struct ui *ui, void *data)
{
	struct changes *s = data;
	size_t i;

	/* At the cap, the older ones: the rest show once these are seen. */
	ui_putf(ui->body, 0, 1, ui->cols - 2, STYLE_HEADING, s->n >=
	    STORE_CHANGES_MAX ? "%zu thay đổi cũ nhất (nay đã đánh dấu là đã "
	    "xem; còn nữa: mở lại để xem tiếp)" : "%zu thay đổi từ lần xem "
	    "trước (nay đã đánh dấu là đã xem)", s->n);
	draw_hline(ui->body, 1, 0, ui->cols);
	if (s->n == 0) {
		ui_put(ui->body, CHANGES_TOP, 2, ui->cols - 4, "(cấp trên chưa "
		    "thay đổi kế hoạch nào từ lần xem trước)", STYLE_DIM, 0);
		return;
	}
	list_fit(&s->scroll, s->cursor, s->n, (size_t)changes_page(ui));
	for (i = s->scroll; i < s->n && (int)(i - s->scroll) <
	    changes_page(ui); i++)
		changes_draw_row(ui, s, i);
	changes_draw_detail(ui, s);
}

static int
changes_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct changes *s = data;
	int r = list_step(&s->cursor, &s->scroll, s->n,
	    (size_t)changes_page(ui), act);

	/* The detail follows the cursor: the whole body is drawn again. */
	return r == UI_HANDLED ? UI_REDRAW : r;
}

const struct screen_ops screen_changes = {
	.name = "changes",
	.actions = changes_actions,
	.init = changes_init,
	.free = changes_free,
	.title = changes_title,
	.draw = changes_draw,
	.key = changes_key,
};
