/*
 * db.c - opening, upgrading and writing the SQLite database.
 *
 * Several clerks share one database on a district server, and a cron sync
 * may run beside an open interface, so every connection is configured the
 * same way here and nowhere else.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef HAVE_GETRANDOM
#include <sys/random.h>
#endif

#include "db.h"
#include "embedded.h"
#include "files.h"
#include "msg.h"
#include "paths.h"
#include "text/text.h"
#include "xmalloc.h"

/* How long a writer waits for another clerk's transaction to finish. */
#define DB_BUSY_TIMEOUT_MS	15000
/*
 * The page cache of every connection, in KiB: SQLite takes it only as
 * pages are read, and a PC with a few hundred MiB must not give a report
 * more than this (a tally reads from counters, not from every row).
 */
#define DB_CACHE_KIB		8192
/* Statements a connection keeps prepared (db_keep); the oldest gives way. */
#define DB_KEPT_MAX		32
/* The first SQLite without the WAL-reset bug (sqlite.org/wal.html). */
#define DB_WAL_SAFE_VERSION	3051003

struct db {
	sqlite3	*handle;
	char	*path;
	int	 depth;		/* open transactions, outermost first */
	int	 reading;	/* in db_read_begin's transaction */
	char	*error;
	char	*actor;		/* who the audit trail names: qt_actor();
				   NULL: the Unix user, looked up at the
				   first write (a read need not ask NSS) */
	struct {
		sqlite3_stmt	*stmt;
		int		 busy;	/* handed out, not yet released */
		unsigned long	 used;	/* when last handed out: the oldest goes */
	}	 kept[DB_KEPT_MAX];
	size_t	 nkept;
	unsigned long uses;
};

sqlite3 *
db_handle(struct db *db)
{
	return db->handle;
}

const char *
db_path(struct db *db)
{
	return db->path;
}

const char *
db_error(struct db *db)
{
	return db->error != NULL ? db->error : "Lỗi cơ sở dữ liệu không rõ";
}

char *
db_describe(sqlite3 *handle, int rc, const char *what)
{
	const char *detail = handle != NULL ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return xasprintf("Cơ sở dữ liệu đang bận vì một người khác đang "
		    "ghi; hãy thử lại sau ít phút (%s)", what);
	case SQLITE_FULL:
		return xasprintf("Đĩa đã đầy, không ghi được (%s); hãy giải "
		    "phóng chỗ trống rồi thử lại", what);
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		return xasprintf("Không mở hoặc không ghi được tệp cơ sở dữ "
		    "liệu (%s): kiểm tra đường dẫn và quyền ghi", what);
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return xasprintf("Tệp không phải cơ sở dữ liệu quantriet hoặc "
		    "đã hỏng (%s)", what);
	case SQLITE_CONSTRAINT:
		return xasprintf("Dữ liệu không hợp lệ, không được lưu (%s: %s)",
		    what, detail);
	case SQLITE_IOERR:
		return xasprintf("Lỗi đọc/ghi đĩa (%s: %s)", what, detail);
	default:
		return xasprintf("Lỗi cơ sở dữ liệu (%s: %s)", what, detail);
	}
}

void
db_set_error(struct db *db, int rc, const char *what)
{
	free(db->error);
	db->error = db_describe(db->handle, rc, what);
}

void
db_set_message(struct db *db, const char *msg)
{
	free(db->error);
	db->error = xstrdup(msg);
}

sqlite3_stmt *
db_prepare(struct db *db, const char *sql)
{
	sqlite3_stmt *stmt = NULL;
	int rc;

	rc = sqlite3_prepare_v2(db->handle, sql, -1, &stmt, NULL);
	if (rc != SQLITE_OK) {
		db_set_error(db, rc, "chuẩn bị truy vấn");
		return NULL;
	}
	return stmt;
}

/*
 * A statement is found again by its text: parsing the plan queries' long
 * SQL costs more than running them on a unit's counters. One in use is
 * never handed out twice (a caller may step one while another runs the
 * same query), so a second user gets a statement of its own.
 */
