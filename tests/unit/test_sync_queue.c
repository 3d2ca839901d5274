/*
 * test_sync_queue.c - the client's side of sync without a network: every
 * write is queued and stamped by the triggers, batches are resent byte for
 * byte, acknowledgements are checked, and pulled rows obey the clock.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "hlc.h"
#include "sync/sync.h"
#include "sync/sync_int.h"
#include "tap.h"
#include "xmalloc.h"

static struct db *db;
static int64_t unit_id, member_id;

static int64_t
num(const char *sql)
{
	return db_int(db, -1, sql, 0);
}

static void
test_triggers(void)
{
	char *when;
	int64_t h1, h2;

	db_exec(db, "INSERT INTO unit(id, kind, code, name, name_fold) VALUES "
	    "(101, 'commune', 'XA', 'Xã A', 'xa a'); INSERT INTO member(id, "
	    "unit_id, full_name, name_fold, status) VALUES (202, 101, "
	    "'Lê Thị Bé', 'le thi be', 'active')");
	unit_id = 101;
	member_id = 202;
	tap_is_int(sync_pending_count(db), 2, "two inserts wait to be sent");
	h1 = num("SELECT hlc FROM member WHERE id = 202");
	tap_ok(h1 > 0 && h1 == num("SELECT hlc FROM sync_outbox WHERE row_id = 202"),
	    "the insert was stamped with the clock");
	db_exec(db, "UPDATE member SET position = 'Bí thư' WHERE id = 202");
	h2 = num("SELECT hlc FROM member WHERE id = 202");
	tap_ok(h2 > h1, "an update takes a later clock");
	tap_is_int(sync_pending_count(db), 2, "changes to one row are one entry");
	when = sync_last_success(db);
	tap_is_str(when, "chưa bao giờ", "never synced is said so");
	free(when);

	/* A clock seen from elsewhere, far ahead of this PC's. */
	hlc_observe(db, (hlc_wall_ms() + 86400000LL) << 16);
	db_exec(db, "UPDATE member SET position = 'Phó bí thư' WHERE id = 202");
	tap_ok(hlc_ms(num("SELECT hlc FROM member WHERE id = 202")) >
	    hlc_wall_ms() + 86400000LL - 1000,
	    "the next edit is later than any clock seen, whatever the PC says");
}

static void
test_batches(int64_t *batch)
{
	struct buf a = { 0 }, b = { 0 };
	int64_t count, again;

	tap_is_int(queue_next_batch(db, &a, batch, &count), 1, "a batch is made");
	/* The insert of each and the two edits of the member. */
	tap_is_int(count, 6, "it holds both rows and the 4 audit rows of "
	    "their writes");
	db_exec(db, "UPDATE member SET full_name = 'Lê Thị Bé Hai' WHERE id = 202");
	tap_is_int(queue_next_batch(db, &b, &again, &count), 1,
	    "the unacknowledged batch is offered again");
	tap_ok(again == *batch && a.len == b.len && memcmp(a.data, b.data, a.len) == 0,
	    "byte for byte, with the same id, even after an edit");
	tap_ok(memmem(a.data, a.len, "name_sort", 9) == NULL,
	    "a member's sort key is not sent: each side computes its own");
	tap_is_str(db_int(db, 0, "SELECT count(*) FROM sync_outbox WHERE "
	    "row_id = 202 AND state = 'waiting'", 0) == 1 ? "waiting" : "sent",
	    "waiting", "the edited row waits for the next batch");
	buf_free(&a);
	buf_free(&b);
}

/* Feeds queue_ack an acknowledgement made of text. */
static int
ack(int64_t batch, const char *fields, const char *notes)
{
	struct buf body = { 0 };
	struct wire_record hdr;
	struct wire_reader rd;
	char *head = xasprintf("qtsync batch i%lld %s\n", (long long)batch, fields);
	int rc;

	buf_str(&body, head);
	buf_str(&body, notes);
	wire_reader_init(&rd, body.data, body.len);
	wire_next(&rd, &hdr);
	rc = queue_ack(db, batch, &hdr, &rd);
	buf_free(&body);
	free(head);
	return rc;
}

