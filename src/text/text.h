/*
 * text.h - Vietnamese text for quantriet: UTF-8, NFC, terminal columns,
 * search keys, the display sanitiser and Telex input.
 *
 * Pure functions: no curses, no database, no dependence on the C library's
 * locale (the tables come from contrib/gen-vntable.py, Unicode 14), so a
 * string has the same width and the same search key on every machine.
 *
 * Conventions for every function below:
 * - A NULL string argument is treated as "" (a NULL column from SQLite
 *   needs no special case in the caller).
 * - "Newly allocated" results are NUL-terminated, owned by the caller and
 *   released with free(); allocation failure aborts, so they are never NULL.
 * - Invalid UTF-8 never makes a function fail: it is replaced (U+FFFD) or,
 *   on the display path, shown as "\xNN".
 */
#ifndef QT_TEXT_H
#define QT_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Flags for text_display(). */
#define TEXT_KEEP_NEWLINES	0x1	/* keep '\n' and '\t'; CR before LF dropped */
#define TEXT_UTF8		0x2	/* UTF-8 even in ASCII mode: for files, not the terminal */

/* Flags for text_fit(). */
#define TEXT_ELLIPSIS		0x1	/* mark a cut with "…" ("~" in ASCII mode) */
#define TEXT_ALIGN_RIGHT	0x2	/* pad on the left instead of the right */

/* Most combining marks text_display keeps on one character (ncurses' cchar_t
 * holds a spacing character and four more). */
#define TEXT_MAX_MARKS		4

/*
 * Whether the terminal can show UTF-8. The caller decides once at start-up
 * (from nl_langinfo(CODESET)); in ASCII mode text_display and text_fit
 * produce pure ASCII. Default: off (UTF-8).
 */
void	 text_set_ascii_mode(int on);
int	 text_ascii_mode(void);

/*
 * 1 if s[0..len) is well-formed UTF-8: shortest form, no surrogates, nothing
 * above U+10FFFF. An embedded NUL counts as valid (it is U+0000).
 */
int	 text_utf8_valid(const char *s, size_t len);

/*
 * Decodes the code point at s, of which len bytes may be read, into *cp and
 * returns the bytes used. On invalid input *cp is U+FFFD and the return is
 * the length of the maximal ill-formed subpart (at least 1), as Unicode
 * recommends, so "\xE2\x82A" gives U+FFFD for two bytes, then 'A'. With len 0
 * it returns 0 and *cp is U+FFFD.
 */
size_t	 text_utf8_decode(const char *s, size_t len, uint32_t *cp);

/*
 * Encodes cp into out, which has room for 4 bytes, without a NUL; returns
 * the bytes written (1-4). Surrogates and values above U+10FFFF are written
 * as U+FFFD.
 */
size_t	 text_utf8_encode(uint32_t cp, char *out);

/*
 * Canonical composition (NFC) of s. Decomposition, reordering by combining
 * class and composition follow UAX #15; the compositions known are those of
 * Latin-1, Latin Extended-A/B and Latin Extended Additional, which include
 * all 134 Vietnamese letters, so "e" U+0323 U+0302 and "ê" U+0323 and
 * "e" U+0302 U+0323 all become "ệ". Other scripts pass through unchanged.
 * Invalid UTF-8 becomes U+FFFD. Newly allocated.
 */
char	*text_nfc(const char *s);

/*
 * Columns s takes on a terminal once it has gone through
 * text_display(s, 0): combining marks 0, East Asian wide and fullwidth 2,
 * format characters (dropped) 0, a control such as ESC 2 ("^["), a C1
 * control 8 ("<U+009B>"), an invalid byte 4 ("\xC3"), in ASCII mode 1 per
 * ASCII byte of the transliteration. text_width(text_display(s, 0)) ==
 * text_width(s). '\n' and '\t' count as "^J" and "^I": callers that keep
 * newlines measure one line at a time.
 */
