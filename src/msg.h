/*
 * msg.h - one-line messages for the command line, in Vietnamese.
 *
 * Messages are written in UTF-8 in the source and pass through the text
 * module on the way out, so a non-UTF-8 terminal sees clean unaccented
 * Vietnamese instead of mojibake.
 */
#ifndef QT_MSG_H
#define QT_MSG_H

#include <stdio.h>

/* Prints "quantriet: MESSAGE" on stderr. */
void	msg_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints MESSAGE on stdout, as msg_error does. */
void	msg_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Writes s to fp made safe for the terminal (text_display). */
void	msg_put(FILE *fp, const char *s);
/*
 * What the operating system's error err means, in Vietnamese for those a
 * clerk meets (no such file, no permission, disk full...); the system's
 * own words for the rare rest. A static string.
 */
const char *msg_strerror(int err);
/* Decides once, from the locale, whether output may carry UTF-8. */
void	msg_init_locale(void);

#endif
