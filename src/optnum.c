/* optnum.c - a number given on the command line, read whole (optnum.h). */
#include "config.h"

#include <errno.h>
#include <stdlib.h>

#include "optnum.h"

int
optnum(const char *s, long long min, long long max, long long *out)
{
	char *end;
	long long v;

	/* strtoll skips leading blanks and takes a sign; a value may not. */
	if (s == NULL || ((*s < '0' || *s > '9') && *s != '-'))
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
optnum_int(const char *s, int min, int max, int *out)
{
	long long v;

	if (optnum(s, min, max, &v) != 0)
		return -1;
	*out = (int)v;
	return 0;
}
