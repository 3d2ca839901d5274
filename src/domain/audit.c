/*
 * audit.c - the audit trail in words.
 *
 * The trail stores a table, a row id and the changed columns as JSON
 * (data/schema/013_audit.sql); here they become the record's kind, its
 * name and one line a column, with each column's label.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/audit.h"
#include "xmalloc.h"

/* Each synced table in words, and how to name one of its rows (?1). */
static const struct audit_table {
	const char	*table;
	const char	*words;
	const char	*name_sql;
} audit_tables[] = {
	{ "unit", "Đơn vị", "SELECT name FROM unit WHERE id = ?1" },
	{ "resolution", "Nghị quyết", "SELECT title FROM resolution WHERE id = ?1" },
	{ "document", "Văn bản", "SELECT number FROM document WHERE id = ?1" },
	{ "plan_session", "Buổi học (kế hoạch)",
	  "SELECT title FROM plan_session WHERE id = ?1" },
	{ "essay_rule", "Quy định thu hoạch",
	  "SELECT number FROM document WHERE id = ?1" },
	{ "document_resolution", "Nghị quyết của kế hoạch",
	  "SELECT d.number FROM document_resolution r JOIN document d "
	  "ON d.id = r.document_id WHERE r.id = ?1" },
	{ "exemption_rule", "Quy định miễn viết",
	  "SELECT d.number FROM exemption_rule r JOIN document d "
	  "ON d.id = r.document_id WHERE r.id = ?1" },
	{ "report_deadline", "Hạn báo cáo",
	  "SELECT description FROM report_deadline WHERE id = ?1" },
	{ "member", "Đảng viên", "SELECT full_name FROM member WHERE id = ?1" },
	{ "session", "Buổi học", "SELECT title FROM session WHERE id = ?1" },
	{ "attendance", "Điểm danh", "SELECT m.full_name FROM attendance a "
	  "JOIN member m ON m.id = a.member_id WHERE a.id = ?1" },
	{ "essay", "Bài thu hoạch", "SELECT m.full_name FROM essay e "
	  "JOIN member m ON m.id = e.member_id WHERE e.id = ?1" },
	{ "tally_report", "Báo cáo tổng hợp", "SELECT u.name FROM tally_report r "
	  "JOIN unit u ON u.id = r.unit_id WHERE r.id = ?1" },
	{ "tally_event", "Lịch sử báo cáo",
	  "SELECT action FROM tally_event WHERE id = ?1" },
	{ "action_item", "Chương trình hành động",
	  "SELECT task FROM action_item WHERE id = ?1" },
	/* Its own rows, as the sync screens name them. */
	{ "audit", "Nhật ký thay đổi", "SELECT NULL" },
};
#define AUDIT_NTABLES	(sizeof audit_tables / sizeof audit_tables[0])

