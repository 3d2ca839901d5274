#!/bin/sh
# The essays of the demo campaign: record a late member's essay (a wrong
# date refused on the form first, a part typed on three lines), see the
# list and the tally count go up and the lines kept; what is typed
# survives a dropped session and is offered at the next start, unaccented
# under LANG=C; LANG=C fits 80x24.
. "$top_srcdir/tests/e2e/lib_essay.sh"

# in_a_row A B [C]: the texts are on consecutive screen lines.
in_a_row() {
	e2e_screen | awk -v a="$1" -v b="$2" -v c="${3-}" '
	    index($0, a) { x = NR }
	    x && NR == x + 1 && index($0, b) { y = NR; found = c == "" }
	    y && NR == y + 1 && c != "" && index($0, c) { found = 1 }
	    END { exit !found }'
}

# The number after "3. Số đảng viên viết thu hoạch: " on the screen.
wrote_count() {
	e2e_screen | sed -n 's/.*3\. Số đảng viên viết thu hoạch: \([0-9]*\).*/\1/p'
}

e2e_demo
e2e_start
e2e_wait "Trang chính" || { done_testing; exit 1; }
e2e_keys 4
e2e_wait "3. Số đảng viên viết thu hoạch:"; ok $? "4 opens the commune's tally report"
# Round 1 counts to the cells' deadline of 24/04; round 2 to today.
round2() {
	e2e_keys F6
	e2e_wait "Đợt báo cáo (1-12)"
	e2e_keys C-u 2 Enter
	e2e_wait "Đợt 2 - Bản nháp"
}
round1_before=$(wrote_count)
round2
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
e2e_keys C-u '06/05/2021' Down Right Down 'Nhận thức sâu sắc về nghị quyết' \
    Enter 'Liên hệ bản thân' Enter 'Quyết tâm thực hiện'
e2e_wait "Quyết tâm thực hiện"
in_a_row "1. Về nhận thức: Nhận thức sâu sắc về nghị quyết" \
    "                         Liên hệ bản thân" \
    "                         Quyết tâm thực hiện"
ok $? "Enter starts a new line: three lines typed show on three lines"
e2e_keys Tab Tab 'Đề nghị làm đường giao thông' C-o 'Đề nghị thêm tài liệu'
e2e_wait "3. Đề xuất, kiến nghị: Đề nghị làm đường giao thông"
ok $? "Tab moves to the next part"
in_a_row "Đề nghị làm đường giao thông" "Đề nghị thêm tài liệu"
ok $? "Ctrl-O also starts a new line"
e2e_fits "essay form with three lines"
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
e2e_keys Enter
e2e_wait "1. Về nhận thức: Nhận thức sâu sắc về nghị quyết"
in_a_row "1. Về nhận thức: Nhận thức sâu sắc về nghị quyết" \
    "                         Liên hệ bản thân" \
    "                         Quyết tâm thực hiện"
ok $? "reopened, the part shows the same three lines"
e2e_keys Escape
e2e_wait "Nộp muộn"
e2e_keys Escape
e2e_wait_gone "Tìm:"
e2e_keys F8
e2e_wait "3. Số đảng viên viết thu hoạch:"; ok $? "F8 opens the tally from the essays"
round1=$(wrote_count)
round2
is "$(wrote_count)" "$((before + 1))" "round 2 counts one more essay"
is "$round1" "$round1_before" \
  "round 1 does not: the essay came after its deadline"
page_until "- Đề nghị làm đường giao thông"; ok $? "its proposal is shown for reference"
e2e_keys Down	# its second line may be just below the page
e2e_wait "    Đề nghị thêm tài liệu"; ok $? "its lines kept"

# A dropped session while typing an essay loses nothing.
e2e_keys Escape
e2e_wait "Bài thu hoạch - 08-KH/ĐU"
e2e_keys F6 F6 F6
e2e_wait "Lọc (F6): Chưa nộp"
e2e_keys Enter
e2e_wait "Ngày nộp:"
other=$(e2e_screen | sed -n '1s/^Bài thu hoạch - \(.*[^ ]\)  *[0-9][0-9]\/[0-9][0-9]\/[0-9]*$/\1/p')
e2e_keys Down Down 'Bài viết dở dang' Enter 'dòng thứ hai'
e2e_wait "dòng thứ hai"
kill -HUP "$(e2e_pid)"
e2e_wait "EXITED"; ok $? "SIGHUP ends the program while typing"
e2e_start
e2e_wait "Khôi phục nội dung đang nhập dở: Bài thu hoạch"; ok $? "the next start offers the essay back"
e2e_keys c
e2e_wait "Bài thu hoạch - $other"; ok $? "of the same member"
in_a_row "1. Về nhận thức: Bài viết dở dang" \
    "                         dòng thứ hai"
ok $? "with what was typed, on its two lines"
# Dropped again, then started on a terminal without UTF-8.
kill -HUP "$(e2e_pid)"
e2e_wait "EXITED"
e2e_start C
e2e_wait "Khoi phuc noi dung dang nhap do: Bai thu hoach"; ok $? "LANG=C: offered again"
e2e_keys c
e2e_wait "1. Ve nhan thuc: Bai viet do dang"; ok $? "LANG=C: the text unaccented"
e2e_wait "                         dong thu hai"; ok $? "LANG=C: its second line"
e2e_fits "essay form restored (C)"
e2e_keys Escape
e2e_wait "Bo nhung gi vua nhap?"
e2e_keys c
e2e_wait "Trang chinh"
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
