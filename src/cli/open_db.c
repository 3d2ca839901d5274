/*
 * open_db.c - opening the database the same way for every subcommand.
 */
#include "config.h"

#include <stdlib.h>

#include "cli/cmd.h"
#include "db.h"
#include "msg.h"
#include "paths.h"

struct db *
cli_open_db(const char *opt_db, int flags)
{
	char *err = NULL;
	char *path = opt_db != NULL ? NULL : paths_default_db(&err);
	struct db *db = NULL;

	if (opt_db != NULL || path != NULL)
		db = db_open(opt_db != NULL ? opt_db : path, flags, &err);
	if (db == NULL) {
		msg_error("%s", err);
		free(err);
	}
	free(path);
	return db;
}
