/*
 * store_document.c - documents (plans and the texts they carry out) and
 * the sessions a plan asks each level to hold.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db.h"
#include "store/store.h"
#include "store/store_int.h"
#include "text/text.h"
#include "xmalloc.h"

int
store_document_get(struct db *db, int64_t id, struct store_document *d)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT id, owner_unit_id,"
	    " coalesce(parent_id, 0), number, kind, issuer, place, issued_on,"
	    " title, (SELECT CASE r.kind WHEN 'none' THEN 2 WHEN 'date' THEN 3"
	    " ELSE 1 END FROM"
	    " essay_rule r WHERE r.document_id = d.id), (SELECT r.due_days FROM"
	    " essay_rule r WHERE r.document_id = d.id), (SELECT"
	    " group_concat(title, char(10)) FROM (SELECT r.title FROM"
	    " document_resolution x JOIN resolution r ON r.id = x.resolution_id"
	    " WHERE x.document_id = d.id ORDER BY coalesce(r.issued_on, ''),"
	    " r.title)), (SELECT group_concat(status || '=' || must_write,"
	    " char(10)) FROM exemption_rule WHERE document_id = d.id),"
	    " parents_text, action_due_text, coalesce(action_due, ''),"
	    " coalesce((SELECT r.due_on FROM essay_rule r WHERE r.document_id"
	    " = d.id), '') FROM document d WHERE id = ?1");
	int rc = -1;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		d->id = sqlite3_column_int64(stmt, 0);
		d->owner_unit_id = sqlite3_column_int64(stmt, 1);
		d->parent_id = sqlite3_column_int64(stmt, 2);
		d->number = store_col(stmt, 3);
		d->kind = store_col(stmt, 4);
		d->issuer = store_col(stmt, 5);
		d->place = store_col(stmt, 6);
		d->issued_on = store_col(stmt, 7);
		d->title = store_col(stmt, 8);
		/* The column counts as the enum does (0 for no row). */
		d->essay = (enum store_essay_rule)sqlite3_column_int(stmt, 9);
		d->essay_days = sqlite3_column_int(stmt, 10);
		d->resolutions = store_col(stmt, 11);
		d->exemptions = store_col(stmt, 12);
		d->parents_text = store_col(stmt, 13);
		d->action_due_text = store_col(stmt, 14);
		d->action_due = store_col(stmt, 15);
		d->essay_due = store_col(stmt, 16);
		rc = 0;
	}
	sqlite3_finalize(stmt);
	return rc;
}

void
store_document_clear(struct store_document *d)
{
	x_free(&d->number);
	x_free(&d->kind);
	x_free(&d->issuer);
	x_free(&d->place);
	x_free(&d->issued_on);
	x_free(&d->title);
	x_free(&d->resolutions);
	x_free(&d->exemptions);
	x_free(&d->parents_text);
	x_free(&d->action_due_text);
	x_free(&d->action_due);
	x_free(&d->essay_due);
}

/* Writes d's essay rule (inside the caller's transaction); 0 or -1. */
static int
store_document_essay_rule(struct db *db, const struct store_document *d)
{
	sqlite3_stmt *stmt;
	int rc;

	if (d->essay == STORE_ESSAY_INHERIT)
		return store_write_ids(db, "lưu quy định thu hoạch", "DELETE FROM"
		    " essay_rule WHERE document_id = ?1", 1, d->id) < 0 ? -1 : 0;
	/* An upsert keeps the grader, which this form does not show. */
	stmt = db_prepare(db, "INSERT INTO essay_rule(document_id, due_days,"
	    " kind, due_on) VALUES (?1, ?2, ?3, ?4) ON CONFLICT(document_id) DO"
	    " UPDATE SET due_days = excluded.due_days, kind = excluded.kind,"
	    " due_on = excluded.due_on");
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, d->id);
	sqlite3_bind_int(stmt, 2, d->essay == STORE_ESSAY_DAYS ? d->essay_days : 7);
	sqlite3_bind_text(stmt, 3, d->essay == STORE_ESSAY_NONE ? "none" :
	    d->essay == STORE_ESSAY_DATE ? "date" : "days", -1, SQLITE_STATIC);
	if (d->essay == STORE_ESSAY_DATE)
		store_bind_opt(stmt, 4, d->essay_due);
	rc = store_step_done(db, stmt, "lưu quy định thu hoạch");
	sqlite3_finalize(stmt);
	return rc;
}

