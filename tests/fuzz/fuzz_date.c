/*
 * fuzz_date.c - the date parser (src/domain/date.c) on what a clerk may
 * type: "31/12/2021", "ngày 05 tháng 3 năm 2021", and anything else.
 */
#include "config.h"

#include <stdlib.h>

#include "domain/date.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size), iso[11];
	struct qt_date d;

	if (date_parse(s, &d) == NULL) {
		date_to_iso(d, iso);
		if (date_from_iso(iso, &d) != 0)
			abort();	/* a date parsed must be a real date */
		date_to_vn(d, iso);
	}
	(void)date_from_iso(s, &d);
	free(s);
	return 0;
}
