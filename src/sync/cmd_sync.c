/*
 * cmd_sync.c - quantriet sync and quantriet enroll, for the clerk and cron.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "db.h"
#include "msg.h"
#include "sync/sync.h"
#include "xmalloc.h"

static const struct option sync_longopts[] = {
	{ "db", required_argument, NULL, 'd' },
	{ "cacert", required_argument, NULL, 'c' },
	{ "pin", required_argument, NULL, 'p' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

struct sync_opts {
	const char	*db, *cacert, *pin;
	int		 quiet;
	int		 help;
};

/* Fills *o from argv; -1 on an unknown option. */
static int
sync_parse(int argc, char **argv, struct sync_opts *o)
{
	int ch;

	memset(o, 0, sizeof *o);
	while ((ch = getopt_long(argc, argv, "q", sync_longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': o->db = optarg; break;
		case 'c': o->cacert = optarg; break;
		case 'p': o->pin = optarg; break;
		case 'q': o->quiet = 1; break;
		case 'h': o->help = 1; break;
		default: return -1;
		}
	}
	return 0;
}

int
cmd_sync(int argc, char **argv)
{
	struct sync_opts o;
	struct sync_run *run;
	struct db *db;
	char *err;
	int rc;

	if (sync_parse(argc, argv, &o) != 0 || optind != argc || o.help) {
		msg_put(o.help ? stdout : stderr, "Cách dùng: quantriet sync "
		    "[--db TỆP] [--cacert TỆP] [--pin sha256//...] [--quiet]\n"
		    "Gửi các thay đổi chưa gửi lên máy chủ tỉnh rồi nhận kế "
		    "hoạch mới; thoát 0 chỉ khi máy chủ đã xác nhận.\n");
		return o.help ? 0 : EXIT_USAGE;
	}
	if ((db = cli_open_db(o.db, DB_OPEN_EXISTING)) == NULL)
		return 1;
	if ((run = sync_start(db, &err)) == NULL) {
		msg_error("%s", err);
		free(err);
		db_close(&db);
		return 1;
	}
	sync_set_tls(run, o.cacert, o.pin);
	while ((rc = sync_step(run, 1000, NULL)) == 1)
		;
	if (rc == 0 && !o.quiet)
		msg_info("%s", sync_summary(run));
	if (rc != 0)
		msg_error("%s", sync_error(run));
	if (rc == 0 && !o.quiet && sync_rejected_count(db) > 0)
		msg_info("%lld bản ghi bị máy chủ tỉnh từ chối: xem trong màn "
		    "hình Đồng bộ", (long long)sync_rejected_count(db));
	sync_free(&run);
	db_close(&db);
	return rc == 0 ? 0 : 1;
}

int
cmd_enroll(int argc, char **argv)
{
	struct sync_opts o;
	struct db *db;
	char *err;
	int rc;

	if (sync_parse(argc, argv, &o) != 0 || argc - optind != 2 || o.help) {
		msg_put(o.help ? stdout : stderr, "Cách dùng: quantriet enroll "
		    "[--db TỆP] [--cacert TỆP] [--pin sha256//...] ĐỊA_CHỈ MÃ\n"
		    "Đăng ký máy này với máy chủ tỉnh bằng mã một lần do cấp "
		    "tỉnh cấp.\n");
		return o.help ? 0 : EXIT_USAGE;
	}
	if ((db = cli_open_db(o.db, DB_OPEN_CREATE)) == NULL)
		return 1;
	rc = sync_enroll(db, argv[optind], argv[optind + 1], o.cacert, o.pin, &err);
	if (rc != 0) {
		msg_error("%s", err);
		free(err);
	} else if (!o.quiet)
		msg_info("Đã đăng ký máy này với máy chủ tỉnh; chạy "
		    "quantriet sync để đồng bộ");
	db_close(&db);
	return rc == 0 ? 0 : 1;
}
