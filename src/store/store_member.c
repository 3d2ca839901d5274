/*
 * store_member.c - members: keyset pages, search by folded name, writes.
 *
 * Members are listed in Vietnamese order (text_name_sort): paging walks
 * the index (unit_id, name_sort, id) for one cell and (name_sort, id) for
 * a whole commune, so the next page is an index seek whatever the size
 * of the table. Search is a substring of the folded name ("an" finds
 * "Nguyễn Văn An"), checked while walking that index in order: a page of
 * matches costs a scan only as far as the matches go.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "store/store.h"
#include "store/store_int.h"
#include "text/text.h"
#include "xmalloc.h"

/*
 * Parameters: ?2 unit, ?3 search (folded), ?4 sort key, ?5 id,
 * ?6 limit, ?7 the search's rarest trigram.
 *
 * Without a search, or with one many members match, SQLite walks
 * (name_sort, id, unit_id, name_fold) in order and stops after limit
 * rows: the unit and the pattern are checked from the index, and the
 * table read only for rows kept. The unary + on unit_id keeps it from
 * reading every unit's members and sorting them instead (80 ms at
 * 500,000). A search few members match starts from the members holding
 * its rarest trigram (CROSS JOIN fixes that order) and sorts those few.
 */
static char *
store_member_sql(const struct store_member_query *q,
    const struct store_key *key, int dir)
{
	int after = dir == STORE_AFTER,
	    search = q->search != NULL && *q->search != '\0',
	    tri = search && q->trigram[0] != '\0';

	return xasprintf("SELECT m.id, m.unit_id, m.full_name, m.name_fold,"
	    " m.position, m.status, s.name, u.name, coalesce(m.birth_year, 0),"
	    " m.name_sort FROM %s member m"
	    " JOIN member_status s ON s.code = m.status"
	    " JOIN unit u ON u.id = m.unit_id WHERE %s%s%s%s"
	    " ORDER BY m.name_sort %s, m.id %s LIMIT ?6",
	    tri ? "member_trigram t CROSS JOIN" : "",
	    tri ? "t.tri = ?7 AND m.id = t.member_id AND " : "",
	    search ? "instr(m.name_fold, ?3) > 0" : "1",
	    q->unit_id != 0 ? " AND m.unit_id = ?2" : q->scope_all ? ""
	    : " AND +m.unit_id IN temp.member_scope",
	    after ? " AND (m.name_sort, m.id) > (?4, ?5)" : key->sort == NULL ?
	    "" : " AND (m.name_sort, m.id) < (?4, ?5)",
	    after ? "" : "DESC", after ? "" : "DESC");
}

/*
 * A search whose rarest trigram at most this many members hold starts
 * from them; one matching more walks the name index, where then at
 * least one entry in 500 (at 500,000 members) matches, so a page of 20
 * is found within some 10,000 index entries. Either way a page costs a
 * few million instructions at most.
 */
#define STORE_TRIGRAM_FEW	1000

int
store_member_query_plan(struct db *db, struct store_member_query *q)
{
	char *folded;
	sqlite3_stmt *stmt;
	int rc;

	/* The only root holds every member: no unit to check. */
	q->scope_all = q->unit_id == 0 && db_int(db, 0, "SELECT (SELECT "
	    "parent_id IS NULL FROM unit WHERE id = ?1) AND (SELECT count(*) "
	    "FROM unit WHERE parent_id IS NULL) = 1", 1, q->scope_id) == 1;
	/*
	 * The subtree once per screen, not per page (2,166 units at a
	 * province). A temporary table is the connection's own: filling it
	 * locks nothing in the database, so it is no write to put in a
	 * transaction.
	 */
	if (q->unit_id == 0 && !q->scope_all && q->scope_held != q->scope_id) {
		if (db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS member_scope"
		    "(id INTEGER PRIMARY KEY)") != 0 ||
		    db_exec(db, "DELETE FROM temp.member_scope") != 0 ||
		    (stmt = db_prepare(db, STORE_SCOPE_CTE "INSERT INTO "
		    "temp.member_scope SELECT id FROM scope")) == NULL)
			return -1;
		sqlite3_bind_int64(stmt, 1, q->scope_id);
		rc = store_step_done(db, stmt, "đọc danh sách đơn vị");
		sqlite3_finalize(stmt);
		if (rc != 0)
			return -1;
		q->scope_held = q->scope_id;
	}
	/* The rarest trigram of the search, and how many hold it (capped). */
	q->trigram[0] = '\0';
	if (q->search == NULL || (stmt = db_keep(db, "SELECT t FROM "
	    "(SELECT substr(?1, n, 3) AS t FROM trigram_position WHERE n <= "
	    "length(?1) - 2) WHERE (SELECT count(*) FROM (SELECT 1 FROM "
	    "member_trigram WHERE tri = t LIMIT ?2)) <= ?3 LIMIT 1")) == NULL)
		return q->search == NULL ? 0 : -1;
	folded = text_fold(q->search);
	sqlite3_bind_text(stmt, 1, folded, -1, free);
	sqlite3_bind_int(stmt, 2, STORE_TRIGRAM_FEW + 1);
	sqlite3_bind_int(stmt, 3, STORE_TRIGRAM_FEW);
	if (sqlite3_step(stmt) == SQLITE_ROW &&
	    sqlite3_column_bytes(stmt, 0) < (int)sizeof q->trigram)
		memcpy(q->trigram, sqlite3_column_text(stmt, 0),
		    (size_t)sqlite3_column_bytes(stmt, 0) + 1);
	db_release(db, stmt);
	return 0;
}

