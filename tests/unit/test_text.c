/*
 * test_text.c - unit tests of src/text: UTF-8, NFC, widths, folding, the
 * display sanitiser, text_fit and name checks, and a deterministic fuzz
 * loop over the display path.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "tap.h"

/*
 * The 134 Vietnamese letters in NFC, in NFD, and their base letters, as
 * printed by `contrib/gen-vntable.py --test-vectors` (Python's unicodedata,
 * not the C code under test).
 */
static const char VN_NFC[] =
	"\303\200\303\201\303\202\303\203\303\210\303\211\303\212\303\214"
	"\303\215\303\222\303\223\303\224\303\225\303\231\303\232\303\235"
	"\303\240\303\241\303\242\303\243\303\250\303\251\303\252\303\254"
	"\303\255\303\262\303\263\303\264\303\265\303\271\303\272\303\275"
	"\304\202\304\203\304\220\304\221\304\250\304\251\305\250\305\251"
	"\306\240\306\241\306\257\306\260\341\272\240\341\272\241\341\272\242\341\272\243"
	"\341\272\244\341\272\245\341\272\246\341\272\247\341\272\250\341\272\251\341\272\252\341\272\253"
	"\341\272\254\341\272\255\341\272\256\341\272\257\341\272\260\341\272\261\341\272\262\341\272\263"
	"\341\272\264\341\272\265\341\272\266\341\272\267\341\272\270\341\272\271\341\272\272\341\272\273"
	"\341\272\274\341\272\275\341\272\276\341\272\277\341\273\200\341\273\201\341\273\202\341\273\203"
	"\341\273\204\341\273\205\341\273\206\341\273\207\341\273\210\341\273\211\341\273\212\341\273\213"
	"\341\273\214\341\273\215\341\273\216\341\273\217\341\273\220\341\273\221\341\273\222\341\273\223"
	"\341\273\224\341\273\225\341\273\226\341\273\227\341\273\230\341\273\231\341\273\232\341\273\233"
	"\341\273\234\341\273\235\341\273\236\341\273\237\341\273\240\341\273\241\341\273\242\341\273\243"
	"\341\273\244\341\273\245\341\273\246\341\273\247\341\273\250\341\273\251\341\273\252\341\273\253"
	"\341\273\254\341\273\255\341\273\256\341\273\257\341\273\260\341\273\261\341\273\262\341\273\263"
	"\341\273\264\341\273\265\341\273\266\341\273\267\341\273\270\341\273\271"
	;
static const char VN_NFD[] =
	"A\314\200A\314\201A\314\202A\314\203"
	"E\314\200E\314\201E\314\202I\314\200"
	"I\314\201O\314\200O\314\201O\314\202"
	"O\314\203U\314\200U\314\201Y\314\201"
	"a\314\200a\314\201a\314\202a\314\203"
	"e\314\200e\314\201e\314\202i\314\200"
	"i\314\201o\314\200o\314\201o\314\202"
	"o\314\203u\314\200u\314\201y\314\201"
	"A\314\206a\314\206\304\220\304\221I\314\203"
	"i\314\203U\314\203u\314\203O\314\233"
	"o\314\233U\314\233u\314\233A\314\243"
	"a\314\243A\314\211a\314\211A\314\202"
	"\314\201a\314\202\314\201A\314\202\314\200a"
	"\314\202\314\200A\314\202\314\211a\314\202\314\211"
	"A\314\202\314\203a\314\202\314\203A\314\243"
	"\314\202a\314\243\314\202A\314\206\314\201a"
	"\314\206\314\201A\314\206\314\200a\314\206\314\200"
	"A\314\206\314\211a\314\206\314\211A\314\206"
	"\314\203a\314\206\314\203A\314\243\314\206a"
	"\314\243\314\206E\314\243e\314\243E\314\211"
	"e\314\211E\314\203e\314\203E\314\202"
	"\314\201e\314\202\314\201E\314\202\314\200e"
	"\314\202\314\200E\314\202\314\211e\314\202\314\211"
	"E\314\202\314\203e\314\202\314\203E\314\243"
	"\314\202e\314\243\314\202I\314\211i\314\211"
	"I\314\243i\314\243O\314\243o\314\243"
	"O\314\211o\314\211O\314\202\314\201o"
	"\314\202\314\201O\314\202\314\200o\314\202\314\200"
	"O\314\202\314\211o\314\202\314\211O\314\202"
	"\314\203o\314\202\314\203O\314\243\314\202o"
	"\314\243\314\202O\314\233\314\201o\314\233\314\201"
	"O\314\233\314\200o\314\233\314\200O\314\233"
	"\314\211o\314\233\314\211O\314\233\314\203o"
	"\314\233\314\203O\314\233\314\243o\314\233\314\243"
	"U\314\243u\314\243U\314\211u\314\211"
	"U\314\233\314\201u\314\233\314\201U\314\233"
	"\314\200u\314\233\314\200U\314\233\314\211u"
	"\314\233\314\211U\314\233\314\203u\314\233\314\203"
	"U\314\233\314\243u\314\233\314\243Y\314\200"
	"y\314\200Y\314\243y\314\243Y\314\211"
	"y\314\211Y\314\203y\314\203"
	;
