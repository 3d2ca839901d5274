/*
 * store_util.c - the small pieces every store file needs.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "store/store.h"
#include "store/store_int.h"
#include "text/text.h"
#include "xmalloc.h"

char *
store_col(sqlite3_stmt *stmt, int i)
{
	const unsigned char *s = sqlite3_column_text(stmt, i);

	return xstrdup(s != NULL ? (const char *)s : "");
}

int
store_step_done(struct db *db, sqlite3_stmt *stmt, const char *what)
{
	int rc = sqlite3_step(stmt);

	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return 0;
	db_set_error(db, rc, what);
	return -1;
}

int
store_write_ids(struct db *db, const char *what, const char *sql, int n, ...)
{
	sqlite3_stmt *stmt = db_prepare(db, sql);
	va_list ap;
	int i, rc;

	if (stmt == NULL)
		return -1;
	va_start(ap, n);
	for (i = 1; i <= n; i++)
		sqlite3_bind_int64(stmt, i, va_arg(ap, int64_t));
	va_end(ap);
	rc = store_step_done(db, stmt, what);
	sqlite3_finalize(stmt);
	return rc != 0 ? -1 : sqlite3_changes(db_handle(db));
}

int
store_in_tx(struct db *db, int (*fn)(struct db *, void *), void *ctx)
{
	if (db_begin(db) != 0)
		return -1;
	if (fn(db, ctx) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

struct store_delete {
	int64_t		 id;
	char		*(*refusal)(struct db *, int64_t);
	const char	*sql;
	const char	*missing;
};

static int
store_delete_tx(struct db *db, void *ctx)
{
	struct store_delete *d = ctx;
	char *why = d->refusal != NULL ? d->refusal(db, d->id) : NULL;
	int n;

	if (why != NULL) {
		db_set_message(db, why);
		free(why);
		return -1;
	}
	if ((n = store_write_ids(db, "xóa", d->sql, 1, d->id)) < 0)
		return -1;
	if (n == 0) {
		db_set_message(db, d->missing);
		return -1;
	}
	return 0;
}

int
store_delete_checked(struct db *db, int64_t id,
    char *(*refusal)(struct db *, int64_t), const char *sql,
    const char *missing)
{
	struct store_delete d = { id, refusal, sql, missing };

	return store_in_tx(db, store_delete_tx, &d);
}

void
store_bind_nfc(sqlite3_stmt *stmt, int i, const char *s)
{
	sqlite3_bind_text(stmt, i, text_nfc(s != NULL ? s : ""), -1, free);
}

void
store_bind_opt(sqlite3_stmt *stmt, int i, const char *s)
{
	if (s == NULL || *s == '\0')
		sqlite3_bind_null(stmt, i);
	else
		sqlite3_bind_text(stmt, i, s, -1, SQLITE_TRANSIENT);
}

void *
store_grow(void *rows, size_t n, size_t sz, void **out)
{
	char *grown = xrealloc(rows, (n + 1) * sz);

	memset(grown + n * sz, 0, sz);
	*out = grown + n * sz;
	return grown;
}

void
store_reverse(void *rows, size_t n, size_t sz)
{
	char *a = rows, *tmp = xmalloc(sz);
	size_t i;

	for (i = 0; i < n / 2; i++) {
		memcpy(tmp, a + i * sz, sz);
		memcpy(a + i * sz, a + (n - 1 - i) * sz, sz);
		memcpy(a + (n - 1 - i) * sz, tmp, sz);
	}
	free(tmp);
}

/* Runs a (code, name) query into choices. */
size_t
store_choices(struct db *db, const char *sql, struct store_choice **out)
{
	sqlite3_stmt *stmt = db_prepare(db, sql);
	struct store_choice *rows = NULL, *c;
	size_t n = 0;
	void *slot;

	*out = NULL;
	if (stmt == NULL)
		return 0;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		rows = store_grow(rows, n, sizeof *rows, &slot);
		c = slot;
		c->code = store_col(stmt, 0);
		c->name = store_col(stmt, 1);
		n++;
	}
	sqlite3_finalize(stmt);
	*out = rows;
	return n;
}

int
store_page_collect(struct db *db, sqlite3_stmt *stmt, size_t sz,
    void (*fill)(sqlite3_stmt *, void *, const void *), const void *ctx,
    void (*clear)(void *), int dir, const char *what, void **out)
{
	void *rows = NULL, *slot;
	size_t n = 0, i;
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		rows = store_grow(rows, n, sz, &slot);
		fill(stmt, slot, ctx);
		n++;
	}
	db_release(db, stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, what);
		for (i = 0; i < n; i++)
			clear((char *)rows + i * sz);
		free(rows);
		*out = NULL;
		return -1;
	}
	if (dir != STORE_AFTER)
		store_reverse(rows, n, sz);
	*out = rows;
	return (int)n;
}
