/*
 * document_form.c - add or edit a document: a plan of the clerk's unit
 * (or a text from above it carries out), with its number, kind, issuer,
 * date, title, the plan it carries out, the resolutions it studies (one
 * a line: a known one by its title or number, else added) and its essay
 * rule, and who writes under it (per status: its own rule, or the plan
 * above's and the general one).
 *
 * Opened with arg.id the document (0: a new one, issued by the clerk's
 * unit).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/deadline.h"
#include "store/store.h"
#include "text/text.h"
#include "ui/draft.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/ui.h"
#include "xmalloc.h"

static const enum ui_action document_form_actions[] = {
	ACT_HELP, ACT_SAVE, ACT_HISTORY, ACT_TELEX, ACT_QUIT, ACT_NONE
};

struct document_form {
	struct form		 form;
	int64_t			 id;
	struct store_choice	*statuses;	/* party members': one field each */
	size_t			 nstatuses;
};

/* Who writes under this plan, per status: its own rule or the one above. */
static const char *const document_form_write_codes[] = { "", "1", "0" };
static const char *const document_form_write_names[] = {
	"Theo cấp trên, quy định chung", "Phải viết", "Miễn viết"
};

/* The field of status code, "ex_CODE", newly allocated. */
static char *
document_form_status_key(const char *code)
{
	return xasprintf("ex_%s", code);
}

/* One choice a party member status: the plan's own rule, if it has one. */
static void
document_form_add_statuses(struct ui *ui, struct document_form *s,
    const char *exemptions)
{
	size_t i;

	s->nstatuses = store_party_statuses(ui->db, &s->statuses);
	for (i = 0; i < s->nstatuses; i++) {
		char *key = document_form_status_key(s->statuses[i].code);
		char *label = xasprintf("Viết? %s", s->statuses[i].name);
		char *mine = xasprintf("\n%s=", s->statuses[i].code);
		char *all = xasprintf("\n%s", exemptions != NULL ? exemptions : "");
		const char *at = strstr(all, mine);
		char value[2] = "";

		if (at != NULL)
			value[0] = at[strlen(mine)];
		form_choice(&s->form, key, label, document_form_write_codes,
		    document_form_write_names, 3, value);
		free(key);
		free(label);
		free(mine);
		free(all);
	}
}

/* The statuses' choices as store_document takes them; newly allocated. */
static char *
document_form_exemptions(const struct document_form *s)
{
	char *all = xstrdup(""), *next;
	size_t i;

	for (i = 0; i < s->nstatuses; i++) {
		char *key = document_form_status_key(s->statuses[i].code);
		const char *v = form_get(&s->form, key);

		free(key);
		if (*v == '\0')
			continue;
		next = xasprintf("%s%s=%s\n", all, s->statuses[i].code, v);
		free(all);
		all = next;
	}
	return all;
}

