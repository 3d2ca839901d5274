/*
 * rows.c - reading, checking and writing syncable rows.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "sync/rows.h"
#include "text/text.h"
#include "xmalloc.h"

/*
 * Parents before children, so that a batch applied in this order meets
 * its foreign keys one row at a time.
 */
const struct sync_table sync_tables[] = {
	{ "unit", "id", 1, "SELECT id FROM unit WHERE id = ?1" },
	{ "resolution", "id", 1, NULL },
	{ "document", "id", 1, "SELECT owner_unit_id FROM document WHERE id = ?1" },
	{ "plan_session", "id", 1, "SELECT d.owner_unit_id FROM plan_session p "
	    "JOIN document d ON d.id = p.document_id WHERE p.id = ?1" },
	{ "essay_rule", "document_id", 1, "SELECT d.owner_unit_id FROM essay_rule r "
	    "JOIN document d ON d.id = r.document_id WHERE r.document_id = ?1" },
	{ "document_resolution", "id", 1, "SELECT d.owner_unit_id FROM "
	    "document_resolution r JOIN document d ON d.id = r.document_id "
	    "WHERE r.id = ?1" },
	/* A default rule (no document) has no owner unit: never in scope. */
	{ "exemption_rule", "id", 1, "SELECT d.owner_unit_id FROM exemption_rule r "
	    "JOIN document d ON d.id = r.document_id WHERE r.id = ?1" },
	{ "report_deadline", "id", 1, "SELECT d.owner_unit_id FROM report_deadline r "
	    "JOIN document d ON d.id = r.document_id WHERE r.id = ?1" },
	{ "member", "id", 0, "SELECT unit_id FROM member WHERE id = ?1" },
	{ "session", "id", 0, "SELECT unit_id FROM session WHERE id = ?1" },
	{ "attendance", "id", 0, "SELECT s.unit_id FROM attendance a "
	    "JOIN session s ON s.id = a.session_id WHERE a.id = ?1" },
	{ "essay", "id", 0, "SELECT m.unit_id FROM essay e "
	    "JOIN member m ON m.id = e.member_id WHERE e.id = ?1" },
	{ "tally_report", "id", 0, "SELECT unit_id FROM tally_report WHERE id = ?1" },
	{ "tally_event", "id", 0, "SELECT r.unit_id FROM tally_event e "
	    "JOIN tally_report r ON r.id = e.report_id WHERE e.id = ?1" },
	{ "action_item", "id", 0, "SELECT unit_id FROM action_item WHERE id = ?1" },
	/* Last: the rows an audit row describes come first. */
	{ "audit", "id", 0, "SELECT unit_id FROM audit WHERE id = ?1" },
	{ NULL, NULL, 0, NULL },
};

/*
 * Columns each database computes from the others (the sort key of a name,
 * whose rules may change between versions): never sent, and recomputed by
 * sql for row ?1 once a row from the other side is written.
 */
static const struct {
	const char	*table;
	const char	*column;
	const char	*sql;
} sync_derived[] = {
	{ "member", "name_sort",
	  "UPDATE member SET name_sort = qt_name_sort(full_name) WHERE id = ?1" },
};
#define SYNC_NDERIVED	(sizeof sync_derived / sizeof sync_derived[0])

/* The index in sync_derived of t's derived column, or -1. */
static int
sync_derived_find(const struct sync_table *t)
{
	size_t i;

	for (i = 0; i < SYNC_NDERIVED; i++)
		if (strcmp(sync_derived[i].table, t->name) == 0)
			return (int)i;
	return -1;
}

/* 1 if column name of t is computed locally and never travels. */
static int
sync_column_derived(const struct sync_table *t, const char *name)
{
	int d = sync_derived_find(t);

	return d >= 0 && strcmp(sync_derived[d].column, name) == 0;
}

const struct sync_table *
sync_table_find(const char *name)
{
	const struct sync_table *t;

	for (t = sync_tables; t->name != NULL; t++)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}

int
sync_table_rank(const struct sync_table *t)
{
	return (int)(t - sync_tables);
}

/* Prepares "SELECT * FROM t WHERE key = ?1" bound to key. */
static sqlite3_stmt *
sync_row_select(struct db *db, const struct sync_table *t, int64_t key)
{
	char *sql = xasprintf("SELECT * FROM %s WHERE %s = ?1", t->name, t->key);
	sqlite3_stmt *stmt = db_prepare(db, sql);

	free(sql);
	if (stmt != NULL)
		sqlite3_bind_int64(stmt, 1, key);
	return stmt;
}

