/*
 * longtext.h - what the screens showing long texts share: text wrapped by
 * terminal width (tally, sync, enroll).
 */
#ifndef QT_SCREENS_LONGTEXT_H
#define QT_SCREENS_LONGTEXT_H

#include <stddef.h>

/*
 * Splits text at its newlines, then between words, into lines of at most
 * cols terminal columns (a word wider than that is cut between
 * characters). An empty paragraph is an empty line. Returns a new array
 * of *n new strings; free with longtext_free.
 */
char	**longtext_wrap(const char *text, int cols, size_t *n);
void	  longtext_free(char ***lines, size_t n);

struct ui;
/*
 * Under a rule on line y of ui->body, text wrapped to the window's width
 * on the lines below, as many as there are (the detail of the selected
 * row under a list: sync issues, a record's history).
 */
void	  longtext_detail(struct ui *ui, int y, const char *text);

#endif
