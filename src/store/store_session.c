/*
 * store_session.c - sessions units hold for a plan, and their attendance.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/date.h"
#include "store/store.h"
#include "store/store_int.h"
#include "xmalloc.h"

#define STORE_SESSION_COLS \
	"SELECT s.id, s.document_id, coalesce(s.plan_session_id, 0)," \
	" s.unit_id, u.name, s.title, s.held_on, s.place, s.form," \
	" s.bridge_point, s.presenter, s.half_days, coalesce(s.makeup_of, 0)," \
	" s.status," \
	" (SELECT count(*) FROM attendance a WHERE a.session_id = s.id" \
	"  AND a.status = 'present')," \
	" (SELECT count(*) FROM attendance a WHERE a.session_id = s.id" \
	"  AND a.status = 'absent')," \
	" (SELECT count(*) FROM attendance a WHERE a.session_id = s.id" \
	"  AND a.status = 'self_study')" \
	" FROM session s JOIN unit u ON u.id = s.unit_id "

static void
store_session_fill(sqlite3_stmt *stmt, struct store_session *s)
{
	s->id = sqlite3_column_int64(stmt, 0);
	s->document_id = sqlite3_column_int64(stmt, 1);
	s->plan_session_id = sqlite3_column_int64(stmt, 2);
	s->unit_id = sqlite3_column_int64(stmt, 3);
	s->unit_name = store_col(stmt, 4);
	s->title = store_col(stmt, 5);
	s->held_on = store_col(stmt, 6);
	s->place = store_col(stmt, 7);
	s->form = store_col(stmt, 8);
	s->bridge_point = store_col(stmt, 9);
	s->presenter = store_col(stmt, 10);
	s->half_days = sqlite3_column_int(stmt, 11);
	s->makeup_of = sqlite3_column_int64(stmt, 12);
	s->status = store_col(stmt, 13);
	s->present = sqlite3_column_int(stmt, 14);
	s->absent = sqlite3_column_int(stmt, 15);
	s->self_study = sqlite3_column_int(stmt, 16);
	s->expected = -1;
}

int
store_sessions_list(struct db *db, int64_t document_id, int64_t scope,
    struct store_session **out)
{
	sqlite3_stmt *stmt = db_prepare(db, STORE_SCOPE_CTE STORE_SESSION_COLS
	    "WHERE s.document_id = ?2 AND s.unit_id IN (SELECT id FROM scope)"
	    " ORDER BY s.held_on, s.id");
	struct store_session *rows = NULL;
	size_t n = 0;
	void *slot;

	*out = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, scope);
	sqlite3_bind_int64(stmt, 2, document_id);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		rows = store_grow(rows, n, sizeof *rows, &slot);
		store_session_fill(stmt, slot);
		n++;
	}
	sqlite3_finalize(stmt);
	*out = rows;
	return (int)n;
}

int
store_session_get(struct db *db, int64_t id, struct store_session *s)
{
	sqlite3_stmt *stmt = db_prepare(db, STORE_SESSION_COLS "WHERE s.id = ?1");
	int rc = -1;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		store_session_fill(stmt, s);
		rc = 0;
	}
	sqlite3_finalize(stmt);
	return rc;
}

void
store_session_clear(struct store_session *s)
{
	x_free(&s->unit_name);
	x_free(&s->title);
	x_free(&s->held_on);
	x_free(&s->place);
	x_free(&s->form);
	x_free(&s->bridge_point);
	x_free(&s->presenter);
	x_free(&s->status);
}

void
store_sessions_free(struct store_session **s, size_t n)
{
	size_t i;

	if (*s == NULL)
		return;
	for (i = 0; i < n; i++)
		store_session_clear(&(*s)[i]);
	x_free(s);
}

/*
 * A session with attendance was held: it cannot be planned or cancelled
 * (the tally counts attendance at held sessions only, so the marks would
 * silently stop counting). 0, or -1 with the reason in db_error().
 */
static int
store_session_check_status(struct db *db, int64_t id)
{
	int64_t marked = db_int(db, 0, "SELECT count(*) FROM attendance a JOIN"
	    " session s ON s.id = a.session_id WHERE s.id = ?1 AND"
	    " s.status <> 'held'", 1, id);
	char *msg;

	if (marked == 0)
		return 0;
	msg = xasprintf("Buổi học đã có %lld lượt điểm danh nên là \"đã "
	    "học\"; nếu nhập nhầm, hãy xóa buổi học", (long long)marked);
	db_set_message(db, msg);
	free(msg);
	return -1;
}

