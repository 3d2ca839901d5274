/*
 * test_srv_sync.c - version 3's round trip (src/server/sync.c) beside the
 * requests of versions 1 and 2, which the server still answers as they
 * were: a sync carries a batch and a cursor and is answered with the
 * acknowledgement and a page whose rows name their columns once; a
 * batch sent again gets the same acknowledgement and is applied once;
 * the page carries the poll hint; a version 2 pull gets whole "row"
 * records, no "cols", no "poll".
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "hlc.h"
#include "scratch_db.h"
#include "server/srv.h"
#include "sync/rows.h"
#include "tap.h"
#include "xmalloc.h"

static struct db *db;
static const struct srv_device dev = { 1, 20 };

/* Member 40 of the commune as a device pushes it (encoded once, kept). */
static struct buf member40;

/*
 * Sends a request of version v and type (sync, pull), with cursor 0 and,
 * if batch, that batch holding member40; r is the reply.
 */
static void
request(int v, const char *type, int64_t batch, struct srv_reply *r)
{
	struct buf body = { 0 };
	struct wire_reader rd;

	wire_begin(&body, "qtsync");
	wire_int(&body, "v", v);
	wire_str(&body, "type", type);
	wire_int(&body, "cursor", 0);
	if (batch != 0) {
		wire_int(&body, "batch", batch);
		wire_int(&body, "count", 1);
	}
	wire_end(&body);
	if (batch != 0) {
		buf_add(&body, member40.data, member40.len);
		buf_str(&body, "end count i1\n");
	}
	wire_reader_init(&rd, body.data, body.len);
	memset(r, 0, sizeof *r);
	if (strcmp(type, "pull") == 0)
		srv_pull(db, &dev, &rd, r);
	else
		srv_sync(db, &dev, &rd, r);
	buf_free(&body);
}

/* Reads the record after the ones before it in rd; its word, or "". */
static const char *
next(struct wire_reader *rd, struct wire_record *rec)
{
	return wire_next(rd, rec) == 1 ? rec->word : "";
}

/* 1 if the raw reply holds text s. */
static int
holds(const struct srv_reply *r, const char *s)
{
	return memmem(r->body.data, r->body.len, s, strlen(s)) != NULL;
}

static void
test_sync(void)
{
	struct wire_record *rec = xmalloc(sizeof *rec);
	struct srv_reply r, again;
	struct wire_reader rd;
	char *last = NULL;
	int64_t n;

	request(3, "sync", 0, &r);
	wire_reader_init(&rd, r.body.data, r.body.len);
	tap_ok(strcmp(next(&rd, rec), "qtsync") == 0 &&
	    wire_is(rec, "type", "sync"), "a sync with nothing to push is "
	    "answered");
	tap_ok(strcmp(next(&rd, rec), "page") == 0 &&
	    wire_get_int(rec, "count", &n) == 0 && n == 2 &&
	    wire_get(rec, "poll") != NULL, "with a page and its poll hint, "
	    "and no acknowledgement");
	tap_ok(strcmp(next(&rd, rec), "row") == 0 && wire_is(rec, "t", "unit") &&
	    strcmp(next(&rd, rec), "row") == 0 && wire_is(rec, "t", "document") &&
	    strcmp(next(&rd, rec), "end") == 0 && wire_next(&rd, rec) == 0,
	    "the page's rows read as rows, then its end");
	tap_ok(holds(&r, "\ncols t s4:unit op s3:put c s") &&
	    !holds(&r, "\nrow "), "each table's columns are named once");
	buf_free(&r.body);

	/* Made at the commune: the server does not hold it yet. */
	db_exec(db, "INSERT INTO member(id, unit_id, full_name, name_fold, "
	    "name_sort, status, hlc) VALUES (40, 20, 'Lê Văn Tám', 'le van tam', "
	    "'tam', 'active', 7)");
	sync_row_encode_cols(db, sync_table_find("member"), 40, 0, -1, &last,
	    &member40);
	db_exec(db, "DELETE FROM member WHERE id = 40");
	request(3, "sync", 555, &r);
	wire_reader_init(&rd, r.body.data, r.body.len);
	next(&rd, rec);
	tap_ok(strcmp(next(&rd, rec), "ack") == 0 &&
	    wire_get_int(rec, "batch", &n) == 0 && n == 555 &&
	    wire_get_int(rec, "applied", &n) == 0 && n == 1,
	    "a sync with a batch is acknowledged first");
	tap_ok(strcmp(next(&rd, rec), "page") == 0 &&
	    wire_get_int(rec, "count", &n) == 0 && n == 2,
	    "then the page, without the row the device just sent");
	tap_is_int(db_int(db, 0, "SELECT count(*) FROM srv_row WHERE tbl = "
	    "'member' AND row_id = 40 AND device_id = 1", 0), 1,
	    "the row is stored as the device's");
	/* A batch split after cuts sends the row again under another id. */
	request(3, "sync", 556, &again);
	tap_ok(holds(&again, "ack batch i556 applied i1 stale i0 "),
	    "a row sent again in another batch is applied, not stale");
	buf_free(&again.body);
	db_exec(db, "UPDATE member SET full_name = 'Đổi ở tỉnh' WHERE id = 40");
	request(3, "sync", 555, &again);
	tap_ok(again.status == 200 && holds(&again, "ack batch i555 applied i1 "),
	    "the same batch sent again gets the same acknowledgement");
	tap_is_int(db_int(db, 0, "SELECT count(*) FROM member WHERE id = 40 AND "
	    "full_name = 'Đổi ở tỉnh'", 0), 1, "and is not applied again");
	buf_free(&r.body);
	buf_free(&again.body);

	request(2, "sync", 0, &r);
	tap_ok(r.status == 400 && holds(&r, "bad-request"),
	    "a sync in version 2 is refused");
	buf_free(&r.body);
	buf_free(&member40);
	free(last);
	free(rec);
}

