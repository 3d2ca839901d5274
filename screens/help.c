/*
 * help.c - the keys of the screen below, generated from the key table.
 */
#include "config.h"

#include <stdlib.h>

#include "text/text.h"
#include "ui/draw.h"
#include "ui/ui.h"
#include "xmalloc.h"

static const enum ui_action help_actions[] = { ACT_QUIT, ACT_NONE };

struct help {
	const struct screen_ops	*of;	/* the screen whose keys are shown */
	int			 scroll;
};

static void *
help_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct help *s = xcalloc(1, sizeof *s);

	s->of = ui_current(ui);
	return s;
}

static void
help_free(void *data)
{
	free(data);
}

static char *
help_title(struct ui *ui, void *data)
{
	return xstrdup("Trợ giúp: các phím (Esc để quay lại)");
}

/* Whether the help lists b for the screen below. */
static int
help_lists(const struct help *s, const struct key_binding *b)
{
	return s->of != NULL && keys_offered(s->of->actions, b->action) &&
	    *b->help != '\0';
}

/* The lines under the heading that keys can take. */
static int
help_page(struct ui *ui, const struct help *s)
{
	return ui->rows - (s->of != NULL && s->of->text_input);
}

static void
help_draw(struct ui *ui, void *data)
{
	struct help *s = data;
	const struct key_binding *b;
	char keys[64];
	size_t i;
	int y = 0, row = 0;

	if (s->of != NULL && s->of->text_input)
		ui_put(ui->body, y++, 1, ui->cols - 2, "Trong biểu mẫu, chữ gõ vào "
		    "ô đang chọn; dùng phím F hoặc Ctrl.", STYLE_HEADING,
		    TEXT_ELLIPSIS);
	for (i = 0; i < keys_count && y < ui->rows; i++) {
		b = &keys_table[i];
		if (!help_lists(s, b))
			continue;
		if (row++ < s->scroll)
			continue;
		keys_describe(b, s->of->text_input, keys, sizeof keys);
		ui_put(ui->body, y, 1, 16, keys, STYLE_KEY, 0);
		ui_put(ui->body, y, 18, ui->cols - 19, b->help, STYLE_NORMAL,
		    TEXT_ELLIPSIS);
		y++;
	}
}

static int
help_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct help *s = data;
	size_t i;
	int lines = 0;

	for (i = 0; i < keys_count; i++)
		lines += help_lists(s, &keys_table[i]);
	/* Down stops when the last key is on the screen. */
	if (act == ACT_DOWN && s->scroll + help_page(ui, s) < lines)
		s->scroll++;
	else if (act == ACT_DOWN)
		return UI_HANDLED;
	else if (act == ACT_UP && s->scroll > 0)
		s->scroll--;
	else
		return act == ACT_BACK || act == ACT_OPEN ? UI_BACK : 0;
	return UI_REDRAW;
}

const struct screen_ops screen_help = {
	.name = "help",
	.actions = help_actions,
	.init = help_init,
	.free = help_free,
	.title = help_title,
	.draw = help_draw,
	.key = help_key,
};