/*
 * A session follows its plan item's level (a cell's item is held by a
 * cell, not by the commune), and its unit keeps the members already
 * marked at it (moving a marked session to another unit would leave
 * marks the tally of neither unit counts). 0, or -1 with the reason in
 * db_error().
 */
static int
store_session_check_unit(struct db *db, int64_t id)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT k.name, u.name, ku.name"
	    " FROM session s JOIN plan_session p ON p.id = s.plan_session_id"
	    " JOIN unit u ON u.id = s.unit_id JOIN unit_kind k ON k.code ="
	    " p.level JOIN unit_kind ku ON ku.code = u.kind WHERE s.id = ?1"
	    " AND p.level <> u.kind AND instr(' ' || p.also_levels || ' ',"
	    " ' ' || u.kind || ' ') = 0");
	char *msg = NULL;
	int64_t strangers;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		msg = xasprintf("Mục kế hoạch này dành cho cấp \"%s\"; %s là cấp "
		    "\"%s\": hãy chọn đơn vị đúng cấp hoặc mục của cấp mình",
		    sqlite3_column_text(stmt, 0), sqlite3_column_text(stmt, 1),
		    sqlite3_column_text(stmt, 2));
	sqlite3_finalize(stmt);
	strangers = msg != NULL ? 0 : db_int(db, 0, "WITH RECURSIVE scope(id)"
	    " AS (SELECT unit_id FROM session WHERE id = ?1 UNION ALL SELECT"
	    " u.id FROM unit u JOIN scope ON u.parent_id = scope.id)"
	    " SELECT count(*) FROM attendance a JOIN member m ON m.id ="
	    " a.member_id WHERE a.session_id = ?1 AND m.unit_id NOT IN"
	    " (SELECT id FROM scope)", 1, id);
	if (strangers > 0)
		msg = xasprintf("Buổi học đã điểm danh %lld người không thuộc đơn "
		    "vị mới: giữ đơn vị cũ, hoặc xóa buổi học rồi nhập lại",
		    (long long)strangers);
	if (msg == NULL)
		return 0;
	db_set_message(db, msg);
	free(msg);
	return -1;
}

/*
 * Nothing dated after today is entered: a session held after today
 * cannot be "held" nor have attendance (the counts would take it as
 * done). Checked inside the write's transaction, after the write, so it
 * judges the row as it would stay. 0, or -1 with the reason in db_error().
 */
static int
store_session_check_past(struct db *db, int64_t id)
{
	struct qt_date today = date_today(), day;
	sqlite3_stmt *stmt;
	char iso[11], vn[11], vn_today[11], *msg = NULL;

	date_to_iso(today, iso);
	stmt = db_prepare(db, "SELECT held_on FROM session WHERE id = ?1"
	    " AND held_on > ?2 AND status = 'held'");
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, iso, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW && date_from_iso((const char *)
	    sqlite3_column_text(stmt, 0), &day) == 0) {
		date_to_vn(day, vn);
		date_to_vn(today, vn_today);
		msg = xasprintf("Buổi học ngày %s chưa diễn ra (hôm nay %s): "
		    "chưa điểm danh, chưa ghi \"đã học\" được", vn, vn_today);
	}
	sqlite3_finalize(stmt);
	if (msg == NULL)
		return 0;
	db_set_message(db, msg);
	free(msg);
	return -1;
}

