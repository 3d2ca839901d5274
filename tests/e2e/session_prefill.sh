#!/bin/sh
# A new session is prefilled from the plan item it carries out (title,
# form, length), and starts on the unit the clerk last scheduled one for,
# remembered across sessions for this database, not on the commune.
. "$top_srcdir/tests/e2e/lib.sh"

SQLRUN=$top_builddir/tests/sync/sqlrun
e2e_demo
# A second cell item of 08-KH/ĐU: online, three half-days.
"$SQLRUN" "$E2E_DB" "INSERT INTO plan_session(id, document_id, level,
    ordinal, title, form, bridge_points, half_days, deadline)
    VALUES (7400000000000099, 7200000000000102, 'cell', 2,
    'Hội nghị trực tuyến chuyên đề', 'online', 1, 3, '2021-05-31')" ||
    exit 1

# open_form: Home -> plans -> 08-KH/ĐU -> a new session.
open_form() {
	e2e_keys 2
	e2e_wait "08-KH/ĐU" && e2e_keys Enter &&
	    e2e_wait "Kế hoạch yêu cầu" && e2e_keys F4 &&
	    e2e_wait "Thêm buổi học"
}

e2e_start
e2e_wait "Trang chính"
open_form
e2e_wait "Đơn vị tổ chức: < Đảng bộ xã Vĩnh Hòa Hiệp >"
ok $? "the first session starts on the commune"
e2e_wait "Theo mục: < (không theo mục nào"
ok $? "which 08-KH/ĐU asks for nothing"
# The form opens on the title (empty): up to the unit.
e2e_keys Up Up Right
e2e_wait "Theo mục: < Chi bộ: 1. Sinh hoạt chi bộ quán triệt"
ok $? "a cell brings the item the plan asks of cells"
# (a title wider than its field shows its end)
e2e_wait "quán triệt Nghị quyết Đại hội XI Đảng bộ tỉnh"
ok $? "and its title"
e2e_keys Down Right
e2e_wait "Tên buổi học: Hội nghị trực tuyến chuyên đề"
ok $? "another item fills the title"
e2e_wait "Hình thức: < Trực tuyến >"; ok $? "the form"
e2e_wait "Số buổi (nửa ngày): 3"; ok $? "and the length"
e2e_keys Down C-u 'Chuyên đề riêng' Up Left
e2e_wait "Theo mục: < Chi bộ: 1. Sinh hoạt"
e2e_wait "Hình thức: < Trực tiếp >"; ok $? "back to the first item, the form follows"
e2e_wait "Số buổi (nửa ngày): 1"; ok $? "and the length"
e2e_wait "Tên buổi học: Chuyên đề riêng"
ok $? "but a title the clerk typed is kept"
unit=$(e2e_screen | sed -n 's/.*Đơn vị tổ chức: < \(.*[^ ]\) >.*/\1/p')
e2e_keys Down Down '12/05/2021' F2
e2e_wait "Đã lưu buổi học"; ok $? "the session is saved for $unit"
e2e_keys F4
e2e_wait "Đơn vị tổ chức: < $unit >"
ok $? "the next session starts on the unit last worked on"
e2e_wait "quán triệt Nghị quyết Đại hội XI Đảng bộ tỉnh"
ok $? "with its item filled in"
e2e_keys '14/05/2021'
e2e_wait "Ngày học (dd/mm/yyyy): 14/05/2021"
ok $? "and opens on the date, the one thing left to type"
e2e_keys Escape
e2e_wait "Bỏ những gì vừa nhập?"
e2e_keys c
e2e_wait_gone "Thêm buổi học"
e2e_quit
e2e_start
e2e_wait "Trang chính"
open_form
e2e_wait "Đơn vị tổ chức: < $unit >"
ok $? "and so does it after the program is started again"
e2e_keys Escape
e2e_wait_gone "Thêm buổi học"
e2e_quit
done_testing
