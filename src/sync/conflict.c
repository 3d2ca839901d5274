/*
 * conflict.c - the server's word that this device and another changed
 * the same row without seeing each other's change (docs/sync.md, "Clock
 * and conflicts"): written to the conflict log with both values, who
 * made each and when, in the clerk's words.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "hlc.h"
#include "sync/rows.h"
#include "sync/sync_int.h"
#include "xmalloc.h"

/* "máy này", "máy số N" or "máy chủ tỉnh" for device id, as you reads it. */
static char *
conflict_who(int64_t id, int64_t you)
{
	if (id == you)
		return xstrdup("máy này");
	if (id <= 0)
		return xstrdup("máy chủ tỉnh");
	return xasprintf("máy số %lld", (long long)id);
}

/* A change's clock as local time, "2026-12-02 10:15". */
static char *
conflict_when(int64_t hlc)
{
	time_t t = (time_t)(hlc_ms(hlc) / 1000);
	struct tm tm;
	char s[32];

	if (localtime_r(&t, &tm) == NULL ||
	    strftime(s, sizeof s, "%Y-%m-%d %H:%M", &tm) == 0)
		return xstrdup("?");
	return xstrdup(s);
}

int
conflict_log(struct db *db, const struct wire_record *rec)
{
	char *tbl = wire_get_str(rec, "t"), *kind = wire_get_str(rec, "kind");
	char *kept = wire_get_str(rec, "kept");
	char *lost = wire_get_str(rec, "lost");
	char *kept_by = NULL, *lost_by = NULL, *kept_at = NULL, *lost_at = NULL;
	char *reason = NULL;
	const struct sync_table *t = tbl != NULL ? sync_table_find(tbl) : NULL;
	int64_t key, kb, lb, ka, la, you;
	int rc = -1;

	if (t == NULL || kind == NULL || kept == NULL || lost == NULL ||
	    wire_get_int(rec, "key", &key) != 0 ||
	    wire_get_int(rec, "kept_by", &kb) != 0 ||
	    wire_get_int(rec, "lost_by", &lb) != 0 ||
	    wire_get_int(rec, "kept_at", &ka) != 0 ||
	    wire_get_int(rec, "lost_at", &la) != 0 ||
	    wire_get_int(rec, "you", &you) != 0)
		goto out;
	kept_by = conflict_who(kb, you);
	lost_by = conflict_who(lb, you);
	kept_at = conflict_when(ka);
	lost_at = conflict_when(la);
	if (strcmp(kind, "delete") == 0)
		reason = xasprintf("Xóa và sửa cùng lúc: %s xóa bản ghi (%s), "
		    "%s sửa nó (%s); bản sửa được giữ, bản ghi được khôi phục",
		    lost_by, lost_at, kept_by, kept_at);
	else if (strcmp(kind, "edit") == 0)
		reason = xasprintf("Hai máy cùng sửa: giữ bản của %s (%s), "
		    "bản của %s (%s) không được dùng", kept_by, kept_at,
		    lost_by, lost_at);
	else
		goto out;
	rc = queue_log_conflict(db, t->name, key, kept, *lost != '\0' ? lost :
	    "(đã xóa)", reason);
out:
	free(tbl);
	free(kind);
	free(kept);
	free(lost);
	free(kept_by);
	free(lost_by);
	free(kept_at);
	free(lost_at);
	free(reason);
	return rc;
}