static void
test_ack(int64_t batch)
{
	struct sync_issue *items;
	int n;

	tap_is_int(ack(batch, "applied i6 stale i0 rejected i0 clamped i0",
	    "x y i1\n"), -1,
	    "an acknowledgement with stray records is refused");
	tap_is_int(ack(batch + 1, "applied i6 stale i0 rejected i0 clamped i0",
	    ""), -1,
	    "an acknowledgement of another batch is refused");
	tap_is_int(ack(batch, "applied i1 stale i0 rejected i0 clamped i0",
	    ""), -1,
	    "an acknowledgement that does not add up is refused");
	tap_is_int(num("SELECT count(*) FROM sync_batch"), 1,
	    "after a refused acknowledgement the batch still waits");
	tap_is_int(ack(batch, "applied i5 stale i0 rejected i1 clamped i0",
	    "reject t s4:unit key i101 reason s16:Ngoài phạm vi\n"), 0,
	    "a matching acknowledgement is taken");
	tap_is_int(num("SELECT count(*) FROM sync_batch"), 0, "the batch is done");
	tap_is_int(sync_rejected_count(db), 1, "the rejected row is set aside");
	tap_is_int(sync_record_state(db, "unit", 101), SYNC_REJECTED,
	    "its state says so");
	tap_is_int(sync_record_state(db, "member", 202), SYNC_WAITING,
	    "the row edited during the batch is waiting");
	tap_is_int(sync_pending_count(db), 1, "and does not block the queue");
	n = sync_list_rejected(db, 0, 10, &items);
	tap_ok(n == 1 && strcmp(items[0].reason, "Ngoài phạm vi") == 0 &&
	    strstr(items[0].what, "code=XA") != NULL,
	    "the clerk sees the row and the server's reason");
	sync_issues_free(items, n);
}

/* Stores one pulled row (its record in body) and applies it. */
static int
pull_row(struct buf *body)
{
	struct wire_reader rd;
	int64_t applied;

	buf_str(body, "end count i1\n");
	wire_reader_init(&rd, body->data, body->len);
	if (inbox_store(db, &rd, 1, 7) != 0 || inbox_apply(db, &applied) != 0)
		applied = -1;
	buf_free(body);
	return (int)applied;
}

static int
pull_member(int64_t hlc, const char *name)
{
	struct buf body = { 0 };

	wire_begin(&body, "row");
	wire_str(&body, "t", "member");
	wire_str(&body, "op", "put");
	wire_int(&body, "id", member_id);
	wire_int(&body, "unit_id", unit_id);
	wire_str(&body, "full_name", name);
	wire_str(&body, "name_fold", "x");
	wire_str(&body, "status", "active");
	wire_int(&body, "hlc", hlc);
	wire_end(&body);
	return pull_row(&body);
}

/* A pulled row whose parent never comes must not block the sync. */
static void
test_orphan(void)
{
	struct buf body = { 0 };
	int64_t before = sync_conflict_count(db);

	wire_begin(&body, "row");
	wire_str(&body, "t", "attendance");
	wire_str(&body, "op", "put");
	wire_int(&body, "id", 909);
	wire_int(&body, "session_id", 404);
	wire_int(&body, "member_id", member_id);
	wire_str(&body, "status", "present");
	wire_int(&body, "hlc", 5);
	wire_end(&body);
	tap_ok(pull_row(&body) >= 0, "a row whose parent is missing does not "
	    "fail the sync");
	tap_is_int(num("SELECT count(*) FROM attendance WHERE id = 909"), 0,
	    "the orphan is not kept");
	tap_is_int(sync_conflict_count(db), before + 1, "and it is logged");
	tap_is_int(num("SELECT count(*) FROM sync_inbox"), 0,
	    "nothing is left to block the next sync");
}

/* Appends a pulled "put" of table with the fields of the format. */
static void
put_row(struct buf *body, const char *table, int64_t id)
{
	wire_begin(body, "row");
	wire_str(body, "t", table);
	wire_str(body, "op", "put");
	wire_int(body, "id", id);
}

/*
 * Orphans at any depth: a plan whose parent plan never comes, a session
 * of that plan, attendance in it and an essay on it. Dropping the plan
 * orphans the session and the essay, whose dropping orphans the rest.
 */
