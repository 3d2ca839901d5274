/*
 * action_form.c - add or edit a task of the unit's action programme for
 * a plan: "5 rõ" (the task, who leads, the schedule, the expected result,
 * the responsibility), its last day, and where it stands with the day it
 * was done.
 *
 * Opened with arg.id the plan (document) and arg.id2 the task to edit
 * (0: a new one).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/action.h"
#include "store/store.h"
#include "text/text.h"
#include "ui/draft.h"
#include "ui/form.h"
#include "ui/ui.h"
#include "xmalloc.h"

static const enum ui_action action_form_actions[] = {
	ACT_HELP, ACT_SAVE, ACT_TELEX, ACT_QUIT, ACT_NONE
};

struct action_form {
	struct form	form;
	int64_t		document_id;
	int64_t		id;		/* the task edited, or 0 */
};

static void *
action_form_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	static const char *const states[] = { "pending", "doing", "done" };
	static const char *const state_names[] = { "Chưa làm", "Đang làm",
	    "Đã xong" };
	struct action_form *s = xcalloc(1, sizeof *s);
	struct action_review r;
	const struct action_item_row *a = NULL;
	size_t i;

	s->document_id = d != NULL ? draft_get_int(d, "document_id") : arg.id;
	s->id = d != NULL ? draft_get_int(d, "id") : arg.id2;
	if (action_review_build(ui->db, s->document_id, ui->home_unit,
	    ui->today, &r) != 0) {
		ui_message(ui, 1, "%s", db_error(ui->db));
		free(s);
		return NULL;
	}
	for (i = 0; i < r.n; i++)
		if (r.items[i].id == s->id)
			a = &r.items[i];
	if (s->id != 0 && a == NULL) {
		ui_message(ui, 1, "Không tìm thấy việc này");
		action_review_clear(&r);
		free(s);
		return NULL;
	}
	form_init(&s->form);
	form_hidden(&s->form, "document_id", s->document_id);
	form_hidden(&s->form, "id", s->id);
	form_text(&s->form, "task", "Nhiệm vụ", a != NULL ? a->task : NULL,
	    900);
	form_text(&s->form, "person", "Người chủ trì", a != NULL ? a->person :
	    NULL, 300);
	form_text(&s->form, "schedule", "Tiến độ", a != NULL ? a->schedule :
	    NULL, 300);
	form_text(&s->form, "result", "Kết quả cần đạt", a != NULL ?
	    a->result : NULL, 900);
	form_text(&s->form, "responsibility", "Trách nhiệm", a != NULL ?
	    a->responsibility : NULL, 300);
	form_date(&s->form, "due_on", "Hạn (dd/mm/yyyy)", a != NULL ?
	    a->due_on : NULL);
	form_choice(&s->form, "status", "Tình hình", states, state_names, 3,
	    a != NULL ? a->status : "pending");
	form_date(&s->form, "done_on", "Ngày xong", a != NULL ? a->done_on :
	    NULL);
	form_take_draft(ui, &s->form, &screen_action_form, d);
	action_review_clear(&r);
	return s;
}

static void
action_form_free(void *data)
{
	struct action_form *s = data;

	form_free(&s->form);
	free(s);
}

static char *
action_form_title(struct ui *ui, void *data)
{
	struct action_form *s = data;

	return xstrdup(s->id != 0 ? "Sửa việc của chương trình hành động" :
	    "Thêm việc vào chương trình hành động");
}

static void
action_form_draw(struct ui *ui, void *data)
{
	struct action_form *s = data;

	form_draw(ui, &s->form, "5 rõ: việc, người, tiến độ, kết quả, trách "
	    "nhiệm. F2: lưu, Esc: bỏ");
}

/* Checks every field, then writes; 0, or -1 with the message on the form. */
static int
action_form_save(struct ui *ui, void *data)
{
	struct action_form *s = data;
	struct form *f = &s->form;
	struct action_item_row a;
	const char *why;
	char due[11] = "", done[11] = "";

	if ((why = text_check_name(form_get(f, "task"), 300)) != NULL)
		return form_fail(f, "task", why);
	if (*form_get(f, "due_on") != '\0' &&
	    form_get_date(f, "due_on", due) != 0)
		return -1;
	if (*form_get(f, "done_on") != '\0' &&
	    form_get_date(f, "done_on", done) != 0)
		return -1;
	if (strcmp(form_get(f, "status"), "done") == 0 && *done == '\0')
		return form_fail(f, "done_on", "Việc đã xong: ghi ngày xong");
	if (*done != '\0' && strcmp(done, ui->today) > 0)
		return form_fail(f, "done_on", "Ngày xong chưa tới");
	memset(&a, 0, sizeof a);
	a.id = s->id;
	a.task = (char *)form_get(f, "task");
	a.person = (char *)form_get(f, "person");
	a.schedule = (char *)form_get(f, "schedule");
	a.result = (char *)form_get(f, "result");
	a.responsibility = (char *)form_get(f, "responsibility");
	a.due_on = due;
	a.status = (char *)form_get(f, "status");
	a.done_on = done;
	if (store_action_save(ui->db, s->document_id, ui->home_unit, &a) != 0)
		return form_fail(f, "task", db_error(ui->db));
	return 0;
}

static int
action_form_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct action_form *s = data;

	return form_screen_key(ui, &s->form, &screen_action_form,
	    action_form_save, s, s->id != 0 ? "Đã lưu việc" :
	    "Đã thêm việc vào chương trình", act, ch, is_keycode);
}

static struct draft *
action_form_draft(struct ui *ui, void *data)
{
	struct action_form *s = data;

	return form_screen_draft(&s->form, &screen_action_form);
}

const struct screen_ops screen_action_form = {
	.name = "action_form",
	.actions = action_form_actions,
	.text_input = 1,
	.init = action_form_init,
	.free = action_form_free,
	.title = action_form_title,
	.draw = action_form_draw,
	.key = action_form_key,
	.draft = action_form_draft,
};
