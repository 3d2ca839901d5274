/*
 * embedded_find.c - looking up a data/ file compiled into the program.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "embedded.h"

const char *
embedded_find(const char *name)
{
	const struct embedded_file *f;

	for (f = embedded_files; f->name != NULL; f++)
		if (strcmp(f->name, name) == 0)
			return f->text;
	return NULL;
}
