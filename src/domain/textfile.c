/*
 * textfile.c - a clerk's text file read, checked and turned into UTF-8.
 *
 * iconv does the converting; text_nfc() is left to the caller, which
 * composes the tone marks Windows-1258 keeps apart. Every refusal names
 * the first line at fault, since the clerk fixes the file in an editor.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "domain/textfile.h"
#include "msg.h"
#include "text/text.h"
#include "xmalloc.h"

#define TEXTFILE_MAX_BYTES	(16 * 1024 * 1024)

char *
textfile_read(const char *path, size_t *len, char **err)
{
	FILE *fp = fopen(path, "rb");
	char *buf;

	if (fp == NULL) {
		*err = xasprintf("Không mở được tệp %s: %s", path, msg_strerror(errno));
		return NULL;
	}
	buf = xmalloc(TEXTFILE_MAX_BYTES + 1);
	*len = fread(buf, 1, TEXTFILE_MAX_BYTES + 1, fp);
	if (ferror(fp) || *len > TEXTFILE_MAX_BYTES) {
		*err = ferror(fp) ? xasprintf("Lỗi đọc tệp %s", path) :
		    xasprintf("Tệp %s quá lớn (tối đa 16 MiB)", path);
		fclose(fp);
		free(buf);
		return NULL;
	}
	fclose(fp);
	buf[*len] = '\0';
	return buf;
}

const char *
textfile_encoding(const char *name)
{
	if (strcasecmp(name, "tcvn") == 0 || strcasecmp(name, "tcvn3") == 0)
		return "TCVN5712-1";
	if (strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0)
		return "UTF-8";
	if (strcasecmp(name, "utf-16") == 0)
		return "UTF-16";
	if (strcasecmp(name, "cp1258") == 0 || strcasecmp(name, "windows-1258") == 0)
		return "CP1258";
	return name;
}

/* The line number (from 1) of byte offset off in s. */
static int
textfile_line_of(const char *s, size_t off)
{
	int line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		line += s[i] == '\n';
	return line;
}

static int
textfile_is_utf16(const char *s, size_t len)
{
	return len >= 2 && (memcmp(s, "\377\376", 2) == 0 ||
	    memcmp(s, "\376\377", 2) == 0);
}

/*
 * What makes a file not text at all, before any encoding is applied: a
 * ZIP (.xlsx, .docx) or OLE (.xls, .doc) file, UTF-16 where it is not
 * read, or a NUL byte, which no text holds and which would end it early.
 * NULL when none, else why (caller frees).
 */
static char *
textfile_not_text(const struct textfile_kind *kind, const char *s, size_t len,
    int utf16)
{
	const char *nul;

	if (len >= 4 && memcmp(s, "PK\003\004", 4) == 0)
		return xasprintf("dòng 1: %s", kind->zip);
	if (len >= 4 && memcmp(s, "\320\317\021\340", 4) == 0)
		return xasprintf("dòng 1: %s", kind->ole);
	if (utf16)
		return NULL;
	if (textfile_is_utf16(s, len))
		return xasprintf("dòng 1: %s", kind->utf16);
	if ((nul = memchr(s, '\0', len)) != NULL)
		return xasprintf("dòng %d: có byte NUL (số 0), %s",
		    textfile_line_of(s, (size_t)(nul - s)), kind->nul);
	return NULL;
}

/*
 * What would make the converted text read wrong: a CR not followed by LF
 * (old Macintosh line ends: the lines would run together), a byte-order
 * mark after the start (two files joined), a line longer than
 * kind->line_max. NULL when none, else the first with its line number.
 */
static char *
textfile_bad_bytes(const struct textfile_kind *kind, const char *s, size_t len)
{
	size_t i, start = 0;
	int line = 1;

	for (i = 0; i < len; i++) {
		if (s[i] == '\r' && i + 1 < len && s[i + 1] != '\n')
			return xasprintf("dòng %d: có ký tự CR đứng một mình (kiểu "
			    "xuống dòng của máy Mac cũ); hãy lưu lại tệp với "
			    "kiểu xuống dòng Windows (CRLF) hoặc Unix (LF)", line);
		if (i > 0 && len - i >= 3 && memcmp(s + i, "\357\273\277", 3) == 0)
			return xasprintf("dòng %d: có dấu BOM (U+FEFF) giữa tệp, "
			    "có lẽ hai tệp bị nối vào nhau; hãy xóa nó", line);
		if (i - start >= kind->line_max && s[i] != '\n' && s[i] != '\r')
			return xasprintf("dòng %d: dài hơn %zu byte, %s", line,
			    kind->line_max, kind->too_long);
		if (s[i] == '\n') {
			line++;
			start = i + 1;
		}
	}
	return NULL;
}

