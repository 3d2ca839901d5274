/*
 * old_db.h - a database as an older quantriet left it, for upgrade tests.
 */
#ifndef QT_OLD_DB_H
#define QT_OLD_DB_H

/*
 * Creates PATH with quantriet's application id and schema steps 1 to
 * VERSION only (as compiled in), runs SQL (rows of that era), and sets
 * user_version to VERSION, without going through db_open's upgrade.
 */
void	old_db_make(const char *path, int version, const char *sql);

#endif
