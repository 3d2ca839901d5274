/*
 * main.c - quantriet(1): dispatches to a subcommand, or opens the interface.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "files.h"
#include "msg.h"
#include "xmalloc.h"

static void
usage(FILE *fp)
{
	const struct cmd_entry *const *e;

	msg_put(fp, "Cách dùng: quantriet [--db TỆP] [LỆNH] [TÙY CHỌN...]\n"
	    "Quản lý học tập, quán triệt nghị quyết cho đảng bộ cơ sở.\n\nLệnh:\n");
	for (e = cmd_table; *e != NULL; e++) {
		char *line;

		if (asprintf(&line, "  %-15s %s\n", (*e)->name, (*e)->summary) < 0)
			continue;
		msg_put(fp, line);
		free(line);
	}
	msg_put(fp, "\nTùy chọn chung:\n"
	    "  --db TỆP        cơ sở dữ liệu (mặc định $QUANTRIET_DB, của đơn vị\n"
	    "                  mình trên máy chủ huyện, hoặc\n"
	    "                  $XDG_DATA_HOME/quantriet/quantriet.db)\n"
	    "  --help          in trợ giúp này\n"
	    "  --version       in phiên bản\n"
	    "\nXem thêm: man quantriet, quantriet LỆNH --help\n");
}

/*
 * Runs command with the arguments after it, and --db FILE given before
 * it put first among them: each command parses --db itself, and one
 * given after the command too is read later, so it wins.
 */
static int
run_with_db(const struct cmd_entry *command, char *db, int argc,
    char **argv)
{
	static char db_option[] = "--db";
	char **args = xcalloc((size_t)argc + 3, sizeof *args);
	int n = 0, i, rc;

	args[n++] = argv[0];
	if (db != NULL) {
		args[n++] = db_option;
		args[n++] = db;
	}
	for (i = 1; i < argc; i++)
		args[n++] = argv[i];
	rc = command->exec(n, args);
	free(args);
	return rc;
}

int
main(int argc, char **argv)
{
	const struct cmd_entry *command;
	char *db = NULL;
	int a = 1;

	files_private();
	msg_init_locale();
	/* The global options, before any command (usage: [--db TỆP] [LỆNH]). */
	for (; a < argc; a++) {
		if (strcmp(argv[a], "--help") == 0) {
			usage(stdout);
			return 0;
		}
		if (strcmp(argv[a], "--version") == 0) {
			printf("quantriet %s\n", PACKAGE_VERSION);
			return 0;
		}
		if (strcmp(argv[a], "--db") == 0 && a + 1 < argc)
			db = argv[++a];
		else if (strncmp(argv[a], "--db=", 5) == 0)
			db = argv[a] + 5;
		else
			break;
	}
	/* No command (or an option the interface reads itself): the interface. */
	if (a == argc || argv[a][0] == '-')
		return cmd_ui_entry.exec(argc, argv);
	if ((command = cmd_find(argv[a])) != NULL)
		return run_with_db(command, db, argc - a, argv + a);
	msg_error("không có lệnh '%s'; xem quantriet --help", argv[a]);
	return EXIT_USAGE;
}
