/*
 * old_db.c - a database at an older schema version, for upgrade tests.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sqlite3.h>

#include "db.h"
#include "embedded.h"
#include "old_db.h"

void
old_db_make(const char *path, int version, const char *sql)
{
	const struct embedded_file *f;
	char pragma[64], prefix[32];
	sqlite3 *h;
	int n;

	sqlite3_open(path, &h);
	snprintf(pragma, sizeof pragma, "PRAGMA application_id = %d",
	    DB_APPLICATION_ID);
	sqlite3_exec(h, pragma, NULL, NULL, NULL);
	for (n = 1; n <= version; n++) {
		snprintf(prefix, sizeof prefix, "schema/%03d_", n);
		for (f = embedded_files; f->name != NULL; f++)
			if (strncmp(f->name, prefix, strlen(prefix)) == 0)
				sqlite3_exec(h, f->text, NULL, NULL, NULL);
	}
	sqlite3_exec(h, sql, NULL, NULL, NULL);
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version);
	sqlite3_exec(h, pragma, NULL, NULL, NULL);
	sqlite3_close(h);
}
