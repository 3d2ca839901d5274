/*
 * scope.c - may a device write this row? Every reference a row holds.
 *
 * A row's owner alone is not enough: an attendance row owned by commune
 * B's session could name commune A's member and count in A's figures. So
 * every foreign key of every synced table into rows that have an owner is
 * listed here, once, with what the referenced row must be. The owner of
 * the referenced row is found by its table's owner_sql (sync_tables in
 * src/sync/rows.c). References to the fixed reference tables (unit_kind,
 * member_status, doc_kind) and to resolution (no owner) need no check.
 * An audit row's reference to the row it describes (a table and an id,
 * no foreign key) is checked by scope_audit_row.
 * tests/sync/scope.sh pushes every foreign key of the schema across units,
 * so a key added to a table and missing here fails it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "server/srv.h"
#include "sync/rows.h"
#include "xmalloc.h"

enum scope_need {
	SCOPE_MINE,	/* owned by the device's unit or below */
	SCOPE_READABLE,	/* that, or owned by an ancestor (a province's plan) */
	/* Below the device's unit; the device's own unit keeps its parent. */
	SCOPE_PARENT,
};

static const struct scope_ref {
	const char	*table;
	const char	*column;
	const char	*target;	/* the table the column refers to */
	enum scope_need	 need;
} scope_refs[] = {
	{ "unit", "parent_id", "unit", SCOPE_PARENT },
	{ "document", "owner_unit_id", "unit", SCOPE_MINE },
	{ "document", "parent_id", "document", SCOPE_READABLE },
	{ "plan_session", "document_id", "document", SCOPE_MINE },
	{ "essay_rule", "document_id", "document", SCOPE_MINE },
	{ "document_resolution", "document_id", "document", SCOPE_MINE },
	{ "exemption_rule", "document_id", "document", SCOPE_MINE },
	{ "report_deadline", "document_id", "document", SCOPE_MINE },
	{ "member", "unit_id", "unit", SCOPE_MINE },
	{ "session", "unit_id", "unit", SCOPE_MINE },
	{ "session", "document_id", "document", SCOPE_READABLE },
	{ "session", "plan_session_id", "plan_session", SCOPE_READABLE },
	{ "session", "makeup_of", "session", SCOPE_MINE },
	{ "attendance", "session_id", "session", SCOPE_MINE },
	{ "attendance", "member_id", "member", SCOPE_MINE },
	{ "essay", "member_id", "member", SCOPE_MINE },
	{ "essay", "document_id", "document", SCOPE_READABLE },
	{ "tally_report", "unit_id", "unit", SCOPE_MINE },
	{ "tally_report", "document_id", "document", SCOPE_READABLE },
	{ "tally_event", "report_id", "tally_report", SCOPE_MINE },
	{ "action_item", "unit_id", "unit", SCOPE_MINE },
	{ "action_item", "document_id", "document", SCOPE_READABLE },
	{ "audit", "unit_id", "unit", SCOPE_MINE },
	{ NULL, NULL, NULL, SCOPE_MINE },
};

/*
 * The value the row will hold in column: the record's, or for a column
 * the record leaves out, the stored one (an upsert keeps it). Returns 1
 * with *v set, 0 for NULL, -1 for a value that is not an integer.
 */
static int
scope_value(struct db *db, const struct sync_row *row,
    const struct wire_record *rec, const char *column, int64_t *v)
{
	const struct wire_value *f = wire_get(rec, column);
	char *sql;

	if (f != NULL) {
		if (f->kind == WIRE_NULL)
			return 0;
		if (f->kind != WIRE_INT)
			return -1;
		*v = f->i;
		return 1;
	}
	sql = xasprintf("SELECT %s FROM %s WHERE %s = ?1", column,
	    row->t->name, row->t->key);
	*v = db_int(db, 0, sql, 1, row->key);
	free(sql);
	return *v != 0;
}

