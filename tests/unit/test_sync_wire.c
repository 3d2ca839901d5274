/*
 * test_sync_wire.c - the sync body format: round trips, strict refusals,
 * and mangled or hostile input that must fail cleanly, never crash.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>
#include <zstd.h>

#include "sync/wire.h"
#include "tap.h"

/* Parses all of s; returns the records read, or -1 on an error. */
static int
parse_all(const char *s, size_t len)
{
	struct wire_record rec;
	struct wire_reader r;
	int n = 0, rc;

	wire_reader_init(&r, s, len);
	while ((rc = wire_next(&r, &rec)) == 1)
		n++;
	return rc < 0 ? -1 : n;
}

static void
test_round_trip(void)
{
	struct buf b = { 0 };
	struct wire_record rec;
	struct wire_reader r;
	const char text[] = "Nguyễn Văn A\nhai dòng, có \"dấu\" và : s3:";
	int64_t v;
	char *s;

	wire_begin(&b, "row");
	wire_str(&b, "t", "member");
	wire_int(&b, "id", INT64_MAX);
	wire_int(&b, "neg", -42);
	wire_text(&b, "full_name", text, strlen(text));
	wire_null(&b, "birth_year");
	wire_end(&b);
	wire_reader_init(&r, b.data, b.len);
	tap_is_int(wire_next(&r, &rec), 1, "a written record parses");
	tap_is_str(rec.word, "row", "its word comes back");
	tap_ok(wire_get_int(&rec, "id", &v) == 0 && v == INT64_MAX,
	    "the largest id survives");
	tap_ok(wire_get_int(&rec, "neg", &v) == 0 && v == -42,
	    "a negative integer survives");
	s = wire_get_str(&rec, "full_name");
	tap_is_str(s, text, "text with newlines and colons survives");
	free(s);
	tap_ok(wire_get(&rec, "birth_year")->kind == WIRE_NULL, "null survives");
	tap_ok(wire_is(&rec, "t", "member") && !wire_is(&rec, "t", "membe"),
	    "wire_is compares whole strings");
	tap_is_int(wire_next(&r, &rec), 0, "then the body ends");
	buf_free(&b);
}

/*
 * Version 3: a "cols" record names the columns once and each "r" record
 * after it is read as the "row" it stands for, a null base left out.
 */
static void
test_cols(void)
{
	static const char body[] =
	    "cols t s10:attendance op s3:put c s39:id session_id member_id status base hlc\n"
	    "r i1 i2 i3 s7:present n i100\n"
	    "r i4 i2 i5 s6:absent i99 i101\n"
	    "cols t s6:member op s3:del c s6:id hlc\n"
	    "r i7 i102\n"
	    "row t s4:unit op s3:put id i8 hlc i103\n";
	struct wire_record rec;
	struct wire_reader r;
	struct buf again = { 0 };
	int64_t v;

	wire_reader_init(&r, body, strlen(body));
	tap_ok(wire_next(&r, &rec) == 1 && strcmp(rec.word, "row") == 0 &&
	    wire_is(&rec, "t", "attendance") && wire_is(&rec, "op", "put") &&
	    wire_get_int(&rec, "member_id", &v) == 0 && v == 3 &&
	    wire_is(&rec, "status", "present") && wire_get(&rec, "base") == NULL &&
	    rec.nfields == 7, "an r record reads as its row, a null base left out");
	wire_put_record(&again, &rec);
	tap_is_str(again.data, "row t s10:attendance op s3:put id i1 session_id i2 "
	    "member_id i3 status s7:present hlc i100\n",
	    "and is written out whole as that row");
	tap_ok(wire_next(&r, &rec) == 1 && wire_get_int(&rec, "base", &v) == 0 &&
	    v == 99, "a base given is a field");
	tap_ok(wire_next(&r, &rec) == 1 && wire_is(&rec, "t", "member") &&
	    wire_is(&rec, "op", "del") && rec.nfields == 4,
	    "a second cols names the rows after it");
	tap_ok(wire_next(&r, &rec) == 1 && wire_is(&rec, "t", "unit"),
	    "a whole row record may follow");
	tap_is_int(wire_next(&r, &rec), 0, "then the body ends");
	buf_free(&again);
}

