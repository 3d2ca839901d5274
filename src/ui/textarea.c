/*
 * textarea.c - a text area on the terminal.
 */
#include "config.h"

#include <stdlib.h>

#include "ui/draw.h"
#include "ui/edit.h"
#include "ui/textarea.h"
#include "xmalloc.h"

void
textarea_draw(struct textarea *t, struct edit *e, WINDOW *w, int y, int x,
    int cols, int rows, int style, int *cy, int *cx)
{
	size_t i, line;
	int r;
	char *s;

	if (cols < 2 || rows < 1)
		return;
	textarea_wrap(t, e->buf, e->len, cols - 1);
	textarea_scroll(t, e->cursor, rows);
	for (r = 0; r < rows; r++) {
		i = t->top + (size_t)r;
		s = i < t->n ? xstrndup(e->buf + t->starts[i],
		    textarea_line_end(t, e->buf, e->len, i) - t->starts[i]) :
		    xstrdup("");
		ui_put(w, y + r, x, cols, s, (enum ui_style)style, 0);
		free(s);
	}
	line = textarea_line(t, e->cursor);
	*cy = y + (int)(line - t->top);
	*cx = x + textarea_column(t, e->buf, e->cursor);
}