/* Each column in words; a column of the same name means the same. */
static const struct {
	const char	*column;
	const char	*words;
} audit_columns[] = {
	{ "parent_id", "Cấp trên" }, { "kind", "Loại" }, { "code", "Mã" },
	{ "name", "Tên" }, { "secretary", "Bí thư" }, { "title", "Tiêu đề" },
	{ "issued_on", "Ngày ban hành" }, { "owner_unit_id", "Đơn vị sở hữu" },
	{ "number", "Số" }, { "issuer", "Cơ quan ban hành" },
	{ "place", "Địa điểm" }, { "purpose", "Mục đích" },
	{ "document_id", "Văn bản" }, { "level", "Cấp" },
	{ "ordinal", "Thứ tự" }, { "audience", "Thành phần" },
	{ "content", "Nội dung" }, { "materials", "Tài liệu" },
	{ "presenter", "Báo cáo viên" }, { "form", "Hình thức" },
	{ "bridge_points", "Số điểm cầu" }, { "bridge_point", "Điểm cầu" },
	{ "half_days", "Số buổi" }, { "deadline", "Hạn hoàn thành" },
	{ "deadline_text", "Hạn (theo kế hoạch)" }, { "due_days", "Số ngày nộp" },
	{ "grader", "Người chấm" }, { "resolution_id", "Nghị quyết" },
	{ "status", "Tình trạng" }, { "must_write", "Phải viết" },
	{ "reason", "Lý do" }, { "round", "Đợt" }, { "due_on", "Hạn" },
	{ "description", "Mô tả" }, { "unit_id", "Đơn vị" },
	{ "full_name", "Họ và tên" }, { "position", "Chức vụ" },
	{ "birth_year", "Năm sinh" }, { "plan_session_id", "Buổi học kế hoạch" },
	{ "held_on", "Ngày học" }, { "makeup_of", "Học bù cho" },
	{ "session_id", "Buổi học" }, { "member_id", "Đảng viên" },
	{ "submitted_on", "Ngày nộp" }, { "grade", "Xếp loại" },
	{ "awareness", "Nhận thức" }, { "duties", "Liên hệ bản thân" },
	{ "proposals", "Đề xuất" }, { "assessment", "Đánh giá" },
	{ "signer", "Người ký" }, { "finalized_on", "Ngày chốt" },
	{ "total_members", "Tổng số đảng viên" }, { "participated", "Số tham gia" },
	{ "wrote", "Số đã viết" }, { "exempt", "Số miễn viết" },
	{ "report_id", "Báo cáo" }, { "at", "Lúc" }, { "action", "Việc" },
	{ "who", "Người làm" }, { "task", "Nhiệm vụ" },
	{ "person", "Người thực hiện" }, { "schedule", "Tiến độ" },
	{ "result", "Kết quả" }, { "responsibility", "Trách nhiệm" },
	{ "reviewed_on", "Ngày rà soát" }, { "reasons", "Lý do miễn viết" },
	{ "missing", "Số chưa viết" }, { "late", "Số nộp muộn" },
	{ "guests_present", "Số quần chúng dự" }, { "cutoff", "Tính đến ngày" },
	{ "also_levels", "Cấp áp dụng thêm" },
	{ "material_ratio", "Định mức tài liệu" },
	{ "length_text", "Thời lượng (theo kế hoạch)" },
	{ "start_time", "Giờ bắt đầu" }, { "bridge_names", "Tên điểm cầu" },
	{ "parents_text", "Căn cứ, thực hiện" },
	{ "action_due", "Hạn lập CT hành động" },
	{ "action_due_text", "Hạn CT hành động (theo kế hoạch)" },
	{ "recipient", "Nơi nhận báo cáo" }, { "due_text", "Hạn (theo kế hoạch)" },
};

static const struct audit_table *
audit_table_find(const char *table)
{
	size_t i;

	for (i = 0; i < AUDIT_NTABLES; i++)
		if (strcmp(audit_tables[i].table, table) == 0)
			return &audit_tables[i];
	return NULL;
}

int
audit_table_index(const char *table)
{
	const struct audit_table *t = audit_table_find(table);

	return t != NULL ? (int)(t - audit_tables) : -1;
}

const char *
audit_table_at(int i)
{
	return i >= 0 && (size_t)i < AUDIT_NTABLES ? audit_tables[i].table : NULL;
}

const char *
audit_table_name(const char *table)
{
	const struct audit_table *t = audit_table_find(table);

	return t != NULL ? t->words : table;
}

const char *
audit_column_name(const char *column)
{
	size_t i;

	for (i = 0; i < sizeof audit_columns / sizeof audit_columns[0]; i++)
		if (strcmp(audit_columns[i].column, column) == 0)
			return audit_columns[i].words;
	return column;
}

static const char *
audit_op_name(const char *op)
{
	if (strcmp(op, "insert") == 0)
		return "thêm";
	if (strcmp(op, "update") == 0)
		return "sửa";
	return "xóa";
}

/* The text built in s as a string of ours (malloc), s released. */
static char *
audit_str_take(sqlite3_str *s)
{
	char *text = sqlite3_str_finish(s);
	char *out = xstrdup(text != NULL ? text : "");

	sqlite3_free(text);
	return out;
}

