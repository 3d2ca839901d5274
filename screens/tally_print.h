/*
 * tally_print.h - "In" on the tally screen (a helper of screens/tally.c):
 * the printed form of the report shown, written to a file the clerk
 * names and, when a print command is set, sent to the printer.
 */
#ifndef QT_SCREENS_TALLY_PRINT_H
#define QT_SCREENS_TALLY_PRINT_H

#include <stdint.h>

#include "ui/ui.h"

/*
 * Asks for a file name (by default in paths_documents_dir(), named after
 * the plan, the unit and the round, ".rtf"), writes the form there, RTF
 * when the name ends in ".rtf", else text, private (files_write), asking
 * first before it replaces a file; then, when the setting
 * PRINTER_SETTING names a command, prints the text form with it. Says on
 * the message line where the form went. Returns UI_REDRAW.
 */
int	tally_print(struct ui *ui, int64_t plan_id, const char *plan_number,
	    int64_t unit_id, const char *unit_name, int round);

#endif
