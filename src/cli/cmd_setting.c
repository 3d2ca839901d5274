/*
 * cmd_setting.c - quantriet setting: the few settings a clerk sets by
 * hand, shown or changed.
 *
 * Only the names in the table below can be changed here: the other rows
 * of the setting table belong to the program (sync cursors, the
 * database's id) and a typo must not create a setting nothing reads.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "db.h"
#include "msg.h"
#include "printer.h"
#include "text/text.h"
#include "xmalloc.h"

static const struct {
	const char	*name;
	const char	*meaning;
} setting_names[] = {
	{ "place", "nơi ghi ở đầu báo cáo in, ví dụ \"Vĩnh Hòa Hiệp\"" },
	{ PRINTER_SETTING, "lệnh in báo cáo từ màn hình (F4), ví dụ \"lpr\" "
	  "hoặc \"lpr -P may-in\"; để trống: không in, chỉ ghi tệp" },
};
#define SETTING_COUNT	(sizeof setting_names / sizeof *setting_names)

static void
setting_usage(FILE *fp)
{
	size_t i;

	msg_put(fp, "Cách dùng: quantriet setting [--db TỆP] [TÊN [GIÁ_TRỊ]]\n"
	    "Không có TÊN: in mọi thiết lập; có TÊN: in giá trị; có GIÁ_TRỊ: "
	    "đặt (\"\" để xóa).\n\n");
	for (i = 0; i < SETTING_COUNT; i++) {
		char *line = xasprintf("  %-14s %s\n", setting_names[i].name,
		    setting_names[i].meaning);

		msg_put(fp, line);
		free(line);
	}
}

/* Prints NAME=VALUE ("" when unset), through the display sanitiser. */
static void
setting_show(struct db *db, const char *name)
{
	char *value = db_setting_get(db, name);
	char *safe = text_display(value != NULL ? value : "", 0);
	char *line = xasprintf("%s=%s\n", name, safe);

	msg_put(stdout, line);
	free(line);
	free(safe);
	free(value);
}

static int
setting_find(const char *name)
{
	size_t i;

	for (i = 0; i < SETTING_COUNT; i++)
		if (strcmp(setting_names[i].name, name) == 0)
			return (int)i;
	return -1;
}

static int
cmd_setting(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *opt_db = NULL, *bad;
	struct db *db;
	size_t i;
	int c, rc = 0;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			opt_db = optarg;
			break;
		case 'h':
			setting_usage(stdout);
			return 0;
		default:
			setting_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (argc - optind > 2) {
		msg_error("setting nhận nhiều nhất TÊN và GIÁ_TRỊ (giá trị có "
		    "dấu cách thì đặt trong ngoặc kép)");
		return EXIT_USAGE;
	}
	if (optind < argc && setting_find(argv[optind]) < 0) {
		msg_error("không có thiết lập '%s' (xem quantriet setting "
		    "--help)", argv[optind]);
		return EXIT_USAGE;
	}
	if (argc - optind == 2 && *argv[optind + 1] != '\0' &&
	    (bad = text_check_name(argv[optind + 1], 200)) != NULL) {
		msg_error("%s: %s", argv[optind], bad);
		return EXIT_USAGE;
	}
	if ((db = cli_open_db(opt_db, DB_OPEN_EXISTING)) == NULL)
		return 1;
	if (argc - optind == 2) {
		char *value = text_nfc(argv[optind + 1]);

		if (db_setting_set(db, argv[optind], value) != 0) {
			msg_error("không lưu được thiết lập: %s", db_error(db));
			rc = 1;
		} else
			setting_show(db, argv[optind]);
		free(value);
	} else if (optind < argc)
		setting_show(db, argv[optind]);
	else
		for (i = 0; i < SETTING_COUNT; i++)
			setting_show(db, setting_names[i].name);
	db_close(&db);
	return rc;
}

const struct cmd_entry cmd_setting_entry = {
	"setting", "xem, đặt thiết lập: nơi ghi trên báo cáo, lệnh in",
	cmd_setting
};
