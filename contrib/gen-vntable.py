#!/usr/bin/env python3
#
# gen-vntable.py - write src/text/vntable.c from Python's unicodedata.
#
# Run by hand when the Unicode version should move:
#	python3 contrib/gen-vntable.py > src/text/vntable.c
# The output is committed, so building quantriet never needs Python, and
# every machine gets the same widths whatever its C library or locale.
#
# With --test-vectors it prints instead the C string literals that
# tests/unit/test_text.c pastes (the 134 letters in NFC and NFD and their
# unaccented forms), produced here independently of the C code under test.

import sys
import unicodedata as ud

MARKS = {0x0302: 'TEXT_VN_CIRCUMFLEX', 0x0306: 'TEXT_VN_BREVE',
         0x031B: 'TEXT_VN_HORN'}
TONES = {0x0300: 1, 0x0301: 2, 0x0309: 3, 0x0303: 4, 0x0323: 5}
VN_BASES = 'aeiouy'
# Where text_nfc composes: Latin-1, Latin Extended-A/B, Latin Extended
# Additional, and the singletons of the combining block.
COMPOSE_RANGES = [(0x00C0, 0x024F), (0x0340, 0x0344), (0x1E00, 0x1EFF)]
MAXCP = 0x10FFFF


def vn_letters():
    out = []
    for cp in range(0x00C0, 0x1F00):
        c = chr(cp)
        if c in 'đĐ':
            out.append((cp, 'd' if c == 'đ' else 'D', 0, 0))
            continue
        d = ud.normalize('NFD', c)
        if len(d) < 2 or d[0].lower() not in VN_BASES:
            continue
        mark, tone, ok = 0, 0, True
        for m in d[1:]:
            m = ord(m)
            if m in MARKS and not mark:
                mark = m
            elif m in TONES and not tone:
                tone = TONES[m]
            else:
                ok = False
        # Only the vowel marks Vietnamese uses on each base letter.
        pairs = {0x0302: 'aeo', 0x0306: 'a', 0x031B: 'ou'}
        if mark and d[0].lower() not in pairs[mark]:
            ok = False
        if ok:
            out.append((cp, d[0], mark, tone))
    return out


def ranges(pred):
    out, start = [], None
    for cp in range(MAXCP + 2):
        inside = cp <= MAXCP and pred(cp)
        if inside and start is None:
            start = cp
        elif not inside and start is not None:
            out.append((start, cp - 1))
            start = None
    # Unassigned code points between two ranges join them: they may be
    # anything in a later Unicode, and a short table is quicker to search.
    merged = []
    for lo, hi in out:
        if merged and all(ud.category(chr(c)) == 'Cn'
                          for c in range(merged[-1][1] + 1, lo)):
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


def is_zero(cp):
    cat = ud.category(chr(cp))
    # Conjoining Hangul vowels and finals join the syllable before them.
    return cat in ('Mn', 'Me') or 0x1160 <= cp <= 0x11FF


def is_format(cp):
    return ud.category(chr(cp)) == 'Cf'


def is_wide(cp):
    # Python reports unassigned code points as wide; ranges() decides them.
    c = chr(cp)
    return ud.category(c) != 'Cn' and ud.east_asian_width(c) in ('W', 'F')


def ccc_ranges():
    out = []
    for cp in range(MAXCP + 1):
        c = ud.combining(chr(cp))
        if not c:
            continue
        if out and out[-1][1] == cp - 1 and out[-1][2] == c:
            out[-1] = (out[-1][0], cp, c)
        else:
            out.append((cp, cp, c))
    return out


def decompositions():
    out = []
    for lo, hi in COMPOSE_RANGES:
        for cp in range(lo, hi + 1):
            d = ud.decomposition(chr(cp))
            if not d or d.startswith('<'):
                continue
            parts = [int(x, 16) for x in d.split()]
            first = parts[0]
            second = parts[1] if len(parts) > 1 else 0
            if len(parts) > 2:
                # U+0344 is the only one; it decomposes to 0308 0301 and
                # is excluded from composition, so keep it literal.
                continue
            composes = ud.normalize('NFC', ''.join(map(chr, parts))) == chr(cp)
            if composes:
                assert ud.combining(chr(second)) != 0, hex(cp)
            out.append((cp, first, second, 1 if composes else 0))
    return out


