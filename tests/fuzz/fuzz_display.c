/*
 * fuzz_display.c - the display sanitiser (src/text/text.c), the one
 * choke point between stored text and the terminal: any bytes, in UTF-8
 * or ASCII mode (bit 0 of the first byte), keeping newlines or not (bit
 * 1), cut to a width (the second byte). What comes out must be valid
 * UTF-8 free of controls, exactly as wide as asked for by text_fit, and
 * text_display must be idempotent.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "text/text.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, *once, *twice, *fit;
	int flags, cols;
	const char *p;

	if (size < 2)
		return 0;
	text_set_ascii_mode(data[0] & 1);
	flags = data[0] & 2 ? TEXT_KEEP_NEWLINES : 0;
	cols = data[1] % 120;
	s = fuzz_string(data + 2, size - 2);
	once = text_display(s, flags);
	twice = text_display(once, flags);
	fit = text_fit(s, cols, TEXT_ELLIPSIS);
	if (!text_utf8_valid(once, strlen(once)) || strcmp(once, twice) != 0 ||
	    text_width(fit) != cols)
		abort();
	for (p = once; *p != '\0'; p++)
		if (((unsigned char)*p < 0x20 && *p != '\n' && *p != '\t') ||
		    *p == 0x7f)
			abort();
	free(s);
	free(once);
	free(twice);
	free(fit);
	text_set_ascii_mode(0);
	return 0;
}
