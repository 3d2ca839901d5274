/*
 * longtext.h - what the forms with long texts (the essay's three parts,
 * the tally report's assessment and proposals) share: text wrapped by
 * terminal width, the focused text shown whole under the fields, the
 * draft of the same row put back when it is opened again.
 *
 * A helper of screens/essay_form.c, tally_form.c and tally.c; the generic
 * parts belong in src/ui when its owner wants them there.
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
 * When the focused field of f is one of keys (NULL-terminated), draws its
 * label and its whole text, wrapped, from line top of ui->body down; the
 * end of the text shows when it is longer than the space.
 */
void	  longtext_show(struct ui *ui, const struct form *f, int top,
	    const char *const *keys);

/*
 * Puts back the draft of ops, left when a session dropped, if its values
 * of ids (NULL-terminated keys of hidden fields) are those of f: the same
 * row is being opened again. Says so on the message line.
 */
void	  longtext_restore(struct ui *ui, struct form *f,
	    const struct screen_ops *ops, const char *const *ids);

/*
 * Starts a new line at the cursor of the focused field when it is one of
 * keys (the editor is one line; the text may have many). UI_* flags: 0
 * when the field takes no newline or is full.
 */
int	  longtext_newline(struct form *f, const char *const *keys);

#endif
