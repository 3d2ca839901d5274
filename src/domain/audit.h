/*
 * audit.h - reading the audit trail (data/schema/013_audit.sql): who
 * changed which record, when, from what to what, in words a clerk reads.
 * Both faces, `quantriet audit` and the history screen, render these
 * entries and nothing else. docs/audit.md describes the trail.
 */
#ifndef QT_AUDIT_H
#define QT_AUDIT_H

#include <stddef.h>
#include <stdint.h>

struct db;

/*
 * One entry. Every string is the caller's (audit_entries_free); the
 * values in name and changes are stored text: pass them through
 * text_display() before a terminal.
 */
struct audit_entry {
	int64_t	 id;
	char	*at;		/* as stored (UTC): with id, the key of the order */
	char	*when;		/* local time, "dd/mm/yyyy hh:mm:ss" */
	char	*actor;		/* "lan", "thiết bị số 12 (Xã A)", "máy chủ tỉnh" */
	char	*tbl;		/* the table as stored */
	const char *table;	/* the table in words: "Đảng viên" */
	int64_t	 row_id;
	char	*name;		/* the record's name ("" if it has none) */
	const char *op;		/* "thêm", "sửa", "xóa" */
	char	*changes;	/* a line a column: "Họ và tên: A -> B"; "" none */
};

/* Which entries: every filter given must hold. */
struct audit_query {
	const char	*tbl;		/* with row_id: one record; NULL: all */
	int64_t		 row_id;
	const char	*since;		/* ISO date, local: from its midnight */
	int64_t		 unit_id;	/* rows of that unit and below; 0: all */
	int		 newest_first;	/* the order of the list */
};

/* Where a page starts: after (dir 1) or before (dir -1) the entry at/id. */
struct audit_key {
	const char	*at;		/* NULL: from the very start (or end) */
	int64_t		 id;
};

/*
 * Up to limit entries strictly after (dir 1) or before (dir -1) key in
 * the query's order, returned in that order as a new array in *out.
 * Returns the count, or -1 (db_error()).
 */
int	audit_page(struct db *db, const struct audit_query *q,
	    const struct audit_key *key, int dir, int limit,
	    struct audit_entry **out);
void	audit_entries_free(struct audit_entry **entries, size_t n);
/* Frees what one entry holds (not the entry). */
void	audit_entry_clear(struct audit_entry *e);

/*
 * The synced tables by number, so a screen can be opened on one (its
 * ui_arg holds numbers): the number of table (-1 if not audited), and the
 * table of number i (NULL past the last).
 */
int	audit_table_index(const char *table);
const char *audit_table_at(int i);

/* A column's name as a clerk knows it ("Họ và tên"); column if unknown. */
const char *audit_column_name(const char *column);

/* The table's name as a clerk knows it ("Đảng viên"); table if unknown. */
const char *audit_table_name(const char *table);

#endif
