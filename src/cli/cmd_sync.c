/*
 * cmd_sync.c - quantriet sync: push and pull, for the clerk and cron.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/sync_opts.h"
#include "db.h"
#include "msg.h"
#include "sync/sync.h"

static int
cmd_sync(int argc, char **argv)
{
	struct sync_opts o;
	struct sync_run *run;
	struct db *db;
	char *err;
	int rc;

	if (sync_opts_parse(argc, argv, &o) != 0 || optind != argc || o.help) {
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
	sync_opts_clock_warning(db);
	if (rc == 0 && !o.quiet && sync_rejected_count(db) > 0)
		msg_info("%lld bản ghi bị máy chủ tỉnh từ chối: xem trong màn "
		    "hình Đồng bộ", (long long)sync_rejected_count(db));
	sync_free(&run);
	db_close(&db);
	return rc == 0 ? 0 : 1;
}

const struct cmd_entry cmd_sync_entry = {
	"sync", "gửi và nhận dữ liệu với máy chủ tỉnh", cmd_sync
};
