/*
 * cli.h - what every subcommand does the same way.
 */
#ifndef QT_CLI_H
#define QT_CLI_H

struct db;

/*
 * Opens the database named by --db (opt_db), else the default one
 * (paths_default_db). On failure prints the reason and returns NULL.
 */
struct db	*cli_open_db(const char *opt_db, int flags);

#endif