/*
 * A resolution's number in line ("Nghị quyết số 18-NQ/TW, ngày …":
 * "18-NQ/TW"), newly allocated, or NULL.
 */
static char *
store_resolution_code(const char *line)
{
	const char *nq = strstr(line, "-NQ/"), *start, *end;

	if (nq == NULL)
		return NULL;
	for (start = nq; start > line && isdigit((unsigned char)start[-1]); start--)
		;
	end = nq + strlen("-NQ/");
	end += strcspn(end, " ,;.)");
	return start < nq ? xstrndup(start, (size_t)(end - start)) : NULL;
}

/*
 * The resolution line names: the one whose folded title is the line's,
 * else (for a line that is only a number, "18-NQ/TW") the latest with
 * that number; 0 if none. A number alone names a title elsewhere only
 * when typed alone: numbers start again each term.
 */
static int64_t
store_resolution_find(struct db *db, const char *line)
{
	char *fold = text_fold(line);
	sqlite3_stmt *stmt = db_prepare(db, "SELECT id, title, code FROM"
	    " resolution ORDER BY coalesce(issued_on, '') DESC");
	int64_t by_title = 0, by_code = 0;

	while (stmt != NULL && by_title == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
		char *f = text_fold((const char *)sqlite3_column_text(stmt, 1));
		const char *code = (const char *)sqlite3_column_text(stmt, 2);

		if (strcmp(f, fold) == 0)
			by_title = sqlite3_column_int64(stmt, 0);
		else if (by_code == 0 && *code != '\0' && strcasecmp(code, line) == 0)
			by_code = sqlite3_column_int64(stmt, 0);
		free(f);
	}
	sqlite3_finalize(stmt);
	free(fold);
	return by_title != 0 ? by_title : by_code;
}

/* The resolution line names, added when none is known; its id or -1. */
static int64_t
store_resolution_get_or_add(struct db *db, const char *line)
{
	int64_t id = store_resolution_find(db, line);
	char *code;
	sqlite3_stmt *stmt;
	int rc;

	if (id != 0)
		return id;
	if ((stmt = db_prepare(db, "INSERT INTO resolution(id, code, title)"
	    " VALUES (?1, ?2, ?3)")) == NULL)
		return -1;
	id = db_new_id();
	code = store_resolution_code(line);
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, code != NULL ? code : "", -1, SQLITE_STATIC);
	store_bind_nfc(stmt, 3, line);
	rc = store_step_done(db, stmt, "lưu nghị quyết");
	sqlite3_finalize(stmt);
	free(code);
	return rc == 0 ? id : -1;
}

/* 1 if id is among the n of ids. */
static int
store_ids_have(const int64_t *ids, size_t n, int64_t id)
{
	while (n-- > 0)
		if (ids[n] == id)
			return 1;
	return 0;
}

/* Unlinks from d every resolution not among the n of keep; 0 or -1. */
static int
store_document_unlink(struct db *db, int64_t document_id, const int64_t *keep,
    size_t n)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT resolution_id FROM"
	    " document_resolution WHERE document_id = ?1");
	int64_t *drop = NULL;
	size_t ndrop = 0, i;
	int rc = 0;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, document_id);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		if (!store_ids_have(keep, n, sqlite3_column_int64(stmt, 0))) {
			drop = xrealloc(drop, (ndrop + 1) * sizeof *drop);
			drop[ndrop++] = sqlite3_column_int64(stmt, 0);
		}
	sqlite3_finalize(stmt);
	for (i = 0; i < ndrop && rc == 0; i++)
		if (store_write_ids(db, "bỏ nghị quyết khỏi kế hoạch", "DELETE FROM"
		    " document_resolution WHERE document_id = ?1 AND"
		    " resolution_id = ?2", 2, document_id, drop[i]) < 0)
			rc = -1;
	free(drop);
	return rc;
}

