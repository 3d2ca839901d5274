/*
 * paths.c - XDG base directories for the database, drafts and credentials.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "paths.h"
#include "xmalloc.h"

/* $VAR/quantriet, or $HOME/FALLBACK/quantriet when VAR is unset or relative. */
static char *
paths_xdg(const char *var, const char *fallback)
{
	const char *base = getenv(var), *home = getenv("HOME");

	if (base != NULL && base[0] == '/')
		return xasprintf("%s/quantriet", base);
	if (home == NULL || home[0] == '\0')
		home = "/tmp";
	return xasprintf("%s/%s/quantriet", home, fallback);
}

char *
paths_default_db(void)
{
	const char *env = getenv("QUANTRIET_DB");
	char *dir, *path;

	if (env != NULL && env[0] != '\0')
		return xstrdup(env);
	dir = paths_xdg("XDG_DATA_HOME", ".local/share");
	path = xasprintf("%s/quantriet.db", dir);
	free(dir);
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
