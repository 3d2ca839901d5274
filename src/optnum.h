/*
 * optnum.h - a number given on the command line, read whole.
 *
 * atoi() read "8x" as 8 and "abc" as 0 (for --port: any free port), so a
 * typing slip changed what a program did without a word. optnum() takes
 * only a whole decimal number in [min, max]; the caller prints its usage.
 */
#ifndef QT_OPTNUM_H
#define QT_OPTNUM_H

/* *out = the number s, 0; or -1 (not a whole number, or out of range). */
int	 optnum(const char *s, long long min, long long max, long long *out);
/* The same for an int option. */
int	 optnum_int(const char *s, int min, int max, int *out);

#endif
