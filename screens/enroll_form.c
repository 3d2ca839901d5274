/*
 * enroll_form.c - enrols this database with the provincial server: its
 * address, the one-time code the province gave, and optionally the CA
 * file and public-key pin to trust. Opened from the sync screen.
 *
 * No draft is ever written: the code is a credential and the form is
 * four short lines.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sync/sync.h"
#include "text/text.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/ui.h"
#include "xmalloc.h"

#include "longtext.h"

/* Where form_draw puts the error: heading, blank, four fields, blank. */
#define ENROLL_ERROR_Y	7

static const enum ui_action enroll_form_actions[] = {
	ACT_HELP, ACT_SAVE, ACT_TELEX, ACT_QUIT, ACT_NONE
};

struct enroll_form {
	struct form	form;
};

static void *
enroll_form_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct enroll_form *s = xcalloc(1, sizeof *s);

	form_init(&s->form);
	form_text(&s->form, "url", "Địa chỉ máy chủ", "", 300);
	form_text(&s->form, "code", "Mã đăng ký", "", 64);
	form_text(&s->form, "cacert", "Tệp chứng chỉ CA", "", 1000);
	form_text(&s->form, "pin", "Khóa ghim (pin)", "", 200);
	return s;
}

static void
enroll_form_free(void *data)
{
	struct enroll_form *s = data;

	form_free(&s->form);
	free(s);
}

static char *
enroll_form_title(struct ui *ui, void *data)
{
	return xstrdup("Đăng ký máy này với máy chủ tỉnh");
}

static void
enroll_form_draw(struct ui *ui, void *data)
{
	struct enroll_form *s = data;
	char **lines;
	size_t n, i;
	int y = ENROLL_ERROR_Y;

	form_draw(ui, &s->form, "F2 hoặc Ctrl-S: đăng ký    Esc: bỏ    "
	    "(CA và pin: để trống nếu tỉnh không yêu cầu)");
	/* The server's reasons are long: whole, wrapped, over form_draw's line. */
	if (s->form.error != NULL) {
		lines = longtext_wrap(s->form.error, ui->cols - 2, &n);
		for (i = 0; i < n && y < ui->rows - 3; i++)
			ui_put(ui->body, y++, 1, ui->cols - 2, lines[i],
			    STYLE_ERROR, 0);
		longtext_free(&lines, n);
	}
	ui_put(ui->body, ui->rows - 2, 1, ui->cols - 2, "Đơn vị đã nhập trên "
	    "máy được ghép với đơn vị của tỉnh theo mã (hoặc hỏi bạn).",
	    STYLE_DIM, TEXT_ELLIPSIS);
}

/* The value of key, or NULL when the field was left empty. */
static const char *
enroll_form_optional(const struct form *f, const char *key)
{
	const char *v = form_get(f, key);

	return *v != '\0' ? v : NULL;
}

/* Checks the fields, then asks the server; 0, or -1 with the reason. */
static int
enroll_form_save(struct ui *ui, void *data)
{
	struct enroll_form *s = data;
	struct form *f = &s->form;
	const char *url = form_get(f, "url"), *code = form_get(f, "code");
	const char *cacert = enroll_form_optional(f, "cacert");
	const char *pin = enroll_form_optional(f, "pin");
	char *err;

	if (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0)
		return form_fail(f, "url", "Địa chỉ máy chủ có dạng "
		    "https://ten-may-chu (hỏi cấp tỉnh)");
	if (strspn(code, " -") == strlen(code))
		return form_fail(f, "code", "Hãy nhập mã đăng ký do cấp tỉnh cấp");
	if (cacert != NULL && access(cacert, R_OK) != 0)
		return form_fail(f, "cacert", "Không đọc được tệp chứng chỉ này");
	if (pin != NULL && strncmp(pin, "sha256//", 8) != 0)
		return form_fail(f, "pin", "Khóa ghim có dạng sha256//... "
		    "(hoặc để trống)");
	/*
	 * sync_enroll blocks until the server answers: say so now rather
	 * than leave a frozen form on a slow link.
	 */
	ui_put(ui->body, ui->rows - 1, 1, ui->cols - 2, "Đang kết nối máy chủ "
	    "tỉnh...", STYLE_HEADING, TEXT_ELLIPSIS);
	wrefresh(ui->body);
	if (sync_enroll(ui->db, url, code, cacert, pin, &err) != 0) {
		form_fail(f, "code", err);
		free(err);
		return -1;
	}
	return 0;
}

static int
enroll_form_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct enroll_form *s = data;

	return form_screen_key(ui, &s->form, &screen_enroll_form,
	    enroll_form_save, s, sync_match_pending(ui->db) ? "Đã đăng ký; "
	    "đơn vị nhập trên máy chưa ghép được theo mã: F3 hoặc g để ghép" :
	    "Đã đăng ký máy này với máy chủ tỉnh; F4 hoặc s: đồng bộ lần đầu",
	    act, ch, is_keycode);
}

const struct screen_ops screen_enroll_form = {
	.name = "enroll_form",
	.actions = enroll_form_actions,
	.text_input = 1,
	.init = enroll_form_init,
	.free = enroll_form_free,
	.title = enroll_form_title,
	.draw = enroll_form_draw,
	.key = enroll_form_key,
};
