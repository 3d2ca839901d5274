/*
 * store_plan.c - plans (documents that ask units to hold sessions) and the
 * sessions each plan asks for.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/plan_item.h"
#include "store/store.h"
#include "store/store_int.h"
#include "xmalloc.h"

/* A row of struct store_plan for document d (?1 the scope, ?2 today). */
#define STORE_PLAN_COLUMNS \
	"SELECT d.id, d.number, d.title, d.issued_on," \
	" coalesce(" STORE_UNIT_DUE("plan_item_due", "due", "d.id") \
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
	    " coalesce(ps.deadline, ''), ps.deadline_text, ps.also_levels,"
	    " ps.audience, ps.materials, ps.material_ratio, ps.presenter,"
	    " ps.length_text, ps.start_time, ps.bridge_names,"
	    " (SELECT coalesce(group_concat(o.name, ', '), '') FROM unit_kind o"
	    " WHERE instr(' ' || ps.also_levels || ' ', ' ' || o.code || ' ') > 0),"
	    " coalesce(pd.due, ''), coalesce(pd.parent_due, ''), pd.late"
	    " FROM plan_session ps JOIN plan_item_due pd ON pd.id = ps.id"
	    " JOIN unit_kind k ON k.code = ps.level WHERE ps.document_id = ?1"
	    " ORDER BY ps.level IS (SELECT kind FROM unit WHERE id = ?2) DESC,"
	    " ps.level, ps.ordinal, ps.id");
	struct store_plan_session *rows = NULL, *p;
	size_t n = 0;
	void *slot;
	int members = (int)db_int(db, 0, STORE_SCOPE_CTE "SELECT count(*) FROM"
	    " member m JOIN member_status st ON st.code = m.status WHERE"
	    " st.is_party_member = 1 AND m.unit_id IN (SELECT id FROM scope)",
	    1, unit);

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
		p->also_levels = store_col(stmt, 9);
		p->audience = store_col(stmt, 10);
		p->materials = store_col(stmt, 11);
		p->material_ratio = store_col(stmt, 12);
		p->presenter = store_col(stmt, 13);
		p->length_text = store_col(stmt, 14);
		p->start_time = store_col(stmt, 15);
		p->bridge_names = store_col(stmt, 16);
		p->also_names = store_col(stmt, 17);
		p->due = store_col(stmt, 18);
		p->parent_due = store_col(stmt, 19);
		p->late = sqlite3_column_int(stmt, 20);
		p->members = members;
		p->copies = plan_ratio_copies(p->material_ratio, members);
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
		free((*p)[i].due);
		free((*p)[i].parent_due);
		free((*p)[i].also_levels);
		free((*p)[i].audience);
		free((*p)[i].materials);
		free((*p)[i].material_ratio);
		free((*p)[i].presenter);
		free((*p)[i].length_text);
		free((*p)[i].start_time);
		free((*p)[i].bridge_names);
		free((*p)[i].also_names);
	}
	x_free(p);
}

int
store_plan_session_for_kind(const struct store_plan_session *p,
    const char *kind)
{
	const char *a = p->also_levels;
	size_t n = strlen(kind);

	if (strcmp(p->level, kind) == 0)
		return 1;
	/* The same rule as store_session_check_unit's, on the row read. */
	for (; (a = strstr(a, kind)) != NULL; a += n)
		if ((a == p->also_levels || a[-1] == ' ') &&
		    (a[n] == ' ' || a[n] == '\0'))
			return 1;
	return 0;
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
