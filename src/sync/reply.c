/*
 * reply.c - a version 3 round trip as the client makes and reads it,
 * whether it goes over the network (run.c) or on a stick (bundle_out.c,
 * bundle_in.c): one way to write a request, one way to take a reply.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "sync/sync_int.h"
#include "xmalloc.h"

void
sync_request(struct db *db, struct buf *plain, int64_t batch, int64_t count,
    const struct buf *rows)
{
	char *cursor = db_setting_get(db, SYNC_KEY_CURSOR);

	sync_header(plain, "sync");
	wire_int(plain, "cursor", cursor != NULL ? strtoll(cursor, NULL, 10) : 0);
	free(cursor);
	/* The page size the link carries, when it is less than the most. */
	if (queue_batch_target(db) < SYNC_BATCH_ZBYTES)
		wire_int(plain, "page", queue_batch_target(db));
	if (batch != 0) {
		wire_int(plain, "batch", batch);
		wire_int(plain, "count", count);
	}
	wire_end(plain);
	if (batch != 0)
		buf_add(plain, rows->data, rows->len);
}

int
sync_set_last(struct db *db, time_t when)
{
	char text[32];

	strftime(text, sizeof text, "%Y-%m-%d %H:%M", localtime(&when));
	return db_setting_set(db, SYNC_KEY_LAST, text);
}

void
sync_tally_ack(struct sync_tally *t, const struct wire_record *ack)
{
	int64_t n;

	if (wire_get_int(ack, "applied", &n) == 0)
		t->pushed += n;
	if (wire_get_int(ack, "rejected", &n) == 0)
		t->rejected += n;
	if (wire_get_int(ack, "stale", &n) == 0)
		t->stale += n;
	t->batches++;
}

/*
 * Passes over an acknowledgement's notes up to the page: its batch is
 * no longer stored, acknowledged by a sync since the bundle was made.
 */
static int
reply_skip_ack(struct wire_reader *rd, struct wire_record *rec)
{
	const char *at;

	for (;;) {
		at = rd->p;
		if (wire_next(rd, rec) != 1)
			return -1;
		if (strcmp(rec->word, "page") == 0) {
			rd->p = at;
			return 0;
		}
	}
}

/* Takes the acknowledgement ack of batch (its notes in rd). */
static int
reply_ack(struct db *db, int64_t batch, const struct wire_record *ack,
    struct wire_reader *rd, struct sync_tally *t, char **err)
{
	if (queue_ack(db, batch, ack, rd) != 0) {
		*err = xstrdup("Máy chủ tỉnh xác nhận không khớp với gói đã "
		    "gửi: gói sẽ được gửi lại ở lần đồng bộ sau");
		return -1;
	}
	sync_tally_ack(t, ack);
	return 0;
}

/* Stores the page (its record, the rows in rd); applies after the last. */
static int
reply_page(struct db *db, const struct wire_record *page,
    struct wire_reader *rd, struct sync_tally *t, char **err)
{
	int64_t cursor, more, count, applied;
	char *before = db_setting_get(db, SYNC_KEY_CURSOR);
	int64_t last = before != NULL ? strtoll(before, NULL, 10) : 0;

	free(before);
	/* A server that says "more" without moving on would loop forever. */
	if (wire_get_int(page, "cursor", &cursor) != 0 ||
	    wire_get_int(page, "more", &more) != 0 ||
	    wire_get_int(page, "count", &count) != 0 ||
	    wire_get_int(page, "poll", &t->poll) != 0 || t->poll < 0 ||
	    (more && cursor <= last) ||
	    inbox_store(db, rd, count, cursor) != 0) {
		*err = xstrdup("Máy chủ tỉnh gửi dữ liệu không hiểu được "
		    "hoặc bị cắt: không có gì bị thay đổi, hãy đồng bộ lại");
		return -1;
	}
	t->pull_done = !more;
	if (more)
		return 0;
	if (inbox_apply(db, &applied) != 0) {
		*err = xasprintf("Không áp dụng được dữ liệu nhận từ máy chủ "
		    "tỉnh: %s", db_error(db));
		return -1;
	}
	t->pulled += applied;
	return 0;
}

int
sync_reply_read(struct db *db, int64_t batch, struct wire_reader *rd,
    struct sync_tally *t, char **err)
{
	struct wire_record *rec = xmalloc(sizeof *rec);
	const char *at = rd->p;
	int64_t named;
	int rc = -1;

	*err = NULL;
	if (batch != 0 && (wire_next(rd, rec) != 1 ||
	    strcmp(rec->word, "ack") != 0)) {
		if (batch > 0) {
			*err = xstrdup("Máy chủ tỉnh không xác nhận gói đã "
			    "gửi: gói sẽ được gửi lại ở lần đồng bộ sau");
			goto out;
		}
		rd->p = at;	/* a bundle's pull alone */
	} else if (batch != 0) {
		if (batch < 0 && (wire_get_int(rec, "batch", &named) != 0 ||
		    db_int(db, 0, "SELECT count(*) FROM sync_batch WHERE id = ?1",
		    1, named) == 0)) {
			if (reply_skip_ack(rd, rec) != 0)
				goto garbage;
		} else if (reply_ack(db, batch > 0 ? batch : named, rec, rd, t,
		    err) != 0)
			goto out;
	}
	if (wire_next(rd, rec) != 1 || strcmp(rec->word, "page") != 0)
		goto garbage;
	rc = reply_page(db, rec, rd, t, err);
	goto out;
garbage:
	*err = xstrdup("Máy chủ tỉnh gửi dữ liệu không hiểu được: không có "
	    "gì bị thay đổi, hãy đồng bộ lại");
out:
	free(rec);
	return rc;
}
