/*
 * store_report_due.c - the reports a plan asks for (report_deadline):
 * which level reports, what, to whom, in which round, by when.
 */
#include "config.h"

#include <stdlib.h>

#include "db.h"
#include "store/store.h"
#include "store/store_int.h"
#include "xmalloc.h"

int
store_report_dues(struct db *db, int64_t document_id,
    struct store_report_due **out)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT r.id, r.round,"
	    " coalesce(r.level, ''), coalesce(k.name, 'Mọi cấp'), r.description,"
	    " r.recipient, r.due_on, r.due_text FROM report_deadline r LEFT JOIN"
	    " unit_kind k ON k.code = r.level WHERE r.document_id = ?1"
	    " ORDER BY r.due_on, r.round, r.id");
	struct store_report_due *rows = NULL, *r;
	size_t n = 0;
	void *slot;

	*out = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, document_id);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		rows = store_grow(rows, n, sizeof *rows, &slot);
		r = slot;
		r->id = sqlite3_column_int64(stmt, 0);
		r->round = sqlite3_column_int(stmt, 1);
		r->level = store_col(stmt, 2);
		r->level_name = store_col(stmt, 3);
		r->description = store_col(stmt, 4);
		r->recipient = store_col(stmt, 5);
		r->due_on = store_col(stmt, 6);
		r->due_text = store_col(stmt, 7);
		n++;
	}
	sqlite3_finalize(stmt);
	*out = rows;
	return (int)n;
}

void
store_report_dues_free(struct store_report_due **p, size_t n)
{
	size_t i;

	if (*p == NULL)
		return;
	for (i = 0; i < n; i++) {
		free((*p)[i].level);
		free((*p)[i].level_name);
		free((*p)[i].description);
		free((*p)[i].recipient);
		free((*p)[i].due_on);
		free((*p)[i].due_text);
	}
	x_free(p);
}

struct store_report_due_tx {
	int64_t			 document_id;
	struct store_report_due	*r;
};

static int
store_report_due_save_tx(struct db *db, void *ctx)
{
	struct store_report_due_tx *t = ctx;
	sqlite3_stmt *stmt = db_prepare(db, "INSERT INTO report_deadline(id,"
	    " document_id, round, level, description, recipient, due_on,"
	    " due_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(id)"
	    " DO UPDATE SET round = excluded.round, level = excluded.level,"
	    " description = excluded.description,"
	    " recipient = excluded.recipient, due_on = excluded.due_on,"
	    " due_text = excluded.due_text WHERE document_id = ?2");
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, t->r->id);
	sqlite3_bind_int64(stmt, 2, t->document_id);
	sqlite3_bind_int(stmt, 3, t->r->round > 0 ? t->r->round : 1);
	store_bind_opt(stmt, 4, t->r->level);
	store_bind_nfc(stmt, 5, t->r->description);
	store_bind_nfc(stmt, 6, t->r->recipient);
	sqlite3_bind_text(stmt, 7, t->r->due_on, -1, SQLITE_STATIC);
	store_bind_nfc(stmt, 8, t->r->due_text);
	rc = store_step_done(db, stmt, "lưu hạn báo cáo");
	sqlite3_finalize(stmt);
	return rc;
}

int
store_report_due_save(struct db *db, int64_t document_id,
    struct store_report_due *r)
{
	struct store_report_due_tx t = { document_id, r };

	if (r->id == 0)
		r->id = db_new_id();
	return store_in_tx(db, store_report_due_save_tx, &t);
}

int
store_report_due_delete(struct db *db, int64_t id)
{
	return store_delete_checked(db, id, NULL, "DELETE FROM report_deadline"
	    " WHERE id = ?1", "Không tìm thấy hạn báo cáo này");
}
