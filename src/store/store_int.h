/*
 * store_int.h - helpers the files of src/store share and nobody else sees.
 */
#ifndef QT_STORE_INT_H
#define QT_STORE_INT_H

#include <stdint.h>
#include <sqlite3.h>

struct db;

/* Column i as a new string; "" for NULL. */
char	*store_col(sqlite3_stmt *stmt, int i);
/* Steps stmt once for a write; 0 or -1 with db_error set (what: context). */
int	 store_step_done(struct db *db, sqlite3_stmt *stmt, const char *what);
/*
 * Runs one write statement with the n int64 parameters given, inside the
 * caller's transaction; the number of rows it changed, or -1 with
 * db_error set (what: context).
 */
int	 store_write_ids(struct db *db, const char *what, const char *sql,
	    int n, ...);
/*
 * Deletes row id with sql (one ?1) in one transaction, unless refusal
 * (NULL: none) gives a reason, which becomes db_error(); missing is the
 * error when no row had that id. 0 or -1.
 */
int	 store_delete_checked(struct db *db, int64_t id,
	    char *(*refusal)(struct db *, int64_t), const char *sql,
	    const char *missing);
/*
 * Runs fn(db, ctx) in one transaction: committed when it returns 0,
 * rolled back (keeping its db_error) otherwise. 0 or -1.
 */
int	 store_in_tx(struct db *db, int (*fn)(struct db *, void *), void *ctx);
/* Binds s (NULL: "") in NFC, as every name and text is stored. */
void	 store_bind_nfc(sqlite3_stmt *stmt, int i, const char *s);
/* Binds text, or NULL when s is NULL or empty. */
void	 store_bind_opt(sqlite3_stmt *stmt, int i, const char *s);
/* Grows *rows (element size sz) to hold n + 1 elements; returns the new slot. */
void	*store_grow(void *rows, size_t n, size_t sz, void **out);
/* Runs a query of (code, name) rows into choices; the count. */
struct store_choice;
size_t	 store_choices(struct db *db, const char *sql, struct store_choice **out);
/* Reverses n rows of size sz in place (a page read backwards). */
void	 store_reverse(void *rows, size_t n, size_t sz);
/*
 * Steps a bound keyset-page query to its end, filling one row of sz bytes
 * per result with fill(stmt, row, ctx), and puts a page read backwards
 * (dir != STORE_AFTER) back in display order. Gives stmt back (db_release:
 * a kept one stays prepared, another is finalized). Returns the
 * count with *out set (the caller's list, freed by its own function), or
 * -1 with db_error set ("what" names the list) and every row released
 * with clear().
 */
int	 store_page_collect(struct db *db, sqlite3_stmt *stmt, size_t sz,
	    void (*fill)(sqlite3_stmt *, void *, const void *), const void *ctx,
	    void (*clear)(void *), int dir, const char *what, void **out);
/*
 * The recursive subtree of unit ?1 as a CTE named scope(id), to prefix a
 * query whose first parameter is the root.
 */
#define STORE_SCOPE_CTE \
	"WITH RECURSIVE scope(id) AS (SELECT ?1 UNION ALL " \
	"SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id) "

/*
 * The one rule for which documents are the plans of unit ?1, that home,
 * the plan list, the essays and the tally all use: its chain of plans.
 * A document is one when the unit itself or a unit above it issued it,
 * and the unit issued it, or it asks a session of a kind of unit in the
 * unit's subtree, or a plan of the unit carries it out. Documents of
 * another branch of the tree (another province's plans) never are: they
 * stay references. Like STORE_SCOPE_CTE (whose scope(id) it also
 * defines), it prefixes a query; the plans are unit_plans(id).
 */
#define STORE_PLANS_CTE \
	"WITH RECURSIVE scope(id) AS (SELECT ?1 UNION ALL " \
	"SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id), " \
	"above(id) AS (SELECT ?1 UNION SELECT u.parent_id FROM unit u " \
	"JOIN above a ON u.id = a.id WHERE u.parent_id IS NOT NULL), " \
	"unit_plans(id) AS (SELECT d.id FROM document d " \
	"WHERE d.owner_unit_id IN (SELECT id FROM above) " \
	"AND (d.owner_unit_id = ?1 OR EXISTS (SELECT 1 FROM plan_session ps " \
	"WHERE ps.document_id = d.id AND ps.level IN (SELECT kind FROM unit " \
	"WHERE id IN (SELECT id FROM scope))) OR EXISTS (SELECT 1 FROM " \
	"document c WHERE c.parent_id = d.id AND c.owner_unit_id = ?1))) "

/*
 * Adds one line to report_id's history (tally_event: action in the
 * schema's spelling, on at, by who, for reason or NULL), in the caller's
 * transaction. 0 or -1.
 */
int	 store_tally_event(struct db *db, int64_t report_id, const char *at,
	    const char *action, const char *who, const char *reason);
/*
 * Makes final report t a draft again, dropping its snapshot, and notes
 * action ("reopen" or "return") in its history, in one transaction.
 * Refused when t is not final. 0 (t updated) or -1.
 */
struct store_tally;
int	 store_tally_unfinal(struct db *db, struct store_tally *t,
	    const char *action, const char *today, const char *who,
	    const char *reason);

/* The kinds of unit (levels) found in the scope; needs STORE_SCOPE_CTE. */
#define STORE_SCOPE_KINDS \
	" (SELECT kind FROM unit WHERE id IN (SELECT id FROM scope)) "

/*
 * A unit's deadline in a plan: the one date Home, the plans list and the
 * plan's screen show as the clerk's own. Among the dates COL (ISO) of the
 * rows of TABLE (plan_session, report_deadline) for plan DOC from ?2
 * (today) on, those asked of the level of unit ?1 come first, then those
 * of the levels below it; a level above never counts (a commune is not
 * shown its district's date as its own). A row with no level (a report
 * everyone sends) counts as the unit's own. NULL if there is none. Needs
 * STORE_SCOPE_CTE.
 */
#define STORE_UNIT_DUE(table, col, doc) \
	"(SELECT x." col " FROM " table " x WHERE x.document_id = " doc \
	" AND x." col " >= ?2 AND (x.level IS NULL OR x.level IN" \
	STORE_SCOPE_KINDS ") ORDER BY coalesce(x.level = (SELECT kind FROM" \
	" unit WHERE id = ?1), 1) DESC, x." col " LIMIT 1)"

#endif
