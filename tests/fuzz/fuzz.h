/*
 * fuzz.h - the entry point every fuzz target defines (libFuzzer's), and
 * what the targets share.
 *
 * Each tests/fuzz/fuzz_NAME.c is linked two ways: with libFuzzer's main
 * by `make fuzz` (clang -fsanitize=fuzzer), and with replay.c's main by
 * `make check`, which feeds it every file kept in tests/fuzz/NAME/ (the
 * corpus and every crash found), so a bug found once stays found.
 */
#ifndef QT_FUZZ_H
#define QT_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* data as a NUL-terminated string (a NUL inside ends it); caller frees. */
char	*fuzz_string(const uint8_t *data, size_t size);

#endif
