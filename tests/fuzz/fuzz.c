/*
 * fuzz.c - what the fuzz targets share (fuzz.h).
 */
#include "config.h"

#include <string.h>

#include "xmalloc.h"

#include "fuzz.h"

char *
fuzz_string(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);

	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}
