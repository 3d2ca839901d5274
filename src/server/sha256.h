/*
 * sha256.h - SHA-256 (FIPS 180-4), for storing hashes of credentials.
 */
#ifndef QT_SERVER_SHA256_H
#define QT_SERVER_SHA256_H

#include <stddef.h>

/* Writes the lower-case hex SHA-256 of data into out (65 bytes). */
void	sha256_hex(const void *data, size_t len, char out[65]);

#endif
