/*
 * fuzz_deadline.c - the deadline parser (src/domain/deadline.c) on the
 * phrases plans write ("quý II/2021", "đợt 1 trước ngày 29-4-2021"...),
 * with the plan's year from the first byte (0: none known).
 */
#include "config.h"

#include <stdlib.h>

#include "domain/deadline.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct deadline d;
	char *s;
	int year;

	if (size == 0)
		return 0;
	year = data[0] == 0 ? 0 : 1990 + data[0] % 60;
	s = fuzz_string(data + 1, size - 1);
	if (deadline_parse(s, year, &d) == NULL)
		deadline_clear(&d);
	free(s);
	return 0;
}
