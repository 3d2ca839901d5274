/*
 * wire.h - the body format of the sync protocol (docs/sync.md).
 *
 * A body is compressed text (zlib up to version 2, zstd from version 3)
 * made of records, one per line:
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
#define WIRE_VERSION		3
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

/* The column names of the last "cols" record a reader met (version 3). */
struct wire_cols {
	int	 n;		/* names; -1: no "cols" yet */
	char	 t[WIRE_MAX_NAME + 1];
	char	 op[4];		/* "put" or "del" */
	char	 name[WIRE_MAX_FIELDS - 2][WIRE_MAX_NAME + 1];
};

struct wire_reader {
	const char	*p;
	const char	*end;
	struct wire_cols cols;
};

/* Starts reading the body [p, p + len). */
void	 wire_reader_init(struct wire_reader *r, const void *p, size_t len);
/*
 * Reads the next record of [r->p, r->end) into *rec. Returns 1, 0 at the
 * end of the body, or -1 on malformed input. Strings in *rec point into
 * the body (or into r), which must outlive them. A "cols" record is
 * kept in r and not returned; each "r" record after it is returned as
 * the "row" record it stands for (docs/sync.md, "Rows without their
 * column names"), a "base" of null left out.
 */
int	 wire_next(struct wire_reader *r, struct wire_record *rec);
/* Appends rec as a record of its own (an "r" written out as its "row"). */
void	 wire_put_record(struct buf *b, const struct wire_record *rec);
/* Appends " NAME VALUE" of f; " VALUE" of v (an "r" record's). */
void	 wire_put_field(struct buf *b, const struct wire_field *f);
void	 wire_put_value(struct buf *b, const struct wire_value *v);
/* The field NAME of rec, or NULL. */
const struct wire_value *wire_get(const struct wire_record *rec, const char *name);
/* *out = integer field NAME; -1 if absent or not an integer. */
int	 wire_get_int(const struct wire_record *rec, const char *name, int64_t *out);
/* Newly allocated copy of text field NAME, or NULL if absent or not text. */
char	*wire_get_str(const struct wire_record *rec, const char *name);
/* 1 if text field NAME equals s. */
int	 wire_is(const struct wire_record *rec, const char *name, const char *s);

/* Compresses in into out (zlib format: versions 1 and 2, enrolment). */
void	 wire_deflate(const void *in, size_t len, struct buf *out);
/* The zstd level of version 3 bodies (docs/sync.md, "Costs"). */
#define WIRE_ZSTD_LEVEL		19
/* Compresses in into out as one zstd frame (version 3). */
void	 wire_zstd(const void *in, size_t len, struct buf *out);
/* 1 if the compressed body starts as a zstd frame. */
int	 wire_is_zstd(const void *in, size_t len);

/*
 * Counts what records compress to as they are added (zstd, as sent),
 * to cut a batch at a size: flushed every WIRE_METER_EVERY records, so
 * wire_meter_bytes() is a little above the body's.
 */
#define WIRE_METER_EVERY	32
struct wire_meter;
struct wire_meter *wire_meter_new(void);
void	 wire_meter_add(struct wire_meter *m, const void *p, size_t len);
size_t	 wire_meter_bytes(const struct wire_meter *m);
void	 wire_meter_free(struct wire_meter **pm);

/*
 * Inflates in (zlib, or zstd frames one after the other) into out; -1 if
 * corrupt or if it would reach limit bytes (WIRE_MAX_PLAIN, or less
 * where less is expected), which out never holds, so a small compressed
 * bomb costs at most limit.
 */
int	 wire_inflate(const void *in, size_t len, struct buf *out,
	    size_t limit);

#endif
