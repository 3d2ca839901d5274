/*
 * fuzz_csv.c - the member-list importer (src/cli/cmd_import.c) on a
 * file's bytes: decoded and checked as `quantriet import members` does
 * (textfile_decode with its kind), then every line parsed and checked
 * against a database's statuses. The importer's own file is included so
 * its static steps are the ones fuzzed; nothing is written.
 */
#include "../../src/cli/cmd_import.c"

#include <unistd.h>

#include "fuzz.h"

/* A database with the statuses, made once; its file is gone at once. */
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
	if ((db = db_open(path, DB_OPEN_CREATE, &err)) == NULL)
		abort();
	unlink(path);
	return db;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct db *db = fuzz_csv_db();
	struct import_member *m = NULL;
	char *err = NULL;
	char *text = textfile_decode(&import_csv, (const char *)data, size,
	    NULL, &err);
	int n;

	free(err);
	if (text == NULL)
		return 0;
	if ((n = import_parse(db, text, &m)) >= 0)
		import_members_free(m, n);
	free(text);
	return 0;
}
