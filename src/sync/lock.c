/*
 * lock.c - one sync at a time per database.
 *
 * Two runs on one database would send the same batch at once and race
 * over the inbox (measured: four cron runs on one database hung). A run
 * holds flock(2) on DATABASE-sync.lock, beside the database: not a lock
 * on the database file itself, whose fcntl(2) locks are SQLite's and are
 * dropped when any descriptor of that file closes. The kernel releases
 * the lock when the process ends, however it ends; the file stays, empty,
 * with the database's mode (docs/files.md).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "files.h"
#include "msg.h"
#include "sync/sync_int.h"
#include "xmalloc.h"

/* Opens (making it if need be) the lock file; -1 with errno. */
static int
lock_open(const char *path, const char *db_path)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd >= 0) {
		/* The umask took the group's bits; a shared database keeps them. */
		if (fchmod(fd, files_db_mode(db_path)) != 0) {
			close(fd);
			return -1;
		}
		return fd;
	}
	if (errno != EEXIST)
		return -1;
	return open(path, O_RDWR | O_CLOEXEC);
}

int
sync_lock(const char *db_path, int wait_s, int *pfd, char **err)
{
	char *path = xasprintf("%s-sync.lock", db_path);
	struct timespec nap = { 0, 200 * 1000000L };
	int fd = lock_open(path, db_path), tries = wait_s * 5;

	*pfd = -1;
	*err = NULL;
	if (fd < 0) {
		*err = xasprintf("Không mở được tệp khóa đồng bộ %s: %s", path,
		    msg_strerror(errno));
		free(path);
		return -1;
	}
	free(path);
	while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		if ((errno != EWOULDBLOCK && errno != EINTR) || tries-- <= 0) {
			close(fd);
			*err = xstrdup("Một lần đồng bộ khác đang chạy với cơ "
			    "sở dữ liệu này (từ cron hoặc một cửa sổ khác): lần "
			    "này dừng lại, dữ liệu không mất");
			return -1;
		}
		nanosleep(&nap, NULL);
	}
	*pfd = fd;
	return 0;
}

void
sync_unlock(int *pfd)
{
	if (*pfd >= 0)
		close(*pfd);	/* which releases the lock */
	*pfd = -1;
}
