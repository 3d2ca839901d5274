/*
 * test_store_member.c - member pages, search and writes in src/store.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "store/store.h"
#include "tap.h"
#include "text/text.h"
#include "xmalloc.h"

/* A commune (id 1) with two cells (2, 3) and n members named in order. */
static struct db *
fixture(const char *path, int n)
{
	char *err = NULL, *sql;
	struct db *db;
	int i;

	unlink(path);
	db = db_open(path, DB_OPEN_CREATE, &err);
	if (db == NULL) {
		printf("Bail out! %s\n", err);
		exit(1);
	}
	db_exec(db, "INSERT INTO unit(id, parent_id, kind, code, name, name_fold)"
	    " VALUES (1, NULL, 'commune', 'X', 'Đảng bộ xã Mỹ Lâm', qt_fold('Đảng bộ xã Mỹ Lâm')),"
	    " (2, 1, 'cell', 'A', 'Chi bộ ấp Một', qt_fold('Chi bộ ấp Một')),"
	    " (3, 1, 'cell', 'B', 'Chi bộ ấp Hai', qt_fold('Chi bộ ấp Hai')),"
	    " (9, NULL, 'commune', 'Y', 'Xã khác', 'xa khac')");
	db_begin(db);
	for (i = 0; i < n; i++) {
		sql = xasprintf("INSERT INTO member(id, unit_id, full_name, "
		    "name_fold, name_sort, status) VALUES (%d, %d, "
		    "'Nguyễn Văn %05d', qt_fold('Nguyễn Văn %05d'), "
		    "qt_name_sort('Nguyễn Văn %05d'), 'active')", i + 100,
		    i % 2 ? 3 : 2, i, i, i);
		db_exec(db, sql);
		free(sql);
	}
	db_exec(db, "INSERT INTO member(id, unit_id, full_name, name_fold,"
	    " status) VALUES (7, 9, 'Người ngoài', 'nguoi ngoai', 'active')");
	db_commit(db);
	return db;
}

/* Walks the whole list page by page forwards, then backwards; checks order. */
static void
test_paging(struct db *db)
{
	struct store_member_query q = { .scope_id = 1 };
	struct store_key key = { NULL, 0 };
	struct store_member *rows;
	char *last = xstrdup("");
	int n, total = 0, sorted = 1, i;

	tap_is_int(store_member_query_plan(db, &q), 0, "a list is planned");
	tap_ok(!q.scope_all, "a commune beside another root is no whole tree");

	while ((n = store_members_page(db, &q, &key, STORE_AFTER, 7, &rows)) > 0) {
		for (i = 0; i < n; i++) {
			if (strcmp(rows[i].name_sort, last) <= 0)
				sorted = 0;
			free(last);
			last = xstrdup(rows[i].name_sort);
		}
		total += n;
		free((char *)key.sort);
		key.sort = xstrdup(rows[n - 1].name_sort);
		key.id = rows[n - 1].id;
		store_members_free(&rows, (size_t)n);
	}
	tap_is_int(total, 50, "forward pages list every member of the commune once");
	tap_ok(sorted, "pages come in name order");
	free((char *)key.sort);
	free(last);

	key.sort = NULL;
	n = store_members_page(db, &q, &key, STORE_BEFORE, 7, &rows);
	tap_is_int(n, 7, "the last page is full");
	tap_is_str(rows[6].full_name, "Nguyễn Văn 00049", "the last page ends with the last name");
	tap_is_str(rows[0].full_name, "Nguyễn Văn 00043", "and is in name order");
	key.sort = rows[0].name_sort;
	key.id = rows[0].id;
	{
		struct store_member *before;
		int m = store_members_page(db, &q, &key, STORE_BEFORE, 3, &before);

		tap_is_int(m, 3, "a page before the last");
		tap_is_str(before[2].full_name, "Nguyễn Văn 00042", "ends right before it");
		store_members_free(&before, (size_t)m);
	}
	store_members_free(&rows, (size_t)n);

	q.unit_id = 2;
	store_member_query_plan(db, &q);
	key.sort = NULL;
	n = store_members_page(db, &q, &key, STORE_AFTER, 100, &rows);
	tap_is_int(n, 25, "one cell lists only its members");
	tap_is_str(rows[0].unit_name, "Chi bộ ấp Một", "with the cell's name");
	store_members_free(&rows, (size_t)n);
}

