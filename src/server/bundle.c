/*
 * bundle.c - quantriet-server import-bundle: a commune's sync carried by
 * hand (docs/sync.md, "Bundles").
 *
 * The bundle is read whole and its HMAC checked against the key of each
 * device of the unit it names (the hash of the credential, as stored)
 * before anything is written. Its requests then go through srv_sync, the
 * handler of a network /v1/sync, one after the other, each with the pull
 * cursor the previous reply's page reached, as the device would have
 * sent them; then requests that only pull, until the last page. All of
 * it is one transaction: a request refused refuses the bundle. A batch
 * seen before is answered from its stored acknowledgement, so importing
 * a bundle twice changes nothing the second time.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "msg.h"
#include "server/srv.h"
#include "sync/bundle.h"
#include "sync/sha256.h"
#include "sync/sync_int.h"
#include "xmalloc.h"

/* Pull requests after the bundle's own at most (a page moves the cursor). */
#define IMPORT_MAX_PULLS	100000

struct import_opts {
	const char	*db, *file, *reply, *unit;
	int		 receipt;
};

/* What the import has made so far. */
struct import {
	struct db		*db;
	struct srv_device	 dev;
	struct buf		*reply;		/* reply bodies */
	int			 nreply;
	int64_t			 cursor;	/* the last page's; -1: none yet */
	int64_t			 more;
	struct srv_receipt	 rc;
};

static int
import_parse(int argc, char **argv, struct import_opts *o)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "reply", required_argument, NULL, 'r' },
		{ "receipt", no_argument, NULL, 'R' },
		{ "unit", required_argument, NULL, 'u' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	memset(o, 0, sizeof *o);
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd': o->db = optarg; break;
		case 'r': o->reply = optarg; break;
		case 'R': o->receipt = 1; break;
		case 'u': o->unit = optarg; break;
		default: return -1;
		}
	}
	if (o->db == NULL || optind != argc - 1)
		return -1;
	o->file = argv[optind];
	return 0;
}

/*
 * Finds the device of the bundle's unit whose key signs it (key: that
 * key, for the reply); -1 with *err.
 */
static int
import_device(struct db *db, const struct bundle *b, const void *data,
    struct srv_device *dev, char key[65], char **err)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT id, token_hash, "
	    "revoked_at IS NOT NULL FROM srv_device WHERE unit_id = ?1");
	int found = 0, revoked = 0;

	if (stmt == NULL) {
		*err = xstrdup(db_error(db));
		return -1;
	}
	sqlite3_bind_int64(stmt, 1, b->unit);
	while (!found && sqlite3_step(stmt) == SQLITE_ROW) {
		const char *hash = (const char *)sqlite3_column_text(stmt, 1);

		if (strlen(hash) != 64 || !bundle_verify(b, data, hash))
			continue;
		found = 1;
		dev->id = sqlite3_column_int64(stmt, 0);
		dev->unit_id = b->unit;
		revoked = sqlite3_column_int(stmt, 2);
		memcpy(key, hash, 65);
	}
	sqlite3_finalize(stmt);
	if (!found)
		*err = xstrdup("Chữ ký của gói không khớp với máy nào đã đăng ký "
		    "của đơn vị ghi trong gói: gói đã bị sửa, hoặc không phải "
		    "của máy đã đăng ký: không nhập gì");
	else if (revoked)
		*err = xstrdup("Quyền đồng bộ của máy tạo gói này đã bị thu hồi: "
		    "không nhập gì");
	return found && !revoked ? 0 : -1;
}

/*
 * The request as the device would have sent it at this point: part, its
 * pull cursor the one the last page reached (if a page came).
 */
static void
import_request(const struct import *im, const struct buf *part,
    struct buf *req)
{
	struct wire_record *hdr = xmalloc(sizeof *hdr);
	struct wire_reader rd;
	int i;

	wire_reader_init(&rd, part->data, part->len);
	if (im->cursor < 0 || wire_next(&rd, hdr) != 1) {
		buf_add(req, part->data, part->len);	/* srv_sync judges it */
	} else {
		for (i = 0; i < hdr->nfields; i++)
			if (strcmp(hdr->f[i].name, "cursor") == 0 &&
			    hdr->f[i].v.kind == WIRE_INT)
				hdr->f[i].v.i = im->cursor;
		wire_put_record(req, hdr);
		buf_add(req, rd.p, (size_t)(rd.end - rd.p));
	}
	free(hdr);
}

/*
 * Reads srv_sync's reply r: the acknowledgement for the receipt, the
 * page's cursor; keeps its body. -1 with *err if it was refused.
 */
static int
import_reply(struct import *im, struct srv_reply *r, char **err)
{
	struct wire_record *rec = xmalloc(sizeof *rec);
	struct wire_reader rd;
	int rc = -1;

	wire_reader_init(&rd, r->body.data, r->body.len);
	if (wire_next(&rd, rec) != 1)
		goto out;
	if (r->status != 200) {
		*err = wire_get_str(rec, "message");
		goto out;
	}
	while (wire_next(&rd, rec) == 1) {
		if (strcmp(rec->word, "ack") == 0)
			sync_tally_ack(&im->rc.acks, rec);
		if (strcmp(rec->word, "page") == 0 &&
		    wire_get_int(rec, "cursor", &im->cursor) == 0 &&
		    wire_get_int(rec, "more", &im->more) == 0)
			rc = 0;
		if (strcmp(rec->word, "page") == 0)
			break;
	}
	im->reply = xrealloc(im->reply, (size_t)(im->nreply + 1) *
	    sizeof *im->reply);
	im->reply[im->nreply++] = r->body;
	memset(&r->body, 0, sizeof r->body);
out:
	if (rc != 0 && *err == NULL)
		*err = xstrdup("Máy chủ tỉnh không trả lời được một phần của gói");
	buf_free(&r->body);
	free(rec);
	return rc;
}

