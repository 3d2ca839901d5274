/*
 * test_domain_plan_text.c - what the plan-text reader takes from an
 * item's block besides its deadline (src/domain/plan_text.c): who
 * attends, the presenter, the length with its parts and the materials'
 * ratio, on the seeds as they are written.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/plan_item.h"
#include "domain/plan_text.h"
#include "tap.h"
#include "xmalloc.h"

/* The seed's text, newly allocated, or NULL. */
static char *
seed(const char *name)
{
	const char *top = getenv("top_srcdir");
	char *path = xasprintf("%s/tests/data/plans/%s", top != NULL ? top :
	    ".", name), *buf = NULL;
	FILE *fp = fopen(path, "rb");
	long n;

	if (fp != NULL && fseek(fp, 0, SEEK_END) == 0 && (n = ftell(fp)) > 0 &&
	    fseek(fp, 0, SEEK_SET) == 0) {
		buf = xmalloc((size_t)n + 1);
		buf[fread(buf, 1, (size_t)n, fp)] = '\0';
	}
	if (fp != NULL)
		fclose(fp);
	free(path);
	return buf;
}

/* The first item whose level is level, or NULL. */
static const struct plan_text_item *
item_of(const struct plan_text *p, const char *level)
{
	size_t i;

	for (i = 0; i < p->nitems; i++)
		if (strcmp(p->items[i].level, level) == 0)
			return &p->items[i];
	return NULL;
}

/* The length's half days and parts, or -1. */
static int
half_days(const char *words, int *nparts)
{
	struct plan_length l;
	int n;

	*nparts = -1;
	if (words == NULL || plan_length_parse(words, &l) != NULL)
		return -1;
	n = l.half_days;
	*nparts = l.nparts;
	plan_length_clear(&l);
	return n;
}

static void
test_seed_001(void)
{
	char *text = seed("001_d3cba06d6dcc2201.txt");
	struct plan_text p;
	const struct plan_text_item *it;
	int parts;

	memset(&p, 0, sizeof p);
	if (text == NULL) {
		tap_ok(0, "seed 001 is read");
		return;
	}
	plan_text_parse(text, &p);
	it = item_of(&p, "huyện");
	tap_ok(it != NULL && it->presenter != NULL && strstr(it->presenter,
	    "Bí thư Thị ủy") != NULL, "seed 001: the district's presenter, "
	    "after 'Báo cáo viên:'");
	tap_is_int(it != NULL ? half_days(it->length, &parts) : -1, 2,
	    "seed 001: 01 ngày, from 'Thời gian:'");
	tap_is_int(parts, 2, "seed 001: its two parts, on the list lines below");
	tap_ok(it != NULL && it->audience != NULL && strstr(it->audience,
	    "Ủy viên Ban Chấp hành") != NULL, "seed 001: who attends, on the "
	    "line after 'Thành phần'");
	plan_text_clear(&p);
	free(text);
}

static void
test_seed_000(void)
{
	char *text = seed("000_d7dce3f576120319.txt");
	struct plan_text p;
	const struct plan_text_item *it;
	int parts;

	memset(&p, 0, sizeof p);
	if (text == NULL) {
		tap_ok(0, "seed 000 is read");
		return;
	}
	plan_text_parse(text, &p);
	it = item_of(&p, "huyện");
	tap_is_int(it != NULL && it->ratio != NULL ?
	    plan_ratio_copies(it->ratio, 10) : -1, 4,
	    "seed 000: the district's materials, 03 đảng viên/01 cuốn");
	it = item_of(&p, "cơ sở");
	tap_is_int(it != NULL ? half_days(it->length, &parts) : -1, 1,
	    "seed 000: the commune's 01 buổi");
	plan_text_clear(&p);
	free(text);
}

/* The one item of a plan whose section II is body, parsed into *p. */
static const struct plan_text_item *
one_item(struct plan_text *p, const char *body)
{
	char *text = xasprintf("ĐẢNG ỦY XÃ AN HÒA\nSố 05-KH/ĐU\nAn Hòa, ngày "
	    "02/3/2021\nKẾ HOẠCH\nhọc tập Nghị quyết\nI. MỤC ĐÍCH\nHiểu rõ."
	    "\nII. NỘI DUNG\n1. Cấp cơ sở\n%s\nIII. TỔ CHỨC THỰC HIỆN\n",
	    body);

	memset(p, 0, sizeof *p);
	plan_text_parse(text, p);
	free(text);
	return p->nitems == 1 ? &p->items[0] : NULL;
}

/* How a session is held (plan_text_how.c), one convention a case. */
static void
test_how(void)
{
	static const struct {
		const char	*body, *start, *form, *bridges;
		int		 count;
		const char	*name;
	} cases[] = {
		{ "- Thời gian: 01 buổi, lúc 7 giờ 30, ngày 5/3/2021.", "07:30",
		  NULL, NULL, 0, "'lúc 7 giờ 30' on the Thời gian line" },
		{ "- Thời gian: khai mạc 14h, hoàn thành trong tháng 3/2021.",
		  "14:00", NULL, NULL, 0, "'khai mạc 14h'" },
		{ "- Thời gian: 0,5 ngày, ngày 12/3/2021.", "", NULL, NULL, 0,
		  "a length and a date are no start time" },
		{ "- Báo cáo viên: đồng chí Bí thư trực tiếp truyền đạt.", "",
		  NULL, NULL, 0, "'trực tiếp truyền đạt' names who, not a form" },
		{ "- Hình thức: tổ chức trực tiếp tại hội trường xã.", "",
		  "in_person", NULL, 0, "'Hình thức: … trực tiếp'" },
		{ "Hội nghị trực tuyến với 15 điểm cầu: Hội trường Đảng ủy xã và "
		  "Nhà văn hóa ấp Phú Hòa, gồm các đồng chí đảng viên.", "",
		  "online", "Hội trường Đảng ủy xã\nNhà văn hóa ấp Phú Hòa", 15,
		  "a listed and counted set of bridge points" },
		{ "- Điểm cầu Ủy ban nhân dân xã, gồm: cán bộ, công chức.\n"
		  "- Tại 03 điểm cầu ở các ấp.", "", NULL,
		  "Ủy ban nhân dân xã", 3, "a named point; lower case is no name" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct plan_text p;
		const struct plan_text_item *it = one_item(&p, cases[i].body);

		tap_ok(it != NULL && strcmp(it->start, cases[i].start) == 0 &&
		    (it->form == NULL ? cases[i].form == NULL :
		    cases[i].form != NULL && strcmp(it->form, cases[i].form) == 0)
		    && (it->bridges == NULL ? cases[i].bridges == NULL :
		    cases[i].bridges != NULL && strcmp(it->bridges,
		    cases[i].bridges) == 0) && it->bridge_count == cases[i].count,
		    "%s", cases[i].name);
		plan_text_clear(&p);
	}
}

int
main(void)
{
	test_seed_001();
	test_seed_000();
	test_how();
	return tap_done();
}