static const char VN_BASE[] =
	"AAAAEEEI"
	"IOOOOUUY"
	"aaaaeeei"
	"ioooouuy"
	"AaDdIiUu"
	"OoUuAaAa"
	"AaAaAaAa"
	"AaAaAaAa"
	"AaAaEeEe"
	"EeEeEeEe"
	"EeEeIiIi"
	"OoOoOoOo"
	"OoOoOoOo"
	"OoOoOoOo"
	"UuUuUuUu"
	"UuUuUuYy"
	"YyYyYy"
	;

/* Calls f(s), compares with want, frees. */
#define IS_FREE(call, want, name) do {					\
	char *is_free_ = (call);					\
	tap_is_str(is_free_, (want), (name));				\
	free(is_free_);							\
} while (0)

static int
has_byte_below(const char *s, unsigned char lim)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < lim)
			return 1;
	}
	return 0;
}

static int
all_ascii(const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s >= 0x80)
			return 0;
	}
	return 1;
}

/*
 * Whether s is valid UTF-8 free of anything the display must never emit:
 * C0 (except newline and tab when allowed), DEL, C1, U+2028/9 and the
 * bidi controls.
 */
static int
display_safe(const char *s, int keep)
{
	size_t		len = strlen(s), i = 0;
	uint32_t	cp;

	if (!text_utf8_valid(s, len))
		return 0;
	while (i < len) {
		i += text_utf8_decode(s + i, len - i, &cp);
		if (keep && (cp == '\n' || cp == '\t'))
			continue;
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
			return 0;
		if (cp == 0x2028 || cp == 0x2029 || cp == 0x061C ||
		    cp == 0x200E || cp == 0x200F ||
		    (cp >= 0x202A && cp <= 0x202E) ||
		    (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF)
			return 0;
	}
	return 1;
}

static size_t
count_cps(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++) {
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	}
	return n;
}

static void
test_utf8(void)
{
	static const char *bad[] = {
		"\xc3\x28", "\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf",
		"\xf0\x80\x80\xaf", "\xed\xa0\x80", "\xed\xbf\xbf",
		"\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\x80",
		"ab\xe1\xbb", "\xe1", "\xf0\x9f\x98",
	};
	char		buf[4];
	uint32_t	cp, back;
	size_t		i, n, fails = 0;

	tap_ok(text_utf8_valid("Nguy\xe1\xbb\x85n", 8), "valid: Nguyễn");
	tap_ok(text_utf8_valid("", 0), "valid: empty");
	tap_ok(text_utf8_valid("\xf4\x8f\xbf\xbf", 4), "valid: U+10FFFF");
	tap_ok(text_utf8_valid("\xed\x9f\xbf", 3), "valid: U+D7FF");
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		tap_ok(!text_utf8_valid(bad[i], strlen(bad[i])),
		    "invalid UTF-8 #%zu rejected", i);

	n = text_utf8_decode("\xe1\xbb\x85", 3, &cp);
	tap_ok(n == 3 && cp == 0x1EC5, "decode ễ");
	n = text_utf8_decode("\xe2\x82" "A", 3, &cp);
	tap_ok(n == 2 && cp == 0xFFFD, "decode: maximal subpart of a cut "
	    "sequence");
	n = text_utf8_decode("\xc0\xaf", 2, &cp);
	tap_ok(n == 1 && cp == 0xFFFD, "decode: overlong lead byte alone");
	n = text_utf8_decode("\xed\xa0\x80", 3, &cp);
	tap_ok(n == 1 && cp == 0xFFFD, "decode: surrogate");
	n = text_utf8_decode("\xe1\xbb", 2, &cp);
	tap_ok(n == 2 && cp == 0xFFFD, "decode: truncated at the end");

	tap_is_int(text_utf8_encode(0xD800, buf), 3, "encode surrogate as FFFD");
	tap_ok(memcmp(buf, "\xef\xbf\xbd", 3) == 0, "encode surrogate bytes");
	tap_is_int(text_utf8_encode(0x110000, buf), 3, "encode > U+10FFFF");

	for (cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		n = text_utf8_encode(cp, buf);
		if (!text_utf8_valid(buf, n) ||
		    text_utf8_decode(buf, n, &back) != n || back != cp)
			fails++;
	}
	tap_is_int(fails, 0, "encode/decode round trip of every code point");
}

