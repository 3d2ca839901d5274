/*
 * district.c - setting up a district server: one Unix group, directory and
 * database per unit (district.h, docs/district-server.md).
 */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db.h"
#include "district.h"
#include "msg.h"
#include "xmalloc.h"

extern char **environ;

/* A unit directory: its group may enter and write, and owns what it makes. */
#define DISTRICT_UNIT_MODE	02770
/* The unit's database: its group reads and writes it, nobody else. */
#define DISTRICT_DB_MODE	0660
/* The district directory when we make it: clerks may pass, not list. */
#define DISTRICT_TOP_MODE	0711
/* Linux's limit on a group name (useradd(8)). */
#define DISTRICT_GROUP_MAX	32

/* Whether NAME is a group name useradd(8) would accept by default. */
static int
district_group_ok(const char *name)
{
	size_t len = strlen(name);

	if (len == 0 || len > DISTRICT_GROUP_MAX ||
	    strspn(name, "abcdefghijklmnopqrstuvwxyz_") == 0)
		return 0;
	return strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_-") == len;
}

/* The next field of *P, split at blanks; NULL at the end of the line. */
static char *
district_field(char **p)
{
	char *s = *p + strspn(*p, " \t"), *end;

	if (*s == '\0')
		return NULL;
	end = s + strcspn(s, " \t");
	*p = end + (*end != '\0');
	*end = '\0';
	return s;
}

static int
district_unit_parse(struct district_units *units, char *line, char **why)
{
	struct district_unit *u;
	char *p = line, *group, *code, *name;
	size_t i;

	group = district_field(&p);
	code = district_field(&p);
	name = p + strspn(p, " \t");
	if (group == NULL || code == NULL || *name == '\0') {
		*why = xstrdup("cần ba phần: NHÓM MÃ TÊN");
		return -1;
	}
	if (!district_group_ok(group)) {
		*why = xasprintf("tên nhóm '%s' không hợp lệ (chữ thường không "
		    "dấu, số, _ hoặc -, bắt đầu bằng chữ, tối đa %d ký tự)",
		    group, DISTRICT_GROUP_MAX);
		return -1;
	}
	for (i = 0; i < units->n; i++)
		if (strcmp(units->v[i].group, group) == 0) {
			*why = xasprintf("nhóm '%s' đã có ở dòng trước", group);
			return -1;
		}
	units->v = xrealloc(units->v, (units->n + 1) * sizeof *units->v);
	u = &units->v[units->n++];
	u->group = xstrdup(group);
	u->code = xstrdup(code);
	u->name = xstrdup(name);
	return 0;
}