/* One search of q (planned first): the count of members found. */
static int
search_count(struct db *db, struct store_member_query *q, const char *search)
{
	struct store_key key = { NULL, 0 };
	struct store_member *rows;
	int n;

	q->search = search;
	if (store_member_query_plan(db, q) != 0)
		return -1;
	n = store_members_page(db, q, &key, STORE_AFTER, 100, &rows);
	store_members_free(&rows, (size_t)n);
	return n;
}

static void
test_search(struct db *db)
{
	struct store_member_query q = { .scope_id = 1 };

	tap_is_int(search_count(db, &q, "VĂN 0004"), 10,
	    "search ignores case and diacritics");
	tap_ok(q.trigram[0] != '\0', "a search few members match reads the trigram index");
	tap_is_int(search_count(db, &q, "ngoai"), 0,
	    "search stays inside the commune");
	tap_is_int(search_count(db, &q, "%"), 0,
	    "a % in the query is a literal character");
	tap_is_int(search_count(db, &q, "4"), 14,
	    "a search of one letter finds it anywhere in the name");
	tap_ok(q.trigram[0] == '\0', "without the trigram index, too short for it");
	tap_is_int(search_count(db, &q, "n \"00"), 0,
	    "a quote in the query is a literal character");

	/* The trigram index follows every write, in its transaction. */
	db_exec(db, "UPDATE member SET full_name = 'Lê Thị Xuyến', name_fold ="
	    " 'le thi xuyen', name_sort = qt_name_sort('Lê Thị Xuyến')"
	    " WHERE id = 100");
	tap_is_int(search_count(db, &q, "xuyen"), 1, "a renamed member is found "
	    "by the new name");
	tap_is_int(search_count(db, &q, "van 00000"), 0, "and not by the old one");
	db_exec(db, "DELETE FROM member WHERE id = 100");
	tap_is_int(search_count(db, &q, "xuyen"), 0, "a deleted member is gone");
}

static void
test_save(struct db *db)
{
	struct store_member m = { 0 }, got = { 0 };
	char *key;

	m.unit_id = 2;
	m.full_name = xstrdup("Trần Thị Bích");
	m.position = xstrdup("Bí thư");
	m.status = xstrdup("retired");
	m.birth_year = 1950;
	tap_is_int(store_member_save(db, &m), 0, "a new member is saved");
	tap_ok(m.id > 0, "and gets a global id");
	tap_is_int(store_member_get(db, m.id, &got), 0, "and reads back");
	tap_is_str(got.status_name, "Hưu trí", "with its status name");
	tap_is_str(got.name_fold, "tran thi bich", "and its search key");
	key = text_name_sort("Trần Thị Bích");
	tap_is_str(got.name_sort, key, "and its sort key");
	free(key);
	store_member_clear(&got);
	m.unit_id = 3;
	tap_is_int(store_member_save(db, &m), 0, "moving to another cell is saved");
	store_member_get(db, m.id, &got);
	tap_is_str(got.unit_name, "Chi bộ ấp Hai", "the member is in the new cell");
	store_member_clear(&got);
	free(m.status);
	m.status = xstrdup("nonsense");
	tap_ok(store_member_save(db, &m) != 0, "an unknown status is refused");
	tap_ok(strstr(db_error(db), "không hợp lệ") != NULL, "with a Vietnamese reason");
	store_member_clear(&m);
}

/* The one set of checks the member form and the import share. */
static void
test_check(struct db *db)
{
	struct store_member m = { 0 };
	enum store_member_field f;
	int year;

	m.unit_id = 2;
	m.full_name = (char *)"Lê Văn Tám";
	m.position = (char *)"";
	m.status = (char *)"active";
	tap_ok(store_member_check(db, &m, &f) == NULL, "a member as typed");
	m.full_name = (char *)"  ";
	tap_ok(store_member_check(db, &m, &f) != NULL && f == STORE_MEMBER_NAME,
	    "an empty name is refused, on the name");
	m.full_name = (char *)"Lê Văn Tám";
	m.position = (char *)"Bí thư chi bộ kiêm trưởng ấp kiêm trưởng ban công "
	    "tác mặt trận kiêm tổ trưởng tổ hòa giải kiêm chi hội trưởng";
	tap_ok(store_member_check(db, &m, &f) != NULL &&
	    f == STORE_MEMBER_POSITION, "a position over 100 characters");
	m.position = (char *)"";
	m.unit_id = 1;
	tap_ok(store_member_check(db, &m, &f) != NULL && f == STORE_MEMBER_UNIT,
	    "a member outside a party cell");
	tap_ok(store_member_save(db, &m) != 0 &&
	    strstr(db_error(db), "chi bộ") != NULL,
	    "and the writer itself refuses it, saying why");
	tap_ok(store_member_year("", &year) == NULL && year == 0 &&
	    store_member_year("1962", &year) == NULL && year == 1962 &&
	    store_member_year("62", &year) != NULL,
	    "a birth year: empty, a year, or refused");
}

