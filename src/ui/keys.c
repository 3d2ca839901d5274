/*
 * keys.c - the key table and the lookup every screen goes through.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "ui/keys.h"

#define CTRL(c)	((c) & 0x1f)

const struct key_binding keys_table[] = {
	{ ACT_HELP, 1, { 0 }, "?", 0, "Trợ giúp",
	    "Xem các phím dùng được ở màn hình này" },
	{ ACT_SAVE, 2, { 0 }, "", 'S', "Lưu",
	    "Lưu biểu mẫu (kiểm tra từng ô trước khi ghi)" },
	{ ACT_SEARCH, 3, { 0 }, "/", 0, "Tìm",
	    "Tìm theo tên, không cần gõ dấu" },
	{ ACT_NEW, 4, { 0 }, "n", 0, "Thêm", "Thêm mới" },
	{ ACT_EDIT, 5, { 0 }, "e", 0, "Sửa", "Sửa dòng đang chọn" },
	{ ACT_MOVE, 6, { 0 }, "m", 0, "Chuyển",
	    "Chuyển đảng viên sang chi bộ khác" },
	{ ACT_MEMBERS, 5, { 0 }, "1", 0, "Đảng viên",
	    "Danh sách đảng viên theo chi bộ" },
	{ ACT_PLANS, 6, { 0 }, "2", 0, "Buổi học",
	    "Kế hoạch, buổi học và điểm danh" },
	{ ACT_PRESENT, 5, { 0 }, "c1", 0, "Có mặt",
	    "Điểm danh: có mặt, rồi xuống dòng dưới" },
	{ ACT_ABSENT, 6, { 0 }, "v2", 0, "Vắng",
	    "Điểm danh: vắng (hỏi lý do), rồi xuống dòng dưới" },
	{ ACT_SELF_STUDY, 7, { 0 }, "t3", 0, "Tự học",
	    "Điểm danh: tự học, rồi xuống dòng dưới" },
	{ ACT_UNMARK, 4, { 0 }, "x0", 0, "Bỏ chọn",
	    "Xóa điểm danh của dòng đang chọn" },
	{ ACT_MAKEUP, 8, { 0 }, "b", 0, "Học bù",
	    "Lên lịch buổi học bù cho những người còn thiếu" },
	{ ACT_DELETE, 9, { KEY_DC }, "x", 0, "Xóa",
	    "Xóa dòng đang chọn (cả phím Delete); hỏi trước, nói rõ "
	    "cái gì mất theo" },
	{ ACT_ALL_PRESENT, 3, { 0 }, "a", 0, "Cả lớp",
	    "Điểm danh: mọi người chưa điểm danh đều có mặt (rồi sửa vài "
	    "người vắng)" },
	{ ACT_ITEM, 7, { 0 }, "i", 0, "Mục KH",
	    "Các buổi học kế hoạch yêu cầu từng cấp: thêm, sửa, xóa" },
	{ ACT_REFS, 6, { 0 }, "t", 0, "Tham khảo",
	    "Văn bản tham khảo (của nơi khác, không giao việc cho đơn vị), "
	    "bấm lần nữa: kế hoạch của đơn vị" },
	{ ACT_IMPORT, 7, { 0 }, "p", 0, "Nhập tệp",
	    "Đọc một kế hoạch từ tệp văn bản (.txt lưu từ Word) và xem lại "
	    "từng mục trước khi lưu" },
	{ ACT_ACTIONS, 6, { 0 }, "h", 0, "CTHĐ",
	    "Chương trình hành động (CTHĐ) của đơn vị cho kế hoạch (5 rõ: "
	    "việc, người chủ trì, tiến độ, kết quả, trách nhiệm) và kiểm "
	    "điểm: đã xong, trễ hạn, chưa xong" },
	{ ACT_REPORTS, 3, { 0 }, "r", 0, "Báo cáo",
	    "Các báo cáo kế hoạch yêu cầu: cấp nào báo cáo, nội dung, gửi về "
	    "đâu, đợt nào, hạn" },
	{ ACT_ESSAYS, 7, { 0 }, "3", 0, "Thu hoạch",
	    "Bài thu hoạch: ai phải viết, đã nộp, quá hạn; ghi bài nộp" },
	{ ACT_TALLY, 8, { 0 }, "4", 0, "Tổng hợp",
	    "Báo cáo tổng hợp bài thu hoạch của chi bộ hoặc đảng bộ" },
	{ ACT_FILTER, 6, { 0 }, "l", 0, "Lọc",
	    "Lọc: tất cả, chưa nộp, quá hạn, đã nộp, miễn viết" },
	{ ACT_PLAN, 7, { 0 }, "k", 0, "Kế hoạch",
	    "Chuyển sang kế hoạch (đợt học tập) khác" },
	{ ACT_ROUND, 6, { 0 }, "r", 0, "Đợt",
	    "Chọn đợt báo cáo (mặc định đợt 1)" },
	{ ACT_FINAL, 8, { 0 }, "f", 0, "Chốt",
	    "Chốt báo cáo: lưu số liệu, sau đó không sửa được nữa" },
	{ ACT_REOPEN, 9, { 0 }, "o", 0, "Mở lại",
	    "Mở lại báo cáo đã chốt để sửa (ghi lý do vào lịch sử)" },
	{ ACT_COMPLETENESS, 3, { 0 }, "d", 0, "Đã nộp",
	    "Các đơn vị trực thuộc đã nộp báo cáo của đợt chưa: đúng hạn, "
	    "trễ hạn, chưa nộp (còn hay quá mấy ngày), bị trả lại, đã duyệt" },
	{ ACT_ACCEPT, 8, { 0 }, "y", 0, "Duyệt",
	    "Duyệt báo cáo đơn vị cấp dưới đã nộp" },
	{ ACT_RETURN, 9, { 0 }, "t", 0, "Trả lại",
	    "Trả lại báo cáo đơn vị cấp dưới đã nộp (ghi lý do): đơn vị đó "
	    "sửa rồi nộp lại" },
	{ ACT_PRINT, 4, { 0 }, "p", 0, "In",
	    "In báo cáo: ghi mẫu báo cáo ra tệp (.rtf mở bằng Word, "
	    "LibreOffice; .txt) và gửi máy in nếu đã đặt lệnh in" },
	{ ACT_NEWLINE, 0, { 0 }, "", 'O', "Xuống dòng",
	    "Enter/Ctrl-O: xuống dòng trong ô nhiều dòng; Tab: ô khác" },
	{ ACT_SYNC, 4, { 0 }, "5s", 0, "Đồng bộ",
	    "Đồng bộ với máy chủ tỉnh: gửi thay đổi, nhận kế hoạch mới" },
	{ ACT_CANCEL, 8, { 0 }, "h", 0, "Hủy",
	    "Dừng lần đồng bộ đang chạy (không mất dữ liệu)" },
	{ ACT_REJECTED, 5, { 0 }, "r", 0, "Từ chối",
	    "Các bản ghi máy chủ tỉnh từ chối, kèm lý do" },
	{ ACT_CONFLICTS, 6, { 0 }, "x", 0, "Xung đột",
	    "Nhật ký xung đột: hai máy cùng sửa một bản ghi, giá trị được "
	    "giữ và giá trị không dùng" },
	{ ACT_ENROLL, 7, { 0 }, "d", 0, "Đăng ký",
	    "Đăng ký máy này với máy chủ tỉnh bằng mã một lần" },
	{ ACT_MATCH, 3, { 0 }, "g", 0, "Ghép",
	    "Ghép các đơn vị nhập trên máy trước khi đăng ký với đơn vị của "
	    "tỉnh (ở màn hình ghép: ghép xong, đổi sang mã số của tỉnh)" },
	{ ACT_RESEND, 4, { 0 }, "g", 0, "Gửi lại",
	    "Gửi lại mọi bản ghi bị từ chối ở lần đồng bộ sau (khi đã sửa "
	    "nguyên nhân)" },
	/* No F-key: Home's bar is full at 80 columns; its block names the key. */
	{ ACT_CHANGES, 0, { 0 }, "6", 0, "Thay đổi",
	    "Những gì cấp trên đã đổi trong kế hoạch từ lần xem trước (mở "
	    "danh sách là đánh dấu đã xem)" },
	{ ACT_HISTORY, 8, { 0 }, "", 'Y', "Lịch sử",
	    "Lịch sử của bản ghi: ai sửa, lúc nào, từ gì thành gì" },
	{ ACT_TELEX, 9, { 0 }, "", 'T', "Telex",
	    "Bật/tắt bộ gõ Telex của chương trình (aa=â, dd=đ, s=sắc...)" },
	{ ACT_QUIT, 10, { 0 }, "Q", 0, "Thoát", "Thoát chương trình" },
	{ ACT_BACK, 0, { 27 }, "q", 0, "Quay lại",
	    "Esc: quay lại màn hình trước (biểu mẫu: bỏ)" },
	{ ACT_OPEN, 0, { '\n', '\r', KEY_ENTER }, "", 0, "Mở",
	    "Enter: mở dòng đang chọn (biểu mẫu: sang ô sau)" },
	{ ACT_UP, 0, { KEY_UP, KEY_BTAB }, "", 0, "Lên", "Mũi tên lên: dòng trên" },
	{ ACT_DOWN, 0, { KEY_DOWN, '\t' }, "", 0, "Xuống",
	    "Mũi tên xuống: dòng dưới" },
	{ ACT_LEFT, 0, { KEY_LEFT }, "", 0, "Trái",
	    "Mũi tên trái/phải: đổi chi bộ, đổi lựa chọn" },
	{ ACT_RIGHT, 0, { KEY_RIGHT }, "", 0, "Phải", "" },
	{ ACT_PGUP, 0, { KEY_PPAGE }, "", 0, "Trang trước", "PgUp: trang trước" },
	{ ACT_PGDN, 0, { KEY_NPAGE }, "", 0, "Trang sau", "PgDn: trang sau" },
	{ ACT_FIRST, 0, { KEY_HOME }, "", 0, "Đầu", "Home: về đầu danh sách" },
	{ ACT_LAST, 0, { KEY_END }, "", 0, "Cuối", "End: xuống cuối danh sách" },
};
const size_t keys_count = sizeof keys_table / sizeof keys_table[0];

