/*
 * wire.c - writing and strictly parsing sync bodies.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

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

void
wire_reader_init(struct wire_reader *r, const void *p, size_t len)
{
	r->p = p;
	r->end = r->p + len;
	r->cols.n = -1;
}

/* Reads the " NAME VALUE" fields of a record up to its LF. */
static int
wire_read_fields(struct wire_reader *r, struct wire_record *rec)
{
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

/* 1 if [p, p + len) is a NAME of the record format. */
static int
wire_name_ok(const char *p, size_t len)
{
	size_t i;

	if (len == 0 || len > WIRE_MAX_NAME)
		return 0;
	for (i = 0; i < len; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= '0' && p[i] <= '9') ||
		    p[i] == '_' || p[i] == '-'))
			return 0;
	return 1;
}

/* Copies text value v, a NAME, into out; -1 if it is not one. */
static int
wire_copy_name(const struct wire_value *v, char *out)
{
	if (v == NULL || v->kind != WIRE_TEXT || !wire_name_ok(v->s, v->len))
		return -1;
	memcpy(out, v->s, v->len);
	out[v->len] = '\0';
	return 0;
}

/*
 * Keeps a "cols" record: t, op (put or del) and c, its names separated
 * by one space, each once, neither "t" nor "op"; -1 if anything else.
 */
static int
wire_set_cols(struct wire_cols *c, const struct wire_record *rec)
{
	const struct wire_value *names = wire_get(rec, "c");
	const char *p, *end, *sp;
	int i;

	c->n = -1;
	if (rec->nfields != 3 || wire_copy_name(wire_get(rec, "t"), c->t) != 0 ||
	    names == NULL || names->kind != WIRE_TEXT ||
	    (!wire_is(rec, "op", "put") && !wire_is(rec, "op", "del")))
		return -1;
	memcpy(c->op, wire_is(rec, "op", "put") ? "put" : "del", 4);
	p = names->s;
	end = p + names->len;
	for (i = 0; p < end; i++) {
		sp = memchr(p, ' ', (size_t)(end - p));
		if (sp == NULL)
			sp = end;
		if (i == WIRE_MAX_FIELDS - 2 || !wire_name_ok(p, (size_t)(sp - p)))
			return -1;
		memcpy(c->name[i], p, (size_t)(sp - p));
		c->name[i][sp - p] = '\0';
		if (strcmp(c->name[i], "t") == 0 || strcmp(c->name[i], "op") == 0)
			return -1;
		for (int j = 0; j < i; j++)
			if (strcmp(c->name[j], c->name[i]) == 0)
				return -1;
		/* A space must separate two names, not end the list. */
		if (sp < end && sp + 1 == end)
			return -1;
		p = sp < end ? sp + 1 : end;
	}
	if (i == 0)
		return -1;
	c->n = i;
	return 0;
}

/* Sets field f of rec to text s. */
static void
wire_set_text(struct wire_record *rec, const char *name, const char *s)
{
	struct wire_field *f = &rec->f[rec->nfields++];

	snprintf(f->name, sizeof f->name, "%s", name);
	memset(&f->v, 0, sizeof f->v);
	f->v.kind = WIRE_TEXT;
	f->v.s = s;
	f->v.len = strlen(s);
}

/* Reads the values of an "r" record into the "row" record it stands for. */
static int
wire_read_values(struct wire_reader *r, struct wire_record *rec)
{
	const struct wire_cols *c = &r->cols;
	struct wire_field *f;
	int i;

	if (c->n < 0)
		return -1;
	memcpy(rec->word, "row", 4);
	wire_set_text(rec, "t", c->t);
	wire_set_text(rec, "op", c->op);
	for (i = 0; i < c->n; i++) {
		f = &rec->f[rec->nfields];
		if (r->p >= r->end || *r->p++ != ' ' ||
		    wire_read_value(r, &f->v) != 0)
			return -1;
		if (f->v.kind == WIRE_NULL && strcmp(c->name[i], "base") == 0)
			continue;	/* a change with no base */
		memcpy(f->name, c->name[i], sizeof f->name);
		rec->nfields++;
	}
	if (r->p >= r->end || *r->p++ != '\n')
		return -1;
	return 1;
}

int
wire_next(struct wire_reader *r, struct wire_record *rec)
{
	int rc;

	for (;;) {
		if (r->p >= r->end)
			return 0;
		rec->nfields = 0;
		if (wire_read_name(r, rec->word) != 0)
			return -1;
		if (strcmp(rec->word, "r") == 0)
			return wire_read_values(r, rec);
		if ((rc = wire_read_fields(r, rec)) != 1 ||
		    strcmp(rec->word, "cols") != 0)
			return rc;
		if (wire_set_cols(&r->cols, rec) != 0)
			return -1;
	}
}

void
wire_put_value(struct buf *b, const struct wire_value *v)
{
	char num[32];

	if (v->kind == WIRE_NULL) {
		buf_add(b, " n", 2);
	} else if (v->kind == WIRE_INT) {
		snprintf(num, sizeof num, " i%lld", (long long)v->i);
		buf_str(b, num);
	} else {
		snprintf(num, sizeof num, " s%zu:", v->len);
		buf_str(b, num);
		buf_add(b, v->s, v->len);
	}
}

