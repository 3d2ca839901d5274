/*
 * test_domain_paper.c - the printed form as text and as RTF
 * (src/domain/paper_text.c, paper_rtf.c): the text fits the page and never
 * cuts a name; the RTF is well formed and, read back by a small RTF
 * reader, holds the header of Hướng dẫn 36-HD/VPTW, the six items and
 * the data exactly, braces and backslashes included.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/paper.h"
#include "rtf_read.h"
#include "tap.h"
#include "text/text.h"
#include "xmalloc.h"

#define LONG_CELL "CHI BỘ TRƯỜNG TRUNG HỌC CƠ SỞ VÀ TRUNG HỌC PHỔ THÔNG " \
	"VĨNH HÒA HIỆP HUYỆN CHÂU THÀNH"
#define LONG_WORD "Nguyễn-Thị-Hồng-Nhung-Trần-Văn-Bình-Lê-Hoàng-Phúc-" \
	"Phạm-Minh-Tuấn-Đặng-Ngọc-Ánh"
#define TRICKY "Kinh phí {dự kiến} 5\\10 triệu \\par; tab\there 🙂"

static void
build(struct paper *f)
{
	memset(f, 0, sizeof *f);
	f->above = xstrdup("ĐẢNG BỘ XÃ VĨNH HÒA HIỆP");
	f->issuer = xstrdup(LONG_CELL);
	f->number = xstrdup("Số .....-BC/CB");
	f->place_date = xstrdup("Vĩnh Hòa Hiệp, ngày 20 tháng 4 năm 2021");
	f->sign_for = xstrdup("T/M CHI ỦY");
	f->sign_title = xstrdup("BÍ THƯ");
	f->signer = xstrdup("Nguyễn Văn Hùng");
	paper_add_recipient(f, "Nơi nhận:");
	paper_add_recipient(f, "- Đảng ủy xã Vĩnh Hòa Hiệp,");
	paper_add_recipient(f, "- Lưu chi bộ.");
	paper_add(f, PAPER_TITLE, NULL, "BÁO CÁO", NULL);
	paper_add(f, PAPER_SUBTITLE, NULL, "tổng hợp bài thu hoạch học tập, "
	    "quán triệt Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI, nhiệm kỳ "
	    "2020-2025", NULL);
	paper_add(f, PAPER_NOTE, NULL, "(Thực hiện Kế hoạch số 13-KH/TU; đợt 1)",
	    NULL);
	paper_add(f, PAPER_RULE, NULL, "", NULL);
	paper_add(f, PAPER_ITEM, "1. Tổng số đảng viên:", "52", NULL);
	paper_add(f, PAPER_ITEM, "2. Số lượng đảng viên tham gia học tập nghị "
	    "quyết:", "50", NULL);
	paper_add(f, PAPER_ITEM, "3. Số đảng viên viết thu hoạch:", "45", NULL);
	paper_add(f, PAPER_ITEM, "4. Số đảng viên miễn viết thu hoạch:",
	    "5 (Miễn sinh hoạt: 3; Hưu trí: 2)", NULL);
	paper_add(f, PAPER_ITEM, "5. Nhận xét đánh giá", "", NULL);
	paper_add(f, PAPER_TEXT, NULL, TRICKY "\nĐoạn thứ hai.", NULL);
	paper_add(f, PAPER_DOTS, NULL, "", NULL);
	paper_add(f, PAPER_ITEM, "6. Kiến nghị, đề xuất của cán bộ, đảng viên",
	    "", NULL);
	paper_add(f, PAPER_BULLET, NULL, "Kiến nghị hỗ trợ vốn vay ưu đãi cho hộ "
	    "nghèo, hộ cận nghèo chuyển đổi mô hình sản xuất.",
	    "9 đảng viên: Chi bộ ấp Vĩnh Hòa 4, Chi bộ ấp Vĩnh Phước 5");
	paper_add(f, PAPER_BULLET, NULL, LONG_WORD, NULL);
	paper_add(f, PAPER_SIGN, NULL, NULL, NULL);
	paper_add(f, PAPER_ANNEX, NULL, "PHỤ LỤC", NULL);
}

static void
test_text(void)
{
	struct paper f;
	char *out, *line, *save = NULL, *copy;
	int too_wide = 0, long_word = 0, n;
	static const char *const words[] = { "CHI", "TRƯỜNG", "TRUNG", "HỌC",
	    "CƠ", "SỞ", "PHỔ", "THÔNG", "HUYỆN", "CHÂU", "THÀNH" };
	size_t i;

	build(&f);
	out = paper_text(&f);
	copy = xstrdup(out);
	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (strstr(line, LONG_WORD) != NULL)
			long_word = 1;
		else if (text_width(line) > PAPER_TEXT_WIDTH)
			too_wide++;
	}
	free(copy);
	tap_is_int(too_wide, 0, "every line fits 76 columns");
	tap_ok(long_word, "a word wider than the page stands whole");
	for (i = n = 0; i < sizeof words / sizeof *words; i++)
		n += strstr(out, words[i]) != NULL;
	tap_is_int(n, (int)(sizeof words / sizeof *words),
	    "a long cell name wraps in its column, every word printed");
	tap_ok(strstr(out, "…") == NULL && strstr(out, "~") == NULL,
	    "nothing cut with an ellipsis");
	tap_ok(strstr(out, "ĐẢNG CỘNG SẢN VIỆT NAM") != NULL &&
	    strstr(out, "Số .....-BC/CB") != NULL &&
	    strstr(out, "Vĩnh Hòa Hiệp, ngày 20 tháng 4 năm 2021") != NULL,
	    "header: motto, number, place and date");
	tap_ok(strstr(out, "(9 đảng viên: Chi bộ ấp Vĩnh Hòa 4, Chi bộ ấp "
	    "Vĩnh") != NULL || strstr(out, "(9 đảng viên: Chi bộ ấp Vĩnh Hòa 4,")
	    != NULL, "a bullet's note in brackets");
	tap_ok(strstr(out, "Nơi nhận:") != NULL && strstr(out, "Nguyễn Văn "
	    "Hùng") != NULL, "recipients and signer");
	free(out);
	paper_clear(&f);
}

static void
test_rtf(void)
{
	struct paper f;
	char *out, *text;
	size_t i;
	int ascii = 1;
	static const char *const want[] = {
		"ĐẢNG BỘ XÃ VĨNH HÒA HIỆP", LONG_CELL, "Số .....-BC/CB",
		"ĐẢNG CỘNG SẢN VIỆT NAM",
		"Vĩnh Hòa Hiệp, ngày 20 tháng 4 năm 2021", "BÁO CÁO",
		"1. Tổng số đảng viên:", "2. Số lượng đảng viên tham gia học "
		"tập nghị quyết:", "3. Số đảng viên viết thu hoạch:",
		"4. Số đảng viên miễn viết thu hoạch:", "5. Nhận xét đánh giá",
		"6. Kiến nghị, đề xuất của cán bộ, đảng viên", TRICKY,
		"Đoạn thứ hai.", "T/M CHI ỦY", "BÍ THƯ", "Nguyễn Văn Hùng",
		"Nơi nhận:", "PHỤ LỤC",
	};

	build(&f);
	out = paper_rtf(&f);
	for (i = 0; out[i] != '\0'; i++)
		if ((unsigned char)out[i] >= 0x80)
			ascii = 0;
	tap_ok(ascii, "the RTF is pure ASCII");
	tap_ok(strncmp(out, "{\\rtf1\\ansi", 11) == 0, "starts as RTF");
	tap_ok(strstr(out, "Times New Roman") != NULL &&
	    strstr(out, "\\paperw11906\\paperh16838") != NULL &&
	    strstr(out, "\\fs28") != NULL, "A4, Times New Roman 14 pt");
	tap_ok(strstr(out, "\\u272 D") != NULL, "Đ as \\u272 with D after it");
	tap_ok(strstr(out, "\\{d\\u7921 u") != NULL,
	    "a brace in the data is escaped");
	text = rtf_read(out);
	tap_ok(text != NULL, "braces balance");
	for (i = 0; text != NULL && i < sizeof want / sizeof *want; i++)
		if (!tap_ok(strstr(text, want[i]) != NULL, "reads back: %s",
		    want[i]))
			printf("# in:\n%s\n", text);
	free(text);
	free(out);
	paper_clear(&f);
}

int
main(void)
{
	test_text();
	test_rtf();
	return tap_done();
}
