/*
 * session_form.c - schedule a session for a plan, in person or online
 * with a bridge point, or a make-up session for those still missing.
 *
 * Opened with arg.id the plan (document) and arg.id2 the session to make
 * up for (0 for an ordinary session); or with arg.id 0 and arg.id2 the
 * session to edit (its date, place... and its state: a session that did
 * not take place is cancelled here rather than deleted, so the record of
 * it stays). The make-up form opens on the date, the one thing to type.
 * A new session starts on the unit the clerk last scheduled one for
 * (remembered per database), carrying out the plan's item for that unit's
 * level; the item fills the title, the form and the length, and choosing
 * another unit or item fills them again unless the clerk changed them.
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

static const enum ui_action session_form_actions[] = {
	ACT_HELP, ACT_SAVE, ACT_HISTORY, ACT_TELEX, ACT_QUIT, ACT_NONE
};

/* ui_remember's key for the unit a session was last scheduled for. */
#define SESSION_FORM_UNIT	"session_unit_id"

struct session_form {
	struct form		 form;
	struct store_plan_session *plan;
	size_t			 nplan;
	int64_t			 id;		/* the session edited, or 0 */
	int64_t			 makeup_of;
	int64_t			 filled;	/* the item the fields came from */
};

/* The plan's sessions as choices, after "none". */
static void
session_form_plan_choice(struct form *f, struct session_form *s,
    const char *value)
{
	struct store_choice *c = xcalloc(s->nplan + 1, sizeof *c);
	size_t i;

	c[0].code = xstrdup("0");
	c[0].name = xstrdup("(không theo mục nào của kế hoạch)");
	for (i = 0; i < s->nplan; i++) {
		c[i + 1].code = xasprintf("%lld", (long long)s->plan[i].id);
		c[i + 1].name = xasprintf("%s: %d. %s", s->plan[i].level_name,
		    s->plan[i].ordinal, s->plan[i].title);
	}
	form_choice_list(f, "plan_session_id", "Theo mục", c, s->nplan + 1, value);
	store_choices_free(&c, s->nplan + 1);
}

/*
 * The session the form starts from into *orig: the one edited, the one
 * made up for, or nothing. 0, or -1 after a message.
 */
static int
session_form_orig(struct ui *ui, struct session_form *s,
    struct store_session *orig)
{
	int64_t from = s->id != 0 ? s->id : s->makeup_of;

	if (from == 0 || store_session_get(ui->db, from, orig) == 0)
		return 0;
	ui_message(ui, 1, "%s", s->id != 0 ? "Không tìm thấy buổi học này" :
	    "Không tìm thấy buổi học cần học bù");
	return -1;
}

/* The plan item id, or NULL. */
static const struct store_plan_session *
session_form_item(const struct session_form *s, int64_t id)
{
	size_t i;

	for (i = 0; i < s->nplan; i++)
		if (s->plan[i].id == id)
			return &s->plan[i];
	return NULL;
}

/* The first item the plan asks of the level of unit, or 0. */
static int64_t
session_form_item_for(struct ui *ui, const struct session_form *s,
    int64_t unit)
{
	struct store_unit u;
	int64_t id = 0;
	size_t i;

	if (store_unit_get(ui->db, unit, &u) != 0)
		return 0;
	for (i = 0; i < s->nplan && id == 0; i++)
		if (store_plan_session_for_kind(&s->plan[i], u.kind))
			id = s->plan[i].id;
	store_unit_clear(&u);
	return id;
}

/* Sets key to value when it still holds what the last fill put there. */
static void
session_form_refill(struct form *f, const char *key, const char *was,
    const char *value)
{
	if (strcmp(form_get(f, key), was) == 0)
		form_set(f, key, value);
}

/*
 * Fills the title, form and length from plan item id (0: none), each
 * unless the clerk changed it since the last fill.
 */
static void
session_form_fill(struct session_form *s, int64_t id)
{
	const struct store_plan_session *old = session_form_item(s, s->filled);
	const struct store_plan_session *new = session_form_item(s, id);
	char was[16], days[16];

	snprintf(was, sizeof was, "%d", old != NULL ? old->half_days : 1);
	snprintf(days, sizeof days, "%d", new != NULL ? new->half_days : 1);
	session_form_refill(&s->form, "title", old != NULL ? old->title : "",
	    new != NULL ? new->title : "");
	session_form_refill(&s->form, "form", old != NULL ? old->form :
	    "in_person", new != NULL ? new->form : "in_person");
	session_form_refill(&s->form, "half_days", was, days);
	s->filled = id;
}

/* A new session, neither edited nor made up for: the one prefilled. */
static int
session_form_is_new(const struct session_form *s)
{
	return s->id == 0 && s->makeup_of == 0;
}