static void
store_member_fill(sqlite3_stmt *stmt, void *row, const void *unused)
{
	struct store_member *m = row;

	m->id = sqlite3_column_int64(stmt, 0);
	m->unit_id = sqlite3_column_int64(stmt, 1);
	m->full_name = store_col(stmt, 2);
	m->name_fold = store_col(stmt, 3);
	m->position = store_col(stmt, 4);
	m->status = store_col(stmt, 5);
	m->status_name = store_col(stmt, 6);
	m->unit_name = store_col(stmt, 7);
	m->birth_year = sqlite3_column_int(stmt, 8);
	m->name_sort = store_col(stmt, 9);
}

static void
store_member_clear_row(void *row)
{
	store_member_clear(row);
}

int
store_members_page(struct db *db, const struct store_member_query *q,
    const struct store_key *key, int dir, int limit,
    struct store_member **out)
{
	char *sql = store_member_sql(q, key, dir);
	/* Kept: a page of the member list is a few rows, parsing it is not. */
	sqlite3_stmt *stmt = db_keep(db, sql);
	void *rows;
	int n;

	free(sql);
	*out = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 2, q->unit_id);
	if (q->search != NULL && *q->search != '\0') {
		/* instr, not LIKE: SQLite prepares a LIKE again whenever
		 * its pattern is bound, on every page (200,000 instructions). */
		sqlite3_bind_text(stmt, 3, text_fold(q->search), -1, free);
	}
	/*
	 * The first page runs the statement of the next ones, after the
	 * lowest key (every name_sort is a text, never NULL): one statement
	 * to prepare for paging down, not two.
	 */
	sqlite3_bind_text(stmt, 4, key->sort != NULL ? key->sort : "", -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 5, key->sort != NULL ? key->id : INT64_MIN);
	sqlite3_bind_int(stmt, 6, limit);
	sqlite3_bind_text(stmt, 7, q->trigram, -1, SQLITE_STATIC);
	n = store_page_collect(db, stmt, sizeof(struct store_member),
	    store_member_fill, NULL, store_member_clear_row, dir,
	    "đọc danh sách đảng viên", &rows);
	*out = rows;
	return n;
}

void
store_member_clear(struct store_member *m)
{
	x_free(&m->full_name);
	x_free(&m->name_fold);
	x_free(&m->name_sort);
	x_free(&m->position);
	x_free(&m->status);
	x_free(&m->status_name);
	x_free(&m->unit_name);
}

void
store_members_free(struct store_member **rows, size_t n)
{
	size_t i;

	if (*rows == NULL)
		return;
	for (i = 0; i < n; i++)
		store_member_clear(&(*rows)[i]);
	x_free(rows);
}

int
store_member_get(struct db *db, int64_t id, struct store_member *m)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT m.id, m.unit_id, "
	    "m.full_name, m.name_fold, m.position, m.status, s.name, u.name, "
	    "coalesce(m.birth_year, 0), m.name_sort FROM member m "
	    "JOIN member_status s ON s.code = m.status "
	    "JOIN unit u ON u.id = m.unit_id WHERE m.id = ?1");
	int rc = -1;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		store_member_fill(stmt, m, NULL);
		rc = 0;
	}
	sqlite3_finalize(stmt);
	return rc;
}