/*
 * The display shows a lone code point without composing it when it is its
 * own NFC (display_cluster's short cut): for every code point, what it
 * shows equals what its NFC shows.
 */
static void
test_display_nfc_every_cp(void)
{
	char	 buf[8], *a, *nfc, *b;
	uint32_t cp;
	size_t	 n;
	int	 fails = 0;

	for (cp = 0xA0; cp <= 0x2FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		n = text_utf8_encode(cp, buf);
		buf[n] = '\0';
		a = text_display(buf, 0);
		nfc = text_nfc(buf);
		b = text_display(nfc, 0);
		if (strcmp(a, b) != 0 && fails++ < 5)
			printf("# U+%04X shows differently from its NFC\n",
			    (unsigned)cp);
		free(a);
		free(nfc);
		free(b);
	}
	tap_is_int(fails, 0, "every code point shows as its NFC shows");
}

static void
test_nfc(void)
{
	static const char *ee[] = {
		"e\xcc\xa3\xcc\x82",		/* e dot circumflex */
		"e\xcc\x82\xcc\xa3",		/* e circumflex dot */
		"\xc3\xaa\xcc\xa3",		/* ê dot */
		"\xe1\xba\xb9\xcc\x82",		/* ẹ circumflex */
		"\xe1\xbb\x87",			/* ệ */
	};
	char	*s;
	size_t	 i;

	IS_FREE(text_nfc("Nguye\xcc\x82\xcc\x83n"), "Nguy\xe1\xbb\x85n",
	    "NFC of decomposed Nguyễn");
	IS_FREE(text_nfc("Nguy\xc3\xaa\xcc\x83n"), "Nguy\xe1\xbb\x85n",
	    "NFC of ê + tilde");
	for (i = 0; i < sizeof ee / sizeof ee[0]; i++)
		IS_FREE(text_nfc(ee[i]), "\xe1\xbb\x87", "NFC to ệ, any "
		    "canonical order");
	IS_FREE(text_nfc("o\xcc\x81\xcc\x9b"), "\xe1\xbb\x9b",
	    "NFC reorders horn before acute: ớ");
	IS_FREE(text_nfc("A\xcc\xa3\xcc\x86"), "\xe1\xba\xb6", "NFC: Ặ");
	/* Two marks of class 230 in the other order are a different string. */
	IS_FREE(text_nfc("e\xcc\x83\xcc\x82"), "\xe1\xba\xbd\xcc\x82",
	    "NFC keeps tilde-then-circumflex distinct");
	IS_FREE(text_nfc("a\xcc\x81\xcc\x81"), "\xc3\xa1\xcc\x81",
	    "NFC: second acute stays");
	IS_FREE(text_nfc("x\xcc\x81"), "x\xcc\x81", "NFC: no composite");
	IS_FREE(text_nfc("\xcd\x80"), "\xcc\x80", "NFC: singleton U+0340");
	IS_FREE(text_nfc("\xe6\x97\xa5\xe6\x9c\xac"), "\xe6\x97\xa5\xe6\x9c\xac",
	    "NFC leaves CJK alone");
	IS_FREE(text_nfc("a\xff" "b"), "a\xef\xbf\xbd" "b",
	    "NFC: invalid byte becomes U+FFFD");
	IS_FREE(text_nfc(NULL), "", "NFC of NULL is empty");
	IS_FREE(text_nfc(VN_NFD), VN_NFC, "NFC of all 134 letters decomposed");
	IS_FREE(text_nfc(VN_NFC), VN_NFC, "NFC of all 134 letters is stable");
	s = text_nfc(VN_NFD);
	tap_is_int(text_width(s), 134, "134 letters are 134 columns");
	free(s);
}

