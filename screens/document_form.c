/*
 * document_form.c - add or edit a document: a plan of the clerk's unit
 * (or a text from above it carries out), with its number, kind, issuer,
 * date, title, the plan it carries out, the resolutions it studies (one
 * a line: a known one by its title or number, else added) and its essay
 * rule.
 *
 * Opened with arg.id the document (0: a new one, issued by the clerk's
 * unit).
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

static const enum ui_action document_form_actions[] = {
	ACT_HELP, ACT_SAVE, ACT_TELEX, ACT_QUIT, ACT_NONE
};

struct document_form {
	struct form	form;
	int64_t		id;
};

static void *
document_form_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct document_form *s = xcalloc(1, sizeof *s);
	/* In the order of enum store_essay_rule. */
	static const char *const essay_codes[] = { "inherit", "days", "none" };
	static const char *const essay_names[] = { "Theo cấp trên",
	    "Sau buổi học", "Không viết" };
	struct store_document doc;
	struct store_choice *kinds, *docs, *parents;
	size_t nkinds, ndocs, i;
	char parent[32], days[16];

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
	/* "None" first, then every other document. */
	parents = xcalloc(ndocs + 1, sizeof *parents);
	parents[0].code = xstrdup("0");
	parents[0].name = xstrdup("(không có)");
	for (i = 0; i < ndocs; i++) {
		parents[i + 1].code = xstrdup(docs[i].code);
		parents[i + 1].name = xstrdup(docs[i].name);
	}
	form_init(&s->form);
	form_hidden(&s->form, "id", s->id);
	form_text(&s->form, "number", "Số (vd 08-KH/ĐU)", doc.number, 160);
	form_choice_list(&s->form, "kind", "Loại", kinds, nkinds,
	    doc.kind != NULL ? doc.kind : "KH");
	form_text(&s->form, "issuer", "Cơ quan ban hành", doc.issuer, 600);
	form_text(&s->form, "place", "Nơi ban hành", doc.place, 300);
	form_date(&s->form, "issued_on", "Ngày (dd/mm/yyyy)", doc.issued_on);
	form_text(&s->form, "title", "Trích yếu", doc.title, 2000);
	form_choice_list(&s->form, "parent_id", "Thực hiện văn bản", parents,
	    ndocs + 1, parent);
	form_textarea(&s->form, "resolutions", "Nghị quyết học tập (mỗi dòng "
	    "một; tên hoặc số, vd 18-NQ/TW)", doc.resolutions, 8000, 3);
	snprintf(days, sizeof days, "%d", doc.essay == STORE_ESSAY_DAYS ?
	    doc.essay_days : 7);
	form_choice(&s->form, "essay", "Bài thu hoạch", essay_codes,
	    essay_names, 3, essay_codes[doc.essay]);
	form_text(&s->form, "essay_days", "Nộp sau buổi học (ngày)", days, 3);
	form_take_draft(ui, &s->form, &screen_document_form, d);
	store_choices_free(&kinds, nkinds);
	store_choices_free(&docs, ndocs);
	store_choices_free(&parents, ndocs + 1);
	store_document_clear(&doc);
	return s;
}

static void
document_form_free(void *data)
{
	struct document_form *s = data;

	form_free(&s->form);
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
	char iso[11], *end;
	long essay_days;

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
	essay_days = strtol(form_get(f, "essay_days"), &end, 10);
	if (strcmp(form_get(f, "essay"), "days") == 0 && (*end != '\0' ||
	    end == form_get(f, "essay_days") || essay_days < 0 ||
	    essay_days > 365))
		return form_fail(f, "essay_days", "Số ngày nộp thu hoạch là một "
		    "số từ 0 đến 365");
	memset(&doc, 0, sizeof doc);
	doc.essay = strcmp(form_get(f, "essay"), "days") == 0 ? STORE_ESSAY_DAYS :
	    strcmp(form_get(f, "essay"), "none") == 0 ? STORE_ESSAY_NONE :
	    STORE_ESSAY_INHERIT;
	doc.essay_days = (int)essay_days;
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
	if (store_document_save(ui->db, &doc) != 0)
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
