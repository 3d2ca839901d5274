#!/bin/sh
# The home screen of the demo database, help, and every list screen at 80x24.
. "$top_srcdir/tests/e2e/lib.sh"

e2e_demo
e2e_start
e2e_wait "Đảng bộ xã Vĩnh Hòa Hiệp"; ok $? "home shows the clerk's commune"
e2e_wait "thay đổi chờ gửi; lần cuối"; ok $? "home shows what waits for sync"
e2e_wait "Bài thu hoạch còn thiếu"; ok $? "home shows overdue essays"
e2e_wait "08-KH/ĐU  Tổ chức học tập"; ok $? "home lists the campaigns in progress"
e2e_fits "home"
e2e_wait "F5Đảng viên F6Buổi học F7Thu hoạch F8Tổng hợp F10Thoát"
ok $? "the F-key bar keeps a space between its seven labels"
e2e_wait " 5  F4  Đồng bộ"; ok $? "the home menu is aligned with one key per entry"

e2e_keys F1
e2e_wait "Danh sách đảng viên theo chi bộ"; ok $? "F1 lists the keys of home"
e2e_fits "help"
e2e_keys Escape
e2e_wait "Trang chính"; ok $? "Esc goes back"
e2e_keys '?'
e2e_wait "Trợ giúp: các phím"; ok $? "? opens help too"
e2e_keys Escape

e2e_keys 1
e2e_wait "Họ và tên"; ok $? "1 opens the members"
e2e_fits "members"
e2e_keys Right
e2e_wait "Chi bộ: < Chi bộ"; ok $? "Right shows one cell"
e2e_keys / 'tran thi' Enter
e2e_wait "Tìm: tran thi"; ok $? "search by name without diacritics"
e2e_wait "Trần Thị"; ok $? "finds names with diacritics"
e2e_wait "Toàn đảng bộ"; ok $? "a search covers the whole commune"
e2e_keys F4
e2e_wait "Thêm đảng viên"; ok $? "F4 opens the new member form"
e2e_fits "member form"
e2e_keys Escape
e2e_keys Escape Escape
e2e_wait "Trang chính"; ok $? "back home"

e2e_keys 2
e2e_wait "08-KH/ĐU"; ok $? "2 lists the plans of the commune"
e2e_fits "plans"
e2e_keys Enter
e2e_wait "Kế hoạch yêu cầu"; ok $? "a plan shows what it asks"
e2e_fits "sessions"
e2e_keys Enter
e2e_wait "Chưa điểm danh"; ok $? "a session opens its attendance"
e2e_fits "attendance"

e2e_quit
done_testing
