/*
 * domain_fixture.c - the rows every domain test counts on.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "domain_fixture.h"
#include "xmalloc.h"

/*
 * Cell A: a1 present; a2 absent, then present at the make-up session (and
 * a1 again: counted once); a3 retired, attends and writes anyway; a4 a
 * guest who attends; a5 exempt from work, absent; a6 absent, no essay.
 * Cell B (its session is under D1 itself): b1 present; b2 self-studies;
 * b3 exempt from activities; b4 absent, present only at a planned session
 * and at a session of the unrelated plan D3. Cell E: e1, no session yet.
 * Essays: a1 on time, a2 late, a3 (exempt) on time, b1 on its due date,
 * b2 only under D3, a6 a row with nothing submitted. D1 allows 7 days.
 */
static const char fixture_sql[] =
    "INSERT INTO unit(id, parent_id, kind, code, name, name_fold) VALUES"
    " (1, NULL, 'province', 'P', 'Tỉnh ủy Thử', 'tinh uy thu'),"
    " (2, 1, 'commune', 'C', 'Đảng bộ xã Thử', 'dang bo xa thu'),"
    " (3, 2, 'cell', 'A', 'Chi bộ ấp An', 'chi bo ap an'),"
    " (4, 2, 'cell', 'B', 'Chi bộ ấp Bình', 'chi bo ap binh'),"
    " (5, 2, 'cell', 'E', 'Chi bộ ấp Én', 'chi bo ap en');"
    "INSERT INTO document(id, owner_unit_id, number, kind, issuer, issued_on,"
    " title, parent_id) VALUES"
    " (100, 1, '13-KH/TU', 'KH', 'Tỉnh ủy', '2021-03-05', 'Kế hoạch tỉnh', NULL),"
    " (101, 2, '08-KH/ĐU', 'KH', 'Đảng ủy xã', '2021-03-29', 'Kế hoạch xã', 100),"
    " (102, 1, '99-KH/TU', 'KH', 'Tỉnh ủy', '2021-01-01', 'Kế hoạch khác', NULL);"
    "INSERT INTO essay_rule(document_id, due_days) VALUES (100, 7);"
    "INSERT INTO member(id, unit_id, full_name, name_fold, status) VALUES"
    " (11, 3, 'An Một', 'an mot', 'active'),"
    " (12, 3, 'An Hai', 'an hai', 'active'),"
    " (13, 3, 'An Ba', 'an ba', 'retired'),"
    " (14, 3, 'An Bốn', 'an bon', 'guest'),"
    " (15, 3, 'An Năm', 'an nam', 'exempt_work'),"
    " (16, 3, 'An Sáu', 'an sau', 'active'),"
    " (21, 4, 'Bình Một', 'binh mot', 'active'),"
    " (22, 4, 'Bình Hai', 'binh hai', 'active'),"
    " (23, 4, 'Bình Ba', 'binh ba', 'exempt_activity'),"
    " (24, 4, 'Bình Bốn', 'binh bon', 'active'),"
    " (31, 5, 'Én Một', 'en mot', 'active');"
    "UPDATE member SET name_sort = qt_name_sort(full_name);"
    "INSERT INTO session(id, document_id, unit_id, title, held_on, status,"
    " makeup_of) VALUES"
    " (200, 101, 3, 'Học tập', '2021-04-10', 'held', NULL),"
    " (201, 101, 3, 'Học bù', '2021-04-20', 'held', 200),"
    " (202, 100, 4, 'Học tập', '2021-04-12', 'held', NULL),"
    " (203, 101, 4, 'Học bù', '2021-05-01', 'planned', 202),"
    " (204, 102, 4, 'Kế hoạch khác', '2021-04-14', 'held', NULL);"
    "INSERT INTO attendance(id, session_id, member_id, status, reason) VALUES"
    " (1, 200, 11, 'present', ''), (2, 200, 12, 'absent', 'Ốm'),"
    " (3, 200, 13, 'present', ''), (4, 200, 14, 'present', ''),"
    " (5, 200, 15, 'absent', 'Miễn công tác'), (6, 200, 16, 'absent', 'Đi xa'),"
    " (7, 201, 12, 'present', ''), (8, 201, 11, 'present', ''),"
    " (9, 202, 21, 'present', ''), (10, 202, 22, 'self_study', 'Đi làm xa'),"
    " (11, 202, 23, 'absent', ''), (12, 202, 24, 'absent', 'Ốm'),"
    " (13, 203, 24, 'present', ''), (14, 204, 24, 'present', '');"
    "INSERT INTO essay(id, document_id, member_id, submitted_on, proposals) VALUES"
    " (300, 101, 11, '2021-04-15', 'Làm đường, ấp An'),"
    " (301, 101, 12, '2021-04-28', ''),"
    " (302, 101, 13, '2021-04-12', 'Đề xuất của đảng viên hưu trí'),"
    " (303, 100, 21, '2021-04-19', 'Nước sạch'),"
    " (304, 102, 22, '2021-04-16', 'Không thuộc kế hoạch này'),"
    " (305, 101, 16, NULL, '');";

static char fixture_dir[64];

struct db *
fixture_open(void)
{
	char *path, *err = NULL;
	struct db *db;

	snprintf(fixture_dir, sizeof fixture_dir, "%s/qt-domain.XXXXXX",
	    getenv("TMPDIR") != NULL && strlen(getenv("TMPDIR")) < 40 ?
	    getenv("TMPDIR") : "/tmp");
	if (mkdtemp(fixture_dir) == NULL) {
		perror("mkdtemp");
		abort();
	}
	path = xasprintf("%s/t.db", fixture_dir);
	db = db_open(path, DB_OPEN_CREATE, &err);
	free(path);
	if (db == NULL || db_exec(db, fixture_sql) != 0) {
		fprintf(stderr, "fixture: %s\n", db != NULL ? db_error(db) : err);
		abort();
	}
	return db;
}

void
fixture_close(struct db **pdb)
{
	static const char *const names[] = { "t.db", "t.db-wal", "t.db-shm",
	    "t.db-journal" };
	size_t i;

	db_close(pdb);
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		char *p = xasprintf("%s/%s", fixture_dir, names[i]);

		unlink(p);
		free(p);
	}
	rmdir(fixture_dir);
}
