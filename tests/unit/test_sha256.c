/*
 * test_sha256.c - the server's SHA-256 against FIPS 180-4 test vectors.
 *
 * Device credentials are stored only as this hash; a wrong hash would lock
 * every commune out, so the known answers are checked here.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "server/sha256.h"
#include "tap.h"

static void
check(const char *input, size_t len, const char *want, const char *name)
{
	char got[65];

	sha256_hex(input, len, got);
	tap_is_str(got, want, name);
}

int
main(void)
{
	char *million = malloc(1000000);

	check("", 0,
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
	    "empty message");
	check("abc", 3,
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
	    "one block: abc");
	check("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
	    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
	    "448 bits: padding spills into a second block");
	memset(million, 'a', 1000000);
	check(million, 1000000,
	    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
	    "one million 'a'");
	free(million);
	return tap_done();
}
