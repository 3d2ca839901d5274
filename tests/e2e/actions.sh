#!/bin/sh
# The commune's action programme for a plan ("5 rõ") and its review: the
# programme's deadline is entered on the plan as written and resolved;
# tasks are added with their last day and progress; the screen and
# `quantriet report actions` agree on what is done, done late, late and
# pending as of today (2021-05-10). The plan's form scrolls to its last
# fields at 80x24, where several parent documents are written.
. "$top_srcdir/tests/e2e/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 không có trên máy"

e2e_demo
e2e_start
e2e_wait "Trang chính"
e2e_keys 2
e2e_wait "08-KH/ĐU"
e2e_keys F5
e2e_wait "Sửa văn bản"
e2e_keys Up
e2e_wait "Hạn lập CT hành động:"; ok $? "the plan's form scrolls to its last field"
e2e_fits "plan form scrolled"
e2e_keys 'trước ngày 30/4/2021' Up 'Căn cứ Chỉ thị số 01-CT/TW, ngày 09/3/2021' \
    C-o 'Thực hiện Kế hoạch số 24-KH/HU, ngày 16/3/2021' F2
e2e_wait "Đã lưu văn bản"; ok $? "the plan is saved with its parents and the programme's deadline"
n=$(sqlite3 "$E2E_DB" "SELECT action_due || '|' || (length(parents_text) -
    length(replace(parents_text, char(10), '')) + 1) FROM document
    WHERE number = '08-KH/ĐU'")
[ "$n" = "2021-04-29|2" ]; ok $? "'trước ngày 30/4/2021' is due 29/04/2021; two parents kept ($n)"
e2e_keys Enter
e2e_wait "Kế hoạch yêu cầu"
e2e_keys F6
e2e_wait "2 việc: 0 đã xong, 0 xong trễ, 1 trễ hạn, 1 chưa xong"
ok $? "F6 opens the programme: the demo's two tasks, one late"
e2e_wait "Hạn lập chương trình: trước ngày 30/4/2021 (29/04/2021)"
ok $? "with its deadline as written and its last day"
e2e_fits "action programme"
e2e_keys F4
e2e_wait "Thêm việc vào chương trình hành động"; ok $? "F4 adds a task"
e2e_fits "action form"
e2e_keys 'Ra nghị quyết chuyên đề' Down 'Bí thư Đảng ủy' Down 'Quý II/2021' \
    Down 'Nghị quyết được ban hành' Down 'Ban Thường vụ' Down '15/4/2021' \
    Down Right Right F2
e2e_wait "ghi ngày xong"; ok $? "done without the day it was done is refused"
e2e_keys '20/4/2021' F2
e2e_wait "Đã thêm việc"; ok $? "a task done after its day is saved"
e2e_keys F4
e2e_wait "Thêm việc vào chương trình hành động"
e2e_keys 'Tuyên truyền trên loa truyền thanh' Down 'Phó Bí thư' Down \
    Down Down Down '30/6/2021' F2
e2e_wait "Đã thêm việc"
e2e_keys F4
e2e_wait "Thêm việc vào chương trình hành động"
e2e_keys 'Rà soát cán bộ' Down 'Chủ nhiệm UBKT' F2
e2e_wait "Đã thêm việc"
e2e_wait "5 việc: 0 đã xong, 1 xong trễ, 2 trễ hạn, 2 chưa xong"
ok $? "the review: done late, late (the programme's day), pending"
e2e_screen | grep -q "29/04/2021 Trễ hạn .*Rà soát cán bộ"
ok $? "a task with no day of its own is due with the programme"
e2e_quit
out=$("$QUANTRIET" report actions --plan 08-KH/ĐU --db "$E2E_DB")
printf '%s\n' "$out" | grep -q "Tổng số việc: 5; Đã xong: 0; Xong trễ hạn: 1; Trễ hạn: 2; Chưa xong: 2"
ok $? "report actions gives the same counts"
printf '%s\n' "$out" | grep -q "Hạn: 15/04/2021 — Xong trễ hạn (xong ngày 20/04/2021)"
ok $? "and each task's day, state and the day it was done"
printf '%s\n' "$out" | grep -q "Hạn lập chương trình: trước ngày 30/4/2021 (29/04/2021)"
ok $? "and the programme's deadline as written and resolved"
"$QUANTRIET" report actions --plan 08-KH/ĐU --format csv --db "$E2E_DB" \
    >/dev/null 2>&1
[ $? -eq 2 ]; ok $? "csv is refused as a usage error"
done_testing