/*
 * Links d to the resolutions of d->resolutions (one a line) and unlinks
 * the others, inside the caller's transaction; 0 or -1.
 */
static int
store_document_resolutions(struct db *db, const struct store_document *d)
{
	char *lines, *line, *save = NULL;
	int64_t *keep = NULL;
	size_t nkeep = 0;
	int rc = 0;

	if (d->resolutions == NULL)
		return 0;
	lines = xstrdup(d->resolutions);
	for (line = strtok_r(lines, "\n", &save); line != NULL && rc == 0;
	    line = strtok_r(NULL, "\n", &save)) {
		size_t len;
		int64_t id;

		line += strspn(line, " \t");
		for (len = strlen(line); len > 0 && strchr(" \t\r", line[len - 1]);)
			line[--len] = '\0';
		if (*line == '\0')
			continue;
		if ((id = store_resolution_get_or_add(db, line)) < 0 ||
		    store_write_ids(db, "gắn nghị quyết vào kế hoạch", "INSERT INTO"
		    " document_resolution(id, document_id, resolution_id)"
		    " SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM"
		    " document_resolution WHERE document_id = ?2 AND"
		    " resolution_id = ?3)", 3, db_new_id(), d->id, id) < 0)
			rc = -1;
		keep = xrealloc(keep, (nkeep + 1) * sizeof *keep);
		keep[nkeep++] = id;
	}
	free(lines);
	if (rc == 0)
		rc = store_document_unlink(db, d->id, keep, nkeep);
	free(keep);
	return rc;
}

/*
 * Writes d's own exemption rules (d->exemptions, "status=0|1" a line)
 * inside the caller's transaction, touching only what changed (each row
 * changed is sent to the province); the statuses not listed lose their
 * override and follow the plan above. 0 or -1.
 */
static int
store_document_exemptions(struct db *db, const struct store_document *d)
{
	sqlite3_stmt *stmt;
	char *lines, *line, *save = NULL, *listed;
	int rc = 0;

	if (d->exemptions == NULL)
		return 0;
	lines = xstrdup(d->exemptions);
	for (line = strtok_r(lines, "\n", &save); line != NULL && rc == 0;
	    line = strtok_r(NULL, "\n", &save)) {
		char *eq = strchr(line, '=');

		if (eq == NULL || (eq[1] != '0' && eq[1] != '1'))
			continue;
		*eq = '\0';
		if ((stmt = db_prepare(db, "INSERT INTO exemption_rule(id,"
		    " document_id, status, must_write) VALUES (?1, ?2, ?3, ?4)"
		    " ON CONFLICT(document_id, status) WHERE document_id IS NOT"
		    " NULL DO UPDATE SET must_write = excluded.must_write"
		    " WHERE must_write <> excluded.must_write")) == NULL) {
			rc = -1;
			break;
		}
		sqlite3_bind_int64(stmt, 1, db_new_id());
		sqlite3_bind_int64(stmt, 2, d->id);
		sqlite3_bind_text(stmt, 3, line, -1, SQLITE_STATIC);
		sqlite3_bind_int(stmt, 4, eq[1] - '0');
		rc = store_step_done(db, stmt, "lưu quy định miễn viết");
		sqlite3_finalize(stmt);
	}
	free(lines);
	if (rc != 0 || (stmt = db_prepare(db, "DELETE FROM exemption_rule"
	    " WHERE document_id = ?1 AND instr(?2, char(10) || status || '=')"
	    " = 0")) == NULL)
		return -1;
	listed = xasprintf("\n%s", d->exemptions);
	sqlite3_bind_int64(stmt, 1, d->id);
	sqlite3_bind_text(stmt, 2, listed, -1, free);
	rc = store_step_done(db, stmt, "lưu quy định miễn viết");
	sqlite3_finalize(stmt);
	return rc;
}