def lowercase():
    out = []
    for cp in range(0x80, 0x10000):
        c = chr(cp)
        lc = c.lower()
        if len(lc) == 1 and lc != c and ud.category(c) == 'Lu':
            out.append((cp, ord(lc)))
    return out


def cstr(s):
    # Octal, not hex: a hex escape would swallow a following letter.
    return ''.join('\\%03o' % b if b >= 0x80 or b < 0x20 else chr(b)
                   for b in s.encode('utf-8'))


def test_vectors():
    letters = vn_letters()
    assert len(letters) == 134, len(letters)
    nfc = ''.join(chr(cp) for cp, _, _, _ in letters)
    nfd = ud.normalize('NFD', nfc)
    un = ''.join(b for _, b, _, _ in letters)
    for name, s in (('VN_NFC', nfc), ('VN_NFD', nfd), ('VN_BASE', un)):
        print('static const char %s[] =' % name)
        for i in range(0, len(s), 8):
            print('\t"%s"' % cstr(s[i:i + 8]))
        print('\t;')


def main():
    if len(sys.argv) > 1 and sys.argv[1] == '--test-vectors':
        test_vectors()
        return
    letters = vn_letters()
    assert len(letters) == 134, len(letters)
    p = print
    p('/* Generated by contrib/gen-vntable.py from Unicode %s. Do not edit. */'
      % ud.unidata_version)
    p('')
    p('#include "config.h"')
    p('')
    p('#include "text_int.h"')
    p('')
    p('const struct text_vn_letter text_vn_letters[TEXT_VN_NLETTERS] = {')
    tonenames = ['0', 'TEXT_VN_GRAVE', 'TEXT_VN_ACUTE', 'TEXT_VN_HOOK',
                 'TEXT_VN_TILDE', 'TEXT_VN_DOT']
    for cp, base, mark, tone in letters:
        p("\t{ 0x%04X, '%s', %s, %s },\t/* %s */" % (
            cp, base, MARKS.get(mark, 'TEXT_VN_STROKE' if base in 'dD'
                                else '0'),
            tonenames[tone], chr(cp)))
    p('};')
    p('')
    for name, pred in (('zero', is_zero), ('format', is_format),
                       ('wide', is_wide)):
        rs = ranges(pred)
        p('const struct text_range text_%s_ranges[] = {' % name)
        for lo, hi in rs:
            p('\t{ 0x%04X, 0x%04X },' % (lo, hi))
        p('};')
        p('const size_t text_n%s_ranges = %d;' % (name, len(rs)))
        p('')
    rs = ccc_ranges()
    p('const struct text_ccc_range text_ccc_ranges[] = {')
    for lo, hi, c in rs:
        p('\t{ 0x%04X, 0x%04X, %d },' % (lo, hi, c))
    p('};')
    p('const size_t text_nccc_ranges = %d;' % len(rs))
    p('')
    ds = decompositions()
    p('/* Canonical decompositions of the Latin letters text_nfc handles. */')
    p('const struct text_decomp text_decomps[] = {')
    for cp, a, b, c in ds:
        p('\t{ 0x%04X, 0x%04X, 0x%04X, %d },' % (cp, a, b, c))
    p('};')
    p('const size_t text_ndecomps = %d;' % len(ds))
    p('')
    cs = sorted((a, b, cp) for cp, a, b, c in ds if c)
    p('/* The same pairs that compose, sorted by (first, second). */')
    p('const struct text_decomp text_composes[] = {')
    for a, b, cp in cs:
        p('\t{ 0x%04X, 0x%04X, 0x%04X, 1 },' % (cp, a, b))
    p('};')
    p('const size_t text_ncomposes = %d;' % len(cs))
    p('')
    ls = lowercase()
    p('/* Simple lower-case mappings of the BMP above ASCII. */')
    p('const struct text_case text_lower[] = {')
    for a, b in ls:
        p('\t{ 0x%04X, 0x%04X },' % (a, b))
    p('};')
    p('const size_t text_nlower = %d;' % len(ls))


if __name__ == '__main__':
    main()