/*
 * in converted from encoding to UTF-8 (newly allocated, *out_len bytes
 * before its terminating NUL), or NULL with *err saying where the file
 * stops making sense.
 */
static char *
textfile_convert(const char *in, size_t len, const char *encoding,
    size_t *out_len, char **err)
{
	iconv_t cd = iconv_open("UTF-8", encoding);
	size_t cap = len * 4 + 16, left_in = len, left_out = cap;
	char *out, *src = (char *)in, *dst;

	if (cd == (iconv_t)-1) {
		*err = xasprintf("Không biết bảng mã '%s' (dùng utf-8, cp1258 "
		    "hoặc tcvn)", encoding);
		return NULL;
	}
	out = dst = xmalloc(cap);
	if (iconv(cd, &src, &left_in, &dst, &left_out) == (size_t)-1) {
		*err = errno == EINVAL ? xstrdup("Tệp bị cắt cụt: ký tự cuối "
		    "cùng không trọn vẹn") : xasprintf("dòng %d: có byte không "
		    "thuộc bảng mã %s", textfile_line_of(in, (size_t)(src - in)),
		    encoding);
		iconv_close(cd);
		free(out);
		return NULL;
	}
	iconv_close(cd);
	*dst = '\0';
	*out_len = (size_t)(dst - out);
	return out;
}

/*
 * Which encoding s, not valid UTF-8, is in. TCVN3 puts its lower-case letters with
 * marks (đ ư ơ â ê ô ă, à á ả…) at 0xA1-0xBF, where Windows-1258 has
 * rare symbols; Windows-1258 writes tone marks as combining characters
 * (0xCC 0xEC 0xD2 0xDE 0xF2), which in TCVN3 are rarer capitals-to-be.
 */
static const char *
textfile_guess(const char *s, size_t len)
{
	size_t i, tcvn = 0, cp1258 = 0, utf8 = 0, bad = 0, n;
	uint32_t cp;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		tcvn += c >= 0xa1 && c <= 0xbf;
		cp1258 += c == 0xcc || c == 0xec || c == 0xd2 || c == 0xde ||
		    c == 0xf2;
	}
	/* Mostly UTF-8 with a few bad bytes: UTF-8 damaged, said by line. */
	for (i = 0; i < len; i += n) {
		n = text_utf8_decode(s + i, len - i, &cp);
		utf8 += n > 1 && cp != 0xfffd;
		bad += cp == 0xfffd;
	}
	if (utf8 > bad)
		return "UTF-8";
	return tcvn > cp1258 ? "TCVN5712-1" : "CP1258";
}

char *
textfile_decode(const struct textfile_kind *kind, const char *raw, size_t len,
    const char *encoding, char **err)
{
	int utf16 = kind->utf16 == NULL && textfile_is_utf16(raw, len);
	char *text;
	size_t n;

	if ((*err = textfile_not_text(kind, raw, len, utf16)) != NULL)
		return NULL;
	if (encoding == NULL)
		encoding = utf16 ? "UTF-16" : text_utf8_valid(raw, len) ?
		    "UTF-8" : textfile_guess(raw, len);
	if ((text = textfile_convert(raw, len, encoding, &n, err)) == NULL) {
		if (strcasecmp(encoding, "utf-8") == 0) {
			char *hint = xasprintf("%s; nếu tệp lưu bằng Excel cũ, "
			    "thử --encoding cp1258", *err);

			free(*err);
			*err = hint;
		}
		return NULL;
	}
	if (memchr(text, '\0', n) != NULL) {
		*err = xasprintf("dòng %d: có byte NUL (số 0), %s",
		    textfile_line_of(text, strlen(text)), kind->nul);
		x_free(&text);
	} else if ((*err = textfile_bad_bytes(kind, text, n)) != NULL)
		x_free(&text);
	return text;
}
