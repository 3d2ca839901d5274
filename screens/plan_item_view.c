/*
 * plan_item_view.c - what a plan from above asks of one level, read-only:
 * its levels, content, audience, materials with the copies the clerk's
 * unit needs by the ratio, presenter, form and bridge points, length with
 * its parts, start time and deadline. It is changed where it was issued
 * (sync would refuse an edit here), so nothing on it can be edited.
 *
 * Opened with arg.id the plan (document) and arg.id2 the item.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "domain/plan_item.h"
#include "store/store.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/ui.h"
#include "xmalloc.h"
#include "longtext.h"

static const enum ui_action plan_item_view_actions[] = {
	ACT_HELP, ACT_QUIT, ACT_NONE
};

struct plan_item_view {
	char		*text;		/* every line, before wrapping */
	char		**lines;
	size_t		 n;
	size_t		 scroll;
};

/* Appends "label: value" to *text when value says anything. */
static void
plan_item_view_add(char **text, const char *label, const char *value)
{
	char *t;

	if (value == NULL || *value == '\0')
		return;
	t = xasprintf("%s%s: %s\n", *text, label, value);
	free(*text);
	*text = t;
}

/* The length as written, with its parts one a line, or the sittings. */
static char *
plan_item_view_length(const struct store_plan_session *p)
{
	struct plan_length len;
	char *s = xasprintf("%d buổi (nửa ngày)", p->half_days), *t;
	int i;

	if (*p->length_text == '\0' ||
	    plan_length_parse(p->length_text, &len) != NULL)
		return s;
	free(s);
	s = xasprintf("%s (%d buổi)", p->length_text, len.half_days);
	for (i = 0; i < len.nparts; i++) {
		t = xasprintf("%s\n  - %d buổi: %s", s, len.parts[i].half_days,
		    len.parts[i].label);
		free(s);
		s = t;
	}
	plan_length_clear(&len);
	return s;
}

/* The whole item as lines of "label: value". */
static char *
plan_item_view_text(const struct store_plan_session *p)
{
	char *text = xstrdup(""), *v;
	char date[11];

	v = *p->also_names != '\0' ? xasprintf("%s, %s", p->level_name,
	    p->also_names) : xstrdup(p->level_name);
	plan_item_view_add(&text, "Cấp", v);
	free(v);
	plan_item_view_add(&text, "Nội dung", p->title);
	plan_item_view_add(&text, "Thành phần", p->audience);
	plan_item_view_add(&text, "Tài liệu", p->materials);
	v = p->copies >= 0 ? xasprintf("%s: đơn vị có %d đảng viên, cần %d "
	    "bản", p->material_ratio, p->members, p->copies) : NULL;
	plan_item_view_add(&text, "Định mức", v);
	free(v);
	plan_item_view_add(&text, "Báo cáo viên", p->presenter);
	plan_item_view_add(&text, "Hình thức", strcmp(p->form, "online") == 0 ?
	    "Trực tuyến" : "Trực tiếp");
	plan_item_view_add(&text, "Điểm cầu", p->bridge_names);
	v = plan_item_view_length(p);
	plan_item_view_add(&text, "Thời lượng", v);
	free(v);
	plan_item_view_add(&text, "Giờ bắt đầu", p->start_time);
	draw_date(p->deadline, date);
	v = *p->deadline_text != '\0' ? xasprintf("%s (%s)", date,
	    p->deadline_text) : xstrdup(date);
	plan_item_view_add(&text, "Hạn hoàn thành", v);
	free(v);
	return text;
}

static void *
plan_item_view_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct plan_item_view *s;
	struct store_plan_session *items;
	int n = store_plan_sessions(ui->db, arg.id, ui->home_unit, &items), i;

	(void)d;
	for (i = 0; i < n && items[i].id != arg.id2; i++)
		;
	if (i >= n) {
		ui_message(ui, 1, "Không tìm thấy mục này của kế hoạch");
		store_plan_sessions_free(&items, n > 0 ? (size_t)n : 0);
		return NULL;
	}
	s = xcalloc(1, sizeof *s);
	s->text = plan_item_view_text(&items[i]);
	store_plan_sessions_free(&items, (size_t)n);
	return s;
}

static void
plan_item_view_free(void *data)
{
	struct plan_item_view *s = data;

	longtext_free(&s->lines, s->n);
	free(s->text);
	free(s);
}

static char *
plan_item_view_title(struct ui *ui, void *data)
{
	return xstrdup("Mục kế hoạch cấp trên (chỉ xem)");
}

static void
plan_item_view_draw(struct ui *ui, void *data)
{
	struct plan_item_view *s = data;
	size_t i;

	/* Wrapped at the width of now, so a resize rewraps. */
	longtext_free(&s->lines, s->n);
	s->lines = longtext_wrap(s->text, ui->cols - 2, &s->n);
	if (s->scroll >= s->n)
		s->scroll = s->n > 0 ? s->n - 1 : 0;
	for (i = s->scroll; i < s->n && (int)(i - s->scroll) < ui->rows; i++)
		ui_put(ui->body, (int)(i - s->scroll), 1, ui->cols - 2,
		    s->lines[i], STYLE_NORMAL, 0);
}

static int
plan_item_view_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct plan_item_view *s = data;
	size_t page = ui->rows > 1 ? (size_t)ui->rows - 1 : 1;

	switch (act) {
	case ACT_DOWN:
		if (s->scroll + (size_t)ui->rows < s->n)
			s->scroll++;
		return UI_REDRAW;
	case ACT_UP:
		if (s->scroll > 0)
			s->scroll--;
		return UI_REDRAW;
	case ACT_PGDN:
		s->scroll = s->scroll + page + (size_t)ui->rows <= s->n ?
		    s->scroll + page : (s->n > (size_t)ui->rows ?
		    s->n - (size_t)ui->rows : 0);
		return UI_REDRAW;
	case ACT_PGUP:
		s->scroll = s->scroll > page ? s->scroll - page : 0;
		return UI_REDRAW;
	default:
		return 0;
	}
}

const struct screen_ops screen_plan_item_view = {
	.name = "plan_item_view",
	.actions = plan_item_view_actions,
	.init = plan_item_view_init,
	.free = plan_item_view_free,
	.title = plan_item_view_title,
	.draw = plan_item_view_draw,
	.key = plan_item_view_key,
};
