/*
 * unit_match.c - "Ghép đơn vị": the units typed on this PC before it was
 * enrolled, beside the province's, for the clerk to say which is which
 * (src/sync/rekey.c matched what it could by code). Opened from the sync
 * screen while enrolment waits for it; sync refuses to run until F3.
 *
 * Two panes, each one page of its tree at a time: left the local units
 * (with what each will become), right the server's. Left/right arrows
 * change pane, Enter pairs the local unit selected with the server's,
 * x unpairs, F3 or g re-keys and ends the matching.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "sync/sync.h"
#include "text/text.h"
#include "ui/draw.h"
#include "ui/ui.h"
#include "xmalloc.h"

/* Lines above the panes (headings, rule) and below them (help). */
#define MATCH_TOP	2
#define MATCH_BOTTOM	3

static const enum ui_action unit_match_actions[] = {
	ACT_HELP, ACT_DELETE, ACT_MATCH, ACT_QUIT, ACT_NONE
};

struct match_pane {
	int			 remote;	/* 1: the server's tree */
	int64_t			 total;
	int			 offset;	/* of items[0] */
	struct sync_match_unit	*items;
	int			 n;
	int			 cursor;	/* in items */
};

struct unit_match {
	struct match_pane	 pane[2];
	int			 focus;		/* 0 left, 1 right */
	int64_t			 unplaced;
};

/* Rows of a pane at the current size of the window. */
static int
unit_match_page(struct ui *ui)
{
	int page = ui->rows - MATCH_TOP - MATCH_BOTTOM;

	return page > 1 ? page : 1;
}

/* Loads the page of p that starts at offset (kept within the units). */
static void
unit_match_load(struct ui *ui, struct match_pane *p, int offset)
{
	int page = unit_match_page(ui), n;

	sync_match_free(p->items, p->n);
	p->items = NULL;
	p->n = 0;
	p->total = sync_match_count(ui->db, p->remote);
	if (offset > p->total - 1)
		offset = (int)(p->total > 0 ? (p->total - 1) / page * page : 0);
	if (offset < 0)
		offset = 0;
	p->offset = offset;
	n = p->remote ? sync_match_remote(ui->db, offset, page, &p->items) :
	    sync_match_local(ui->db, offset, page, &p->items);
	if (n < 0) {
		ui_message(ui, 1, "Không đọc được danh sách đơn vị: lỗi cơ sở "
		    "dữ liệu");
		n = 0;
	}
	p->n = n;
	if (p->cursor >= p->n)
		p->cursor = p->n > 0 ? p->n - 1 : 0;
}

/* Reads both panes again at their pages (after a pairing). */
static void
unit_match_reload(struct ui *ui, struct unit_match *s)
{
	unit_match_load(ui, &s->pane[0], s->pane[0].offset);
	unit_match_load(ui, &s->pane[1], s->pane[1].offset);
	s->unplaced = sync_match_unplaced(ui->db);
}

static void *
unit_match_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct unit_match *s = xcalloc(1, sizeof *s);

	s->pane[1].remote = 1;
	unit_match_reload(ui, s);
	/* The first unit waiting for the clerk is where work starts. */
	while (s->pane[0].cursor + 1 < s->pane[0].n &&
	    s->pane[0].items[s->pane[0].cursor].state != SYNC_MATCH_UNPLACED)
		s->pane[0].cursor++;
	if (s->pane[0].items != NULL &&
	    s->pane[0].items[s->pane[0].cursor].state != SYNC_MATCH_UNPLACED)
		s->pane[0].cursor = 0;
	return s;
}

static void
unit_match_free(void *data)
{
	struct unit_match *s = data;

	sync_match_free(s->pane[0].items, s->pane[0].n);
	sync_match_free(s->pane[1].items, s->pane[1].n);
	free(s);
}

static char *
unit_match_title(struct ui *ui, void *data)
{
	return xstrdup("Ghép đơn vị trên máy với đơn vị của tỉnh");
}

/* One unit of a pane: indented name and code, then what it becomes. */
static void
unit_match_draw_row(struct ui *ui, struct unit_match *s, int side, int i,
    int x, int cols)
{
	const struct match_pane *p = &s->pane[side];
	const struct sync_match_unit *u = &p->items[i];
	int selected = i == p->cursor && side == s->focus;
	int indent = u->depth * 2 < cols / 3 ? u->depth * 2 : cols / 3;
	char *text, *state;
	enum ui_style style = selected ? STYLE_SELECTED : STYLE_NORMAL;

	if (side == 1)
		state = xstrdup(u->state == SYNC_MATCH_PAIRED ? "(đã ghép)" : "");
	else if (u->state == SYNC_MATCH_PAIRED)
		state = xasprintf("= %s", u->pair_name);
	else
		state = xstrdup(u->state == SYNC_MATCH_NEW ? "(mới, sẽ gửi)" :
		    u->state == SYNC_MATCH_UNPLACED ? "(chưa ghép)" : "");
	if (!selected && side == 0 && u->state == SYNC_MATCH_UNPLACED)
		style = STYLE_WARN;
	text = xasprintf("%*s%s [%s] %s", indent, "", u->name, u->code, state);
	ui_put(ui->body, MATCH_TOP + i, x, cols, text, style, TEXT_ELLIPSIS);
	free(text);
	free(state);
}