static void
test_refusals(void)
{
	static const char *const bad[] = {
		"row t s6:member",			/* no newline */
		"row t s7:member\n",			/* length past the end */
		"row t s99999999999999999999:x\n",	/* absurd length */
		"row id i9223372036854775808\n",	/* over INT64_MAX */
		"row id i12x\n",			/* junk after a number */
		"row id i\n",				/* no digits */
		"row id i1 id i2\n",			/* a field twice */
		"Row id i1\n",				/* upper case */
		"row  id i1\n",				/* two spaces */
		"row id x1\n",				/* unknown kind */
		"row id i1 \n",				/* trailing space */
		"\n",					/* empty record */
		"rowwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww i1\n", /* long word */
		"r i1\n",				/* r before any cols */
		"cols t s1:x op s3:put c s4:a bb\nr i1\n", /* too few values */
		"cols t s1:x op s3:put c s4:a bb\nr i1 i2 i3\n", /* too many */
		"cols t s1:x op s3:put c s3:a a\n",	/* a name twice */
		"cols t s1:x op s3:put c s4:a  b\n",	/* two spaces */
		"cols t s1:x op s3:put c s2:a \n",	/* a trailing space */
		"cols t s1:x op s3:put c s0:\n",	/* no names */
		"cols t s1:x op s3:put c s3:a B\n",	/* not a name */
		"cols t s1:x op s3:put c s4:a op\n",	/* a record field */
		"cols t s1:x op s3:get c s1:a\n",	/* unknown op */
		"cols t s1:X op s3:put c s1:a\n",	/* not a table name */
		"cols t s1:x op s3:put c s1:a z i1\n",	/* a field more */
		"cols t s1:x op s3:put c s1:a\nr\n",	/* no values */
		"cols t s1:x op s3:put c s1:a\nr i1 \n", /* trailing space */
		"cols t s1:x op s3:put c s1:a\nr a i1\n", /* a name in an r */
	};
	struct buf many = { 0 };
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		tap_ok(parse_all(bad[i], strlen(bad[i])) == -1,
		    "malformed record %zu is refused", i);
	wire_begin(&many, "row");
	for (i = 0; i <= WIRE_MAX_FIELDS; i++) {
		char name[16];

		snprintf(name, sizeof name, "f%zu", i);
		wire_int(&many, name, 1);
	}
	wire_end(&many);
	tap_is_int(parse_all(many.data, many.len), -1, "too many fields are refused");
	many.len = 0;
	buf_str(&many, "cols t s1:x op s3:put c s");
	{
		struct buf names = { 0 };
		char num[32];

		for (i = 0; i < WIRE_MAX_FIELDS - 1; i++) {
			snprintf(num, sizeof num, "%sf%zu", i ? " " : "", i);
			buf_str(&names, num);
		}
		snprintf(num, sizeof num, "%zu:", names.len);
		buf_str(&many, num);
		buf_add(&many, names.data, names.len);
		buf_str(&many, "\n");
		buf_free(&names);
	}
	tap_is_int(parse_all(many.data, many.len), -1,
	    "a cols naming more columns than a row may hold is refused");
	buf_free(&many);
}

