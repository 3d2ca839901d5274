/*
 * db_snapshot.c - a private copy of the database for a long read
 * (`quantriet check`), and nothing of it left behind.
 *
 * The copy is as big as the file (4 GiB at a province) and /var/tmp
 * outlives a reboot: a copy left by a dropped SSH session or a power cut
 * would stay until someone found it. So its name leaves the directory as
 * soon as its connections are open; while it is being made, a signal
 * that ends the program removes it first; and a copy whose maker died
 * anyway (SIGKILL, power cut) is removed by the next one.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db.h"
#include "hlc.h"
#include "xmalloc.h"

/* Pages a snapshot copies per step, holding the read lock: 4 MiB. */
#define SNAPSHOT_STEP_PAGES	1024
/*
 * A save by another process sends the copy back to its first page. After
 * this many fresh starts, the rest is copied in one step if that holds
 * the read lock no longer than SNAPSHOT_HOLD_MS (a save waits that long),
 * else the copy gives up: a file written every few seconds and too big
 * to copy between two saves cannot be copied whole without stopping
 * the clerks.
 */
#define SNAPSHOT_RESTARTS	3
#define SNAPSHOT_HOLD_MS	500
/*
 * How much of a snapshot is read through a memory mapping (SQLite caps it
 * at its build's maximum, 2 GiB on Debian): no system call per page.
 */
#define SNAPSHOT_MMAP		"PRAGMA mmap_size = 2147418112"
/* A copy's name: the maker's process id tells whether it still lives. */
#define SNAPSHOT_PREFIX		"quantriet-snapshot-"

/* The signals that end a program someone stopped or whose terminal went. */
static const int snapshot_signals[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM };
#define SNAPSHOT_NSIGNALS \
	(sizeof snapshot_signals / sizeof snapshot_signals[0])

/* Which of them came while copying; the copy stops at its next step. */
static volatile sig_atomic_t snapshot_stopped;

static void
snapshot_on_signal(int sig)
{
	snapshot_stopped = sig;
}

static void
snapshot_catch(struct sigaction *old)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = snapshot_on_signal;
	sigemptyset(&sa.sa_mask);
	snapshot_stopped = 0;
	/* A signal the program was started to ignore (nohup) stays so. */
	for (i = 0; i < SNAPSHOT_NSIGNALS; i++)
		if (sigaction(snapshot_signals[i], NULL, &old[i]) == 0 &&
		    old[i].sa_handler != SIG_IGN)
			sigaction(snapshot_signals[i], &sa, NULL);
}

/* Gives the signals back and delivers one that came meanwhile. */
static void
snapshot_release(const struct sigaction *old)
{
	size_t i;

	for (i = 0; i < SNAPSHOT_NSIGNALS; i++)
		sigaction(snapshot_signals[i], &old[i], NULL);
	if (snapshot_stopped != 0)
		raise(snapshot_stopped);
}

/* Removes this user's copies in dir whose maker is no longer running. */
static void
snapshot_sweep(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct stat st;
	char *path;
	long pid;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, SNAPSHOT_PREFIX,
		    sizeof SNAPSHOT_PREFIX - 1) != 0 ||
		    sscanf(e->d_name + sizeof SNAPSHOT_PREFIX - 1, "%ld.",
		    &pid) != 1 || pid <= 0 ||
		    kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == getuid())
			unlink(path);
		free(path);
	}
	closedir(d);
}

/*
 * Runs the steps of b; SQLITE_DONE once the copy is whole, SQLITE_BUSY
 * when saves kept starting it again (see SNAPSHOT_RESTARTS), or the step's
 * error.
 */
