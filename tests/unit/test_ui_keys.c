/*
 * test_ui_keys.c - the key table: no key means two things on one screen,
 * every command has a plain key for terminals without F-keys, and the bar
 * fits 80 columns.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "text/text.h"
#include "ui/keys.h"
#include "ui/termkeys.h"
#include "ui/ui.h"
#include "xmalloc.h"

static const struct screen_ops *const screens[] = {
	&screen_home, &screen_help, &screen_members, &screen_member_form,
	&screen_plans, &screen_sessions, &screen_session_form,
	&screen_attendance, &screen_essays, &screen_essay_form,
	&screen_tally, &screen_tally_form, &screen_document_form,
	&screen_plan_item_form, &screen_plan_items, &screen_sync, &screen_sync_issues,
	&screen_enroll_form, &screen_plan_import, &screen_unit_match,
	&screen_completeness,
	&screen_history,
	&screen_plan_item_view, &screen_actions,
	&screen_action_form, &screen_report_dues, &screen_report_due_form,
	&screen_changes,
};

/* Every key a screen reacts to maps to exactly one action. */
static int
no_conflicts(const struct screen_ops *s)
{
	wint_t ch;
	int f;

	for (ch = 1; ch < 0x80; ch++) {
		enum ui_action a = keys_lookup(s->actions, s->text_input, ch, 0);
		size_t i, hits = 0;

		for (i = 0; i < keys_count; i++)
			if (keys_offered(s->actions, keys_table[i].action) &&
			    keys_table[i].action != a &&
			    (strchr(keys_table[i].plain, (int)ch) != NULL &&
			    !s->text_input))
				hits++;
		if (a != ACT_NONE && hits > 0)
			return 0;
	}
	for (f = 1; f <= 10; f++) {
		size_t i, hits = 0;

		for (i = 0; i < keys_count; i++)
			if (keys_table[i].fkey == f &&
			    keys_offered(s->actions, keys_table[i].action))
				hits++;
		if (hits > 1)
			return 0;
	}
	return 1;
}

/* Titles of the screens for docs/keys.md, in the order of screens[]. */
static const char *const screen_names[] = {
	"Trang chính", "Trợ giúp", "Đảng viên", "Biểu mẫu đảng viên",
	"Kế hoạch", "Buổi học của một kế hoạch", "Biểu mẫu buổi học",
	"Điểm danh", "Bài thu hoạch", "Biểu mẫu bài thu hoạch",
	"Báo cáo tổng hợp", "Biểu mẫu báo cáo tổng hợp", "Biểu mẫu văn bản",
	"Biểu mẫu buổi học của kế hoạch", "Các buổi học kế hoạch yêu cầu",
	"Đồng bộ với tỉnh",
	"Đồng bộ: bản ghi bị từ chối, xung đột", "Đăng ký với máy chủ tỉnh",
	"Nhập kế hoạch từ tệp", "Ghép đơn vị trên máy với đơn vị của tỉnh",
	"Tình hình nộp báo cáo của các đơn vị trực thuộc",
	"Lịch sử thay đổi của một bản ghi",
	"Mục kế hoạch cấp trên (chỉ xem)", "Chương trình hành động",
	"Biểu mẫu việc của chương trình hành động", "Báo cáo kế hoạch yêu cầu",
	"Biểu mẫu báo cáo kế hoạch yêu cầu", "Thay đổi của kế hoạch cấp trên",
};

/* The name docs/keys.md gives a curses key code of the termkeys table. */
static const char *
code_name(int code)
{
	static const struct {
		int		 code;
		const char	*name;
	} names[] = {
		{ KEY_HOME, "Home" }, { KEY_END, "End" }, { KEY_PPAGE, "PgUp" },
		{ KEY_NPAGE, "PgDn" }, { KEY_DC, "Delete" },
		{ KEY_UP, "Mũi tên lên" }, { KEY_DOWN, "Mũi tên xuống" },
		{ KEY_LEFT, "Mũi tên trái" }, { KEY_RIGHT, "Mũi tên phải" },
		{ KEY_BTAB, "Shift-Tab" }, { KEY_ENTER, "Enter" },
	};
	static char fkey[16];
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].code == code)
			return names[i].name;
	snprintf(fkey, sizeof fkey, "F%d", code - KEY_F0);
	return fkey;
}

