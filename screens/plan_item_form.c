/*
 * plan_item_form.c - add or edit a session a plan asks a level to hold:
 * the levels, what it is, who attends, the materials and their ratio, the
 * presenter, in person or online with its bridge points, its length with
 * its parts (domain/plan_item.c), its start time and its deadline (a
 * date, or the words of the plan resolved by domain/deadline.c). The
 * heading says how many copies of the materials the clerk's unit needs.
 *
 * Opened with arg.id the plan (document) and arg.id2 the item to edit (0:
 * a new one).
 */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/deadline.h"
#include "domain/plan_item.h"
#include "store/store.h"
#include "text/text.h"
#include "ui/draft.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/ui.h"
#include "xmalloc.h"

static const enum ui_action plan_item_form_actions[] = {
	ACT_HELP, ACT_SAVE, ACT_TELEX, ACT_QUIT, ACT_NONE
};

/* The item's plain texts, as the form shows them after its deadline. */
static const struct {
	const char	*key;
	const char	*label;
	size_t		 offset;
	size_t		 max;
} plan_item_texts[] = {
	{ "audience", "Thành phần",
	  offsetof(struct store_plan_session, audience), 900 },
	{ "materials", "Tài liệu",
	  offsetof(struct store_plan_session, materials), 900 },
	{ "material_ratio", "Định mức tài liệu",
	  offsetof(struct store_plan_session, material_ratio), 100 },
	{ "presenter", "Báo cáo viên",
	  offsetof(struct store_plan_session, presenter), 300 },
	{ "length_text", "Thời lượng ghi",
	  offsetof(struct store_plan_session, length_text), 300 },
	{ "start_time", "Giờ bắt đầu",
	  offsetof(struct store_plan_session, start_time), 20 },
};
#define PLAN_ITEM_NTEXTS \
	(sizeof plan_item_texts / sizeof plan_item_texts[0])

/* The field of p that text i of plan_item_texts names. */
static char **
plan_item_text(const struct store_plan_session *p, size_t i)
{
	return (char **)((const char *)p + plan_item_texts[i].offset);
}

struct plan_item_form {
	struct form	form;
	int64_t		document_id;
	int64_t		id;		/* the item edited, or 0 */
	char		issued_on[11];	/* the plan's date: no deadline before it */
	char		*copies;	/* the heading's line on the materials */
};

/*
 * The item's date as the form shows it: empty when the plan's words
 * resolve to it, so that editing the words moves the date with them.
 */
static const char *
plan_item_form_own_date(const struct store_plan_session *item,
    const char *issued_on)
{
	char iso[11];

	if (item == NULL)
		return NULL;
	deadline_last_day(item->deadline_text, atoi(issued_on), iso);
	return strcmp(iso, item->deadline) == 0 ? NULL : item->deadline;
}

static void *
plan_item_form_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	static const char *const forms[] = { "in_person", "online" };
	static const char *const form_names[] = { "Trực tiếp", "Trực tuyến" };
	struct plan_item_form *s = xcalloc(1, sizeof *s);
	struct store_plan_info info;
	struct store_choice *levels;
	struct store_plan_session *items, *item = NULL;
	size_t nlevels, i;
	char half[16] = "1";
	int n;

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
	n = store_plan_sessions(ui->db, s->document_id, ui->home_unit, &items);
	for (i = 0; n > 0 && i < (size_t)n; i++)
		if (items[i].id == s->id)
			item = &items[i];
	if (s->id != 0 && item == NULL) {
		ui_message(ui, 1, "Không tìm thấy mục này của kế hoạch");
		store_plan_sessions_free(&items, n > 0 ? (size_t)n : 0);
		free(s);
		return NULL;
	}
	if (item != NULL)
		snprintf(half, sizeof half, "%d", item->half_days);
	nlevels = store_unit_kinds(ui->db, &levels);
	s->copies = item == NULL || item->copies < 0 ? NULL :
	    xasprintf("Đơn vị có %d đảng viên: cần %d bản tài liệu (%s)",
	    item->members, item->copies, item->material_ratio);
	form_init(&s->form);
	form_hidden(&s->form, "document_id", s->document_id);
	form_hidden(&s->form, "id", s->id);
	form_choice_list(&s->form, "level", "Cấp tổ chức", levels, nlevels,
	    item != NULL ? item->level : "cell");
	form_text(&s->form, "title", "Nội dung buổi học", item != NULL ?
	    item->title : NULL, 900);
	form_choice(&s->form, "form", "Hình thức", forms, form_names, 2,
	    item != NULL ? item->form : NULL);
	form_text(&s->form, "half_days", "Số buổi (nửa ngày)", half, 2);
	form_date(&s->form, "deadline", "Hạn hoàn thành",
	    plan_item_form_own_date(item, s->issued_on));
	form_text(&s->form, "deadline_text", "Hạn ghi trong văn bản",
	    item != NULL ? item->deadline_text : NULL, 300);
	form_choice_list_or(&s->form, "also_levels", "Cả cấp", "", "(không)",
	    levels, nlevels, item != NULL ? item->also_levels : "");
	for (i = 0; i < PLAN_ITEM_NTEXTS; i++)
		form_text(&s->form, plan_item_texts[i].key,
		    plan_item_texts[i].label, item != NULL ? *plan_item_text(item,
		    i) : NULL, plan_item_texts[i].max);
	form_textarea(&s->form, "bridge_names", "Điểm cầu (mỗi dòng 1)",
	    item != NULL ? item->bridge_names : NULL, 2000, 1);
	form_take_draft(ui, &s->form, &screen_plan_item_form, d);
	store_choices_free(&levels, nlevels);
	store_plan_sessions_free(&items, n > 0 ? (size_t)n : 0);
	return s;
}