/* A column of a row, as stored or read back from a JSON array's item. */
static const char *
audit_value(sqlite3_stmt *stmt, int col)
{
	const char *v = (const char *)sqlite3_column_text(stmt, col);

	return v != NULL ? v : "(trống)";
}

/* changes (JSON) as one line a column; a new string, "" for none. */
static char *
audit_lines(struct db *db, const char *op, const char *changes)
{
	sqlite3_stmt *stmt;
	sqlite3_str *s;
	int del = strcmp(op, "delete") == 0;

	if (*changes == '\0')
		return xstrdup("");
	/* A value's own line breaks become spaces: one line a column. */
	stmt = db_prepare(db, "SELECT key, replace(replace(json_extract(value, "
	    "'$[0]'), char(13), ''), char(10), ' '), replace(replace("
	    "json_extract(value, '$[1]'), char(13), ''), char(10), ' ') "
	    "FROM json_each(?1)");
	if (stmt == NULL)
		return xstrdup("");
	s = sqlite3_str_new(db_handle(db));
	sqlite3_bind_text(stmt, 1, changes, -1, SQLITE_STATIC);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		if (sqlite3_str_length(s) > 0)
			sqlite3_str_appendchar(s, 1, '\n');
		sqlite3_str_appendf(s, "%s: %s",
		    audit_column_name((const char *)sqlite3_column_text(stmt, 0)),
		    audit_value(stmt, 1));
		if (!del)
			sqlite3_str_appendf(s, " -> %s", audit_value(stmt, 2));
	}
	sqlite3_finalize(stmt);
	return audit_str_take(s);
}

/*
 * The record's name: as it is now, or for a record since deleted, the
 * name its deletion recorded.
 */
static char *
audit_name(struct db *db, const char *table, int64_t row_id,
    const char *changes)
{
	const struct audit_table *t = audit_table_find(table);
	sqlite3_stmt *stmt;
	char *name = NULL;

	if (t != NULL && (stmt = db_prepare(db, t->name_sql)) != NULL) {
		sqlite3_bind_int64(stmt, 1, row_id);
		if (sqlite3_step(stmt) == SQLITE_ROW &&
		    sqlite3_column_text(stmt, 0) != NULL)
			name = xstrdup((const char *)sqlite3_column_text(stmt, 0));
		sqlite3_finalize(stmt);
	}
	if (name != NULL || *changes == '\0' ||
	    (stmt = db_prepare(db, "SELECT coalesce(json_extract(?1, "
	    "'$.full_name[0]'), json_extract(?1, '$.name[0]'), "
	    "json_extract(?1, '$.number[0]'), json_extract(?1, "
	    "'$.title[0]'))")) == NULL)
		return name != NULL ? name : xstrdup("");
	sqlite3_bind_text(stmt, 1, changes, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != NULL)
		name = xstrdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return name != NULL ? name : xstrdup("");
}

/*
 * Who, in words: the Unix user's name, the device (and its unit, on the
 * server that enrolled it) or the province's server.
 */
#define AUDIT_SQL_ACTOR \
	"CASE WHEN a.actor GLOB 'user:*' THEN substr(a.actor, 6) " \
	"WHEN a.actor GLOB 'device:*' THEN 'thiết bị số ' || substr(a.actor, 8) " \
	"  || coalesce(' (' || (SELECT u.name FROM srv_device d JOIN unit u " \
	"  ON u.id = d.unit_id WHERE d.id = CAST(substr(a.actor, 8) AS INTEGER))" \
	"  || ')', '') " \
	"WHEN a.actor = 'server' THEN 'máy chủ tỉnh (đồng bộ)' " \
	"WHEN a.actor GLOB 'uid:*' THEN 'người dùng số ' || substr(a.actor, 5) " \
	"ELSE a.actor END"