sqlite3_stmt *
db_keep(struct db *db, const char *sql)
{
	sqlite3_stmt *stmt;
	size_t i, slot = DB_KEPT_MAX;

	for (i = 0; i < db->nkept; i++) {
		if (db->kept[i].busy)
			continue;
		if (strcmp(sqlite3_sql(db->kept[i].stmt), sql) == 0) {
			db->kept[i].busy = 1;
			db->kept[i].used = ++db->uses;
			return db->kept[i].stmt;
		}
		if (slot == DB_KEPT_MAX || db->kept[i].used < db->kept[slot].used)
			slot = i;
	}
	if ((stmt = db_prepare(db, sql)) == NULL)
		return NULL;
	if (db->nkept < DB_KEPT_MAX)
		slot = db->nkept++;
	else if (slot == DB_KEPT_MAX)
		return stmt;		/* all in use: not kept */
	else
		sqlite3_finalize(db->kept[slot].stmt);
	db->kept[slot].stmt = stmt;
	db->kept[slot].busy = 1;
	db->kept[slot].used = ++db->uses;
	return stmt;
}

void
db_release(struct db *db, sqlite3_stmt *stmt)
{
	size_t i;

	for (i = 0; i < db->nkept; i++) {
		if (db->kept[i].stmt == stmt) {
			/* Reset ends its read: the next query sees new rows. */
			sqlite3_reset(stmt);
			sqlite3_clear_bindings(stmt);
			db->kept[i].busy = 0;
			return;
		}
	}
	sqlite3_finalize(stmt);
}

int
db_exec(struct db *db, const char *sql)
{
	int rc = sqlite3_exec(db->handle, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK) {
		db_set_error(db, rc, "thực hiện lệnh");
		return -1;
	}
	return 0;
}

int64_t
db_int(struct db *db, int64_t dflt, const char *sql, int n, ...)
{
	/* Kept: screens ask the same counts on every redraw. */
	sqlite3_stmt *stmt = db_keep(db, sql);
	int64_t value = dflt;
	va_list ap;
	int i;

	if (stmt == NULL)
		return dflt;
	va_start(ap, n);
	for (i = 1; i <= n; i++)
		sqlite3_bind_int64(stmt, i, va_arg(ap, int64_t));
	va_end(ap);
	if (sqlite3_step(stmt) == SQLITE_ROW &&
	    sqlite3_column_type(stmt, 0) != SQLITE_NULL)
		value = sqlite3_column_int64(stmt, 0);
	db_release(db, stmt);
	return value;
}

uint64_t
db_stamp(struct db *db)
{
	uint64_t others = (uint64_t)db_int(db, 0, "PRAGMA data_version", 0);

	return others << 32 ^ (uint64_t)sqlite3_total_changes64(db->handle);
}

int
db_begin(struct db *db)
{
	char sql[64];

	if (db->depth == 0)
		snprintf(sql, sizeof sql, "BEGIN IMMEDIATE");
	else
		snprintf(sql, sizeof sql, "SAVEPOINT qt_%d", db->depth);
	if (db_exec(db, sql) != 0)
		return -1;
	db->depth++;
	return 0;
}

int
db_commit(struct db *db)
{
	char sql[64];

	if (db->depth == 0)
		return 0;
	if (db->depth == 1)
		snprintf(sql, sizeof sql, "COMMIT");
	else
		snprintf(sql, sizeof sql, "RELEASE qt_%d", db->depth - 1);
	if (db_exec(db, sql) != 0) {
		db_rollback(db);
		return -1;
	}
	db->depth--;
	return 0;
}

void
db_rollback(struct db *db)
{
	char sql[96];

	if (db->depth == 0)
		return;
	db->depth--;
	if (db->depth == 0)
		snprintf(sql, sizeof sql, "ROLLBACK");
	else
		snprintf(sql, sizeof sql, "ROLLBACK TO qt_%d; RELEASE qt_%d",
		    db->depth, db->depth);
	/* A failed rollback leaves SQLite's own rollback on close to act. */
	sqlite3_exec(db->handle, sql, NULL, NULL, NULL);
}

int
db_read_begin(struct db *db)
{
	if (db->depth > 0 || db->reading)
		return 0;
	if (db_exec(db, "BEGIN") != 0)
		return -1;
	db->reading = 1;
	return 0;
}

void
db_read_end(struct db *db)
{
	if (!db->reading)
		return;
	db->reading = 0;
	/* Nothing was written: ending it only lets the lock go. */
	sqlite3_exec(db->handle, "ROLLBACK", NULL, NULL, NULL);
}

