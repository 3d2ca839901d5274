/*
 * member_form.c - add or edit a member, or move one to another cell.
 *
 * Opened with arg.id the member (0: a new one) and arg.id2 the cell a new
 * member goes to, or -1 to start on the cell field (moving).
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

static const enum ui_action member_form_actions[] = {
	ACT_HELP, ACT_SAVE, ACT_HISTORY, ACT_TELEX, ACT_QUIT, ACT_NONE
};

struct member_form {
	struct form	form;
	int64_t		id;
	char		*name;	/* as stored: the title names whom it edits */
};

static void *
member_form_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct member_form *s = xcalloc(1, sizeof *s);
	struct store_member m;
	struct store_choice *cells, *statuses;
	size_t ncells, nstatuses;
	char unit[32], year[16];

	memset(&m, 0, sizeof m);
	s->id = d != NULL ? draft_get_int(d, "id") : arg.id;
	if (s->id != 0 && store_member_get(ui->db, s->id, &m) != 0) {
		ui_message(ui, 1, "Không tìm thấy đảng viên này");
		free(s);
		return NULL;
	}
	snprintf(unit, sizeof unit, "%lld", (long long)(s->id != 0 ? m.unit_id :
	    arg.id2));
	snprintf(year, sizeof year, "%d", m.birth_year);
	ncells = store_unit_choices(ui->db, ui->home_unit, 1, &cells);
	nstatuses = store_member_statuses(ui->db, &statuses);
	form_init(&s->form);
	form_hidden(&s->form, "id", s->id);
	form_history(&s->form, "member", s->id);
	form_text(&s->form, "full_name", "Họ và tên", m.full_name, 480);
	form_choice_list(&s->form, "unit_id", "Chi bộ", cells, ncells, unit);
	form_choice_list(&s->form, "status", "Tình trạng", statuses, nstatuses,
	    m.status != NULL ? m.status : "active");
	form_text(&s->form, "position", "Chức vụ", m.position, 200);
	form_text(&s->form, "birth_year", "Năm sinh", m.birth_year > 0 ? year :
	    "", 4);
	/* Moving a member: the cell is what changes. */
	if (arg.id2 == -1)
		form_focus(&s->form, "unit_id");
	s->name = xstrdup(m.full_name != NULL ? m.full_name : "");
	form_take_draft(ui, &s->form, &screen_member_form, d);
	store_choices_free(&cells, ncells);
	store_choices_free(&statuses, nstatuses);
	store_member_clear(&m);
	return s;
}

static void
member_form_free(void *data)
{
	struct member_form *s = data;

	form_free(&s->form);
	free(s->name);
	free(s);
}

static char *
member_form_title(struct ui *ui, void *data)
{
	struct member_form *s = data;

	if (s->id == 0)
		return xstrdup("Thêm đảng viên");
	return xasprintf("Sửa thông tin đảng viên: %s", s->name);
}

static void
member_form_draw(struct ui *ui, void *data)
{
	struct member_form *s = data;

	form_draw(ui, &s->form, "F2 hoặc Ctrl-S: lưu    Esc: bỏ    "
	    "trái/phải: đổi lựa chọn");
}

/* Checks every field, then writes; 0, or -1 with the message on the form. */
static int
member_form_save(struct ui *ui, void *data)
{
	struct member_form *s = data;
	struct form *f = &s->form;
	/* The form's field of each field store_member_check can refuse. */
	static const char *const fields[] = {
		[STORE_MEMBER_NAME] = "full_name",
		[STORE_MEMBER_POSITION] = "position",
		[STORE_MEMBER_UNIT] = "unit_id",
	};
	struct store_member m;
	enum store_member_field bad;
	const char *why;
	int rc;

	memset(&m, 0, sizeof m);
	if ((why = store_member_year(form_get(f, "birth_year"),
	    &m.birth_year)) != NULL)
		return form_fail(f, "birth_year", why);
	m.id = s->id;
	m.unit_id = form_get_int(f, "unit_id");
	m.full_name = (char *)form_get(f, "full_name");
	m.position = (char *)form_get(f, "position");
	m.status = (char *)form_get(f, "status");
	if ((why = store_member_check(ui->db, &m, &bad)) != NULL)
		return form_fail(f, fields[bad], why);
	rc = store_member_save(ui->db, &m);
	if (rc != 0)
		return form_fail(f, "full_name", db_error(ui->db));
	return 0;
}

static int
member_form_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct member_form *s = data;

	return form_screen_key(ui, &s->form, &screen_member_form,
	    member_form_save, s, "Đã lưu", act, ch, is_keycode);
}

static struct draft *
member_form_draft(struct ui *ui, void *data)
{
	struct member_form *s = data;

	return form_screen_draft(&s->form, &screen_member_form);
}

const struct screen_ops screen_member_form = {
	.name = "member_form",
	.actions = member_form_actions,
	.text_input = 1,
	.init = member_form_init,
	.free = member_form_free,
	.title = member_form_title,
	.draw = member_form_draw,
	.key = member_form_key,
	.draft = member_form_draft,
};
