/*
 * scratch_db.h - a new database holding the rows a store test needs.
 */
#ifndef QT_SCRATCH_DB_H
#define QT_SCRATCH_DB_H

struct db;

/*
 * Creates path anew (a file left by an earlier run is removed), runs sql
 * on it and returns it; on failure prints "Bail out!" and exits.
 */
struct db	*scratch_db(const char *path, const char *sql);

#endif