int
store_document_save(struct db *db, struct store_document *d)
{
	sqlite3_stmt *stmt;
	int rc;

	if (d->id == 0)
		d->id = db_new_id();
	if (db_begin(db) != 0)
		return -1;
	stmt = db_prepare(db, "INSERT INTO document(id, owner_unit_id, number,"
	    " kind, issuer, place, issued_on, title, parent_id, parents_text,"
	    " action_due_text, action_due) VALUES (?1, ?2,"
	    " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT(id) DO"
	    " UPDATE SET number = excluded.number, kind = excluded.kind,"
	    " issuer = excluded.issuer, place = excluded.place,"
	    " issued_on = excluded.issued_on, title = excluded.title,"
	    " parent_id = excluded.parent_id,"
	    " parents_text = excluded.parents_text,"
	    " action_due_text = excluded.action_due_text,"
	    " action_due = excluded.action_due");
	if (stmt == NULL) {
		db_rollback(db);
		return -1;
	}
	sqlite3_bind_int64(stmt, 1, d->id);
	sqlite3_bind_int64(stmt, 2, d->owner_unit_id);
	store_bind_nfc(stmt, 3, d->number);
	sqlite3_bind_text(stmt, 4, d->kind, -1, SQLITE_STATIC);
	store_bind_nfc(stmt, 5, d->issuer);
	store_bind_nfc(stmt, 6, d->place);
	sqlite3_bind_text(stmt, 7, d->issued_on, -1, SQLITE_STATIC);
	store_bind_nfc(stmt, 8, d->title);
	if (d->parent_id != 0 && d->parent_id != d->id)
		sqlite3_bind_int64(stmt, 9, d->parent_id);
	store_bind_nfc(stmt, 10, d->parents_text);
	store_bind_nfc(stmt, 11, d->action_due_text);
	store_bind_opt(stmt, 12, d->action_due);
	rc = store_step_done(db, stmt, "lưu văn bản");
	sqlite3_finalize(stmt);
	if (rc != 0 || store_document_essay_rule(db, d) != 0 ||
	    store_document_resolutions(db, d) != 0 ||
	    store_document_exemptions(db, d) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

int
store_document_number_used(struct db *db, int64_t owner, const char *number,
    int64_t id)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT count(*) FROM document"
	    " WHERE owner_unit_id = ?1 AND number = ?2 AND id <> ?3");
	int used = 0;

	if (stmt == NULL)
		return 0;
	sqlite3_bind_int64(stmt, 1, owner);
	store_bind_nfc(stmt, 2, number);
	sqlite3_bind_int64(stmt, 3, id);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		used = sqlite3_column_int(stmt, 0) > 0;
	sqlite3_finalize(stmt);
	return used;
}

size_t
store_doc_kinds(struct db *db, struct store_choice **out)
{
	return store_choices(db, "SELECT code, code || ' - ' || name FROM"
	    " doc_kind ORDER BY code = 'KH' DESC, code", out);
}

size_t
store_document_choices(struct db *db, struct store_choice **out)
{
	return store_choices(db, "SELECT id, number || ' ' || title FROM"
	    " document ORDER BY issued_on DESC, id", out);
}

