/*
 * cmd_bundle.c - quantriet export bundle and quantriet import bundle: a
 * sync carried by hand, for a commune with no link (docs/sync.md,
 * "Bundles"). The work is in src/sync (bundle_out.c, bundle_in.c);
 * these parse the options and say what happened.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "db.h"
#include "msg.h"
#include "sync/sync.h"

struct bundle_opts {
	const char	*db, *file;
	int		 receipt, help;
};

/*
 * [--db F] --file F [--receipt], with word ("bundle") among them if not
 * NULL (import hands on its arguments without it); -1 on a usage error.
 */
static int
bundle_opts_parse(int argc, char **argv, const char *word,
    struct bundle_opts *o)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "file", required_argument, NULL, 'f' },
		{ "receipt", no_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(o, 0, sizeof *o);
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': o->db = optarg; break;
		case 'f': o->file = optarg; break;
		case 'r': o->receipt = 1; break;
		case 'h': o->help = 1; break;
		default: return -1;
		}
	}
	if (o->help)
		return 0;
	if (word != NULL && optind < argc && strcmp(argv[optind], word) == 0)
		optind++;
	else if (word != NULL)
		return -1;
	return o->file != NULL && optind == argc ? 0 : -1;
}

static int
cmd_export(int argc, char **argv)
{
	struct bundle_opts o;
	struct db *db;
	char *err, *hash;
	int64_t rows;
	int rc;

	if (bundle_opts_parse(argc, argv, "bundle", &o) != 0 || o.help ||
	    o.receipt) {
		msg_put(o.help ? stdout : stderr, "Cách dùng: quantriet export "
		    "bundle --file TỆP [--db TỆP]\n"
		    "Ghi mọi thay đổi chưa gửi vào một gói (có chữ ký của máy "
		    "này) để mang lên tỉnh khi không có mạng; tỉnh nhập gói bằng "
		    "quantriet-server import-bundle và trả lại gói trả lời.\n");
		return o.help ? 0 : EXIT_USAGE;
	}
	if ((db = cli_open_db(o.db, DB_OPEN_EXISTING)) == NULL)
		return 1;
	rc = sync_bundle_export(db, o.file, &hash, &rows, &err);
	if (rc != 0) {
		msg_error("%s", err);
		free(err);
	} else {
		msg_info("Đã ghi gói %s: %lld bản ghi. Mã SHA-256 của gói (biên "
		    "nhận của tỉnh phải ghi đúng mã này):\n  %s", o.file,
		    (long long)rows, hash);
		free(hash);
	}
	db_close(&db);
	return rc == 0 ? 0 : 1;
}

int
cmd_import_bundle(int argc, char **argv)
{
	struct bundle_opts o;
	struct db *db;
	char *err, *summary, *receipt;
	int rc;

	if (bundle_opts_parse(argc, argv, NULL, &o) != 0 || o.help) {
		msg_put(o.help ? stdout : stderr, "Cách dùng: quantriet import "
		    "bundle --file TỆP [--receipt] [--db TỆP]\n"
		    "Nhập gói trả lời của tỉnh (xác nhận những gì đã gửi và dữ "
		    "liệu mới của tỉnh). --receipt in biên nhận của tỉnh.\n");
		return o.help ? 0 : EXIT_USAGE;
	}
	if ((db = cli_open_db(o.db, DB_OPEN_EXISTING)) == NULL)
		return 1;
	rc = sync_bundle_import(db, o.file, &summary, &receipt, &err);
	if (rc < 0) {
		msg_error("%s", err);
		free(err);
	} else {
		msg_info("%s", summary);
		if (o.receipt && receipt != NULL)
			msg_put(stdout, receipt);
		free(summary);
		free(receipt);
	}
	db_close(&db);
	return rc < 0 ? 1 : 0;
}

const struct cmd_entry cmd_export_entry = {
	"export", "ghi các thay đổi chưa gửi vào gói để mang lên tỉnh "
	"(export bundle)", cmd_export
};
