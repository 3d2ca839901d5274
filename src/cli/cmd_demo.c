/*
 * cmd_demo.c - quantriet demo: a database to try the program on.
 *
 * The data are the SQL files data/demo/NN_*.sql compiled into the program,
 * run in the order they are listed in src/domain/local.mk, in one
 * transaction, so a failure leaves nothing half-made.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "db.h"
#include "embedded.h"
#include "msg.h"
#include "paths.h"
#include "xmalloc.h"

static void
demo_usage(FILE *fp)
{
	msg_put(fp, "Cách dùng: quantriet demo [--db TỆP] [--force]\n"
	    "Tạo cơ sở dữ liệu mẫu: Đảng bộ xã Vĩnh Hòa Hiệp (Kiên Giang) với "
	    "150 người,\nKế hoạch 13-KH/TU và một đợt học tập đang diễn ra.\n\n"
	    "  --db TỆP    tệp cần tạo (mặc định $QUANTRIET_DB hoặc "
	    "~/.local/share/quantriet/quantriet.db)\n"
	    "  --force     xóa tệp đã có dữ liệu rồi tạo lại\n"
	    "  --help      in trợ giúp này\n");
}

/*
 * 1 if PATH holds data a clerk could lose: a file that is not empty and
 * is not a quantriet database without units. 0 otherwise.
 */
static int
demo_has_data(const char *path)
{
	struct stat st;
	struct db *db;
	char *err = NULL;
	int64_t units;

	if (stat(path, &st) != 0 || st.st_size == 0)
		return 0;
	if ((db = db_open(path, DB_OPEN_EXISTING, &err)) == NULL) {
		free(err);
		return 1;
	}
	units = db_int(db, 1, "SELECT count(*) FROM unit", 0);
	db_close(&db);
	return units != 0;
}

/* Removes PATH and the journal files SQLite may have left beside it. */
static int
demo_remove(const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	size_t i;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char *p = xasprintf("%s%s", path, suffixes[i]);
		int bad = unlink(p) != 0 && errno != ENOENT;

		if (bad) {
			msg_error("không xóa được %s: %s", p, msg_strerror(errno));
			free(p);
			return -1;
		}
		free(p);
	}
	return 0;
}

/*
 * Runs every embedded demo/ file in one transaction. 0 ok, -1 db_error.
 * The rows are not queued for sync (sync_mute, as for rows that came
 * from the server): demo names must never reach a provincial server.
 */
static int
demo_load(struct db *db)
{
	const struct embedded_file *f;

	if (db_begin(db) != 0)
		return -1;
	if (db_exec(db, "INSERT OR IGNORE INTO sync_mute VALUES (1)") != 0) {
		db_rollback(db);
		return -1;
	}
	for (f = embedded_files; f->name != NULL; f++) {
		if (strncmp(f->name, "demo/", 5) != 0)
			continue;
		if (db_exec(db, f->text) != 0) {
			db_rollback(db);
			return -1;
		}
	}
	if (db_exec(db, "DELETE FROM sync_mute") != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

static int
cmd_demo(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "force", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	char *path = NULL, *err = NULL;
	struct db *db;
	int c, force = 0, rc = 1;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			free(path);
			path = xstrdup(optarg);
			break;
		case 'f':
			force = 1;
			break;
		case 'h':
			demo_usage(stdout);
			free(path);
			return 0;
		default:
			demo_usage(stderr);
			free(path);
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		msg_error("demo không nhận tham số '%s' (xem quantriet demo "
		    "--help)", argv[optind]);
		free(path);
		return EXIT_USAGE;
	}
	if (path == NULL && (path = paths_default_db(&err)) == NULL) {
		msg_error("%s", err);
		free(err);
		return 1;
	}
	if (demo_has_data(path)) {
		if (!force) {
			msg_error("%s đã có dữ liệu; không ghi đè (dùng --force "
			    "để xóa và tạo lại)", path);
			free(path);
			return 1;
		}
		if (demo_remove(path) != 0) {
			free(path);
			return 1;
		}
	}
	if ((db = cli_open_db(path, DB_OPEN_CREATE)) != NULL) {
		if (demo_load(db) == 0) {
			msg_info("Đã tạo cơ sở dữ liệu mẫu %s: %lld đơn vị, "
			    "%lld người, %lld văn bản", path,
			    (long long)db_int(db, 0, "SELECT count(*) FROM unit", 0),
			    (long long)db_int(db, 0, "SELECT count(*) FROM member", 0),
			    (long long)db_int(db, 0, "SELECT count(*) FROM document", 0));
			rc = 0;
		} else
			msg_error("không tạo được dữ liệu mẫu: %s", db_error(db));
		db_close(&db);
	}
	free(path);
	return rc;
}

const struct cmd_entry cmd_demo_entry = {
	"demo", "tạo cơ sở dữ liệu mẫu", cmd_demo
};
