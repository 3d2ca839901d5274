/*
 * bench-bare.c - the least a start of quantriet could do, as the limit
 * contrib/bench.sh measures the interface's start against: open the
 * database, read one screenful of members in name order, draw it with
 * ncursesw, and end. It links SQLite and ncursesw only, nothing of
 * quantriet, so what it costs is what any program with this job costs.
 *
 * Usage: bench-bare FILE   (keys are not read; the screen is left at once)
 */
#include "config.h"

#include <curses.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>

int
main(int argc, char **argv)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	int y = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: bench-bare FILE\n");
		return 2;
	}
	setlocale(LC_ALL, "");
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK || sqlite3_prepare_v2(db, "SELECT full_name FROM member "
	    "ORDER BY name_fold, id LIMIT 100", -1, &stmt, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench-bare: %s\n", sqlite3_errmsg(db));
		return 1;
	}
	initscr();
	while (y < LINES && sqlite3_step(stmt) == SQLITE_ROW)
		mvaddstr(y++, 0, (const char *)sqlite3_column_text(stmt, 0));
	refresh();
	endwin();
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return 0;
}
