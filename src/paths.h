/*
 * paths.h - where quantriet keeps its files (XDG base directories).
 */
#ifndef QT_PATHS_H
#define QT_PATHS_H

#include <stddef.h>

/*
 * The database to open when no --db is given: $QUANTRIET_DB; else, on a
 * district server, the one unit database paths_district_dbs() finds;
 * else $XDG_DATA_HOME/quantriet/quantriet.db (~/.local/share/...).
 * Caller frees. When the user belongs to several units, returns NULL and
 * sets *err to a sentence naming them (caller frees); else *err is NULL.
 */
char	*paths_default_db(char **err);
/*
 * The district directory: $QUANTRIET_DISTRICT_DIR if absolute, else
 * /var/lib/quantriet. It holds one directory per unit, named after the
 * unit's Unix group (docs/district-server.md). Caller frees.
 */
char	*paths_district_dir(void);
/*
 * The unit databases this process may be meant to open: DIR/GROUP/
 * quantriet.db for each of its groups (primary first, then getgroups())
 * where that file exists. Sets *out to a NULL-terminated array the caller
 * frees with each string; returns how many.
 */
size_t	 paths_district_dbs(char ***out);
/* $XDG_STATE_HOME/quantriet (~/.local/state/quantriet): drafts. Caller frees. */
char	*paths_state_dir(void);
/* $XDG_CONFIG_HOME/quantriet (~/.config/quantriet): credentials. Caller frees. */
char	*paths_config_dir(void);
/*
 * Where a clerk's printed forms go by default: $XDG_DOCUMENTS_DIR, else
 * ~/Documents or ~/Tài liệu (xdg-user-dirs' English and Vietnamese
 * names) when it exists, else the data directory
 * ($XDG_DATA_HOME/quantriet). It may not exist yet. Caller frees.
 */
char	*paths_documents_dir(void);
/* Creates every missing directory above PATH (mode 0700); 0 or -1/errno. */
int	 paths_make_parent(const char *path);
/* Creates directory DIR and its parents (mode 0700); 0 or -1/errno. */
int	 paths_make_dir(const char *dir);

/*
 * Who is at the keyboard, as a report's history records it (made final,
 * reopened, returned, accepted): the login running the program, "?" if
 * it has none. Static storage.
 */
const char *paths_login(void);

#endif
