/*
 * bundle.h - a sync carried by hand (docs/sync.md, "Bundles"): the file
 * format shared by quantriet and quantriet-server.
 *
 * A bundle is the wire format (wire.h) uncompressed as a whole:
 *
 *	qtbundle v 1 kind KIND unit UNIT made SECONDS parts N [more fields]
 *	part z BODY			(N times)
 *	mac hmac HEX
 *
 * KIND is "request" (a device's version 3 /v1/sync request bodies, one a
 * part) or "reply" (the server's replies to them, then the pull pages
 * still due). Each BODY is a part compressed as on the network (zstd).
 * HEX is HMAC-SHA256 over every byte before the "mac" record, keyed with
 * the device's credential hash (sha256 hex of the token, which is what
 * the server stores): a byte altered or cut off anywhere is refused.
 */
#ifndef QT_SYNC_BUNDLE_H
#define QT_SYNC_BUNDLE_H

#include <stdint.h>

#include "sync/wire.h"

#define BUNDLE_VERSION		1
/* A bundle's file at most: weeks of a commune's work fit many times. */
#define BUNDLE_MAX_FILE		(256 * 1024 * 1024)
/* Parts at most (a part holds about 32 KiB compressed). */
#define BUNDLE_MAX_PARTS	65536

/* A bundle read back: its header and the parts, inflated. */
struct bundle {
	struct wire_record	 hdr;		/* the "qtbundle" record */
	int64_t			 unit;
	int			 nparts;
	const char		**z;		/* compressed parts, in the file */
	size_t			*zlen;
	struct buf		*part;		/* plain, once bundle_inflate */
	size_t			 signed_len;	/* bytes the mac covers */
	char			 mac[65];
};

/*
 * Starts a bundle in out: its header record, which the caller may extend
 * with fields (wire_int...) and then ends with wire_end.
 */
void	 bundle_begin(struct buf *out, const char *kind, int64_t unit,
	    int nparts);
/* Appends a part: plain compressed as on the network. */
void	 bundle_add(struct buf *out, const struct buf *plain);
/* Ends the bundle with its mac, keyed with key (the hex credential hash). */
void	 bundle_sign(struct buf *out, const char *key);

/*
 * Reads the bundle in data (which must outlive *b: the header and the
 * parts point into it) of kind want, without checking the mac and
 * before inflating anything. 0, or -1 with *err
 * (Vietnamese, caller frees) if it is not a bundle, of another kind or
 * version, cut short or damaged. Free with bundle_free.
 */
int	 bundle_parse(const void *data, size_t len, const char *want,
	    struct bundle *b, char **err);
/* 1 if the mac of b (read from data) is right for key. */
int	 bundle_verify(const struct bundle *b, const void *data, const char *key);
/*
 * Inflates the parts of a verified bundle into b->part; -1 with *err if
 * one does not inflate (a bundle made by a faulty program).
 */
int	 bundle_inflate(struct bundle *b, char **err);
void	 bundle_free(struct bundle *b);

/* Reads the file at path into out; -1 with *err (Vietnamese, caller frees). */
int	 bundle_read_file(const char *path, struct buf *out, char **err);
/* Writes b to path (atomically, mode 0600); -1 with *err. */
int	 bundle_write_file(const char *path, const struct buf *b, char **err);

#endif
