/*
 * fuzz_csv.c - the member-list importer (src/cli/cmd_import.c) on a
 * file's bytes: decoded and checked as `quantriet import members` does
 * (textfile_decode with its kind), then every line parsed and checked
 * as a member of a cell of a database (its statuses, the member checks). The importer's own file is included so
 * its static steps are the ones fuzzed; nothing is written.
 */
#include "../../src/cli/cmd_import.c"

#include <unistd.h>

#include "fuzz.h"

/* The cell the members are read for (made with the database). */
#define FUZZ_CELL	2

/* A database with a cell, made once; its file is gone at once. */
static struct db *
fuzz_csv_db(void)
{
	static struct db *db;
	char path[] = "/tmp/qt-fuzz-csv-XXXXXX", *err = NULL;
	int fd;

	if (db != NULL)
		return db;
	if ((fd = mkstemp(path)) < 0)
		abort();
	close(fd);
	unlink(path);
	if ((db = db_open(path, DB_OPEN_CREATE, &err)) == NULL ||
	    db_exec(db, "INSERT INTO unit(id, parent_id, kind, code, name, "
	    "name_fold) VALUES (1, NULL, 'commune', 'X', 'Xã', 'xa'), "
	    "(2, 1, 'cell', 'A', 'Chi bộ A', 'chi bo a')") != 0)
		abort();
	unlink(path);
	return db;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct db *db = fuzz_csv_db();
	struct store_member *m = NULL;
	char *err = NULL;
	char *text = textfile_decode(&import_csv, (const char *)data, size,
	    NULL, &err);
	int n;

	free(err);
	if (text == NULL)
		return 0;
	if ((n = import_parse(db, text, FUZZ_CELL, &m)) >= 0)
		import_members_free(m, n);
	free(text);
	return 0;
}