static void *
session_form_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	static const char *const forms[] = { "in_person", "online" };
	static const char *const form_names[] = { "Trực tiếp", "Trực tuyến" };
	static const char *const states[] = { "planned", "held", "cancelled" };
	static const char *const state_names[] = { "Dự kiến", "Đã học",
	    "Hủy (không học)" };
	struct session_form *s = xcalloc(1, sizeof *s);
	struct store_session orig;
	struct store_choice *units;
	size_t nunits;
	int64_t document;
	char unit[32], ps[32], half[16], *title = NULL;
	int n;

	memset(&orig, 0, sizeof orig);
	s->id = d != NULL ? draft_get_int(d, "id") : arg.id == 0 ? arg.id2 : 0;
	s->makeup_of = d != NULL ? draft_get_int(d, "makeup_of") :
	    s->id == 0 ? arg.id2 : 0;
	if (session_form_orig(ui, s, &orig) != 0) {
		free(s);
		return NULL;
	}
	if (s->id != 0)
		s->makeup_of = orig.makeup_of;
	document = d != NULL ? draft_get_int(d, "document_id") : s->id != 0 ?
	    orig.document_id : arg.id;
	n = store_plan_sessions(ui->db, document, ui->home_unit, &s->plan);
	s->nplan = n > 0 ? (size_t)n : 0;
	snprintf(unit, sizeof unit, "%lld", (long long)(session_form_is_new(s) ?
	    ui_recall(ui, SESSION_FORM_UNIT) : orig.unit_id));
	snprintf(half, sizeof half, "%d", s->id != 0 ? orig.half_days : 1);
	if (s->id == 0 && s->makeup_of != 0)
		title = xasprintf("Học bù: %s", orig.title);
	nunits = store_unit_choices(ui->db, ui->home_unit, 0, &units);
	form_init(&s->form);
	form_hidden(&s->form, "id", s->id);
	form_history(&s->form, "session", s->id);
	form_hidden(&s->form, "document_id", document);
	form_hidden(&s->form, "makeup_of", s->makeup_of);
	/* A unit no longer among the choices leaves the first (the commune). */
	form_choice_list(&s->form, "unit_id", "Đơn vị tổ chức", units, nunits,
	    unit);
	snprintf(ps, sizeof ps, "%lld", (long long)(session_form_is_new(s) ?
	    session_form_item_for(ui, s, form_get_int(&s->form, "unit_id")) :
	    orig.plan_session_id));
	session_form_plan_choice(&s->form, s, ps);
	form_text(&s->form, "title", "Tên buổi học", s->id != 0 ? orig.title :
	    title, 900);
	form_date(&s->form, "held_on", "Ngày học (dd/mm/yyyy)", s->id != 0 ?
	    orig.held_on : NULL);
	form_choice(&s->form, "form", "Hình thức", forms, form_names, 2,
	    orig.form);
	form_text(&s->form, "bridge_point", "Điểm cầu (trực tuyến)",
	    orig.bridge_point, 300);
	form_text(&s->form, "place", "Địa điểm", orig.place, 300);
	form_text(&s->form, "presenter", "Báo cáo viên", orig.presenter, 300);
	form_text(&s->form, "half_days", "Số buổi (nửa ngày)", half, 2);
	if (s->id != 0)
		form_choice(&s->form, "status", "Tình hình", states,
		    state_names, 3, orig.status);
	if (s->id == 0 && s->makeup_of != 0)
		form_focus(&s->form, "held_on");
	/* The item named the session: the date is the first thing to type. */
	if (session_form_is_new(s)) {
		session_form_fill(s, form_get_int(&s->form, "plan_session_id"));
		if (*form_get(&s->form, "title") != '\0')
			form_focus(&s->form, "held_on");
	}
	form_take_draft(ui, &s->form, &screen_session_form, d);
	s->filled = form_get_int(&s->form, "plan_session_id");
	free(title);
	store_choices_free(&units, nunits);
	store_session_clear(&orig);
	return s;
}

static void
session_form_free(void *data)
{
	struct session_form *s = data;

	form_free(&s->form);
	store_plan_sessions_free(&s->plan, s->nplan);
	free(s);
}

static char *
session_form_title(struct ui *ui, void *data)
{
	struct session_form *s = data;

	return xstrdup(s->id != 0 ? "Sửa buổi học" : s->makeup_of != 0 ?
	    "Lên lịch học bù" : "Thêm buổi học");
}