static void
test_width(void)
{
	tap_is_int(text_width("Nguy\xe1\xbb\x85n"), 6, "width Nguyễn");
	tap_is_int(text_width("Nguye\xcc\x82\xcc\x83n"), 6,
	    "width of decomposed Nguyễn");
	tap_is_int(text_width(VN_NFD), text_width(VN_NFC),
	    "width NFD == NFC for all letters");
	tap_is_int(text_width(""), 0, "width empty");
	tap_is_int(text_width(NULL), 0, "width NULL");
	tap_is_int(text_width("\xe6\x97\xa5\xe6\x9c\xac"), 4, "width CJK");
	tap_is_int(text_width("\xef\xbc\xa1"), 2, "width fullwidth A");
	tap_is_int(text_width("\xf0\x9f\x98\x80"), 2, "width emoji");
	tap_is_int(text_width("\xea\xb0\x80"), 2, "width Hangul syllable");
	tap_is_int(text_width("\x1b[2J"), 5, "width of ESC[2J shown as ^[[2J");
	tap_is_int(text_width("a\tb"), 4, "width of tab shown as ^I");
	tap_is_int(text_width("\xc2\x9b"), 8, "width of C1 shown as <U+009B>");
	tap_is_int(text_width("\x9b"), 4, "width of a raw 0x9b byte");
	tap_is_int(text_width("a\xe2\x80\x8e" "b"), 2, "width: LRM dropped");
	tap_is_int(text_width("a\xe2\x80\x8b" "b"), 2, "width: ZWSP dropped");
	tap_is_int(text_width("\xcc\x81"), 1, "width: lone mark gets a base");
	tap_is_int(text_width("\xe2\x80\xa6"), 1, "width of …");
}

static void
test_fold(void)
{
	char	 lower[sizeof VN_BASE], *s;
	size_t	 i;

	for (i = 0; i < sizeof VN_BASE; i++)
		lower[i] = (VN_BASE[i] >= 'A' && VN_BASE[i] <= 'Z') ?
		    VN_BASE[i] + 32 : VN_BASE[i];
	IS_FREE(text_unaccent(VN_NFC), VN_BASE, "unaccent all 134 letters");
	IS_FREE(text_unaccent(VN_NFD), VN_BASE,
	    "unaccent all 134 letters decomposed");
	IS_FREE(text_fold(VN_NFC), lower, "fold all 134 letters");
	IS_FREE(text_fold(VN_NFD), lower, "fold all 134 letters decomposed");
	IS_FREE(text_fold("  Nguy\xe1\xbb\x85n  V\xc4\x82N A"), "nguyen van a",
	    "fold: Nguyễn VĂN A");
	IS_FREE(text_fold("\tL\xc3\xaa\xc2\xa0\xc2\xa0Th\xe1\xbb\x8b\n"
	    "\xe3\x80\x80" "B\xc3\xacnh "), "le thi binh",
	    "fold: tabs, NBSP, ideographic space");
	IS_FREE(text_fold("\xc3\x90\xe1\xba\xa0I H\xe1\xbb\x98I"), "dai hoi",
	    "fold: look-alike Ð as đ");
	IS_FREE(text_fold("a\xe2\x80\xae" "b\x01" "c"), "abc",
	    "fold drops bidi and controls");
	IS_FREE(text_fold("\xc3\x86\xc3\x98 \xce\x91\xce\xa9 \xd0\x96"),
	    "\xc3\xa6\xc3\xb8 \xce\xb1\xcf\x89 \xd0\xb6",
	    "fold lowers other scripts");
	IS_FREE(text_fold(""), "", "fold empty");
	IS_FREE(text_fold("   "), "", "fold blank");
	s = text_fold("  Nghị  QUYẾT\t");
	IS_FREE(text_fold(s), s, "fold is idempotent");
	free(s);
	IS_FREE(text_unaccent("Ngh\xe1\xbb\x8b quy\xe1\xba\xbft \xc4\x90\xe1"
	    "\xba\xa1i h\xe1\xbb\x99i"), "Nghi quyet Dai hoi",
	    "unaccent: Nghị quyết Đại hội");
	IS_FREE(text_unaccent("  A  b "), "  A  b ", "unaccent keeps spaces");
	IS_FREE(text_unaccent("\xe6\x97\xa5"), "\xe6\x97\xa5",
	    "unaccent keeps CJK");

	tap_ok(text_matches("Ngh\xe1\xbb\x8b quy\xe1\xba\xbft \xc4\x90\xe1"
	    "\xba\xa1i h\xe1\xbb\x99i", "dai hoi"), "matches: dai hoi");
	tap_ok(text_matches("NGUY\xe1\xbb\x84N V\xc4\x82N", "nguyen van"),
	    "matches: upper case");
	tap_ok(text_matches("Nguye\xcc\x82\xcc\x83n", "NGUY\xe1\xbb\x84N"),
	    "matches: decomposed hay, accented needle");
	tap_ok(text_matches("abc", ""), "matches: empty needle");
	tap_ok(!text_matches("abc", "abd"), "matches: no");
	tap_ok(!text_matches(NULL, "a"), "matches: NULL hay");
}

