/*
 * longtext.c - wrapping long texts for display, and drafts of the forms
 * that edit them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "longtext.h"
#include "ui/draft.h"
#include "ui/textarea_buf.h"
#include "xmalloc.h"

/* text with each run of spaces made one, and none starting a line. */
static char *
longtext_fold_spaces(const char *text)
{
	char *s = xmalloc(strlen(text) + 1), *o = s;

	for (; *text != '\0'; text++)
		if (*text != ' ' || (o > s && o[-1] != ' ' && o[-1] != '\n'))
			*o++ = *text;
	*o = '\0';
	return s;
}

char **
longtext_wrap(const char *text, int cols, size_t *n)
{
	struct textarea t;
	char *s = longtext_fold_spaces(text), **lines;
	size_t len = strlen(s), i, end;

	/* The text area's wrapping, without the spaces left hanging. */
	textarea_init(&t, cols);
	textarea_wrap(&t, s, len, cols);
	lines = xcalloc(t.n, sizeof *lines);
	for (i = 0; i < t.n; i++) {
		end = textarea_line_end(&t, s, len, i);
		while (end > t.starts[i] && s[end - 1] == ' ')
			end--;
		lines[i] = xstrndup(s + t.starts[i], end - t.starts[i]);
	}
	*n = t.n;
	textarea_free(&t);
	free(s);
	return lines;
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
