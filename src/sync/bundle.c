/*
 * bundle.c - writing and reading the file of a sync carried by hand
 * (bundle.h, docs/sync.md "Bundles"). The parser is as strict as the
 * wire's: a bundle is read whole and its mac checked before anything in
 * it is used, so a stick cut short or altered changes nothing.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "files.h"
#include "msg.h"
#include "sync/bundle.h"
#include "sync/sha256.h"
#include "xmalloc.h"

void
bundle_begin(struct buf *out, const char *kind, int64_t unit, int nparts)
{
	wire_begin(out, "qtbundle");
	wire_int(out, "v", BUNDLE_VERSION);
	wire_str(out, "kind", kind);
	wire_int(out, "unit", unit);
	wire_int(out, "made", (int64_t)time(NULL));
	wire_int(out, "parts", nparts);
}

int
bundle_read_file(const char *path, struct buf *out, char **err)
{
	FILE *fp = fopen(path, "rb");
	char chunk[65536];
	size_t n;

	if (fp == NULL) {
		*err = xasprintf("Không đọc được %s: %s", path,
		    msg_strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0 &&
	    out->len + n <= BUNDLE_MAX_FILE)
		buf_add(out, chunk, n);
	if (ferror(fp) || n > 0) {
		*err = xasprintf(n > 0 ? "Tệp %s quá lớn, không phải gói dữ "
		    "liệu" : "Không đọc được %s", path);
		fclose(fp);
		return -1;
	}
	fclose(fp);
	if (out->data == NULL)
		buf_add(out, "", 0);
	return 0;
}

int
bundle_write_file(const char *path, const struct buf *b, char **err)
{
	if (files_write(path, b->data, b->len) == 0)
		return 0;
	*err = xasprintf("Không ghi được %s: %s", path, msg_strerror(errno));
	return -1;
}

void
bundle_add(struct buf *out, const struct buf *plain)
{
	struct buf z = { 0 };

	wire_zstd(plain->data, plain->len, &z);
	wire_begin(out, "part");
	wire_text(out, "z", z.data, z.len);
	wire_end(out);
	buf_free(&z);
}

void
bundle_sign(struct buf *out, const char *key)
{
	char mac[65];

	sha256_hmac_hex(key, strlen(key), out->data, out->len, mac);
	wire_begin(out, "mac");
	wire_str(out, "hmac", mac);
	wire_end(out);
}

/* Reads the parts and the mac after the header; -1 if anything is off. */
static int
bundle_body(const char *base, struct wire_reader *rd, struct bundle *b,
    struct wire_record *rec)
{
	const struct wire_value *z, *mac;
	const char *at;
	int i;

	for (i = 0; i < b->nparts; i++) {
		if (wire_next(rd, rec) != 1 || strcmp(rec->word, "part") != 0 ||
		    (z = wire_get(rec, "z")) == NULL || z->kind != WIRE_TEXT)
			return -1;
		b->z[i] = z->s;
		b->zlen[i] = z->len;
	}
	at = rd->p;
	if (wire_next(rd, rec) != 1 || strcmp(rec->word, "mac") != 0 ||
	    (mac = wire_get(rec, "hmac")) == NULL || mac->kind != WIRE_TEXT ||
	    mac->len != 64 || wire_next(rd, rec) != 0)
		return -1;
	memcpy(b->mac, mac->s, 64);
	b->mac[64] = '\0';
	b->signed_len = (size_t)(at - base);
	return 0;
}

int
bundle_parse(const void *data, size_t len, const char *want, struct bundle *b,
    char **err)
{
	struct wire_record *rec = xmalloc(sizeof *rec);
	struct wire_reader rd;
	int64_t v, n;
	int rc = -1;

	memset(b, 0, sizeof *b);
	*err = NULL;
	wire_reader_init(&rd, data, len);
	if (len < 9 || memcmp(data, "qtbundle ", 9) != 0 ||
	    wire_next(&rd, &b->hdr) != 1 || wire_get_int(&b->hdr, "v", &v) != 0) {
		*err = xstrdup("Tệp không phải gói dữ liệu đồng bộ của quantriet");
		goto out;
	}
	if (v != BUNDLE_VERSION) {
		*err = xasprintf("Gói dữ liệu ở phiên bản %lld, chương trình này "
		    "đọc phiên bản %d: hãy cập nhật quantriet", (long long)v,
		    BUNDLE_VERSION);
		goto out;
	}
	if (!wire_is(&b->hdr, "kind", want)) {
		*err = xstrdup(strcmp(want, "reply") == 0 ? "Tệp là gói gửi lên "
		    "tỉnh, không phải gói trả lời của tỉnh" : "Tệp không phải "
		    "gói gửi lên tỉnh (có thể là gói trả lời)");
		goto out;
	}
	if (wire_get_int(&b->hdr, "unit", &b->unit) != 0 ||
	    wire_get_int(&b->hdr, "parts", &n) != 0 || n < 0 ||
	    n > BUNDLE_MAX_PARTS)
		goto cut;
	b->nparts = (int)n;
	b->z = xcalloc((size_t)n + 1, sizeof *b->z);
	b->zlen = xcalloc((size_t)n + 1, sizeof *b->zlen);
	if (bundle_body(data, &rd, b, rec) != 0)
		goto cut;
	rc = 0;
	goto out;
cut:
	*err = xstrdup("Gói dữ liệu bị cắt cụt hoặc hỏng: không nhập gì; hãy "
	    "chép lại gói từ máy đã tạo ra nó");
out:
	if (rc != 0)
		bundle_free(b);
	free(rec);
	return rc;
}

int
bundle_verify(const struct bundle *b, const void *data, const char *key)
{
	char mac[65];
	unsigned char diff = 0;
	int i;

	sha256_hmac_hex(key, strlen(key), data, b->signed_len, mac);
	/* In constant time: how much of a forged mac is right says nothing. */
	for (i = 0; i < 64; i++)
		diff |= (unsigned char)(mac[i] ^ b->mac[i]);
	return diff == 0;
}

int
bundle_inflate(struct bundle *b, char **err)
{
	int i;

	b->part = xcalloc((size_t)b->nparts + 1, sizeof *b->part);
	for (i = 0; i < b->nparts; i++)
		if (wire_inflate(b->z[i], b->zlen[i], &b->part[i],
		    WIRE_MAX_PLAIN) != 0) {
			*err = xstrdup("Gói dữ liệu có phần không giải nén được: "
			    "không nhập gì");
			return -1;
		}
	return 0;
}

void
bundle_free(struct bundle *b)
{
	int i;

	for (i = 0; i < b->nparts && b->part != NULL; i++)
		buf_free(&b->part[i]);
	free(b->part);
	free(b->z);
	free(b->zlen);
	b->part = NULL;
	b->z = NULL;
	b->zlen = NULL;
	b->nparts = 0;
}