static void
test_display(void)
{
	static const char *bad[] = {
		"\xc3\x28", "\xc0\xaf", "\xed\xa0\x80", "ab\xe1\xbb",
		"\xf4\x90\x80\x80", "\xff\xfe", "x\x80y",
	};
	static const char *bidi[] = {
		"\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad",
		"\xe2\x80\xae", "\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8",
		"\xe2\x81\xa9", "\xe2\x80\x8e", "\xe2\x80\x8f", "\xd8\x9c",
	};
	char	*s, in[32], want[32];
	size_t	 i;

	s = text_display("\x1b[2J", 0);
	tap_is_str(s, "^[[2J", "display ESC[2J");
	tap_ok(!has_byte_below(s, 0x20), "display ESC[2J has no C0 byte");
	free(s);
	IS_FREE(text_display("a\x7f" "b\x01", 0), "a^?b^A", "display DEL, SOH");
	IS_FREE(text_display("a\xc2\x9b" "b", 0), "a<U+009B>b",
	    "display C1 CSI");
	IS_FREE(text_display("a\xc2\x85", 0), "a<U+0085>", "display NEL");
	IS_FREE(text_display("\xe2\x80\xa8", 0), "<U+2028>",
	    "display line separator");
	IS_FREE(text_display("a\x9b" "b", 0), "a\\x9Bb",
	    "display raw 0x9b byte");
	IS_FREE(text_display("ab\xe1\xbb", 0), "ab\\xE1\\xBB",
	    "display truncated sequence");
	IS_FREE(text_display("\xed\xa0\x80", 0), "\\xED\\xA0\\x80",
	    "display surrogate");
	IS_FREE(text_display("\xc0\xaf", 0), "\\xC0\\xAF", "display overlong");
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		s = text_display(bad[i], 0);
		tap_ok(all_ascii(s) && strstr(s, "\\x") != NULL &&
		    display_safe(s, 0), "invalid #%zu shown escaped: %s", i, s);
		free(s);
	}
	for (i = 0; i < sizeof bidi / sizeof bidi[0]; i++) {
		snprintf(in, sizeof in, "ab%sc", bidi[i]);
		IS_FREE(text_display(in, 0), "abc", "bidi control dropped");
	}
	IS_FREE(text_display("a\nb\tc", 0), "a^Jb^Ic", "newline, tab shown");
	IS_FREE(text_display("a\nb\tc", TEXT_KEEP_NEWLINES), "a\nb\tc",
	    "newline, tab kept");
	IS_FREE(text_display("a\r\nb\rc", TEXT_KEEP_NEWLINES), "a\nb^Mc",
	    "CRLF kept as LF, lone CR shown");
	IS_FREE(text_display("Nguye\xcc\x82\xcc\x83n", 0), "Nguy\xe1\xbb\x85n",
	    "display applies NFC");
	IS_FREE(text_display("\xcc\x81" "a", 0), "\xe2\x97\x8c\xcc\x81" "a",
	    "lone mark put on a dotted circle");
	IS_FREE(text_display("\x1b\xcc\x81", 0), "^[\xe2\x97\x8c\xcc\x81",
	    "mark after a control is not glued to it");
	snprintf(in, sizeof in, "a%s", "\xcc\x81\xcc\x81\xcc\x81\xcc\x81"
	    "\xcc\x81\xcc\x81\xcc\x81\xcc\x81");
	s = text_display(in, 0);
	tap_is_int(count_cps(s), 1 + TEXT_MAX_MARKS, "marks capped");
	free(s);
	IS_FREE(text_display(NULL, 0), "", "display NULL");

	text_set_ascii_mode(1);
	tap_ok(text_ascii_mode(), "ascii mode on");
	IS_FREE(text_display(VN_NFC, 0), VN_BASE, "ascii: all 134 letters");
	IS_FREE(text_display(VN_NFD, 0), VN_BASE,
	    "ascii: all 134 letters decomposed");
	IS_FREE(text_display("\xc4\x90\xe1\xba\xa1i h\xe1\xbb\x99i "
	    "\xe2\x80\x9cx\xe2\x80\x9d \xe2\x80\xa6 \xe2\x80\x93 \xe6\x97\xa5 "
	    "\xc2\x9b\x1b", 0), "Dai hoi \"x\" ... - ? <U+009B>^[",
	    "ascii: letters, punctuation, CJK, controls");
	s = text_display("x\xcc\x81\xe2\x80\xae\xf0\x9f\x98\x80\xff", 0);
	tap_ok(all_ascii(s), "ascii: pure ASCII (%s)", s);
	tap_is_int(text_width("\xe6\x97\xa5"), 1, "ascii: CJK is one '?'");
	free(s);
	IS_FREE(text_display("\xc4\x90\xe1\xba\xa1i h\xe1\xbb\x99i\x1b[2J",
	    TEXT_UTF8), "\xc4\x90\xe1\xba\xa1i h\xe1\xbb\x99i^[[2J",
	    "ascii mode, TEXT_UTF8: accents kept for a file, controls still shown");
	text_set_ascii_mode(0);
	tap_ok(!text_ascii_mode(), "ascii mode off");

	/* Display is idempotent, so drawing code may call it twice. */
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		s = text_display(bad[i], 0);
		strcpy(want, s);
		free(s);
		IS_FREE(text_display(want, 0), want, "display idempotent");
	}
}

