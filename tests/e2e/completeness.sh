#!/bin/sh
# Reports going up, in the interface: Home shows why a report came back;
# the commune's report names the cells whose report is not in;
# F3 from the tally report lists who has sent round 1, with the same
# totals as `quantriet report completeness`; F9 returns a report with a
# reason, F8 accepts one, Enter shows a unit's report and its history;
# making a report final first shows what is still open; LANG=C fits 80x24.
. "$top_srcdir/tests/e2e/lib.sh"

# "Phải nộp …" and "Đúng hạn …", the screen's two total lines, from the
# command line's CSV total row.
cli_totals() {
	"$QUANTRIET" report completeness --db "$E2E_DB" --plan 08-KH/ĐU \
	    --format csv | tr -d '\r' | sed -n 8p | awk -F, '{
	  printf "Phải nộp %d, đã nộp %d (%d%%)\n", $7, $8, int($8 * 100 / $7)
	  printf "Đúng hạn %d, trễ hạn %d, chưa nộp %d, bị trả lại %d, đã duyệt %d\n",
	    $9, $10, $11, $12, $13 }'
}

# Waits until both total lines of the CLI are on screen.
totals_agree() {
	cli_totals > "$TAP_TMP/totals"
	e2e_wait "$(sed -n 1p "$TAP_TMP/totals")" &&
	    e2e_wait "$(sed -n 2p "$TAP_TMP/totals")"
}

e2e_demo
e2e_start
e2e_wait "Trang chính" || { done_testing; exit 1; }
e2e_wait "Bị trả lại: Chi bộ ấp Vĩnh Hòa, đợt 1: Mục 5 chưa đánh giá"
ok $? "Home shows the returned report and why"
e2e_keys 4
e2e_wait "BÁO CÁO TỔNG HỢP"
e2e_wait "Chưa nộp báo cáo đợt 1 (số liệu của họ là số hiện tại, chưa"
ok $? "the commune's report says which cells have not sent theirs"
e2e_wait "ấp Vĩnh Hòa (bị trả lại)"; ok $? "a returned one among them"
e2e_keys F3
e2e_wait "Tình hình nộp báo cáo - 08-KH/ĐU - đợt 1"; ok $? "F3 opens who has sent round 1"
e2e_wait "Đơn vị nhận: Đảng bộ xã Vĩnh Hòa Hiệp"; ok $? "the commune receives its cells' reports"
e2e_wait "Phải nộp 6, đã nộp 3 (50%), nộp đúng hạn 2 (33%)"; ok $? "totals and rates"
totals_agree; ok $? "the same totals as report completeness"
e2e_wait "Chi bộ ấp Vĩnh Lộc              Chưa nộp              24/04/2021 quá 16 ngày"
ok $? "a missing cell with its deadline and the days overdue"
e2e_wait "Chi bộ ấp Vĩnh Thành            Trễ hạn    26/04/2021 24/04/2021 trễ 2 ngày"
ok $? "a late cell, when it was sent"
e2e_wait "Lý do trả lại: Mục 5 chưa đánh giá"; ok $? "the first cell, returned: its reason below"
e2e_fits "completeness"

# Vĩnh Thành (late) is returned with a reason.
e2e_keys Down Down Down
e2e_wait "1.Tổng số 29  2.Học 18  3.Viết 9  4.Miễn 4"; ok $? "the selected cell's figures as sent"
e2e_keys F9
e2e_wait "Lý do trả lại:"; ok $? "F9 asks why"
e2e_keys 'Thiếu danh sách đảng viên vắng' Enter
e2e_wait "Đã trả lại báo cáo"; ok $? "the report is returned"
e2e_wait "Đúng hạn 1, trễ hạn 0, chưa nộp 2, bị trả lại 2, đã duyệt 1"; ok $? "counted as returned"
totals_agree; ok $? "the command line agrees"
e2e_keys F8
e2e_wait "Báo cáo chưa chốt, chưa nộp lên"; ok $? "a returned report cannot be accepted"

# Trường học (on time) is accepted; Cơ quan was already.
e2e_keys Down Down
e2e_keys F8
e2e_wait "Đã duyệt báo cáo"; ok $? "F8 accepts an on-time report"
e2e_wait "Đúng hạn 0, trễ hạn 0, chưa nộp 2, bị trả lại 2, đã duyệt 2"; ok $? "counted as accepted"
e2e_keys Up F8
e2e_wait "Báo cáo đã được duyệt rồi"; ok $? "a report is accepted once"

# Drill down: Vĩnh Thành's report shows its history.
e2e_keys Up Enter
e2e_wait "Đơn vị: < Chi bộ ấp Vĩnh Thành >"; ok $? "Enter opens the cell's report"
e2e_wait "cấp trên trả lại, lý do: Thiếu danh sách đảng viên vắng"
ok $? "its history shows the return and why"
e2e_wait "Đợt 1 - Bản nháp"; ok $? "a draft again"

# Vĩnh Phước makes its report final: what is open is shown first.
e2e_keys Escape
e2e_wait "Tình hình nộp báo cáo"
e2e_keys Home Down Down Enter
e2e_wait "Đơn vị: < Chi bộ ấp Vĩnh Phước >"
e2e_wait "Trước khi chốt và nộp: Còn 3 đảng viên chưa nộp bài thu hoạch"
ok $? "a draft says what is still open"
e2e_keys F8
e2e_wait "Chốt báo cáo? Còn việc dở ở trên"; ok $? "F8 asks, pointing at it"
e2e_keys c
e2e_wait "Đã chốt báo cáo và nộp lên cấp trên"; ok $? "made final: sent up"
e2e_wait "chốt và nộp báo cáo"; ok $? "its history says it was sent"
e2e_keys Escape
e2e_wait "Chi bộ ấp Vĩnh Phước            Trễ hạn    10/05/2021 24/04/2021 trễ 16 ngày"
ok $? "back on the list, it is late"
totals_agree; ok $? "the command line agrees"
e2e_quit

# LANG=C: unaccented, within 80x24.
e2e_start C
e2e_wait "Trang chinh"
e2e_keys 4
e2e_wait "BAO CAO TONG HOP"
e2e_keys F3
e2e_wait "Tinh hinh nop bao cao"; ok $? "LANG=C: the list unaccented"
e2e_fits "completeness (C)"
is "$(e2e_screen | LC_ALL=C tr -d '\000-\177' | wc -c)" 0 "completeness (C): only ASCII"
e2e_keys Q
e2e_wait "EXITED 0"
done_testing
