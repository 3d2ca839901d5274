/*
 * draft.h - what a form held when the session dropped.
 *
 * A draft is a list of key=value pairs (the form's fields) that belongs to
 * one database and one record: the database's own id (setting
 * database_id) and the real path it was typed in, the screen, and the
 * record (the ids the form was opened with, e.g. "42" for member 42, "0"
 * for a new one). Each lives in its own file,
 * $XDG_STATE_HOME/quantriet/draft-ID-PATHHASH-SCREEN-RECORD.txt, so a
 * clerk with several databases (or two copies of one) keeps a draft in
 * each, and a draft is never applied to another database or record. It
 * is written atomically (temporary file, fsync, rename) so a power cut
 * leaves the old draft or the new one, never half of each. The same files
 * keep what the interface remembers per database (ui_remember), under a
 * screen name no form has. No curses here.
 */
#ifndef QT_UI_DRAFT_H
#define QT_UI_DRAFT_H

#include <stddef.h>
#include <stdint.h>

struct draft {
	char	*screen;	/* the screen_ops name it belongs to */
	char	*record;	/* the form's ids, "-"-joined; "" if none */
	char	*database_id;	/* setting database_id of its database */
	char	*database_path;	/* the real path that database had */
	size_t	 n;
	char	**keys;
	char	**values;
};

/* A new empty draft for screen and record; free with draft_free. */
struct draft	*draft_new(const char *screen, const char *record);
void		 draft_free(struct draft **d);
/* Sets the database the draft belongs to (copies). */
void		 draft_set_database(struct draft *d, const char *id,
		    const char *path);
/* Sets key to value (a copy), replacing an earlier value. */
void		 draft_set(struct draft *d, const char *key, const char *value);
/* The value of key (owned by d), or NULL. */
const char	*draft_get(const struct draft *d, const char *key);
int64_t		 draft_get_int(const struct draft *d, const char *key);
/* The file of d in dir (from its database, screen and record); caller frees. */
char		*draft_path(const char *dir, const struct draft *d);
/* Writes d to draft_path(dir, d) atomically; 0 or -1 (errno). */
int		 draft_write(const struct draft *d, const char *dir);
/*
 * The draft of screen and record typed in the database id at path, from
 * dir; NULL if there is none (or it is unreadable or another's).
 */
struct draft	*draft_find(const char *dir, const char *id, const char *path,
		    const char *screen, const char *record);
/*
 * Every draft in dir typed in a database with this id, at any path (the
 * file may have been moved); a new array of *n drafts, free each and it.
 */
struct draft	**draft_list(const char *dir, const char *id, size_t *n);
/* Deletes the file of d, if any. */
void		 draft_remove(const char *dir, const struct draft *d);

#endif
