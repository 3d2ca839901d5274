/*
 * draft.c - reading and writing drafts.
 *
 * Format: a first line "quantriet-draft 1", then one "key=value" a line,
 * with '\\' and newline in values written as "\\\\" and "\\n".
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"
#include "ui/draft.h"
#include "xmalloc.h"

#define DRAFT_MAGIC	"quantriet-draft 1"

struct draft *
draft_new(const char *screen)
{
	struct draft *d = xcalloc(1, sizeof *d);

	d->screen = xstrdup(screen);
	return d;
}

void
draft_free(struct draft **pd)
{
	struct draft *d = *pd;
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++) {
		free(d->keys[i]);
		free(d->values[i]);
	}
	free(d->keys);
	free(d->values);
	free(d->screen);
	x_free(pd);
}

void
draft_set(struct draft *d, const char *key, const char *value)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		if (strcmp(d->keys[i], key) == 0) {
			free(d->values[i]);
			d->values[i] = xstrdup(value);
			return;
		}
	}
	d->keys = xrealloc(d->keys, (d->n + 1) * sizeof *d->keys);
	d->values = xrealloc(d->values, (d->n + 1) * sizeof *d->values);
	d->keys[d->n] = xstrdup(key);
	d->values[d->n] = xstrdup(value);
	d->n++;
}

const char *
draft_get(const struct draft *d, const char *key)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (strcmp(d->keys[i], key) == 0)
			return d->values[i];
	return NULL;
}

int64_t
draft_get_int(const struct draft *d, const char *key)
{
	const char *v = draft_get(d, key);

	return v != NULL ? strtoll(v, NULL, 10) : 0;
}

char *
draft_path(const char *dir, const char *screen)
{
	return xasprintf("%s/draft-%s.txt", dir, screen);
}

static void
draft_put_escaped(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\\')
			fputs("\\\\", fp);
		else if (*s == '\n')
			fputs("\\n", fp);
		else
			fputc(*s, fp);
	}
}

int
draft_write(const struct draft *d, const char *dir)
{
	char *path = draft_path(dir, d->screen);
	char *tmp = xasprintf("%s.tmp", path);
	FILE *fp = NULL;
	size_t i;
	int fd, saved, dirfd;

	if (paths_make_dir(dir) != 0 ||
	    (fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1)
		goto fail;
	if ((fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		goto fail;
	}
	fprintf(fp, "%s\n", DRAFT_MAGIC);
	for (i = 0; i < d->n; i++) {
		fprintf(fp, "%s=", d->keys[i]);
		draft_put_escaped(fp, d->values[i]);
		fputc('\n', fp);
	}
	if (fflush(fp) != 0 || fsync(fileno(fp)) != 0 || fclose(fp) != 0) {
		fp = NULL;
		goto fail;
	}
	fp = NULL;
	if (rename(tmp, path) != 0)
		goto fail;
	/* The rename itself must reach the disk before we call it saved. */
	if ((dirfd = open(dir, O_RDONLY)) != -1) {
		fsync(dirfd);
		close(dirfd);
	}
	free(tmp);
	free(path);
	return 0;
fail:
	saved = errno;
	if (fp != NULL)
		fclose(fp);
	unlink(tmp);
	free(tmp);
	free(path);
	errno = saved;
	return -1;
}

/* Undoes draft_put_escaped in place. */
static void
draft_unescape(char *s)
{
	char *o = s;

	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] == 'n') {
			*o++ = '\n';
			s++;
		} else if (*s == '\\' && s[1] == '\\') {
			*o++ = '\\';
			s++;
		} else
			*o++ = *s;
	}
	*o = '\0';
}

struct draft *
draft_read(const char *dir, const char *screen)
{
	char *path = draft_path(dir, screen), *line = NULL, *eq;
	size_t cap = 0;
	ssize_t n;
	struct draft *d = NULL;
	FILE *fp = fopen(path, "r");

	free(path);
	if (fp == NULL)
		return NULL;
	if ((n = getline(&line, &cap, fp)) > 0 &&
	    strncmp(line, DRAFT_MAGIC "\n", sizeof DRAFT_MAGIC) == 0) {
		d = draft_new(screen);
		while ((n = getline(&line, &cap, fp)) > 0) {
			if (line[n - 1] == '\n')
				line[n - 1] = '\0';
			if ((eq = strchr(line, '=')) == NULL)
				continue;
			*eq = '\0';
			draft_unescape(eq + 1);
			draft_set(d, line, eq + 1);
		}
	}
	free(line);
	fclose(fp);
	return d;
}

void
draft_remove(const char *dir, const char *screen)
{
	char *path = draft_path(dir, screen);

	unlink(path);
	free(path);
}
