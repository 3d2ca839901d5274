/*
 * test_db.c - opening, upgrading, refusing and transactions of db.c.
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db.h"
#include "old_db.h"
#include "tap.h"

static char dir[] = "/tmp/qt-test-db.XXXXXX";

static char *
scratch(const char *name)
{
	char *path;

	if (asprintf(&path, "%s/%s", dir, name) < 0)
		abort();
	return path;
}

/* A database at schema version 1 only, as the first release left it. */
static void
make_v1(const char *path)
{
	old_db_make(path, 1, "INSERT INTO unit(id, kind, code, name, name_fold) "
	    "VALUES (7, 'commune', 'X', 'Xã A', 'xa a')");
}

static char *
xjournal(struct db *db)
{
	sqlite3_stmt *stmt = db_prepare(db, "PRAGMA journal_mode");
	char *mode = NULL;

	if (stmt != NULL && sqlite3_step(stmt) == SQLITE_ROW)
		mode = strdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return mode;
}

static void
test_create_and_reopen(void)
{
	char *path = scratch("sub/dir/new.db"), *err = NULL;
	char *second = scratch("second.db"), *id, *again, *other;
	struct db *db = db_open(path, DB_OPEN_EXISTING, &err);

	tap_ok(db == NULL && err != NULL && strstr(err, "Không tìm thấy") != NULL,
	    "a missing database is not created without being asked");
	free(err);
	db = db_open(path, DB_OPEN_CREATE, &err);
	if (!tap_ok(db != NULL, "a new database is created with its directories")) {
		printf("# %s\n", err);
		exit(tap_done());
	}
	tap_is_int(db_schema_version(db), db_schema_latest(), "new database is at the latest schema");
	tap_is_int(db_int(db, 0, "PRAGMA foreign_keys", 0), 1, "foreign keys are enforced");
	/* EXTRA (3) with a rollback journal, FULL (2) in WAL mode: test_powerloss. */
	tap_is_int(db_int(db, 0, "PRAGMA synchronous", 0),
	    db_int(db, 0, "SELECT CASE journal_mode WHEN 'wal' THEN 2 ELSE 3 END"
	    " FROM pragma_journal_mode", 0),
	    "commits survive a power cut (synchronous EXTRA, FULL in WAL)");
	tap_is_int(db_int(db, 0, "SELECT count(*) FROM member_status", 0), 5,
	    "reference rows are present");
	id = db_setting_get(db, "database_id");
	tap_ok(id != NULL && strlen(id) == 32 && strspn(id, "0123456789abcdef")
	    == 32, "a new database has an id of its own (drafts are keyed by it)");
	db_close(&db);
	tap_ok(db == NULL, "db_close clears the pointer");
	db = db_open(path, DB_OPEN_EXISTING, &err);
	tap_ok(db != NULL, "the database opens again");
	again = db_setting_get(db, "database_id");
	tap_is_str(again, id != NULL ? id : "", "its id stays what it was");
	db_close(&db);
	db = db_open(second, DB_OPEN_CREATE, &err);
	other = db != NULL ? db_setting_get(db, "database_id") : NULL;
	tap_ok(other != NULL && id != NULL && strcmp(other, id) != 0,
	    "another database has another id");
	db_close(&db);
	free(id);
	free(again);
	free(other);
	free(second);
	free(path);
}

