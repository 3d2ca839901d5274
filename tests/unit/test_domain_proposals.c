/*
 * test_domain_proposals.c - grouping the members' proposals of item 6
 * (src/domain/proposals.c): wordings of one proposal merge, proposals
 * that ask for different things do not, however alike they look.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "domain/proposals.h"
#include "tap.h"

static const struct {
	const char	*a, *b;
	int		 same;
	const char	*name;
} pairs[] = {
	/* The same proposal, written as members write it. */
	{ "Kiến nghị hỗ trợ vốn vay ưu đãi cho hộ nghèo, hộ cận nghèo chuyển "
	  "đổi mô hình sản xuất.", "Kiến nghị hỗ trợ vốn vay ưu đãi cho hộ "
	  "nghèo, hộ cận nghèo chuyển đổi mô hình sản xuất.", 1, "identical" },
	{ "Kiến nghị hỗ trợ vốn vay ưu đãi cho hộ nghèo, hộ cận nghèo chuyển "
	  "đổi mô hình sản xuất.", "kien nghi ho tro von vay uu dai cho ho "
	  "ngheo ho can ngheo chuyen doi mo hinh san xuat", 1,
	  "typed without diacritics or punctuation" },
	{ "KIẾN NGHỊ HỖ TRỢ VỐN VAY ƯU ĐÃI CHO HỘ NGHÈO, HỘ CẬN NGHÈO CHUYỂN "
	  "ĐỔI MÔ HÌNH SẢN XUẤT", "Kiến nghị hỗ trợ vốn vay ưu đãi cho hộ "
	  "nghèo, hộ cận nghèo chuyển đổi mô hình sản xuất.", 1,
	  "in capitals" },
	{ "Kiến nghị hỗ trợ vốn vay ưu đãi cho hộ nghèo, hộ cận nghèo chuyển "
	  "đổi mô hình sản xuất.", "Đề nghị hỗ trợ vốn vay ưu đãi cho các hộ "
	  "nghèo, hộ cận nghèo để chuyển đổi mô hình sản xuất", 1,
	  "another lead-in and function words" },
	{ "Kiến nghị hỗ trợ vốn vay ưu đãi cho hộ nghèo.", "Kính đề nghị cấp "
	  "trên hỗ trợ vốn vay ưu đãi cho hộ nghèo", 1,
	  "addressed to the level above" },
	{ "Đề nghị xã sớm nâng cấp tuyến đường đal liên ấp Vĩnh Phước - Vĩnh "
	  "Thành để bà con vận chuyển nông sản.", "Đề nghị xã sớm nâng cấp "
	  "tuyến đường đan liên ấp Vĩnh Phước - Vĩnh Thành để bà con vận "
	  "chuyển nông sản", 1, "one syllable mistyped" },
	{ "Đề nghị xã sớm nâng cấp tuyến đường đal liên ấp Vĩnh Phước - Vĩnh "
	  "Thành để bà con vận chuyển nông sản.", "Đề nghị sớm nâng cấp tuyến "
	  "đường đal liên ấp Vĩnh Phước - Vĩnh Thành", 1,
	  "the reason left out" },
	{ "Kiến nghị đầu tư hệ thống nước sạch cho các hộ dân cuối ấp.",
	  "Đầu tư nước sạch cho hộ dân cuối ấp", 1, "a shorter wording" },
	{ "Cần in thêm tài liệu học tập Nghị quyết để mỗi đảng viên có một "
	  "cuốn, thuận tiện tự nghiên cứu.", "Cần in thêm tài liệu học tập "
	  "nghị quyết để mỗi đảng viên có một cuốn, thuận tiện tự nghiên cứu",
	  1, "a capital that is only a habit" },
	/* Alike, but asking for something else: never one group. */
	{ "Đề nghị xã sớm nâng cấp tuyến đường đal liên ấp Vĩnh Phước - Vĩnh "
	  "Thành để bà con vận chuyển nông sản.", "Đề nghị xã sớm nâng cấp "
	  "tuyến đường đal liên ấp Vĩnh Hòa - Vĩnh Thành để bà con vận chuyển "
	  "nông sản.", 0, "another hamlet's road" },
	{ "Đề nghị tổ chức học bù kịp thời cho đảng viên đi làm ăn xa khi về "
	  "địa phương.", "Đề nghị không tổ chức học bù cho đảng viên đi làm "
	  "ăn xa khi về địa phương.", 0, "the opposite (không)" },
	{ "Đề nghị hỗ trợ mỗi hộ 2 triệu đồng để sửa nhà", "Đề nghị hỗ trợ mỗi "
	  "hộ 5 triệu đồng để sửa nhà", 0, "another amount" },
	{ "Đề nghị hỗ trợ vốn vay cho hộ nghèo", "Đề nghị hỗ trợ vốn vay cho "
	  "hộ cận nghèo", 0, "another group of people" },
	{ "Kiến nghị đầu tư hệ thống nước sạch cho các hộ dân cuối ấp.",
	  "Kiến nghị đầu tư hệ thống điện cho các hộ dân cuối ấp.", 0,
	  "water, not electricity" },
	{ "Đề nghị hỗ trợ vốn vay cho hộ nghèo", "Đề nghị hỗ trợ con giống "
	  "cho hộ nghèo", 0, "loans, not breeding stock" },
	{ "Đề nghị tăng cường tuyên truyền Nghị quyết trên loa truyền thanh "
	  "ấp", "Đề nghị tăng cường tuyên truyền Nghị quyết trên mạng xã hội",
	  0, "loudspeakers, not social media" },
};

