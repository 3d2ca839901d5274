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
#include <grp.h>
#include <pwd.h>
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

int
files_shared_dir(const char *path)
{
	char *dir = files_dir_of(path);
	struct stat st;
	int shared;

	shared = stat(dir, &st) == 0 && (st.st_mode & S_ISGID) &&
	    (st.st_mode & S_IRWXG) == S_IRWXG;
	free(dir);
	return shared;
}

mode_t
files_db_mode(const char *path)
{
	return files_shared_dir(path) ? 0660 : 0600;
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
	/* A unit's shared directory: the file is the unit's, as its database. */
	if (files_shared_dir(path) && fchmod(fd, 0660) != 0) {
		close(fd);
		goto out;
	}
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

/*
 * What on the way to PATH refuses this user: the first directory it may
 * not enter, else PATH itself when it exists, else the directory that
 * would hold it (where the user may not create it). Caller frees.
 */
static char *
files_refuser(const char *path)
{
	const char *p;
	char *prefix, *last = NULL;

	for (p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		prefix = xstrndup(path, (size_t)(p - path));
		if (access(prefix, X_OK) != 0 && errno != ENOENT) {
			free(last);
			return prefix;
		}
		if (access(prefix, F_OK) != 0) {
			free(prefix);
			break;
		}
		free(last);
		last = prefix;
	}
	if (access(path, F_OK) == 0) {
		free(last);
		return xstrdup(path);
	}
	return last != NULL ? last : xstrdup(path[0] == '/' ? "/" : ".");
}

char *
files_denied(const char *path)
{
	char *who = files_refuser(path), *msg, owner[32], group[32];
	const struct passwd *pw;
	const struct group *gr;
	struct stat st;

	if (stat(who, &st) != 0) {
		msg = xasprintf("Bạn không có quyền mở %s: hệ điều hành từ chối; "
		    "hãy mở cơ sở dữ liệu của đơn vị mình, hoặc nhờ quản trị "
		    "máy chủ cấp quyền", path);
		free(who);
		return msg;
	}
	if ((pw = getpwuid(st.st_uid)) != NULL)
		snprintf(owner, sizeof owner, "%s", pw->pw_name);
	else
		snprintf(owner, sizeof owner, "%lu", (unsigned long)st.st_uid);
	if ((gr = getgrgid(st.st_gid)) != NULL)
		snprintf(group, sizeof group, "%s", gr->gr_name);
	else
		snprintf(group, sizeof group, "%lu", (unsigned long)st.st_gid);
	msg = xasprintf("Bạn không có quyền mở %s: hệ điều hành từ chối vì %s "
	    "thuộc người dùng %s, nhóm %s, quyền %03o. Nếu đây là dữ liệu của "
	    "đơn vị bạn, hãy nhờ quản trị máy chủ thêm bạn vào nhóm %s; nếu "
	    "không, hãy mở cơ sở dữ liệu của đơn vị mình (bỏ --db)", path, who,
	    owner, group, (unsigned)(st.st_mode & 07777), group);
	free(who);
	return msg;
}