static void
test_upgrade_and_refuse(void)
{
	char *old = scratch("old.db"), *newer = scratch("newer.db");
	char *other = scratch("other.db"), *junk = scratch("junk.db"), *err = NULL;
	struct db *db;
	sqlite3 *h;
	int fd;

	make_v1(old);
	db = db_open(old, DB_OPEN_EXISTING, &err);
	if (!tap_ok(db != NULL, "a version-1 database opens")) {
		printf("# %s\n", err);
		exit(tap_done());
	}
	tap_is_int(db_schema_version(db), db_schema_latest(), "and is upgraded to the latest schema");
	tap_is_int(db_int(db, 0, "SELECT count(*) FROM unit WHERE id = 7", 0), 1,
	    "its rows survive the upgrade");
	tap_is_int(db_int(db, 0, "SELECT length(value) FROM setting WHERE key = "
	    "'database_id'", 0), 32, "and it gets an id of its own");
	db_close(&db);

	make_v1(newer);
	sqlite3_open(newer, &h);
	sqlite3_exec(h, "PRAGMA user_version = 999", NULL, NULL, NULL);
	sqlite3_close(h);
	db = db_open(newer, DB_OPEN_EXISTING, &err);
	tap_ok(db == NULL && err != NULL && strstr(err, "phiên bản mới hơn") != NULL,
	    "a database from a newer quantriet is refused with a clear message");
	free(err);

	sqlite3_open(other, &h);
	sqlite3_exec(h, "CREATE TABLE t(x)", NULL, NULL, NULL);
	sqlite3_close(h);
	db = db_open(other, DB_OPEN_EXISTING, &err);
	tap_ok(db == NULL && err != NULL && strstr(err, "không phải cơ sở dữ liệu quantriet") != NULL,
	    "another program's SQLite database is refused");
	free(err);

	fd = open(junk, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (write(fd, "this is not sqlite at all, just text.........................................................................................", 120) != 120)
		abort();
	close(fd);
	db = db_open(junk, DB_OPEN_EXISTING, &err);
	tap_ok(db == NULL && err != NULL, "a file that is not a database is refused");
	free(err);
	free(old);
	free(newer);
	free(other);
	free(junk);
}

static void
test_transactions(void)
{
	char *path = scratch("tx.db"), *err = NULL, *v;
	struct db *db = db_open(path, DB_OPEN_CREATE, &err);

	db_begin(db);
	db_exec(db, "INSERT INTO setting VALUES ('a', '1')");
	db_begin(db);
	db_exec(db, "INSERT INTO setting VALUES ('b', '2')");
	db_rollback(db);
	db_commit(db);
	tap_is_int(db_int(db, -1, "SELECT count(*) FROM setting WHERE key IN ('a','b')", 0), 1,
	    "an inner rollback undoes only the inner work");
	tap_ok(db_exec(db, "INSERT INTO setting VALUES ('a', '3')") != 0 &&
	    strstr(db_error(db), "không hợp lệ") != NULL,
	    "a constraint failure reads as a Vietnamese sentence");
	db_setting_set(db, "home_unit_id", "42");
	db_setting_set(db, "home_unit_id", "43");
	v = db_setting_get(db, "home_unit_id");
	tap_is_str(v, "43", "settings are replaced, not duplicated");
	free(v);
	tap_ok(db_new_id() > 0 && db_new_id() != db_new_id(), "new ids are positive and differ");
	db_close(&db);
	free(path);
}

/*
 * Two processes write to one database at once, as two clerks on a district
 * server do: with BEGIN IMMEDIATE and the busy timeout neither write is
 * lost and neither process sees an error.
 */
static void
test_two_writers(void)
{
	char *path = scratch("shared.db"), *err = NULL;
	struct db *db = db_open(path, DB_OPEN_CREATE, &err);
	pid_t pid[2];
	int i, failures = 0;
	char *mode;

	mode = xjournal(db);
	tap_is_str(mode, sqlite3_libversion_number() >= 3051003 ? "wal" : "delete",
	    "the journal mode is the one safe with the linked SQLite");
	free(mode);
	db_close(&db);
	for (i = 0; i < 2; i++) {
		if ((pid[i] = fork()) == 0) {
			struct db *mine = db_open(path, DB_OPEN_EXISTING, &err);
			int n, bad = mine == NULL;

			for (n = 0; n < 150 && !bad; n++) {
				char sql[96];

				snprintf(sql, sizeof sql, "INSERT INTO setting VALUES "
				    "('w%d.%d', 'x')", i, n);
				bad = db_begin(mine) != 0 || db_exec(mine, sql) != 0 ||
				    db_commit(mine) != 0;
			}
			db_close(&mine);
			_exit(bad);
		}
	}
	for (i = 0; i < 2; i++) {
		int st;

		waitpid(pid[i], &st, 0);
		failures += !WIFEXITED(st) || WEXITSTATUS(st) != 0;
	}
	tap_is_int(failures, 0, "two processes writing at once both succeed");
	db = db_open(path, DB_OPEN_EXISTING, &err);
	tap_is_int(db_int(db, 0, "SELECT count(*) FROM setting WHERE key LIKE 'w%'", 0),
	    300, "no write of either process is lost");
	db_close(&db);
	free(path);
}

/*
 * A long report or check holds a read open; a clerk's program must still
 * open the database: opening a current database takes no write lock.
 */
static void
test_open_beside_a_reader(void)
{
	char *path = scratch("read.db"), *err = NULL;
	struct db *reader = db_open(path, DB_OPEN_CREATE, &err), *clerk;

	db_exec(reader, "BEGIN");
	db_int(reader, 0, "SELECT count(*) FROM unit", 0);
	clerk = db_open(path, DB_OPEN_EXISTING, &err);
	tap_ok(clerk != NULL, "the database opens while another holds a read");
	if (clerk == NULL)
		printf("# %s\n", err);
	free(err);
	db_close(&clerk);
	db_exec(reader, "COMMIT");
	db_close(&reader);
	free(path);
}

/* Step 6 on a PC at step 3: names get their sort key, nothing is queued. */
static void
test_name_sort_step(void)
{
	char *path = scratch("v3.db"), *err = NULL;
	struct db *db;
	sqlite3_stmt *stmt;
	int temp = 0;

	old_db_make(path, 3, "INSERT INTO unit(id, kind, code, name, name_fold) "
	    "VALUES (7, 'cell', 'X', 'Chi bộ A', 'chi bo a');"
	    "INSERT INTO member(id, unit_id, full_name, name_fold, status) VALUES "
	    "(1, 7, 'Trần Văn Bình', 'tran van binh', 'active'), "
	    "(2, 7, 'Nguyễn Thị Ánh', 'nguyen thi anh', 'active');"
	    "DELETE FROM sync_outbox");
	db = db_open(path, DB_OPEN_EXISTING, &err);
	if (!tap_ok(db != NULL, "a version-3 database with members opens")) {
		printf("# %s\n", err);
		free(err);
		free(path);
		return;
	}
	tap_is_int(db_int(db, -1, "SELECT count(*) FROM member WHERE "
	    "name_sort = qt_name_sort(full_name) AND name_sort <> ''", 0), 2,
	    "the upgrade fills every member's sort key");
	tap_is_int(db_int(db, -1, "SELECT count(*) FROM sync_outbox", 0), 0,
	    "and queues nothing for sync: the key is derived, not an edit");
	tap_is_int(db_int(db, -1, "SELECT id FROM member ORDER BY name_sort "
	    "LIMIT 1", 0), 2, "Ánh comes before Bình");
	/* A cell's page walks the index: no sort of the whole cell. */
	stmt = db_prepare(db, "EXPLAIN QUERY PLAN SELECT id, full_name FROM "
	    "member WHERE unit_id = 7 AND (name_sort, id) > ('', 0) "
	    "ORDER BY name_sort, id LIMIT 20");
	while (stmt != NULL && sqlite3_step(stmt) == SQLITE_ROW)
		if (strstr((const char *)sqlite3_column_text(stmt, 3),
		    "TEMP B-TREE") != NULL)
			temp = 1;
	sqlite3_finalize(stmt);
	tap_ok(stmt != NULL && !temp, "a cell's page is read in index order");
	db_close(&db);
	free(path);
}

int
main(void)
{
	if (mkdtemp(dir) == NULL)
		return 1;
	test_create_and_reopen();
	test_upgrade_and_refuse();
	test_name_sort_step();
	test_transactions();
	test_two_writers();
	test_open_beside_a_reader();
	{
		char cmd[64];

		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			printf("# could not remove %s\n", dir);
	}
	return tap_done();
}
