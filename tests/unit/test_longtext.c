/*
 * test_longtext.c - long texts wrapped by terminal width for the essay
 * and tally screens (screens/longtext.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "longtext.h"
#include "tap.h"
#include "text/text.h"
#include "xmalloc.h"

/* The lines of text wrapped at cols, joined with '|' (a new string). */
static char *
wrapped(const char *text, int cols)
{
	char **lines, *s = xstrdup(""), *t;
	size_t n, i;

	lines = longtext_wrap(text, cols, &n);
	for (i = 0; i < n; i++) {
		t = xasprintf("%s%s%s", s, i > 0 ? "|" : "", lines[i]);
		free(s);
		s = t;
	}
	longtext_free(&lines, n);
	return s;
}

/* 1 if every line of text wrapped at cols is at most cols wide. */
static int
fits(const char *text, int cols)
{
	char **lines;
	size_t n, i;
	int ok = 1;

	lines = longtext_wrap(text, cols, &n);
	for (i = 0; i < n; i++)
		ok = ok && text_width(lines[i]) <= cols;
	longtext_free(&lines, n);
	return ok;
}

static void
check(const char *text, int cols, const char *want, const char *name)
{
	char *got = wrapped(text, cols);

	tap_is_str(got, want, name);
	free(got);
}

int
main(void)
{
	const char *essay = "Nhận thức sâu sắc về vị trí, vai trò của Nghị "
	    "quyết Đại hội Đảng bộ tỉnh lần thứ XI đối với địa phương.";

	check("một hai ba bốn", 7, "một hai|ba bốn",
	    "words move to the next line by columns, not bytes");
	check("một  hai", 20, "một hai", "runs of spaces fold into one");
	check("dòng một\n\ndòng ba", 20, "dòng một||dòng ba",
	    "newlines start lines; an empty paragraph stays empty");
	check("nghiêngnghiêng", 5, "nghiê|ngngh|iêng",
	    "a word wider than the line is cut between characters");
	check("", 10, "", "empty text is one empty line");
	tap_ok(fits(essay, 30) && fits(essay, 1), "no line is ever wider than "
	    "asked, even at 1 column");
	/* Decomposed: e, circumflex, tilde stay with their letter. */
	check("Nguye\xcc\x82\xcc\x83nnn", 5, "Nguye\xcc\x82\xcc\x83|nnn",
	    "a cut keeps a letter with its combining marks");
	return tap_done();
}
