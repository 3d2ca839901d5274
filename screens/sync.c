/*
 * sync.c - "Đồng bộ với tỉnh": whether this database is enrolled, what
 * waits to be sent, what the server set aside, and a sync that runs in
 * the interface's own loop (tick) with its progress shown as it goes.
 *
 * The run lives in this screen: cancelling, leaving the screen or
 * quitting stops it, and nothing is lost (the library resends what was
 * not acknowledged at the next run).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "hlc.h"
#include "store/store.h"
#include "sync/sync.h"
#include "text/text.h"
#include "ui/draw.h"
#include "ui/ui.h"
#include "xmalloc.h"

#include "longtext.h"

/* How long one tick lets libcurl wait; the loop waits UI_BUSY_MS more. */
#define SYNC_STEP_MS	10
/* What a cancelled run leaves: the library resends what was not acknowledged. */
#define SYNC_CANCELLED	"Đã hủy; không mất dữ liệu, lần sau sẽ gửi tiếp"
/* Columns of the progress bar, brackets included. */
#define SYNC_BAR_COLS	52

static const enum ui_action sync_actions[] = {
	ACT_HELP, ACT_SYNC, ACT_REJECTED, ACT_CONFLICTS, ACT_ENROLL, ACT_CANCEL,
	ACT_MATCH, ACT_QUIT, ACT_NONE
};

struct sync_screen {
	char			*url;		/* NULL: not enrolled */
	char			*unit;		/* the enrolled unit's name, or "" */
	int64_t			 pending;
	int64_t			 rejected;
	int64_t			 conflicts;
	int			 match;		/* units wait for the clerk */
	char			*clock;		/* the PC clock is off, or NULL */
	char			*last;		/* last verified sync */
	struct sync_run		*run;		/* non-NULL while syncing */
	struct sync_progress	 p;		/* as last drawn */
	char			*result;	/* how the last run ended */
	int			 result_error;
};

/* Reads again everything the screen shows but the run. */
static void
sync_screen_load(struct ui *ui, struct sync_screen *s)
{
	struct store_unit u;

	free(s->url);
	free(s->unit);
	free(s->last);
	s->url = sync_server_url(ui->db);
	ui->home_unit = store_home_unit(ui->db);
	if (ui->home_unit != 0 && store_unit_get(ui->db, ui->home_unit, &u) == 0) {
		s->unit = xstrdup(u.name);
		store_unit_clear(&u);
	} else
		s->unit = xstrdup("");
	s->pending = sync_pending_count(ui->db);
	s->rejected = sync_rejected_count(ui->db);
	s->conflicts = sync_conflict_count(ui->db);
	s->match = sync_match_pending(ui->db);
	free(s->clock);
	s->clock = hlc_offset_warning(ui->db);
	s->last = sync_last_success(ui->db);
}

static void *
sync_init(struct ui *ui, struct ui_arg arg, const struct draft *d)
{
	struct sync_screen *s = xcalloc(1, sizeof *s);

	sync_screen_load(ui, s);
	return s;
}

/* Stops the run, if any: what was acknowledged stays so. */
static void
sync_screen_halt(struct sync_screen *s)
{
	if (s->run != NULL) {
		sync_cancel(s->run);
		sync_free(&s->run);
	}
}

/* Stops the run, if any, keeping how it ended as the result. */
static void
sync_screen_stop(struct sync_screen *s, const char *result, int error)
{
	sync_screen_halt(s);
	free(s->result);
	s->result = xstrdup(result);
	s->result_error = error;
}

static void
sync_free_screen(void *data)
{
	struct sync_screen *s = data;

	/* Leaving the screen (or the program) stops the run cleanly. */
	sync_screen_halt(s);
	free(s->url);
	free(s->unit);
	free(s->last);
	free(s->clock);
	free(s->result);
	free(s);
}

static char *
sync_title(struct ui *ui, void *data)
{
	return xstrdup("Đồng bộ với tỉnh");
}

/* "12,3 KB" style size into buf. */
static void
sync_bytes(int64_t n, char *buf, size_t len)
{
	if (n < 1024)
		snprintf(buf, len, "%lld byte", (long long)n);
	else if (n < 1024 * 1024)
		snprintf(buf, len, "%.1f KB", (double)n / 1024);
	else
		snprintf(buf, len, "%.1f MB", (double)n / (1024 * 1024));
}

/* "label ........ value" on line y; warn styles a non-zero value. */
static void
sync_count(struct ui *ui, int y, const char *label, int64_t n, int warn,
    const char *hint)
{
	ui_put(ui->body, y, 2, 34, label, STYLE_NORMAL, TEXT_ELLIPSIS);
	ui_putf(ui->body, y, 36, 10, n > 0 && warn ? STYLE_WARN : STYLE_NORMAL,
	    "%8lld", (long long)n);
	if (hint != NULL)
		ui_put(ui->body, y, 48, ui->cols - 49, hint, STYLE_DIM,
		    TEXT_ELLIPSIS);
}

