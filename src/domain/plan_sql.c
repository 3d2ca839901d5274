/*
 * plan_sql.c - preparing the plan queries of src/domain.
 */
#include "config.h"

#include <stddef.h>

#include "db.h"
#include "domain/plan_sql.h"

sqlite3_stmt *
plan_prepare(struct db *db, const char *sql, int64_t plan, int64_t second)
{
	sqlite3_stmt *stmt = db_prepare(db, sql);

	if (stmt != NULL) {
		sqlite3_bind_int64(stmt, 1, plan);
		sqlite3_bind_int64(stmt, 2, second);
	}
	return stmt;
}
