/*
 * test_ui_draft.c - drafts round-trip, are replaced atomically, and are
 * found only for their own database, file, screen and record.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tap.h"
#include "ui/draft.h"
#include "xmalloc.h"

#define ID1	"0123456789abcdef0123456789abcdef"
#define ID2	"fedcba9876543210fedcba9876543210"

static struct draft *
make(const char *id, const char *path, const char *record, const char *name)
{
	struct draft *d = draft_new("member_form", record);

	draft_set_database(d, id, path);
	draft_set(d, "full_name", name);
	return d;
}

/* The draft draft_find gives has full_name name (NULL: there is none). */
static void
found(const char *dir, const char *id, const char *path, const char *screen,
    const char *record, const char *name, const char *what)
{
	struct draft *got = draft_find(dir, id, path, screen, record);

	if (name == NULL)
		tap_ok(got == NULL, "%s", what);
	else
		tap_ok(got != NULL && strcmp(draft_get(got, "full_name"),
		    name) == 0 && strcmp(got->record, record) == 0, "%s", what);
	draft_free(&got);
}

static void
test_owner(const char *dir)
{
	struct draft *a = make(ID1, "/srv/x1.db", "0", "Tran Van A");
	struct draft *b = make(ID2, "/srv/x2.db", "0", "Nguyen Van B");
	struct draft *c = make(ID1, "/srv/copy.db", "0", "Le Thi C");
	struct draft *e = make(ID1, "/srv/x1.db", "42", "Pham Van E");
	struct draft **list;
	size_t n, i, ones = 0;

	draft_write(a, dir);
	draft_write(b, dir);
	draft_write(c, dir);
	draft_write(e, dir);
	found(dir, ID1, "/srv/x1.db", "member_form", "0", "Tran Van A",
	    "a draft is found in its own database and file");
	found(dir, ID2, "/srv/x2.db", "member_form", "0", "Nguyen Van B",
	    "another database keeps its own draft");
	found(dir, ID2, "/srv/x1.db", "member_form", "0", NULL,
	    "a draft is never found for another database id");
	found(dir, ID1, "/srv/copy.db", "member_form", "0", "Le Thi C",
	    "a copy of the database (same id, other path) has its own draft");
	found(dir, ID1, "/srv/x1.db", "member_form", "43", NULL,
	    "a draft of member 42 is not found for member 43");
	found(dir, ID1, "/srv/x1.db", "member_form", "42", "Pham Van E",
	    "but for member 42");
	found(dir, ID1, "/srv/x1.db", "session_form", "42", NULL,
	    "nor for another form of the same id");
	list = draft_list(dir, ID1, &n);
	for (i = 0; i < n; i++) {
		ones += strcmp(list[i]->database_id, ID1) == 0;
		draft_free(&list[i]);
	}
	free(list);
	tap_is_int((long long)n, 3, "the list of a database has its drafts, "
	    "at every path");
	tap_is_int((long long)ones, 3, "and none of another database");

	draft_remove(dir, a);
	draft_remove(dir, b);
	draft_remove(dir, c);
	draft_remove(dir, e);
	list = draft_list(dir, ID1, &n);
	tap_is_int((long long)n, 0, "removed drafts are gone");
	free(list);
	draft_free(&a);
	draft_free(&b);
	draft_free(&c);
	draft_free(&e);
}

int
main(void)
{
	char dir[] = "/tmp/test_ui_draft.XXXXXX";
	struct draft *d, *back;
	char *path, *tmp;
	struct stat st;

	if (mkdtemp(dir) == NULL)
		return 1;
	d = draft_new("member_form", "7100000000000101");
	draft_set_database(d, ID1, "/srv/x1.db");
	draft_set(d, "full_name", "Lê Thị \\ Mỹ\nDuyên=1");
	draft_set(d, "id", "7100000000000101");
	draft_set(d, "empty", "");
	tap_is_int(draft_write(d, dir), 0, "a draft is written");
	back = draft_find(dir, ID1, "/srv/x1.db", "member_form",
	    "7100000000000101");
	tap_ok(back != NULL, "and read back");
	tap_is_str(draft_get(back, "full_name"), "Lê Thị \\ Mỹ\nDuyên=1",
	    "backslashes, newlines and = survive");
	tap_is_int(draft_get_int(back, "id"), 7100000000000101LL, "a 63-bit id survives");
	tap_is_str(draft_get(back, "empty"), "", "an empty value is kept");
	tap_ok(draft_get(back, "missing") == NULL, "a missing key is NULL");
	tap_is_str(back->database_path, "/srv/x1.db", "the path it was typed in is kept");
	draft_free(&back);

	draft_set(d, "full_name", "Mới");
	draft_write(d, dir);
	path = draft_path(dir, d);
	tmp = xasprintf("%s.tmp", path);
	tap_ok(stat(tmp, &st) != 0, "no temporary file is left behind");
	stat(path, &st);
	tap_is_int(st.st_mode & 0777, 0600, "the draft is private to the clerk");
	back = draft_find(dir, ID1, "/srv/x1.db", "member_form",
	    "7100000000000101");
	tap_is_str(draft_get(back, "full_name"), "Mới", "a new draft replaces the old");
	draft_free(&back);

	draft_remove(dir, d);
	tap_ok(draft_find(dir, ID1, "/srv/x1.db", "member_form",
	    "7100000000000101") == NULL, "a removed draft is gone");
	{
		FILE *fp = fopen(path, "w");

		/* What the previous release wrote: no database named. */
		fputs("quantriet-draft 1\nfull_name=x\n", fp);
		fclose(fp);
	}
	tap_ok(draft_find(dir, ID1, "/srv/x1.db", "member_form",
	    "7100000000000101") == NULL,
	    "a draft that names no database is never taken");
	unlink(path);
	free(path);
	free(tmp);
	draft_free(&d);
	test_owner(dir);
	rmdir(dir);
	return tap_done();
}