int64_t
db_new_id(void)
{
	uint64_t v = 0;

	for (;;) {
#ifdef HAVE_GETRANDOM
		if (getrandom(&v, sizeof v, 0) != (ssize_t)sizeof v)
			sqlite3_randomness(sizeof v, &v);
#else
		sqlite3_randomness(sizeof v, &v);
#endif
		v &= INT64_MAX;
		if (v != 0)
			return (int64_t)v;
	}
}

/*
 * A text-layer function of one string, callable from SQL that stores its
 * result: qt_fold(TEXT) the search key (text_fold), qt_name_sort(TEXT) the
 * key of Vietnamese order (text_name_sort). NULL gives NULL.
 */
struct db_text_fn {
	char	*(*fn)(const char *);
};
static const struct db_text_fn db_fold_fn = { text_fold };
static const struct db_text_fn db_name_sort_fn = { text_name_sort };

static void
db_sql_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct db_text_fn *f = sqlite3_user_data(ctx);
	const unsigned char *s = sqlite3_value_text(argv[0]);

	if (s == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_text(ctx, f->fn((const char *)s), -1, free);
}

/* "user:NAME" of the Unix user running the program ("uid:N" unnamed). */
static char *
db_user_actor(void)
{
	struct passwd *pw = getpwuid(geteuid());

	if (pw != NULL && pw->pw_name != NULL && pw->pw_name[0] != '\0')
		return xasprintf("user:%s", pw->pw_name);
	return xasprintf("uid:%lu", (unsigned long)geteuid());
}

/*
 * qt_actor(): who makes this connection's writes, for the audit trail
 * (data/schema/013_audit.sql). Per connection, so two clerks on one
 * database are told apart.
 */
static void
db_sql_actor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct db *db = sqlite3_user_data(ctx);

	if (db->actor == NULL)
		db->actor = db_user_actor();
	sqlite3_result_text(ctx, db->actor, -1, SQLITE_TRANSIENT);
}

