/*
 * rtf_text.c - prints the text of the RTF on standard input (rtf_read.h),
 * for the shell tests of the printed form; exits 1 if its braces do not
 * balance.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "rtf_read.h"
#include "xmalloc.h"

int
main(void)
{
	size_t len = 0, cap = 4096, n;
	char *buf = xmalloc(cap), *text;

	while ((n = fread(buf + len, 1, cap - len - 1, stdin)) > 0) {
		len += n;
		if (cap - len < 2)
			buf = xrealloc(buf, cap *= 2);
	}
	buf[len] = '\0';
	text = rtf_read(buf);
	free(buf);
	if (text == NULL) {
		fputs("rtf_text: braces do not balance\n", stderr);
		return 1;
	}
	fputs(text, stdout);
	free(text);
	return 0;
}
