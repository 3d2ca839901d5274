#!/bin/sh
# A record's history from its form: a member renamed in the interface,
# then F8 (or Ctrl-Y) on its form lists who changed it, when, and from
# what to what, newest first; a new record has none yet.
. "$top_srcdir/tests/e2e/lib.sh"

me=$(id -un)
e2e_demo
e2e_start
e2e_wait "Trang chính" || { done_testing; exit 1; }
e2e_keys 1
e2e_wait "Họ và tên"
e2e_keys / 'bui cong vu' Enter
e2e_wait "Tìm: bui cong vu"
e2e_keys e
e2e_wait "Sửa"
e2e_keys End ' Hai' F2
e2e_wait "Bùi Công Vũ Hai"; ok $? "a member is renamed in the interface"
e2e_keys e
e2e_wait "Tình trạng:"
e2e_keys F8
e2e_wait "Lịch sử thay đổi - Đảng viên"; ok $? "F8 on the member's form opens its history"
e2e_fits "history screen"
e2e_wait "Họ và tên: Bùi Công Vũ -> Bùi Công Vũ Hai"; ok $? "the rename is shown whole: old and new"
e2e_screen | sed -n 5p | grep -q "^ *[0-9/]* [0-9:]*  $me  *sửa *$"
ok $? "it is listed first, with the Unix user"
e2e_keys Down
e2e_wait "Đảng viên «Bùi Công Vũ Hai», thêm lúc"; ok $? "below it, the member's making"
e2e_keys Escape
e2e_wait "Tình trạng:"; ok $? "Esc goes back to the form"
e2e_keys Escape
e2e_wait_gone "Tình trạng:"
e2e_keys F4
e2e_wait "Thêm đảng viên"
e2e_keys C-y
e2e_wait "Bản ghi chưa được lưu nên chưa có lịch sử"; ok $? "a new member has no history yet (Ctrl-Y)"
e2e_keys Escape
e2e_keys Escape
e2e_wait "Trang chính"
e2e_quit
done_testing
