/*
 * fuzz_wire.c - the sync wire decoder with inflate (src/sync/wire.c), as
 * the server and the client meet a body: the first byte says whether the
 * rest is a deflated body (inflated first, as an HTTP body is) or the
 * plain records; every record is then read field by field and checked
 * as a row (sync_row_parse).
 */
#include "config.h"

#include <stdlib.h>

#include "sync/rows.h"
#include "sync/wire.h"
#include "xmalloc.h"

#include "fuzz.h"

static void
fuzz_records(const char *p, size_t len)
{
	struct wire_record *rec = xmalloc(sizeof *rec);
	struct wire_reader rd;
	struct sync_row row;
	const char *why;
	int64_t v;

	rd.p = p;
	rd.end = p + len;
	while (wire_next(&rd, rec) == 1) {
		free(wire_get_str(rec, "t"));
		(void)wire_get_int(rec, "count", &v);
		(void)wire_is(rec, "op", "put");
		(void)sync_row_parse(rec, &row, &why);
	}
	free(rec);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf plain = { 0 };

	if (size == 0)
		return 0;
	if (data[0] & 1) {
		if (wire_inflate(data + 1, size - 1, &plain, WIRE_MAX_PLAIN) == 0)
			fuzz_records(plain.data, plain.len);
		buf_free(&plain);
	} else
		fuzz_records((const char *)data + 1, size - 1);
	return 0;
}
