/*
 * paths.h - where quantriet keeps its files (XDG base directories).
 */
#ifndef QT_PATHS_H
#define QT_PATHS_H

/*
 * The database to open when no --db is given: $QUANTRIET_DB, else
 * $XDG_DATA_HOME/quantriet/quantriet.db (~/.local/share/...). Caller frees.
 */
char	*paths_default_db(void);
/* $XDG_STATE_HOME/quantriet (~/.local/state/quantriet): drafts. Caller frees. */
char	*paths_state_dir(void);
/* $XDG_CONFIG_HOME/quantriet (~/.config/quantriet): credentials. Caller frees. */
char	*paths_config_dir(void);
/* Creates every missing directory above PATH (mode 0700); 0 or -1/errno. */
int	 paths_make_parent(const char *path);
/* Creates directory DIR and its parents (mode 0700); 0 or -1/errno. */
int	 paths_make_dir(const char *dir);

#endif
