/*
 * main.c - quantriet(1): dispatches to a subcommand, or opens the interface.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "files.h"
#include "msg.h"
#include "xmalloc.h"

struct command {
	const char	*name;
	int		(*run)(int, char **);
	const char	*summary;
};

static const struct command commands[] = {
	{ "ui", cmd_ui, "mở giao diện (mặc định khi không có lệnh)" },
	{ "demo", cmd_demo, "tạo cơ sở dữ liệu mẫu" },
	{ "report", cmd_report, "in báo cáo (report tally: báo cáo tổng hợp bài thu hoạch)" },
	{ "check", cmd_check, "kiểm tra cơ sở dữ liệu" },
	{ "import", cmd_import, "nhập danh sách đảng viên từ tệp CSV (UTF-8, Windows-1258, TCVN)" },
	{ "enroll", cmd_enroll, "đăng ký máy với máy chủ tỉnh bằng mã một lần" },
	{ "sync", cmd_sync, "gửi và nhận dữ liệu với máy chủ tỉnh" },
};

static void
usage(FILE *fp)
{
	size_t i;

	msg_put(fp, "Cách dùng: quantriet [--db TỆP] [LỆNH] [TÙY CHỌN...]\n"
	    "Quản lý học tập, quán triệt nghị quyết cho đảng bộ cơ sở.\n\nLệnh:\n");
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		char *line;

		if (asprintf(&line, "  %-8s %s\n", commands[i].name,
		    commands[i].summary) < 0)
			continue;
		msg_put(fp, line);
		free(line);
	}
	msg_put(fp, "\nTùy chọn chung:\n"
	    "  --db TỆP     cơ sở dữ liệu (mặc định $QUANTRIET_DB hoặc\n"
	    "               $XDG_DATA_HOME/quantriet/quantriet.db)\n"
	    "  --help       in trợ giúp này\n"
	    "  --version    in phiên bản\n"
	    "\nXem thêm: man quantriet, quantriet LỆNH --help\n");
}

/*
 * Runs command with the arguments after it, and --db FILE given before
 * it put first among them: each command parses --db itself, and one
 * given after the command too is read later, so it wins.
 */
static int
run_with_db(const struct command *command, char *db, int argc,
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
	rc = command->run(n, args);
	free(args);
	return rc;
}

int
main(int argc, char **argv)
{
	char *db = NULL;
	size_t i;
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
		return cmd_ui(argc, argv);
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[a], commands[i].name) == 0)
			return run_with_db(&commands[i], db, argc - a, argv + a);
	msg_error("không có lệnh '%s'; xem quantriet --help", argv[a]);
	return EXIT_USAGE;
}
