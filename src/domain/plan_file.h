/*
 * plan_file.h - a plan's text file, read and understood: what both the
 * command line (quantriet import plan) and the interface's review form
 * start from.
 */
#ifndef QT_PLAN_FILE_H
#define QT_PLAN_FILE_H

struct plan_text;

/*
 * Reads path in encoding (an iconv name, or NULL to detect it: see
 * textfile.h) and fills *out (plan_text_parse). Returns the text as
 * UTF-8, newly allocated, so the lines fields came from can be shown;
 * NULL with *err set (Vietnamese, caller frees) when the file cannot be
 * read, is not text, or holds nothing of a plan.
 */
char	*plan_file_read(const char *path, const char *encoding,
	    struct plan_text *out, char **err);

#endif
