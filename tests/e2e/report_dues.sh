#!/bin/sh
# The reports a plan asks for are entered on screen: which level reports,
# what, to whom, the round, and the deadline as written, resolved to the
# round's own last day; a plan from above shows its reports read-only.
. "$top_srcdir/tests/e2e/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 không có trên máy"

e2e_demo
e2e_start
e2e_wait "Trang chính"
e2e_keys 2
e2e_wait "08-KH/ĐU"
e2e_keys Enter
e2e_wait "Kế hoạch yêu cầu"
e2e_keys F7
e2e_wait "Các buổi học kế hoạch yêu cầu"
e2e_keys F3
e2e_wait "Báo cáo kế hoạch yêu cầu"; ok $? "F3 on what the plan asks lists its reports"
e2e_fits "report list"
e2e_keys F4
e2e_wait "Thêm báo cáo kế hoạch yêu cầu"; ok $? "F4 adds a report"
e2e_fits "report form"
e2e_keys Up Right Right Right Right Right Down 'Báo cáo tổng hợp bài thu hoạch' \
    Down 'Ban Tuyên giáo Đảng ủy' Down C-u '2' F2
e2e_wait "Ghi hạn"; ok $? "a report with no deadline is refused"
e2e_keys Down 'đợt 1 trước ngày 29-4-2021, đợt 2 trước ngày 28-5-2021' F2
e2e_wait "Đã thêm báo cáo vào kế hoạch"; ok $? "saved with the deadline as written"
e2e_screen | grep -q "27/05/2021 2 *Chi bộ *Ban Tuyên giáo"
ok $? "round 2 is due on its own last day, 27/05/2021, from the cells"
e2e_keys F4
e2e_wait "Thêm báo cáo kế hoạch yêu cầu"
e2e_keys 'Báo cáo kết quả học tập' Down 'Huyện ủy' Down Down Down \
    'đợt 1 trước ngày 29-4-2021, đợt 2 trước ngày 28-5-2021' F2
e2e_wait "Đã thêm báo cáo vào kế hoạch"
e2e_screen | grep -q "28/04/2021 1 *Mọi cấp *Huyện ủy"
ok $? "round 1 of the same words is due 28/04/2021, from every level"
e2e_keys Escape Escape Escape
e2e_wait "13-KH/TU"
e2e_keys Down Down Enter
e2e_wait "Kế hoạch yêu cầu"
e2e_keys F7
e2e_wait "Của cấp trên, chỉ xem"
e2e_keys F3
e2e_wait "Của cấp trên, chỉ xem: 13-KH/TU"; ok $? "a plan from above: its reports read-only"
e2e_hides "F4Thêm" && e2e_hides "F5Sửa" && e2e_hides "F9Xóa"
ok $? "with no key offered to change them"
e2e_keys F4 n
e2e_hides "Thêm báo cáo kế hoạch yêu cầu"; ok $? "F4 and n open no form"
e2e_quit
n=$(sqlite3 "$E2E_DB" "SELECT group_concat(round || ':' || due_on || ':' ||
    recipient, ' ') FROM (SELECT * FROM report_deadline WHERE due_text <> ''
    ORDER BY round)")
[ "$n" = "1:2021-04-28:Huyện ủy 2:2021-05-27:Ban Tuyên giáo Đảng ủy" ]
ok $? "stored with round, last day and recipient ($n)"
done_testing
