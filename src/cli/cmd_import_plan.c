/*
 * cmd_import_plan.c - quantriet import plan --file F --dry-run: what the
 * program reads in a plan's text, one field a line, saving nothing.
 *
 * The extraction is domain/plan_text.c; this only reads the file (any
 * encoding domain/textfile.c knows) and prints the result in the form
 * quantriet(1) documents, so a clerk or a script can check it.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "domain/plan_text.h"
#include "domain/textfile.h"
#include "msg.h"
#include "text/text.h"
#include "xmalloc.h"

/* A plan's lines are paragraphs: a long one is still a plan. */
#define IMPORT_PLAN_LINE_MAX	(64 * 1024)

static const struct textfile_kind import_plan_kind = {
	.zip = "tệp Word (.docx) hoặc tệp nén, không phải văn bản thuần: hãy mở "
	    "bằng Word và lưu lại dạng \"Plain Text\" (.txt)",
	.ole = "tệp Word cũ (.doc), không phải văn bản thuần: hãy mở bằng Word "
	    "và lưu lại dạng \"Plain Text\" (.txt)",
	.utf16 = NULL,
	.nul = "tệp không phải văn bản",
	.too_long = "tệp không giống một kế hoạch",
	.line_max = IMPORT_PLAN_LINE_MAX,
};

static void
import_plan_usage(FILE *fp)
{
	msg_put(fp, "Cách dùng: quantriet import plan --file TỆP --dry-run "
	    "[--encoding utf-8|utf-16|cp1258|tcvn]\n"
	    "Đọc văn bản của một kế hoạch (lưu từ Word dạng .txt) và in ra những "
	    "gì đọc được,\nmỗi dòng một mục; không lưu gì. Không ghi --encoding "
	    "thì tự nhận bảng mã.\n");
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
		import_plan_field("resolution", p->resolutions[i]);
	for (i = 0; i < p->nitems; i++) {
		const struct plan_text_item *it = &p->items[i];

		import_plan_date(iso, it->last);
		line = xasprintf("%s | %s | %s | %s", it->level, it->what,
		    it->words != NULL ? it->words : "", iso);
		import_plan_field("item", line);
		free(line);
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

int
cmd_import_plan(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "file", required_argument, NULL, 'f' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *path = NULL, *encoding = NULL;
	char *raw, *text, *err = NULL;
	struct plan_text plan;
	int c, dry_run = 0;
	size_t len;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'f': path = optarg; break;
		case 'e': encoding = textfile_encoding(optarg); break;
		case 'n': dry_run = 1; break;
		case 'h': import_plan_usage(stdout); return 0;
		default: import_plan_usage(stderr); return EXIT_USAGE;
		}
	}
	if (optind != argc || path == NULL) {
		import_plan_usage(stderr);
		return EXIT_USAGE;
	}
	if (!dry_run) {
		msg_error("chưa lưu được kế hoạch từ tệp: hãy chạy với --dry-run để "
		    "xem những gì đọc được, rồi nhập kế hoạch trong giao diện");
		return EXIT_USAGE;
	}
	if ((raw = textfile_read(path, &len, &err)) == NULL) {
		msg_error("%s", err);
		free(err);
		return 1;
	}
	text = len == 0 ? NULL : textfile_decode(&import_plan_kind, raw, len,
	    encoding, &err);
	free(raw);
	if (text == NULL) {
		msg_error("%s", err != NULL ? err : "tệp rỗng: không có gì để đọc");
		free(err);
		return 1;
	}
	plan_text_parse(text, &plan);
	free(text);
	if (plan.number == NULL && plan.title == NULL && plan.nitems == 0) {
		msg_error("không thấy số, trích yếu hay mục nào của một kế hoạch "
		    "trong tệp %s", path);
		plan_text_clear(&plan);
		return 1;
	}
	import_plan_print(&plan);
	plan_text_clear(&plan);
	return 0;
}
