#!/bin/sh
# LANG=C: every screen in unaccented ASCII, aligned, with no stray bytes.
. "$top_srcdir/tests/e2e/lib.sh"

# Bytes above 127 on the screen (mojibake or raw UTF-8): 0 expected.
high_bytes() {
	e2e_screen | LC_ALL=C tr -d '\000-\177' | wc -c
}

e2e_demo
e2e_start C
e2e_wait "Dang bo xa Vinh Hoa Hiep"; ok $? "home in unaccented Vietnamese"
e2e_wait "Bai thu hoach con thieu"; ok $? "labels unaccented too"
is "$(high_bytes)" 0 "home: nothing but ASCII on the screen"
e2e_fits "home (C)"
notice="Khong co dau vi ngon ngu (locale) khong phai UTF-8: dat LANG=C.UTF-8"
e2e_wait "$notice"; ok $? "Home says why there are no diacritics, and what to set"
e2e_keys 1
e2e_wait "Ho va ten"
e2e_keys Escape
e2e_wait "Dang bo xa Vinh Hoa Hiep"
e2e_wait_gone "$notice"; ok $? "it says so once"
e2e_keys 1
e2e_wait "Ho va ten"; ok $? "members in ASCII"
is "$(high_bytes)" 0 "members: nothing but ASCII"
e2e_fits "members (C)"
e2e_keys F4
e2e_wait "Them dang vien"; ok $? "the member form in ASCII"
e2e_keys 'Tran Thi Lan' F2
e2e_wait "Da luu"; ok $? "a name typed on a C terminal is saved"
e2e_keys Escape 2 Enter
e2e_wait "Ke hoach yeu cau"; ok $? "a plan in ASCII"
is "$(high_bytes)" 0 "sessions: nothing but ASCII"
e2e_fits "sessions (C)"
e2e_keys Enter
e2e_wait "Chua diem danh"; ok $? "attendance in ASCII"
is "$(high_bytes)" 0 "attendance: nothing but ASCII"
e2e_quit

e2e_start
e2e_wait "Đảng bộ xã Vĩnh Hòa Hiệp"
! e2e_screen | grep -q "UTF-8"; ok $? "a UTF-8 terminal gets no such notice"
e2e_quit
done_testing