static int
snapshot_steps(sqlite3_backup *b)
{
	/*
	 * The steps' time, from which the rest's is foretold. A step may
	 * include a wait for a writer's lock (the source's busy handler):
	 * the forecast then errs long, towards giving up, never towards
	 * holding the clerks.
	 */
	int64_t spent = 0, t;
	double copied = 0;
	int step = SNAPSHOT_STEP_PAGES, left = -1, restarts = 0, rc;

	while (snapshot_stopped == 0) {
		t = hlc_mono_ms();
		rc = sqlite3_backup_step(b, step);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
			sqlite3_sleep(10);
			continue;
		}
		if (rc != SQLITE_OK)
			return rc;
		spent += hlc_mono_ms() - t;
		copied += SNAPSHOT_STEP_PAGES;
		/* No fewer left than before the step: it began at page 1 again. */
		if (left >= 0 && sqlite3_backup_remaining(b) >= left &&
		    ++restarts >= SNAPSHOT_RESTARTS) {
			if (sqlite3_backup_pagecount(b) * spent / copied >
			    SNAPSHOT_HOLD_MS)
				return SQLITE_BUSY;
			step = -1;
		}
		left = sqlite3_backup_remaining(b);
	}
	return SQLITE_INTERRUPT;
}

/*
 * Copies src into dest (an empty file) a few MiB at a time. Each step
 * holds src's read lock only while it runs, so a clerk's commit waits a
 * step at most; when another process changes src between steps, SQLite
 * starts the copy again, and the copy is of one moment.
 */
static int
snapshot_copy(struct db *src, const char *dest, char **err)
{
	sqlite3 *to = NULL;
	sqlite3_backup *b;
	int rc;

	rc = sqlite3_open_v2(dest, &to, SQLITE_OPEN_READWRITE, NULL);
	/* A copy nobody keeps needs no journal and no sync: each step would
	 * otherwise write a journal and wait for the disk twice. */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(to, "PRAGMA journal_mode = OFF; "
		    "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	if (rc == SQLITE_OK && (b = sqlite3_backup_init(to, "main",
	    db_handle(src), "main")) != NULL) {
		rc = snapshot_steps(b);
		sqlite3_backup_finish(b);
	} else if (rc == SQLITE_OK)
		rc = sqlite3_errcode(to);
	if (snapshot_stopped != 0)
		*err = xasprintf("Đã dừng giữa chừng khi chép cơ sở dữ liệu "
		    "sang %s", dest);
	else if (rc == SQLITE_BUSY)
		*err = xasprintf("Cơ sở dữ liệu được ghi liên tục nên không "
		    "chép được một bản trọn vẹn để kiểm tra (đã chép lại từ "
		    "đầu %d lần); hãy chạy lại lúc ít người dùng",
		    SNAPSHOT_RESTARTS);
	else if (rc != SQLITE_DONE)
		*err = db_describe(to, rc, dest);
	sqlite3_close_v2(to);
	return rc == SQLITE_DONE && snapshot_stopped == 0 ? 0 : -1;
}

/*
 * A snapshot is read through a mapping: minutes of reads at a province
 * without a system call per page (integrity_check alone: 66 s of CPU,
 * 37 of them in the kernel -> 23 s, at 100,000 members). A mapping's one
 * risk, the file cut short under it by another process, cannot happen to
 * a private copy.
 */
static struct db *
snapshot_open(const char *path, char **err)
{
	struct db *db = db_open(path, DB_OPEN_EXISTING, err);

	if (db != NULL && db_exec(db, SNAPSHOT_MMAP) != 0) {
		*err = xstrdup(db_error(db));
		db_close(&db);
	}
	return db;
}

struct db *
db_snapshot(struct db *src, struct db **reader, char **err)
{
	const char *env = getenv("TMPDIR");
	const char *dir = env != NULL && *env != '\0' ? env : "/var/tmp";
	char *path = xasprintf("%s/" SNAPSHOT_PREFIX "%ld.XXXXXX", dir,
	    (long)getpid());
	struct sigaction old[SNAPSHOT_NSIGNALS];
	struct db *db = NULL;
	char *ignored;
	int fd;

	*err = NULL;
	if (reader != NULL)
		*reader = NULL;
	snapshot_sweep(dir);
	snapshot_catch(old);
	/* mkstemp makes it 0600: the copy is as private as the data. */
	if ((fd = mkstemp(path)) < 0)
		*err = xasprintf("Không tạo được tệp tạm %s: %s", path,
		    strerror(errno));
	else {
		close(fd);
		if (snapshot_copy(src, path, err) == 0 &&
		    (db = snapshot_open(path, err)) != NULL &&
		    reader != NULL && (*reader = snapshot_open(path,
		    &ignored)) == NULL)
			free(ignored);
		unlink(path);
	}
	free(path);
	snapshot_release(old);
	return db;
}