int
store_session_save(struct db *db, struct store_session *s)
{
	sqlite3_stmt *stmt;
	int rc;

	if (s->id == 0)
		s->id = db_new_id();
	if (db_begin(db) != 0)
		return -1;
	stmt = db_prepare(db, "INSERT INTO session(id, document_id,"
	    " plan_session_id, unit_id, title, held_on, place, form,"
	    " bridge_point, presenter, half_days, makeup_of, status)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
	    " coalesce(?13, 'planned')) ON CONFLICT(id) DO"
	    " UPDATE SET plan_session_id = excluded.plan_session_id,"
	    " unit_id = excluded.unit_id, title = excluded.title,"
	    " held_on = excluded.held_on, place = excluded.place,"
	    " form = excluded.form, bridge_point = excluded.bridge_point,"
	    " presenter = excluded.presenter, half_days = excluded.half_days,"
	    " status = excluded.status");
	if (stmt == NULL) {
		db_rollback(db);
		return -1;
	}
	sqlite3_bind_int64(stmt, 1, s->id);
	sqlite3_bind_int64(stmt, 2, s->document_id);
	if (s->plan_session_id != 0)
		sqlite3_bind_int64(stmt, 3, s->plan_session_id);
	sqlite3_bind_int64(stmt, 4, s->unit_id);
	sqlite3_bind_text(stmt, 5, s->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, s->held_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 7, s->place != NULL ? s->place : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 8, s->form, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 9, s->bridge_point != NULL ? s->bridge_point : "",
	    -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 10, s->presenter != NULL ? s->presenter : "",
	    -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 11, s->half_days > 0 ? s->half_days : 1);
	if (s->makeup_of != 0)
		sqlite3_bind_int64(stmt, 12, s->makeup_of);
	store_bind_opt(stmt, 13, s->status);
	rc = store_step_done(db, stmt, "lưu buổi học");
	sqlite3_finalize(stmt);
	if (rc == 0 && (store_session_check_status(db, s->id) != 0 ||
	    store_session_check_unit(db, s->id) != 0 ||
	    store_session_check_past(db, s->id) != 0))
		rc = -1;
	if (rc != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

/* A session a make-up session follows stays: the make-up's list depends on it. */
static char *
store_session_delete_refusal(struct db *db, int64_t id)
{
	if (db_int(db, 0, "SELECT count(*) FROM session WHERE makeup_of = ?1",
	    1, id) == 0)
		return NULL;
	return xstrdup("Buổi học này có buổi học bù theo sau: hãy xóa buổi "
	    "học bù trước");
}

int
store_session_delete(struct db *db, int64_t id)
{
	/* Its attendance goes by ON DELETE CASCADE, each row queued as
	 * deleted by the sync triggers. */
	return store_delete_checked(db, id, store_session_delete_refusal,
	    "DELETE FROM session WHERE id = ?1", "Không tìm thấy buổi học này");
}

/*
 * The members a session expects. Parameters: ?1 the session's unit, ?2 the
 * session, ?4 ?5 the key, ?6 the limit. chain(id) holds the sessions it
 * makes up for, back to the first: a member present at any of them is not
 * expected again, and guests are not asked to make up.
 */
/* What the attendee query selects. */
enum store_attendee_what {
	STORE_ATTENDEE_ROWS,	/* a page of rows */
	STORE_ATTENDEE_COUNT,	/* how many are expected */
	STORE_ATTENDEE_UNMARKED	/* the ids of those not marked yet */
};

static char *
store_attendee_sql(enum store_attendee_what what, int makeup,
    const struct store_key *key, int dir)
{
	int after = dir == STORE_AFTER, count = what != STORE_ATTENDEE_ROWS;

	return xasprintf("WITH RECURSIVE scope(id) AS (SELECT ?1 UNION ALL"
	    " SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id),"
	    " chain(id) AS (SELECT makeup_of FROM session WHERE id = ?2 UNION"
	    " SELECT s.makeup_of FROM session s JOIN chain c ON s.id = c.id"
	    " WHERE s.makeup_of IS NOT NULL) SELECT %s"
	    " FROM member m JOIN member_status st ON st.code = m.status"
	    " LEFT JOIN attendance a ON a.session_id = ?2 AND a.member_id = m.id"
	    " WHERE m.unit_id IN (SELECT id FROM scope)%s%s%s%s",
	    what == STORE_ATTENDEE_COUNT ? "count(*)" :
	    what == STORE_ATTENDEE_UNMARKED ? "m.id" :
	    "m.id, m.full_name, m.name_sort, st.name,"
	    " coalesce(a.status, ''), coalesce(a.reason, '')",
	    what == STORE_ATTENDEE_UNMARKED ? " AND a.id IS NULL" : "",
	    makeup ? " AND st.is_party_member = 1 AND NOT EXISTS (SELECT 1 FROM"
	    " attendance o WHERE o.session_id IN (SELECT id FROM chain) AND"
	    " o.member_id = m.id AND o.status = 'present')" : "",
	    key == NULL || key->sort == NULL ? "" : after
	    ? " AND (m.name_sort, m.id) > (?4, ?5)"
	    : " AND (m.name_sort, m.id) < (?4, ?5)",
	    count ? "" : after ? " ORDER BY m.name_sort, m.id LIMIT ?6"
	    : " ORDER BY m.name_sort DESC, m.id DESC LIMIT ?6");
}

/* Prepares the attendee query for session_id; NULL if there is no such session. */
static sqlite3_stmt *
store_attendee_prepare(struct db *db, int64_t session_id,
    enum store_attendee_what what, const struct store_key *key, int dir)
{
	int64_t unit = db_int(db, 0, "SELECT unit_id FROM session WHERE id = ?1",
	    1, (int64_t)session_id);
	int64_t makeup = db_int(db, 0, "SELECT coalesce(makeup_of, 0) FROM"
	    " session WHERE id = ?1", 1, (int64_t)session_id);
	char *sql;
	sqlite3_stmt *stmt;

	if (unit == 0)
		return NULL;
	sql = store_attendee_sql(what, makeup != 0, key, dir);
	stmt = db_prepare(db, sql);
	free(sql);
	if (stmt == NULL)
		return NULL;
	sqlite3_bind_int64(stmt, 1, unit);
	sqlite3_bind_int64(stmt, 2, session_id);
	if (key != NULL && key->sort != NULL) {
		sqlite3_bind_text(stmt, 4, key->sort, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(stmt, 5, key->id);
	}
	return stmt;
}

int
store_attendees_page(struct db *db, int64_t session_id,
    const struct store_key *key, int dir, int limit,
    struct store_attendee **out)
{
	sqlite3_stmt *stmt = store_attendee_prepare(db, session_id,
	    STORE_ATTENDEE_ROWS, key, dir);
	struct store_attendee *rows = NULL, *a;
	size_t n = 0;
	void *slot;

	*out = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int(stmt, 6, limit);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		rows = store_grow(rows, n, sizeof *rows, &slot);
		a = slot;
		a->member_id = sqlite3_column_int64(stmt, 0);
		a->full_name = store_col(stmt, 1);
		a->name_sort = store_col(stmt, 2);
		a->status_name = store_col(stmt, 3);
		a->attendance = store_col(stmt, 4);
		a->reason = store_col(stmt, 5);
		n++;
	}
	sqlite3_finalize(stmt);
	if (dir != STORE_AFTER)
		store_reverse(rows, n, sizeof *rows);
	*out = rows;
	return (int)n;
}

void
store_attendees_free(struct store_attendee **a, size_t n)
{
	size_t i;

	if (*a == NULL)
		return;
	for (i = 0; i < n; i++) {
		free((*a)[i].full_name);
		free((*a)[i].name_sort);
		free((*a)[i].status_name);
		free((*a)[i].attendance);
		free((*a)[i].reason);
	}
	x_free(a);
}

void
store_session_counts(struct db *db, struct store_session *s)
{
	sqlite3_stmt *stmt = store_attendee_prepare(db, s->id,
	    STORE_ATTENDEE_COUNT, NULL, 0);

	s->present = (int)db_int(db, 0, "SELECT count(*) FROM attendance WHERE"
	    " session_id = ?1 AND status = 'present'", 1, (int64_t)s->id);
	s->absent = (int)db_int(db, 0, "SELECT count(*) FROM attendance WHERE"
	    " session_id = ?1 AND status = 'absent'", 1, (int64_t)s->id);
	s->self_study = (int)db_int(db, 0, "SELECT count(*) FROM attendance"
	    " WHERE session_id = ?1 AND status = 'self_study'", 1, (int64_t)s->id);
	s->expected = 0;
	if (stmt == NULL)
		return;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		s->expected = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
}

/* What a session's screen keeps between marks (store.h). */
struct store_marks {
	struct db	*db;
	int64_t		 session_id;
	sqlite3_stmt	*set, *clear, *held;
};

struct store_marks *
store_marks_open(struct db *db, int64_t session_id)
{
	struct store_marks *m = xcalloc(1, sizeof *m);

	m->db = db;
	m->session_id = session_id;
	m->set = db_prepare(db, "INSERT INTO attendance(id, session_id,"
	    " member_id, status, reason) VALUES (?1, ?2, ?3, ?4, ?5)"
	    " ON CONFLICT(session_id, member_id) DO UPDATE"
	    " SET status = excluded.status, reason = excluded.reason");
	m->clear = db_prepare(db, "DELETE FROM attendance WHERE"
	    " session_id = ?2 AND member_id = ?3");
	/* Attendance taken means the session took place. */
	m->held = db_prepare(db, "UPDATE session SET status = 'held'"
	    " WHERE id = ?1 AND status <> 'held'");
	if (m->set == NULL || m->clear == NULL || m->held == NULL)
		store_marks_close(&m);
	return m;
}

void
store_marks_close(struct store_marks **pm)
{
	struct store_marks *m = *pm;

	if (m == NULL)
		return;
	sqlite3_finalize(m->set);
	sqlite3_finalize(m->clear);
	sqlite3_finalize(m->held);
	x_free(pm);
}

/* Steps a kept statement once and resets it for the next mark. */
static int
store_marks_step(struct store_marks *m, sqlite3_stmt *stmt)
{
	int rc = store_step_done(m->db, stmt, "ghi điểm danh");

	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	return rc;
}

/* The count of s that status (a code, or "" / NULL) adds to, or NULL. */
static int *
store_marks_count(struct store_session *s, const char *status)
{
	if (s == NULL || status == NULL)
		return NULL;
	if (strcmp(status, "present") == 0)
		return &s->present;
	if (strcmp(status, "absent") == 0)
		return &s->absent;
	if (strcmp(status, "self_study") == 0)
		return &s->self_study;
	return NULL;
}

int
store_marks_set(struct store_marks *m, struct store_session *s,
    int64_t member_id, const char *old, const char *status,
    const char *reason)
{
	sqlite3_stmt *stmt = status == NULL ? m->clear : m->set;
	int *count;

	if (db_begin(m->db) != 0)
		return -1;
	sqlite3_bind_int64(stmt, 2, m->session_id);
	sqlite3_bind_int64(stmt, 3, member_id);
	if (status != NULL) {
		sqlite3_bind_int64(stmt, 1, db_new_id());
		sqlite3_bind_text(stmt, 4, status, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 5, reason != NULL ? reason : "", -1,
		    SQLITE_STATIC);
	}
	sqlite3_bind_int64(m->held, 1, m->session_id);
	if (store_marks_step(m, stmt) != 0 ||
	    store_marks_step(m, m->held) != 0 || (status != NULL &&
	    store_session_check_past(m->db, m->session_id) != 0)) {
		db_rollback(m->db);
		return -1;
	}
	if (db_commit(m->db) != 0)
		return -1;
	/* The mark replaced old: the counts move by one, no recount. */
	if ((count = store_marks_count(s, old)) != NULL)
		--*count;
	if ((count = store_marks_count(s, status)) != NULL)
		++*count;
	return 0;
}

int
store_attendance_set(struct db *db, int64_t session_id, int64_t member_id,
    const char *status, const char *reason)
{
	struct store_marks *m = store_marks_open(db, session_id);
	int rc;

	if (m == NULL)
		return -1;
	rc = store_marks_set(m, NULL, member_id, NULL, status, reason);
	store_marks_close(&m);
	return rc;
}

struct store_fill {
	int64_t	session_id;
	int	marked;
};

static int
store_attendance_fill_tx(struct db *db, void *ctx)
{
	struct store_fill *fill = ctx;
	sqlite3_stmt *stmt = store_attendee_prepare(db, fill->session_id,
	    STORE_ATTENDEE_UNMARKED, NULL, 0);
	int rc = 0;

	if (stmt == NULL)
		return -1;
	while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
		rc = store_write_ids(db, "ghi điểm danh", "INSERT INTO"
		    " attendance(id, session_id, member_id, status)"
		    " VALUES (?1, ?2, ?3, 'present')", 3, db_new_id(),
		    fill->session_id, sqlite3_column_int64(stmt, 0)) < 0 ? -1 : 0;
		fill->marked++;
	}
	sqlite3_finalize(stmt);
	if (rc != 0 || fill->marked == 0)
		return rc;
	if (store_write_ids(db, "ghi điểm danh", "UPDATE session SET"
	    " status = 'held' WHERE id = ?1 AND status <> 'held'", 1,
	    fill->session_id) < 0)
		return -1;
	return store_session_check_past(db, fill->session_id);
}

int
store_attendance_fill_present(struct db *db, int64_t session_id)
{
	struct store_fill fill = { session_id, 0 };

	if (store_in_tx(db, store_attendance_fill_tx, &fill) != 0)
		return -1;
	return fill.marked;
}