static void *
document_form_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct document_form *s = xcalloc(1, sizeof *s);
	/* In the order of enum store_essay_rule. */
	static const char *const essay_codes[] = { "inherit", "days", "none",
	    "date" };
	static const char *const essay_names[] = { "Theo cấp trên",
	    "Sau buổi học", "Không viết", "Đến ngày" };
	struct store_document doc;
	struct store_choice *kinds, *docs;
	size_t nkinds, ndocs;
	char parent[32], days[16], essay_due[11];

	memset(&doc, 0, sizeof doc);
	s->id = d != NULL ? draft_get_int(d, "id") : arg.id;
	if (s->id != 0 && store_document_get(ui->db, s->id, &doc) != 0) {
		ui_message(ui, 1, "Không tìm thấy văn bản này");
		free(s);
		return NULL;
	}
	snprintf(parent, sizeof parent, "%lld", (long long)doc.parent_id);
	nkinds = store_doc_kinds(ui->db, &kinds);
	ndocs = store_document_choices(ui->db, &docs);
	form_init(&s->form);
	form_hidden(&s->form, "id", s->id);
	form_history(&s->form, "document", s->id);
	form_text(&s->form, "number", "Số (vd 08-KH/ĐU)", doc.number, 160);
	form_choice_list(&s->form, "kind", "Loại", kinds, nkinds,
	    doc.kind != NULL ? doc.kind : "KH");
	form_text(&s->form, "issuer", "Cơ quan ban hành", doc.issuer, 600);
	form_text(&s->form, "place", "Nơi ban hành", doc.place, 300);
	form_date(&s->form, "issued_on", "Ngày (dd/mm/yyyy)", doc.issued_on);
	form_text(&s->form, "title", "Trích yếu", doc.title, 2000);
	form_choice_list_or(&s->form, "parent_id", "Thực hiện văn bản", "0",
	    "(không có)", docs, ndocs, parent);
	form_textarea(&s->form, "resolutions", "Nghị quyết học tập (mỗi dòng "
	    "một; tên hoặc số, vd 18-NQ/TW)", doc.resolutions, 8000, 2);
	snprintf(days, sizeof days, "%d", doc.essay == STORE_ESSAY_DAYS ?
	    doc.essay_days : 7);
	form_choice(&s->form, "essay", "Bài thu hoạch", essay_codes,
	    essay_names, 4, essay_codes[doc.essay]);
	form_text(&s->form, "essay_days", "Nộp sau buổi học (ngày)", days, 3);
	/* Kept as its last day; shown back as a date. */
	draw_date(doc.essay_due, essay_due);
	form_text(&s->form, "essay_due", "Nộp đến ngày (như văn bản)",
	    essay_due, 300);
	document_form_add_statuses(ui, s, doc.exemptions);
	form_textarea(&s->form, "parents_text", "Căn cứ, thực hiện",
	    doc.parents_text, 4000, 1);
	form_text(&s->form, "action_due_text", "Hạn lập CT hành động",
	    doc.action_due_text, 300);
	form_take_draft(ui, &s->form, &screen_document_form, d);
	store_choices_free(&kinds, nkinds);
	store_choices_free(&docs, ndocs);
	store_document_clear(&doc);
	return s;
}

static void
document_form_free(void *data)
{
	struct document_form *s = data;

	form_free(&s->form);
	store_choices_free(&s->statuses, s->nstatuses);
	free(s);
}

static char *
document_form_title(struct ui *ui, void *data)
{
	struct document_form *s = data;

	return xstrdup(s->id == 0 ? "Thêm kế hoạch, văn bản" : "Sửa văn bản");
}

static void
document_form_draw(struct ui *ui, void *data)
{
	struct document_form *s = data;

	form_draw(ui, &s->form, "F2 hoặc Ctrl-S: lưu    Esc: bỏ    "
	    "trái/phải: đổi lựa chọn");
}

/* Each line of the resolutions is a name; -1 with the message on the form. */
static int
document_form_check_resolutions(struct form *f)
{
	char *lines = xstrdup(form_get(f, "resolutions")), *line, *save = NULL;
	const char *why = NULL;
	char *msg;
	int no = 0;

	for (line = strtok_r(lines, "\n", &save); line != NULL && why == NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		no++;
		if (line[strspn(line, " \t")] != '\0')
			why = text_check_name(line, 600);
	}
	free(lines);
	if (why == NULL)
		return 0;
	msg = xasprintf("Nghị quyết dòng %d: %s", no, why);
	form_fail(f, "resolutions", msg);
	free(msg);
	return -1;
}