int	 text_width(const char *s);

/*
 * Search key: NFC-insensitive, lower-case, without diacritics (đ and the
 * look-alike Ð/ð -> d), controls and format characters dropped, every run
 * of white space (including NBSP and ideographic space) one ' ', trimmed:
 * "  Nguyễn  VĂN A" -> "nguyen van a". Idempotent. Newly allocated.
 */
char	*text_fold(const char *s);

/*
 * Sort key of a person's full name in Vietnamese order, whose byte order
 * (memcmp, SQLite's BINARY collation) is the order of the names:
 * - by given name (the last word), then the middle names left to right,
 *   then the family name (the first word): "Trần Văn An" < "Lê Thị Bình";
 * - a word by its letters first, then by its tone, as dictionaries sort
 *   syllables (Vũ Xuân Lương, Trung tâm Từ điển học, "Quy tắc sắp xếp
 *   ABC"): "an" < "án" < "anh" < "ánh" < "ăn" < "ân";
 * - letters in the Vietnamese alphabet a ă â b c d đ e ê g h i k l m n o
 *   ô ơ p q r s t u ư v x y (f j w z in their Latin places), digits
 *   before letters, any other character before digits by code point;
 * - tones: none, huyền, hỏi, ngã, sắc, nặng ("ba bà bả bã bá bạ");
 * - case, NFC/NFD spelling and runs of white space do not count.
 * The key is printable ASCII: each word is its letters (a Vietnamese
 * letter is its ASCII base, then '{' or '|' for its mark), '!', then a
 * digit 1-5 per toned letter; words are joined by ' '. So "Trần Văn An"
 * is "an! va{n! tra|n!1". Newly allocated.
 */
char	*text_name_sort(const char *name);

/*
 * s without diacritics, case kept: "Nghị quyết Đại hội" -> "Nghi quyet Dai
 * hoi". Latin letters lose their marks; characters of other scripts are
 * kept as they are. Newly allocated.
 */
char	*text_unaccent(const char *s);

/*
 * THE display choke point: every string from the database, a file or the
 * network passes here before it is drawn or printed. The result is valid
 * UTF-8, in NFC, and holds no C0, C1 or DEL byte:
 * - C0 controls and DEL are shown as "^@".."^_" and "^?" ("^[" for ESC);
 *   with TEXT_KEEP_NEWLINES, '\n' and '\t' are kept (and a CR before LF is
 *   dropped), else they are "^J" and "^I";
 * - C1 controls and U+2028/U+2029 are shown as "<U+009B>";
 * - format characters (category Cf: the bidi controls U+200E/F, U+202A-202E,
 *   U+2066-2069, U+061C, and ZWSP, ZWJ, BOM, soft hyphen...) are dropped;
 * - each byte of invalid UTF-8 is shown as "\xNN";
 * - a combining mark with no letter before it is put on U+25CC "◌", and a
 *   letter keeps at most TEXT_MAX_MARKS marks;
 * - in ASCII mode letters are unaccented, common punctuation ("…", curly
 *   quotes, dashes, NBSP) transliterated and anything else non-ASCII is '?',
 *   unless flags has TEXT_UTF8 (text bound for a file, printed elsewhere).
 * Idempotent. Newly allocated.
 */
char	*text_display(const char *s, int flags);

/*
 * s cut or padded with spaces to exactly cols columns (text_width of the
 * result == cols; "" if cols <= 0). s goes through text_display(s, 0)
 * first, so the result is always safe to draw. Cuts fall between
 * characters, never inside a UTF-8 sequence or between a letter and its
 * combining marks; a wide character that does not fit is replaced by
 * padding. With TEXT_ELLIPSIS a cut string ends with "…" ("~" in ASCII
 * mode); with TEXT_ALIGN_RIGHT the padding goes on the left. Newly
 * allocated.
 */
char	*text_fit(const char *s, int cols, int flags);