/* The run in progress: phase, a bar of batches, bytes and time left. */
static int
sync_draw_progress(struct ui *ui, struct sync_screen *s, int y)
{
	const struct sync_progress *p = &s->p;
	char bar[SYNC_BAR_COLS + 1], sent[32], recv[32];
	int inner = SYNC_BAR_COLS - 2, fill = 0, i;

	ui_put(ui->body, y++, 2, ui->cols - 4, *p->phase != '\0' ? p->phase :
	    "Đang kết nối máy chủ tỉnh", STYLE_HEADING, TEXT_ELLIPSIS);
	if (p->batches_total > 0)
		fill = (int)((int64_t)inner * p->batches_done / p->batches_total);
	bar[0] = '[';
	for (i = 0; i < inner; i++)
		bar[i + 1] = i < fill ? '#' : '.';
	bar[inner + 1] = ']';
	bar[inner + 2] = '\0';
	ui_put(ui->body, y, 2, SYNC_BAR_COLS, bar, STYLE_GOOD, 0);
	ui_putf(ui->body, y++, SYNC_BAR_COLS + 3, ui->cols - SYNC_BAR_COLS - 4,
	    STYLE_NORMAL, "gói %d/%d", p->batches_done, p->batches_total);
	sync_bytes(p->bytes_sent, sent, sizeof sent);
	sync_bytes(p->bytes_received, recv, sizeof recv);
	ui_putf(ui->body, y++, 2, ui->cols - 4, STYLE_NORMAL, "Đã gửi %s, đã "
	    "nhận %s", sent, recv);
	if (p->seconds_left >= 0)
		ui_putf(ui->body, y++, 2, ui->cols - 4, STYLE_NORMAL, "Còn khoảng "
		    "%d giây", p->seconds_left);
	else
		ui_put(ui->body, y++, 2, ui->cols - 4, "Chưa ước lượng được thời "
		    "gian còn lại", STYLE_DIM, 0);
	ui_put(ui->body, y++, 2, ui->cols - 4, "F8 hoặc h: hủy (không mất dữ "
	    "liệu)", STYLE_DIM, 0);
	return y;
}

/* How the last run ended, wrapped to the lines left. */
static void
sync_draw_result(struct ui *ui, struct sync_screen *s, int y)
{
	char **lines;
	size_t n, i;

	lines = longtext_wrap(s->result, ui->cols - 4, &n);
	for (i = 0; i < n && y < ui->rows; i++)
		ui_put(ui->body, y++, 2, ui->cols - 4, lines[i], s->result_error ?
		    STYLE_ERROR : STYLE_GOOD, 0);
	longtext_free(&lines, n);
}

static void
sync_draw(struct ui *ui, void *data)
{
	struct sync_screen *s = data;
	int y = 0;

	if (s->url != NULL) {
		ui_putf(ui->body, y++, 2, ui->cols - 4, STYLE_HEADING, "Máy chủ "
		    "tỉnh: %s", s->url);
		ui_putf(ui->body, y++, 2, ui->cols - 4, STYLE_NORMAL, "Đơn vị: %s",
		    *s->unit != '\0' ? s->unit : "(sẽ nhận ở lần đồng bộ đầu tiên)");
	} else {
		ui_put(ui->body, y++, 2, ui->cols - 4, "Máy này chưa đăng ký với "
		    "máy chủ tỉnh", STYLE_WARN, TEXT_ELLIPSIS);
		ui_put(ui->body, y++, 2, ui->cols - 4, "F7 hoặc d: đăng ký bằng mã "
		    "một lần do cấp tỉnh cấp", STYLE_NORMAL, TEXT_ELLIPSIS);
	}
	if (s->match)
		ui_put(ui->body, y++, 2, ui->cols - 4, "Đơn vị nhập trước khi "
		    "đăng ký chưa ghép với đơn vị của tỉnh: F3 hoặc g để ghép",
		    STYLE_WARN, TEXT_ELLIPSIS);
	if (s->clock != NULL)
		ui_put(ui->body, y++, 2, ui->cols - 4, s->clock, STYLE_WARN,
		    TEXT_ELLIPSIS);
	draw_hline(ui->body, y++, 1, ui->cols - 2);
	sync_count(ui, y++, "Thay đổi chờ gửi", s->pending, 0, NULL);
	ui_put(ui->body, y, 2, 34, "Lần đồng bộ thành công cuối", STYLE_NORMAL,
	    TEXT_ELLIPSIS);
	ui_put(ui->body, y++, 36, ui->cols - 37, s->last, STYLE_NORMAL,
	    TEXT_ELLIPSIS);
	sync_count(ui, y++, "Bản ghi bị máy chủ từ chối", s->rejected, 1,
	    "F5 hoặc r: xem lý do");
	sync_count(ui, y++, "Xung đột đã ghi lại", s->conflicts, 1,
	    "F6 hoặc x: xem");
	draw_hline(ui->body, y++, 1, ui->cols - 2);
	if (s->run != NULL)
		y = sync_draw_progress(ui, s, y);
	else if (s->url != NULL)
		ui_put(ui->body, y++, 2, ui->cols - 4, "F4 hoặc s: đồng bộ ngay",
		    STYLE_DIM, 0);
	if (s->result != NULL && s->run == NULL)
		sync_draw_result(ui, s, y + 1);
}

