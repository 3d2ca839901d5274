/*
 * bundle_in.c - quantriet import bundle: the province's reply to a
 * bundle, applied as a sync applies the replies it receives
 * (sync_reply_read), all in one transaction.
 *
 * The reply is read whole and its mac checked with this device's key
 * before anything is written, so a reply cut short, altered, made for
 * another device or another unit changes nothing. A reply already
 * applied (its mac is remembered) is not applied again.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "hlc.h"
#include "sync/bundle.h"
#include "sync/sha256.h"
#include "sync/sync.h"
#include "sync/sync_int.h"
#include "xmalloc.h"

/* The mac of the last reply applied (settings). */
#define SYNC_KEY_BUNDLE		"sync.bundle_applied"
#define BUNDLE_LOCK_WAIT_S	10

/* Checks the reply is this device's and unit's; -1 with *err. */
static int
bundle_in_check(struct db *db, const struct bundle *b, const struct buf *file,
    char **err)
{
	char *url = NULL, *token = NULL, *unit = NULL, key[65];
	int rc = -1;

	if (cred_load(db, &url, &token, err) != 0)
		return -1;
	sha256_hex(token, strlen(token), key);
	unit = db_setting_get(db, SYNC_KEY_UNIT);
	if (!bundle_verify(b, file->data, key))
		*err = xstrdup("Chữ ký của gói trả lời không khớp: gói đã bị "
		    "sửa, hoặc là gói của máy khác: không nhập gì");
	else if (unit == NULL || strtoll(unit, NULL, 10) != b->unit)
		*err = xstrdup("Gói trả lời này dành cho đơn vị khác, không "
		    "phải đơn vị của máy này: không nhập gì");
	else
		rc = 0;
	free(url);
	free(token);
	free(unit);
	return rc;
}

/* Applies each reply part in turn, inside the caller's transaction. */
static int
bundle_in_apply(struct db *db, const struct bundle *b, struct sync_tally *t,
    char **err)
{
	struct wire_record *hdr = xmalloc(sizeof *hdr);
	struct wire_reader rd;
	int64_t v, hlc;
	int i, rc = 0;

	for (i = 0; i < b->nparts && rc == 0; i++) {
		wire_reader_init(&rd, b->part[i].data, b->part[i].len);
		if (wire_next(&rd, hdr) != 1 || strcmp(hdr->word, "qtsync") != 0 ||
		    wire_get_int(hdr, "v", &v) != 0 || v != WIRE_VERSION ||
		    !wire_is(hdr, "type", "sync")) {
			*err = xstrdup("Gói trả lời có phần không hiểu được: "
			    "không nhập gì");
			rc = -1;
		} else if (wire_get_int(hdr, "hlc", &hlc) == 0 &&
		    hlc_observe(db, hlc) != 0) {
			*err = xstrdup(db_error(db));
			rc = -1;
		} else
			rc = sync_reply_read(db, -1, &rd, t, err);
	}
	free(hdr);
	return rc;
}

int
sync_bundle_import(struct db *db, const char *path, char **summary,
    char **receipt, char **err)
{
	struct buf file = { 0 };
	struct bundle b;
	struct sync_tally t = { 0, 0, 0, 0, 0, 0, 0 };
	char *done = NULL;
	int64_t made;
	int lock = -1, rc = -1;

	*err = *summary = *receipt = NULL;
	if (bundle_read_file(path, &file, err) != 0)
		return -1;
	if (bundle_parse(file.data, file.len, "reply", &b, err) != 0) {
		buf_free(&file);
		return -1;
	}
	if (bundle_in_check(db, &b, &file, err) != 0 ||
	    bundle_inflate(&b, err) != 0 ||
	    sync_lock(db_path(db), BUNDLE_LOCK_WAIT_S, &lock, err) != 0)
		goto out;
	*receipt = wire_get_str(&b.hdr, "receipt");
	done = db_setting_get(db, SYNC_KEY_BUNDLE);
	if (done != NULL && strcmp(done, b.mac) == 0) {
		*summary = xstrdup("Gói trả lời này đã được nhập trước đây: "
		    "không có gì thay đổi");
		rc = 1;
		goto out;
	}
	if (db_begin(db) != 0) {
		*err = xstrdup(db_error(db));
		goto out;
	}
	/* The province's data is as of when it made the reply. */
	if (wire_get_int(&b.hdr, "made", &made) != 0)
		made = (int64_t)time(NULL);
	if (bundle_in_apply(db, &b, &t, err) != 0 ||
	    db_setting_set(db, SYNC_KEY_BUNDLE, b.mac) != 0 ||
	    (t.pull_done && sync_set_last(db, (time_t)made) != 0)) {
		if (*err == NULL)
			*err = xstrdup(db_error(db));
		db_rollback(db);
		goto out;
	}
	if (db_commit(db) != 0) {	/* which rolled back */
		*err = xstrdup(db_error(db));
		goto out;
	}
	*summary = xasprintf("Đã nhập gói trả lời: tỉnh xác nhận %d gói, %lld "
	    "bản ghi (%lld bị từ chối, %lld bị bản mới hơn thay); nhận %lld "
	    "bản ghi", t.batches, (long long)t.pushed, (long long)t.rejected,
	    (long long)t.stale, (long long)t.pulled);
	rc = 0;
out:
	sync_unlock(&lock);
	if (rc < 0) {
		free(*receipt);
		*receipt = NULL;
	}
	free(done);
	bundle_free(&b);
	buf_free(&file);
	return rc;
}
