/*
 * scratch_db.c - a new database holding the rows a store test needs.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "db.h"
#include "scratch_db.h"

struct db *
scratch_db(const char *path, const char *sql)
{
	char *err = NULL;
	struct db *db;

	unlink(path);
	if ((db = db_open(path, DB_OPEN_CREATE, &err)) == NULL) {
		printf("Bail out! %s\n", err);
		exit(1);
	}
	if (db_exec(db, sql) != 0) {
		printf("Bail out! %s\n", db_error(db));
		exit(1);
	}
	return db;
}