const struct key_binding *
keys_binding(enum ui_action action)
{
	size_t i;

	for (i = 0; i < keys_count; i++)
		if (keys_table[i].action == action)
			return &keys_table[i];
	return NULL;
}

int
keys_offered(const enum ui_action *offered, enum ui_action a)
{
	if (a < ACT_HELP)
		return 1;
	for (; *offered != ACT_NONE; offered++)
		if (*offered == a)
			return 1;
	return 0;
}

/* Whether b is triggered by ch. */
static int
keys_match(const struct key_binding *b, int text_input, wint_t ch,
    int is_keycode)
{
	int i;

	if (is_keycode) {
		if (b->fkey != 0 && ch == (wint_t)KEY_F(b->fkey))
			return 1;
		for (i = 0; i < 3 && b->keycodes[i] != 0; i++)
			if (b->keycodes[i] >= KEY_MIN && (wint_t)b->keycodes[i] == ch)
				return 1;
		return 0;
	}
	for (i = 0; i < 3 && b->keycodes[i] != 0; i++)
		if (b->keycodes[i] < KEY_MIN && (wint_t)b->keycodes[i] == ch)
			return 1;
	if (b->ctrl != 0 && ch == (wint_t)CTRL(b->ctrl))
		return 1;
	/* In a form letters are text; Tab and Enter still move. */
	if (text_input || ch == 0 || ch > 0x7f)
		return 0;
	return strchr(b->plain, (int)ch) != NULL;
}

enum ui_action
keys_lookup(const enum ui_action *offered, int text_input, wint_t ch,
    int is_keycode)
{
	size_t i;

	for (i = 0; i < keys_count; i++)
		if (keys_offered(offered, keys_table[i].action) &&
		    keys_match(&keys_table[i], text_input, ch, is_keycode))
			return keys_table[i].action;
	return ACT_NONE;
}

void
keys_describe(const struct key_binding *b, int text_input, char *buf,
    size_t len)
{
	size_t used = 0;
	const char *p;

	buf[0] = '\0';
	if (b->fkey != 0)
		used += (size_t)snprintf(buf + used, len - used, "F%d ", b->fkey);
	if (b->ctrl != 0 && used < len)
		used += (size_t)snprintf(buf + used, len - used, "Ctrl-%c ", b->ctrl);
	for (p = b->plain; !text_input && *p != '\0' && used < len; p++)
		used += (size_t)snprintf(buf + used, len - used, "%c ", *p);
	if (used > 0 && used <= len)
		buf[used - 1] = '\0';
}
