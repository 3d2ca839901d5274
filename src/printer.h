/*
 * printer.h - sending a printed form to the clerk's printer.
 *
 * The printer is whatever command the setting PRINTER_SETTING names
 * ("lpr", "lpr -P hp1020"); unset or empty, nothing is printed. The
 * command is split at spaces and run directly (no shell), with the text
 * on its standard input, as lpr reads it: CUPS prints plain text on any
 * printer, while an RTF file would need a word processor.
 */
#ifndef QT_PRINTER_H
#define QT_PRINTER_H

#include <stddef.h>

/* The setting naming the print command. */
#define PRINTER_SETTING	"print_command"

/*
 * Runs COMMAND with DATA (LEN bytes) on its standard input, its output
 * and errors discarded (they would tear a curses screen), and waits for
 * it. 0 if it exited 0; else -1 and *err a new Vietnamese sentence
 * saying why (not found, exit status, signal).
 */
int	 printer_send(const char *command, const char *data, size_t len,
	    char **err);

#endif
