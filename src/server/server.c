/*
 * server.c - quantriet-server(8): the provincial sync server and the
 * province's administration commands.
 */
#include "config.h"

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "db.h"
#include "files.h"
#include "hlc.h"
#include "msg.h"
#include "optnum.h"
#include "sync/sha256.h"
#include "server/srv.h"
#include "xmalloc.h"

/* Options the administration commands share. */
struct admin_opts {
	const char	*db, *unit, *code, *name, *kind, *parent;
	int64_t		 device;
	int		 days;
};

static int
admin_parse(int argc, char **argv, struct admin_opts *o)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "unit", required_argument, NULL, 'u' },
		{ "code", required_argument, NULL, 'c' },
		{ "name", required_argument, NULL, 'n' },
		{ "kind", required_argument, NULL, 'k' },
		{ "parent", required_argument, NULL, 'p' },
		{ "device", required_argument, NULL, 'D' },
		{ "days", required_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 },
	};
	long long device;
	int ch;

	memset(o, 0, sizeof *o);
	o->days = SRV_CODE_DAYS;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': o->db = optarg; break;
		case 'u': o->unit = optarg; break;
		case 'c': o->code = optarg; break;
		case 'n': o->name = optarg; break;
		case 'k': o->kind = optarg; break;
		case 'p': o->parent = optarg; break;
		case 'D':
			if (optnum(optarg, 1, INT64_MAX, &device) != 0)
				return -1;
			o->device = device;
			break;
		case 'y':
			if (optnum_int(optarg, 1, 3650, &o->days) != 0)
				return -1;
			break;
		default: return -1;
		}
	}
	return o->db != NULL && optind == argc ? 0 : -1;
}

/* unit-add --code C --name N --kind K [--parent CODE]: grows the tree. */
static int
admin_unit_add(struct db *db, const struct admin_opts *o)
{
	sqlite3_stmt *stmt;
	int64_t parent = 0, id = db_new_id(), hlc;
	int rc;

	if (o->code == NULL || o->name == NULL || o->kind == NULL)
		return 2;
	if (o->parent != NULL && (parent = srv_unit(db, o->parent)) == 0)
		return 1;
	if (db_begin(db) != 0 || (stmt = db_prepare(db, "INSERT INTO unit(id, "
	    "parent_id, kind, code, name, name_fold, hlc) VALUES (?1, ?2, ?3, "
	    "?4, ?5, qt_fold(?5), ?6)")) == NULL) {
		msg_error("%s", db_error(db));
		db_rollback(db);
		return 1;
	}
	sqlite3_bind_int64(stmt, 1, id);
	if (parent != 0)
		sqlite3_bind_int64(stmt, 2, parent);
	sqlite3_bind_text(stmt, 3, o->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, o->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, o->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 6, (hlc = hlc_next(db)));
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "thêm đơn vị");
		msg_error("%s", db_error(db));
		db_rollback(db);
		return 1;
	}
	/* Its clock tells the devices' poll hint how new the tree is. */
	if (srv_row_touch(db, "unit", id, id, 1, 0, hlc) != 0 ||
	    db_commit(db) != 0) {
		msg_error("%s", db_error(db));
		db_rollback(db);
		return 1;
	}
	printf("%lld\n", (long long)id);
	return 0;
}

/* Four groups of four from an alphabet with no 0/O or 1/I to confuse. */
static char *
admin_new_code(void)
{
	static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	char *hex = srv_random_hex(16), *code = xmalloc(20);
	int i, n = 0;

	for (i = 0; i < 16; i++) {
		unsigned v;

		if (i > 0 && i % 4 == 0)
			code[n++] = '-';
		sscanf(hex + 2 * i, "%2x", &v);
		code[n++] = alphabet[v % 32];
	}
	code[n] = '\0';
	free(hex);
	return code;
}

/* enroll-code --unit CODE [--days N]: prints a one-time enrolment code. */
static int
admin_enroll_code(struct db *db, const struct admin_opts *o)
{
	sqlite3_stmt *stmt;
	char *code, *days, hash[65], norm[20];
	int64_t unit;
	int rc, i, n = 0;

	if (o->unit == NULL)
		return 2;
	if ((unit = srv_unit(db, o->unit)) == 0)
		return 1;
	code = admin_new_code();
	for (i = 0; code[i] != '\0'; i++)
		if (code[i] != '-')
			norm[n++] = code[i];
	sha256_hex(norm, (size_t)n, hash);
	stmt = db_prepare(db, "INSERT INTO srv_enrol(code_hash, unit_id, "
	    "expires_at) VALUES (?1, ?2, datetime('now', ?3))");
	if (stmt == NULL) {
		msg_error("%s", db_error(db));
		free(code);
		return 1;
	}
	days = xasprintf("+%d days", o->days);
	sqlite3_bind_text(stmt, 1, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, unit);
	sqlite3_bind_text(stmt, 3, days, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	free(days);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "lưu mã đăng ký");
		msg_error("%s", db_error(db));
		free(code);
		return 1;
	}
	printf("%s\n", code);
	free(code);
	return 0;
}

