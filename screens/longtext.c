/*
 * longtext.c - wrapping long texts for display, and drawing them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "longtext.h"
#include "ui/draw.h"
#include "ui/textarea_buf.h"
#include "ui/ui.h"
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
longtext_detail(struct ui *ui, int y, const char *text)
{
	char **lines;
	size_t n, i;

	draw_hline(ui->body, y++, 0, ui->cols);
	lines = longtext_wrap(text, ui->cols - 2, &n);
	for (i = 0; i < n && y < ui->rows; i++)
		ui_put(ui->body, y++, 1, ui->cols - 2, lines[i], STYLE_NORMAL, 0);
	longtext_free(&lines, n);
}