/* Runs one request through the network's handler. */
static int
import_one(struct import *im, const struct buf *req, char **err)
{
	struct srv_reply r = { 0 };
	struct wire_reader rd;

	wire_reader_init(&rd, req->data, req->len);
	srv_sync(im->db, &im->dev, &rd, &r);
	return import_reply(im, &r, err);
}

/* Every request of b, then pulls to the last page; the caller's transaction. */
static int
import_apply(struct import *im, const struct bundle *b, char **err)
{
	struct buf req = { 0 };
	int i, rc = 0;

	for (i = 0; i < b->nparts && rc == 0; i++) {
		req.len = 0;
		import_request(im, &b->part[i], &req);
		srv_receipt_rows(&im->rc, &b->part[i]);
		rc = import_one(im, &req, err);
	}
	for (i = 0; rc == 0 && im->more && i < IMPORT_MAX_PULLS; i++) {
		req.len = 0;
		sync_header(&req, "sync");
		wire_int(&req, "cursor", im->cursor);
		wire_end(&req);
		rc = import_one(im, &req, err);
	}
	buf_free(&req);
	return rc;
}

/* The reply bundle, signed with the device's key, holding the receipt. */
static void
import_reply_bundle(const struct import *im, const char *key,
    const char *hash, const char *receipt, struct buf *out)
{
	int i;

	bundle_begin(out, "reply", im->dev.unit_id, im->nreply);
	wire_int(out, "device", im->dev.id);
	wire_str(out, "accepted", hash);
	wire_str(out, "receipt", receipt);
	wire_end(out);
	for (i = 0; i < im->nreply; i++)
		bundle_add(out, &im->reply[i]);
	bundle_sign(out, key);
}

/* Applies b in one transaction; -1 with *err and nothing changed. */
static int
import_run(struct import *im, const struct bundle *b, char **err)
{
	if (db_begin(im->db) != 0) {
		*err = xstrdup(db_error(im->db));
		return -1;
	}
	if (import_apply(im, b, err) != 0) {
		db_rollback(im->db);
		return -1;
	}
	if (db_commit(im->db) != 0) {	/* which rolled back */
		*err = xstrdup(db_error(im->db));
		return -1;
	}
	return 0;
}

/* Checks, applies and answers the bundle in file; -1 with *err. */
static int
import_file(struct import *im, const struct import_opts *o,
    const struct buf *file, char **err)
{
	struct bundle b;
	struct buf out = { 0 };
	char key[65], hash[65], *receipt = NULL;
	int64_t made = 0, want;
	int rc = -1;

	if (bundle_parse(file->data, file->len, "request", &b, err) != 0)
		return -1;
	if (o->unit != NULL && (want = srv_unit(im->db, o->unit)) != b.unit) {
		if (want != 0)
			*err = xasprintf("Gói này không phải của đơn vị %s mà của "
			    "đơn vị khác: không nhập gì", o->unit);
		goto out;
	}
	if (import_device(im->db, &b, file->data, &im->dev, key, err) != 0 ||
	    bundle_inflate(&b, err) != 0 || import_run(im, &b, err) != 0)
		goto out;
	/* What the receipt vouches for: the file, byte for byte. */
	sha256_hex(file->data, file->len, hash);
	wire_get_int(&b.hdr, "made", &made);
	receipt = srv_receipt_text(im->db, &im->rc, b.unit, im->dev.id, made,
	    hash);
	if (o->reply != NULL) {
		import_reply_bundle(im, key, hash, receipt, &out);
		if (bundle_write_file(o->reply, &out, err) != 0) {
			char *why = *err;

			*err = xasprintf("%s. Dữ liệu của gói đã được nhận; nhập "
			    "lại gói để tạo gói trả lời", why);
			free(why);
			goto out;
		}
	}
	if (o->receipt)
		msg_put(stdout, receipt);
	else
		msg_info("Đã nhận gói: %lld bản ghi được áp dụng, %lld bị từ "
		    "chối, %lld bị bản mới hơn thay%s%s",
		    (long long)im->rc.acks.pushed, (long long)im->rc.acks.rejected,
		    (long long)im->rc.acks.stale,
		    o->reply != NULL ? "; gói trả lời: " : "",
		    o->reply != NULL ? o->reply : "");
	rc = 0;
out:
	if (rc != 0 && *err == NULL && o->unit == NULL)
		*err = xstrdup(db_error(im->db));
	free(receipt);
	buf_free(&out);
	bundle_free(&b);
	return rc;
}

int
srv_import_bundle(int argc, char **argv)
{
	struct import_opts o;
	struct import im;
	struct buf file = { 0 };
	char *err = NULL;
	int i, rc = 1;

	if (import_parse(argc, argv, &o) != 0) {
		msg_put(stderr, "Cách dùng: quantriet-server import-bundle --db "
		    "TỆP GÓI [--reply TỆP] [--receipt] [--unit MÃ]\n");
		return 2;
	}
	memset(&im, 0, sizeof im);
	im.cursor = -1;
	if (bundle_read_file(o.file, &file, &err) == 0 &&
	    (im.db = srv_open(o.db, DB_OPEN_EXISTING)) != NULL &&
	    import_file(&im, &o, &file, &err) == 0)
		rc = 0;
	if (err != NULL)
		msg_error("%s", err);
	free(err);
	for (i = 0; i < im.nreply; i++)
		buf_free(&im.reply[i]);
	free(im.reply);
	buf_free(&file);
	db_close(&im.db);
	return rc;
}