/* revoke (--device ID | --unit CODE): no more syncing with those tokens. */
static int
admin_revoke(struct db *db, const struct admin_opts *o)
{
	int64_t unit = 0;
	char sql[160];
	sqlite3_stmt *stmt;
	int rc;

	if ((o->device == 0) == (o->unit == NULL))
		return 2;
	if (o->unit != NULL && (unit = srv_unit(db, o->unit)) == 0)
		return 1;
	snprintf(sql, sizeof sql, "UPDATE srv_device SET revoked_at = "
	    "datetime('now') WHERE revoked_at IS NULL AND %s = ?1",
	    unit != 0 ? "unit_id" : "id");
	if ((stmt = db_prepare(db, sql)) == NULL) {
		msg_error("%s", db_error(db));
		return 1;
	}
	sqlite3_bind_int64(stmt, 1, unit != 0 ? unit : o->device);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "thu hồi");
		msg_error("%s", db_error(db));
		return 1;
	}
	printf("%d\n", sqlite3_changes(db_handle(db)));
	return 0;
}

/* devices: one line per device: id, unit code, enrolled, revoked. */
static int
admin_devices(struct db *db, const struct admin_opts *o)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT d.id, u.code, d.created_at, "
	    "ifnull(d.revoked_at, '-') FROM srv_device d JOIN unit u "
	    "ON u.id = d.unit_id ORDER BY d.id");

	if (stmt == NULL) {
		msg_error("%s", db_error(db));
		return 1;
	}
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		char *line = xasprintf("%lld\t%s\t%s\t%s\n",
		    (long long)sqlite3_column_int64(stmt, 0),
		    (const char *)sqlite3_column_text(stmt, 1),
		    (const char *)sqlite3_column_text(stmt, 2),
		    (const char *)sqlite3_column_text(stmt, 3));

		msg_put(stdout, line);
		free(line);
	}
	sqlite3_finalize(stmt);
	return 0;
}

/*
 * tally --db F --plan NUMBER [--unit NAME] [--format txt|rtf|csv]: the essay
 * tally over everything the units below have pushed; completeness (the
 * same options, and --round N, --history): which units below have sent
 * their reports, on time or late, returned or accepted. Both are
 * quantriet report (src/cli) run on the server's database.
 */
static int
admin_report(const char *kind, int argc, char **argv)
{
	char **args = xcalloc((size_t)argc + 2, sizeof *args);
	int i, rc;

	args[0] = (char *)"report";
	for (i = 1; i < argc; i++)
		args[i] = argv[i];
	args[argc] = (char *)kind;
	rc = cmd_report_entry.exec(argc + 1, args);
	free(args);
	return rc;
}

struct admin_command {
	const char	*name;
	int		(*run)(struct db *, const struct admin_opts *);
	int		 open_flags;	/* only unit-add may create the database */
	const char	*usage;
};

static const struct admin_command admin_commands[] = {
	{ "unit-add", admin_unit_add, DB_OPEN_CREATE,
	    "unit-add --db TỆP --code MÃ --name TÊN --kind LOẠI [--parent MÃ]" },
	{ "enroll-code", admin_enroll_code, DB_OPEN_EXISTING,
	    "enroll-code --db TỆP --unit MÃ [--days N]" },
	{ "revoke", admin_revoke, DB_OPEN_EXISTING,
	    "revoke --db TỆP (--device SỐ | --unit MÃ)" },
	{ "devices", admin_devices, DB_OPEN_EXISTING, "devices --db TỆP" },
};

static void
usage(FILE *fp)
{
	size_t i;

	msg_put(fp, "Cách dùng: quantriet-server LỆNH [TÙY CHỌN...]\n"
	    "  serve --db TỆP (--cert TỆP --key TỆP | --insecure-http)\n"
	    "        [--listen ĐỊA_CHỈ] [--port SỐ] [--port-file TỆP] [--log]\n"
	    "  tally --db TỆP --plan SỐ [--unit ĐƠN_VỊ] "
	    "[--format txt|rtf|csv]\n"
	    "  completeness --db TỆP --plan SỐ [--unit ĐƠN_VỊ] [--round N]\n"
	    "        [--format txt|csv] [--history]\n"
	    "  import-bundle --db TỆP GÓI [--reply TỆP] [--receipt] "
	    "[--unit MÃ]\n");
	for (i = 0; i < sizeof admin_commands / sizeof admin_commands[0]; i++) {
		msg_put(fp, "  ");
		msg_put(fp, admin_commands[i].usage);
		msg_put(fp, "\n");
	}
	msg_put(fp, "Xem thêm: man quantriet-server\n");
}

int
main(int argc, char **argv)
{
	struct admin_opts o;
	struct db *db;
	size_t i;
	int rc;

	files_private();
	msg_init_locale();
	if (argc < 2 || strcmp(argv[1], "--help") == 0) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("quantriet-server %s\n", PACKAGE_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "serve") == 0)
		return srv_serve(argc - 1, argv + 1);
	if (strcmp(argv[1], "import-bundle") == 0)
		return srv_import_bundle(argc - 1, argv + 1);
	if (strcmp(argv[1], "tally") == 0 ||
	    strcmp(argv[1], "completeness") == 0)
		return admin_report(argv[1], argc - 1, argv + 1);
	for (i = 0; i < sizeof admin_commands / sizeof admin_commands[0]; i++) {
		if (strcmp(argv[1], admin_commands[i].name) != 0)
			continue;
		if (admin_parse(argc - 1, argv + 1, &o) != 0) {
			usage(stderr);
			return 2;
		}
		if ((db = srv_open(o.db, admin_commands[i].open_flags)) == NULL)
			return 1;
		rc = admin_commands[i].run(db, &o);
		if (rc == 2)
			usage(stderr);
		db_close(&db);
		return rc;
	}
	msg_error("không có lệnh '%s'; xem quantriet-server --help", argv[1]);
	return 2;
}
