/*
 * sha256.h - SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104): hashes of
 * device credentials (the server stores only those) and the signature
 * of a bundle carried by hand (src/sync/bundle.c).
 */
#ifndef QT_SYNC_SHA256_H
#define QT_SYNC_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN	32

/* A hash being computed: sha256_init, sha256_add..., sha256_done. */
struct sha256 {
	uint32_t	h[8];
	unsigned char	block[64];
	size_t		used;		/* bytes in block */
	uint64_t	total;		/* bytes added */
};

void	sha256_init(struct sha256 *s);
void	sha256_add(struct sha256 *s, const void *data, size_t len);
void	sha256_done(struct sha256 *s, unsigned char out[SHA256_LEN]);
/* Writes the lower-case hex SHA-256 of data into out (65 bytes). */
void	sha256_hex(const void *data, size_t len, char out[65]);
/* The lower-case hex of HMAC-SHA256(key, data) into out (65 bytes). */
void	sha256_hmac_hex(const void *key, size_t keylen, const void *data,
	    size_t len, char out[65]);

#endif
