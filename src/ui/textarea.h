/*
 * textarea.h - drawing a multi-line text area (the layout and the keys
 * are in textarea_buf.h, which needs no terminal).
 */
#ifndef QT_UI_TEXTAREA_H
#define QT_UI_TEXTAREA_H

#include <curses.h>

#include "ui/textarea_buf.h"

struct edit;

/*
 * Draws e wrapped in t into rows lines of cols columns from (y, x) of w,
 * every line through ui_put, scrolled so the cursor shows (one column is
 * kept for a cursor after a full line). Sets *cy, *cx to the cursor's
 * place in w.
 */
void	 textarea_draw(struct textarea *t, struct edit *e, WINDOW *w, int y,
	    int x, int cols, int rows, int style, int *cy, int *cx);

#endif