static void
test_orphan_deep(void)
{
	struct wire_reader rd;
	struct buf body = { 0 };
	int64_t before = sync_conflict_count(db), applied;

	put_row(&body, "document", 3101);
	wire_int(&body, "owner_unit_id", unit_id);
	wire_str(&body, "number", "9-KH/DU");
	wire_str(&body, "kind", "KH");
	wire_str(&body, "issuer", "Đảng ủy");
	wire_str(&body, "issued_on", "2026-11-01");
	wire_str(&body, "title", "Kế hoạch");
	wire_int(&body, "parent_id", 3999);
	wire_int(&body, "hlc", 5);
	wire_end(&body);
	put_row(&body, "session", 3102);
	wire_int(&body, "document_id", 3101);
	wire_int(&body, "unit_id", unit_id);
	wire_str(&body, "title", "Buổi học");
	wire_str(&body, "held_on", "2026-11-10");
	wire_int(&body, "hlc", 5);
	wire_end(&body);
	put_row(&body, "attendance", 3103);
	wire_int(&body, "session_id", 3102);
	wire_int(&body, "member_id", member_id);
	wire_str(&body, "status", "present");
	wire_int(&body, "hlc", 5);
	wire_end(&body);
	put_row(&body, "essay", 3104);
	wire_int(&body, "document_id", 3101);
	wire_int(&body, "member_id", member_id);
	wire_int(&body, "hlc", 5);
	wire_end(&body);
	buf_str(&body, "end count i4\n");
	wire_reader_init(&rd, body.data, body.len);
	tap_ok(inbox_store(db, &rd, 4, 8) == 0 && inbox_apply(db, &applied) == 0,
	    "a plan whose parent never came, with a session, attendance and an "
	    "essay of it, does not fail the sync");
	buf_free(&body);
	tap_is_int(num("SELECT (SELECT count(*) FROM document WHERE id = 3101) + "
	    "(SELECT count(*) FROM session WHERE id = 3102) + (SELECT count(*) "
	    "FROM attendance WHERE id = 3103) + (SELECT count(*) FROM essay "
	    "WHERE id = 3104)"), 0, "none of the four rows is kept");
	tap_ok(sync_conflict_count(db) >= before + 3,
	    "each level dropped is logged");
	tap_is_int(num("SELECT count(*) FROM sync_inbox"), 0,
	    "nothing is left to block the next sync");
}

static void
test_pull(void)
{
	int64_t local = num("SELECT hlc FROM member WHERE id = 202");
	struct sync_issue *items;
	int n;

	tap_is_int(pull_member(local - 5, "Cũ hơn"), 0,
	    "a pulled row older than the local edit is not applied");
	tap_is_int(pull_member(local + 5, "Mới hơn"), 1,
	    "a pulled row newer than the local edit is applied");
	tap_is_int(num("SELECT name_sort = qt_name_sort('Mới hơn') AND "
	    "name_sort <> '' FROM member WHERE id = 202"), 1,
	    "the pulled member gets its sort key here");
	tap_is_int(num("SELECT count(*) FROM sync_outbox WHERE tbl = 'member'"), 0,
	    "the local edit it replaced leaves the queue, and it is not queued");
	tap_is_int(sync_conflict_count(db), 1, "the overwritten value is logged");
	n = sync_list_conflicts(db, 0, 10, &items);
	tap_ok(n == 1 && strstr(items[0].what, "Lê Thị Bé Hai") != NULL,
	    "the conflict log shows the value that lost");
	sync_issues_free(items, n);
	tap_is_int(num("SELECT hlc FROM member WHERE id = 202"), local + 5,
	    "the row keeps the server's clock");
	tap_is_int(pull_member(local + 9, "Lần nữa"), 1,
	    "a later pull without a local edit applies quietly");
	tap_is_int(sync_conflict_count(db), 1, "and logs no conflict");
	tap_is_int(num("SELECT count(*) FROM sync_inbox"), 0, "the inbox is empty");
}

/* A PC clock far off: its offset is kept, changes use it, and it is said. */
static void
test_skew(void)
{
	int64_t now = hlc_wall_ms(), before;
	char *msg;

	tap_is_int(hlc_set_offset(db, now, now + 60 * 1000), 0, "a minute off");
	tap_ok(hlc_offset_warning(db) == NULL, "is no wrong clock");
	tap_is_int(hlc_set_offset(db, now, now + 2 * 3600 * 1000), 0,
	    "two hours slow");
	msg = hlc_offset_warning(db);
	tap_ok(msg != NULL && strstr(msg, "chậm 2 giờ 00 phút") != NULL,
	    "is a wrong clock, said with how far");
	free(msg);
	before = hlc_wall_ms();
	db_exec(db, "UPDATE member SET position = 'Phó bí thư' WHERE id = 202");
	tap_ok(num("SELECT hlc FROM member WHERE id = 202") >> 16 >=
	    before + 2 * 3600 * 1000 - 1000,
	    "a change is stamped with the server's time");
	tap_ok(hlc_ms(hlc_next(db)) >= before + 2 * 3600 * 1000 - 1000,
	    "and so is the clock's next value");
	hlc_set_offset(db, now, now);
	tap_ok(hlc_offset_warning(db) == NULL, "a clock set right again is not");
}

