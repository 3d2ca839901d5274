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

int
main(void)
{
	test_seed_001();
	test_seed_000();
	return tap_done();
}
