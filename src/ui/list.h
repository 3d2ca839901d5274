/*
 * list.h - a scrolling list that holds one screenful of rows, fetched by
 * key (store.h's keyset pages), so a list of 500,000 rows costs what a
 * list of 20 does. Moving the cursor within the page repaints two rows;
 * scrolling repaints the list's own lines, never the whole screen.
 */
#ifndef QT_UI_LIST_H
#define QT_UI_LIST_H

#include <stddef.h>

#include "store/store.h"
#include "ui/keys.h"

struct ui;

struct list_ops {
	size_t	 row_size;
	/*
	 * Up to limit rows strictly after (STORE_AFTER) or before key, in
	 * list order, as a new array in *rows; count or -1.
	 */
	int	 (*fetch)(struct ui *, void *ctx, const struct store_key *key,
		    int dir, int limit, void **rows);
	/* Frees what one row holds (not the row itself). */
	void	 (*clear_row)(void *row);
	/* The key of a row (pointing into the row). */
	void	 (*key_of)(const void *row, struct store_key *key);
	/* Draws one row on line y of ui->body. */
	void	 (*draw_row)(struct ui *, void *ctx, const void *row, int y,
		    int selected);
	/* 1: every row drawn ends with text in the window's last column. */
	int	 to_edge;
};

struct list {
	const struct list_ops *ops;
	void		*ctx;
	char		*rows;
	size_t		 n;
	size_t		 cursor;
	int		 top;		/* first line in ui->body */
	int		 height;	/* lines it may use */
	int		 renewed;	/* rows replaced since the last draw */
};

void	 list_init(struct list *l, const struct list_ops *ops, void *ctx);
void	 list_free(struct list *l);
/* Sets where the list is drawn; keeps the rows (refetches if it grew). */
void	 list_place(struct ui *ui, struct list *l, int top, int height);
/* Loads the first page. */
void	 list_first(struct ui *ui, struct list *l);
/* Loads again from the first row shown (after a write), keeping the cursor. */
void	 list_reload(struct ui *ui, struct list *l);
void	 list_draw(struct ui *ui, struct list *l);
/* Handles movement; UI_HANDLED if the action was movement, else 0. */
int	 list_key(struct ui *ui, struct list *l, enum ui_action act);
/* The row under the cursor, or NULL when the list is empty. */
void	*list_current(struct list *l);

/*
 * A page set aside (a search shows other rows, Esc brings these back)
 * without asking the database again.
 */
struct list_page {
	char		*rows;
	size_t		 n;
	size_t		 cursor;
	int		 height;	/* the list's when set aside */
};

/* Moves the rows and cursor out into *p; the list is left empty. */
void	 list_set_aside(struct list *l, struct list_page *p);
/*
 * Puts the page set aside back in place of the rows shown (which are
 * freed). With fresh set (the database changed while they were aside),
 * or when the window's height changed, loads them again from the first
 * row kept, as after a write.
 */
void	 list_bring_back(struct ui *ui, struct list *l, struct list_page *p,
	    int fresh);
/* Frees a page set aside and never brought back. */
void	 list_page_free(struct list *l, struct list_page *p);

/*
 * For short lists held whole in memory: moves *cursor among n rows for a
 * movement action, keeping it within page rows from *scroll. Returns 0 if
 * act is not movement, UI_HANDLED if only the two rows need repainting
 * (the old cursor and the new one, both rows that exist), UI_REDRAW if
 * the list scrolled, is empty, or the cursor was past its end.
 */
int	 list_step(size_t *cursor, size_t *scroll, size_t n, size_t page,
	    enum ui_action act);
/*
 * For the same lists, before their rows are drawn: sets *scroll so that
 * the row under cursor (one of the n, or 0) is among the page rows shown
 * and no line is left empty while rows above it are hidden, as after a
 * delete or a smaller window.
 */
void	 list_fit(size_t *scroll, size_t cursor, size_t n, size_t page);

#endif