static int
sync_begin(struct ui *ui, struct sync_screen *s)
{
	char *err;

	if (s->run != NULL) {
		ui_message(ui, 0, "Đang đồng bộ; F8 hoặc h để hủy");
		return UI_HANDLED;
	}
	if (s->url == NULL) {
		ui_message(ui, 1, "Máy này chưa đăng ký với máy chủ tỉnh: F7 "
		    "hoặc d để đăng ký");
		return UI_HANDLED;
	}
	x_free(&s->result);
	memset(&s->p, 0, sizeof s->p);
	s->p.seconds_left = -1;
	if ((s->run = sync_start(ui->db, 0, &err)) == NULL) {
		sync_screen_stop(s, err, 1);
		free(err);
		return UI_REDRAW;
	}
	return UI_REDRAW | UI_BUSY;
}

static int
sync_key(struct ui *ui, void *data, enum ui_action act, wint_t ch,
    int is_keycode)
{
	struct sync_screen *s = data;
	struct ui_arg arg = { 0, 0 };

	switch (act) {
	case ACT_SYNC:
		return sync_begin(ui, s);
	case ACT_CANCEL:
		if (s->run == NULL) {
			ui_message(ui, 0, "Không có lần đồng bộ nào đang chạy");
			return UI_HANDLED;
		}
		sync_screen_stop(s, SYNC_CANCELLED, 0);
		sync_screen_load(ui, s);
		return UI_REDRAW;
	case ACT_REJECTED:
	case ACT_CONFLICTS:
		arg.id = act == ACT_CONFLICTS;
		return ui_open(ui, &screen_sync_issues, arg);
	case ACT_ENROLL:
		if (s->run != NULL) {
			ui_message(ui, 1, "Đang đồng bộ: hãy hủy hoặc chờ xong rồi "
			    "mới đăng ký lại");
			return UI_HANDLED;
		}
		if (s->url != NULL && !ui_confirm(ui, "Máy này đã đăng ký; đăng "
		    "ký lại bằng mã mới?"))
			return UI_REDRAW;
		return ui_open(ui, &screen_enroll_form, arg);
	case ACT_MATCH:
		if (!s->match) {
			ui_message(ui, 0, "Không có đơn vị nào cần ghép");
			return UI_HANDLED;
		}
		return ui_open(ui, &screen_unit_match, arg);
	case ACT_BACK:
		if (s->run != NULL)
			ui_message(ui, 0, "%s", SYNC_CANCELLED);
		return UI_BACK;
	default:
		return 0;
	}
}

/* 1 if a and b show the same on the screen. */
static int
sync_same_progress(const struct sync_progress *a, const struct sync_progress *b)
{
	return a->bytes_sent == b->bytes_sent &&
	    a->bytes_received == b->bytes_received &&
	    a->batches_done == b->batches_done &&
	    a->batches_total == b->batches_total &&
	    a->seconds_left == b->seconds_left &&
	    strcmp(a->phase, b->phase) == 0;
}

/* One step of the run; redraws when what is shown has changed. */
static int
sync_tick(struct ui *ui, void *data)
{
	struct sync_screen *s = data;
	struct sync_progress p;
	int rc;

	if (s->run == NULL)
		return 0;
	memset(&p, 0, sizeof p);
	rc = sync_step(s->run, SYNC_STEP_MS, &p);
	if (rc == 1) {
		if (sync_same_progress(&p, &s->p))
			return UI_BUSY;
		s->p = p;
		return UI_BUSY | UI_REDRAW;
	}
	free(s->result);
	s->result = xstrdup(rc == 0 ? sync_summary(s->run) : sync_error(s->run));
	s->result_error = rc != 0;
	sync_free(&s->run);
	sync_screen_load(ui, s);
	return UI_REDRAW;
}

static void
sync_reveal(struct ui *ui, void *data)
{
	sync_screen_load(ui, data);
}

const struct screen_ops screen_sync = {
	.name = "sync",
	.actions = sync_actions,
	.init = sync_init,
	.free = sync_free_screen,
	.title = sync_title,
	.draw = sync_draw,
	.key = sync_key,
	.reveal = sync_reveal,
	.tick = sync_tick,
};
