/*
 * tally_print.c - "In" on the tally screen (tally_print.h).
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "db.h"
#include "domain/paper.h"
#include "domain/report.h"
#include "domain/report_paper.h"
#include "files.h"
#include "msg.h"
#include "paths.h"
#include "printer.h"
#include "tally_print.h"
#include "text/text.h"
#include "xmalloc.h"

/*
 * The default file: "baocao-13-kh-tu-dang-bo-xa-vinh-hoa-hiep-dot1.rtf"
 * in dir, the plan and the unit folded to ASCII letters and digits so
 * the name survives a USB stick formatted on Windows and an email.
 */
static char *
tally_print_default(const char *dir, const char *plan, const char *unit,
    int round)
{
	char *both = xasprintf("%s %s", plan, unit), *fold = text_fold(both);
	char *slug = xmalloc(strlen(fold) + 1), *path;
	size_t i, n = 0;

	for (i = 0; fold[i] != '\0'; i++) {
		if (isalnum((unsigned char)fold[i]))
			slug[n++] = fold[i];
		else if (n > 0 && slug[n - 1] != '-')
			slug[n++] = '-';
	}
	while (n > 0 && slug[n - 1] == '-')
		n--;
	slug[n] = '\0';
	path = xasprintf("%s/baocao-%s-dot%d.rtf", dir, slug, round);
	free(both);
	free(fold);
	free(slug);
	return path;
}

/* What the clerk typed as a path: "~/" is home, a bare name goes in dir. */
static char *
tally_print_path(const char *typed, const char *dir)
{
	const char *home = getenv("HOME");

	if (typed[0] == '~' && typed[1] == '/' && home != NULL)
		return xasprintf("%s%s", home, typed + 1);
	if (typed[0] == '/')
		return xstrdup(typed);
	return xasprintf("%s/%s", dir, typed);
}

/* The path as the clerk reads it back: home as "~", through the sanitiser. */
static char *
tally_print_shown(const char *path)
{
	const char *home = getenv("HOME");
	size_t len = home != NULL ? strlen(home) : 0;
	char *tilde, *shown;

	if (len > 1 && strncmp(path, home, len) == 0 && path[len] == '/')
		tilde = xasprintf("~%s", path + len);
	else
		tilde = xstrdup(path);
	shown = text_display(tilde, 0);
	free(tilde);
	return shown;
}

/* Whether the name asks for RTF: it ends in ".rtf", in any case. */
static int
tally_print_is_rtf(const char *path)
{
	size_t len = strlen(path);

	return len >= 4 && strcasecmp(path + len - 4, ".rtf") == 0;
}

/*
 * Prints the text form with the print command, if one is set; the
 * message's tail: "" when none is set, else what became of it.
 */
static char *
tally_print_send(struct ui *ui, const struct paper *p, int *failed)
{
	char *command = db_setting_get(ui->db, PRINTER_SETTING), *text, *err;
	char *tail, *name;

	*failed = 0;
	if (command == NULL || strspn(command, " \t") == strlen(command)) {
		free(command);
		return xstrdup("");
	}
	text = paper_text(p);
	name = text_display(command, 0);
	if (printer_send(command, text, strlen(text), &err) == 0)
		tail = xasprintf("; đã gửi máy in (%s)", name);
	else {
		tail = xasprintf("; không in được: %s", err);
		*failed = 1;
		free(err);
	}
	free(name);
	free(text);
	free(command);
	return tail;
}

/* Writes the form to path; 0, or -1 after a message. */
static int
tally_print_write(struct ui *ui, const struct paper *p, const char *path,
    const char *dir, const char *shown)
{
	char *data = tally_print_is_rtf(path) ? paper_rtf(p) : paper_text(p);
	int rc;

	/* The default folder may not exist yet; a folder typed must. */
	if (strncmp(path, dir, strlen(dir)) == 0 && path[strlen(dir)] == '/')
		paths_make_parent(path);
	rc = files_write(path, data, strlen(data));
	if (rc != 0)
		ui_message(ui, 1, "Không ghi được %s: %s", shown,
		    msg_strerror(errno));
	free(data);
	return rc;
}

int
tally_print(struct ui *ui, int64_t plan_id, const char *plan_number,
    int64_t unit_id, const char *unit_name, int round)
{
	char *dir = paths_documents_dir(), *def, *typed, *path, *shown, *tail;
	struct report r;
	struct paper p;
	int failed;

	def = tally_print_default(dir, plan_number, unit_name, round);
	typed = ui_prompt(ui, "In ra tệp (.rtf hoặc .txt)", def);
	free(def);
	if (typed == NULL || *typed == '\0') {
		free(typed);
		free(dir);
		return UI_REDRAW;
	}
	path = tally_print_path(typed, dir);
	shown = tally_print_shown(path);
	free(typed);
	if (access(path, F_OK) == 0 &&
	    !ui_confirm(ui, "Tệp đã có. Ghi đè?"))
		goto out;
	if (report_build(ui->db, plan_id, unit_id, round, ui->today,
	    REPORT_WITH_PROPOSALS, &r) != 0) {
		ui_message(ui, 1, "%s", db_error(ui->db));
		goto out;
	}
	report_paper(&r, REPORT_PAPER_ANNEX, &p);
	report_clear(&r);
	if (tally_print_write(ui, &p, path, dir, shown) == 0) {
		tail = tally_print_send(ui, &p, &failed);
		ui_message(ui, failed, "Đã ghi %s%s", shown, tail);
		free(tail);
	}
	paper_clear(&p);
out:
	free(shown);
	free(path);
	free(dir);
	return UI_REDRAW;
}