static void
session_form_draw(struct ui *ui, void *data)
{
	struct session_form *s = data;

	form_draw(ui, &s->form, s->id != 0 ? "Buổi học không diễn ra: chọn "
	    "Tình hình là Hủy. F2: lưu, Esc: bỏ" : s->makeup_of != 0 ?
	    "Buổi học bù cho những "
	    "người chưa học. F2: lưu, Esc: bỏ" : "F2 hoặc Ctrl-S: lưu    "
	    "Esc: bỏ    trái/phải: đổi lựa chọn");
}

/* The deadline the chosen plan session sets (or its plan above), or NULL. */
static const char *
session_form_deadline(struct session_form *s, int64_t plan_session_id)
{
	size_t i;

	for (i = 0; i < s->nplan; i++)
		if (s->plan[i].id == plan_session_id && *s->plan[i].due != '\0')
			return s->plan[i].due;
	return NULL;
}

/* Checks every field, then writes; 0, or -1 with the message on the form. */
static int
session_form_save(struct ui *ui, void *data)
{
	struct session_form *s = data;
	struct form *f = &s->form;
	struct store_session row;
	const char *why, *deadline, *days = form_get(f, "half_days");
	char iso[11], vn[11], *msg;
	char *end;
	long half_days = strtol(days, &end, 10);

	if ((why = text_check_name(form_get(f, "title"), 300)) != NULL)
		return form_fail(f, "title", why);
	if (form_get_date(f, "held_on", iso) != 0)
		return -1;
	deadline = session_form_deadline(s, form_get_int(f, "plan_session_id"));
	/* Late sessions are what make-up sessions are for. */
	if (deadline != NULL && s->makeup_of == 0 && strcmp(iso, deadline) > 0 &&
	    strcmp(form_get(f, "status"), "cancelled") != 0) {
		draw_date(deadline, vn);
		msg = xasprintf("Hạn của mục này là %s, trước ngày học; buổi học "
		    "muộn hãy ghi là học bù (F8)", vn);
		form_fail(f, "held_on", msg);
		free(msg);
		return -1;
	}
	if (strcmp(form_get(f, "form"), "online") == 0 &&
	    (why = text_check_name(form_get(f, "bridge_point"), 300)) != NULL)
		return form_fail(f, "bridge_point", "Học trực tuyến cần ghi "
		    "điểm cầu");
	if (*end != '\0' || half_days < 1 || half_days > 20)
		return form_fail(f, "half_days", "Số buổi là một số từ 1 đến 20");
	memset(&row, 0, sizeof row);
	row.id = s->id;
	row.status = s->id != 0 ? (char *)form_get(f, "status") : NULL;
	row.document_id = form_get_int(f, "document_id");
	row.plan_session_id = form_get_int(f, "plan_session_id");
	row.unit_id = form_get_int(f, "unit_id");
	row.title = (char *)form_get(f, "title");
	row.held_on = iso;
	row.place = (char *)form_get(f, "place");
	row.form = (char *)form_get(f, "form");
	row.bridge_point = (char *)form_get(f, "bridge_point");
	row.presenter = (char *)form_get(f, "presenter");
	row.half_days = (int)half_days;
	row.makeup_of = s->makeup_of;
	if (store_session_save(ui->db, &row) != 0)
		return form_fail(f, s->id != 0 ? "status" : "title",
		    db_error(ui->db));
	ui_remember(ui, SESSION_FORM_UNIT, row.unit_id);
	return 0;
}

static int
session_form_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct session_form *s = data;
	struct form *f = &s->form;
	int64_t unit = form_get_int(f, "unit_id");
	char id[32];
	int flags;

	flags = form_screen_key(ui, f, &screen_session_form, session_form_save,
	    s, "Đã lưu buổi học; Enter để điểm danh", act, ch, is_keycode);
	if ((flags & UI_BACK) || !session_form_is_new(s))
		return flags;
	/* Another unit: the item the plan asks of its level (or none). */
	if (form_get_int(f, "unit_id") != unit) {
		snprintf(id, sizeof id, "%lld", (long long)session_form_item_for(
		    ui, s, form_get_int(f, "unit_id")));
		form_set(f, "plan_session_id", id);
	}
	if (form_get_int(f, "plan_session_id") != s->filled)
		session_form_fill(s, form_get_int(f, "plan_session_id"));
	return flags;
}

static struct draft *
session_form_draft(struct ui *ui, void *data)
{
	struct session_form *s = data;

	return form_screen_draft(&s->form, &screen_session_form);
}

const struct screen_ops screen_session_form = {
	.name = "session_form",
	.actions = session_form_actions,
	.text_input = 1,
	.init = session_form_init,
	.free = session_form_free,
	.title = session_form_title,
	.draw = session_form_draw,
	.key = session_form_key,
	.draft = session_form_draft,
};
