#!/bin/sh
# The essays of the demo campaign: record a late member's essay (a wrong
# date refused on the form first), see the list and the tally count go
# up; what is typed survives a dropped session; LANG=C fits 80x24.
. "$top_srcdir/tests/e2e/lib_essay.sh"

# The number after "3. Số đảng viên viết thu hoạch: " on the screen.
wrote_count() {
	e2e_screen | sed -n 's/.*3\. Số đảng viên viết thu hoạch: \([0-9]*\).*/\1/p'
}

e2e_demo
e2e_start
e2e_wait "Trang chính" || { done_testing; exit 1; }
e2e_keys 4
e2e_wait "3. Số đảng viên viết thu hoạch:"; ok $? "4 opens the commune's tally report"
before=$(wrote_count)
e2e_keys Escape
e2e_wait "Trang chính"
e2e_keys 3
e2e_wait "Bài thu hoạch - 08-KH/ĐU"; ok $? "3 opens the essays of the campaign"
e2e_wait "Trạng thái"; ok $? "with the state column"
e2e_keys F6 F6
e2e_wait "Lọc (F6): Quá hạn"; ok $? "F6 filters to the late essays"
e2e_wait_gone "Đã nộp"; ok $? "only late ones are left"
e2e_keys Enter
e2e_wait "Ngày nộp:"; ok $? "Enter opens the essay form"
name=$(e2e_screen | sed -n '1s/^Bài thu hoạch - \(.*[^ ]\)  *[0-9][0-9]\/[0-9][0-9]\/[0-9]*$/\1/p')
[ -n "$name" ]; ok $? "of a late member ($name)"

e2e_keys '31/02/2021' F2
e2e_wait "Ngày 31/02/2021 không tồn tại"; ok $? "31/02/2021 is refused with the reason on the form"
e2e_keys C-u '11/05/2021' F2
e2e_wait "không được sau hôm nay"; ok $? "a date after today is refused"
e2e_keys C-u '01/04/2021' F2
e2e_wait "không được trước buổi học"; ok $? "a date before the member's session is refused"
e2e_keys C-u '06/05/2021' Down Right Down 'Nhận thức sâu sắc về nghị quyết'
e2e_wait "1. Về nhận thức (toàn văn):"; ok $? "the part being typed is shown whole"
e2e_keys Down Down 'Đề nghị làm đường giao thông' C-o 'Đề nghị thêm tài liệu'
e2e_wait "  Đề nghị thêm tài liệu"; ok $? "Ctrl-O starts a new line in a part"
e2e_keys F2
e2e_wait "Đã lưu bài thu hoạch"; ok $? "a valid essay is saved"
e2e_screen | sed -n '6,22p' | grep -F -q -- "$name"
[ $? -ne 0 ]; ok $? "and leaves the list of late essays"

e2e_keys F6
e2e_wait "Lọc (F6): Đã nộp"
e2e_keys /
e2e_wait "Tìm theo tên"
e2e_keys "$name" Enter
e2e_wait "Nộp muộn"; ok $? "the search finds it handed in late"
e2e_wait "06/05/21"; ok $? "with its date"
e2e_wait "Xuất sắc"; ok $? "and its grade"
e2e_keys Escape
e2e_wait_gone "Tìm:"
e2e_keys F8
e2e_wait "3. Số đảng viên viết thu hoạch:"; ok $? "F8 opens the tally from the essays"
is "$(wrote_count)" "$((before + 1))" "the tally counts one more essay"
page_until "$name (Chi bộ"; ok $? "its proposal is shown for reference"
e2e_wait "    Đề nghị thêm tài liệu"; ok $? "its lines kept"

# A dropped session while typing an essay loses nothing.
e2e_keys Escape
e2e_wait "Bài thu hoạch - 08-KH/ĐU"
e2e_keys F6 F6 F6
e2e_wait "Lọc (F6): Chưa nộp"
e2e_keys Enter
e2e_wait "Ngày nộp:"
other=$(e2e_screen | sed -n '1s/^Bài thu hoạch - \(.*[^ ]\)  *[0-9][0-9]\/[0-9][0-9]\/[0-9]*$/\1/p')
e2e_keys Down Down 'Bài viết dở dang'
e2e_wait "1. Về nhận thức: Bài viết dở dang"
kill -HUP "$(program_pid)"
e2e_wait "EXITED"; ok $? "SIGHUP ends the program while typing"
e2e_start
e2e_wait "Trang chính"
e2e_keys 3
e2e_wait "Bài thu hoạch - 08-KH/ĐU"
e2e_keys F6
e2e_wait "Lọc (F6): Chưa nộp"
e2e_wait "Chưa học"
e2e_keys Enter
e2e_wait "Bài thu hoạch - $other"
e2e_wait "Đã khôi phục nội dung đang nhập dở"; ok $? "reopening the essay restores the draft"
e2e_wait "1. Về nhận thức: Bài viết dở dang"; ok $? "with what was typed"
e2e_keys Escape
e2e_wait "Bỏ những gì vừa nhập?"
e2e_keys c
e2e_wait "Lọc (F6): Chưa nộp"
e2e_keys Q
e2e_wait "EXITED 0"

# LANG=C: unaccented, aligned, within 80x24.
e2e_start C
e2e_wait "Trang chinh"
e2e_keys 3
e2e_wait "Bai thu hoach - 08-KH/DU"; ok $? "LANG=C: the essays list unaccented"
e2e_wait "Trang thai"
e2e_fits "essays (C)"
is "$(e2e_screen | LC_ALL=C tr -d '\000-\177' | wc -c)" 0 "essays (C): only ASCII"
e2e_keys Enter
e2e_wait "Ngay nop:"; ok $? "LANG=C: the essay form"
e2e_fits "essay form (C)"
e2e_keys Escape
e2e_wait "Trang thai"
e2e_keys Q
e2e_wait "EXITED 0"
done_testing