void
wire_put_field(struct buf *b, const struct wire_field *f)
{
	buf_add(b, " ", 1);
	buf_str(b, f->name);
	wire_put_value(b, &f->v);
}

void
wire_put_record(struct buf *b, const struct wire_record *rec)
{
	int i;

	wire_begin(b, rec->word);
	for (i = 0; i < rec->nfields; i++)
		wire_put_field(b, &rec->f[i]);
	wire_end(b);
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

/*
 * The window a frame may use, both ways: a body's decoder holds no more
 * than this (1 MiB) whatever the frame asks.
 */
#define WIRE_ZSTD_WINDOW_LOG	20

static ZSTD_CCtx *
wire_zstd_ctx(void)
{
	ZSTD_CCtx *c = ZSTD_createCCtx();

	if (c == NULL)
		abort();	/* only on out of memory */
	ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, WIRE_ZSTD_LEVEL);
	ZSTD_CCtx_setParameter(c, ZSTD_c_windowLog, WIRE_ZSTD_WINDOW_LOG);
	/* The tables of a level meant for large files, cut to the window. */
	ZSTD_CCtx_setParameter(c, ZSTD_c_hashLog, WIRE_ZSTD_WINDOW_LOG);
	ZSTD_CCtx_setParameter(c, ZSTD_c_chainLog, WIRE_ZSTD_WINDOW_LOG + 1);
	ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 0);	/* TLS checks */
	return c;
}

void
wire_zstd(const void *in, size_t len, struct buf *out)
{
	ZSTD_CCtx *c = wire_zstd_ctx();
	size_t n = ZSTD_compressBound(len);

	out->len = 0;
	buf_add(out, NULL, n);
	n = ZSTD_compress2(c, out->data, n, in, len);
	if (ZSTD_isError(n))
		abort();	/* only on out of memory: the bound is enough */
	out->len = n;
	ZSTD_freeCCtx(c);
}

int
wire_is_zstd(const void *in, size_t len)
{
	static const unsigned char magic[4] = { 0x28, 0xb5, 0x2f, 0xfd };

	return len >= 4 && memcmp(in, magic, 4) == 0;
}

struct wire_meter {
	ZSTD_CCtx	*c;
	size_t		 bytes;
	int		 added;
	char		 out[16384];
};

struct wire_meter *
wire_meter_new(void)
{
	struct wire_meter *m = xcalloc(1, sizeof *m);

	m->c = wire_zstd_ctx();
	return m;
}

void
wire_meter_add(struct wire_meter *m, const void *p, size_t len)
{
	ZSTD_inBuffer in = { p, len, 0 };
	ZSTD_EndDirective how = ++m->added % WIRE_METER_EVERY == 0 ?
	    ZSTD_e_flush : ZSTD_e_continue;
	size_t left;

	do {
		ZSTD_outBuffer out = { m->out, sizeof m->out, 0 };

		left = ZSTD_compressStream2(m->c, &out, &in, how);
		if (ZSTD_isError(left))
			abort();	/* only on out of memory */
		m->bytes += out.pos;
	} while (in.pos < in.size || (how == ZSTD_e_flush && left > 0));
}

size_t
wire_meter_bytes(const struct wire_meter *m)
{
	return m->bytes;
}

void
wire_meter_free(struct wire_meter **pm)
{
	if (*pm == NULL)
		return;
	ZSTD_freeCCtx((*pm)->c);
	x_free(pm);
}

/* wire_inflate of zstd frames. */
static int
wire_unzstd(const void *in, size_t len, struct buf *out, size_t limit)
{
	ZSTD_DCtx *d = ZSTD_createDCtx();
	ZSTD_inBuffer ib = { in, len, 0 };
	char chunk[16384];
	size_t rc = 1;
	int bad = 0;

	if (d == NULL)
		return -1;
	ZSTD_DCtx_setParameter(d, ZSTD_d_windowLogMax, WIRE_ZSTD_WINDOW_LOG);
	out->len = 0;
	do {
		ZSTD_outBuffer ob = { chunk, sizeof chunk, 0 };

		rc = ZSTD_decompressStream(d, &ob, &ib);
		/* Refused before it is kept: the buffer never passes limit. */
		if (ZSTD_isError(rc) || out->len + ob.pos >= limit) {
			bad = 1;
			break;
		}
		buf_add(out, chunk, ob.pos);
		if (ob.pos < sizeof chunk && ib.pos == ib.size)
			break;
	} while (1);
	ZSTD_freeDCtx(d);
	/* A frame cut short is as malformed as trailing bytes. */
	return !bad && rc == 0 ? 0 : -1;
}

int
wire_inflate(const void *in, size_t len, struct buf *out, size_t limit)
{
	z_stream z;
	char chunk[16384];
	size_t n;
	int rc;

	if (wire_is_zstd(in, len))
		return wire_unzstd(in, len, out, limit);
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
