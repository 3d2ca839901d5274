/*
 * cmd_enroll.c - quantriet enroll: get this device a credential from the
 * provincial server with a one-time code.
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
cmd_enroll(int argc, char **argv)
{
	struct sync_opts o;
	struct db *db;
	char *err;
	int rc;

	if (sync_opts_parse(argc, argv, &o) != 0 || argc - optind != 2 ||
	    o.jitter >= 0 || o.help) {
		msg_put(o.help ? stdout : stderr, "Cách dùng: quantriet enroll "
		    "[--db TỆP] [--cacert TỆP] [--pin sha256//...] ĐỊA_CHỈ MÃ\n"
		    "Đăng ký máy này với máy chủ tỉnh bằng mã một lần do cấp "
		    "tỉnh cấp.\n");
		return o.help ? 0 : EXIT_USAGE;
	}
	if ((db = cli_open_db(o.db, DB_OPEN_CREATE)) == NULL)
		return 1;
	rc = sync_enroll(db, argv[optind], argv[optind + 1], o.cacert, o.pin, &err);
	if (rc == 0)
		sync_opts_clock_warning(db);
	if (rc != 0) {
		msg_error("%s", err);
		free(err);
	} else if (sync_match_pending(db))
		/* Said even with --quiet: no sync runs until it is done. */
		msg_info("Đã đăng ký; %lld đơn vị nhập trên máy này chưa ghép "
		    "được với đơn vị của tỉnh: mở quantriet, màn hình Đồng bộ "
		    "(phím 5), phím g để ghép, rồi mới đồng bộ",
		    (long long)sync_match_unplaced(db));
	else if (!o.quiet)
		msg_info("Đã đăng ký máy này với máy chủ tỉnh; chạy "
		    "quantriet sync để đồng bộ");
	db_close(&db);
	return rc == 0 ? 0 : 1;
}

const struct cmd_entry cmd_enroll_entry = {
	"enroll", "đăng ký máy với máy chủ tỉnh bằng mã một lần", cmd_enroll
};
