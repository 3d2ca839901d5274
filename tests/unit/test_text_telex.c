/*
 * test_text_telex.c - Telex input as a line editor drives it: each key is
 * offered to telex_input(), and inserted literally when it declines.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "text/text.h"
#include "tap.h"

static char	line[256];
static size_t	cursor;

/* What the line editor does with one key. */
static void
press(uint32_t key)
{
	size_t	len = strlen(line);

	if (telex_input(line, sizeof line, &cursor, key))
		return;
	if (len + 2 > sizeof line)
		return;
	memmove(line + cursor + 1, line + cursor, len - cursor + 1);
	line[cursor++] = (char)key;
}

/* Types keys into an empty line and returns the line. */
static const char *
type(const char *keys)
{
	line[0] = '\0';
	cursor = 0;
	for (; *keys != '\0'; keys++)
		press((unsigned char)*keys);
	return line;
}

#define TYPE(keys, want) tap_is_str(type(keys), (want), "telex " keys)

int
main(void)
{
	char	word[16];
	char	small[4];
	size_t	c;

	/* Vowel marks and đ. */
	TYPE("aa", "\xc3\xa2");
	TYPE("aw", "\xc4\x83");
	TYPE("ee", "\xc3\xaa");
	TYPE("oo", "\xc3\xb4");
	TYPE("ow", "\xc6\xa1");
	TYPE("uw", "\xc6\xb0");
	TYPE("w", "\xc6\xb0");
	TYPE("dd", "\xc4\x91");
	TYPE("tw", "t\xc6\xb0");
	TYPE("aaw", "\xc4\x83");	/* â then w: ă */

	/* Tones. */
	TYPE("as", "\xc3\xa1");
	TYPE("af", "\xc3\xa0");
	TYPE("ar", "\xe1\xba\xa3");
	TYPE("ax", "\xc3\xa3");
	TYPE("aj", "\xe1\xba\xa1");
	TYPE("asf", "\xc3\xa0");	/* a new tone replaces the old */
	TYPE("asz", "a");
	TYPE("az", "az");

	/* Undo by repeating, then literal. */
	TYPE("ass", "as");
	TYPE("asss", "ass");
	TYPE("aaa", "aa");
	TYPE("ddd", "dd");
	TYPE("dddd", "ddd");
	TYPE("ww", "w");
	TYPE("www", "ww");
	TYPE("ooo", "oo");
	TYPE("aww", "aw");

	/* Words the brief names, and tone placement. */
	TYPE("quyeets", "quy\xe1\xba\xbft");
	TYPE("quyeste", "quy\xe1\xba\xbft");
	TYPE("nguwowif", "ng\xc6\xb0\xe1\xbb\x9di");
	TYPE("nguoiwf", "ng\xc6\xb0\xe1\xbb\x9di");
	TYPE("nguowfi", "ng\xc6\xb0\xe1\xbb\x9di");
	TYPE("Nguyeenx", "Nguy\xe1\xbb\x85n");
	TYPE("Nguyeexn", "Nguy\xe1\xbb\x85n");
	TYPE("Nguyenxe", "Nguy\xe1\xbb\x85n");
	TYPE("thuowr", "thu\xe1\xbb\x9f");
	TYPE("thuowrng", "th\xc6\xb0\xe1\xbb\x9fng");
	TYPE("huow", "hu\xc6\xa1");		/* open: huơ */
	TYPE("muwoif", "m\xc6\xb0\xe1\xbb\x9di");	/* ưo + i: mười */
	TYPE("chuwowngw", "chuongw");		/* w again undoes ươ */
	TYPE("giuwx", "gi\xe1\xbb\xaf");
	TYPE("giwx", "gi\xe1\xbb\xaf");
	TYPE("gif", "g\xc3\xac");
	TYPE("giaf", "gi\xc3\xa0");
	TYPE("quys", "qu\xc3\xbd");
	TYPE("hoaf", "h\xc3\xb2" "a");		/* traditional: hòa */
	TYPE("hoafn", "ho\xc3\xa0n");		/* final: hoàn */
	TYPE("hoanf", "ho\xc3\xa0n");
	TYPE("khoer", "kh\xe1\xbb\x8f" "e");	/* khỏe */
	TYPE("thuyr", "th\xe1\xbb\xa7y");	/* thủy */
	TYPE("ngoaif", "ngo\xc3\xa0i");
	TYPE("khuyur", "khu\xe1\xbb\xb7u");	/* khuỷu */
	TYPE("truowngf", "tr\xc6\xb0\xe1\xbb\x9dng");
	TYPE("dduwowngf", "\xc4\x91\xc6\xb0\xe1\xbb\x9dng");
	TYPE("tieengs", "ti\xe1\xba\xbfng");
	TYPE("muwa", "m\xc6\xb0" "a");
	TYPE("cuwus", "c\xe1\xbb\xa9u");
	TYPE("hoawcj", "ho\xe1\xba\xb7" "c");	/* hoặc */
	TYPE("tuaan", "tu\xc3\xa2n");
	TYPE("tuana", "tu\xc3\xa2n");
	TYPE("did", "\xc4\x91i");
	TYPE("ddi", "\xc4\x91i");
	TYPE("dddi", "ddi");

	/* Capitals. */
	TYPE("DD", "\xc4\x90");
	TYPE("Dd", "\xc4\x90");
	TYPE("dD", "\xc4\x91");
	TYPE("AS", "\xc3\x81");
	TYPE("ASS", "AS");
	TYPE("W", "\xc6\xaf");
	TYPE("VAWN", "V\xc4\x82N");
	TYPE("NGUYEENX", "NGUY\xe1\xbb\x84N");
	TYPE("DDaij", "\xc4\x90\xe1\xba\xa1i");
	TYPE("Nghij quyeets Ddaij hooij",
	    "Ngh\xe1\xbb\x8b quy\xe1\xba\xbft \xc4\x90\xe1\xba\xa1i "
	    "h\xe1\xbb\x99i");

	/* Not Vietnamese: left alone. */
	TYPE("free", "free");
	TYPE("zoo", "zoo");
	TYPE("x1s", "x1s");
	TYPE("as.", "\xc3\xa1.");
	TYPE("abcs", "abcs");

	/* Editing in the middle of a line. */
	strcpy(line, "xa yz");
	cursor = 2;
	tap_ok(telex_input(line, sizeof line, &cursor, 's'), "middle: consumed");
	tap_is_str(line, "x\xc3\xa1 yz", "middle: word before the cursor");
	tap_is_int(cursor, 3, "middle: cursor after the word");
	cursor = strlen(line);
	press('w');
	tap_is_str(line, "x\xc3\xa1 yzw", "middle: yz is not a syllable");

	/* Keys that are not letters, and a full buffer. */
	strcpy(line, "a");
	cursor = 1;
	tap_ok(!telex_input(line, sizeof line, &cursor, ' '), "space declined");
	tap_ok(!telex_input(line, sizeof line, &cursor, 0x1EA1), "non-ASCII key "
	    "declined");
	strcpy(small, "aa");
	c = 2;
	tap_ok(!telex_input(small, sizeof small, &c, 's'),
	    "declined when the result would not fit");
	tap_is_str(small, "aa", "full buffer unchanged");
	tap_is_int(c, 2, "full buffer cursor unchanged");

	/* The bare-word call. */
	strcpy(word, "vie");
	tap_ok(telex_feed(word, sizeof word, 'e'), "feed consumed");
	tap_is_str(word, "vi\xc3\xaa", "feed: viê");
	tap_ok(!telex_feed(word, sizeof word, 't'), "feed: plain letter "
	    "declined");
	tap_is_str(word, "vi\xc3\xaa", "feed: word unchanged when declined");

	return tap_done();
}
