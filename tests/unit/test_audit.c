/*
 * test_audit.c - the audit trail (data/schema/013_audit.sql): a write
 * through the store records who, what and the changed values only; the
 * trail refuses to be changed or deleted; a device named by sync is the
 * actor; a cascade names the owner (qt_owner); every column of every synced table
 * is in its table's triggers; domain/audit.c puts it in words.
 */
#include "config.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "domain/audit.h"
#include "store/store.h"
#include "sync/rows.h"
#include "tap.h"
#include "xmalloc.h"

#include "scratch_db.h"

static struct db *db;

/* The first column of the first row of sql, as a new string ("" none). */
static char *
text(const char *sql)
{
	sqlite3_stmt *stmt = db_prepare(db, sql);
	char *s = NULL;

	if (stmt != NULL && sqlite3_step(stmt) == SQLITE_ROW &&
	    sqlite3_column_text(stmt, 0) != NULL)
		s = xstrdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return s != NULL ? s : xstrdup("");
}

static void
is_text(const char *sql, const char *want, const char *name)
{
	char *got = text(sql);

	tap_is_str(got, want, name);
	free(got);
}

/* Every column of every synced table is named in its update trigger. */
static void
test_columns(void)
{
	const struct sync_table *t;
	int missing = 0, tables = 0;

	for (t = sync_tables; t->name != NULL; t++) {
		char *sql;
		sqlite3_stmt *stmt;

		if (strcmp(t->name, "audit") == 0)
			continue;
		tables++;
		sql = xasprintf("SELECT c.name FROM pragma_table_info('%s') c "
		    "WHERE c.name NOT IN ('hlc', 'name_fold', 'name_sort', '%s') "
		    "AND (SELECT count(*) FROM sqlite_schema s WHERE s.type = "
		    "'trigger' AND s.name IN ('audit_%s_i', 'audit_%s_d') OR "
		    "(s.name = 'audit_%s_u' AND instr(s.sql, 'OLD.' || c.name "
		    "|| ', NEW.' || c.name) > 0)) < 3", t->name, t->key, t->name,
		    t->name, t->name);
		stmt = db_prepare(db, sql);
		while (stmt != NULL && sqlite3_step(stmt) == SQLITE_ROW) {
			printf("# %s.%s is not audited (contrib/gen-audit-sql.py)\n",
			    t->name, sqlite3_column_text(stmt, 0));
			missing++;
		}
		sqlite3_finalize(stmt);
		free(sql);
	}
	tap_ok(tables == 15 && missing == 0, "every column of the %d synced "
	    "tables is in its table's audit triggers", tables);
}

/* A member added and edited through the store, as the interface does. */
static void
test_store_write(void)
{
	struct store_member m;
	struct passwd *pw = getpwuid(geteuid());
	char name[] = "Trần Thị Bé", name2[] = "Trần Thị Bé Nhỏ";
	char status[] = "active", position[] = "", *want;

	memset(&m, 0, sizeof m);
	m.unit_id = 2;
	m.full_name = name;
	m.status = status;
	m.position = position;
	m.birth_year = 1980;
	tap_is_int(store_member_save(db, &m), 0, "a member is added");
	want = xasprintf("user:%s|member|insert|2|", pw->pw_name);
	is_text("SELECT actor || '|' || tbl || '|' || kind || '|' || unit_id "
	    "|| '|' || changes FROM audit WHERE tbl = 'member'", want,
	    "its audit row names the Unix user, the table, the cell and no values");
	free(want);
	m.full_name = name2;
	m.birth_year = 0;
	tap_is_int(store_member_save(db, &m), 0, "and edited");
	is_text("SELECT changes FROM audit WHERE tbl = 'member' AND kind = "
	    "'update'", "{\"full_name\":[\"Trần Thị Bé\",\"Trần Thị Bé Nhỏ\"],"
	    "\"birth_year\":[1980,null]}",
	    "the edit records the changed columns only, old and new");
	db_exec(db, "UPDATE member SET hlc = hlc + 1");
	tap_is_int(db_int(db, -1, "SELECT count(*) FROM audit WHERE tbl = "
	    "'member'", 0), 2, "a change of the clock alone records nothing");
}

static void
test_append_only(void)
{
	tap_is_int(db_exec(db, "UPDATE audit SET actor = 'user:ai-do'"), -1,
	    "an audit row cannot be changed");
	tap_ok(strstr(db_error(db), "không được sửa") != NULL, "and says so");
	tap_is_int(db_exec(db, "DELETE FROM audit"), -1,
	    "an audit row cannot be deleted");
	tap_ok(strstr(db_error(db), "không được xóa") != NULL, "and says so");
	tap_is_int(db_exec(db, "UPDATE audit SET hlc = hlc + 1"), 0,
	    "sync may stamp its clock");
}

