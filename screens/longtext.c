/*
 * longtext.c - wrapping, showing and keeping long texts typed in forms.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "longtext.h"
#include "text/text.h"
#include "ui/draft.h"
#include "ui/draw.h"
#include "ui/edit.h"
#include "xmalloc.h"

struct longtext {
	char	**lines;
	size_t	  n;
};

static void
longtext_push(struct longtext *w, char *line)
{
	w->lines = xrealloc(w->lines, (w->n + 1) * sizeof *w->lines);
	w->lines[w->n++] = line;
}

/* Pushes all but the last piece of a word wider than cols; returns the last. */
static char *
longtext_cut_word(struct longtext *w, const char *word, size_t len, int cols)
{
	size_t start = 0, end, next;
	char *piece;

	for (;;) {
		/* The longest run of characters from start that fits. */
		for (end = start; end < len; end = next) {
			next = edit_next(word, len, end);
			piece = xstrndup(word + start, next - start);
			if (text_width(piece) > cols && end > start) {
				free(piece);
				break;
			}
			free(piece);
		}
		if (end >= len)
			return xstrndup(word + start, len - start);
		longtext_push(w, xstrndup(word + start, end - start));
		start = end;
	}
}

/* Wraps one paragraph (no newline in it) of len bytes. */
static void
longtext_paragraph(struct longtext *w, const char *p, size_t len, int cols)
{
	char *line = xstrdup(""), *word, *joined;
	size_t i = 0, j;

	while (i < len) {
		while (i < len && p[i] == ' ')
			i++;
		for (j = i; j < len && p[j] != ' '; j++)
			;
		if (j == i)
			break;
		word = xstrndup(p + i, j - i);
		joined = xasprintf("%s%s%s", line, *line != '\0' ? " " : "",
		    word);
		if (text_width(joined) <= cols) {
			free(line);
			line = joined;
		} else {
			free(joined);
			if (*line != '\0')
				longtext_push(w, line);
			else
				free(line);
			line = text_width(word) <= cols ? xstrdup(word) :
			    longtext_cut_word(w, word, j - i, cols);
		}
		free(word);
		i = j;
	}
	longtext_push(w, line);
}

char **
longtext_wrap(const char *text, int cols, size_t *n)
{
	struct longtext w = { NULL, 0 };
	const char *p = text, *nl;

	if (cols < 1)
		cols = 1;
	do {
		nl = strchr(p, '\n');
		longtext_paragraph(&w, p, nl != NULL ? (size_t)(nl - p) :
		    strlen(p), cols);
		p = nl != NULL ? nl + 1 : NULL;
	} while (p != NULL);
	*n = w.n;
	return w.lines;
}

void
longtext_free(char ***lines, size_t n)
{
	size_t i;

	if (*lines == NULL)
		return;
	for (i = 0; i < n; i++)
		free((*lines)[i]);
	x_free(lines);
}

/* Whether the focused field of f is one of keys. */
static int
longtext_focused(const struct form *f, const char *const *keys)
{
	const char *key = f->fields[f->focus].key;

	for (; *keys != NULL; keys++)
		if (strcmp(*keys, key) == 0)
			return 1;
	return 0;
}

void
longtext_show(struct ui *ui, const struct form *f, int top,
    const char *const *keys)
{
	const struct form_field *ff = &f->fields[f->focus];
	char **lines;
	size_t n, i, first;
	int y, height = ui->rows - top - 1;

	if (!longtext_focused(f, keys) || height < 1)
		return;
	ui_putf(ui->body, top, 1, ui->cols - 2, STYLE_HEADING, "%s (toàn văn):",
	    ff->label);
	lines = longtext_wrap(ff->edit.buf, ui->cols - 4, &n);
	/* The end shows, where the clerk is typing. */
	first = n > (size_t)height ? n - (size_t)height : 0;
	for (y = top + 1, i = first; i < n; i++, y++)
		ui_put(ui->body, y, 2, ui->cols - 4, lines[i], STYLE_NORMAL, 0);
	longtext_free(&lines, n);
}

int
longtext_newline(struct form *f, const char *const *keys)
{
	struct edit *e = &f->fields[f->focus].edit;
	size_t at = e->cursor;
	char *s;

	if (!longtext_focused(f, keys) || e->len + 1 > e->max_bytes)
		return 0;
	s = xasprintf("%.*s\n%s", (int)at, e->buf, e->buf + at);
	edit_set(e, s);
	free(s);
	e->cursor = at + 1;
	f->changed = 1;
	return UI_REDRAW | UI_DIRTY;
}

void
longtext_restore(struct ui *ui, struct form *f, const struct screen_ops *ops,
    const char *const *ids)
{
	struct draft *d = draft_read(ui->state_dir, ops->name);
	const char *v;

	if (d == NULL)
		return;
	for (; *ids != NULL; ids++)
		if ((v = draft_get(d, *ids)) == NULL ||
		    strcmp(v, form_get(f, *ids)) != 0)
			break;
	if (*ids == NULL) {
		form_from_draft(f, d);
		ui_message(ui, 0, "Đã khôi phục nội dung đang nhập dở");
	}
	draft_free(&d);
}