size_t
store_unit_kinds(struct db *db, struct store_choice **out)
{
	/* A kind's depth is how far its units are from the root. */
	return store_choices(db, "WITH RECURSIVE t(id, depth) AS (SELECT id, 0"
	    " FROM unit WHERE parent_id IS NULL UNION ALL SELECT u.id,"
	    " t.depth + 1 FROM unit u JOIN t ON u.parent_id = t.id)"
	    " SELECT k.code, k.name FROM unit_kind k ORDER BY coalesce((SELECT"
	    " min(t.depth) FROM t JOIN unit u ON u.id = t.id WHERE u.kind ="
	    " k.code), 99), k.is_cell, k.code", out);
}

int
store_plan_info_get(struct db *db, int64_t id, int64_t unit, const char *today,
    struct store_plan_info *info)
{
	sqlite3_stmt *stmt = db_prepare(db, STORE_SCOPE_CTE "SELECT"
	    " coalesce((SELECT p.number"
	    " FROM document p WHERE p.id = d.parent_id), ''), (SELECT count(*)"
	    " FROM document c WHERE c.parent_id = d.id), coalesce((SELECT"
	    " CASE r.kind WHEN 'none' THEN -2 WHEN 'date' THEN -3 ELSE"
	    " r.due_days END FROM essay_rule r WHERE r.document_id = d.id), -1),"
	    " coalesce((SELECT r.due_on FROM essay_rule r WHERE"
	    " r.document_id = d.id), ''),"
	    " coalesce(" STORE_UNIT_DUE("report_deadline", "due_on", "d.id")
	    ", ''), d.issued_on, coalesce(" STORE_UNIT_DUE("plan_item_due",
	    "due", "d.id") ", '') FROM document d WHERE d.id = ?3");
	int rc = -1;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, unit);
	sqlite3_bind_text(stmt, 2, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 3, id);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		info->parent = store_col(stmt, 0);
		info->children = sqlite3_column_int(stmt, 1);
		info->essay_days = sqlite3_column_int(stmt, 2);
		info->essay_due = store_col(stmt, 3);
		info->report_due = store_col(stmt, 4);
		info->issued_on = store_col(stmt, 5);
		info->unit_due = store_col(stmt, 6);
		rc = 0;
	}
	sqlite3_finalize(stmt);
	return rc;
}

void
store_plan_info_clear(struct store_plan_info *info)
{
	x_free(&info->parent);
	x_free(&info->report_due);
	x_free(&info->essay_due);
	x_free(&info->issued_on);
	x_free(&info->unit_due);
}

/* The lines of s that hold more than spaces: the bridge points named. */
static int
store_lines(const char *s)
{
	int n = 0, blank = 1;

	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '\n') {
			n += !blank;
			blank = 1;
		} else if (*s != ' ' && *s != '\t' && *s != '\r')
			blank = 0;
	}
	return n + !blank;
}

int
store_plan_session_save(struct db *db, int64_t document_id,
    struct store_plan_session *p)
{
	sqlite3_stmt *stmt;
	int rc, is_new = p->id == 0;

