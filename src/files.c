/*
 * files.c - every file quantriet creates is private, whatever the umask.
 *
 * The rule (docs/files.md): files 0600 and directories 0700, except a
 * database created in a directory an operator shares with a Unix group
 * (setgid, the group may enter and write): 0660 there, so the unit's
 * clerks share it. Nothing is ever readable by others.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"
#include "xmalloc.h"

void
files_private(void)
{
	/*
	 * Only removes bits: whatever a caller asks for (0600, 0700, or
	 * fopen's 0666), others and the group get nothing unless a file is
	 * given its mode explicitly with fchmod, as shared databases are.
	 */
	umask(077);
}

/* The directory holding PATH ("." when PATH has no slash). Caller frees. */
static char *
files_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

mode_t
files_db_mode(const char *path)
{
	char *dir = files_dir_of(path);
	struct stat st;
	mode_t mode = 0600;

	if (stat(dir, &st) == 0 && (st.st_mode & S_ISGID) &&
	    (st.st_mode & S_IRWXG) == S_IRWXG)
		mode = 0660;
	free(dir);
	return mode;
}

int
files_create_db(const char *path)
{
	mode_t mode = files_db_mode(path);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    mode);
	int saved;

	if (fd < 0)
		return errno == EEXIST ? 0 : -1;
	/* open() applied the umask; the group bits of a shared one are meant. */
	if (fchmod(fd, mode) != 0) {
		saved = errno;
		close(fd);
		unlink(path);
		errno = saved;
		return -1;
	}
	return close(fd);
}

int
files_write(const char *path, const char *data, size_t len)
{
	char *tmp = xasprintf("%s.tmp", path);
	int fd, rc = -1, saved;
	ssize_t n;

	/* A .tmp left by a crash may carry another mode: start afresh. */
	unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		goto out;
	while (len > 0) {
		if ((n = write(fd, data, len)) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		data += n;
		len -= (size_t)n;
	}
	if (len == 0 && fsync(fd) == 0)
		rc = 0;
	if (close(fd) != 0)
		rc = -1;
	if (rc == 0 && rename(tmp, path) != 0)
		rc = -1;
out:
	saved = errno;
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	errno = saved;
	return rc;
}
