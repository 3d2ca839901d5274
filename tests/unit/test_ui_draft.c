/*
 * test_ui_draft.c - drafts round-trip and are replaced atomically.
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

int
main(void)
{
	char dir[] = "/tmp/test_ui_draft.XXXXXX";
	struct draft *d, *back;
	char *path, *tmp;
	struct stat st;

	if (mkdtemp(dir) == NULL)
		return 1;
	d = draft_new("member_form");
	draft_set(d, "full_name", "Lê Thị \\ Mỹ\nDuyên=1");
	draft_set(d, "id", "7100000000000101");
	draft_set(d, "empty", "");
	tap_is_int(draft_write(d, dir), 0, "a draft is written");
	back = draft_read(dir, "member_form");
	tap_ok(back != NULL, "and read back");
	tap_is_str(draft_get(back, "full_name"), "Lê Thị \\ Mỹ\nDuyên=1",
	    "backslashes, newlines and = survive");
	tap_is_int(draft_get_int(back, "id"), 7100000000000101LL, "a 63-bit id survives");
	tap_is_str(draft_get(back, "empty"), "", "an empty value is kept");
	tap_ok(draft_get(back, "missing") == NULL, "a missing key is NULL");
	draft_free(&back);

	draft_set(d, "full_name", "Mới");
	draft_write(d, dir);
	path = draft_path(dir, "member_form");
	tmp = xasprintf("%s.tmp", path);
	tap_ok(stat(tmp, &st) != 0, "no temporary file is left behind");
	stat(path, &st);
	tap_is_int(st.st_mode & 0777, 0600, "the draft is private to the clerk");
	back = draft_read(dir, "member_form");
	tap_is_str(draft_get(back, "full_name"), "Mới", "a new draft replaces the old");
	draft_free(&back);

	draft_remove(dir, "member_form");
	tap_ok(draft_read(dir, "member_form") == NULL, "a removed draft is gone");
	{
		FILE *fp = fopen(path, "w");

		fputs("not a draft\nx=1\n", fp);
		fclose(fp);
	}
	tap_ok(draft_read(dir, "member_form") == NULL, "a foreign file is not taken for a draft");
	unlink(path);
	free(path);
	free(tmp);
	draft_free(&d);
	rmdir(dir);
	return tap_done();
}