/* The device a push came from is the actor; a cascade names the owner. */
static void
test_device_and_cascade(void)
{
	char *was = db_set_actor(db, "device:7");
	struct audit_entry *e;
	struct audit_query q;
	int n;

	db_exec(db, "INSERT INTO document(id, owner_unit_id, number, kind, "
	    "issuer, issued_on, title) VALUES (50, 1, '1-KH/ĐU', 'KH', 'Đảng ủy', "
	    "'2026-11-01', 'Kế hoạch'); INSERT INTO plan_session(id, "
	    "document_id, level, ordinal, title) VALUES (51, 50, 'cell', 1, "
	    "'Học tập')");
	free(db_set_actor(db, was));
	free(was);
	is_text("SELECT group_concat(actor, ' ') FROM audit WHERE row_id IN "
	    "(50, 51)", "device:7 device:7", "the device is the actor of its rows");
	db_exec(db, "DELETE FROM document WHERE id = 50");
	is_text("SELECT unit_id || ' ' || (changes LIKE '%\"title\":[\"Học tập\","
	    "null]%') FROM audit WHERE tbl = 'plan_session' AND kind = 'delete'",
	    "1 1", "a row deleted with its plan keeps the plan's unit and its "
	    "values");
	memset(&q, 0, sizeof q);
	q.tbl = "document";
	q.row_id = 50;
	q.newest_first = 1;
	n = audit_page(db, &q, NULL, 1, 10, &e);
	tap_ok(n == 2 && strcmp(e[0].op, "xóa") == 0 &&
	    strcmp(e[0].name, "1-KH/ĐU") == 0 &&
	    strstr(e[0].changes, "Tiêu đề: Kế hoạch") != NULL &&
	    strcmp(e[1].op, "thêm") == 0 &&
	    strcmp(e[1].actor, "thiết bị số 7") == 0,
	    "the history of a deleted plan, newest first, in words");
	audit_entries_free(&e, (size_t)n);
}

/*
 * A row of a session names the session's unit, also when it goes with
 * its session (the session's last audit row tells); with neither, the
 * home unit (qt_owner, schema step 023).
 */
static void
test_owner(void)
{
	sqlite3_stmt *stmt;

	db_exec(db, "INSERT INTO unit(id, parent_id, kind, code, name, "
	    "name_fold) VALUES (4, 1, 'cell', 'C', 'Chi bộ C', 'chi bo c');"
	    " INSERT INTO document(id, owner_unit_id, number, kind, "
	    "issuer, issued_on, title) VALUES (60, 1, '2-KH/ĐU', 'KH', 'Đảng ủy', "
	    "'2026-11-02', 'Kế hoạch'); INSERT INTO session(id, document_id, "
	    "unit_id, title, held_on) VALUES (61, 60, 4, 'Buổi 1', '2026-11-10');"
	    " INSERT INTO member(id, unit_id, full_name, name_fold, status) "
	    "VALUES (62, 4, 'Lê Văn Ba', 'le van ba', 'active');"
	    " INSERT INTO attendance(id, session_id, member_id, status) "
	    "VALUES (63, 61, 62, 'present')");
	is_text("SELECT unit_id FROM audit WHERE tbl = 'attendance' AND "
	    "row_id = 63", "4", "a mark names its session's unit, not the plan's");
	db_exec(db, "DELETE FROM session WHERE id = 61");
	is_text("SELECT unit_id FROM audit WHERE tbl = 'attendance' AND "
	    "row_id = 63 AND kind = 'delete'", "4",
	    "a mark deleted with its session still names the session's unit");
	db_setting_set(db, "home_unit_id", "2");
	is_text("SELECT qt_owner('session', 999)", "2",
	    "a session nothing knows of: the home unit");
	stmt = db_prepare(db, "SELECT qt_owner('member', 62)");
	tap_ok(stmt != NULL && sqlite3_step(stmt) == SQLITE_ERROR &&
	    strstr(sqlite3_errmsg(db_handle(db)), "không có đơn vị chủ") != NULL,
	    "a table without an owning unit is an error, not a guess");
	sqlite3_finalize(stmt);
}

static void
test_words(void)
{
	struct audit_entry *e;
	struct audit_query q;
	struct audit_key k = { NULL, 0 };
	int n;

	memset(&q, 0, sizeof q);
	q.unit_id = 2;
	n = audit_page(db, &q, &k, 1, 10, &e);
	tap_ok(n == 3 && strcmp(e[0].table, "Đơn vị") == 0 &&
	    strcmp(e[2].table, "Đảng viên") == 0 &&
	    strcmp(e[2].changes, "Họ và tên: Trần Thị Bé -> Trần Thị Bé Nhỏ\n"
	    "Năm sinh: 1980 -> (trống)") == 0,
	    "a cell's changes, oldest first, a line a column");
	audit_entries_free(&e, (size_t)n);
	q.unit_id = 3;
	n = audit_page(db, &q, NULL, 1, 10, &e);
	tap_ok(n == 1 && strcmp(e[0].name, "Chi bộ B") == 0 &&
	    strcmp(e[0].op, "thêm") == 0, "another cell has only its own making");
	audit_entries_free(&e, (size_t)n);
}

int
main(void)
{
	db = scratch_db("test_audit.db", "INSERT INTO unit(id, parent_id, kind, "
	    "code, name, name_fold) VALUES (1, NULL, 'commune', 'X', 'Xã', 'xa'),"
	    " (2, 1, 'cell', 'A', 'Chi bộ A', 'chi bo a'),"
	    " (3, 1, 'cell', 'B', 'Chi bộ B', 'chi bo b')");
	test_columns();
	test_store_write();
	test_append_only();
	test_device_and_cascade();
	test_words();
	test_owner();
	db_close(&db);
	unlink("test_audit.db");
	return tap_done();
}
