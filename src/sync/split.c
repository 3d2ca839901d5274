/*
 * split.c - how big a new push batch and a pull page are, and splitting
 * a stored batch that a link keeps cutting (docs/sync.md, "Batches by
 * bytes").
 *
 * Each cut transfer halves the size (down to SYNC_BATCH_ZMIN), each
 * round trip that gets through doubles it (up to SYNC_BATCH_ZBYTES). A
 * batch is stored before it is sent and sent again as it is until it is
 * acknowledged: on a link that drops every connection before its bytes
 * are through, that would be forever, so after SYNC_SPLIT_AFTER cut
 * transfers its rows wait again, for batches of the smaller size. The
 * server answers a row it already holds from this device at the same
 * clock as applied (srv_row_resent), so a row of a split batch that had
 * reached it is not applied twice.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "db.h"
#include "sync/sync_int.h"
#include "xmalloc.h"

/* The setting's integer, or dflt. */
static int64_t
split_setting(struct db *db, const char *key, int64_t dflt)
{
	char *v = db_setting_get(db, key);
	int64_t n = v != NULL ? strtoll(v, NULL, 10) : dflt;

	free(v);
	return n;
}

static int
split_set(struct db *db, const char *key, int64_t n)
{
	char num[32];

	snprintf(num, sizeof num, "%lld", (long long)n);
	return db_setting_set(db, key, num);
}

int64_t
queue_batch_target(struct db *db)
{
	int64_t n = split_setting(db, SYNC_KEY_BATCH_SIZE, SYNC_BATCH_ZBYTES);

	return n < SYNC_BATCH_ZMIN ? SYNC_BATCH_ZMIN :
	    n > SYNC_BATCH_ZBYTES ? SYNC_BATCH_ZBYTES : n;
}

int
queue_link_ok(struct db *db)
{
	int64_t n = queue_batch_target(db);

	if (n >= SYNC_BATCH_ZBYTES)
		return 0;
	return split_set(db, SYNC_KEY_BATCH_SIZE, n * 2);
}

int
queue_link_cut(struct db *db, int64_t batch)
{
	char *was, *sql, num[48];
	long long id = 0;
	int cuts = 0, rc;

	if (split_set(db, SYNC_KEY_BATCH_SIZE, queue_batch_target(db) / 2) != 0)
		return -1;
	if (batch == 0)
		return 0;
	/* The setting: the batch last cut, and how many times. */
	was = db_setting_get(db, SYNC_KEY_BATCH_CUT);
	if (was == NULL || sscanf(was, "%lld %d", &id, &cuts) != 2 ||
	    id != batch)
		cuts = 0;
	free(was);
	/*
	 * A bundle's batches stored after this one may need its rows (a
	 * member before the attendance naming it): its rows cannot wait
	 * behind them, so it is resent whole.
	 */
	if (db_int(db, 0, "SELECT count(*) FROM sync_batch WHERE id > ?1", 1,
	    batch) > 0)
		cuts = 0;
	if (++cuts < SYNC_SPLIT_AFTER) {
		snprintf(num, sizeof num, "%lld %d", (long long)batch, cuts);
		return db_setting_set(db, SYNC_KEY_BATCH_CUT, num);
	}
	if (db_begin(db) != 0)
		return -1;
	sql = xasprintf("UPDATE sync_outbox SET state = 'waiting', batch_id = "
	    "NULL WHERE batch_id = %lld AND state = 'sent'; DELETE FROM "
	    "sync_batch WHERE id = %lld", (long long)batch, (long long)batch);
	rc = db_exec(db, sql) != 0 ||
	    db_setting_set(db, SYNC_KEY_BATCH_CUT, "") != 0 ||
	    db_commit(db) != 0 ? -1 : 0;
	free(sql);
	if (rc != 0)
		db_rollback(db);
	return rc;
}
