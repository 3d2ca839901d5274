/*
 * tally_form.c - the text of a draft tally report: item 5 (assessment of
 * the essays), item 6 (the cell's proposals) and who signs it.
 *
 * Opened with arg.id the report row (the tally screen creates it) and
 * arg.id2 the plan. A final report is refused. The two texts are text
 * areas (Enter breaks the line, Tab goes to the next field); what is
 * typed goes into the draft "tally_form" with the report and the plan, so
 * the next start offers it back; opening the same report also restores it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/report.h"
#include "store/store.h"
#include "text/text.h"
#include "ui/draft.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/ui.h"
#include "xmalloc.h"

#define TALLY_TEXT_MAX	16000
/*
 * Lines each text shows at least: both and the signer fit 80x24; the one
 * being typed takes the lines left over (form_draw).
 */
#define TALLY_TEXT_ROWS	6

static const enum ui_action tally_form_actions[] = {
	ACT_HELP, ACT_SAVE, ACT_NEWLINE, ACT_TELEX, ACT_QUIT, ACT_NONE
};

struct tally_form {
	struct form		form;
	struct store_tally	report;
};

static void *
tally_form_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct tally_form *s = xcalloc(1, sizeof *s);
	int64_t id = d != NULL ? draft_get_int(d, "report") : arg.id;
	int64_t plan = d != NULL ? draft_get_int(d, "plan") : arg.id2;

	if (store_tally_get_id(ui->db, id, plan, &s->report) != 0) {
		ui_message(ui, 1, "Không tìm thấy báo cáo này");
		free(s);
		return NULL;
	}
	if (s->report.final) {
		ui_message(ui, 1, "Báo cáo đã chốt, không sửa được nữa");
		store_tally_clear(&s->report);
		free(s);
		return NULL;
	}
	form_init(&s->form);
	form_hidden(&s->form, "report", id);
	form_hidden(&s->form, "plan", s->report.plan_id);
	form_textarea(&s->form, "assessment",
	    report_item_label(REPORT_ASSESSMENT),
	    s->report.assessment, TALLY_TEXT_MAX, TALLY_TEXT_ROWS);
	form_textarea(&s->form, "proposals",
	    report_item_label(REPORT_PROPOSALS),
	    s->report.proposals, TALLY_TEXT_MAX, TALLY_TEXT_ROWS);
	form_text(&s->form, "signer", "Bí thư ký", s->report.signer, 480);
	form_take_draft(ui, &s->form, &screen_tally_form, d);
	return s;
}

static void
tally_form_free(void *data)
{
	struct tally_form *s = data;

	form_free(&s->form);
	store_tally_clear(&s->report);
	free(s);
}

static char *
tally_form_title(struct ui *ui, void *data)
{
	struct tally_form *s = data;

	return xasprintf("Báo cáo tổng hợp - đợt %d - nhập đánh giá, đề xuất",
	    s->report.round);
}

static void
tally_form_draw(struct ui *ui, void *data)
{
	struct tally_form *s = data;

	form_draw(ui, &s->form, "F2/Ctrl-S: lưu   Esc: bỏ   Tab: sang ô sau   "
	    "Enter: xuống dòng");
}

static int
tally_form_save(struct ui *ui, void *data)
{
	struct tally_form *s = data;
	struct form *f = &s->form;
	struct store_tally *r = &s->report;
	const char *signer = form_get(f, "signer"), *why;

	if (*signer != '\0' && (why = text_check_name(signer, 120)) != NULL)
		return form_fail(f, "signer", why);
	free(r->assessment);
	r->assessment = xstrdup(form_get(f, "assessment"));
	free(r->proposals);
	r->proposals = xstrdup(form_get(f, "proposals"));
	free(r->signer);
	r->signer = xstrdup(signer);
	if (store_tally_save(ui->db, r) != 0)
		return form_fail(f, "assessment", db_error(ui->db));
	return 0;
}

static int
tally_form_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct tally_form *s = data;

	return form_screen_key(ui, &s->form, &screen_tally_form,
	    tally_form_save, s, "Đã lưu báo cáo", act, ch, is_keycode);
}

static struct draft *
tally_form_draft(struct ui *ui, void *data)
{
	struct tally_form *s = data;

	return form_screen_draft(&s->form, &screen_tally_form);
}

const struct screen_ops screen_tally_form = {
	.name = "tally_form",
	.actions = tally_form_actions,
	.text_input = 1,
	.init = tally_form_init,
	.free = tally_form_free,
	.title = tally_form_title,
	.draw = tally_form_draw,
	.key = tally_form_key,
	.draft = tally_form_draft,
};
