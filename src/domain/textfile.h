/*
 * textfile.h - reading a text file a clerk saved from another program.
 *
 * Member lists come from spreadsheets, plans from word processors; both
 * may be in UTF-8, in the Windows-1258 or TCVN3 (ABC) encodings of older
 * Vietnamese software, or in UTF-16 ("Unicode text"). Each import says
 * what it accepts and how to tell a clerk to save the file again; the
 * checks (not text at all, bad bytes, stray CRs and byte-order marks, an
 * overlong line) are the same for all, and each names its line.
 */
#ifndef QT_TEXTFILE_H
#define QT_TEXTFILE_H

#include <stddef.h>

struct textfile_kind {
	const char	*zip;		/* why a ZIP file (.xlsx, .docx) is refused */
	const char	*ole;		/* why an old Office file (.xls, .doc) is */
	const char	*utf16;		/* why UTF-16 is refused; NULL: it is read */
	const char	*nul;		/* what a NUL byte shows the file is not */
	const char	*too_long;	/* what a line over line_max shows */
	size_t		 line_max;	/* bytes in one line */
};

/*
 * All of path (at most 16 MiB), NUL-terminated, newly allocated; NULL
 * with *err set (Vietnamese, caller frees) on failure.
 */
char		*textfile_read(const char *path, size_t *len, char **err);

/*
 * The iconv name of an encoding as --encoding takes it ("utf-8",
 * "cp1258", "tcvn"); other names pass through.
 */
const char	*textfile_encoding(const char *name);

/*
 * raw's len bytes as checked UTF-8 (newly allocated; a leading UTF-8
 * byte-order mark kept), or NULL with *err naming the first line that is
 * not text (caller frees). encoding NULL detects: UTF-16 by its
 * byte-order mark (when kind accepts it), UTF-8 when the bytes are valid
 * UTF-8, else TCVN3 or Windows-1258 by which of their letters the bytes
 * hold.
 */
char		*textfile_decode(const struct textfile_kind *kind, const char *raw,
		    size_t len, const char *encoding, char **err);

#endif
