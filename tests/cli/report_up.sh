#!/bin/sh
# report_up.sh - a commune's report is built from its cells' reports: a
# cell that submitted counts with the snapshot it sent, whatever is
# recorded in it afterwards; a cell that has not counts live, and every
# face of the commune's report (txt, rtf, csv, the server's tally) names
# it. Item 1 = 3 + 4 + not yet on the commune's form all along.
. "$top_srcdir/tests/tap.sh"
tap_tmpdir
db=$TAP_TMP/demo.db
sqlrun="$top_builddir/tests/sync/sqlrun"
QUANTRIET_TODAY=2021-05-10; export QUANTRIET_TODAY
"$QUANTRIET" demo --db "$db" >/dev/null 2>&1
ok $? "demo creates the database"
plan=08-KH/ĐU
sent="Chi bộ ấp Vĩnh Thành"
unsent="Chi bộ ấp Vĩnh Hòa"
commune="Đảng bộ xã Vĩnh Hòa Hiệp"

# tally UNIT [OPTION...]: UNIT's round-2 report.
tally() {
	unit=$1; shift
	"$QUANTRIET" report tally --db "$db" --plan $plan --round 2 \
	    --unit "$unit" "$@"
}
# item3 UNIT: item 3 of UNIT's round-2 form.
item3() {
	tally "$1" | sed -n 's/^3\. Số đảng viên viết thu hoạch: //p'
}
# record N UNIT: N more essays handed in today, by members of UNIT who
# must write and had written none, each proposing "Đề xuất mới của UNIT".
record() {
	"$sqlrun" "$db" "INSERT INTO essay(id, document_id, member_id,
	    submitted_on, proposals)
	  SELECT (SELECT max(id) FROM essay) + row_number() OVER (ORDER BY m.id),
	    (SELECT id FROM document WHERE number = '$plan'), m.id, '$QUANTRIET_TODAY',
	    'Đề xuất mới của $2'
	  FROM member m JOIN unit u ON u.id = m.unit_id
	  WHERE u.name = '$2' AND m.status = 'active'
	    AND NOT EXISTS (SELECT 1 FROM essay e WHERE e.member_id = m.id)
	  ORDER BY m.id LIMIT $1"
}

sent0=$(item3 "$sent")
unsent0=$(item3 "$unsent")
commune0=$(item3 "$commune")
[ -n "$sent0" ] && [ -n "$unsent0" ] && [ -n "$commune0" ]
ok $? "round 2 before: $sent $sent0, $unsent $unsent0, the commune $commune0 essays"

"$QUANTRIET" report submit --db "$db" --plan $plan --round 2 --unit "$sent" \
    >/dev/null 2>&1
ok $? "$sent submits its round-2 report"
# The next day (its snapshot counts to the day it was made final).
QUANTRIET_TODAY=2021-05-11
record 2 "$sent" && record 3 "$unsent"
ok $? "two more essays recorded in it, three in $unsent, which has not"

is "$(item3 "$sent")" "$sent0" "the cell that submitted prints its snapshot"
is "$(item3 "$unsent")" "$((unsent0 + 3))" "the other counts live"
is "$(item3 "$commune")" "$((commune0 + 3))" \
  "the commune's report: the snapshot of the one, live figures of the other"

# Item 6 of the commune: the proposals its cells' reports count, so not
# one recorded in the cell that submitted after it did.
tally "$commune" --annex > "$TAP_TMP/annex.txt"
grep -q "Đề xuất mới của $unsent" "$TAP_TMP/annex.txt"
ok $? "item 6 has the new proposals of the cell counted live"
! grep -q "Đề xuất mới của $sent" "$TAP_TMP/annex.txt"
ok $? "not those recorded in the cell that submitted, after it did"

# The form names the cell that has not submitted, and only it.
tally "$commune" > "$TAP_TMP/c.txt"
ok $? "the commune's form as text"
tr '\n' ' ' < "$TAP_TMP/c.txt" | tr -s ' ' > "$TAP_TMP/c.flat"
grep -q "(Chưa nộp báo cáo đợt 2 (số liệu của họ là số hiện tại, chưa chốt): [^)]*$unsent" "$TAP_TMP/c.flat"
ok $? "the text form names $unsent, its figures marked live"
! grep -q "chưa chốt): [^)]*$sent" "$TAP_TMP/c.flat"
ok $? "and not $sent"
tally "$commune" --format rtf > "$TAP_TMP/c.rtf" &&
  "$top_builddir/tests/unit/rtf_text" < "$TAP_TMP/c.rtf" | tr '\n' ' ' |
  tr -s ' ' | grep -q "chưa chốt): [^)]*$unsent"
