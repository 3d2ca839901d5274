/*
 * store_action.c - writing a unit's action programme (action_item); the
 * programme is read through domain/action.h, which also reviews it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/action.h"
#include "store/store.h"
#include "store/store_int.h"
#include "xmalloc.h"

struct store_action_tx {
	int64_t			 document_id, unit;
	struct action_item_row	*a;
};

static int
store_action_save_tx(struct db *db, void *ctx)
{
	struct store_action_tx *t = ctx;
	struct action_item_row *a = t->a;
	sqlite3_stmt *stmt = db_prepare(db, "INSERT INTO action_item(id,"
	    " document_id, unit_id, task, person, schedule, result,"
	    " responsibility, due_on, status, done_on) VALUES (?1, ?2, ?3, ?4,"
	    " ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT(id) DO UPDATE SET"
	    " task = excluded.task, person = excluded.person,"
	    " schedule = excluded.schedule, result = excluded.result,"
	    " responsibility = excluded.responsibility,"
	    " due_on = excluded.due_on, status = excluded.status,"
	    " done_on = excluded.done_on WHERE document_id = ?2 AND"
	    " unit_id = ?3");
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, a->id);
	sqlite3_bind_int64(stmt, 2, t->document_id);
	sqlite3_bind_int64(stmt, 3, t->unit);
	store_bind_nfc(stmt, 4, a->task);
	store_bind_nfc(stmt, 5, a->person);
	store_bind_nfc(stmt, 6, a->schedule);
	store_bind_nfc(stmt, 7, a->result);
	store_bind_nfc(stmt, 8, a->responsibility);
	store_bind_opt(stmt, 9, a->due_on);
	sqlite3_bind_text(stmt, 10, a->status, -1, SQLITE_STATIC);
	/* Only a task done has a day it was done. */
	store_bind_opt(stmt, 11, strcmp(a->status, "done") == 0 ? a->done_on :
	    NULL);
	rc = store_step_done(db, stmt, "lưu việc của chương trình hành động");
	sqlite3_finalize(stmt);
	return rc;
}

int
store_action_save(struct db *db, int64_t document_id, int64_t unit,
    struct action_item_row *a)
{
	struct store_action_tx t = { document_id, unit, a };

	if (a->id == 0)
		a->id = db_new_id();
	return store_in_tx(db, store_action_save_tx, &t);
}

int
store_action_delete(struct db *db, int64_t id)
{
	return store_delete_checked(db, id, NULL, "DELETE FROM action_item"
	    " WHERE id = ?1", "Không tìm thấy việc này");
}
