/*
 * fuzz_telex.c - the program's own Telex (src/text/telex.c): the input
 * is keys typed into a small field (so a full buffer is met), UTF-8
 * characters as keys, with control bytes 1 and 2 moving the cursor left
 * and right; the field must stay valid UTF-8 and in bounds.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "text/text.h"

#include "fuzz.h"

/* Bytes the field holds, its NUL included: small, so it fills up. */
#define FUZZ_FIELD	48

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char buf[FUZZ_FIELD] = "";
	size_t i = 0, cursor = 0, n, len;
	uint32_t cp;

	while (i < size) {
		n = text_utf8_decode((const char *)data + i, size - i, &cp);
		if (n == 0)
			n = 1, cp = data[i];
		i += n;
		len = strlen(buf);
		if (cp == 1) {
			while (cursor > 0 && (buf[--cursor] & 0xc0) == 0x80)
				;
			continue;
		}
		if (cp == 2) {
			while (cursor < len && (buf[++cursor] & 0xc0) == 0x80)
				;
			continue;
		}
		if (cp < 0x20 || cp == 0x7f)
			continue;
		if (!telex_input(buf, sizeof buf, &cursor, cp)) {
			char enc[4];
			size_t k = text_utf8_encode(cp, enc);

			if (len + k < sizeof buf) {
				memmove(buf + cursor + k, buf + cursor,
				    len - cursor + 1);
				memcpy(buf + cursor, enc, k);
				cursor += k;
			}
		}
		if (cursor > strlen(buf) || !text_utf8_valid(buf, strlen(buf)))
			abort();
	}
	return 0;
}
