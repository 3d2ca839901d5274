#!/bin/sh
# report_completeness.sh - who has sent round 1 of the demo: the statuses
# of the six cells checked against the report rows and their history with
# plain SQL, the totals adding up (expected = on time + late + missing +
# returned + accepted), txt and CSV agreeing; submit, accept and return
# from the command line, with the history printed on request; a form that
# is still open is said before it goes up.
. "$top_srcdir/tests/tap.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 command not installed"
tap_tmpdir
db=$TAP_TMP/demo.db
QUANTRIET_TODAY=2021-04-28; export QUANTRIET_TODAY
"$QUANTRIET" demo --db "$db" >/dev/null 2>&1
ok $? "demo creates the database"

"$QUANTRIET" report completeness --db "$db" --plan 08-KH/ĐU --format csv \
    > "$TAP_TMP/c.csv"
ok $? "report completeness --format csv"
tr -d '\r' < "$TAP_TMP/c.csv" > "$TAP_TMP/c.txt"
is "$(head -n 1 "$TAP_TMP/c.txt")" \
  "Đơn vị,Tình trạng,Ngày nộp,Hạn nộp,Số ngày còn lại,Số liệu,Phải nộp,Đã nộp,Đúng hạn,Trễ hạn,Chưa nộp,Bị trả lại,Đã duyệt,Tổng số đảng viên,Tham gia học tập,Viết thu hoạch,Miễn viết thu hoạch,Chưa viết" \
  "CSV header"
is "$(grep -c . "$TAP_TMP/c.txt")" 8 "header, six cells, total"

# Each cell's status from the rows, written independently: the latest
# event of its round-1 report, whether it is final and when.
sqlite3 -separator , "$db" "
SELECT u.name, CASE
  WHEN t.status = 'final' AND (SELECT action FROM tally_event e WHERE e.report_id = t.id
    ORDER BY at DESC, rowid DESC LIMIT 1) = 'accept' THEN 'accepted'
  WHEN t.status = 'final' AND t.finalized_on > '2021-04-24' THEN 'late'
  WHEN t.status = 'final' THEN 'on time'
  WHEN (SELECT action FROM tally_event e WHERE e.report_id = t.id
    ORDER BY at DESC, rowid DESC LIMIT 1) = 'return' THEN 'returned'
  ELSE 'missing' END, coalesce(t.finalized_on, ''), '2021-04-24'
FROM unit u LEFT JOIN tally_report t ON t.unit_id = u.id AND t.round = 1
WHERE u.parent_id = (SELECT id FROM unit WHERE code = 'DU-VHH')
ORDER BY u.name_fold" > "$TAP_TMP/want.csv"
is "$(sed -n '2,7p' "$TAP_TMP/c.txt" | cut -d, -f1-4)" "$(cat "$TAP_TMP/want.csv")" \
  "each cell's status, date sent and deadline agree with the rows"
is "$(cut -d, -f2 "$TAP_TMP/want.csv" | sort | uniq -c | awk '{$1=$1; print}' | tr '\n' ' ')" \
  "1 accepted 1 late 2 missing 1 on time 1 returned " \
  "the demo's round 1: one accepted, one late, two missing, one on time, one returned"

# The total row is the sum of the unit rows, and the statuses add up.
awk -F, 'NR > 1 && NR < 8 { for (i = 7; i <= 18; i++) s[i] += $i }
  NR == 8 { bad = 0; for (i = 7; i <= 18; i++) if (s[i] != $i) bad = 1
    if ($7 != $9 + $10 + $11 + $12 + $13) bad = 1
    if ($8 != $9 + $10 + $13) bad = 1
    exit bad }' "$TAP_TMP/c.txt"
ok $? "total = sum of the cells; expected = on time + late + missing + returned + accepted; submitted = on time + late + accepted"
is "$(sed -n 8p "$TAP_TMP/c.txt" | cut -d, -f1,7-13)" "Tổng cộng,6,3,1,1,2,1,1" \
  "totals: 6 expected, 3 submitted, 1 on time, 1 late, 2 missing, 1 returned, 1 accepted"
is "$(grep '^Chi bộ ấp Vĩnh Lộc,' "$TAP_TMP/c.txt" | cut -d, -f5,6)" "-4,live" \
  "a missing cell: four days overdue, its live figures marked so"
is "$(grep '^Chi bộ ấp Vĩnh Thành,' "$TAP_TMP/c.txt" | cut -d, -f5,6,14-17)" "-2,final,29,18,9,4" \
  "a late cell: two days late, the figures it sent"

# The text form: one line per cell, the same total.
"$QUANTRIET" report completeness --db "$db" --plan 08-KH/ĐU > "$TAP_TMP/c.out"
ok $? "report completeness (txt)"
is "$(grep -c -E '^Chi bộ .* (on time|late|missing|returned|accepted) ' "$TAP_TMP/c.out")" 6 \
  "one line per cell with its status"