/* Four cells' proposals, as the commune's item 6 reads them. */
static const struct proposal commune[] = {
	{ "Kiến nghị hỗ trợ vốn vay ưu đãi cho hộ nghèo, hộ cận nghèo chuyển "
	  "đổi mô hình sản xuất.", "Chi bộ ấp Vĩnh Hòa" },
	{ "Đề nghị xã sớm nâng cấp tuyến đường đal liên ấp Vĩnh Phước - Vĩnh "
	  "Thành để bà con vận chuyển nông sản.", "Chi bộ ấp Vĩnh Hòa" },
	{ "kien nghi ho tro von vay uu dai cho ho ngheo, ho can ngheo chuyen "
	  "doi mo hinh san xuat", "Chi bộ ấp Vĩnh Hòa" },
	{ "Đề nghị xã sớm nâng cấp tuyến đường đal liên ấp Vĩnh Hòa - Vĩnh "
	  "Thành để bà con vận chuyển nông sản.", "Chi bộ ấp Vĩnh Phước" },
	{ "Kiến nghị hỗ trợ vốn vay ưu đãi cho hộ nghèo, hộ cận nghèo chuyển "
	  "đổi mô hình sản xuất.", "Chi bộ ấp Vĩnh Phước" },
	{ "Đề nghị hỗ trợ vốn vay ưu đãi cho các hộ nghèo, hộ cận nghèo để "
	  "chuyển đổi mô hình sản xuất", "Chi bộ ấp Vĩnh Thành" },
	{ "Đề nghị có chế độ hỗ trợ cho đội ngũ báo cáo viên ở cơ sở.",
	  "Chi bộ ấp Vĩnh Thành" },
	{ "Đề nghị xã sớm nâng cấp tuyến đường đan liên ấp Vĩnh Phước - Vĩnh "
	  "Thành để bà con vận chuyển nông sản", "Chi bộ ấp Vĩnh Thành" },
	{ "Kiến nghị hỗ trợ vốn vay ưu đãi cho hộ nghèo, hộ cận nghèo chuyển "
	  "đổi mô hình sản xuất.", "Chi bộ Trường Tiểu học" },
};

static void
test_pairs(void)
{
	size_t i;

	for (i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		tap_is_int(proposals_same(pairs[i].a, pairs[i].b),
		    pairs[i].same, pairs[i].name);
		tap_is_int(proposals_same(pairs[i].b, pairs[i].a),
		    pairs[i].same, "the same either way round");
	}
}

static void
test_commune(void)
{
	struct proposal_group *g;
	size_t n = proposals_group(commune, sizeof commune / sizeof *commune,
	    &g);

	tap_is_int(n, 4, "nine proposals make four groups");
	if (n != 4)
		return;
	tap_is_int(g[0].count, 5, "the loans: five members");
	tap_is_str(commune[g[0].shown].text, commune[0].text,
	    "shown in the commonest wording");
	tap_is_int(g[0].nunits, 4, "raised in four cells");
	tap_is_str(commune[g[0].units[0].first].unit, "Chi bộ ấp Vĩnh Hòa",
	    "the cells in the order met");
	tap_is_int(g[0].units[0].count, 2, "two of them in Vĩnh Hòa");
	tap_is_int(g[1].count, 2, "Vĩnh Phước's road: two, one mistyped");
	tap_is_int(g[1].nunits, 2, "from two cells");
	tap_is_str(commune[g[2].shown].text, commune[3].text,
	    "Vĩnh Hòa's road apart, in the order met");
	tap_is_int(g[3].count, 1, "the presenters' allowance alone");
	proposals_free(&g, n);
	tap_ok(g == NULL, "freed");
}

static void
test_edges(void)
{
	static const struct proposal lone[] = {
		{ "Đề nghị.", "Chi bộ A" },
		{ "Kiến nghị", "Chi bộ B" },
		{ "Nước", "Chi bộ B" },
	};
	struct proposal_group *g;
	size_t n;

	n = proposals_group(lone, 0, &g);
	tap_is_int(n, 0, "no proposals, no groups");
	proposals_free(&g, n);
	n = proposals_group(lone, 3, &g);
	tap_is_int(n, 2, "lead-ins alone are one group, a word another");
	proposals_free(&g, n);
}

int
main(void)
{
	test_pairs();
	test_commune();
	test_edges();
	return tap_done();
}
