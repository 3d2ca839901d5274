/*
 * fuzz.c - what the fuzz targets share (fuzz.h).
 */
#include "config.h"

#include "xmalloc.h"

#include "fuzz.h"

char *
fuzz_string(const uint8_t *data, size_t size)
{
	return xstrndup((const char *)data, size);
}
