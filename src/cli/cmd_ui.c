/*
 * cmd_ui.c - quantriet [ui] [--db FILE]: opens the terminal interface.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "db.h"
#include "msg.h"
#include "ui/ui.h"

static void
cmd_ui_usage(FILE *fp)
{
	msg_put(fp, "Cách dùng: quantriet [ui] [--db TỆP]\n"
	    "Mở giao diện. Esc: quay lại, F1 hoặc ?: trợ giúp, F10 hoặc Q: "
	    "thoát.\n");
}

static int
cmd_ui(int argc, char **argv)
{
	static const struct option options[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *opt_db = NULL;
	struct db *db;
	int c, rc;

	while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (c) {
		case 'd':
			opt_db = optarg;
			break;
		case 'h':
			cmd_ui_usage(stdout);
			return 0;
		default:
			cmd_ui_usage(stderr);
			return EXIT_USAGE;
		}
	}
	/* main.c passes "--db FILE ui" through as well as "ui --db FILE". */
	if (optind < argc && strcmp(argv[optind], "ui") == 0)
		optind++;
	if (optind < argc) {
		cmd_ui_usage(stderr);
		return EXIT_USAGE;
	}
	/*
	 * As vi does: say so, and go on. Keys then come from the file or
	 * pipe and the interface closes, keeping what was typed, at its end
	 * (with /dev/null at once); the screens go to wherever stdout goes.
	 */
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		msg_error("cảnh báo: đầu vào hoặc đầu ra không phải màn hình chữ "
		    "(terminal); giao diện đóng lại khi hết đầu vào");
	if ((db = cli_open_db(opt_db, DB_OPEN_EXISTING)) == NULL)
		return 1;
	rc = ui_run(db);
	db_close(&db);
	return rc;
}

const struct cmd_entry cmd_ui_entry = {
	"ui", "mở giao diện (mặc định khi không có lệnh)", cmd_ui
};