/* Appends v to s as a JSON value (a blob as its hex text). */
static void
db_json_value(sqlite3_str *s, sqlite3_value *v)
{
	const unsigned char *p;

	switch (sqlite3_value_type(v)) {
	case SQLITE_NULL:
		sqlite3_str_appendall(s, "null");
		return;
	case SQLITE_INTEGER:
		sqlite3_str_appendf(s, "%lld", (long long)sqlite3_value_int64(v));
		return;
	case SQLITE_FLOAT:
		sqlite3_str_appendf(s, "%!.15g", sqlite3_value_double(v));
		return;
	default:
		break;
	}
	sqlite3_str_appendchar(s, 1, '"');
	for (p = sqlite3_value_text(v); p != NULL && *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			sqlite3_str_appendf(s, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			sqlite3_str_appendf(s, "\\u%04x", *p);
		else
			sqlite3_str_appendchar(s, 1, (char)*p);
	}
	sqlite3_str_appendchar(s, 1, '"');
}

/* 1 if a and b hold the same type and value (SQL's IS). */
static int
db_value_same(sqlite3_value *a, sqlite3_value *b)
{
	int type = sqlite3_value_type(a), n;

	if (type != sqlite3_value_type(b))
		return 0;
	switch (type) {
	case SQLITE_NULL:
		return 1;
	case SQLITE_INTEGER:
		return sqlite3_value_int64(a) == sqlite3_value_int64(b);
	case SQLITE_FLOAT:
		return sqlite3_value_double(a) == sqlite3_value_double(b);
	default:
		/* An empty value's blob is NULL, which memcmp may not see. */
		n = sqlite3_value_bytes(a);
		return n == sqlite3_value_bytes(b) && (n == 0 ||
		    memcmp(sqlite3_value_blob(a), sqlite3_value_blob(b),
		    (size_t)n) == 0);
	}
}

/*
 * qt_changes(NAME, OLD, NEW, ...): the columns whose value differs, as
 * the JSON object {"NAME":[OLD,NEW],...}, or NULL when none does. The
 * audit triggers call it (SQLite's own JSON functions may not be used in
 * a trigger with trusted_schema off); the readers use json_each().
 */
static void
db_sql_changes(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_str *s = sqlite3_str_new(sqlite3_context_db_handle(ctx));
	int i, n = 0;

	for (i = 0; i + 2 < argc; i += 3) {
		sqlite3_value *o = argv[i + 1], *v = argv[i + 2];

		if (db_value_same(o, v))
			continue;
		sqlite3_str_appendchar(s, 1, n++ == 0 ? '{' : ',');
		db_json_value(s, argv[i]);
		sqlite3_str_appendchar(s, 1, ':');
		sqlite3_str_appendchar(s, 1, '[');
		db_json_value(s, o);
		sqlite3_str_appendchar(s, 1, ',');
		db_json_value(s, v);
		sqlite3_str_appendchar(s, 1, ']');
	}
	if (n == 0) {
		sqlite3_free(sqlite3_str_finish(s));
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_str_appendchar(s, 1, '}');
	if (sqlite3_str_errcode(s) != SQLITE_OK) {
		sqlite3_free(sqlite3_str_finish(s));
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, sqlite3_str_finish(s), -1, sqlite3_free);
}

/*
 * The unit owning row ?1 of TABLE, for the audit row of a child of it:
 * the row's own, else (the row is being deleted with its children) the
 * one its latest audit row names, else the home unit.
 */
#define DB_OWNER_SQL(table, unit) \
	"SELECT coalesce((SELECT " unit " FROM " table " WHERE id = ?1), " \
	"(SELECT unit_id FROM audit WHERE tbl = '" table "' AND row_id = ?1 " \
	"ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) " \
	"FROM setting WHERE key = 'home_unit_id'))"

/*
 * qt_owner(TABLE, ID): DB_OWNER_SQL for a plan (document), a session or
 * a report (tally_report). The audit triggers of their children call it
 * (schema step 023): SQLite parses every trigger at every open, and the
 * lookup written out in each of them cost more than the rest of a read.
 */
static void
db_sql_owner(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	static const struct {
		const char	*table;
		const char	*sql;
	} owners[] = {
		{ "document", DB_OWNER_SQL("document", "owner_unit_id") },
		{ "session", DB_OWNER_SQL("session", "unit_id") },
		{ "tally_report", DB_OWNER_SQL("tally_report", "unit_id") },
	};
	struct db *db = sqlite3_user_data(ctx);
	const char *table = (const char *)sqlite3_value_text(argv[0]);
	sqlite3_stmt *stmt;
	size_t i;
	int rc;

	(void)argc;
	for (i = 0; i < sizeof owners / sizeof owners[0]; i++)
		if (table != NULL && strcmp(table, owners[i].table) == 0)
			break;
	if (i == sizeof owners / sizeof owners[0]) {
		sqlite3_result_error(ctx, "qt_owner: bảng không có đơn vị chủ",
		    -1);
		return;
	}
	if ((stmt = db_keep(db, owners[i].sql)) == NULL) {
		sqlite3_result_error(ctx, db_error(db), -1);
		return;
	}
	sqlite3_bind_value(stmt, 1, argv[1]);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		sqlite3_result_value(ctx, sqlite3_column_value(stmt, 0));
	else
		sqlite3_result_error_code(ctx, rc);
	db_release(db, stmt);
}

/* qt_new_id(): db_new_id() for SQL in data/ that inserts rows. */
static void
db_sql_new_id(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_result_int64(ctx, db_new_id());
}

static const char *
db_schema_step(int n)
{
	char prefix[32];
	const struct embedded_file *f;

	snprintf(prefix, sizeof prefix, "schema/%03d_", n);
	for (f = embedded_files; f->name != NULL; f++)
		if (strncmp(f->name, prefix, strlen(prefix)) == 0)
			return f->text;
	return NULL;
}

int
db_schema_latest(void)
{
	int n = 0;

	while (db_schema_step(n + 1) != NULL)
		n++;
	return n;
}

int
db_schema_version(struct db *db)
{
	return (int)db_int(db, -1, "PRAGMA user_version", 0);
}

/*
 * Brings the schema to db_schema_latest() in one transaction, so a power
 * cut mid-upgrade leaves the old version intact. Refuses a database made
 * by a newer quantriet rather than guess at what it holds.
 */
static int
db_upgrade(struct db *db)
{
	int latest = db_schema_latest(), version, n;
	char sql[64];

	/* A current schema needs no transaction: even an empty write would
	 * wait for every reader, and a long report would keep clerks out. */
	if (db_schema_version(db) == latest)
		return 0;
	if (db_begin(db) != 0)
		return -1;
	version = db_schema_version(db);
	if (version > latest) {
		char *msg = xasprintf("Cơ sở dữ liệu thuộc phiên bản mới hơn "
		    "(lược đồ %d, chương trình này chỉ biết đến %d): hãy cập "
		    "nhật quantriet", version, latest);

		db_rollback(db);
		db_set_message(db, msg);
		free(msg);
		return -1;
	}
	for (n = version + 1; n <= latest; n++) {
		if (db_exec(db, db_schema_step(n)) != 0) {
			char *why = xstrdup(db_error(db));

			db_rollback(db);
			free(db->error);
			db->error = xasprintf("Không nâng cấp được cơ sở dữ liệu "
			    "lên lược đồ %d: %s", n, why);
			free(why);
			return -1;
		}
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", latest);
	if (version != latest && db_exec(db, sql) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

/*
 * Checks the file is ours: a fresh file gets our application id; a file
 * with tables but another id (or none) is someone else's database.
 */
static int
db_claim(struct db *db)
{
	int64_t app = db_int(db, -1, "PRAGMA application_id", 0);
	int64_t tables;
	char sql[64];

	if (app == DB_APPLICATION_ID)
		return 0;
	tables = db_int(db, -1, "SELECT count(*) FROM sqlite_schema", 0);
	if (tables < 0) {
		db_set_error(db, sqlite3_errcode(db->handle), db->path);
		return -1;
	}
	if (tables > 0 || app != 0) {
		free(db->error);
		db->error = xasprintf("Tệp %s không phải cơ sở dữ liệu "
		    "quantriet", db->path);
		return -1;
	}
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d", DB_APPLICATION_ID);
	return db_exec(db, sql);
}

/*
 * Rollback journal unless the linked SQLite is free of the WAL-reset bug;
 * see docs/storage.md. Each COMMIT must survive a power cut: in WAL mode
 * FULL does it; with a rollback journal only EXTRA does, as the commit is
 * the journal's unlink, which a cut can undo unless the directory is
 * synced too (the journal comes back hot and rolls the commit back:
 * tests/unit/test_powerloss).
 */
static int
db_configure(struct db *db)
{
	int wal = sqlite3_libversion_number() >= DB_WAL_SAFE_VERSION;
	const char *journal = wal ? "PRAGMA journal_mode = WAL" :
	    "PRAGMA journal_mode = DELETE";
	sqlite3_stmt *stmt;
	char cache[64];

	sqlite3_busy_timeout(db->handle, DB_BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(db->handle, 1);
	snprintf(cache, sizeof cache, "PRAGMA cache_size = -%d", DB_CACHE_KIB);
	if (db_exec(db, "PRAGMA foreign_keys = ON") != 0 ||
	    db_exec(db, cache) != 0 ||
	    db_exec(db, wal ? "PRAGMA synchronous = FULL" :
	    "PRAGMA synchronous = EXTRA") != 0 ||
	    db_exec(db, "PRAGMA trusted_schema = OFF") != 0)
		return -1;
	/* journal_mode answers with a row; a busy database keeps its mode. */
	if ((stmt = db_prepare(db, journal)) == NULL)
		return -1;
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		db_set_error(db, sqlite3_errcode(db->handle), "chọn chế độ nhật ký");
		sqlite3_finalize(stmt);
		return -1;
	}
	sqlite3_finalize(stmt);
	sqlite3_create_function(db->handle, "qt_fold", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	    (void *)&db_fold_fn, db_sql_text, NULL, NULL);
	sqlite3_create_function(db->handle, "qt_name_sort", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	    (void *)&db_name_sort_fn, db_sql_text, NULL, NULL);
	sqlite3_create_function(db->handle, "qt_new_id", 0,
	    SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, db_sql_new_id, NULL, NULL);
	sqlite3_create_function(db->handle, "qt_actor", 0,
	    SQLITE_UTF8 | SQLITE_INNOCUOUS, db, db_sql_actor, NULL, NULL);
	sqlite3_create_function(db->handle, "qt_changes", -1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
	    db_sql_changes, NULL, NULL);
	sqlite3_create_function(db->handle, "qt_owner", 2,
	    SQLITE_UTF8 | SQLITE_INNOCUOUS, db, db_sql_owner, NULL, NULL);
	return 0;
}

char *
db_set_actor(struct db *db, const char *actor)
{
	char *was = db->actor;

	db->actor = actor != NULL ? xstrdup(actor) : NULL;
	return was;
}

/*
 * Process-wide SQLite settings, before its first use. A statement that
 * sorts or groups opens temporary B-trees, and by default each one takes
 * 20 pages at once that it mostly never uses: on a commune's report that
 * was a third of the page faults of the whole run. Pages come one by one
 * instead. Nothing reads SQLite's memory statistics, so it need not keep
 * them under a mutex on every allocation.
 */
static void
db_configure_library(void)
{
	sqlite3_config(SQLITE_CONFIG_PAGECACHE, NULL, 0, 0);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

struct db *
db_open(const char *path, int flags, char **err)
{
	static pthread_once_t library_once = PTHREAD_ONCE_INIT;
	struct db *db = xcalloc(1, sizeof *db);
	int oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	struct stat st;
	int rc;

	db->path = xstrdup(path);
	*err = NULL;
	if (stat(path, &st) != 0) {
		if (errno == EACCES || errno == EPERM)
			goto refused;
		if (!(flags & DB_OPEN_CREATE)) {
			*err = xasprintf("Không tìm thấy cơ sở dữ liệu %s "
			    "(tạo cơ sở dữ liệu mẫu: quantriet demo --db %s)",
			    path, path);
			goto fail;
		}
		if (paths_make_parent(path) != 0) {
			if (errno == EACCES || errno == EPERM)
				goto refused;
			*err = xasprintf("Không tạo được thư mục cho %s: %s",
			    path, msg_strerror(errno));
			goto fail;
		}
		/*
		 * Made here with its mode, not by SQLite (0644 less the
		 * umask): the journals copy the database's mode.
		 */
		if (files_create_db(path) != 0) {
			if (errno == EACCES || errno == EPERM)
				goto refused;
			*err = xasprintf("Không tạo được tệp %s: %s", path,
			    msg_strerror(errno));
			goto fail;
		}
	} else if (!S_ISREG(st.st_mode)) {
		*err = xasprintf("%s không phải một tệp thường", path);
		goto fail;
	} else if (access(path, R_OK | W_OK) != 0 &&
	    (errno == EACCES || errno == EPERM))
		goto refused;
	pthread_once(&library_once, db_configure_library);
	rc = sqlite3_open_v2(path, &db->handle, oflags, NULL);
	if (rc != SQLITE_OK) {
		*err = db_describe(db->handle, rc, path);
		goto fail;
	}
	if (db_configure(db) != 0 || db_claim(db) != 0 || db_upgrade(db) != 0) {
		*err = xstrdup(db_error(db));
		goto fail;
	}
	return db;
refused:
	/* Not a crash nor SQLite's "unable to open": the OS said no, say why. */
	*err = files_denied(path);
fail:
	db_close(&db);
	return NULL;
}

void
db_close(struct db **pdb)
{
	struct db *db = *pdb;

	if (db == NULL)
		return;
	while (db->depth > 0)
		db_rollback(db);
	while (db->nkept > 0)
		sqlite3_finalize(db->kept[--db->nkept].stmt);
	if (db->handle != NULL)
		sqlite3_close_v2(db->handle);
	free(db->path);
	free(db->error);
	free(db->actor);
	free(db);
	*pdb = NULL;
}

char *
db_setting_get(struct db *db, const char *key)
{
	sqlite3_stmt *stmt = db_prepare(db,
	    "SELECT value FROM setting WHERE key = ?1");
	char *value = NULL;

	if (stmt == NULL)
		return NULL;
	sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		value = xstrdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return value;
}

int
db_setting_set(struct db *db, const char *key, const char *value)
{
	sqlite3_stmt *stmt;
	int rc;

	if (db_begin(db) != 0)
		return -1;
	stmt = db_prepare(db, "INSERT INTO setting(key, value) VALUES (?1, ?2) "
	    "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
	if (stmt == NULL) {
		db_rollback(db);
		return -1;
	}
	sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "lưu thiết lập");
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}