ok $? "so does the RTF form"
"$QUANTRIET_SERVER" tally --db "$db" --plan $plan --round 2 \
    --unit "$commune" | tr '\n' ' ' | tr -s ' ' |
  grep -q "chưa chốt): [^)]*$unsent"
ok $? "and the server's tally"

# The CSV: one row per cell, the snapshot marked final, live figures
# marked so; the total is their sum; item 1 = 3 + 4 + not yet.
tally "$commune" --format csv | tr -d '\r' > "$TAP_TMP/c.csv"
is "$(grep "^$sent," "$TAP_TMP/c.csv" | cut -d, -f2,6)" "đã chốt,$sent0" \
  "CSV: the cell that submitted, its snapshot"
is "$(grep "^$unsent," "$TAP_TMP/c.csv" | cut -d, -f2,6)" \
  "nháp (số hiện tại),$((unsent0 + 3))" "CSV: the other, live and marked so"
awk -F, 'NR > 1 && $1 != "Tổng cộng" { for (i = 4; i <= NF; i++) s[i] += $i }
  $1 == "Tổng cộng" { bad = 0; for (i = 4; i <= NF; i++) if (s[i] != $i) bad = 1
    if ($4 != $6 + $7 + $(NF - 2)) bad = 1; exit bad }' "$TAP_TMP/c.csv"
ok $? "CSV: the commune's row is the sum of its cells; item 1 = 3 + 4 + not yet"

# The printed form adds up the same way: item 1 - item 3 - item 4 is
# the CSV's "not yet", on the text and on the RTF.
notyet=$(tail -n 1 "$TAP_TMP/c.csv" | cut -d, -f12)
# The form prints "not yet" under item 4, so the paper itself adds up.
items() {
	sed -n -e 's/^\([134]\)\. [^:]*: \([0-9]*\).*/\2/p' \
	    -e 's/^Số đảng viên chưa viết thu hoạch: \([0-9]*\).*/\1/p' |
	    tr '\n' ' '
}
set -- $(items < "$TAP_TMP/c.txt")
is "$(($1 - $2 - $3)) $4" "$notyet $notyet" \
  "text form: item 1 = 3 + 4 + the not yet it prints ($notyet)"
set -- $("$top_builddir/tests/unit/rtf_text" < "$TAP_TMP/c.rtf" | items)
is "$(($1 - $2 - $3)) $4" "$notyet $notyet" \
  "RTF form: item 1 = 3 + 4 + the not yet it prints"

# Made final, the commune's report keeps which cells it counted live.
"$QUANTRIET" report submit --db "$db" --plan $plan --round 2 --unit "$commune" \
    >/dev/null 2>&1
ok $? "the commune's report made final"
record 1 "$unsent"
is "$(item3 "$commune")" "$((commune0 + 3))" "it prints its snapshot"
tally "$commune" | tr '\n' ' ' | tr -s ' ' |
  grep -q "(Khi chốt, chưa nộp báo cáo đợt 2 ([^)]*): [^)]*$unsent"
ok $? "and still names the cell it counted live"

# The district reads its communes' reports, not their members' essays:
# beside item 6, each submitted commune's own item 6, and no member's
# proposal from a cell of a commune.
"$sqlrun" "$db" "UPDATE tally_report SET proposals = 'Xã đề nghị hỗ trợ
  kinh phí in tài liệu.' WHERE round = 2 AND unit_id = (SELECT id FROM unit
  WHERE name = '$commune')"
ok $? "the commune's report says what it proposes"
tally "Huyện ủy Châu Thành" | tr '\n' ' ' | tr -s ' ' > "$TAP_TMP/d.txt"
grep -q "^.*6\. Kiến nghị.*- Xã đề nghị hỗ trợ kinh phí in tài liệu\. ($commune)" \
  "$TAP_TMP/d.txt"
ok $? "the district's item 6 shows the commune's, naming it"
grep -q "Số .....-BC/HU.*T/M BAN THƯỜNG VỤ" "$TAP_TMP/d.txt"
ok $? "a district's form: number -BC/HU, signed for its standing committee"
is "$(grep -c "Đề xuất mới của" "$TAP_TMP/d.txt")" 0 \
  "and no proposal from an essay of a cell of the commune"
tally "$commune" | grep -q "Đề xuất mới của $unsent"
ok $? "the commune itself still groups its cells' members' proposals"

done_testing