	if (is_new)
		p->id = db_new_id();
	if (db_begin(db) != 0)
		return -1;
	/* A new item is numbered after its level's last; an edit keeps its number. */
	stmt = db_prepare(db, is_new ? "INSERT INTO plan_session(id,"
	    " document_id, level, ordinal, title, form, half_days, deadline,"
	    " deadline_text, also_levels, audience, materials, material_ratio,"
	    " presenter, length_text, start_time, bridge_names, bridge_points)"
	    " SELECT ?1, ?2, ?3, coalesce(max(ordinal), 0) + 1,"
	    " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17"
	    " FROM plan_session WHERE document_id = ?2 AND"
	    " level = ?3" : "UPDATE plan_session SET level = ?3, title = ?4,"
	    " form = ?5, half_days = ?6, deadline = ?7, deadline_text = ?8,"
	    " also_levels = ?9, audience = ?10, materials = ?11,"
	    " material_ratio = ?12, presenter = ?13, length_text = ?14,"
	    " start_time = ?15, bridge_names = ?16, bridge_points = ?17"
	    " WHERE id = ?1 AND document_id = ?2");
	if (stmt == NULL) {
		db_rollback(db);
		return -1;
	}
	sqlite3_bind_int64(stmt, 1, p->id);
	sqlite3_bind_int64(stmt, 2, document_id);
	sqlite3_bind_text(stmt, 3, p->level, -1, SQLITE_STATIC);
	store_bind_nfc(stmt, 4, p->title);
	sqlite3_bind_text(stmt, 5, p->form, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 6, p->half_days);
	store_bind_opt(stmt, 7, p->deadline);
	store_bind_nfc(stmt, 8, p->deadline_text);
	store_bind_nfc(stmt, 9, p->also_levels);
	store_bind_nfc(stmt, 10, p->audience);
	store_bind_nfc(stmt, 11, p->materials);
	store_bind_nfc(stmt, 12, p->material_ratio);
	store_bind_nfc(stmt, 13, p->presenter);
	store_bind_nfc(stmt, 14, p->length_text);
	store_bind_nfc(stmt, 15, p->start_time);
	store_bind_nfc(stmt, 16, p->bridge_names);
	sqlite3_bind_int(stmt, 17, store_lines(p->bridge_names));
	rc = store_step_done(db, stmt, "lưu mục buổi học của kế hoạch");
	sqlite3_finalize(stmt);
	if (rc != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

int
store_plan_session_uses(struct db *db, int64_t id)
{
	return (int)db_int(db, 0, "SELECT count(*) FROM session WHERE"
	    " plan_session_id = ?1", 1, id);
}

static int
store_plan_session_delete_tx(struct db *db, void *ctx)
{
	int64_t id = *(int64_t *)ctx;

	/* The sessions held stay: they no longer follow an item. */
	if (store_write_ids(db, "xóa mục kế hoạch", "UPDATE session SET"
	    " plan_session_id = NULL WHERE plan_session_id = ?1", 1, id) < 0)
		return -1;
	if (store_write_ids(db, "xóa mục kế hoạch", "DELETE FROM plan_session"
	    " WHERE id = ?1", 1, id) != 1) {
		db_set_message(db, "Không tìm thấy mục này của kế hoạch");
		return -1;
	}
	return 0;
}

int
store_plan_session_delete(struct db *db, int64_t id)
{
	return store_in_tx(db, store_plan_session_delete_tx, &id);
}

int
store_document_is_ours(struct db *db, int64_t id, int64_t home)
{
	return db_int(db, 0, STORE_SCOPE_CTE "SELECT count(*) FROM document"
	    " WHERE id = ?2 AND owner_unit_id IN (SELECT id FROM scope)", 2,
	    home, id) > 0;
}

char *
store_document_delete_refusal(struct db *db, int64_t id)
{
	int64_t children = db_int(db, 0, "SELECT count(*) FROM document"
	    " WHERE parent_id = ?1", 1, id);
	int64_t records = db_int(db, 0, "SELECT (SELECT count(*) FROM session"
	    " WHERE document_id = ?1) + (SELECT count(*) FROM essay WHERE"
	    " document_id = ?1) + (SELECT count(*) FROM tally_report WHERE"
	    " document_id = ?1) + (SELECT count(*) FROM action_item WHERE"
	    " document_id = ?1)", 1, id);

	if (children > 0)
		return xasprintf("Có %lld văn bản khác thực hiện văn bản này: "
		    "sửa, xóa chúng trước", (long long)children);
	if (records > 0)
		return xasprintf("Đã có %lld buổi học, thu hoạch, báo cáo theo "
		    "văn bản này: không xóa được", (long long)records);
	return NULL;
}

int
store_document_delete(struct db *db, int64_t id)
{
	/* Its items, rules and deadlines go too (ON DELETE CASCADE); the
	 * sync triggers queue each of them as deleted. */
	return store_delete_checked(db, id, store_document_delete_refusal,
	    "DELETE FROM document WHERE id = ?1", "Không tìm thấy văn bản này");
}
