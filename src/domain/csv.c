/*
 * csv.c - writing a CSV field.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "domain/csv.h"
#include "text/text.h"

void
csv_field(FILE *fp, const char *field)
{
	char *safe = text_display(field, TEXT_KEEP_NEWLINES | TEXT_UTF8);
	const char *s = safe;

	if (strpbrk(s, ",\"\r\n") != NULL) {
		fputc('"', fp);
		for (; *s != '\0'; s++) {
			if (*s == '"')
				fputc('"', fp);
			fputc(*s, fp);
		}
		fputc('"', fp);
	} else
		fputs(s, fp);
	free(safe);
}
