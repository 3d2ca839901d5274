/*
 * remove.h - deleting the row under a list's cursor, the same way on every
 * list (a helper of screens/members.c, plans.c, sessions.c, plan_items.c):
 * ask a question that says what goes with the row, then delete it in one
 * store call and say how it went.
 */
#ifndef QT_SCREENS_REMOVE_H
#define QT_SCREENS_REMOVE_H

#include <stdint.h>

#include "ui/ui.h"

/*
 * When refusal (NULL: none) gives a reason not to delete row id, shows
 * it; else asks question and on yes runs del(db, id) and shows done, or
 * the store's reason. question is a new string, freed here. UI_REDRAW;
 * the caller reloads its rows.
 */
int	remove_row(struct ui *ui, char *(*refusal)(struct db *, int64_t),
	    char *question, int (*del)(struct db *, int64_t), int64_t id,
	    const char *done);

#endif
