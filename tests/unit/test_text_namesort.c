/*
 * test_text_namesort.c - the sort key of names (text_name_sort): real
 * names in the order a Vietnamese clerk expects, and the spellings that
 * must not change the key.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "tap.h"

/* Each list is in the expected order, written by hand from the rules. */
static const char *const by_given_name[] = {
	"Nguyễn Thị An",	/* given name first: every An before Án */
	"Nguyễn Văn An",	/* same given name: middle name Thị < Văn */
	"Trần Văn An",		/* then the family name */
	"Lê Thị Án",		/* a word by its letters, then its tone */
	"Nguyễn Văn Anh",	/* "an" is a prefix of "anh" */
	"Trần Thị Ánh",
	"Phạm Văn Ân",		/* ă, â after every a word */
	"Lê Văn Bình",
	"Đặng Văn Dũng",	/* family name Đặng (d...) < Nguyễn */
	"Nguyễn Văn Dũng",
	"Trần Quốc Duy",	/* Dũng < Duy: letters n < y decide */
	"Võ Minh Dương",	/* ư after every u */
	"Phạm Văn Đạt",		/* đ after every d word */
	"Nguyễn Thị Kim Cúc Hà",
	"Lê Thị Kim Hà",	/* middle names left to right: Cúc < Kim... */
	"Lê Thị Mai Hà",
	"Võ Văn Ơn",		/* o ô ơ */
	"Lý Thị Mỹ Yến",
	NULL,
};

/* The source's example: tones in the order none, huyền, hỏi, ngã, sắc, nặng. */
static const char *const tones[] = {
	"Trần Ba", "Trần Bà", "Trần Bả", "Trần Bã", "Trần Bá", "Trần Bạ",
	"Trần Bác", NULL,
};

/* The alphabet, one single-letter given name each. */
static const char *const alphabet[] = {
	"X 9", "X a", "X ă", "X â", "X b", "X c", "X d", "X đ", "X e", "X ê",
	"X g", "X h", "X i", "X k", "X l", "X m", "X n", "X o", "X ô", "X ơ",
	"X p", "X q", "X r", "X s", "X t", "X u", "X ư", "X v", "X x", "X y",
	NULL,
};

static void
check_order(const char *const *names, const char *what)
{
	size_t i;

	for (i = 0; names[i + 1] != NULL; i++) {
		char *a = text_name_sort(names[i]), *b = text_name_sort(names[i + 1]);

		if (!tap_ok(strcmp(a, b) < 0, "%s: %s < %s", what, names[i],
		    names[i + 1]))
			printf("# keys \"%s\" and \"%s\"\n", a, b);
		free(a);
		free(b);
	}
}

static void
check_same(const char *x, const char *y, const char *what)
{
	char *a = text_name_sort(x), *b = text_name_sort(y);

	tap_is_str(a, b, what);
	free(a);
	free(b);
}

int
main(void)
{
	char *k;

	check_order(by_given_name, "names");
	check_order(tones, "tones");
	check_order(alphabet, "alphabet");
	check_same("NGUYỄN VĂN AN", "nguyễn văn an", "case does not count");
	/* "ễ" as e + circumflex + tilde, "ă" as a + breve (NFD). */
	check_same("Nguye\xcc\x82\xcc\x83n Va\xcc\x86n An", "Nguyễn Văn An",
	    "NFD and NFC spell the same key");
	check_same("  Nguyễn\xc2\xa0 Văn\tAn ", "Nguyễn Văn An",
	    "runs of white space and NBSP count as one space");
	k = text_name_sort("Trần Văn An");
	tap_is_str(k, "an! va{n! tra|n!1", "the key is the one text.h shows");
	free(k);
	k = text_name_sort("");
	tap_is_str(k, "", "an empty name has an empty key");
	free(k);
	k = text_name_sort(NULL);
	tap_is_str(k, "", "NULL is \"\"");
	free(k);
	k = text_name_sort("Hồng-Nhung \xef\xbf\xbd\xe4\xb8\xad");
	tap_ok(strchr(k, '\0') == k + strlen(k) && k[0] == '#',
	    "other characters are kept, before digits and letters");
	free(k);
	return tap_done();
}
