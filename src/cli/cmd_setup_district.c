/*
 * cmd_setup_district.c - quantriet setup-district --units FILE: as root,
 * one Unix group, directory (2770) and database (0660) per unit on a
 * district server, so the operating system keeps each unit's clerks to
 * their own data (docs/district-server.md).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "district.h"
#include "msg.h"
#include "paths.h"

static void
setup_district_usage(FILE *fp)
{
	msg_put(fp, "Cách dùng: quantriet setup-district --units TỆP "
	    "[--dir THƯ_MỤC] [--dry-run]\n"
	    "Chạy bằng root trên máy chủ huyện: mỗi đơn vị trong TỆP (mỗi dòng: "
	    "NHÓM MÃ TÊN) có một nhóm Unix,\n"
	    "thư mục THƯ_MỤC/NHÓM (quyền 2770) và cơ sở dữ liệu "
	    "THƯ_MỤC/NHÓM/quantriet.db (quyền 660).\n"
	    "Chạy lại chỉ tạo hoặc sửa những gì còn thiếu hoặc sai.\n\n"
	    "  --units TỆP        danh sách đơn vị\n"
	    "  --dir THƯ_MỤC      thư mục huyện (mặc định $QUANTRIET_DISTRICT_DIR "
	    "hoặc /var/lib/quantriet)\n"
	    "  --dry-run          chỉ in những gì sẽ làm\n");
}

static void
setup_district_say(const char *sentence)
{
	msg_info("%s", sentence);
}

static int
cmd_setup_district(int argc, char **argv)
{
	static const struct option options[] = {
		{ "units", required_argument, NULL, 'u' },
		{ "dir", required_argument, NULL, 'D' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *file = NULL, *opt_dir = NULL;
	struct district_units units;
	char *dir, *err = NULL;
	int c, dry_run = 0, changes;

	while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (c) {
		case 'u':
			file = optarg;
			break;
		case 'D':
			opt_dir = optarg;
			break;
		case 'n':
			dry_run = 1;
			break;
		case 'd':
			msg_error("setup-district tạo cơ sở dữ liệu của từng đơn "
			    "vị trong --dir, không nhận --db");
			return EXIT_USAGE;
		case 'h':
			setup_district_usage(stdout);
			return 0;
		default:
			setup_district_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (file == NULL || optind != argc) {
		setup_district_usage(stderr);
		return EXIT_USAGE;
	}
	/* Only root may make groups and give directories to them. */
	if (geteuid() != 0) {
		msg_error("setup-district phải chạy bằng root (sudo quantriet "
		    "setup-district ...)");
		return 1;
	}
	if (district_units_read(file, &units, &err) != 0) {
		msg_error("%s", err);
		free(err);
		return 1;
	}
	dir = opt_dir != NULL ? NULL : paths_district_dir();
	changes = district_setup(opt_dir != NULL ? opt_dir : dir, &units,
	    dry_run, setup_district_say, &err);
	if (changes < 0) {
		msg_error("%s", err);
		free(err);
	} else if (changes == 0)
		msg_info("Không có gì thay đổi: %zu đơn vị trong %s đã đúng nhóm, "
		    "thư mục và quyền", units.n, opt_dir != NULL ? opt_dir : dir);
	else if (dry_run)
		msg_info("Chạy thử: chưa làm gì trong %d việc trên", changes);
	else
		msg_info("Xong: %d thay đổi cho %zu đơn vị", changes, units.n);
	free(dir);
	district_units_free(&units);
	return changes < 0;
}

const struct cmd_entry cmd_setup_district_entry = {
	"setup-district", "máy chủ huyện: nhóm, thư mục, dữ liệu từng đơn vị "
	"(root)", cmd_setup_district
};
