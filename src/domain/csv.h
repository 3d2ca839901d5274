/*
 * csv.h - one field of a CSV file (RFC 4180, UTF-8), the way every
 * report the program writes spells it.
 */
#ifndef QT_CSV_H
#define QT_CSV_H

#include <stdio.h>

/*
 * Writes field to fp through the display sanitiser (controls made
 * visible, full diacritics whatever the terminal), quoted when RFC 4180
 * requires it; no separator.
 */
void	 csv_field(FILE *fp, const char *field);

#endif
