/*
 * wire.c - writing and strictly parsing sync bodies.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "sync/wire.h"
#include "xmalloc.h"

void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;

		while (cap < b->len + n + 1)
			cap *= 2;
		b->data = xrealloc(b->data, cap);
		b->cap = cap;
	}
	if (p != NULL && n > 0)	/* NULL only reserves room */
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_free(struct buf *b)
{
	x_free(&b->data);
	b->len = b->cap = 0;
}

static void
wire_name(struct buf *b, const char *name, char kind)
{
	buf_add(b, " ", 1);
	buf_add(b, name, strlen(name));
	buf_add(b, " ", 1);
	buf_add(b, &kind, 1);
}

void
wire_begin(struct buf *b, const char *word)
{
	buf_str(b, word);
}

void
wire_int(struct buf *b, const char *name, int64_t v)
{
	char num[32];

	wire_name(b, name, 'i');
	snprintf(num, sizeof num, "%lld", (long long)v);
	buf_add(b, num, strlen(num));
}

void
wire_text(struct buf *b, const char *name, const char *s, size_t len)
{
	char num[32];

	wire_name(b, name, 's');
	snprintf(num, sizeof num, "%zu:", len);
	buf_add(b, num, strlen(num));
	buf_add(b, s, len);
}

void
wire_str(struct buf *b, const char *name, const char *s)
{
	wire_text(b, name, s, strlen(s));
}

void
wire_null(struct buf *b, const char *name)
{
	wire_name(b, name, 'n');
}

void
wire_end(struct buf *b)
{
	buf_add(b, "\n", 1);
}

/* Reads [a-z_0-9]{1,WIRE_MAX_NAME} into out; -1 if there is none. */
static int
wire_read_name(struct wire_reader *r, char *out)
{
	size_t n = 0;

	while (r->p < r->end && ((*r->p >= 'a' && *r->p <= 'z') ||
	    (*r->p >= '0' && *r->p <= '9') || *r->p == '_' || *r->p == '-')) {
		if (n == WIRE_MAX_NAME)
			return -1;
		out[n++] = *r->p++;
	}
	out[n] = '\0';
	return n > 0 ? 0 : -1;
}

/* Reads an unsigned decimal that fits in int64_t. */
static int
wire_read_digits(struct wire_reader *r, int64_t *out)
{
	int64_t v = 0;
	int n = 0;

	while (r->p < r->end && *r->p >= '0' && *r->p <= '9') {
		int d = *r->p++ - '0';

		if (++n > 19 || v > (INT64_MAX - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*out = v;
	return n > 0 ? 0 : -1;
}

static int
wire_read_value(struct wire_reader *r, struct wire_value *v)
{
	int64_t n;
	int neg = 0;

	if (r->p >= r->end)
		return -1;
	memset(v, 0, sizeof *v);
	switch (*r->p++) {
	case 'n':
		v->kind = WIRE_NULL;
		return 0;
	case 'i':
		if (r->p < r->end && *r->p == '-') {
			neg = 1;
			r->p++;
		}
		if (wire_read_digits(r, &n) != 0)
			return -1;
		v->kind = WIRE_INT;
		v->i = neg ? -n : n;
		return 0;
	case 's':
		if (wire_read_digits(r, &n) != 0 || n > WIRE_MAX_TEXT ||
		    r->p >= r->end || *r->p++ != ':' || r->end - r->p < n)
			return -1;
		v->kind = WIRE_TEXT;
		v->s = r->p;
		v->len = (size_t)n;
		r->p += n;
		return 0;
	default:
		return -1;
	}
}

int
wire_next(struct wire_reader *r, struct wire_record *rec)
{
	if (r->p >= r->end)
		return 0;
	rec->nfields = 0;
	if (wire_read_name(r, rec->word) != 0)
		return -1;
	for (;;) {
		struct wire_field *f;

		if (r->p >= r->end)
			return -1;
		if (*r->p == '\n') {
			r->p++;
			return 1;
		}
		if (*r->p++ != ' ' || rec->nfields == WIRE_MAX_FIELDS)
			return -1;
		f = &rec->f[rec->nfields];
		if (wire_read_name(r, f->name) != 0 || wire_get(rec, f->name) ||
		    r->p >= r->end || *r->p++ != ' ' ||
		    wire_read_value(r, &f->v) != 0)
			return -1;
		rec->nfields++;
	}
}

const struct wire_value *
wire_get(const struct wire_record *rec, const char *name)
{
	int i;

	for (i = 0; i < rec->nfields; i++)
		if (strcmp(rec->f[i].name, name) == 0)
			return &rec->f[i].v;
	return NULL;
}

int
wire_get_int(const struct wire_record *rec, const char *name, int64_t *out)
{
	const struct wire_value *v = wire_get(rec, name);

	if (v == NULL || v->kind != WIRE_INT)
		return -1;
	*out = v->i;
	return 0;
}

char *
wire_get_str(const struct wire_record *rec, const char *name)
{
	const struct wire_value *v = wire_get(rec, name);

	if (v == NULL || v->kind != WIRE_TEXT)
		return NULL;
	return xstrndup(v->s, v->len);
}

int
wire_is(const struct wire_record *rec, const char *name, const char *s)
{
	const struct wire_value *v = wire_get(rec, name);

	return v != NULL && v->kind == WIRE_TEXT && v->len == strlen(s) &&
	    memcmp(v->s, s, v->len) == 0;
}

void
wire_deflate(const void *in, size_t len, struct buf *out)
{
	uLongf n = compressBound(len);

	out->len = 0;
	buf_add(out, NULL, n);
	if (compress2((Bytef *)out->data, &n, in, len, 6) != Z_OK)
		abort();	/* only on out of memory: compressBound is enough */
	out->len = n;
}

int
wire_inflate(const void *in, size_t len, struct buf *out, size_t limit)
{
	z_stream z;
	char chunk[16384];
	size_t n;
	int rc;

	memset(&z, 0, sizeof z);
	if (inflateInit(&z) != Z_OK)
		return -1;
	out->len = 0;
	z.next_in = (Bytef *)in;
	z.avail_in = len;
	do {
		z.next_out = (Bytef *)chunk;
		z.avail_out = sizeof chunk;
		rc = inflate(&z, Z_NO_FLUSH);
		if (rc != Z_OK && rc != Z_STREAM_END)
			break;
		/* Refused before it is kept: the buffer never passes limit. */
		n = sizeof chunk - z.avail_out;
		if (out->len + n >= limit) {
			rc = Z_DATA_ERROR;
			break;
		}
		buf_add(out, chunk, n);
	} while (rc != Z_STREAM_END && (z.avail_in > 0 || z.avail_out == 0));
	inflateEnd(&z);
	/* Trailing bytes after the stream are as malformed as a short one. */
	return rc == Z_STREAM_END && z.avail_in == 0 ? 0 : -1;
}
