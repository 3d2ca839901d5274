/*
 * plan_sql.c - preparing the plan queries of src/domain.
 */
#include "config.h"

#include <stddef.h>

#include "db.h"
#include "domain/date.h"
#include "domain/plan_sql.h"

sqlite3_stmt *
plan_prepare(struct db *db, const char *sql, int64_t plan, int64_t second)
{
	sqlite3_stmt *stmt = db_keep(db, sql);

	if (stmt != NULL) {
		sqlite3_bind_int64(stmt, 1, plan);
		sqlite3_bind_int64(stmt, 2, second);
		plan_bind_cutoff(stmt, NULL);
	}
	return stmt;
}

const char *
plan_cutoff(const char *cutoff, char today[11])
{
	if (cutoff != NULL && *cutoff != '\0')
		return cutoff;
	date_to_iso(date_today(), today);
	return today;
}

void
plan_bind_cutoff(sqlite3_stmt *stmt, const char *cutoff)
{
	char today[11];

	if (sqlite3_bind_parameter_count(stmt) < PLAN_SQL_CUTOFF_PARAM)
		return;
	sqlite3_bind_text(stmt, PLAN_SQL_CUTOFF_PARAM,
	    plan_cutoff(cutoff, today), -1, SQLITE_TRANSIENT);
}
