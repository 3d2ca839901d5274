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
hlc_mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t
hlc_ms(int64_t hlc)
{
	return hlc >> 16;
}

int64_t
hlc_next(struct db *db)
{
	int64_t now = hlc_wall_ms();

	/* The PC clock plus the offset learnt from the server (0 on it). */
	sqlite3_stmt *stmt = db_prepare(db,
	    "UPDATE sync_clock SET hlc = max(hlc + 1, (?1 + offset_ms) << 16)");
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

int
hlc_set_offset(struct db *db, int64_t local_ms, int64_t server_ms)
{
	int64_t diff = server_ms - local_ms;
	char *sql;
	int rc;

	if (diff <= HLC_MAX_SKEW_MS && diff >= -HLC_MAX_SKEW_MS)
		diff = 0;
	sql = xasprintf("UPDATE sync_clock SET offset_ms = %lld",
	    (long long)diff);
	rc = db_exec(db, sql);
	free(sql);
	return rc;
}

char *
hlc_offset_warning(struct db *db)
{
	int64_t off = db_int(db, 0, "SELECT offset_ms FROM sync_clock", 0);
	int64_t min = ((off < 0 ? -off : off) + 30000) / 60000;

	if (off == 0)
		return NULL;
	return xasprintf("Đồng hồ máy tính %s %lld giờ %02lld phút so với máy "
	    "chủ tỉnh: đồng bộ đã dùng giờ của máy chủ; hãy chỉnh lại ngày giờ "
	    "của máy", off > 0 ? "chậm" : "nhanh", (long long)(min / 60),
	    (long long)(min % 60));
}