int
district_units_read(const char *file, struct district_units *units,
    char **err)
{
	FILE *fp = fopen(file, "r");
	char *line = NULL, *why = NULL;
	size_t cap = 0;
	ssize_t len;
	int lineno = 0, rc = 0;

	units->v = NULL;
	units->n = 0;
	if (fp == NULL) {
		*err = xasprintf("Không đọc được danh sách đơn vị %s: %s", file,
		    msg_strerror(errno));
		return -1;
	}
	while (rc == 0 && (len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if ((size_t)len != strlen(line)) {
			why = xstrdup("có byte NUL");
			rc = -1;
			break;
		}
		line[strcspn(line, "\r\n")] = '\0';
		if (line[strspn(line, " \t")] == '\0' || line[0] == '#')
			continue;
		rc = district_unit_parse(units, line, &why);
	}
	if (rc == 0 && units->n == 0) {
		*err = xasprintf("Danh sách đơn vị %s không có đơn vị nào", file);
		rc = -1;
	} else if (rc != 0) {
		*err = xasprintf("%s, dòng %d: %s; chưa làm gì", file, lineno, why);
		free(why);
	}
	free(line);
	fclose(fp);
	if (rc != 0)
		district_units_free(units);
	return rc;
}

void
district_units_free(struct district_units *units)
{
	size_t i;

	for (i = 0; i < units->n; i++) {
		free(units->v[i].group);
		free(units->v[i].code);
		free(units->v[i].name);
	}
	free(units->v);
	units->v = NULL;
	units->n = 0;
}

/* What district_setup carries from one step to the next. */
struct district_run {
	int	  dry_run;
	int	  changes;
	void	(*say)(const char *);
	char	**err;
};

static void
district_say(struct district_run *r, char *sentence)
{
	r->changes++;
	r->say(sentence);
	free(sentence);
}

/* Creates GROUP with groupadd(8); 0 or -1 with *r->err. */
static int
district_groupadd(struct district_run *r, const char *group)
{
	char *argv[] = { (char *)"groupadd", (char *)"--", (char *)group, NULL };
	pid_t pid;
	int status, rc;

	rc = posix_spawn(&pid, "/usr/sbin/groupadd", NULL, NULL, argv, environ);
	if (rc == ENOENT)
		rc = posix_spawnp(&pid, "groupadd", NULL, NULL, argv, environ);
	if (rc != 0) {
		*r->err = xasprintf("Không chạy được groupadd để tạo nhóm %s: %s",
		    group, msg_strerror(rc));
		return -1;
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0 || getgrnam(group) == NULL) {
		*r->err = xasprintf("groupadd không tạo được nhóm %s", group);
		return -1;
	}
	return 0;
}

/*
 * Gives the existing PATH owner root, group GID and MODE where it has
 * other ones; with KEEP_SAFE, a directory of root's that nobody else may
 * write keeps whatever mode and group the operator chose.
 */
static int
district_own(struct district_run *r, const char *path, gid_t gid,
    const char *group, mode_t mode, int keep_safe)
{
	struct stat st;

	if (lstat(path, &st) != 0) {
		*r->err = xasprintf("Không đọc được %s: %s", path, msg_strerror(errno));
		return -1;
	}
	if (keep_safe && st.st_uid == 0 && (st.st_mode & 022) == 0)
		return 0;
	if (st.st_uid == 0 && st.st_gid == gid && (st.st_mode & 07777) == mode)
		return 0;
	district_say(r, xasprintf("Sửa %s: quyền %04o → %04o, chủ root, nhóm %s",
	    path, (unsigned)(st.st_mode & 07777), (unsigned)mode, group));
	if (r->dry_run)
		return 0;
	/* chown first: it clears the setgid bit chmod then sets. */
	if (chown(path, 0, gid) != 0 || chmod(path, mode) != 0) {
		*r->err = xasprintf("Không sửa được quyền của %s: %s", path,
		    msg_strerror(errno));
		return -1;
	}
	return 0;
}

/* Makes the directory PATH if missing, then district_own(). */
static int
district_dir(struct district_run *r, const char *path, gid_t gid,
    const char *group, mode_t mode, int keep_safe)
{
	struct stat st;

	if (lstat(path, &st) == 0) {
		if (!S_ISDIR(st.st_mode)) {
			*r->err = xasprintf("%s đã có nhưng không phải thư mục; "
			    "hãy dời nó đi rồi chạy lại", path);
			return -1;
		}
		return district_own(r, path, gid, group, mode, keep_safe);
	}
	if (errno != ENOENT) {
		*r->err = xasprintf("Không đọc được %s: %s", path, msg_strerror(errno));
		return -1;
	}
	district_say(r, xasprintf("Tạo thư mục %s (quyền %04o, chủ root, nhóm %s)",
	    path, (unsigned)mode, group));
	if (r->dry_run)
		return 0;
	if (mkdir(path, 0700) != 0 || chown(path, 0, gid) != 0 ||
	    chmod(path, mode) != 0) {
		*r->err = xasprintf("Không tạo được thư mục %s: %s", path,
		    msg_strerror(errno));
		return -1;
	}
	return 0;
}

/* Makes the unit's database at the current schema if missing, then owns it. */
static int
district_db(struct district_run *r, const char *path, gid_t gid,
    const char *group)
{
	struct stat st;
	struct db *db;
	char *why = NULL;

	if (lstat(path, &st) == 0) {
		if (!S_ISREG(st.st_mode)) {
			*r->err = xasprintf("%s đã có nhưng không phải tệp thường",
			    path);
			return -1;
		}
		return district_own(r, path, gid, group, DISTRICT_DB_MODE, 0);
	}
	district_say(r, xasprintf("Tạo cơ sở dữ liệu %s (quyền %04o, nhóm %s)",
	    path, DISTRICT_DB_MODE, group));
	if (r->dry_run)
		return 0;
	/* In a 2770 directory db_open() makes it 0660 and of the group. */
	if ((db = db_open(path, DB_OPEN_CREATE, &why)) == NULL) {
		*r->err = why;
		return -1;
	}
	db_close(&db);
	if (chown(path, 0, gid) != 0 || chmod(path, DISTRICT_DB_MODE) != 0) {
		*r->err = xasprintf("Không đặt được quyền của %s: %s", path,
		    msg_strerror(errno));
		return -1;
	}
	return 0;
}

static int
district_unit(struct district_run *r, const char *dir,
    const struct district_unit *u)
{
	const struct group *gr = getgrnam(u->group);
	char *udir = xasprintf("%s/%s", dir, u->group);
	char *db = xasprintf("%s/quantriet.db", udir);
	gid_t gid;
	int rc = -1;

	if (gr == NULL) {
		district_say(r, xasprintf("Tạo nhóm %s cho %s (%s)", u->group,
		    u->name, u->code));
		if (!r->dry_run && district_groupadd(r, u->group) != 0)
			goto out;
		gr = getgrnam(u->group);
	}
	/* A dry run has no gid for a group it would only create. */
	gid = gr != NULL ? gr->gr_gid : (gid_t)-1;
	if (district_dir(r, udir, gid, u->group, DISTRICT_UNIT_MODE, 0) != 0 ||
	    district_db(r, db, gid, u->group) != 0)
		goto out;
	rc = 0;
out:
	free(db);
	free(udir);
	return rc;
}

int
district_setup(const char *dir, const struct district_units *units,
    int dry_run, void (*say)(const char *), char **err)
{
	struct district_run r = { dry_run, 0, say, err };
	size_t i;

	*err = NULL;
	if (dir[0] != '/') {
		*err = xasprintf("Thư mục huyện phải là đường dẫn tuyệt đối: %s",
		    dir);
		return -1;
	}
	/* Nobody but root may write it, or a clerk could swap a unit's. */
	if (district_dir(&r, dir, 0, "root", DISTRICT_TOP_MODE, 1) != 0)
		return -1;
	for (i = 0; i < units->n; i++)
		if (district_unit(&r, dir, &units->v[i]) != 0)
			return -1;
	return r.changes;
}