static void
test_fit(void)
{
	static const char *samples[] = {
		"", "a", "Nguy\xe1\xbb\x85n V\xc4\x83n A",
		"Nguye\xcc\x82\xcc\x83n", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e",
		"a\xe6\x97\xa5" "b\xe6\x9c\xac", "\x1b[31mred", "x\xcc\x81y\xcc\x81",
		"\xff\xfe" "abc",
	};
	char	*s;
	size_t	 i;
	int	 cols, flags, bad = 0, ascii;

	IS_FREE(text_fit("Nguy\xe1\xbb\x85n V\xc4\x83n A", 6, 0),
	    "Nguy\xe1\xbb\x85n", "fit cut");
	IS_FREE(text_fit("Nguy\xe1\xbb\x85n V\xc4\x83n A", 6, TEXT_ELLIPSIS),
	    "Nguy\xe1\xbb\x85\xe2\x80\xa6", "fit cut with ellipsis");
	IS_FREE(text_fit("ab", 5, 0), "ab   ", "fit pad");
	IS_FREE(text_fit("ab", 5, TEXT_ALIGN_RIGHT), "   ab", "fit pad right");
	IS_FREE(text_fit("abc", 3, TEXT_ELLIPSIS), "abc", "fit exact");
	IS_FREE(text_fit("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 5, 0),
	    "\xe6\x97\xa5\xe6\x9c\xac ", "fit wide, pad the half");
	IS_FREE(text_fit("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 5,
	    TEXT_ELLIPSIS), "\xe6\x97\xa5\xe6\x9c\xac\xe2\x80\xa6",
	    "fit wide with ellipsis");
	IS_FREE(text_fit("\xe6\x97\xa5\xe6\x9c\xac", 1, 0), " ",
	    "fit: wide char never split");
	IS_FREE(text_fit("x\xcc\x81q\xcc\x81z", 2, 0), "x\xcc\x81q\xcc\x81",
	    "fit keeps marks with their letter");
	IS_FREE(text_fit("abc", 0, 0), "", "fit 0 cols");
	IS_FREE(text_fit("abc", -3, 0), "", "fit negative cols");
	IS_FREE(text_fit("abc", 1, TEXT_ELLIPSIS), "\xe2\x80\xa6",
	    "fit 1 col with ellipsis");
	IS_FREE(text_fit("\x1b[2J", 3, 0), "^[[", "fit sanitises");
	text_set_ascii_mode(1);
	IS_FREE(text_fit("Nguy\xe1\xbb\x85n V\xc4\x83n A", 6, TEXT_ELLIPSIS),
	    "Nguye~", "fit ascii ellipsis");
	text_set_ascii_mode(0);

	for (ascii = 0; ascii <= 1; ascii++) {
		text_set_ascii_mode(ascii);
		for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
			for (cols = 0; cols <= 16; cols++) {
				for (flags = 0; flags < 4; flags++) {
					s = text_fit(samples[i], cols, flags);
					if (text_width(s) != cols ||
					    !display_safe(s, 0))
						bad++;
					free(s);
				}
			}
		}
	}
	text_set_ascii_mode(0);
	tap_is_int(bad, 0, "fit: exact width for every sample, cols, flags");
}

