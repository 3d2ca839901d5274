/*
 * rtf_read.h - a small RTF reader for the tests of the printed form.
 */
#ifndef QT_TEST_RTF_READ_H
#define QT_TEST_RTF_READ_H

/*
 * A small RTF reader: checks that braces balance (and never close more
 * than opened), and returns the text with \uN decoded (its fallback
 * skipped, \uc1), escapes undone, \par \line \cell \row as newlines and
 * the font table left out. NULL if the braces do not balance.
 */
char	*rtf_read(const char *rtf);

#endif