/*
 * Fills rec with the row's record ("row" with its table, op and
 * columns) from stmt, stepped once (rc); its text points into stmt.
 */
static void
sync_row_record(const struct sync_table *t, sqlite3_stmt *stmt, int rc,
    int64_t key, int64_t del_hlc, int64_t base, struct wire_record *rec)
{
	struct wire_field *f;
	int i;

	memset(rec, 0, sizeof *rec);
	memcpy(rec->word, "row", 4);
	for (i = 0; rc == SQLITE_ROW && i < sqlite3_column_count(stmt); i++) {
		const char *name = sqlite3_column_name(stmt, i);

		if (sync_column_derived(t, name))
			continue;
		f = &rec->f[rec->nfields++];
		snprintf(f->name, sizeof f->name, "%s", name);
		switch (sqlite3_column_type(stmt, i)) {
		case SQLITE_NULL:
			f->v.kind = WIRE_NULL;
			break;
		case SQLITE_INTEGER:
			f->v.kind = WIRE_INT;
			f->v.i = sqlite3_column_int64(stmt, i);
			break;
		default:
			f->v.kind = WIRE_TEXT;
			f->v.s = (const char *)sqlite3_column_text(stmt, i);
			f->v.len = (size_t)sqlite3_column_bytes(stmt, i);
			break;
		}
	}
	if (rc != SQLITE_ROW) {
		f = &rec->f[rec->nfields++];
		snprintf(f->name, sizeof f->name, "%s", t->key);
		f->v.kind = WIRE_INT;
		f->v.i = key;
		f = &rec->f[rec->nfields++];
		snprintf(f->name, sizeof f->name, "hlc");
		f->v.kind = WIRE_INT;
		f->v.i = del_hlc;
	}
	if (base >= 0) {
		f = &rec->f[rec->nfields++];
		snprintf(f->name, sizeof f->name, "base");
		f->v.kind = WIRE_INT;
		f->v.i = base;
	}
}

/* Writes the row as a "row" record, or as an "r" record if last. */
static void
sync_row_put(const struct sync_table *t, const struct wire_record *rec,
    int del, char **last, struct buf *out)
{
	struct buf head = { 0 }, names = { 0 };
	int i;

	if (last == NULL) {
		wire_begin(out, "row");
		wire_str(out, "t", t->name);
		wire_str(out, "op", del ? "del" : "put");
		for (i = 0; i < rec->nfields; i++)
			wire_put_field(out, &rec->f[i]);
		wire_end(out);
		return;
	}
	for (i = 0; i < rec->nfields; i++) {
		buf_str(&names, i > 0 ? " " : "");
		buf_str(&names, rec->f[i].name);
	}
	wire_begin(&head, "cols");
	wire_str(&head, "t", t->name);
	wire_str(&head, "op", del ? "del" : "put");
	wire_text(&head, "c", names.data, names.len);
	wire_end(&head);
	if (*last == NULL || strcmp(*last, head.data) != 0) {
		buf_add(out, head.data, head.len);
		free(*last);
		*last = head.data;
		head.data = NULL;
	}
	buf_free(&head);
	buf_free(&names);
	wire_begin(out, "r");
	for (i = 0; i < rec->nfields; i++)
		wire_put_value(out, &rec->f[i].v);
	wire_end(out);
}

/* sync_row_encode, as a "row" record or, with last, an "r" record. */
static int
sync_row_encode_as(struct db *db, const struct sync_table *t, int64_t key,
    int64_t del_hlc, int64_t base, char **last, struct buf *out)
{
	sqlite3_stmt *stmt = sync_row_select(db, t, key);
	struct wire_record *rec;
	int rc;

	if (stmt == NULL)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sqlite3_finalize(stmt);
		db_set_error(db, rc, "đọc bản ghi để gửi");
		return -1;
	}
	rec = xmalloc(sizeof *rec);
	sync_row_record(t, stmt, rc, key, del_hlc, base, rec);
	sync_row_put(t, rec, rc != SQLITE_ROW, last, out);
	free(rec);
	sqlite3_finalize(stmt);
	return 0;
}

int
sync_row_encode(struct db *db, const struct sync_table *t, int64_t key,
    int64_t del_hlc, int64_t base, struct buf *out)
{
	return sync_row_encode_as(db, t, key, del_hlc, base, NULL, out);
}