/*
 * Checks a name typed by a user or read from a file. Returns NULL if it is
 * acceptable, else a short Vietnamese message to show:
 *	"Văn bản không phải UTF-8 hợp lệ"
 *	"Tên chứa ký tự điều khiển"  (C0, DEL, C1, tab, newline, format chars)
 *	"Tên không được để trống"     (NULL, or only white space)
 *	"Tên quá dài (tối đa N ký tự)"
 * Characters are counted as a letter with its combining marks, so NFC and
 * NFD spellings count the same; max_chars 0 means no limit. The message is
 * static (the last one in a buffer valid until the next call): do not free.
 * The caller stores text_nfc() of an accepted name, trimmed as it likes.
 */
const char *text_check_name(const char *s, size_t max_chars);

/*
 * Case- and accent-insensitive substring test used by search: 1 if
 * text_fold(needle) occurs in text_fold(hay). An empty needle matches.
 */
int	 text_matches(const char *hay, const char *needle);

/*
 * Telex input, for the line editor (the editor keeps a NUL-terminated UTF-8
 * buffer and a byte cursor).
 *
 * On each printable key the editor calls
 *	if (!telex_input(buf, cap, &cursor, key))
 *		insert key at the cursor itself;
 * telex_input looks at the word just before the cursor (the run of Latin
 * letters ending there). When key is an ASCII letter and that word is (the
 * start of) a Vietnamese syllable, it applies the key to the word, and if
 * the result differs from simply inserting the key, rewrites the word in
 * place, moves the tail of the buffer and the cursor, and returns 1.
 * Otherwise it returns 0 and changes nothing: keys that are not letters,
 * words that cannot be Vietnamese ("free", "as"), plain letters that change
 * nothing else, or a result that would not fit in cap bytes (the editor's
 * own insert then fails the same way). As with any Telex, an English word
 * that looks like a syllable changes ("text" -> "tẽt"): the editor needs a
 * key to turn Telex off.
 *
 * Keys: aa â, aw ă, ee ê, oo ô, ow ơ, uw ư, uow ươ, w alone ư, dd đ (on the
 * initial d, so "did" gives "đi"); s sắc, f huyền, r hỏi, x ngã, j nặng,
 * z removes the tone. The vowel keys act on the vowel group even when it is
 * not next to the cursor ("tuaan" -> "tuân"). Pressing a key again undoes it
 * and types it literally: "ass" -> "as", "aaa" -> "aa", "ddd" -> "dd",
 * "ww" -> "w"; the undone word is no longer a syllable, so further keys
 * are literal ("asss" -> "ass").
 *
 * The tone is placed again after every key, so "hoans" and "hoasn" both
 * give "hoán", and "nguoiwf" gives "người". Placement (the traditional
 * rule, as in the Party's own documents: "hòa", "khóa", "thủy", "khỏe"):
 * on the vowel with a mark (ơ of ươ); else, with a final consonant, on the
 * last vowel; else on the middle of three vowels, the first of two, the
 * only one. "qu" and "gi" before a vowel are initials: "quyết", "giữ".
 * The case of each letter is kept: a transformed letter keeps the case it
 * had ("Dd" -> "Đ", "dD" -> "đ", "AS" -> "Á"); a new ư takes the case of
 * the 'w' typed. 'w' on "uo" gives "ươ", written "uơ" while the syllable
 * is open ("thuowr" -> "thuở", then 'n' -> "thưởn"). Stateless, so after
 * "uw" -> "ư" a second 'w' gives "w", and "uww" is "w", not "uw".
 */
int	 telex_input(char *buf, size_t cap, size_t *cursor, uint32_t key);

/*
 * The same on a bare word: word is NUL-terminated UTF-8 in a buffer of cap
 * bytes holding only the word before the cursor; returns 1 and rewrites it
 * if the key was consumed, else 0 with word unchanged.
 */
int	 telex_feed(char *word, size_t cap, uint32_t key);

#endif