/* 500,000 members: the next page and a search must stay instant. */
/* Counts SQLite's virtual-machine steps: a measure of work that a busy
 * machine cannot change, unlike a timing. */
static int
count_step(void *steps)
{
	++*(long *)steps;
	return 0;
}

/* VM steps taken by one page of the member list. */
static long
page_steps(struct db *db, const struct store_member_query *q,
    const struct store_key *key, int *n)
{
	struct store_member *rows;
	long steps = 0;

	sqlite3_progress_handler(db_handle(db), 1, count_step, &steps);
	*n = store_members_page(db, q, key, STORE_AFTER, 22, &rows);
	sqlite3_progress_handler(db_handle(db), 0, NULL, NULL);
	store_members_free(&rows, (size_t)*n);
	return steps;
}

/*
 * A page in the middle of 500,000 members reads about a page of index
 * entries, never the table: a bound on the work, which a full scan of
 * 500,000 rows (millions of steps) cannot meet.
 */
static void
test_large(const char *path)
{
	char *err = NULL;
	struct db *db;
	struct store_member_query q = { .unit_id = 2, .scope_id = 1 };
	char *middle = text_name_sort("Nguyễn Văn 250000");
	struct store_key key = { middle, 0 };
	long steps;
	int n;

	unlink(path);
	db = db_open(path, DB_OPEN_CREATE, &err);
	db_exec(db, "INSERT INTO unit(id, parent_id, kind, code, name, name_fold)"
	    " VALUES (1, NULL, 'commune', 'X', 'Xã', 'xa'),"
	    " (2, 1, 'cell', 'A', 'Chi bộ', 'chi bo');"
	    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
	    " WHERE i < 500000) INSERT INTO member(id, unit_id, full_name,"
	    " name_fold, name_sort, status) SELECT i, 2, 'Nguyễn Văn ' || i,"
	    " 'nguyen van ' || i, qt_name_sort('Nguyễn Văn ' || i), 'active'"
	    " FROM n");
	store_member_query_plan(db, &q);
	steps = page_steps(db, &q, &key, &n);
	tap_ok(n == 22 && steps < 20000,
	    "a page in the middle of 500,000 members: %ld steps", steps);
	q.unit_id = 0;
	store_member_query_plan(db, &q);
	tap_ok(q.scope_all, "the only root's list checks no unit");
	steps = page_steps(db, &q, &key, &n);
	tap_ok(n == 22 && steps < 20000,
	    "the same page over the whole commune: %ld steps", steps);
	q.search = "van 49999";
	store_member_query_plan(db, &q);
	key.sort = NULL;
	page_steps(db, &q, &key, &n);
	tap_ok(n == 11, "a search over the commune finds all 11 matches");
	db_exec(db, "INSERT INTO member(id, unit_id, full_name, name_fold,"
	    " name_sort, status) VALUES (600001, 2, 'Trần Thị Xuyến',"
	    " 'tran thi xuyen', qt_name_sort('Trần Thị Xuyến'), 'active'),"
	    " (600002, 2, 'Lê Xuyên', 'le xuyen', qt_name_sort('Lê Xuyên'),"
	    " 'active')");
	q.search = "Xuyen";
	store_member_query_plan(db, &q);
	steps = page_steps(db, &q, &key, &n);
	tap_ok(n == 2 && steps < 20000,
	    "a rare name among 500,000 is found at once: %ld steps", steps);
	q.search = "van 1";
	store_member_query_plan(db, &q);
	steps = page_steps(db, &q, &key, &n);
	tap_ok(n == 22 && steps < 20000,
	    "a page of a common search walks a short stretch: %ld steps",
	    steps);
	q.search = "zz";
	store_member_query_plan(db, &q);
	steps = page_steps(db, &q, &key, &n);
	tap_ok(n == 0, "a short search that matches nothing: %ld steps", steps);
	free(middle);
	db_close(&db);
	unlink(path);
}

int
main(void)
{
	char path[] = "/tmp/test_store_member.XXXXXX";
	char *big;
	struct db *db;
	int fd = mkstemp(path);

	close(fd);
	db = fixture(path, 50);
	test_paging(db);
	test_search(db);
	test_save(db);
	test_check(db);
	db_close(&db);
	unlink(path);
	big = xasprintf("%s.big", path);
	test_large(big);
	free(big);
	return tap_done();
}
