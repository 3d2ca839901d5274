/*
 * cmd_import_plan.c - quantriet import plan --file F [--dry-run]: what
 * the program reads in a plan's text, one field a line; saved as a plan
 * of the clerk's unit unless --dry-run.
 *
 * The extraction is domain/plan_text.c and the writer
 * store_plan_import(), the same the interface's review form saves
 * through; this reads the file, prints the result in the form
 * quantriet(1) documents and saves it.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "db.h"
#include "domain/lookup.h"
#include "domain/plan_file.h"
#include "domain/plan_text.h"
#include "domain/textfile.h"
#include "msg.h"
#include "store/store.h"
#include "text/text.h"
#include "xmalloc.h"

static void
import_plan_usage(FILE *fp)
{
	msg_put(fp, "Cách dùng: quantriet import plan --file TỆP [--dry-run] "
	    "[--encoding utf-8|utf-16|cp1258|tcvn] [--db TỆP]\n"
	    "Đọc văn bản của một kế hoạch (lưu từ Word dạng .txt), in ra những "
	    "gì đọc được,\nmỗi dòng một mục, rồi lưu thành kế hoạch của đơn vị "
	    "này. --dry-run: chỉ in,\nkhông lưu. Không ghi --encoding thì tự "
	    "nhận bảng mã. Trong giao diện: Kế hoạch,\nphím F7 (hoặc f) để "
	    "xem lại từng mục trước khi lưu.\n");
}

/* Prints "name: value" with value made safe for the terminal. */
static void
import_plan_field(const char *name, const char *value)
{
	char *safe;

	if (value == NULL || *value == '\0')
		return;
	safe = text_display(value, 0);
	printf("%s: %s\n", name, safe);
	free(safe);
}

static void
import_plan_date(char out[11], struct qt_date d)
{
	if (d.y != 0)
		date_to_iso(d, out);
	else
		*out = '\0';
}

/*
 * How an item is held, when its text says, on indented lines under it:
 * "  start: HH:MM", "  form: trực tiếp|trực tuyến", "  bridges: N" (the
 * count as written) and "  bridge: NAME", one a point named.
 */
static void
import_plan_how(const struct plan_text_item *it)
{
	char count[16], *names, *name, *save = NULL;

	import_plan_field("  start", it->start);
	if (it->form != NULL)
		import_plan_field("  form", strcmp(it->form, "online") == 0 ?
		    "trực tuyến" : "trực tiếp");
	if (it->bridge_count > 0) {
		snprintf(count, sizeof count, "%d", it->bridge_count);
		import_plan_field("  bridges", count);
	}
	if (it->bridges == NULL)
		return;
	names = xstrdup(it->bridges);
	for (name = strtok_r(names, "\n", &save); name != NULL;
	    name = strtok_r(NULL, "\n", &save))
		import_plan_field("  bridge", name);
	free(names);
}

static void
import_plan_print(const struct plan_text *p)
{
	char iso[11], *line;
	size_t i;

	import_plan_field("number", p->number);
	import_plan_field("kind", p->kind);
	import_plan_field("issuer", p->issuer);
	import_plan_field("place", p->place);
	import_plan_date(iso, p->date);
	import_plan_field("date", iso);
	import_plan_field("title", p->title);
	for (i = 0; i < p->nparents; i++) {
		import_plan_date(iso, p->parents[i].date);
		line = xasprintf("%s%s%s", p->parents[i].number, *iso ? " " : "", iso);
		import_plan_field("parent", line);
		free(line);
	}
	for (i = 0; i < p->nresolutions; i++)
		import_plan_field("resolution", p->resolutions[i].title);
	for (i = 0; i < p->nitems; i++) {
		const struct plan_text_item *it = &p->items[i];

		import_plan_date(iso, it->last);
		line = xasprintf("%s | %s | %s | %s", it->level, it->what,
		    it->words != NULL ? it->words : "", iso);
		import_plan_field("item", line);
		free(line);
		import_plan_how(it);
	}
	for (i = 0; i < p->nreports; i++) {
		const struct plan_text_report *r = &p->reports[i];
		char round[16] = "";

		if (r->round > 0)
			snprintf(round, sizeof round, "%d", r->round);
		import_plan_date(iso, r->last);
		line = xasprintf("%s | %s | %s | %s", r->level, r->what, round, iso);
		import_plan_field("report", line);
		free(line);
	}
	if (p->essay != PLAN_ESSAY_UNKNOWN) {
		char rule[16];

		if (p->essay == PLAN_ESSAY_DAYS)
			snprintf(rule, sizeof rule, "%d", p->essay_days);
		else if (p->essay == PLAN_ESSAY_DATE)
			date_to_iso(p->essay_date, rule);
		else
			snprintf(rule, sizeof rule, "none");
		line = xasprintf("%s | %s", p->essay_words, rule);
		import_plan_field("essay", line);
		free(line);
	}
}

/* Saves p as a plan of the clerk's unit; the exit status. */
static int
import_plan_save(const char *opt_db, const struct plan_text *p)
{
	struct db *db = cli_open_db(opt_db, DB_OPEN_EXISTING);
	char *err = NULL;
	int64_t unit, id = -1;

	if (db == NULL)
		return 1;
	if (lookup_home_unit(db, &unit, &err) != 0) {
		msg_error("%s", err);
		free(err);
	} else if ((id = store_plan_import(db, p, unit)) < 0)
		msg_error("chưa lưu kế hoạch: %s", db_error(db));
	else
		msg_info("Đã lưu kế hoạch %s: %zu nghị quyết, %zu mục, %zu hạn "
		    "báo cáo; xem và sửa trong giao diện, mục Kế hoạch",
		    p->number, p->nresolutions, p->nitems, p->nreports);
	db_close(&db);
	return id < 0 ? 1 : 0;
}

int
cmd_import_plan(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "file", required_argument, NULL, 'f' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *path = NULL, *encoding = NULL, *opt_db = NULL;
	char *text, *err = NULL;
	struct plan_text plan;
	int c, rc, dry_run = 0;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'f': path = optarg; break;
		case 'e': encoding = textfile_encoding(optarg); break;
		case 'n': dry_run = 1; break;
		case 'd': opt_db = optarg; break;
		case 'h': import_plan_usage(stdout); return 0;
		default: import_plan_usage(stderr); return EXIT_USAGE;
		}
	}
	if (optind != argc || path == NULL) {
		import_plan_usage(stderr);
		return EXIT_USAGE;
	}
	if ((text = plan_file_read(path, encoding, &plan, &err)) == NULL) {
		msg_error("%s", err);
		free(err);
		return 1;
	}
	free(text);
	import_plan_print(&plan);
	rc = dry_run ? 0 : import_plan_save(opt_db, &plan);
	plan_text_clear(&plan);
	return rc;
}
