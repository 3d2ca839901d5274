/*
 * files.h - the modes of the files quantriet creates (docs/files.md).
 */
#ifndef QT_FILES_H
#define QT_FILES_H

#include <stddef.h>
#include <sys/types.h>

/*
 * Sets the process umask to 077, first thing in each program's main(),
 * so no file or directory it creates is readable by anyone else.
 */
void	 files_private(void);
/*
 * Whether the directory that holds PATH is a unit's shared directory on
 * a district server: setgid, and its group may read, write and enter it
 * (docs/district-server.md).
 */
int	 files_shared_dir(const char *path);
/*
 * The mode a database at PATH should have: 0660 in a shared directory
 * (files_shared_dir), else 0600. SQLite gives the journals (-journal,
 * -wal, -shm) the database's mode, ignoring the umask.
 */
mode_t	 files_db_mode(const char *path);
/*
 * Creates an empty database file at PATH with files_db_mode(PATH); an
 * existing file is left alone. 0, or -1 with errno.
 */
int	 files_create_db(const char *path);
/*
 * Writes LEN bytes of DATA to PATH atomically (PATH.tmp, fsync, rename),
 * mode 0600, or 0660 in a shared directory (files_shared_dir: a report
 * written there belongs to the unit). 0, or -1 with errno.
 */
int	 files_write(const char *path, const char *data, size_t len);
/*
 * The sentence for a clerk the operating system refused PATH (EACCES or
 * EPERM): what refused (the first directory on the way they may not
 * enter, or the file), its owner, group and mode, and what to do. On a
 * district server this is another unit's data (docs/district-server.md).
 * Caller frees.
 */
char	*files_denied(const char *path);

#endif