int
sync_row_encode_cols(struct db *db, const struct sync_table *t,
    int64_t key, int64_t del_hlc, int64_t base, char **last, struct buf *out)
{
	return sync_row_encode_as(db, t, key, del_hlc, base, last, out);
}

int
sync_row_parse(const struct wire_record *rec, struct sync_row *row,
    const char **why)
{
	const struct wire_value *t = wire_get(rec, "t");
	char name[WIRE_MAX_NAME + 1];
	int i;

	memset(row, 0, sizeof *row);
	if (strcmp(rec->word, "row") != 0 || t == NULL || t->kind != WIRE_TEXT ||
	    t->len > WIRE_MAX_NAME) {
		*why = "not a row record";
		return -1;
	}
	memcpy(name, t->s, t->len);
	name[t->len] = '\0';
	if ((row->t = sync_table_find(name)) == NULL) {
		*why = "unknown table";
		return -1;
	}
	if (wire_is(rec, "op", "del"))
		row->del = 1;
	else if (!wire_is(rec, "op", "put")) {
		*why = "unknown op";
		return -1;
	}
	if (wire_get_int(rec, row->t->key, &row->key) != 0 || row->key <= 0 ||
	    wire_get_int(rec, "hlc", &row->hlc) != 0 || row->hlc < 0) {
		*why = "key or hlc missing";
		return -1;
	}
	row->base = -1;
	if (wire_get(rec, "base") != NULL &&
	    (wire_get_int(rec, "base", &row->base) != 0 || row->base < 0)) {
		*why = "base is not a clock";
		return -1;
	}
	for (i = 0; i < rec->nfields; i++) {
		const struct wire_value *v = &rec->f[i].v;

		if (v->kind == WIRE_TEXT && (memchr(v->s, '\0', v->len) != NULL ||
		    !text_utf8_valid(v->s, v->len))) {
			*why = "text is not valid UTF-8";
			return -1;
		}
	}
	return 0;
}

int64_t
sync_row_hlc(struct db *db, const struct sync_row *row)
{
	char *sql = xasprintf("SELECT hlc FROM %s WHERE %s = ?1", row->t->name,
	    row->t->key);
	int64_t hlc = db_int(db, -1, sql, 1, row->key);

	free(sql);
	return hlc;
}

int64_t
sync_row_owner(struct db *db, const struct sync_table *t, int64_t key)
{
	char *sql;
	int64_t exists;

	if (t->owner_sql != NULL)
		return db_int(db, -1, t->owner_sql, 1, key);
	sql = xasprintf("SELECT 0 FROM %s WHERE %s = ?1", t->name, t->key);
	exists = db_int(db, -1, sql, 1, key);
	free(sql);
	return exists;
}

/* 1 if field name of a row record is about the record, not a column. */
static int
sync_field_meta(const char *name)
{
	return strcmp(name, "t") == 0 || strcmp(name, "op") == 0 ||
	    strcmp(name, "base") == 0;
}

/* Turns the failed statement's error into the record's reason. */
static int
sync_row_fail(struct db *db, int rc, char **reason)
{
	db_set_error(db, rc, "ghi bản ghi");
	*reason = xstrdup(db_error(db));
	return -1;
}

static int
sync_row_delete(struct db *db, const struct sync_row *row, char **reason)
{
	char *sql = xasprintf("DELETE FROM %s WHERE %s = ?1", row->t->name,
	    row->t->key);
	sqlite3_stmt *stmt = db_prepare(db, sql);
	int rc;

	free(sql);
	if (stmt == NULL)
		return sync_row_fail(db, sqlite3_errcode(db_handle(db)), reason);
	sqlite3_bind_int64(stmt, 1, row->key);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : sync_row_fail(db, rc, reason);
}

/*
 * Checks every field of rec names a column of the table with a value of
 * its declared type, and builds the upsert into *sql. Returns 0 or -1.
 */