const char *
store_member_year(const char *text, int *year)
{
	char *end;
	long y;

	*year = 0;
	if (text == NULL || *text == '\0')
		return NULL;
	y = strtol(text, &end, 10);
	if (*end != '\0' || y < 1900 || y > 2100)
		return "Năm sinh phải là một năm từ 1900 đến 2100, hoặc để trống";
	*year = (int)y;
	return NULL;
}

const char *
store_member_check(struct db *db, const struct store_member *m,
    enum store_member_field *field)
{
	const char *why;

	*field = STORE_MEMBER_NAME;
	if ((why = text_check_name(m->full_name, 120)) != NULL)
		return why;
	*field = STORE_MEMBER_POSITION;
	if (m->position != NULL && *m->position != '\0' &&
	    (why = text_check_name(m->position, 100)) != NULL)
		return why;
	*field = STORE_MEMBER_UNIT;
	if (db_int(db, 0, "SELECT k.is_cell FROM unit u JOIN unit_kind k ON"
	    " k.code = u.kind WHERE u.id = ?1", 1, m->unit_id) != 1)
		return "Đảng viên phải thuộc một chi bộ: hãy chọn chi bộ";
	return NULL;
}

int
store_member_save(struct db *db, struct store_member *m)
{
	enum store_member_field field;
	const char *why;
	char *name;
	sqlite3_stmt *stmt;
	int rc;

	if ((why = store_member_check(db, m, &field)) != NULL) {
		db_set_message(db, why);
		return -1;
	}
	if (m->id == 0)
		m->id = db_new_id();
	if (db_begin(db) != 0)
		return -1;
	/* hlc is left to the sync triggers (data/schema/002_sync.sql). */
	stmt = db_prepare(db, "INSERT INTO member(id, unit_id, full_name, "
	    "name_fold, name_sort, position, status, birth_year) VALUES (?1, "
	    "?2, ?3, qt_fold(?3), qt_name_sort(?3), ?4, ?5, ?6) ON CONFLICT(id) "
	    "DO UPDATE SET unit_id = excluded.unit_id, full_name = "
	    "excluded.full_name, name_fold = excluded.name_fold, name_sort = "
	    "excluded.name_sort, position = "
	    "excluded.position, status = excluded.status, birth_year = "
	    "excluded.birth_year");
	if (stmt == NULL) {
		db_rollback(db);
		return -1;
	}
	name = text_nfc(m->full_name);
	sqlite3_bind_int64(stmt, 1, m->id);
	sqlite3_bind_int64(stmt, 2, m->unit_id);
	sqlite3_bind_text(stmt, 3, name, -1, free);
	sqlite3_bind_text(stmt, 4, m->position, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, m->status, -1, SQLITE_STATIC);
	if (m->birth_year > 0)
		sqlite3_bind_int(stmt, 6, m->birth_year);
	rc = store_step_done(db, stmt, "lưu đảng viên");
	sqlite3_finalize(stmt);
	if (rc != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

char *
store_member_delete_refusal(struct db *db, int64_t id)
{
	int64_t marks = db_int(db, 0, "SELECT count(*) FROM attendance WHERE"
	    " member_id = ?1", 1, id);
	int64_t essays = db_int(db, 0, "SELECT count(*) FROM essay WHERE"
	    " member_id = ?1", 1, id);

	if (marks == 0 && essays == 0)
		return NULL;
	return xasprintf("Đã có %lld điểm danh, %lld thu hoạch: không xóa "
	    "được; hãy đổi tình trạng (e)", (long long)marks,
	    (long long)essays);
}

int
store_member_delete(struct db *db, int64_t id)
{
	return store_delete_checked(db, id, store_member_delete_refusal,
	    "DELETE FROM member WHERE id = ?1", "Không tìm thấy đảng viên này");
}

size_t
store_member_statuses(struct db *db, struct store_choice **out)
{
	return store_choices(db,
	    "SELECT code, name FROM member_status ORDER BY sort, code", out);
}

size_t
store_party_statuses(struct db *db, struct store_choice **out)
{
	return store_choices(db, "SELECT code, name FROM member_status"
	    " WHERE is_party_member = 1 ORDER BY sort, code", out);
}

void
store_choices_free(struct store_choice **c, size_t n)
{
	size_t i;

	if (*c == NULL)
		return;
	for (i = 0; i < n; i++) {
		free((*c)[i].code);
		free((*c)[i].name);
	}
	x_free(c);
}
