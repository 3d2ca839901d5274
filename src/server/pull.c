/*
 * pull.c - what changed in a device's scope since its cursor (POST /v1/pull).
 *
 * A device sees its own unit and everything below it, and the public rows
 * (units, plans, their sessions, essay rules, report deadlines) of the
 * units above it, never a sibling's. Rows it sent itself are not sent
 * back. The cursor is the server's change sequence number (srv_row.seq).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "hlc.h"
#include "server/srv.h"
#include "sync/rows.h"
#include "xmalloc.h"

/* The device's unit and below (sub) and its ancestors (anc); ?1 its unit. */
#define PULL_UNITS \
    "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION " \
    "  SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id), " \
    "anc(id) AS (SELECT parent_id FROM unit WHERE id = ?1 UNION " \
    "  SELECT u.parent_id FROM unit u JOIN anc ON u.id = anc.id " \
    "  WHERE u.parent_id IS NOT NULL) "
/* A change in the device's scope, not its own (?3). */
#define PULL_IN_SCOPE \
    "device_id IS NOT ?3 " \
    "AND (unit_id IN sub OR (public AND (unit_id IS NULL OR unit_id IN anc))) "

static const char pull_sql[] = PULL_UNITS
    "SELECT tbl, row_id, seq FROM srv_row WHERE seq > ?2 AND " PULL_IN_SCOPE
    "ORDER BY seq LIMIT ?4";

/*
 * Appends to rows the changes in dev's scope after *cursor (moved past
 * them) and, if asked, the conflicts for it: a page of the size of
 * version; sets *more and *count. -1 on a database error.
 */
static int
pull_page(struct db *db, const struct srv_device *dev, int conflicts,
    int version, int64_t zbytes, int64_t *cursor, int *more, int64_t *count,
    struct buf *rows)
{
	sqlite3_stmt *stmt = db_prepare(db, pull_sql);
	/* Version 3: cut by compressed bytes, rows named by "cols". */
	struct wire_meter *meter = version >= 3 ? wire_meter_new() : NULL;
	int64_t most = version >= 3 ? SRV_PAGE_ROWS_V3 : SRV_PAGE_ROWS;
	char *last = NULL;
	int rc;

	if (stmt == NULL) {
		wire_meter_free(&meter);
		return -1;
	}
	sqlite3_bind_int64(stmt, 1, dev->unit_id);
	sqlite3_bind_int64(stmt, 2, *cursor);
	sqlite3_bind_int64(stmt, 3, dev->id);
	sqlite3_bind_int64(stmt, 4, most + 1);
	*count = 0;
	*more = 0;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const struct sync_table *t = sync_table_find(
		    (const char *)sqlite3_column_text(stmt, 0));
		size_t before = rows->len;

		if (*count == most || (meter != NULL &&
		    (int64_t)wire_meter_bytes(meter) >= zbytes)) {
			*more = 1;
			break;
		}
		*cursor = sqlite3_column_int64(stmt, 2);
		if (t == NULL && conflicts && strcmp((const char *)
		    sqlite3_column_text(stmt, 0), SRV_CONFLICT_TBL) == 0) {
			int got = srv_conflict_pull(db, dev,
			    sqlite3_column_int64(stmt, 1), rows);

			if (got < 0)
				break;
			*count += got;
			continue;
		}
		if (t == NULL)
			continue;
		/* A row deleted here travels as a delete at the latest clock. */
		if (sync_row_encode_cols(db, t, sqlite3_column_int64(stmt, 1),
		    db_int(db, 0, "SELECT hlc FROM sync_clock", 0), -1,
		    meter != NULL ? &last : NULL, rows) != 0)
			break;
		if (meter != NULL)
			wire_meter_add(meter, rows->data + before,
			    rows->len - before);
		(*count)++;
	}
	sqlite3_finalize(stmt);
	wire_meter_free(&meter);
	free(last);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_set_error(db, rc, "đọc thay đổi");
		return -1;
	}
	/* Nothing more in scope: skip past what others need, not this device. */
	if (!*more)
		*cursor = db_int(db, *cursor, "SELECT max(max(seq), ?1) FROM srv_row",
		    1, *cursor);
	return 0;
}

/* The poll hint in seconds for dev after a page (more: not the last). */
static int64_t
pull_poll_hint(struct db *db, const struct srv_device *dev, int more)
{
	const char *env = getenv(SRV_POLL_QUIET_ENV);
	int64_t last, quiet;

	if (more)
		return 0;
	/* Unknown clocks (0, rows from before step 015) count as long ago. */
	last = db_int(db, 0, PULL_UNITS "SELECT hlc FROM srv_row WHERE "
	    PULL_IN_SCOPE "ORDER BY seq DESC LIMIT 1", 3,
	    dev->unit_id, (int64_t)0, dev->id);
	quiet = (hlc_wall_ms() - hlc_ms(last)) / 1000;
	if (quiet < (env != NULL ? strtoll(env, NULL, 10) : SRV_POLL_QUIET))
		return 0;
	return quiet / 2 < SRV_POLL_MAX ? quiet / 2 : SRV_POLL_MAX;
}

int
srv_page(struct db *db, const struct srv_device *dev, int conflicts,
    int64_t cursor, int64_t zbytes, struct srv_reply *r)
{
	struct buf rows = { 0 };
	int64_t count;
	int more;
	/*
	 * One read transaction: the page and the cursor agree. A bundle's
	 * import (bundle.c) reads it inside its own, which is one already.
	 */
	int own = sqlite3_get_autocommit(db_handle(db));

	if ((own && db_exec(db, "BEGIN") != 0) || pull_page(db, dev, conflicts,
	    r->version, zbytes, &cursor, &more, &count, &rows) != 0) {
		srv_reply_error(db, r, 503, "busy", db_error(db));
		if (own)
			db_exec(db, "ROLLBACK");
		buf_free(&rows);
		return -1;
	}
	if (own)
		db_exec(db, "COMMIT");
	wire_int(&r->body, "cursor", cursor);
	wire_int(&r->body, "more", more);
	wire_int(&r->body, "count", count);
	if (r->version >= 3)
		wire_int(&r->body, "poll", pull_poll_hint(db, dev, more));
	wire_end(&r->body);
	if (rows.len > 0)
		buf_add(&r->body, rows.data, rows.len);
	wire_begin(&r->body, "end");
	wire_int(&r->body, "count", count);
	wire_end(&r->body);
	buf_free(&rows);
	return 0;
}

void
srv_pull(struct db *db, const struct srv_device *dev, struct wire_reader *rd,
    struct srv_reply *r)
{
	struct wire_record *hdr = xmalloc(sizeof *hdr);
	int64_t cursor, conflicts = 0;

	if (srv_check_header(db, rd, hdr, "pull", r) != 0)
		goto out;
	/* A device that knows conflict records asks for them (version 2). */
	if (r->version < 2 || wire_get_int(hdr, "conflicts", &conflicts) != 0)
		conflicts = 0;
	if (wire_get_int(hdr, "cursor", &cursor) != 0 || cursor < 0 ||
	    wire_next(rd, hdr) != 0) {
		srv_reply_error(db, r, 400, "bad-request",
		    "Yêu cầu nhận dữ liệu thiếu con trỏ");
		goto out;
	}
	srv_reply_begin(db, r, 200, "page");
	srv_page(db, dev, conflicts != 0, cursor, SRV_PAGE_ZBYTES, r);
out:
	free(hdr);
}