static int
sync_row_upsert_sql(struct db *db, const struct sync_row *row,
    const struct wire_record *rec, struct buf *sql, char **reason)
{
	char *probe = xasprintf("SELECT * FROM %s LIMIT 0", row->t->name);
	sqlite3_stmt *stmt = db_prepare(db, probe);
	struct buf set = { 0 };
	int i, j, n = 0;

	free(probe);
	if (stmt == NULL)
		return sync_row_fail(db, sqlite3_errcode(db_handle(db)), reason);
	buf_str(sql, "INSERT INTO ");
	buf_str(sql, row->t->name);
	buf_str(sql, "(");
	for (i = 0; i < rec->nfields; i++) {
		const char *name = rec->f[i].name, *type = NULL;
		enum wire_kind kind = rec->f[i].v.kind;

		if (sync_field_meta(name))
			continue;
		for (j = 0; j < sqlite3_column_count(stmt); j++)
			if (strcmp(sqlite3_column_name(stmt, j), name) == 0)
				type = sqlite3_column_decltype(stmt, j);
		if (type == NULL || (kind == WIRE_INT && strcmp(type, "INTEGER") != 0) ||
		    (kind == WIRE_TEXT && strcmp(type, "TEXT") != 0)) {
			*reason = xasprintf("Trường %s không hợp lệ trong bảng %s",
			    name, row->t->name);
			sqlite3_finalize(stmt);
			buf_free(&set);
			return -1;
		}
		if (n++ > 0) {
			buf_str(sql, ", ");
			buf_str(&set, ", ");
		}
		buf_str(sql, name);
		buf_str(&set, name);
		buf_str(&set, " = excluded.");
		buf_str(&set, name);
	}
	sqlite3_finalize(stmt);
	buf_str(sql, ") VALUES (");
	for (i = 0; i < n; i++)
		buf_str(sql, i == 0 ? "?" : ", ?");
	buf_str(sql, ") ON CONFLICT(");
	buf_str(sql, row->t->key);
	buf_str(sql, ") DO UPDATE SET ");
	buf_add(sql, set.data, set.len);
	buf_free(&set);
	return 0;
}

int
sync_row_write(struct db *db, const struct sync_row *row,
    const struct wire_record *rec, char **reason)
{
	struct buf sql = { 0 };
	sqlite3_stmt *stmt;
	int i, n = 0, rc, d;

	*reason = NULL;
	if (row->del)
		return sync_row_delete(db, row, reason);
	if (sync_row_upsert_sql(db, row, rec, &sql, reason) != 0) {
		buf_free(&sql);
		return -1;
	}
	stmt = db_prepare(db, sql.data);
	buf_free(&sql);
	if (stmt == NULL)
		return sync_row_fail(db, sqlite3_errcode(db_handle(db)), reason);
	for (i = 0; i < rec->nfields; i++) {
		const struct wire_value *v = &rec->f[i].v;

		if (sync_field_meta(rec->f[i].name))
			continue;
		n++;
		if (v->kind == WIRE_INT)
			sqlite3_bind_int64(stmt, n, v->i);
		else if (v->kind == WIRE_TEXT)
			sqlite3_bind_text(stmt, n, v->s, (int)v->len, SQLITE_STATIC);
	}
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE && (d = sync_derived_find(row->t)) >= 0) {
		if ((stmt = db_prepare(db, sync_derived[d].sql)) == NULL)
			return sync_row_fail(db,
			    sqlite3_errcode(db_handle(db)), reason);
		sqlite3_bind_int64(stmt, 1, row->key);
		rc = sqlite3_step(stmt);
		sqlite3_finalize(stmt);
	}
	return rc == SQLITE_DONE ? 0 : sync_row_fail(db, rc, reason);
}

char *
sync_row_describe(struct db *db, const struct sync_table *t, int64_t key)
{
	sqlite3_stmt *stmt = sync_row_select(db, t, key);
	struct buf out = { 0 };
	int i;

	if (stmt != NULL && sqlite3_step(stmt) == SQLITE_ROW) {
		for (i = 0; i < sqlite3_column_count(stmt); i++) {
			const char *name = sqlite3_column_name(stmt, i);
			const char *v = (const char *)sqlite3_column_text(stmt, i);

			if (strcmp(name, "hlc") == 0 || strcmp(name, "name_fold") == 0 ||
			    sync_column_derived(t, name))
				continue;
			if (out.len > 0)
				buf_str(&out, "; ");
			buf_str(&out, name);
			buf_str(&out, "=");
			buf_str(&out, v != NULL ? v : "");
		}
	}
	sqlite3_finalize(stmt);
	if (out.data == NULL)
		return xstrdup("");
	return out.data;
}

char *
sync_row_describe_record(struct db *db, const struct sync_row *row,
    const struct wire_record *rec)
{
	char *reason = NULL, *out = NULL;

	if (db_begin(db) != 0)
		return xstrdup("");
	if (sync_row_write(db, row, rec, &reason) == 0)
		out = sync_row_describe(db, row->t, row->key);
	db_rollback(db);
	free(reason);
	return out != NULL ? out : xstrdup("");
}