/* The sequences each terminal sends, from the termkeys table. */
static void
markdown_terminals(FILE *fp)
{
	size_t k;

	fputs("\n## Phím trên mọi loại máy\n\n"
	    "Chương trình nhận các chuỗi dưới đây dù TERM nói gì (PuTTY với "
	    "TERM=xterm,\ntmux, screen, console Linux, vt100/vt220), nên phím "
	    "nào cũng làm đúng việc\ncủa nó. Một chuỗi thoát khác (ESC [ … "
	    "hoặc ESC O …) bị bỏ qua cả chuỗi, không\nbao giờ thành Esc cộng "
	    "mấy chữ; Esc bấm riêng vẫn quay lại ngay (sau ESCDELAY,\nmặc "
	    "định 25 ms).\n\n| Phím | Chuỗi | Máy gửi |\n|---|---|---|\n", fp);
	for (k = 0; k < termkeys_count; k++)
		fprintf(fp, "| %s | `ESC %s` | %s |\n",
		    code_name(termkeys_table[k].code), termkeys_table[k].seq + 1,
		    termkeys_table[k].from);
}

/*
 * A command, not movement: a screen's action with an F-key, or with only
 * a plain key (Home's 6, for which its full bar has no room).
 */
static int
is_command(const struct key_binding *b)
{
	return b->fkey != 0 || (b->action >= ACT_HELP && *b->plain != '\0');
}

/* docs/keys.md, generated from the key table so it cannot drift. */
static void
markdown(FILE *fp)
{
	char keys[64];
	size_t i, k;

	fputs("# Các phím của quantriet\n\n"
	    "Tệp này sinh ra từ bảng phím (src/ui/keys.c) bằng\n"
	    "`tests/unit/test_ui_keys --markdown > docs/keys.md`; "
	    "test_ui_keys báo lỗi khi nó cũ.\n\n"
	    "Mỗi lệnh có một phím F và một chữ hoặc số thường (cho máy không "
	    "có phím F,\nví dụ PuTTY cấu hình sai); trong biểu mẫu chữ là để "
	    "gõ, nên dùng phím F\nhoặc Ctrl. `Q` thoát từ bất cứ đâu, Esc "
	    "quay lại. Riêng phím 6 ở Trang chính\n(thay đổi từ cấp trên) "
	    "không có phím F: thanh phím của Trang chính đã đầy.\n\n"
	    "## Di chuyển (mọi màn hình)\n\n", fp);
	for (k = 0; k < keys_count; k++)
		if (!is_command(&keys_table[k]) && *keys_table[k].help != '\0')
			fprintf(fp, "- %s\n", keys_table[k].help);
	fputs("\n## Lệnh\n\n| Phím | Lệnh | Ý nghĩa |\n|---|---|---|\n", fp);
	for (k = 0; k < keys_count; k++) {
		if (!is_command(&keys_table[k]))
			continue;
		keys_describe(&keys_table[k], 0, keys, sizeof keys);
		fprintf(fp, "| %s | %s | %s |\n", keys, keys_table[k].label,
		    keys_table[k].help);
	}
	fputs("\n## Theo màn hình\n\n", fp);
	for (i = 0; i < sizeof screens / sizeof screens[0]; i++) {
		fprintf(fp, "- **%s**:", screen_names[i]);
		for (k = 0; k < keys_count; k++) {
			const struct key_binding *b = &keys_table[k];

			if (!is_command(b) || !keys_offered(screens[i]->actions,
			    b->action))
				continue;
			keys_describe(b, screens[i]->text_input, keys, sizeof keys);
			fprintf(fp, " %s %s;", keys, b->label);
		}
		fputs("\n", fp);
	}
	markdown_terminals(fp);
}