/*
 * A batch stored by version 2 (its body began with a push header) is
 * sent by version 3 as it was made: its rows, after the new header.
 */
static void
test_old_batch(void)
{
	static const char old[] = "qtsync v i2 type s4:push batch i77 count i1\n"
	    "row t s4:unit op s3:del id i5 hlc i9\nend count i1\n";
	struct buf rows = { 0 };
	int64_t batch, count;
	sqlite3_stmt *stmt = db_prepare(db, "INSERT INTO sync_batch(id, body, "
	    "count) VALUES (77, ?1, 1)");

	sqlite3_bind_blob(stmt, 1, old, (int)strlen(old), SQLITE_STATIC);
	sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	tap_is_int(queue_next_batch(db, &rows, &batch, &count), 1,
	    "a batch stored by version 2 is still sent");
	tap_ok(batch == 77 && count == 1 && rows.len == strlen(old) - 44 &&
	    memcmp(rows.data, old + 44, rows.len) == 0,
	    "its id and rows as stored, without the old header");
	db_exec(db, "DELETE FROM sync_batch WHERE id = 77");
	buf_free(&rows);
}

/*
 * A link that keeps cutting: each cut halves the batches and pages to
 * come, and a batch cut twice is split, its rows waiting again.
 */
static void
test_split(void)
{
	struct buf rows = { 0 };
	int64_t batch, count, again;

	db_exec(db, "INSERT INTO member(id, unit_id, full_name, name_fold, "
	    "status) VALUES (203, 101, 'Võ Văn Ba', 'vo van ba', 'active')");
	tap_is_int(queue_batch_target(db), SYNC_BATCH_ZBYTES,
	    "batches are 32 KiB at first");
	queue_next_batch(db, &rows, &batch, &count);
	tap_ok(queue_link_cut(db, batch) == 0 &&
	    num("SELECT count(*) FROM sync_batch") == 1,
	    "a batch cut once is kept, to be sent again as it is");
	tap_is_int(queue_batch_target(db), SYNC_BATCH_ZBYTES / 2,
	    "and the next batches are half the size");
	tap_ok(queue_link_cut(db, batch) == 0 &&
	    num("SELECT count(*) FROM sync_batch") == 0 &&
	    num("SELECT count(*) FROM sync_outbox WHERE row_id = 203 AND "
	    "state = 'waiting' AND batch_id IS NULL") == 1,
	    "cut twice, it is split: its rows wait again");
	rows.len = 0;
	tap_ok(queue_next_batch(db, &rows, &again, &count) == 1 && again != batch,
	    "for a new, smaller batch");
	tap_is_int(queue_batch_target(db), SYNC_BATCH_ZBYTES / 4,
	    "each cut halved the size");
	queue_link_ok(db);
	tap_is_int(queue_batch_target(db), SYNC_BATCH_ZBYTES / 2,
	    "a round trip that gets through doubles it");
	db_exec(db, "DELETE FROM sync_batch; DELETE FROM sync_outbox");
	buf_free(&rows);
}

int
main(void)
{
	char path[] = "/tmp/test_sync_queue.XXXXXX";
	char *err, *file;
	int64_t batch;
	int fd = mkstemp(path);

	close(fd);
	unlink(path);
	file = xasprintf("%s.db", path);
	if ((db = db_open(file, DB_OPEN_CREATE, &err)) == NULL) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	tap_ok(db_schema_version(db) >= 2, "the sync schema is applied");
	test_triggers();
	test_batches(&batch);
	test_ack(batch);
	test_pull();
	test_orphan();
	test_orphan_deep();
	test_skew();
	test_old_batch();
	test_split();
	db_close(&db);
	unlink(file);
	free(file);
	return tap_done();
}
