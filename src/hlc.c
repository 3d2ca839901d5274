/*
 * hlc.c - hybrid logical clock kept in the database (sync_clock).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "db.h"
#include "hlc.h"
#include "xmalloc.h"

int64_t
hlc_wall_ms(void)
{
	struct timespec ts;
	const char *offset = getenv("QUANTRIET_CLOCK_OFFSET_S");
	int64_t ms;

	clock_gettime(CLOCK_REALTIME, &ts);
	ms = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	if (offset != NULL)
		ms += strtoll(offset, NULL, 10) * 1000;
	return ms;
}

int64_t
hlc_ms(int64_t hlc)
{
	return hlc >> 16;
}

int64_t
hlc_next(struct db *db)
{
	int64_t now = hlc_wall_ms() << 16;

	sqlite3_stmt *stmt = db_prepare(db,
	    "UPDATE sync_clock SET hlc = max(hlc + 1, ?1)");
	int rc;

	if (stmt == NULL)
		return 0;
	sqlite3_bind_int64(stmt, 1, now);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "cập nhật đồng hồ");
		return 0;
	}
	return db_int(db, 0, "SELECT hlc FROM sync_clock", 0);
}

int
hlc_observe(struct db *db, int64_t remote)
{
	sqlite3_stmt *stmt = db_prepare(db,
	    "UPDATE sync_clock SET hlc = ?1 WHERE hlc < ?1");
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, remote);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "cập nhật đồng hồ");
		return -1;
	}
	return 0;
}

/* Formats ms since 1970 as local "HH:MM ngày DD/MM/YYYY" into buf. */
static void
hlc_format(int64_t ms, char *buf, size_t size)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL ||
	    strftime(buf, size, "%H:%M ngày %d/%m/%Y", &tm) == 0)
		snprintf(buf, size, "?");
}

char *
hlc_check_skew(int64_t local_ms, int64_t server_ms)
{
	char here[64], there[64];
	int64_t diff = local_ms - server_ms;

	if (diff <= HLC_MAX_SKEW_MS && diff >= -HLC_MAX_SKEW_MS)
		return NULL;
	hlc_format(local_ms, here, sizeof here);
	hlc_format(server_ms, there, sizeof there);
	return xasprintf("Đồng hồ máy tính sai: máy này chỉ %s, máy chủ tỉnh "
	    "chỉ %s. Hãy chỉnh lại ngày giờ của máy rồi đồng bộ lại", here,
	    there);
}
