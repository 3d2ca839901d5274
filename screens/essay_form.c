/*
 * essay_form.c - one member's essay for a plan: the date it was handed
 * in, its grade and its three parts (nhận thức; liên hệ chức trách, nhiệm
 * vụ; đề xuất, kiến nghị).
 *
 * Opened with arg.id the plan and arg.id2 the member. The date is checked
 * with date_parse and must lie between the member's session and today;
 * the message goes on the form, nothing is stored silently. Each part is
 * a text area: Enter breaks the line, Tab goes to the next field. What is
 * typed goes into the draft "essay_form" with the plan and the member, so
 * the next start offers it back; opening the same essay also restores it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "store/store.h"
#include "text/text.h"
#include "ui/draft.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/ui.h"
#include "xmalloc.h"

/* The longest part, in bytes: a few pages of Vietnamese. */
#define ESSAY_PART_MAX	16000
/*
 * Lines each part shows at least: the three fit 80x24 with the help line;
 * the part being typed takes the lines left over (form_draw).
 */
#define ESSAY_PART_ROWS	4

static const enum ui_action essay_form_actions[] = {
	ACT_HELP, ACT_SAVE, ACT_NEWLINE, ACT_HISTORY, ACT_TELEX, ACT_QUIT,
	ACT_NONE
};

/* The form keys of the three parts. */
static const char *const essay_parts[] = {
	"awareness", "duties", "proposals", NULL
};
struct essay_form {
	struct form		form;
	struct store_essay	essay;
	char			*heading;
};

/* The grade choice: "not graded" first, then the schema's grades. */
static void
essay_form_grades(struct form *f, const char *grade)
{
	const char *values[8], *labels[8];
	size_t n = 0;

	values[n] = "";
	labels[n++] = "Chưa chấm";
	for (; store_grade_codes[n - 1] != NULL && n < 8; n++) {
		values[n] = store_grade_codes[n - 1];
		labels[n] = store_grade_names[n - 1];
	}
	form_choice(f, "grade", "Xếp loại", values, labels, n, grade);
}

/* "Name, cell | must write, due 17/04/2021 | studied 10/04/2021". */
static char *
essay_form_heading(const struct store_essay *e)
{
	char due[11], studied[11];

	draw_date(e->due_on, due);
	draw_date(e->studied_on, studied);
	return xasprintf("%s, %s | %s%s%s | học %s", e->full_name,
	    e->unit_name, e->must_write ? "Phải viết" : "Miễn viết: ",
	    e->must_write ? (*due != '\0' ? ", hạn " : ", chưa có hạn") :
	    e->reason, e->must_write ? due : "",
	    *studied != '\0' ? studied : "chưa học");
}

static void *
essay_form_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct essay_form *s = xcalloc(1, sizeof *s);
	int64_t plan = d != NULL ? draft_get_int(d, "plan") : arg.id;
	int64_t member = d != NULL ? draft_get_int(d, "member") : arg.id2;

	if (store_essay_get(ui->db, plan, member, &s->essay) != 0) {
		ui_message(ui, 1, "Không tìm thấy đảng viên này");
		free(s);
		return NULL;
	}
	form_init(&s->form);
	form_hidden(&s->form, "plan", s->essay.document_id);
	form_hidden(&s->form, "member", member);
	form_history(&s->form, "essay", s->essay.id);
	form_date(&s->form, "submitted_on", "Ngày nộp", s->essay.submitted_on);
	essay_form_grades(&s->form, s->essay.grade);
	form_textarea(&s->form, "awareness", "1. Về nhận thức",
	    s->essay.awareness, ESSAY_PART_MAX, ESSAY_PART_ROWS);
	form_textarea(&s->form, "duties", "2. Liên hệ chức trách",
	    s->essay.duties, ESSAY_PART_MAX, ESSAY_PART_ROWS);
	form_textarea(&s->form, "proposals", "3. Đề xuất, kiến nghị",
	    s->essay.proposals, ESSAY_PART_MAX, ESSAY_PART_ROWS);
	form_take_draft(ui, &s->form, &screen_essay_form, d);
	s->heading = essay_form_heading(&s->essay);
	return s;
}

static void
essay_form_free(void *data)
{
	struct essay_form *s = data;

	form_free(&s->form);
	store_essay_clear(&s->essay);
	free(s->heading);
	free(s);
}

static char *
essay_form_title(struct ui *ui, void *data)
{
	struct essay_form *s = data;

	return xasprintf("Bài thu hoạch - %s", s->essay.full_name);
}

static void
essay_form_draw(struct ui *ui, void *data)
{
	struct essay_form *s = data;

	ui_put(ui->body, form_draw(ui, &s->form, s->heading), 1, ui->cols - 2,
	    "F2 lưu  Esc bỏ  Tab ô sau  Enter xuống dòng  ←→ xếp loại  "
	    "Ngày trống: chưa nộp", STYLE_DIM, TEXT_ELLIPSIS);
}

/* Checks the fields, then writes; 0, or -1 with the message on the form. */
static int
essay_form_save(struct ui *ui, void *data)
{
	struct essay_form *s = data;
	struct form *f = &s->form;
	struct store_essay *e = &s->essay;
	const char *why, *grade = form_get(f, "grade");
	char iso[11] = "";
	size_t i;

	if (*form_get(f, "submitted_on") != '\0') {
		if (form_get_date(f, "submitted_on", iso) != 0)
			return -1;
		if ((why = store_essay_check_date(e, iso, ui->today)) != NULL)
			return form_fail(f, "submitted_on", why);
	} else if (*grade != '\0')
		return form_fail(f, "submitted_on", "Bài chưa nộp thì chưa "
		    "chấm được: hãy nhập ngày nộp");
	for (i = 0; essay_parts[i] != NULL; i++)
		if (!text_utf8_valid(form_get(f, essay_parts[i]),
		    strlen(form_get(f, essay_parts[i]))))
			return form_fail(f, essay_parts[i], "Nội dung có "
			    "ký tự không hợp lệ");
	free(e->submitted_on);
	e->submitted_on = xstrdup(iso);
	free(e->grade);
	e->grade = xstrdup(grade);
	free(e->awareness);
	e->awareness = xstrdup(form_get(f, "awareness"));
	free(e->duties);
	e->duties = xstrdup(form_get(f, "duties"));
	free(e->proposals);
	e->proposals = xstrdup(form_get(f, "proposals"));
	if (store_essay_save(ui->db, e) != 0)
		return form_fail(f, "submitted_on", db_error(ui->db));
	return 0;
}

static int
essay_form_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct essay_form *s = data;

	return form_screen_key(ui, &s->form, &screen_essay_form,
	    essay_form_save, s, "Đã lưu bài thu hoạch", act, ch, is_keycode);
}

static struct draft *
essay_form_draft(struct ui *ui, void *data)
{
	struct essay_form *s = data;

	return form_screen_draft(&s->form, &screen_essay_form);
}

const struct screen_ops screen_essay_form = {
	.name = "essay_form",
	.actions = essay_form_actions,
	.text_input = 1,
	.init = essay_form_init,
	.free = essay_form_free,
	.title = essay_form_title,
	.draw = essay_form_draw,
	.key = essay_form_key,
	.draft = essay_form_draft,
};
