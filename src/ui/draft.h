/*
 * draft.h - what a form held when the session dropped.
 *
 * A draft is a list of key=value pairs (the form's fields and the ids it
 * was opened with) in $XDG_STATE_HOME/quantriet/draft-SCREEN.txt. It is
 * written atomically (temporary file, fsync, rename) so a power cut
 * leaves the old draft or the new one, never half of each. No curses here.
 */
#ifndef QT_UI_DRAFT_H
#define QT_UI_DRAFT_H

#include <stddef.h>
#include <stdint.h>

struct draft {
	char	*screen;	/* the screen_ops name it belongs to */
	size_t	 n;
	char	**keys;
	char	**values;
};

/* A new empty draft for screen; free with draft_free. */
struct draft	*draft_new(const char *screen);
void		 draft_free(struct draft **d);
/* Sets key to value (a copy), replacing an earlier value. */
void		 draft_set(struct draft *d, const char *key, const char *value);
/* The value of key (owned by d), or NULL. */
const char	*draft_get(const struct draft *d, const char *key);
int64_t		 draft_get_int(const struct draft *d, const char *key);
/* The file for screen in dir; caller frees. */
char		*draft_path(const char *dir, const char *screen);
/* Writes d to draft_path(dir, d->screen) atomically; 0 or -1 (errno). */
int		 draft_write(const struct draft *d, const char *dir);
/* Reads the draft of screen from dir; NULL if there is none (or unreadable). */
struct draft	*draft_read(const char *dir, const char *screen);
/* Deletes the draft of screen, if any. */
void		 draft_remove(const char *dir, const char *screen);

#endif
