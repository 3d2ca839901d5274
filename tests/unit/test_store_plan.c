/*
 * test_store_plan.c - which documents are a unit's plans (its chain of
 * plans) and which stay references, in one rule that the plan list, the
 * essays and tally screens and home's counts share.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "store/store.h"
#include "scratch_db.h"
#include "tap.h"
#include "xmalloc.h"

/*
 * Central (1) -> province A (10) -> district A (20) -> commune (100) ->
 * cell (101); central -> province B (30) -> district B (40). Documents:
 * 1 central, asks communes; 2 central guidance asking nothing; 13 A's,
 * asks communes; 14 A's, asks only the province, carried out by the
 * commune's 102; 15 A's, asks only the province; 102 the commune's own;
 * 4 B's, asks communes; 5 district B's, asks cells.
 */
static struct db *
fixture(const char *path)
{
	return scratch_db(path,
	    "INSERT INTO unit(id, parent_id, kind, code, name, name_fold)"
	    " VALUES (1, NULL, 'central', 'TW', 'Trung ương', 'trung uong'),"
	    " (10, 1, 'province', 'A', 'Tỉnh A', 'tinh a'),"
	    " (20, 10, 'district', 'HA', 'Huyện A', 'huyen a'),"
	    " (100, 20, 'commune', 'XA', 'Xã A', 'xa a'),"
	    " (101, 100, 'cell', 'CA', 'Chi bộ A', 'chi bo a'),"
	    " (30, 1, 'province', 'B', 'Tỉnh B', 'tinh b'),"
	    " (40, 30, 'district', 'HB', 'Huyện B', 'huyen b');"
	    "INSERT INTO document(id, owner_unit_id, number, kind, issuer,"
	    " issued_on, title, parent_id) VALUES"
	    " (1, 1, '01-KH/TW', 'KH', 'TW', '2021-01-01', 'Trung ương', NULL),"
	    " (2, 1, '02-HD/TW', 'HD', 'TW', '2021-01-02', 'Hướng dẫn', NULL),"
	    " (13, 10, '13-KH/TU', 'KH', 'A', '2021-02-01', 'Tỉnh A', 1),"
	    " (14, 10, '14-KH/TU', 'KH', 'A', '2021-02-02', 'Tỉnh A riêng', NULL),"
	    " (15, 10, '15-KH/TU', 'KH', 'A', '2021-02-03', 'Tỉnh A khác', NULL),"
	    " (102, 100, '08-KH/ĐU', 'KH', 'Xã', '2021-03-01', 'Xã', 14),"
	    " (4, 30, '04-KH/BTGTU', 'KH', 'B', '2021-02-04', 'Tỉnh B', NULL),"
	    " (5, 40, '05-KH/BTGTXU', 'KH', 'HB', '2021-02-05', 'Huyện B', 4);"
	    "INSERT INTO plan_session(id, document_id, level, ordinal, title,"
	    " deadline) VALUES"
	    " (1001, 1, 'commune', 1, 'TW: cấp xã', '2021-04-01'),"
	    " (1301, 13, 'commune', 1, 'A: cấp xã', '2021-06-30'),"
	    " (1401, 14, 'province', 1, 'A: cấp tỉnh', '2021-04-01'),"
	    " (1501, 15, 'province', 1, 'A: cấp tỉnh', '2021-04-01'),"
	    " (401, 4, 'commune', 1, 'B: cấp xã', '2021-06-30'),"
	    " (402, 4, 'commune', 2, 'B: cấp xã, quá hạn', '2021-04-01'),"
	    " (501, 5, 'cell', 1, 'HB: chi bộ', '2021-04-01')");
}

/* The numbers of the list, "," joined, in the list's order. */
static char *
numbers(struct db *db, int64_t unit, int refs)
{
	struct store_plan *p;
	char *s = xstrdup(""), *t;
	int n = refs ? store_references_list(db, unit, "2021-05-10", &p) :
	    store_plans_list(db, unit, "2021-05-10", &p), i;

	for (i = 0; i < n; i++) {
		t = xasprintf("%s%s%s", s, i > 0 ? "," : "", p[i].number);
		free(s);
		s = t;
	}
	store_plans_free(&p, n > 0 ? (size_t)n : 0);
	return s;
}

static void
is_list(struct db *db, int64_t unit, int refs, const char *want,
    const char *what)
{
	char *got = numbers(db, unit, refs);

	tap_is_str(got, want, what);
	free(got);
}

int
main(void)
{
	char path[] = "/tmp/test_store_plan.db";
	struct db *db = fixture(path);
	struct store_home h;

	is_list(db, 100, 0, "08-KH/ĐU,14-KH/TU,13-KH/TU,01-KH/TW",
	    "a commune's plans: its own, those above that ask communes or cells, "
	    "and the one its plan carries out");
	is_list(db, 100, 1, "05-KH/BTGTXU,04-KH/BTGTU,15-KH/TU,02-HD/TW",
	    "another province's plans and what asks nothing of it are references");
	is_list(db, 10, 0, "15-KH/TU,14-KH/TU,13-KH/TU,01-KH/TW",
	    "a province's plans: its own and the centre's asking its levels");
	is_list(db, 30, 0, "04-KH/BTGTU",
	    "the other province has its own (it has no commune to ask)");

	memset(&h, 0, sizeof h);
	tap_is_int(store_home_get(db, 100, "2021-05-10", &h), 0, "home reads");
	tap_is_int(h.campaigns, 1, "home counts in progress only the commune's "
	    "chain (13-KH/TU), not the other province's plan");
	tap_is_int(h.sessions_overdue, 1, "and overdue sessions only of its "
	    "plans (01-KH/TW), none of 04-KH/BTGTU");
	tap_ok(strstr(h.next_deadline_what, "13-KH/TU") != NULL,
	    "the next deadline is one of its plans");
	store_home_clear(&h);
	db_close(&db);
	unlink(path);
	return tap_done();
}
