/*
 * paper.c - building a printed form's block list (paper.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/paper.h"
#include "text/text.h"
#include "xmalloc.h"

static char *
paper_dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

char *
paper_safe(const char *s)
{
	return text_display(s, TEXT_KEEP_NEWLINES | TEXT_UTF8);
}

struct paper_block *
paper_add(struct paper *f, enum paper_kind kind, const char *label,
    const char *text, const char *note)
{
	struct paper_block *b;

	f->blocks = xrealloc(f->blocks, (f->nblocks + 1) * sizeof *f->blocks);
	b = &f->blocks[f->nblocks++];
	b->kind = kind;
	b->label = paper_dup(label);
	b->text = xstrdup(text != NULL ? text : "");
	b->note = paper_dup(note);
	return b;
}

void
paper_add_recipient(struct paper *f, const char *line)
{
	f->recipients = xrealloc(f->recipients,
	    (f->nrecipients + 1) * sizeof *f->recipients);
	f->recipients[f->nrecipients++] = xstrdup(line);
}

void
paper_clear(struct paper *f)
{
	size_t i;

	for (i = 0; i < f->nblocks; i++) {
		free(f->blocks[i].label);
		free(f->blocks[i].text);
		free(f->blocks[i].note);
	}
	for (i = 0; i < f->nrecipients; i++)
		free(f->recipients[i]);
	free(f->blocks);
	free(f->recipients);
	free(f->above);
	free(f->issuer);
	free(f->number);
	free(f->place_date);
	free(f->sign_for);
	free(f->sign_title);
	free(f->signer);
	memset(f, 0, sizeof *f);
}
