/*
 * longtext.h - what the screens showing long texts share: text wrapped by
 * terminal width (tally, sync, enroll), and for the forms with long texts
 * (essay, tally report) the draft of the same row put back when it is
 * opened again.
 */
#ifndef QT_SCREENS_LONGTEXT_H
#define QT_SCREENS_LONGTEXT_H

#include <stddef.h>

#include "ui/form.h"
#include "ui/ui.h"

/*
 * Splits text at its newlines, then between words, into lines of at most
 * cols terminal columns (a word wider than that is cut between
 * characters). An empty paragraph is an empty line. Returns a new array
 * of *n new strings; free with longtext_free.
 */
char	**longtext_wrap(const char *text, int cols, size_t *n);
void	  longtext_free(char ***lines, size_t n);

/*
 * Puts back the draft of ops, left when a session dropped, if its values
 * of ids (NULL-terminated keys of hidden fields) are those of f: the same
 * row is being opened again. Says so on the message line.
 */
void	  longtext_restore(struct ui *ui, struct form *f,
	    const struct screen_ops *ops, const char *const *ids);

#endif