/* 1 if docs/keys.md in the source tree is what markdown() writes. */
static int
docs_current(void)
{
	const char *top = getenv("top_srcdir");
	char *path, *want = NULL, *got = NULL;
	size_t wlen = 0, glen = 0;
	FILE *fp, *mem;
	int same;

	if (top == NULL)
		top = ".";
	path = xasprintf("%s/docs/keys.md", top);
	fp = fopen(path, "r");
	free(path);
	if (fp == NULL)
		return 0;
	mem = open_memstream(&want, &wlen);
	markdown(mem);
	fclose(mem);
	got = xmalloc(wlen + 2);
	glen = fread(got, 1, wlen + 1, fp);
	fclose(fp);
	same = glen == wlen && memcmp(got, want, wlen) == 0;
	free(got);
	free(want);
	return same;
}

int
main(int argc, char **argv)
{
	size_t i, k;

	if (argc > 1 && strcmp(argv[1], "--markdown") == 0) {
		markdown(stdout);
		return 0;
	}

	for (i = 0; i < sizeof screens / sizeof screens[0]; i++) {
		const struct screen_ops *s = screens[i];
		int n = 0, slot, natural, fits = 1, plain = 1;

		tap_ok(no_conflicts(s), "%s: no key means two things", s->name);
		for (k = 0; k < keys_count; k++) {
			const struct key_binding *b = &keys_table[k];

			if (!keys_offered(s->actions, b->action) || b->fkey == 0)
				continue;
			n++;
			/* Without F-keys: a letter (or Ctrl) in lists, Ctrl in forms. */
			if (s->text_input ? b->ctrl == 0 && b->action != ACT_HELP &&
			    b->action != ACT_QUIT : *b->plain == '\0' && b->ctrl == 0)
				plain = 0;
		}
		/*
		 * ui.c lays the labels at their own widths, a space after
		 * each, when they all fit; else in equal slots of 80 / n.
		 */
		slot = n > 0 ? 80 / n : 80;
		for (k = 0, natural = 0; k < keys_count; k++) {
			const struct key_binding *b = &keys_table[k];

			if (keys_offered(s->actions, b->action) && b->fkey != 0)
				natural += text_width(b->label) +
				    (b->fkey < 10 ? 3 : 4);
		}
		for (k = 0; natural > 80 && k < keys_count; k++) {
			const struct key_binding *b = &keys_table[k];

			if (keys_offered(s->actions, b->action) && b->fkey != 0 &&
			    text_width(b->label) + (b->fkey < 10 ? 3 : 4) > slot)
				fits = 0;
		}
		tap_ok(fits, "%s: every bar label fits 80 columns", s->name);
		tap_ok(plain || s->text_input, "%s: every command works without F-keys",
		    s->name);
	}
	tap_is_int(keys_lookup(screen_attendance.actions, 0, 'c', 0), ACT_PRESENT,
	    "c marks present in attendance");
	tap_is_int(keys_lookup(screen_attendance.actions, 0, '2', 0), ACT_ABSENT,
	    "2 marks absent");
	tap_is_int(keys_lookup(screen_attendance.actions, 0, KEY_F(7), 1),
	    ACT_SELF_STUDY, "F7 marks self-study");
	tap_is_int(keys_lookup(screen_member_form.actions, 1, 'n', 0), ACT_NONE,
	    "in a form letters are text");
	tap_is_int(keys_lookup(screen_member_form.actions, 1, 'S' & 0x1f, 0),
	    ACT_SAVE, "Ctrl-S saves a form");
	tap_is_int(keys_lookup(screen_members.actions, 0, 27, 0), ACT_BACK,
	    "Esc goes back");
	tap_ok(docs_current(), "docs/keys.md is up to date (test_ui_keys "
	    "--markdown > docs/keys.md)");
	return tap_done();
}
