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

int
main(int argc, char **argv)
{
	size_t i;

	files_private();
	msg_init_locale();
	if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
		usage(stdout);
		return 0;
	}
	if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
		printf("quantriet %s\n", PACKAGE_VERSION);
		return 0;
	}
	/* No subcommand (or only options such as --db): the interface. */
	if (argc < 2 || argv[1][0] == '-')
		return cmd_ui(argc, argv);
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	msg_error("không có lệnh '%s'; xem quantriet --help", argv[1]);
	return EXIT_USAGE;
}
