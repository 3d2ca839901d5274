/*
 * msg.c - command-line messages that never reach the terminal raw.
 */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "text/text.h"
#include "xmalloc.h"

void
msg_init_locale(void)
{
	const char *codeset;

	/* The characters and the system's messages follow the user; numbers
	 * and dates are written one way whatever the locale. */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	codeset = nl_langinfo(CODESET);
	text_set_ascii_mode(codeset == NULL ||
	    (strcmp(codeset, "UTF-8") != 0 && strcmp(codeset, "utf8") != 0));
}

void
msg_put(FILE *fp, const char *s)
{
	char *safe = text_display(s, TEXT_KEEP_NEWLINES);

	fputs(safe, fp);
	free(safe);
}

static void
msg_vprint(FILE *fp, const char *prefix, const char *fmt, va_list ap)
{
	char *s;

	if (vasprintf(&s, fmt, ap) < 0)
		return;
	fputs(prefix, fp);
	msg_put(fp, s);
	fputc('\n', fp);
	free(s);
}

void
msg_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_vprint(stderr, "quantriet: ", fmt, ap);
	va_end(ap);
}

void
msg_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_vprint(stdout, "", fmt, ap);
	va_end(ap);
}

const char *
msg_strerror(int err)
{
	switch (err) {
	case ENOENT: return "không có tệp hoặc thư mục này";
	case EACCES:
	case EPERM: return "không có quyền (tệp của đơn vị hoặc người dùng khác?)";
	case EISDIR: return "đây là một thư mục, không phải tệp";
	case ENOTDIR: return "một phần của đường dẫn không phải thư mục";
	case ENOSPC: return "đĩa đầy";
	case EDQUOT: return "đã hết hạn mức đĩa của người dùng";
	case EROFS: return "ổ đĩa chỉ đọc";
	case EEXIST: return "tệp đã có";
	case EIO: return "lỗi đọc ghi đĩa";
	case ENAMETOOLONG: return "tên tệp quá dài";
	case EMFILE:
	case ENFILE: return "mở quá nhiều tệp cùng lúc";
	default: return strerror(err);
	}
}