static void
test_mangled(void)
{
	struct buf b = { 0 }, z = { 0 }, back = { 0 };
	unsigned seed = 12345;
	int i, crashes = 0, ok_or_fail = 1;

	for (i = 0; i < 50; i++) {
		wire_begin(&b, "row");
		wire_str(&b, "t", "essay");
		wire_int(&b, "id", 1000 + i);
		wire_str(&b, "awareness", "Nhận thức về nghị quyết");
		wire_end(&b);
	}
	/* Every prefix of a valid body either parses or fails; none reads past. */
	for (i = 0; i <= (int)b.len; i++) {
		char *copy = malloc((size_t)i + 1);
		int n;

		memcpy(copy, b.data, (size_t)i);
		n = parse_all(copy, (size_t)i);
		if (n < -1 || n > 50)
			ok_or_fail = 0;
		free(copy);
	}
	tap_ok(ok_or_fail, "every truncation of a body parses or fails cleanly");
	/* Random byte flips, under ASan in CI. */
	for (i = 0; i < 2000; i++) {
		char *copy = malloc(b.len);
		int k;

		memcpy(copy, b.data, b.len);
		for (k = 0; k < 4; k++) {
			seed = seed * 1103515245 + 12345;
			copy[(seed >> 8) % b.len] = (char)(seed >> 16);
		}
		if (parse_all(copy, b.len) < -1)
			crashes++;
		free(copy);
	}
	tap_is_int(crashes, 0, "2000 mangled bodies parse or fail cleanly");

	wire_deflate(b.data, b.len, &z);
	tap_ok(wire_inflate(z.data, z.len, &back, WIRE_MAX_PLAIN) == 0 && back.len == b.len &&
	    memcmp(back.data, b.data, b.len) == 0, "deflate and inflate round-trip");
	tap_is_int(wire_inflate(z.data, z.len - 3, &back, WIRE_MAX_PLAIN), -1,
	    "a cut compressed body is refused");
	z.data[z.len / 2] ^= 0x55;
	tap_is_int(wire_inflate(z.data, z.len, &back, WIRE_MAX_PLAIN), -1,
	    "a corrupted compressed body is refused");
	tap_is_int(wire_inflate("<html>captive portal</html>", 27, &back, WIRE_MAX_PLAIN), -1,
	    "an HTML page is refused");
	/* Version 3: zstd, as the server finds it by its magic number. */
	wire_zstd(b.data, b.len, &z);
	tap_ok(wire_is_zstd(z.data, z.len) && wire_inflate(z.data, z.len, &back,
	    WIRE_MAX_PLAIN) == 0 && back.len == b.len &&
	    memcmp(back.data, b.data, b.len) == 0, "zstd round-trips");
	tap_is_int(wire_inflate(z.data, z.len - 3, &back, WIRE_MAX_PLAIN), -1,
	    "a cut zstd body is refused");
	tap_is_int(wire_inflate(z.data, z.len, &back, b.len), -1,
	    "a zstd body past the limit is refused");
	buf_add(&z, "x", 1);
	tap_is_int(wire_inflate(z.data, z.len, &back, WIRE_MAX_PLAIN), -1,
	    "a zstd body with bytes after its frame is refused");
	{
		/* 3 MiB in one frame: a decoder would need a 3 MiB window. */
		size_t big = (size_t)3 << 20, n;
		char *plain = calloc(1, big);

		buf_add(&z, NULL, ZSTD_compressBound(big));
		n = ZSTD_compress(z.data, z.len, plain, big, 1);
		tap_is_int(wire_inflate(z.data, n, &back, WIRE_MAX_PLAIN), -1,
		    "a zstd frame asking for a window over 1 MiB is refused");
		free(plain);
	}
	buf_free(&b);
	buf_free(&z);
	buf_free(&back);
}

/*
 * A body that inflates past the limit is refused, and the buffer never
 * holds more than the limit: the largest body the server takes (4 MiB)
 * can be a bomb of some 4 GiB.
 */
static void
test_bomb(void)
{
	const size_t len = (size_t)256 << 20, step = (size_t)1 << 20;
	const size_t room = WIRE_MAX_BODY;
	char *zeros = calloc(1, step), *bomb = malloc(room);
	struct buf back = { 0 };
	z_stream zs;
	size_t done;
	time_t t0;

	memset(&zs, 0, sizeof zs);
	deflateInit(&zs, Z_BEST_COMPRESSION);
	zs.next_out = (Bytef *)bomb;
	zs.avail_out = (uInt)room;
	for (done = 0; done < len; done += step) {
		zs.next_in = (Bytef *)zeros;
		zs.avail_in = (uInt)step;
		deflate(&zs, done + step >= len ? Z_FINISH : Z_NO_FLUSH);
	}
	deflateEnd(&zs);
	tap_ok(zs.avail_out > 0, "256 MiB of zeros make a bomb of %zu bytes, "
	    "well under the 4 MiB a body may have", room - zs.avail_out);
	t0 = time(NULL);
	tap_is_int(wire_inflate(bomb, room - zs.avail_out, &back,
	    WIRE_MAX_PLAIN), -1, "it is refused once it would pass the limit");
	tap_ok(back.cap <= WIRE_MAX_PLAIN, "having held at most the limit "
	    "(%zu bytes)", back.cap);
	tap_ok(time(NULL) - t0 <= 5, "at once, not after inflating it all");
	buf_free(&back);
	tap_is_int(wire_inflate(bomb, room - zs.avail_out, &back, 64 * 1024),
	    -1, "a smaller limit (an enrolment's) refuses it sooner");
	tap_ok(back.cap <= 64 * 1024, "having held at most that (%zu bytes)",
	    back.cap);
	free(zeros);
	free(bomb);
	buf_free(&back);
}

int
main(void)
{
	test_round_trip();
	test_cols();
	test_refusals();
	test_mangled();
	test_bomb();
	return tap_done();
}
