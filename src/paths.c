/*
 * paths.c - where the database, drafts and credentials are: the XDG base
 * directories, or a unit's directory on a district server.
 */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "xmalloc.h"

/* Where a district server keeps one directory per unit (docs/district-server.md). */
#define PATHS_DISTRICT_DIR	"/var/lib/quantriet"

/*
 * $VAR/quantriet, or HOME/FALLBACK/quantriet when VAR is unset or
 * relative. HOME is $HOME, else the user's home from the password file:
 * never a shared directory such as /tmp, where on a district server the
 * first clerk would own everyone's drafts directory.
 */
static char *
paths_xdg(const char *var, const char *fallback)
{
	const char *base = getenv(var), *home = getenv("HOME");
	const struct passwd *pw;

	if (base != NULL && base[0] == '/')
		return xasprintf("%s/quantriet", base);
	if ((home == NULL || home[0] == '\0') &&
	    (pw = getpwuid(getuid())) != NULL)
		home = pw->pw_dir;
	if (home == NULL || home[0] == '\0')
		home = "/";
	return xasprintf("%s/%s/quantriet", home, fallback);
}

char *
paths_district_dir(void)
{
	const char *env = getenv("QUANTRIET_DISTRICT_DIR");

	return xstrdup(env != NULL && env[0] == '/' ? env : PATHS_DISTRICT_DIR);
}

/* Whether GID is already among the first N of GIDS. */
static int
paths_gid_seen(const gid_t *gids, int n, gid_t gid)
{
	int i;

	for (i = 0; i < n; i++)
		if (gids[i] == gid)
			return 1;
	return 0;
}

size_t
paths_district_dbs(char ***out)
{
	char *dir = paths_district_dir();
	int n = getgroups(0, NULL), i;
	gid_t *gids = xcalloc((size_t)(n > 0 ? n : 0) + 1, sizeof *gids);
	char **dbs = xcalloc((size_t)(n > 0 ? n : 0) + 2, sizeof *dbs);
	size_t found = 0;

	/* getgroups may or may not list the primary group: add it first. */
	gids[0] = getegid();
	if (n > 0)
		n = getgroups(n, gids + 1);
	if (n < 0)
		n = 0;
	for (i = 0; i <= n; i++) {
		const struct group *gr;
		struct stat st;
		char *path;

		if (i > 0 && paths_gid_seen(gids, i, gids[i]))
			continue;
		if ((gr = getgrgid(gids[i])) == NULL ||
		    gr->gr_name[0] == '\0' || gr->gr_name[0] == '.' ||
		    strchr(gr->gr_name, '/') != NULL)
			continue;
		path = xasprintf("%s/%s/quantriet.db", dir, gr->gr_name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			dbs[found++] = path;
		else
			free(path);
	}
	free(gids);
	free(dir);
	*out = dbs;
	return found;
}

char *
paths_default_db(char **err)
{
	const char *env = getenv("QUANTRIET_DB");
	char **dbs, *dir, *path = NULL, *list;
	size_t n, i;

	*err = NULL;
	if (env != NULL && env[0] != '\0')
		return xstrdup(env);
	n = paths_district_dbs(&dbs);
	if (n == 1)
		path = dbs[0];
	else if (n > 1) {
		list = xstrdup(dbs[0]);
		for (i = 1; i < n; i++) {
			char *longer = xasprintf("%s, %s", list, dbs[i]);

			free(list);
			list = longer;
		}
		*err = xasprintf("Bạn thuộc %zu đơn vị trên máy này (%s): hãy "
		    "chọn cơ sở dữ liệu của một đơn vị bằng --db TỆP", n, list);
		free(list);
	} else {
		dir = paths_xdg("XDG_DATA_HOME", ".local/share");
		path = xasprintf("%s/quantriet.db", dir);
		free(dir);
	}
	for (i = n == 1 ? 1 : 0; i < n; i++)
		free(dbs[i]);
	free(dbs);
	return path;
}

char *
paths_state_dir(void)
{
	return paths_xdg("XDG_STATE_HOME", ".local/state");
}

char *
paths_config_dir(void)
{
	return paths_xdg("XDG_CONFIG_HOME", ".config");
}

/* 1 if path is an existing directory. */
static int
paths_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

char *
paths_documents_dir(void)
{
	const char *docs = getenv("XDG_DOCUMENTS_DIR"), *home = getenv("HOME");
	static const char *const names[] = { "Documents", "Tài liệu" };
	char *dir;
	size_t i;

	if (docs != NULL && docs[0] == '/' && paths_is_dir(docs))
		return xstrdup(docs);
	for (i = 0; home != NULL && home[0] == '/' &&
	    i < sizeof names / sizeof *names; i++) {
		dir = xasprintf("%s/%s", home, names[i]);
		if (paths_is_dir(dir))
			return dir;
		free(dir);
	}
	return paths_xdg("XDG_DATA_HOME", ".local/share");
}

int
paths_make_dir(const char *dir)
{
	char *copy = xstrdup(dir), *p;
	int rc = 0;

	for (p = copy + 1; rc == 0; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char saved = *p;

		*p = '\0';
		if (mkdir(copy, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*p = saved;
		if (saved == '\0')
			break;
	}
	free(copy);
	return rc;
}

int
paths_make_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int rc;

	if (slash == NULL || slash == path)
		return 0;
	dir = xstrndup(path, (size_t)(slash - path));
	rc = paths_make_dir(dir);
	free(dir);
	return rc;
}

const char *
paths_login(void)
{
	struct passwd *pw = getpwuid(getuid());

	return pw != NULL && pw->pw_name != NULL ? pw->pw_name : "?";
}
