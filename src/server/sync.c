/*
 * sync.c - a version 3 round trip (POST /v1/sync): the device's next
 * push batch, if any, and its pull cursor in one request, answered with
 * the batch's acknowledgement and a page (docs/sync.md, "Sync").
 *
 * The batch is applied (or its stored acknowledgement found) first and
 * committed, then the page is read, so the page never holds the rows
 * the device just sent, and a batch sent again after a cut gets the
 * same acknowledgement and a fresh page.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "server/srv.h"
#include "xmalloc.h"

void
srv_sync(struct db *db, const struct srv_device *dev, struct wire_reader *rd,
    struct srv_reply *r)
{
	struct wire_record *hdr = xmalloc(sizeof *hdr);
	struct buf ack = { 0 };
	int64_t cursor, zbytes;
	int batch;

	if (srv_check_header(db, rd, hdr, "sync", r) != 0)
		goto out;
	if (r->version < 3 || wire_get_int(hdr, "cursor", &cursor) != 0 ||
	    cursor < 0) {
		srv_reply_error(db, r, 400, "bad-request",
		    "Yêu cầu đồng bộ thiếu con trỏ");
		goto out;
	}
	batch = wire_get(hdr, "batch") != NULL;
	if (batch ? srv_push_batch(db, dev, hdr, rd, r, &ack) != 0 :
	    wire_next(rd, hdr) != 0) {
		if (!batch)
			srv_reply_error(db, r, 400, "bad-request", "Yêu cầu "
			    "đồng bộ không có gói gửi mà lại có bản ghi");
		goto out;
	}
	srv_reply_begin(db, r, 200, "sync");
	wire_end(&r->body);
	if (batch) {
		wire_begin(&r->body, "ack");
		buf_add(&r->body, ack.data, ack.len);
	}
	wire_begin(&r->body, "page");
	/* The page the device's link carries, within the server's bounds. */
	if (wire_get_int(hdr, "page", &zbytes) != 0 || zbytes > SRV_PAGE_ZBYTES)
		zbytes = SRV_PAGE_ZBYTES;
	if (zbytes < SRV_PAGE_ZMIN)
		zbytes = SRV_PAGE_ZMIN;
	/* Every version 3 device reads conflict records: no need to ask. */
	srv_page(db, dev, 1, cursor, zbytes, r);
out:
	buf_free(&ack);
	free(hdr);
}