static void
test_check_name(void)
{
	const char	*empty = "T\xc3\xaan kh\xc3\xb4ng \xc4\x91\xc6\xb0\xe1"
	    "\xbb\xa3" "c \xc4\x91\xe1\xbb\x83 tr\xe1\xbb\x91ng";
	const char	*ctrl = "T\xc3\xaan ch\xe1\xbb\xa9" "a k\xc3\xbd "
	    "t\xe1\xbb\xb1 \xc4\x91i\xe1\xbb\x81u khi\xe1\xbb\x83n";
	const char	*utf8 = "V\xc4\x83n b\xe1\xba\xa3n kh\xc3\xb4ng ph"
	    "\xe1\xba\xa3i UTF-8 h\xe1\xbb\xa3p l\xe1\xbb\x87";

	tap_is_str(text_check_name("Nguy\xe1\xbb\x85n V\xc4\x83n A", 40), NULL,
	    "name ok");
	tap_is_str(text_check_name("", 40), empty, "name empty");
	tap_is_str(text_check_name(" \t ", 40), ctrl, "name with tab");
	tap_is_str(text_check_name("   ", 40), empty, "name blank");
	tap_is_str(text_check_name(NULL, 40), empty, "name NULL");
	tap_is_str(text_check_name("a\x1b" "b", 40), ctrl, "name with ESC");
	tap_is_str(text_check_name("a\xc2\x9b", 40), ctrl, "name with C1");
	tap_is_str(text_check_name("a\xe2\x80\xae" "b", 40), ctrl,
	    "name with bidi override");
	tap_is_str(text_check_name("a\xc3\x28", 40), utf8, "name not UTF-8");
	tap_is_str(text_check_name("abcdef", 5),
	    "T\xc3\xaan qu\xc3\xa1 d\xc3\xa0i (t\xe1\xbb\x91i \xc4\x91" "a 5 "
	    "k\xc3\xbd t\xe1\xbb\xb1)", "name too long");
	tap_is_str(text_check_name("Nguye\xcc\x82\xcc\x83n", 6), NULL,
	    "decomposed name counts letters, not code points");
	tap_is_str(text_check_name("abcdef", 0), NULL, "no limit");
}

/* xorshift64*: the same sequence on every platform, unlike rand(). */
static uint64_t fuzz_state = 0x9E3779B97F4A7C15ULL;

static uint32_t
fuzz_next(void)
{
	fuzz_state ^= fuzz_state >> 12;
	fuzz_state ^= fuzz_state << 25;
	fuzz_state ^= fuzz_state >> 27;
	return (uint32_t)((fuzz_state * 0x2545F4914F6CDD1DULL) >> 32);
}