grep -q "^Tổng cộng: expected 6, submitted 3 (50%), on time 1, late 1, missing 2, returned 1, accepted 1; submitted on time 2 (33%)$" "$TAP_TMP/c.out"
ok $? "the total line with the rates"
grep -q "^Chi bộ ấp Vĩnh Lộc .*quá 4 ngày" "$TAP_TMP/c.out"
ok $? "a missing cell: days overdue"
QUANTRIET_TODAY=2021-04-20 "$QUANTRIET" report completeness --db "$db" \
    --plan 08-KH/ĐU | grep -q "^Chi bộ ấp Vĩnh Lộc .*còn 4 ngày"
ok $? "before the deadline: days left"
# Years later the count of days is wider than the heading: never cut.
QUANTRIET_TODAY=2026-12-02 "$QUANTRIET" report completeness --db "$db" \
    --plan 08-KH/ĐU | grep -q "^Chi bộ ấp Vĩnh Lộc .*quá 2048 ngày  "
ok $? "a wide count of days is printed whole"
is "$("$QUANTRIET" report completeness --db "$db" --plan 08-KH/ĐU --round 2 --format csv |
  tr -d '\r' | sed -n 8p | cut -d, -f1,7-13)" "Tổng cộng,6,0,0,0,6,0,0" \
  "round 2: nothing sent yet"
"$QUANTRIET" report completeness --db "$db" --plan 13-KH/TU > "$TAP_TMP/c13.out"
grep -q "^Tổng cộng: expected 6, submitted 3" "$TAP_TMP/c13.out"
ok $? "the province's plan finds the reports under the commune's plan"

# History on request.
"$QUANTRIET" report completeness --db "$db" --plan 08-KH/ĐU --history > "$TAP_TMP/h.out"
grep -A2 "^Chi bộ ấp Vĩnh Hòa " "$TAP_TMP/h.out" | grep -q \
  "25/04/2021 cấp trên trả lại (vanphong.xa): Mục 5 chưa đánh giá"
ok $? "--history: the return with who and why under its cell"

# Submit, return, resubmit, accept from the command line.
out=$("$QUANTRIET" report submit --db "$db" --plan 08-KH/ĐU --unit CB-VP 2>&1)
ok $? "report submit"
case $out in *"Còn 3 đảng viên chưa nộp bài thu hoạch"*"Đã chốt báo cáo"*) r=0 ;; *) r=1 ;; esac
ok $r "it says what is still open, then that it went up"
"$QUANTRIET" report submit --db "$db" --plan 08-KH/ĐU --unit CB-VP >/dev/null 2>&1
is $? 1 "a final report is not submitted twice"
"$QUANTRIET" report return --db "$db" --plan 08-KH/ĐU --unit CB-VP >/dev/null 2>&1
is $? 2 "return without a reason is a usage error"
"$QUANTRIET" report return --db "$db" --plan 08-KH/ĐU --unit CB-VP --reason 'Thiếu mục 6' >/dev/null 2>&1
ok $? "report return"
"$QUANTRIET" report accept --db "$db" --plan 08-KH/ĐU --unit DU-VHH >/dev/null 2>&1
is $? 1 "the commune may not accept its own report"
"$QUANTRIET" report accept --db "$db" --plan 08-KH/ĐU --unit CB-VP >/dev/null 2>&1
is $? 1 "nor a report returned and not sent again"
"$QUANTRIET" report submit --db "$db" --plan 08-KH/ĐU --unit CB-VP >/dev/null 2>&1 &&
  "$QUANTRIET" report accept --db "$db" --plan 08-KH/ĐU --unit CB-VP >/dev/null 2>&1
ok $? "resubmitted and accepted"
"$QUANTRIET" report completeness --db "$db" --plan 08-KH/ĐU --history > "$TAP_TMP/h.out"
is "$(grep -A4 '^Chi bộ ấp Vĩnh Phước ' "$TAP_TMP/h.out" | sed -n '1s/  */ /gp;2,5s/^ *[0-9/]* //p' | sed 's/ (.*)//' | tr '\n' '|')" \
  "Chi bộ ấp Vĩnh Phước accepted 28/04/2021 24/04/2021 31 29 23 5 3|chốt và nộp báo cáo|cấp trên trả lại: Thiếu mục 6|chốt và nộp lại|cấp trên duyệt|" \
  "its history: submitted, returned, resubmitted, accepted"
is "$(sqlite3 "$db" "SELECT group_concat(action, ' ') FROM (SELECT action FROM tally_event
  WHERE report_id = (SELECT id FROM tally_report WHERE unit_id = (SELECT id FROM unit
  WHERE code = 'CB-VP') AND round = 1) ORDER BY at, hlc)")" "final return final accept" \
  "the history rows"
done_testing