/* The query of a page: ?1 tbl ?2 row ?3 since ?4 unit ?5/?6 key ?7 limit. */
static char *
audit_page_sql(const struct audit_query *q, const struct audit_key *key,
    int dir)
{
	/* Reading backwards walks the list's order in reverse. */
	int asc = (dir > 0) != (q->newest_first != 0);

	return xasprintf("SELECT a.id, a.at, strftime('%%d/%%m/%%Y %%H:%%M:%%S', "
	    "a.at, 'localtime'), " AUDIT_SQL_ACTOR ", a.tbl, a.row_id, a.kind, "
	    "a.changes FROM audit a WHERE 1%s%s%s%s ORDER BY a.at %s, a.id %s "
	    "LIMIT ?7",
	    q->tbl != NULL ? " AND a.tbl = ?1 AND a.row_id = ?2" : "",
	    q->since != NULL ? " AND a.at >= datetime(?3, 'utc')" : "",
	    q->unit_id != 0 ? " AND a.unit_id IN (WITH RECURSIVE sub(id) AS "
	    "(SELECT ?4 UNION ALL SELECT u.id FROM unit u JOIN sub "
	    "ON u.parent_id = sub.id) SELECT id FROM sub)" : "",
	    key != NULL && key->at != NULL ? (asc ? " AND (a.at, a.id) > (?5, ?6)" :
	    " AND (a.at, a.id) < (?5, ?6)") : "",
	    asc ? "ASC" : "DESC", asc ? "ASC" : "DESC");
}

/* Reverses the n entries of e (a page read backwards). */
static void
audit_reverse(struct audit_entry *e, int n)
{
	struct audit_entry tmp;
	int i;

	for (i = 0; i < n / 2; i++) {
		tmp = e[i];
		e[i] = e[n - 1 - i];
		e[n - 1 - i] = tmp;
	}
}

int
audit_page(struct db *db, const struct audit_query *q,
    const struct audit_key *key, int dir, int limit, struct audit_entry **out)
{
	char *sql = audit_page_sql(q, key, dir);
	sqlite3_stmt *stmt = db_prepare(db, sql);
	struct audit_entry *e;
	int n = 0, rc = SQLITE_DONE;

	free(sql);
	*out = NULL;
	if (stmt == NULL)
		return -1;
	if (q->tbl != NULL) {
		sqlite3_bind_text(stmt, 1, q->tbl, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 2, q->row_id);
	}
	if (q->since != NULL)
		sqlite3_bind_text(stmt, 3, q->since, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, q->unit_id);
	if (key != NULL && key->at != NULL) {
		sqlite3_bind_text(stmt, 5, key->at, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 6, key->id);
	}
	sqlite3_bind_int(stmt, 7, limit);
	*out = xcalloc(limit > 0 ? (size_t)limit : 1, sizeof **out);
	while (n < limit && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *changes = (const char *)sqlite3_column_text(stmt, 7);
		const char *op = (const char *)sqlite3_column_text(stmt, 6);

		e = &(*out)[n++];
		e->id = sqlite3_column_int64(stmt, 0);
		e->at = xstrdup((const char *)sqlite3_column_text(stmt, 1));
		e->when = xstrdup((const char *)sqlite3_column_text(stmt, 2));
		e->actor = xstrdup((const char *)sqlite3_column_text(stmt, 3));
		e->tbl = xstrdup((const char *)sqlite3_column_text(stmt, 4));
		e->table = audit_table_name(e->tbl);
		e->row_id = sqlite3_column_int64(stmt, 5);
		e->op = audit_op_name(op);
		e->name = audit_name(db, e->tbl, e->row_id, changes);
		e->changes = audit_lines(db, op, changes);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_set_error(db, rc, "đọc nhật ký thay đổi");
		audit_entries_free(out, (size_t)n);
		return -1;
	}
	if (dir < 0)
		audit_reverse(*out, n);
	return n;
}

void
audit_entry_clear(struct audit_entry *e)
{
	free(e->at);
	free(e->when);
	free(e->actor);
	free(e->tbl);
	free(e->name);
	free(e->changes);
	memset(e, 0, sizeof *e);
}

void
audit_entries_free(struct audit_entry **entries, size_t n)
{
	size_t i;

	if (*entries == NULL)
		return;
	for (i = 0; i < n; i++)
		audit_entry_clear(&(*entries)[i]);
	free(*entries);
	*entries = NULL;
}
