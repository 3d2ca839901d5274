/*
 * test_sync_run.c - the run API the interface drives, with no server:
 * not enrolled, nothing listening (tried again, then given up), one run
 * at a time, and cancelling at any moment leave the queue as it was.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "sync/sync.h"
#include "tap.h"
#include "xmalloc.h"

static char dir[] = "/tmp/test_sync_run.XXXXXX";

/* Writes db's credential file (named by its database_id). */
static void
write_credential(struct db *db, const char *url)
{
	char *path = xasprintf("%s/quantriet", dir);
	char *id = db_setting_get(db, "database_id");
	FILE *fp;

	mkdir(path, 0700);
	free(path);
	path = xasprintf("%s/quantriet/credential-%s", dir, id);
	free(id);
	fp = fopen(path, "w");
	fprintf(fp, "url %s\ntoken 0123\n", url);
	fclose(fp);
	free(path);
}

/*
 * Two databases of one Unix user each keep their own credential; the old
 * per-user file goes to the first enrolled database that looks.
 */
static void
per_database(struct db *db)
{
	char *file2 = xasprintf("%s/q2.db", dir), *err, *url;
	char *legacy = xasprintf("%s/quantriet/credential", dir);
	struct db *db2 = db_open(file2, DB_OPEN_CREATE, &err);
	FILE *fp;

	write_credential(db, "http://127.0.0.1:7");
	url = sync_server_url(db2);
	tap_ok(url == NULL, "a second database of the same user is not enrolled "
	    "by the first one's credential");
	free(url);
	url = sync_server_url(db);
	tap_is_str(url, "http://127.0.0.1:7", "the first keeps its own");
	free(url);

	fp = fopen(legacy, "w");
	fprintf(fp, "url http://127.0.0.1:9\ntoken 0123\n");
	fclose(fp);
	url = sync_server_url(db2);
	tap_ok(url == NULL && access(legacy, F_OK) == 0, "an old per-user "
	    "credential is not taken by a database never enrolled");
	free(url);
	db_setting_set(db2, "home_unit_id", "7");
	url = sync_server_url(db2);
	tap_is_str(url, "http://127.0.0.1:9", "an enrolled database takes it");
	free(url);
	tap_ok(access(legacy, F_OK) != 0, "and it is no longer the user's");
	url = sync_server_url(db);
	tap_is_str(url, "http://127.0.0.1:7", "the other database keeps its own");
	free(url);
	db_close(&db2);
	unlink(file2);
	free(file2);
	free(legacy);
}

int
main(void)
{
	struct sync_progress p;
	struct sync_run *run;
	struct db *db;
	char *err, *file;
	int rc, steps = 0;

	if (mkdtemp(dir) == NULL)
		return 1;
	setenv("XDG_CONFIG_HOME", dir, 1);
	file = xasprintf("%s/q.db", dir);
	if ((db = db_open(file, DB_OPEN_CREATE, &err)) == NULL) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	db_exec(db, "INSERT INTO unit(id, kind, code, name, name_fold) "
	    "VALUES (7, 'commune', 'XA', 'Xã A', 'xa a')");

	run = sync_start(db, 0, &err);
	tap_ok(run == NULL && err != NULL && strstr(err, "quantriet enroll") != NULL,
	    "not enrolled: the clerk is told to enrol");
	free(err);

	/* Port 1 on loopback: nothing listens, the connection is refused. */
	write_credential(db, "http://127.0.0.1:1");
	run = sync_start(db, 0, &err);
	tap_ok(run != NULL, "an enrolled database starts a run");
	while ((rc = sync_step(run, 100, &p)) == 1 && steps++ < 1000)
		;
	tap_is_int(rc, -1, "with no server the run fails");
	tap_ok(strstr(sync_error(run), "Không kết nối được") != NULL,
	    "and says the server cannot be reached");
	tap_is_int(sync_pending_count(db), 1, "the change still waits");
	tap_is_int(db_int(db, 0, "SELECT count(*) FROM sync_batch", 0), 1,
	    "in a batch kept to be sent again");
	sync_free(&run);

	/* Tried again within the run, with waits that double, then given up. */
	{
		struct sync_retry r = { 40, 160, 900 };
		struct sync_run *second;
		char *busy;
		int waits = 0;

		run = sync_start(db, 0, &err);
		sync_set_retry(run, &r);
		steps = 0;
		while ((rc = sync_step(run, 20, &p)) == 1 && steps++ < 1000)
			if (strstr(p.phase, "thử lại sau") != NULL)
				waits++;
		tap_is_int(rc, -1, "a run that keeps failing ends");
		tap_ok(waits > 0, "having waited to try again");
		tap_ok(strstr(sync_error(run), "đã thử lại") != NULL &&
		    strstr(sync_error(run), "Không kết nối được") != NULL,
		    "and says why and how often it tried: %s", sync_error(run));
		second = sync_start(db, 0, &busy);
		tap_ok(second == NULL && busy != NULL &&
		    strstr(busy, "đồng bộ khác đang chạy") != NULL,
		    "a second run on the same database is refused while one runs");
		free(busy);
		sync_free(&run);
	}

	run = sync_start(db, 0, &err);
	sync_cancel(run);
	tap_is_int(sync_step(run, 0, &p), -1, "a cancelled run stops");
	sync_cancel(run);
	tap_ok(strstr(sync_error(run), "Đã dừng") != NULL,
	    "cancelling twice is harmless and says it stopped");
	tap_is_int(sync_pending_count(db), 1, "cancelling loses nothing");
	sync_free(&run);
	sync_free(&run);
	tap_ok(run == NULL, "freeing twice is harmless");

	/* A plain-HTTP address off this machine is never used. */
	write_credential(db, "http://192.0.2.1");
	run = sync_start(db, 0, &err);
	tap_ok(run == NULL && strstr(err, "HTTPS") != NULL,
	    "plain HTTP to another machine is refused");
	free(err);
	write_credential(db, "http://127.0.0.1.example.net/");
	run = sync_start(db, 0, &err);
	tap_ok(run == NULL, "a name that only starts like loopback is refused too");
	free(err);

	per_database(db);
	db_close(&db);
	unlink(file);
	free(file);
	file = xasprintf("rm -rf %s", dir);
	if (system(file) != 0)
		return 1;
	free(file);
	return tap_done();
}
