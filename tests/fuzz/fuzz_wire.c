/*
 * fuzz_wire.c - the sync wire decoder with inflate (src/sync/wire.c), as
 * the server and the client meet a body: the first byte says whether the
 * rest is a compressed body (zlib or zstd, inflated first, as an HTTP
 * body is) or the plain records; every record ("cols" and "r" of version
 * 3 included) is then read field by field, checked as a row
 * (sync_row_parse), and written out whole, which must read back the same.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sync/rows.h"
#include "sync/wire.h"
#include "xmalloc.h"

#include "fuzz.h"

/* A record written out (as the inbox keeps a row) reads back the same. */
static void
fuzz_rewrite(const struct wire_record *rec)
{
	struct wire_record *back = xmalloc(sizeof *back);
	struct buf out = { 0 }, again = { 0 };
	struct wire_reader rd;

	wire_put_record(&out, rec);
	wire_reader_init(&rd, out.data, out.len);
	if (wire_next(&rd, back) != 1 || wire_next(&rd, back) != 0)
		abort();
	wire_reader_init(&rd, out.data, out.len);
	(void)wire_next(&rd, back);
	wire_put_record(&again, back);
	if (again.len != out.len || memcmp(again.data, out.data, out.len) != 0)
		abort();
	buf_free(&out);
	buf_free(&again);
	free(back);
}

static void
fuzz_records(const char *p, size_t len)
{
	struct wire_record *rec = xmalloc(sizeof *rec);
	struct wire_reader rd;
	struct sync_row row;
	const char *why;
	int64_t v;

	wire_reader_init(&rd, p, len);
	while (wire_next(&rd, rec) == 1) {
		free(wire_get_str(rec, "t"));
		(void)wire_get_int(rec, "count", &v);
		(void)wire_is(rec, "op", "put");
		(void)sync_row_parse(rec, &row, &why);
		fuzz_rewrite(rec);
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
