/*
 * plan_file.c - a plan's text file, read and understood.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "domain/plan_file.h"
#include "domain/plan_text.h"
#include "domain/textfile.h"
#include "xmalloc.h"

/* A plan's lines are paragraphs: a long one is still a plan. */
#define PLAN_FILE_LINE_MAX	(64 * 1024)

static const struct textfile_kind plan_file_kind = {
	.zip = "tệp Word (.docx) hoặc tệp nén, không phải văn bản thuần: hãy mở "
	    "bằng Word và lưu lại dạng \"Plain Text\" (.txt)",
	.ole = "tệp Word cũ (.doc), không phải văn bản thuần: hãy mở bằng Word "
	    "và lưu lại dạng \"Plain Text\" (.txt)",
	.utf16 = NULL,
	.nul = "tệp không phải văn bản",
	.too_long = "tệp không giống một kế hoạch",
	.line_max = PLAN_FILE_LINE_MAX,
};

char *
plan_file_read(const char *path, const char *encoding, struct plan_text *out,
    char **err)
{
	char *raw, *text;
	size_t len;

	*err = NULL;
	memset(out, 0, sizeof *out);
	if ((raw = textfile_read(path, &len, err)) == NULL)
		return NULL;
	text = len == 0 ? NULL : textfile_decode(&plan_file_kind, raw, len,
	    encoding, err);
	free(raw);
	if (text == NULL) {
		if (*err == NULL)
			*err = xstrdup("tệp rỗng: không có gì để đọc");
		return NULL;
	}
	plan_text_parse(text, out);
	if (out->number == NULL && out->title == NULL && out->nitems == 0) {
		*err = xasprintf("không thấy số, trích yếu hay mục nào của một kế "
		    "hoạch trong tệp %s", path);
		plan_text_clear(out);
		free(text);
		return NULL;
	}
	return text;
}