static void
test_fuzz(void)
{
	/* Pieces that exercise every branch, mixed with random bytes. */
	static const char *pieces[] = {
		"a", "Z", " ", "\n", "\t", "\r", "\x1b", "\x7f", "\xc2\x9b",
		"\xcc\x81", "\xcc\x82", "\xcc\xa3", "\xcc\x9b", "\xcc\x83",
		"\xe1\xbb\x85", "\xc4\x91", "\xe2\x80\xae", "\xe2\x81\xa6",
		"\xe2\x80\x8d", "\xef\xbb\xbf", "\xe6\x97\xa5", "\xf0\x9f\x98\x80",
		"\xe2\x80\xa8", "\xe2\x80\xa6", "\xed\xa0\x80", "\xc0\xaf",
		"\xe1\xbb", "\xf4\x90\x80\x80", "\xea\xb0\x80", "\xe1\x85\xa1",
		"\xc2\xa0", "\xc3\x90", "\\x41", "^[",
	};
	char		 in[64], *d, *k, *d2, *f, *n, *n2, *fo, *fo2;
	size_t		 len, j, np = sizeof pieces / sizeof pieces[0], p;
	long		 bad_display = 0, bad_keep = 0, bad_idem = 0;
	long		 bad_width = 0, bad_fit = 0, bad_nfc = 0, bad_fold = 0;
	long		 bad_ascii = 0, iter;
	int		 cols, ascii, reported = 0;
	const long	 iterations = 200000;

	for (iter = 0; iter < iterations; iter++) {
		len = 0;
		for (j = fuzz_next() % 12; j > 0; j--) {
			if (fuzz_next() % 3 == 0) {
				in[len++] = (char)(fuzz_next() % 255 + 1);
				continue;
			}
			p = fuzz_next() % np;
			if (len + strlen(pieces[p]) >= sizeof in)
				break;
			memcpy(in + len, pieces[p], strlen(pieces[p]));
			len += strlen(pieces[p]);
		}
		in[len] = '\0';
		ascii = (iter % 8 == 0);
		text_set_ascii_mode(ascii);

		d = text_display(in, 0);
		k = text_display(in, TEXT_KEEP_NEWLINES);
		if (!display_safe(d, 0))
			bad_display++;
		if (!display_safe(k, 1))
			bad_keep++;
		if (ascii && (!all_ascii(d) || !all_ascii(k)))
			bad_ascii++;
		d2 = text_display(d, 0);
		if (strcmp(d, d2) != 0)
			bad_idem++;
		if (text_width(in) != text_width(d))
			bad_width++;
		cols = (int)(fuzz_next() % 24);
		f = text_fit(in, cols, (int)(fuzz_next() % 4));
		if (text_width(f) != cols || !display_safe(f, 0))
			bad_fit++;
		n = text_nfc(in);
		n2 = text_nfc(n);
		if (!text_utf8_valid(n, strlen(n)) || strcmp(n, n2) != 0)
			bad_nfc++;
		fo = text_fold(in);
		fo2 = text_fold(fo);
		if (!text_utf8_valid(fo, strlen(fo)) || strcmp(fo, fo2) != 0)
			bad_fold++;
		if (!reported && bad_display + bad_keep + bad_idem +
		    bad_width + bad_fit + bad_nfc + bad_fold + bad_ascii != 0) {
			printf("# first failure at iteration %ld, input:", iter);
			for (j = 0; j < len; j++)
				printf(" %02x", (unsigned char)in[j]);
			printf("\n");
			reported = 1;
		}
		free(d);
		free(k);
		free(d2);
		free(f);
		free(n);
		free(n2);
		free(fo);
		free(fo2);
	}
	text_set_ascii_mode(0);
	tap_is_int(bad_display, 0, "fuzz: display output safe");
	tap_is_int(bad_keep, 0, "fuzz: display with newlines safe");
	tap_is_int(bad_ascii, 0, "fuzz: ascii mode output is ASCII");
	tap_is_int(bad_idem, 0, "fuzz: display idempotent");
	tap_is_int(bad_width, 0, "fuzz: width(s) == width(display(s))");
	tap_is_int(bad_fit, 0, "fuzz: width(fit(s, n)) == n");
	tap_is_int(bad_nfc, 0, "fuzz: nfc valid and idempotent");
	tap_is_int(bad_fold, 0, "fuzz: fold valid and idempotent");
}

int
main(void)
{
	test_utf8();
	test_nfc();
	test_display_nfc_every_cp();
	test_width();
	test_fold();
	test_display();
	test_fit();
	test_check_name();
	test_fuzz();
	return tap_done();
}