static void
unit_match_draw(struct ui *ui, void *data)
{
	struct unit_match *s = data;
	int half = (ui->cols - 3) / 2, i;

	ui_put(ui->body, 0, 1, half, "Đơn vị trên máy này", s->focus == 0 ?
	    STYLE_HEADING : STYLE_DIM, TEXT_ELLIPSIS);
	ui_put(ui->body, 0, half + 2, ui->cols - half - 3, "Đơn vị của tỉnh",
	    s->focus == 1 ? STYLE_HEADING : STYLE_DIM, TEXT_ELLIPSIS);
	draw_hline(ui->body, 1, 0, ui->cols);
	for (i = 0; i < s->pane[0].n; i++)
		unit_match_draw_row(ui, s, 0, i, 1, half);
	for (i = 0; i < s->pane[1].n; i++)
		unit_match_draw_row(ui, s, 1, i, half + 2, ui->cols - half - 3);
	draw_hline(ui->body, ui->rows - MATCH_BOTTOM, 0, ui->cols);
	if (s->unplaced > 0)
		ui_putf(ui->body, ui->rows - 2, 1, ui->cols - 2, STYLE_WARN,
		    "Còn %lld đơn vị chưa ghép.", (long long)s->unplaced);
	else
		ui_put(ui->body, ui->rows - 2, 1, ui->cols - 2, "Mọi đơn vị đã "
		    "có chỗ: F3 hoặc g để ghép xong.", STYLE_GOOD, TEXT_ELLIPSIS);
	ui_put(ui->body, ui->rows - 1, 1, ui->cols - 2, "Trái/phải: đổi bên   "
	    "Enter: ghép bên trái với bên phải   x: bỏ ghép   g: xong", STYLE_DIM, TEXT_ELLIPSIS);
}

/* Moves the cursor of pane p, turning pages past either end. */
static int
unit_match_move(struct ui *ui, struct match_pane *p, enum ui_action act)
{
	int page = unit_match_page(ui);

	if (act == ACT_DOWN && p->cursor + 1 < p->n)
		p->cursor++;
	else if (act == ACT_UP && p->cursor > 0)
		p->cursor--;
	else if ((act == ACT_DOWN || act == ACT_PGDN) &&
	    p->offset + page < p->total) {
		unit_match_load(ui, p, p->offset + page);
		p->cursor = 0;
	} else if ((act == ACT_UP || act == ACT_PGUP) && p->offset > 0) {
		unit_match_load(ui, p, p->offset - page);
		p->cursor = act == ACT_UP ? p->n - 1 : 0;
	} else if (act == ACT_FIRST) {
		unit_match_load(ui, p, 0);
		p->cursor = 0;
	} else if (act == ACT_LAST) {
		unit_match_load(ui, p, (int)p->total);
		p->cursor = p->n > 0 ? p->n - 1 : 0;
	} else
		return UI_HANDLED;
	return UI_REDRAW;
}

/* Pairs the local unit selected with the server's unit selected. */
static int
unit_match_pair(struct ui *ui, struct unit_match *s, int unpair)
{
	struct match_pane *l = &s->pane[0], *r = &s->pane[1];
	const struct sync_match_unit *lu = l->n > 0 ? &l->items[l->cursor] : NULL;
	const struct sync_match_unit *ru = r->n > 0 ? &r->items[r->cursor] : NULL;

	if (lu == NULL || lu->state == SYNC_MATCH_SAME) {
		ui_message(ui, 1, "Chọn bên trái một đơn vị nhập trên máy này");
		return UI_HANDLED;
	}
	if (!unpair && ru == NULL) {
		ui_message(ui, 1, "Chọn bên phải một đơn vị của tỉnh");
		return UI_HANDLED;
	}
	if (sync_match_pair(ui->db, lu->id, unpair ? 0 : ru->id) != 0) {
		ui_message(ui, 1, "Không ghép được: lỗi cơ sở dữ liệu");
		return UI_HANDLED;
	}
	unit_match_reload(ui, s);
	s->focus = 0;
	return UI_REDRAW;
}

/* F3: re-keys what is paired; units left unpaired stay this PC's own. */
static int
unit_match_apply(struct ui *ui, struct unit_match *s)
{
	if (s->unplaced > 0 && !ui_confirm(ui, "Đơn vị chưa ghép chỉ ở máy "
	    "này, tỉnh sẽ từ chối bản ghi của chúng. Vẫn xong?"))
		return UI_REDRAW;
	if (sync_match_apply(ui->db) != 0) {
		ui_message(ui, 1, "Không ghép được: %s", db_error(ui->db));
		return UI_REDRAW;
	}
	ui_message(ui, 0, "Đã ghép đơn vị; F4 hoặc s: đồng bộ");
	return UI_BACK;
}

static int
unit_match_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct unit_match *s = data;

	switch (act) {
	case ACT_LEFT:
	case ACT_RIGHT:
		s->focus = act == ACT_RIGHT;
		return UI_REDRAW;
	case ACT_OPEN:
		if (s->focus == 0) {
			s->focus = 1;
			return UI_REDRAW;
		}
		return unit_match_pair(ui, s, 0);
	case ACT_DELETE:
		return unit_match_pair(ui, s, 1);
	case ACT_MATCH:
		return unit_match_apply(ui, s);
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PGUP:
	case ACT_PGDN:
	case ACT_FIRST:
	case ACT_LAST:
		return unit_match_move(ui, &s->pane[s->focus], act);
	default:
		return 0;
	}
}

static void
unit_match_resize(struct ui *ui, void *data)
{
	unit_match_reload(ui, data);
}

const struct screen_ops screen_unit_match = {
	.name = "unit_match",
	.actions = unit_match_actions,
	.init = unit_match_init,
	.free = unit_match_free,
	.title = unit_match_title,
	.draw = unit_match_draw,
	.key = unit_match_key,
	.resize = unit_match_resize,
};
