/*
 * remove.c - deleting a list's row after a question (see remove.h).
 */
#include "config.h"

#include <stdlib.h>

#include "db.h"
#include "remove.h"

int
remove_row(struct ui *ui, char *(*refusal)(struct db *, int64_t),
    char *question, int (*del)(struct db *, int64_t), int64_t id,
    const char *done)
{
	char *why = refusal != NULL ? refusal(ui->db, id) : NULL;
	int yes = 0;

	if (why != NULL)
		ui_message(ui, 1, "%s", why);
	else
		yes = ui_confirm(ui, question);
	free(why);
	free(question);
	if (!yes)
		return UI_REDRAW;
	if (del(ui->db, id) != 0)
		ui_message(ui, 1, "%s", db_error(ui->db));
	else
		ui_message(ui, 0, "%s", done);
	return UI_REDRAW;
}
