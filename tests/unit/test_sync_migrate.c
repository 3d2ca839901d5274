/*
 * test_sync_migrate.c - schema step 3 on a database made at step 2: a
 * plan's exemption overrides and resolutions are kept, get global ids and
 * clocks, and those of the PC's own plans are queued for the province;
 * the default rules stay as they were and never travel.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db.h"
#include "old_db.h"
#include "tap.h"
#include "xmalloc.h"

static struct db *db;

static int64_t
num(const char *sql)
{
	return db_int(db, -1, sql, 0);
}

/*
 * A PC of commune 11 (below province 10) at schema 2, holding its own
 * plan 21 and the province's plan 20, each with an override (the small
 * automatic ids of step 2) and a resolution.
 */
static void
make_v2(const char *path)
{
	old_db_make(path, 2,
	    "INSERT INTO unit(id, parent_id, kind, code, name, name_fold) VALUES "
	    "(10, NULL, 'province', 'KG', 'Tỉnh', 'tinh'), "
	    "(11, 10, 'commune', 'XA', 'Xã A', 'xa a');"
	    "INSERT INTO setting(key, value) VALUES ('home_unit_id', '11');"
	    "INSERT INTO document(id, owner_unit_id, number, kind, issuer, "
	    "issued_on, title) VALUES "
	    "(20, 10, '13-KH/TU', 'KH', 'Tỉnh ủy', '2026-11-01', 'Kế hoạch'), "
	    "(21, 11, '02-KH/ĐU', 'KH', 'Đảng ủy', '2026-11-05', 'Kế hoạch');"
	    "INSERT INTO resolution(id, code, title) VALUES (30, 'NQ-XI', 'NQ');"
	    "INSERT INTO document_resolution(document_id, resolution_id) VALUES "
	    "(20, 30), (21, 30);"
	    "INSERT INTO exemption_rule(document_id, status, must_write, reason) "
	    "VALUES (20, 'retired', 1, ''), (21, 'exempt_work', 1, 'Vẫn viết');"
	    "DELETE FROM sync_outbox");
}

static void
test_kept(void)
{
	tap_is_int(db_schema_version(db), db_schema_latest(),
	    "the database is at the latest schema");
	tap_is_int(num("SELECT count(*) FROM exemption_rule WHERE document_id = 20 "
	    "AND status = 'retired' AND must_write = 1"), 1,
	    "the province plan's override is kept");
	tap_is_int(num("SELECT count(*) FROM exemption_rule WHERE document_id = 21 "
	    "AND status = 'exempt_work' AND must_write = 1 AND reason = 'Vẫn viết'"),
	    1, "the commune plan's override is kept");
	tap_is_int(num("SELECT count(*) FROM exemption_rule WHERE document_id IS "
	    "NOT NULL AND id > 4294967296"), 2,
	    "the overrides have global ids instead of small ones");
	tap_is_int(num("SELECT count(*) FROM exemption_rule WHERE document_id IS "
	    "NULL AND id BETWEEN 1 AND 5 AND hlc = 0"), 5,
	    "the default rules keep their ids and have no clock");
	tap_is_int(num("SELECT count(*) FROM document_resolution WHERE "
	    "resolution_id = 30 AND document_id IN (20, 21) AND id > 4294967296"),
	    2, "both plans still cover the resolution, with global ids");
}

static void
test_queued(void)
{
	tap_is_int(num("SELECT count(*) FROM sync_outbox o JOIN exemption_rule e "
	    "ON e.id = o.row_id WHERE o.tbl = 'exemption_rule' AND "
	    "e.document_id = 21 AND o.hlc = e.hlc AND e.hlc > 0"), 1,
	    "the override of the commune's own plan is queued and stamped");
	tap_is_int(num("SELECT count(*) FROM sync_outbox o JOIN document_resolution r "
	    "ON r.id = o.row_id WHERE o.tbl = 'document_resolution' AND "
	    "r.document_id = 21 AND o.hlc = r.hlc AND r.hlc > 0"), 1,
	    "the resolution of the commune's own plan is queued and stamped");
	tap_is_int(num("SELECT count(*) FROM sync_outbox"), 2,
	    "nothing of the province's plan is queued");

	db_exec(db, "DELETE FROM sync_outbox; UPDATE exemption_rule SET "
	    "must_write = 1 WHERE status = 'retired'");
	tap_is_int(num("SELECT count(*) FROM sync_outbox WHERE tbl = "
	    "'exemption_rule'"), 1, "an edited override is queued, a default not");
	db_exec(db, "DELETE FROM document WHERE id = 21");
	tap_is_int(num("SELECT count(*) FROM sync_outbox WHERE op = 'del' AND "
	    "tbl IN ('exemption_rule', 'document_resolution')"), 2,
	    "deleting a plan queues the deletion of its override and resolution");
}

int
main(void)
{
	char path[] = "/tmp/test_sync_migrate.XXXXXX";
	char *err, *file;
	int fd = mkstemp(path);

	close(fd);
	unlink(path);
	file = xasprintf("%s.db", path);
	make_v2(file);
	if ((db = db_open(file, DB_OPEN_EXISTING, &err)) == NULL) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	test_kept();
	test_queued();
	db_close(&db);
	unlink(file);
	free(file);
	return tap_done();
}
