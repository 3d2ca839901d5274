/*
 * wire.h - the body format of the sync protocol (docs/sync.md).
 *
 * A body is zlib-compressed text made of records, one per line:
 *
 *	WORD SP NAME SP VALUE (SP NAME SP VALUE)* LF
 *
 * where a VALUE is "n" (null), "i" followed by a decimal integer, or "s"
 * followed by a byte length, ":" and that many bytes (which may hold any
 * byte, newlines included). The parser is strict: anything else, or any
 * limit exceeded, is an error, never a guess.
 */
#ifndef QT_SYNC_WIRE_H
#define QT_SYNC_WIRE_H

#include <stddef.h>
#include <stdint.h>

/* This program's protocol version; a server answers WIRE_VERSION_MIN on. */
#define WIRE_VERSION		2
#define WIRE_VERSION_MIN	1
#define WIRE_MAX_NAME		32		/* bytes in a WORD or NAME */
#define WIRE_MAX_FIELDS		48		/* fields in one record */
#define WIRE_MAX_TEXT		(256 * 1024)	/* bytes in one string */
#define WIRE_MAX_BODY		(4 * 1024 * 1024)	/* compressed body */
#define WIRE_MAX_PLAIN		(32 * 1024 * 1024)	/* inflated body */

/* A growing byte buffer; zero-initialise, release with buf_free(). */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 buf_add(struct buf *b, const void *p, size_t n);
void	 buf_str(struct buf *b, const char *s);
void	 buf_free(struct buf *b);

enum wire_kind { WIRE_NULL, WIRE_INT, WIRE_TEXT };

struct wire_value {
	enum wire_kind	 kind;
	int64_t		 i;
	const char	*s;	/* into the parsed body; not NUL-terminated */
	size_t		 len;
};

struct wire_field {
	char			name[WIRE_MAX_NAME + 1];
	struct wire_value	v;
};

struct wire_record {
	char			word[WIRE_MAX_NAME + 1];
	int			nfields;
	struct wire_field	f[WIRE_MAX_FIELDS];
};

/* Writers: start a record with WORD, add fields, end it with wire_end. */
void	 wire_begin(struct buf *b, const char *word);
void	 wire_int(struct buf *b, const char *name, int64_t v);
void	 wire_text(struct buf *b, const char *name, const char *s, size_t len);
void	 wire_str(struct buf *b, const char *name, const char *s);
void	 wire_null(struct buf *b, const char *name);
void	 wire_end(struct buf *b);

struct wire_reader {
	const char	*p;
	const char	*end;
};

/*
 * Reads the next record of [r->p, r->end) into *rec. Returns 1, 0 at the
 * end of the body, or -1 on malformed input. Strings in *rec point into
 * the body, which must outlive them.
 */
int	 wire_next(struct wire_reader *r, struct wire_record *rec);
/* The field NAME of rec, or NULL. */
const struct wire_value *wire_get(const struct wire_record *rec, const char *name);
/* *out = integer field NAME; -1 if absent or not an integer. */
int	 wire_get_int(const struct wire_record *rec, const char *name, int64_t *out);
/* Newly allocated copy of text field NAME, or NULL if absent or not text. */
char	*wire_get_str(const struct wire_record *rec, const char *name);
/* 1 if text field NAME equals s. */
int	 wire_is(const struct wire_record *rec, const char *name, const char *s);

/* Compresses in into out (zlib format). */
void	 wire_deflate(const void *in, size_t len, struct buf *out);
/*
 * Inflates in into out; -1 if corrupt or if it would reach limit bytes
 * (WIRE_MAX_PLAIN, or less where less is expected), which out never
 * holds, so a small compressed bomb costs at most limit.
 */
int	 wire_inflate(const void *in, size_t len, struct buf *out,
	    size_t limit);

#endif
