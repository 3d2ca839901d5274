/*
 * rows.h - the syncable tables and moving one row between a database and
 * the wire, shared by the client and quantriet-server.
 *
 * A row travels as one record "row t TABLE op put COLUMN VALUE..." (every
 * column, by name) or "row t TABLE op del KEY VALUE hlc VALUE", or from
 * version 3 as an "r" record of the values after a "cols" record naming
 * the table, the op and the columns. Columns are
 * read from the schema itself, so a column added by a later schema version
 * needs no change here.
 */
#ifndef QT_SYNC_ROWS_H
#define QT_SYNC_ROWS_H

#include <stdint.h>

#include "sync/wire.h"

struct db;

struct sync_table {
	const char	*name;
	const char	*key;		/* primary key column */
	int		 public;	/* seen by the units below its owner */
	const char	*owner_sql;	/* owning unit of stored row ?1; NULL: none */
};

/* The syncable tables, parents before children; ends with a NULL name. */
extern const struct sync_table sync_tables[];

const struct sync_table *sync_table_find(const char *name);
/* Position of t in sync_tables (the order rows are sent in). */
int	 sync_table_rank(const struct sync_table *t);

/*
 * Appends the record of t's row KEY to out: "put" with every column but
 * a derived one (see rows.c), or
 * "del" stamped del_hlc when the row no longer exists; with "base" when
 * base >= 0 (the version a pushed change was made from). Returns 0, or
 * -1 on a database error (db_error()).
 */
int	 sync_row_encode(struct db *db, const struct sync_table *t,
	    int64_t key, int64_t del_hlc, int64_t base, struct buf *out);
/*
 * The same as a version 3 "r" record (docs/sync.md), after a "cols"
 * record where the table, the op or the names differ from the last row
 * written with *last ("" or NULL at the start of a section; kept here,
 * free it after).
 */
int	 sync_row_encode_cols(struct db *db, const struct sync_table *t,
	    int64_t key, int64_t del_hlc, int64_t base, char **last,
	    struct buf *out);

struct sync_row {
	const struct sync_table	*t;
	int64_t			 key;
	int64_t			 hlc;
	int64_t			 base;	/* version changed from; -1: not sent */
	int			 del;
};

/*
 * Checks that rec is a well-formed row record (known table, op, integer
 * key and hlc, valid UTF-8 text without NUL) and fills *row. Returns 0,
 * or -1 with *why set to a static English reason for the log.
 */
int	 sync_row_parse(const struct wire_record *rec, struct sync_row *row,
	    const char **why);
/* The stored hlc of the row, or -1 if it does not exist. */
int64_t	 sync_row_hlc(struct db *db, const struct sync_row *row);
/*
 * The unit owning the stored row (0 for rows with no owner); -1 if the
 * row does not exist.
 */
int64_t	 sync_row_owner(struct db *db, const struct sync_table *t, int64_t key);
/*
 * Writes rec (parsed into row) to the database: an upsert that keeps the
 * row's children, or a delete. Returns 0, or -1 with *reason set to a
 * Vietnamese sentence (caller frees) and nothing written.
 */
int	 sync_row_write(struct db *db, const struct sync_row *row,
	    const struct wire_record *rec, char **reason);
/* The stored row as "column=value; ..." for the conflict log; caller frees. */
char	*sync_row_describe(struct db *db, const struct sync_table *t, int64_t key);
/*
 * The row rec would store, described as sync_row_describe does, without
 * storing it (written and rolled back); "" if it cannot be written.
 */
char	*sync_row_describe_record(struct db *db, const struct sync_row *row,
	    const struct wire_record *rec);

#endif