static void
test_old_pull(void)
{
	struct wire_record *rec = xmalloc(sizeof *rec);
	struct srv_reply r;
	struct wire_reader rd;
	int64_t n;

	request(2, "pull", 0, &r);
	wire_reader_init(&rd, r.body.data, r.body.len);
	tap_ok(strcmp(next(&rd, rec), "qtsync") == 0 &&
	    wire_is(rec, "type", "page") && wire_get_int(rec, "v", &n) == 0 &&
	    n == 2 && wire_get(rec, "poll") == NULL,
	    "a version 2 pull is answered in version 2, no poll hint");
	tap_ok(holds(&r, "\nrow t s4:unit op s3:put ") && !holds(&r, "cols"),
	    "with whole row records, as before");
	buf_free(&r.body);
	free(rec);
}

/* The poll hint of a sync with nothing to push; -1 if there is none. */
static int64_t
poll_hint(void)
{
	struct wire_record *rec = xmalloc(sizeof *rec);
	struct srv_reply r;
	struct wire_reader rd;
	int64_t n = -1;

	request(3, "sync", 0, &r);
	wire_reader_init(&rd, r.body.data, r.body.len);
	while (wire_next(&rd, rec) == 1)
		if (strcmp(rec->word, "page") == 0 &&
		    wire_get_int(rec, "poll", &n) != 0)
			n = -1;
	buf_free(&r.body);
	free(rec);
	return n;
}

/* Moves the clock of every change the device may see back by s seconds. */
static void
quiet_for(int64_t s)
{
	char *sql = xasprintf("UPDATE srv_row SET hlc = %lld WHERE "
	    "device_id IS NULL", (long long)((hlc_wall_ms() - s * 1000) << 16));

	db_exec(db, sql);
	free(sql);
}

static void
test_poll(void)
{
	int64_t n;

	quiet_for(600);
	tap_is_int(poll_hint(), 0, "no poll hint when the scope changed "
	    "within the hour");
	quiet_for(3 * 3600);
	n = poll_hint();
	tap_ok(n >= 5390 && n <= 5400, "half the quiet time after 3 h of "
	    "quiet (%lld s)", (long long)n);
	quiet_for(48 * 3600);
	tap_is_int(poll_hint(), SRV_POLL_MAX, "at most SRV_POLL_MAX");
	/* A change the device made itself is no news for it. */
	srv_row_touch(db, "member", 41, 20, 0, 1, hlc_wall_ms() << 16);
	tap_is_int(poll_hint(), SRV_POLL_MAX, "its own changes are no news");
	srv_row_touch(db, "member", 42, 20, 0, 2, hlc_wall_ms() << 16);
	tap_is_int(poll_hint(), 0, "another device's change just now is");
}

int
main(void)
{
	char path[] = "/tmp/test_srv_sync.XXXXXX";
	int fd = mkstemp(path);

	close(fd);
	unsetenv(SRV_POLL_QUIET_ENV);
	db = scratch_db(path, "INSERT INTO unit(id, parent_id, kind, code, name, "
	    "name_fold) VALUES (10, NULL, 'province', 'KG', 'Tỉnh', 'tinh'), "
	    "(20, 10, 'commune', 'XA', 'Xã A', 'xa a'); "
	    "INSERT INTO srv_device(id, unit_id, token_hash, created_at) "
	    "VALUES (1, 20, 'x', '2026-12-01'), (2, 20, 'y', '2026-12-01'); "
	    "INSERT INTO document(id, owner_unit_id, number, kind, issuer, "
	    "issued_on, title, hlc) VALUES (30, 10, '13-KH/TU', 'KH', 'Tỉnh ủy', "
	    "'2026-11-01', 'Kế hoạch', 5); "
	    /* As quantriet-server runs: rows keep the clocks they came with. */
	    "INSERT INTO sync_mute VALUES (1)");
	srv_row_touch(db, "unit", 20, 20, 1, 0, 1);
	srv_row_touch(db, "document", 30, 10, 1, 0, 1);
	test_sync();
	test_old_pull();
	test_poll();
	db_close(&db);
	unlink(path);
	return tap_done();
}
