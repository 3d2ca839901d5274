/*
 * test_srv_push.c - the server's push handler in both protocol versions:
 * a version 1 device is answered in version 1 (no restored rows, so a
 * commune that has not updated keeps syncing), a version 2 device gets
 * the server's copy of the row it had rejected, any other version a
 * clear refusal.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "scratch_db.h"
#include "server/srv.h"
#include "sync/rows.h"
#include "tap.h"
#include "xmalloc.h"

static struct db *db;

/* Pushes device 1 (of commune 20) a batch of the province's plan in version v. */
static void
push(int v, int64_t batch, struct srv_reply *r)
{
	struct srv_device dev = { 1, 20 };
	struct buf body = { 0 };
	struct wire_reader rd;

	wire_begin(&body, "qtsync");
	wire_int(&body, "v", v);
	wire_str(&body, "type", "push");
	wire_int(&body, "batch", batch);
	wire_int(&body, "count", 1);
	wire_end(&body);
	sync_row_encode(db, sync_table_find("document"), 30, 0, -1, &body);
	buf_str(&body, "end count i1\n");
	wire_reader_init(&rd, body.data, body.len);
	memset(r, 0, sizeof *r);
	srv_push(db, &dev, &rd, r);
	buf_free(&body);
}

/* The reply's header and how many records follow it, and of what kind. */
static void
reply(struct srv_reply *r, struct wire_record *hdr, int *notes, int *rows)
{
	struct wire_record *rec = xmalloc(sizeof *rec);
	struct wire_reader rd;

	wire_reader_init(&rd, r->body.data, r->body.len);
	*notes = *rows = 0;
	if (wire_next(&rd, hdr) != 1)
		hdr->nfields = 0;
	while (wire_next(&rd, rec) == 1)
		(*(strcmp(rec->word, "row") == 0 ? rows : notes))++;
	free(rec);
}

int
main(void)
{
	char path[] = "/tmp/test_srv_push.XXXXXX";
	struct wire_record *hdr = xmalloc(sizeof *hdr);
	struct srv_reply r;
	int64_t v, n;
	int notes, rows, fd = mkstemp(path);

	close(fd);
	db = scratch_db(path, "INSERT INTO unit(id, parent_id, kind, code, name, "
	    "name_fold) "
	    "VALUES (10, NULL, 'province', 'KG', 'Tỉnh', 'tinh'), "
	    "(20, 10, 'commune', 'XA', 'Xã A', 'xa a'); "
	    "INSERT INTO srv_device(id, unit_id, token_hash, created_at) "
	    "VALUES (1, 20, 'x', '2026-12-01'); "
	    "INSERT INTO document(id, owner_unit_id, number, kind, issuer, "
	    "issued_on, title, hlc) VALUES (30, 10, '13-KH/TU', 'KH', 'Tỉnh ủy', "
	    "'2026-11-01', 'Kế hoạch', 5)");

	push(1, 101, &r);
	reply(&r, hdr, &notes, &rows);
	tap_ok(wire_get_int(hdr, "v", &v) == 0 && v == 1,
	    "a version 1 push is answered in version 1");
	tap_ok(wire_get_int(hdr, "rejected", &n) == 0 && n == 1,
	    "the commune's push of the province's plan is rejected");
	tap_ok(wire_get(hdr, "restore") == NULL && rows == 0 && notes == 1,
	    "and a version 1 device gets only the note it knows");
	buf_free(&r.body);

	push(2, 102, &r);
	reply(&r, hdr, &notes, &rows);
	tap_ok(wire_get_int(hdr, "v", &v) == 0 && v == 2,
	    "a version 2 push is answered in version 2");
	tap_ok(wire_get_int(hdr, "restore", &n) == 0 && n == 1 && rows == 1 &&
	    notes == 1, "with the server's copy of the rejected row");
	buf_free(&r.body);

	db_exec(db, "INSERT INTO unit(id, parent_id, kind, code, name, "
	    "name_fold) VALUES (21, 10, 'commune', 'XB', 'Xã B', 'xa b'); "
	    "UPDATE document SET owner_unit_id = 21 WHERE id = 30");
	push(2, 103, &r);
	reply(&r, hdr, &notes, &rows);
	tap_ok(wire_get_int(hdr, "restore", &n) == 0 && n == 0 && rows == 0,
	    "another commune's row is never sent back");
	buf_free(&r.body);

	push(WIRE_VERSION + 1, 104, &r);
	reply(&r, hdr, &notes, &rows);
	tap_ok(r.status == 400 && wire_is(hdr, "code", "version"),
	    "another version is refused with 'version'");
	buf_free(&r.body);

	free(hdr);
	db_close(&db);
	unlink(path);
	return tap_done();
}