static void
plan_item_form_free(void *data)
{
	struct plan_item_form *s = data;

	form_free(&s->form);
	free(s->copies);
	free(s);
}

static char *
plan_item_form_title(struct ui *ui, void *data)
{
	struct plan_item_form *s = data;

	return xstrdup(s->id != 0 ? "Sửa buổi học kế hoạch yêu cầu" :
	    "Thêm buổi học kế hoạch yêu cầu");
}

static void
plan_item_form_draw(struct ui *ui, void *data)
{
	struct plan_item_form *s = data;

	form_draw(ui, &s->form, s->copies != NULL ? s->copies : "Để trống hạn "
	    "hoàn thành thì tính từ hạn ghi như văn bản (\"quý II/2021\": "
	    "30/06/2021). F2: lưu, Esc: bỏ");
}

/* Checks every field, then writes; 0, or -1 with the message on the form. */
static int
plan_item_form_save(struct ui *ui, void *data)
{
	struct plan_item_form *s = data;
	struct form *f = &s->form;
	struct store_plan_session p;
	const char *why, *days = form_get(f, "half_days");
	char deadline[11], start[6] = "", *end;
	size_t i;
	long half_days = strtol(days, &end, 10);

	if ((why = text_check_name(form_get(f, "title"), 300)) != NULL)
		return form_fail(f, "title", why);
	if (*end != '\0' || half_days < 1 || half_days > 20)
		return form_fail(f, "half_days", "Số buổi là một số từ 1 đến 20");
	if (*form_get(f, "length_text") != '\0') {
		/* The length as written gives the number of sittings. */
		struct plan_length len;

		if ((why = plan_length_parse(form_get(f, "length_text"),
		    &len)) != NULL)
			return form_fail(f, "length_text", why);
		half_days = len.half_days;
		plan_length_clear(&len);
	}
	if (*form_get(f, "material_ratio") != '\0' &&
	    plan_ratio_copies(form_get(f, "material_ratio"), 1) < 0)
		return form_fail(f, "material_ratio", "Ghi định mức như văn bản: "
		    "\"03 đảng viên/01 cuốn\"");
	if (*form_get(f, "start_time") != '\0' &&
	    plan_time_parse(form_get(f, "start_time"), start) != 0)
		return form_fail(f, "start_time", "Giờ bắt đầu ghi như 7:30 "
		    "hoặc 13h30");
	if (form_get_deadline(f, "deadline", "deadline_text", s->issued_on,
	    deadline) != 0)
		return -1;
	memset(&p, 0, sizeof p);
	p.id = s->id;
	p.level = (char *)form_get(f, "level");
	p.title = (char *)form_get(f, "title");
	p.form = (char *)form_get(f, "form");
	p.half_days = (int)half_days;
	p.deadline = deadline;
	p.deadline_text = (char *)form_get(f, "deadline_text");
	p.also_levels = (char *)(strcmp(form_get(f, "also_levels"), p.level) !=
	    0 ? form_get(f, "also_levels") : "");
	for (i = 0; i < PLAN_ITEM_NTEXTS; i++)
		*plan_item_text(&p, i) = (char *)form_get(f,
		    plan_item_texts[i].key);
	p.start_time = start;
	p.bridge_names = (char *)form_get(f, "bridge_names");
	if (store_plan_session_save(ui->db, s->document_id, &p) != 0)
		return form_fail(f, "title", db_error(ui->db));
	return 0;
}

static int
plan_item_form_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct plan_item_form *s = data;

	return form_screen_key(ui, &s->form, &screen_plan_item_form,
	    plan_item_form_save, s, s->id != 0 ? "Đã lưu mục của kế hoạch" :
	    "Đã thêm buổi học vào kế hoạch", act, ch,
	    is_keycode);
}

static struct draft *
plan_item_form_draft(struct ui *ui, void *data)
{
	struct plan_item_form *s = data;

	return form_screen_draft(&s->form, &screen_plan_item_form);
}

const struct screen_ops screen_plan_item_form = {
	.name = "plan_item_form",
	.actions = plan_item_form_actions,
	.text_input = 1,
	.init = plan_item_form_init,
	.free = plan_item_form_free,
	.title = plan_item_form_title,
	.draw = plan_item_form_draw,
	.key = plan_item_form_key,
	.draft = plan_item_form_draft,
};
