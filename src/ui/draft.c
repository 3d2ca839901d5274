/*
 * draft.c - reading and writing drafts.
 *
 * Format: a first line "quantriet-draft 2", then one "key=value" a line,
 * with '\\' and newline in values written as "\\\\" and "\\n". The keys
 * "@screen", "@record", "@database_id" and "@database_path" say whose
 * draft it is (a form's keys never start with '@').
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"
#include "ui/draft.h"
#include "xmalloc.h"

#define DRAFT_MAGIC	"quantriet-draft 2"

struct draft *
draft_new(const char *screen, const char *record)
{
	struct draft *d = xcalloc(1, sizeof *d);

	d->screen = xstrdup(screen);
	d->record = xstrdup(record);
	d->database_id = xstrdup("");
	d->database_path = xstrdup("");
	return d;
}

void
draft_set_database(struct draft *d, const char *id, const char *path)
{
	free(d->database_id);
	free(d->database_path);
	d->database_id = xstrdup(id);
	d->database_path = xstrdup(path);
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
	free(d->record);
	free(d->database_id);
	free(d->database_path);
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

/* s with every byte but a letter, a digit or '_' made '_': a file name part. */
static char *
draft_name_part(const char *s)
{
	char *out = xstrdup(s), *p;

	for (p = out; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '_'))
			*p = '_';
	return out;
}

/* FNV-1a: two copies of one database (the same id) get two files. */
static uint64_t
draft_hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

char *
draft_path(const char *dir, const struct draft *d)
{
	char *id = draft_name_part(d->database_id);
	char *screen = draft_name_part(d->screen);
	char *record = draft_name_part(d->record);
	char *path = xasprintf("%s/draft-%s-%016llx-%s-%s.txt", dir, id,
	    (unsigned long long)draft_hash(d->database_path), screen, record);

	free(id);
	free(screen);
	free(record);
	return path;
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

static void
draft_put_line(FILE *fp, const char *key, const char *value)
{
	fprintf(fp, "%s=", key);
	draft_put_escaped(fp, value);
	fputc('\n', fp);
}

int
draft_write(const struct draft *d, const char *dir)
{
	char *path = draft_path(dir, d);
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
	draft_put_line(fp, "@screen", d->screen);
	draft_put_line(fp, "@record", d->record);
	draft_put_line(fp, "@database_id", d->database_id);
	draft_put_line(fp, "@database_path", d->database_path);
	for (i = 0; i < d->n; i++)
		draft_put_line(fp, d->keys[i], d->values[i]);
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

/* The header key's field of d, or NULL for a form's own key. */
static char **
draft_header(struct draft *d, const char *key)
{
	if (strcmp(key, "@screen") == 0)
		return &d->screen;
	if (strcmp(key, "@record") == 0)
		return &d->record;
	if (strcmp(key, "@database_id") == 0)
		return &d->database_id;
	if (strcmp(key, "@database_path") == 0)
		return &d->database_path;
	return NULL;
}

/* The draft in the file at path; NULL if none or not a whole draft. */
static struct draft *
draft_read(const char *path)
{
	char *line = NULL, *eq, **field;
	size_t cap = 0;
	ssize_t n;
	struct draft *d = NULL;
	FILE *fp = fopen(path, "r");

	if (fp == NULL)
		return NULL;
	if ((n = getline(&line, &cap, fp)) > 0 &&
	    strncmp(line, DRAFT_MAGIC "\n", sizeof DRAFT_MAGIC) == 0) {
		d = draft_new("", "");
		while ((n = getline(&line, &cap, fp)) > 0) {
			if (line[n - 1] == '\n')
				line[n - 1] = '\0';
			if ((eq = strchr(line, '=')) == NULL)
				continue;
			*eq = '\0';
			draft_unescape(eq + 1);
			if ((field = draft_header(d, line)) != NULL) {
				free(*field);
				*field = xstrdup(eq + 1);
			} else
				draft_set(d, line, eq + 1);
		}
		/* A draft of no database is nobody's: never offered. */
		if (*d->screen == '\0' || *d->database_id == '\0')
			draft_free(&d);
	}
	free(line);
	fclose(fp);
	return d;
}

struct draft *
draft_find(const char *dir, const char *id, const char *path,
    const char *screen, const char *record)
{
	struct draft *want = draft_new(screen, record), *d;
	char *file;

	draft_set_database(want, id, path);
	file = draft_path(dir, want);
	d = draft_read(file);
	/* The file name is a hash: the content says whose it really is. */
	if (d != NULL && (strcmp(d->database_id, id) != 0 ||
	    strcmp(d->database_path, path) != 0 ||
	    strcmp(d->screen, screen) != 0 || strcmp(d->record, record) != 0))
		draft_free(&d);
	free(file);
	draft_free(&want);
	return d;
}

struct draft **
draft_list(const char *dir, const char *id, size_t *n)
{
	struct draft **list = NULL, *d;
	char *prefix, *safe = draft_name_part(id), *file;
	struct dirent *e;
	DIR *dp;

	*n = 0;
	prefix = xasprintf("draft-%s-", safe);
	free(safe);
	if ((dp = opendir(dir)) != NULL) {
		while ((e = readdir(dp)) != NULL) {
			size_t len = strlen(e->d_name);

			if (strncmp(e->d_name, prefix, strlen(prefix)) != 0 ||
			    len < 4 || strcmp(e->d_name + len - 4, ".txt") != 0)
				continue;
			file = xasprintf("%s/%s", dir, e->d_name);
			d = draft_read(file);
			free(file);
			if (d == NULL)
				continue;
			if (strcmp(d->database_id, id) != 0) {
				draft_free(&d);
				continue;
			}
			list = xrealloc(list, (*n + 1) * sizeof *list);
			list[(*n)++] = d;
		}
		closedir(dp);
	}
	free(prefix);
	return list;
}

void
draft_remove(const char *dir, const struct draft *d)
{
	char *path = draft_path(dir, d);

	unlink(path);
	free(path);
}
