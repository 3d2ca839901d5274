/*
 * bundle_out.c - quantriet export bundle: everything waiting for the
 * server written to a file, for a commune with no link (docs/sync.md,
 * "Bundles").
 *
 * The parts are the version 3 requests a sync would send (sync_request),
 * one per push batch: first the batches already stored and not yet
 * acknowledged, in order, then new ones until nothing waits; with
 * nothing to push, one request that only pulls. Each batch is stored
 * before the file is written, as a sync stores it before sending, so a
 * bundle lost on the way costs nothing: the next bundle or sync sends
 * the same batches again and the server answers them from its record.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "sync/bundle.h"
#include "sync/sha256.h"
#include "sync/sync.h"
#include "sync/sync_int.h"
#include "xmalloc.h"

/* Seconds an export waits for a sync of the same database to end. */
#define BUNDLE_LOCK_WAIT_S	10

struct bundle_parts {
	struct buf	*part;
	int		 n;
	int64_t		 rows;
};

static void
parts_add(struct bundle_parts *p, struct db *db, int64_t batch, int64_t count,
    const struct buf *rows)
{
	p->part = xrealloc(p->part, (size_t)(p->n + 1) * sizeof *p->part);
	memset(&p->part[p->n], 0, sizeof *p->part);
	sync_request(db, &p->part[p->n++], batch, count, rows);
	p->rows += count;
}

/* Every batch stored, then new ones; -1 with db_error(). */
static int
parts_collect(struct db *db, struct bundle_parts *p)
{
	struct buf rows = { 0 };
	int64_t batch = 0, count;
	int rc;

	while ((rc = queue_stored_batch(db, batch, &rows, &batch, &count)) > 0)
		parts_add(p, db, batch, count, &rows);
	if (rc == 0)
		while ((rc = queue_new_batch(db, &rows, &batch, &count)) > 0)
			parts_add(p, db, batch, count, &rows);
	/* Nothing to push: the province's news still comes back. */
	if (rc == 0 && p->n == 0)
		parts_add(p, db, 0, 0, NULL);
	buf_free(&rows);
	return rc < 0 ? -1 : 0;
}

int
sync_bundle_export(struct db *db, const char *path, char **hash,
    int64_t *rows, char **err)
{
	struct bundle_parts p = { NULL, 0, 0 };
	struct buf out = { 0 };
	char *url = NULL, *token = NULL, *unit = NULL, key[65], sum[65];
	int lock = -1, rc = -1, i;

	*err = NULL;
	*hash = NULL;
	if (sync_match_pending(db)) {
		*err = xstrdup("Các đơn vị nhập trên máy này trước khi đăng ký "
		    "chưa ghép với đơn vị của tỉnh: ghép xong (màn hình Đồng bộ, "
		    "phím g) rồi mới tạo gói");
		return -1;
	}
	if (cred_load(db, &url, &token, err) != 0)
		return -1;
	if ((unit = db_setting_get(db, SYNC_KEY_UNIT)) == NULL) {
		*err = xstrdup("Máy này chưa đăng ký với máy chủ tỉnh "
		    "(quantriet enroll)");
		goto out;
	}
	if (sync_lock(db_path(db), BUNDLE_LOCK_WAIT_S, &lock, err) != 0)
		goto out;
	if (parts_collect(db, &p) != 0) {
		*err = xstrdup(db_error(db));
		goto out;
	}
	/* The server keeps only the credential's hash: the key is that. */
	sha256_hex(token, strlen(token), key);
	bundle_begin(&out, "request", strtoll(unit, NULL, 10), p.n);
	wire_end(&out);
	for (i = 0; i < p.n; i++)
		bundle_add(&out, &p.part[i]);
	bundle_sign(&out, key);
	if (bundle_write_file(path, &out, err) != 0)
		goto out;
	sha256_hex(out.data, out.len, sum);
	*hash = xstrdup(sum);
	*rows = p.rows;
	rc = 0;
out:
	sync_unlock(&lock);
	for (i = 0; i < p.n; i++)
		buf_free(&p.part[i]);
	free(p.part);
	buf_free(&out);
	free(url);
	free(token);
	free(unit);
	return rc;
}
