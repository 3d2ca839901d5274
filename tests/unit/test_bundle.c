/*
 * test_bundle.c - the bundle file (src/sync/bundle.c): what is written
 * reads back, and a bundle cut at any byte or with any byte changed is
 * refused by its parser or its mac, never read past its end (run it
 * under ASan: tests/local.mk's sanitizer build).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sync/bundle.h"
#include "tap.h"

#define KEY	"3b2c6f0e8d4a1b9c7e5f3a2d1c0b9a8f7e6d5c4b3a29180706f5e4d3c2b1a090"

/* 1 if data[0, len) passes as a request bundle signed with key. */
static int
passes(const char *data, size_t len, const char *key)
{
	struct bundle b;
	char *err = NULL;
	int ok;

	if (bundle_parse(data, len, "request", &b, &err) != 0) {
		free(err);
		return 0;
	}
	ok = bundle_verify(&b, data, key);
	bundle_free(&b);
	return ok;
}

int
main(void)
{
	struct buf out = { 0 }, part = { 0 }, copy = { 0 };
	struct bundle b;
	char *err = NULL;
	size_t i, cut_ok = 0, flip_ok = 0;
	int64_t made;

	for (i = 0; i < 200; i++)
		buf_str(&part, "row t s6:member key i1 full_name s4:Ba B\n");
	bundle_begin(&out, "request", 42, 2);
	wire_end(&out);
	bundle_add(&out, &part);
	bundle_add(&out, &part);
	bundle_sign(&out, KEY);

	tap_ok(bundle_parse(out.data, out.len, "request", &b, &err) == 0,
	    "a bundle written reads back");
	tap_is_int(b.unit, 42, "its unit");
	tap_ok(wire_get_int(&b.hdr, "made", &made) == 0 && made > 0,
	    "and when it was made");
	tap_ok(bundle_verify(&b, out.data, KEY), "its mac is right for its key");
	tap_ok(!bundle_verify(&b, out.data, KEY "0") &&
	    !bundle_verify(&b, out.data, "3b2c"), "and wrong for another");
	tap_ok(bundle_inflate(&b, &err) == 0 && b.nparts == 2 &&
	    b.part[1].len == part.len &&
	    memcmp(b.part[1].data, part.data, part.len) == 0,
	    "its parts inflate to what was added");
	bundle_free(&b);
	tap_ok(bundle_parse(out.data, out.len, "reply", &b, &err) != 0 &&
	    err != NULL, "a request is not taken for a reply");
	free(err);

	/* Every prefix in a buffer of its own, so ASan sees a read past it. */
	for (i = 0; i < out.len; i++) {
		char *p = malloc(i + 1);

		memcpy(p, out.data, i);
		cut_ok += passes(p, i, KEY);
		free(p);
	}
	tap_is_int(cut_ok, 0, "a bundle cut at any byte is refused");
	buf_add(&copy, out.data, out.len);
	for (i = 0; i < out.len; i++) {
		copy.data[i] ^= 0x01;
		flip_ok += passes(copy.data, copy.len, KEY);
		copy.data[i] ^= 0x01;
	}
	tap_is_int(flip_ok, 0, "a bundle with any one byte changed is refused");
	buf_str(&copy, "x");
	tap_ok(!passes(copy.data, copy.len, KEY), "so is one with a byte after its mac");
	buf_free(&copy);
	buf_free(&part);
	buf_free(&out);
	return tap_done();
}