/* Checks every field, then writes; 0, or -1 with the message on the form. */
static int
document_form_save(struct ui *ui, void *data)
{
	struct document_form *s = data;
	struct form *f = &s->form;
	struct store_document doc;
	const char *why;
	char iso[11], action_due[11] = "", essay_due[11] = "", *end;
	long essay_days;
	int rc;

	if ((why = text_check_name(form_get(f, "number"), 40)) != NULL)
		return form_fail(f, "number", why);
	if ((why = text_check_name(form_get(f, "issuer"), 200)) != NULL)
		return form_fail(f, "issuer", why);
	if (form_get_date(f, "issued_on", iso) != 0)
		return -1;
	if ((why = text_check_name(form_get(f, "title"), 600)) != NULL)
		return form_fail(f, "title", why);
	if (document_form_check_resolutions(f) != 0)
		return -1;
	if (*form_get(f, "action_due_text") != '\0' &&
	    (why = deadline_last_day(form_get(f, "action_due_text"), atoi(iso),
	    action_due)) != NULL)
		return form_fail(f, "action_due_text", why);
	essay_days = strtol(form_get(f, "essay_days"), &end, 10);
	if (strcmp(form_get(f, "essay"), "days") == 0 && (*end != '\0' ||
	    end == form_get(f, "essay_days") || essay_days < 0 ||
	    essay_days > 365))
		return form_fail(f, "essay_days", "Số ngày nộp thu hoạch là một "
		    "số từ 0 đến 365");
	/* "trước ngày 30/6/2021" as every deadline: docs/deadlines.md. */
	if (strcmp(form_get(f, "essay"), "date") == 0 &&
	    (why = *form_get(f, "essay_due") == '\0' ? "Ghi ngày phải nộp thu "
	    "hoạch (vd 30/6/2021, trước ngày 30/6/2021)" : deadline_last_day(
	    form_get(f, "essay_due"), atoi(iso), essay_due)) != NULL)
		return form_fail(f, "essay_due", why);
	memset(&doc, 0, sizeof doc);
	doc.essay = strcmp(form_get(f, "essay"), "days") == 0 ? STORE_ESSAY_DAYS :
	    strcmp(form_get(f, "essay"), "none") == 0 ? STORE_ESSAY_NONE :
	    strcmp(form_get(f, "essay"), "date") == 0 ? STORE_ESSAY_DATE :
	    STORE_ESSAY_INHERIT;
	doc.essay_days = (int)essay_days;
	doc.essay_due = essay_due;
	doc.id = s->id;
	doc.owner_unit_id = ui->home_unit;
	if (s->id != 0) {
		struct store_document old;

		memset(&old, 0, sizeof old);
		if (store_document_get(ui->db, s->id, &old) == 0)
			doc.owner_unit_id = old.owner_unit_id;
		store_document_clear(&old);
	}
	if (store_document_number_used(ui->db, doc.owner_unit_id,
	    form_get(f, "number"), s->id))
		return form_fail(f, "number", "Đơn vị đã có văn bản mang số này");
	doc.parent_id = form_get_int(f, "parent_id");
	doc.number = (char *)form_get(f, "number");
	doc.kind = (char *)form_get(f, "kind");
	doc.issuer = (char *)form_get(f, "issuer");
	doc.place = (char *)form_get(f, "place");
	doc.issued_on = iso;
	doc.title = (char *)form_get(f, "title");
	doc.resolutions = (char *)form_get(f, "resolutions");
	doc.exemptions = document_form_exemptions(s);
	doc.parents_text = (char *)form_get(f, "parents_text");
	doc.action_due_text = (char *)form_get(f, "action_due_text");
	doc.action_due = action_due;
	rc = store_document_save(ui->db, &doc);
	free(doc.exemptions);
	if (rc != 0)
		return form_fail(f, "number", db_error(ui->db));
	return 0;
}

static int
document_form_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct document_form *s = data;

	return form_screen_key(ui, &s->form, &screen_document_form,
	    document_form_save, s, "Đã lưu văn bản", act, ch, is_keycode);
}

static struct draft *
document_form_draft(struct ui *ui, void *data)
{
	struct document_form *s = data;

	return form_screen_draft(&s->form, &screen_document_form);
}

const struct screen_ops screen_document_form = {
	.name = "document_form",
	.actions = document_form_actions,
	.text_input = 1,
	.init = document_form_init,
	.free = document_form_free,
	.title = document_form_title,
	.draw = document_form_draw,
	.key = document_form_key,
	.draft = document_form_draft,
};
