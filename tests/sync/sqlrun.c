/*
 * sqlrun.c - runs SQL on a quantriet database the way the program opens
 * it (schema, qt_fold(), qt_new_id(), triggers), for the sync tests'
 * fixtures: "sqlrun DB SQL" prints each row's columns joined by '|';
 * "sqlrun DB" runs the statements on standard input. With SQLRUN_ACTOR
 * set ("server"), the audit trail names it as the writer: rows written so
 * read as pulled from the province (db_set_actor).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "db.h"
#include "sync/wire.h"
#include "xmalloc.h"

static int
sqlrun_print(void *arg, int n, char **values, char **names)
{
	int i;

	for (i = 0; i < n; i++)
		printf("%s%s", i > 0 ? "|" : "", values[i] ? values[i] : "");
	putchar('\n');
	return 0;
}

int
main(int argc, char **argv)
{
	struct buf sql = { 0 };
	struct db *db;
	char *err = NULL, chunk[4096];
	size_t n;
	int rc;

	if (argc != 2 && argc != 3) {
		fprintf(stderr, "usage: sqlrun DB [SQL]\n");
		return 2;
	}
	if ((db = db_open(argv[1], DB_OPEN_CREATE, &err)) == NULL) {
		fprintf(stderr, "sqlrun: %s\n", err);
		free(err);
		return 1;
	}
	if (getenv("SQLRUN_ACTOR") != NULL)
		free(db_set_actor(db, getenv("SQLRUN_ACTOR")));
	if (argc == 3)
		buf_str(&sql, argv[2]);
	else
		while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
			buf_add(&sql, chunk, n);
	rc = sqlite3_exec(db_handle(db), sql.data ? sql.data : "",
	    sqlrun_print, NULL, &err);
	if (rc != SQLITE_OK) {
		fprintf(stderr, "sqlrun: %s\n", err);
		sqlite3_free(err);
	}
	buf_free(&sql);
	db_close(&db);
	return rc == SQLITE_OK ? 0 : 1;
}
