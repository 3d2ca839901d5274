/*
 * report_due_form.c - add or edit a report a plan asks for: which level
 * reports (or every level), what, to whom, the round, and by when: a
 * date, or the words of the plan resolved to a last day (a round's own
 * day when the words name rounds: "đợt 1 trước ngày 29-4-2021, đợt 2 …").
 *
 * Opened with arg.id the plan (document) and arg.id2 the report to edit
 * (0: a new one).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/deadline.h"
#include "store/store.h"
#include "text/text.h"
#include "ui/draft.h"
#include "ui/form.h"
#include "ui/ui.h"
#include "xmalloc.h"

static const enum ui_action report_due_form_actions[] = {
	ACT_HELP, ACT_SAVE, ACT_TELEX, ACT_QUIT, ACT_NONE
};

struct report_due_form {
	struct form	form;
	int64_t		document_id;
	int64_t		id;		/* the report edited, or 0 */
	char		issued_on[11];	/* the plan's date: no deadline before it */
};

static void *
report_due_form_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct report_due_form *s = xcalloc(1, sizeof *s);
	struct store_plan_info info;
	struct store_choice *levels;
	struct store_report_due *rows, *r = NULL;
	size_t nlevels;
	char round[8] = "1";
	int n, i;

	s->document_id = d != NULL ? draft_get_int(d, "document_id") : arg.id;
	s->id = d != NULL ? draft_get_int(d, "id") : arg.id2;
	memset(&info, 0, sizeof info);
	if (store_plan_info_get(ui->db, s->document_id, ui->home_unit,
	    ui->today, &info) != 0) {
		ui_message(ui, 1, "Không tìm thấy kế hoạch này");
		free(s);
		return NULL;
	}
	snprintf(s->issued_on, sizeof s->issued_on, "%s", info.issued_on);
	store_plan_info_clear(&info);
	n = store_report_dues(ui->db, s->document_id, &rows);
	for (i = 0; i < n; i++)
		if (rows[i].id == s->id)
			r = &rows[i];
	if (s->id != 0 && r == NULL) {
		ui_message(ui, 1, "Không tìm thấy hạn báo cáo này");
		store_report_dues_free(&rows, n > 0 ? (size_t)n : 0);
		free(s);
		return NULL;
	}
	if (r != NULL)
		snprintf(round, sizeof round, "%d", r->round);
	nlevels = store_unit_kinds(ui->db, &levels);
	form_init(&s->form);
	form_hidden(&s->form, "document_id", s->document_id);
	form_hidden(&s->form, "id", s->id);
	form_choice_list_or(&s->form, "level", "Cấp báo cáo", "", "Mọi cấp",
	    levels, nlevels, r != NULL ? r->level : "");
	form_text(&s->form, "description", "Nội dung báo cáo", r != NULL ?
	    r->description : NULL, 600);
	form_text(&s->form, "recipient", "Gửi về", r != NULL ? r->recipient :
	    NULL, 300);
	form_text(&s->form, "round", "Đợt", round, 2);
	form_date(&s->form, "due_on", "Hạn (dd/mm/yyyy)", r != NULL &&
	    *r->due_text == '\0' ? r->due_on : NULL);
	form_text(&s->form, "due_text", "Hạn ghi trong văn bản", r != NULL ?
	    r->due_text : NULL, 300);
	form_take_draft(ui, &s->form, &screen_report_due_form, d);
	store_choices_free(&levels, nlevels);
	store_report_dues_free(&rows, n > 0 ? (size_t)n : 0);
	return s;
}

static void
report_due_form_free(void *data)
{
	struct report_due_form *s = data;

	form_free(&s->form);
	free(s);
}

static char *
report_due_form_title(struct ui *ui, void *data)
{
	struct report_due_form *s = data;

	return xstrdup(s->id != 0 ? "Sửa hạn báo cáo" : "Thêm báo cáo kế "
	    "hoạch yêu cầu");
}

static void
report_due_form_draw(struct ui *ui, void *data)
{
	struct report_due_form *s = data;

	form_draw(ui, &s->form, "Để trống hạn thì tính từ hạn ghi như văn bản "
	    "(theo đợt nếu có). F2: lưu, Esc: bỏ");
}

/*
 * The round's own last day when the words name rounds ("đợt 1 trước ngày
 * 29-4-2021, đợt 2 …"): it replaces iso (the last round's); else iso stays.
 */
static void
report_due_form_round_day(const char *words, int year, int round,
    char iso[11])
{
	struct deadline dl;
	int i;

	if (deadline_parse(words, year, &dl) != NULL)
		return;
	for (i = 0; i < dl.nrounds; i++)
		if (dl.rounds[i].round == round)
			date_to_iso(dl.rounds[i].last, iso);
	deadline_clear(&dl);
}

/* Checks every field, then writes; 0, or -1 with the message on the form. */
static int
report_due_form_save(struct ui *ui, void *data)
{
	struct report_due_form *s = data;
	struct form *f = &s->form;
	struct store_report_due r;
	const char *why;
	char due[11], *end;
	long round = strtol(form_get(f, "round"), &end, 10);

	if ((why = text_check_name(form_get(f, "description"), 300)) != NULL)
		return form_fail(f, "description", why);
	if (*end != '\0' || round < 1 || round > 12)
		return form_fail(f, "round", "Đợt là một số từ 1 đến 12");
	if (form_get_deadline(f, "due_on", "due_text", s->issued_on, due) != 0)
		return -1;
	if (*due == '\0')
		return form_fail(f, "due_on", "Ghi hạn: một ngày, hoặc hạn như "
		    "văn bản viết");
	if (*form_get(f, "due_on") == '\0')
		report_due_form_round_day(form_get(f, "due_text"),
		    atoi(s->issued_on), (int)round, due);
	memset(&r, 0, sizeof r);
	r.id = s->id;
	r.round = (int)round;
	r.level = (char *)form_get(f, "level");
	r.description = (char *)form_get(f, "description");
	r.recipient = (char *)form_get(f, "recipient");
	r.due_on = due;
	r.due_text = (char *)form_get(f, "due_text");
	if (store_report_due_save(ui->db, s->document_id, &r) != 0)
		return form_fail(f, "description", db_error(ui->db));
	return 0;
}

static int
report_due_form_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct report_due_form *s = data;

	return form_screen_key(ui, &s->form, &screen_report_due_form,
	    report_due_form_save, s, s->id != 0 ? "Đã lưu hạn báo cáo" :
	    "Đã thêm báo cáo vào kế hoạch", act, ch, is_keycode);
}

static struct draft *
report_due_form_draft(struct ui *ui, void *data)
{
	struct report_due_form *s = data;

	return form_screen_draft(&s->form, &screen_report_due_form);
}

const struct screen_ops screen_report_due_form = {
	.name = "report_due_form",
	.actions = report_due_form_actions,
	.text_input = 1,
	.init = report_due_form_init,
	.free = report_due_form_free,
	.title = report_due_form_title,
	.draw = report_due_form_draw,
	.key = report_due_form_key,
	.draft = report_due_form_draft,
};
