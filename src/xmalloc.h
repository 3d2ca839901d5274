/*
 * xmalloc.h - allocation that never returns NULL.
 *
 * Running out of memory on a clerk's PC is not something the program can
 * recover from mid-transaction; SQLite rolls back on exit, so aborting
 * with a message is the honest answer.
 */
#ifndef QT_XMALLOC_H
#define QT_XMALLOC_H

#include <stddef.h>
#include <stdio.h>

void	*xmalloc(size_t size);
void	*xcalloc(size_t nmemb, size_t size);
void	*xrealloc(void *ptr, size_t size);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);
char	*xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * A stream writing to memory (open_memstream): *buf holds what was
 * written once it is closed, and is the caller's to free.
 */
FILE	*xmemstream(char **buf, size_t *len);

/* Frees *pp and sets it to NULL, so a stale pointer cannot be used again. */
#define x_free(pp) do { free(*(pp)); *(pp) = NULL; } while (0)

#endif
