/*
 * test_sha256.c - SHA-256 against FIPS 180-4 test vectors, HMAC-SHA256
 * against RFC 4231's (the signature of a bundle).
 *
 * Device credentials are stored only as this hash; a wrong hash would lock
 * every commune out, so the known answers are checked here.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sync/sha256.h"
#include "tap.h"

static void
check(const char *input, size_t len, const char *want, const char *name)
{
	char got[65];

	sha256_hex(input, len, got);
	tap_is_str(got, want, name);
}

static void
check_hmac(const char *key, size_t keylen, const char *data, const char *want,
    const char *name)
{
	char got[65];

	sha256_hmac_hex(key, keylen, data, strlen(data), got);
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
	check_hmac("\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b"
	    "\x0b\x0b\x0b\x0b\x0b\x0b", 20, "Hi There",
	    "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
	    "HMAC: RFC 4231 case 1");
	check_hmac("Jefe", 4, "what do ya want for nothing?",
	    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
	    "HMAC: RFC 4231 case 2");
	{
		char key[131];

		memset(key, 0xaa, sizeof key);
		check_hmac(key, sizeof key, "Test Using Larger Than Block-Size "
		    "Key - Hash Key First",
		    "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
		    "HMAC: RFC 4231 case 6, a key longer than a block");
	}
	return tap_done();
}
