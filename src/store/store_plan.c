/*
 * store_plan.c - plans (documents that ask units to hold sessions) and the
 * sessions each plan asks for.
 */
#include "config.h"

#include <stdlib.h>

#include "db.h"
#include "store/store.h"
#include "store/store_int.h"
#include "xmalloc.h"

/* A row of struct store_plan for document d (?1 the scope, ?2 today). */
#define STORE_PLAN_COLUMNS \
	"SELECT d.id, d.number, d.title, d.issued_on," \
	" coalesce(" STORE_UNIT_DUE("plan_session", "deadline", "d.id") \
	", '')," \
	" (SELECT count(*) FROM session s WHERE s.document_id = d.id" \
	"  AND s.status = 'held' AND s.unit_id IN (SELECT id FROM scope))," \
	" (SELECT count(*) FROM session s WHERE s.document_id = d.id" \
	"  AND s.status = 'planned' AND s.unit_id IN (SELECT id FROM scope))"

/* The plans of scope (refs 0), or every other document (refs 1). */
static int
store_plans_query(struct db *db, int64_t scope, const char *today, int refs,
    struct store_plan **out)
{
	sqlite3_stmt *stmt = db_prepare(db, refs ? STORE_PLANS_CTE
	    STORE_PLAN_COLUMNS " FROM document d WHERE d.id NOT IN"
	    " (SELECT id FROM unit_plans) ORDER BY d.issued_on DESC, d.id" :
	    STORE_PLANS_CTE STORE_PLAN_COLUMNS " FROM document d WHERE d.id IN"
	    " (SELECT id FROM unit_plans) ORDER BY d.issued_on DESC, d.id");
	struct store_plan *rows = NULL, *p;
	size_t n = 0;
	void *slot;

	*out = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, scope);
	sqlite3_bind_text(stmt, 2, today, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		rows = store_grow(rows, n, sizeof *rows, &slot);
		p = slot;
		p->id = sqlite3_column_int64(stmt, 0);
		p->number = store_col(stmt, 1);
		p->title = store_col(stmt, 2);
		p->issued_on = store_col(stmt, 3);
		p->next_deadline = store_col(stmt, 4);
		p->sessions_held = sqlite3_column_int(stmt, 5);
		p->sessions_planned = sqlite3_column_int(stmt, 6);
		n++;
	}
	sqlite3_finalize(stmt);
	*out = rows;
	return (int)n;
}

int
store_plans_list(struct db *db, int64_t scope, const char *today,
    struct store_plan **out)
{
	return store_plans_query(db, scope, today, 0, out);
}

int
store_references_list(struct db *db, int64_t scope, const char *today,
    struct store_plan **out)
{
	return store_plans_query(db, scope, today, 1, out);
}

void
store_plans_free(struct store_plan **p, size_t n)
{
	size_t i;

	if (*p == NULL)
		return;
	for (i = 0; i < n; i++) {
		free((*p)[i].number);
		free((*p)[i].title);
		free((*p)[i].issued_on);
		free((*p)[i].next_deadline);
	}
	x_free(p);
}

int
store_plan_sessions(struct db *db, int64_t document_id, int64_t unit,
    struct store_plan_session **out)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT ps.id, ps.level, k.name,"
	    " ps.ordinal, ps.title, ps.form, ps.half_days,"
	    " coalesce(ps.deadline, ''), ps.deadline_text FROM plan_session ps"
	    " JOIN unit_kind k ON k.code = ps.level WHERE ps.document_id = ?1"
	    " ORDER BY ps.level IS (SELECT kind FROM unit WHERE id = ?2) DESC,"
	    " ps.level, ps.ordinal, ps.id");
	struct store_plan_session *rows = NULL, *p;
	size_t n = 0;
	void *slot;

	*out = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, document_id);
	sqlite3_bind_int64(stmt, 2, unit);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		rows = store_grow(rows, n, sizeof *rows, &slot);
		p = slot;
		p->id = sqlite3_column_int64(stmt, 0);
		p->level = store_col(stmt, 1);
		p->level_name = store_col(stmt, 2);
		p->ordinal = sqlite3_column_int(stmt, 3);
		p->title = store_col(stmt, 4);
		p->form = store_col(stmt, 5);
		p->half_days = sqlite3_column_int(stmt, 6);
		p->deadline = store_col(stmt, 7);
		p->deadline_text = store_col(stmt, 8);
		n++;
	}
	sqlite3_finalize(stmt);
	*out = rows;
	return (int)n;
}

void
store_plan_sessions_free(struct store_plan_session **p, size_t n)
{
	size_t i;

	if (*p == NULL)
		return;
	for (i = 0; i < n; i++) {
		free((*p)[i].level);
		free((*p)[i].level_name);
		free((*p)[i].title);
		free((*p)[i].form);
		free((*p)[i].deadline);
		free((*p)[i].deadline_text);
	}
	x_free(p);
}

char *
store_document_label(struct db *db, int64_t id)
{
	sqlite3_stmt *stmt = db_prepare(db,
	    "SELECT number || ' ' || title FROM document WHERE id = ?1");
	char *label = NULL;

	if (stmt != NULL) {
		sqlite3_bind_int64(stmt, 1, id);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			label = store_col(stmt, 0);
		sqlite3_finalize(stmt);
	}
	return label != NULL ? label : xstrdup("");
}
