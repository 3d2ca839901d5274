/*
 * db.h - the one module that talks to SQLite.
 *
 * It opens a database the way every quantriet process must (foreign keys,
 * durable commits, a busy timeout, a journal mode safe with the linked
 * SQLite), upgrades the schema in one transaction, and nests transactions
 * with savepoints. docs/storage.md explains the choices.
 */
#ifndef QT_DB_H
#define QT_DB_H

#include <stdint.h>
#include <sqlite3.h>

struct db;

/* PRAGMA application_id of a quantriet database: 'QTRT'. */
#define DB_APPLICATION_ID	0x51545254

enum db_open_flags {
	DB_OPEN_EXISTING = 0,	/* the file must exist already */
	DB_OPEN_CREATE = 1,	/* create it (and its directory) if missing */
};

/*
 * Opens PATH, configures the connection and brings the schema up to date.
 * On failure returns NULL and sets *err to a Vietnamese sentence the
 * caller must free. The caller owns the result; release with db_close().
 */
struct db	*db_open(const char *path, int flags, char **err);
void		 db_close(struct db **pdb);
/*
 * A private copy of src as it is at one moment, in $TMPDIR (else
 * /var/tmp), opened like src but read through a memory mapping, and in
 * *reader (when reader is not NULL) a second connection to it for
 * another thread, NULL if that one could not open. A long read
 * (`check`) works on it, so that clerks never wait behind it: the copy
 * holds the read lock a few MiB at a time (docs/storage.md). Its name
 * leaves the directory once it is open, so the space comes back however
 * the program ends. NULL with *err set (caller frees).
 */
struct db	*db_snapshot(struct db *src, struct db **reader, char **err);
sqlite3		*db_handle(struct db *db);
/* An SQLite result code as a sentence a clerk can act on (caller frees). */
char		*db_describe(sqlite3 *handle, int rc, const char *what);
const char	*db_path(struct db *db);

/*
 * Transactions nest: the outermost is BEGIN IMMEDIATE (so a writer waits
 * for the lock up front instead of failing half-way), inner ones are
 * savepoints. Each returns 0 or -1 (the message is in db_error()).
 */
int		 db_begin(struct db *db);
int		 db_commit(struct db *db);
void		 db_rollback(struct db *db);
/*
 * A read that spans several statements (a report): they all see one
 * moment of the file, and the file is locked and checked once instead
 * of once per statement. Nothing may be written until db_read_end.
 * Inside another transaction both do nothing. 0 or -1 (db_error()).
 */
int		 db_read_begin(struct db *db);
void		 db_read_end(struct db *db);

/* Prepares SQL; on error sets db_error() and returns NULL. */
sqlite3_stmt	*db_prepare(struct db *db, const char *sql);
/*
 * Prepares SQL once for the connection's life and hands the statement
 * out again each time, parameters cleared; db_release gives it back (a
 * statement db_keep did not keep is finalized there). NULL on error.
 */
sqlite3_stmt	*db_keep(struct db *db, const char *sql);
void		 db_release(struct db *db, sqlite3_stmt *stmt);
/* Runs SQL that returns no rows (may hold several statements). */
int		 db_exec(struct db *db, const char *sql);
/*
 * Runs a one-value query with the int64 parameters given (count of them
 * first); returns the first column of the first row, or dflt if none.
 */
int64_t		 db_int(struct db *db, int64_t dflt, const char *sql, int n, ...);
/*
 * A number that changes whenever the database may hold other rows than
 * before: a commit by another connection (PRAGMA data_version) or a
 * change made on this one (temporary tables included). Rows a screen
 * keeps in memory are still true while it stays the same.
 */
uint64_t	 db_stamp(struct db *db);
/* The last error as a Vietnamese sentence (owned by db). */
const char	*db_error(struct db *db);
/* Records err (an SQLite result code) as the current error. */
void		 db_set_error(struct db *db, int rc, const char *what);
/* Records a plain Vietnamese sentence (copied) as the current error. */
void		 db_set_message(struct db *db, const char *msg);

/* A new random 63-bit global row id (never 0, never negative). */
int64_t		 db_new_id(void);
/* The schema version the database is at, and the newest this build knows. */
int		 db_schema_version(struct db *db);
int		 db_schema_latest(void);

/*
 * Who the audit trail names for this connection's writes (qt_actor() in
 * data/schema/013_audit.sql): "user:NAME", the Unix user, looked up at
 * the first write; sync sets "device:N" (the server applying a device's
 * push) or "server" (a client applying a pull) for the length of the
 * apply. Sets actor (NULL: the Unix user again) and returns the previous
 * one (NULL for the Unix user), which the caller gives back and frees.
 */
char		*db_set_actor(struct db *db, const char *actor);

/* Settings: durable key/value pairs (committed at once). */
char		*db_setting_get(struct db *db, const char *key);	/* caller frees; NULL if unset */
int		 db_setting_set(struct db *db, const char *key, const char *value);

#endif