/* Does the referenced row (owned by owner; -1: none such) meet need? */
static int
scope_meets(struct db *db, const struct srv_device *dev,
    const struct sync_row *row, enum scope_need need, int64_t owner)
{
	if (owner <= 0)
		return 0;
	if (srv_in_scope(db, dev->unit_id, owner))
		return 1;
	switch (need) {
	case SCOPE_READABLE:
		return srv_in_scope(db, owner, dev->unit_id);
	case SCOPE_PARENT:
		/* push_check_root keeps the parent of the device's own unit. */
		return row->key == dev->unit_id;
	default:
		return 0;
	}
}

/*
 * A review of a report (tally_event 'return' or 'accept') comes from the
 * level above: the device's unit must be strictly above the report's
 * unit, so a unit never accepts or returns its own report. The action is
 * the record's, or the stored one (an event is never changed). NULL, or
 * the reason for the refusal.
 */
static char *
scope_review(struct db *db, const struct srv_device *dev,
    const struct sync_row *row, const struct wire_record *rec)
{
	int64_t report, unit;
	int review;

	if (strcmp(row->t->name, "tally_event") != 0)
		return NULL;
	review = wire_get(rec, "action") != NULL ? wire_is(rec, "action",
	    "return") || wire_is(rec, "action", "accept") : db_int(db, 0,
	    "SELECT action IN ('return', 'accept') FROM tally_event"
	    " WHERE id = ?1", 1, row->key) != 0;
	if (!review || scope_value(db, row, rec, "report_id", &report) != 1)
		return NULL;
	unit = db_int(db, 0, "SELECT unit_id FROM tally_report WHERE id = ?1",
	    1, report);
	if (unit != dev->unit_id)
		return NULL;
	return xasprintf("Chỉ cấp trên mới duyệt hay trả lại báo cáo của "
	    "đơn vị: máy này không được ghi");
}

/*
 * An audit row also names the row it describes by table and id: that
 * row, if the server holds it, must be the device's to write (a row with
 * no owner, a resolution, is anyone's); one deleted or never sent is
 * judged by the audit row's own unit alone.
 */
static int
scope_audit_row(struct db *db, const struct srv_device *dev,
    const struct sync_row *row, const struct wire_record *rec)
{
	const struct wire_value *tbl = wire_get(rec, "tbl");
	const struct sync_table *t;
	char name[WIRE_MAX_NAME + 1];
	int64_t id, owner;

	if (tbl == NULL || tbl->kind != WIRE_TEXT || tbl->len > WIRE_MAX_NAME ||
	    wire_get_int(rec, "row_id", &id) != 0)
		return 0;
	memcpy(name, tbl->s, tbl->len);
	name[tbl->len] = '\0';
	if ((t = sync_table_find(name)) == NULL || strcmp(t->name, "audit") == 0)
		return 0;
	owner = sync_row_owner(db, t, id);
	return owner <= 0 || srv_in_scope(db, dev->unit_id, owner);
}

char *
srv_scope_refs(struct db *db, const struct srv_device *dev,
    const struct sync_row *row, const struct wire_record *rec)
{
	const struct scope_ref *r;
	int64_t v;
	int has;

	if (row->del)
		return NULL;
	if (strcmp(row->t->name, "audit") == 0 &&
	    !scope_audit_row(db, dev, row, rec))
		return xstrdup("Nhật ký thay đổi nói về bản ghi không có hoặc "
		    "thuộc đơn vị khác: máy này không được ghi");
	for (r = scope_refs; r->table != NULL; r++) {
		if (strcmp(r->table, row->t->name) != 0)
			continue;
		if ((has = scope_value(db, row, rec, r->column, &v)) == 0)
			continue;
		/*
		 * A row that does not exist and one of another unit get the
		 * same answer, so a push learns nothing of other units.
		 */
		if (has < 0 || !scope_meets(db, dev, row, r->need,
		    sync_row_owner(db, sync_table_find(r->target), v)))
			return xasprintf("Trường %s trỏ tới bản ghi không có "
			    "hoặc thuộc đơn vị khác: máy này không được ghi",
			    r->column);
	}
	return scope_review(db, dev, row, rec);
}
