#!/bin/sh
# report_tally.sh - the demo database and its tally report, every count
# checked against plain SQL written independently of src/domain/tally.c.
. "$top_srcdir/tests/tap.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 command not installed"
tap_tmpdir
db=$TAP_TMP/demo.db
QUANTRIET_TODAY=2021-04-28; export QUANTRIET_TODAY

"$QUANTRIET" demo --db "$db" >/dev/null 2>&1
ok $? "demo creates the database"
is "$(sqlite3 "$db" 'SELECT count(*) FROM sync_outbox')" 0 \
    "the demo's invented people are not queued for the provincial server"
is "$(sqlite3 "$db" "SELECT count(*) FROM member")" 150 "150 people"
is "$(sqlite3 "$db" "SELECT count(*) FROM unit u JOIN unit_kind k ON k.code = u.kind
  WHERE k.is_cell AND u.parent_id = (SELECT value FROM setting WHERE key = 'home_unit_id')")" 6 \
  "home unit has six cells"
is "$(sqlite3 "$db" "SELECT count(*) FROM session WHERE makeup_of IS NOT NULL AND status = 'planned'")" 1 \
  "one planned make-up session"

# tally_csv ROUND: the commune's CSV, without the CR of each line.
tally_csv() {
	"$QUANTRIET" report tally --db "$db" --plan 13-kh/tu --format csv \
	    --round "$1" > "$TAP_TMP/out.csv" &&
	tr -d '\r' < "$TAP_TMP/out.csv" > "$TAP_TMP/tally$1.csv"
}
tally_csv 1
ok $? "report tally --format csv"
is "$(head -n 1 "$TAP_TMP/tally1.csv")" \
  "Đơn vị,Trạng thái,Số liệu đến ngày,Tổng số đảng viên,Tham gia học tập,Viết thu hoạch,Miễn viết thu hoạch,Miễn viết: Miễn sinh hoạt,Miễn viết: Miễn công tác,Miễn viết: Hưu trí,Phải viết,Chưa viết,Quá hạn,Quần chúng dự học" \
  "CSV header: one column per exemption reason"
is "$(grep -c . "$TAP_TMP/tally1.csv")" 8 "header, six cells, total"
is "$(awk -F, '{print NF}' "$TAP_TMP/tally1.csv" | sort -u)" 14 \
  "every row has the header's 14 columns"

# want CUTOFF: the same counts per cell, from the rows, as of CUTOFF: a
# plan is 13-KH/TU or a plan whose parent is it (two levels in the
# demo); exemptions are the default rules, and an exempt member who
# wrote is a writer; a session counts if held by the cutoff, an essay if
# handed in by it; essays are due 7 days after the first session taken
# part in, else after the cell's last session.
want() {
	sqlite3 -separator , "$db" "
WITH plan(id) AS (
  SELECT id FROM document WHERE number = '13-KH/TU'
  UNION ALL SELECT d.id FROM document d JOIN document p ON d.parent_id = p.id
  WHERE p.number = '13-KH/TU'),
held AS (SELECT * FROM session WHERE status = 'held' AND held_on <= '$1'
  AND document_id IN plan),
pm AS (SELECT m.id, m.unit_id, s.is_party_member AS party,
  coalesce(r.must_write, 1) AS must FROM member m
  JOIN member_status s ON s.code = m.status
  LEFT JOIN exemption_rule r ON r.status = m.status AND r.document_id IS NULL),
took AS (SELECT DISTINCT a.member_id AS id FROM attendance a
  JOIN held se ON se.id = a.session_id WHERE a.status <> 'absent'),
wrote AS (SELECT DISTINCT member_id AS id FROM essay
  WHERE submitted_on <= '$1' AND document_id IN plan),
firstday AS (SELECT a.member_id AS id, min(se.held_on) AS d FROM attendance a
  JOIN held se ON se.id = a.session_id WHERE a.status <> 'absent'
  GROUP BY a.member_id),
lastday AS (SELECT unit_id, max(held_on) AS d FROM held GROUP BY unit_id)
SELECT u.name, sum(pm.party), sum(pm.party AND pm.id IN took),
  sum(pm.party AND pm.id IN wrote),
  sum(pm.party AND NOT pm.must AND pm.id NOT IN wrote),
  sum(pm.party AND pm.must), sum(pm.party AND pm.must AND pm.id NOT IN wrote),
  sum(coalesce(pm.party AND pm.must AND pm.id NOT IN wrote
    AND julianday(coalesce(f.d, l.d)) + 7 < julianday('$1'), 0)),
  sum(NOT pm.party AND pm.id IN took)
FROM unit u JOIN pm ON pm.unit_id = u.id
LEFT JOIN firstday f ON f.id = pm.id LEFT JOIN lastday l ON l.unit_id = u.id
WHERE u.parent_id = (SELECT id FROM unit WHERE code = 'DU-VHH')
GROUP BY u.id" | sort
}
# got ROUND: the same columns of the CSV's cell rows.
got() {
	sed -n '2,7p' "$TAP_TMP/tally$1.csv" | cut -d, -f1,4-7,11-14 | sort
}
# Round 1: the cells report to the commune by 24/04 (demo), so essays
# and the make-up session after it wait for round 2 (to 22/05: today).
want 2021-04-24 > "$TAP_TMP/want1.csv"
got 1 > "$TAP_TMP/got1.csv"
is "$(cat "$TAP_TMP/got1.csv")" "$(cat "$TAP_TMP/want1.csv")" \
  "round 1: every count of every cell matches plain SQL as of its deadline 24/04"
is "$(sed -n 2p "$TAP_TMP/tally1.csv" | cut -d, -f2,3)" "nháp (số hiện tại),24/04/2021" \
  "the CSV says the counts are a draft's, as of 24/04"
tally_csv 2
want 2021-04-28 > "$TAP_TMP/want2.csv"
got 2 > "$TAP_TMP/got2.csv"
is "$(cat "$TAP_TMP/got2.csv")" "$(cat "$TAP_TMP/want2.csv")" \
  "round 2: every count matches plain SQL as of today, 28/04"
! cmp -s "$TAP_TMP/got1.csv" "$TAP_TMP/got2.csv"
ok $? "round 1 and round 2 differ: essays came in between"
is "$(awk -F, '$3 == 0 {print $1}' "$TAP_TMP/got1.csv")" "Chi bộ ấp Vĩnh Lộc" \
  "only Vĩnh Lộc has not studied yet"
is "$(tail -n 1 "$TAP_TMP/tally1.csv" | cut -d, -f1,4-7,11-14)" \
  "Tổng cộng,$(awk -F, '{for (i = 2; i <= 9; i++) s[i] += $i}
    END {for (i = 2; i <= 9; i++) printf "%s%d", (i > 2 ? "," : ""), s[i]}' "$TAP_TMP/want1.csv")" \
  "the commune's total is the sum of its cells"
is "$(tail -n 1 "$TAP_TMP/tally1.csv" | cut -d, -f8-10)" "5,4,9" \
  "exemption reasons, each in its own column"
# Item 1 = item 3 + item 4 + not yet, on every unit's form and round.
bad=0
for round in 1 2; do
	for unit in $(sqlite3 "$db" "SELECT code FROM unit"); do
		"$QUANTRIET" report tally --db "$db" --plan 13-KH/TU --unit "$unit" \
		    --round $round --format csv | tr -d '\r' | tail -n 1 |
		    awk -F, '$4 != $6 + $7 + $12 {exit 1}' || bad=$((bad + 1))
	done
done
is "$bad" 0 "item 1 = item 3 + item 4 + not yet for every unit, both rounds"

"$QUANTRIET" report tally --db "$db" --plan "13 - KH/TU" --unit "vinh phuoc" > "$TAP_TMP/vp.txt"
ok $? "report tally as text for one cell"
want=$(sqlite3 "$db" "SELECT count(*) FROM member WHERE status <> 'guest' AND unit_id = (SELECT id FROM unit WHERE code = 'CB-VP')")
grep -q "^1. Tổng số đảng viên: $want\$" "$TAP_TMP/vp.txt"
ok $? "item 1 of the form"
grep -q "CHI BỘ ẤP VĨNH PHƯỚC" "$TAP_TMP/vp.txt" && grep -q "T/M CHI ỦY CHI BỘ" "$TAP_TMP/vp.txt"
ok $? "header and signature block of a cell"
grep -q "$(sqlite3 "$db" "SELECT secretary FROM unit WHERE code = 'CB-VP'")" "$TAP_TMP/vp.txt" &&
  grep -q "^Đa số đảng viên viết thu hoạch nghiêm túc" "$TAP_TMP/vp.txt"
ok $? "signer and assessment from the draft report"
grep -q "Vĩnh Hòa Hiệp, ngày 28 tháng 4 năm 2021" "$TAP_TMP/vp.txt"
ok $? "place and date"

"$QUANTRIET" report tally --db "$db" --plan 13-KH/TU --unit "Chi bộ ấp Vĩnh Lộc" --format csv |
  tr -d '\r' | tail -n 1 > "$TAP_TMP/vl.csv"
is "$(cut -d, -f1,4-6 "$TAP_TMP/vl.csv")" "Chi bộ ấp Vĩnh Lộc,26,0,0" \
  "a cell without children gets one row of its own"

# A proposal and a cell name carrying escape sequences: the report, even
# written to a file that someone later cats, holds them as visible text.
"$top_builddir/tests/sync/sqlrun" "$db" "UPDATE essay SET proposals = 'Xin ' || char(27) || '[2J'
  || char(27) || ']0;pwned' || char(7) WHERE id = (SELECT id FROM essay
  WHERE proposals <> '' AND submitted_on <= '2021-04-24' ORDER BY id LIMIT 1);
  UPDATE unit SET name = name || char(27) || '[31m' WHERE kind = 'cell'
  AND id = (SELECT min(id) FROM unit WHERE kind = 'cell')"
"$QUANTRIET" report tally --db "$db" --plan 13-KH/TU --format txt > "$TAP_TMP/hostile.txt"
"$QUANTRIET" report tally --db "$db" --plan 13-KH/TU --format csv > "$TAP_TMP/hostile.csv"
is "$(cat "$TAP_TMP/hostile.txt" "$TAP_TMP/hostile.csv" | tr -dc '\000-\010\013\014\016-\037\177' | wc -c | tr -d ' ')" 0 \
  "no control character reaches the report files"
grep -q '\^\[\[2J\^\[\]0;pwned\^G' "$TAP_TMP/hostile.txt"
ok $? "the hostile proposal is shown as text (^[[2J)"
grep -q '\^\[\[31m' "$TAP_TMP/hostile.csv"
ok $? "and so is the cell name in the CSV"
# One rule for every report: a file (or a pipe) gets UTF-8 with every
# diacritic whatever the locale; a terminal gets every line in its own
# mode, all unaccented when it is not UTF-8.
report() {
	LC_ALL=$1 "$QUANTRIET" report tally --db "$db" --plan 13-KH/TU --format "$2"
}
# on_terminal LOCALE FORMAT: the report as a terminal receives it
# (script(1), from util-linux, gives it one).
on_terminal() {
	LC_ALL=$1 script -qec "'$QUANTRIET' report tally --db '$db' \
	    --plan 13-KH/TU --format $2" /dev/null </dev/null | tr -d '\r'
}
non_ascii() {
	LC_ALL=C tr -d '\000-\177' <"$1" | wc -c | tr -d ' '
}
for f in txt csv; do
	report C "$f" >"$TAP_TMP/c.$f"
	report C.UTF-8 "$f" >"$TAP_TMP/u.$f"
	cmp -s "$TAP_TMP/c.$f" "$TAP_TMP/u.$f"
	ok $? "$f to a file: the same bytes from a C locale as from a UTF-8 one"
	on_terminal C "$f" >"$TAP_TMP/term-c.$f"
	is "$(non_ascii "$TAP_TMP/term-c.$f")" 0 "$f on a C terminal: every line unaccented"
	on_terminal C.UTF-8 "$f" >"$TAP_TMP/term-u.$f"
	tr -d '\r' <"$TAP_TMP/u.$f" | cmp -s - "$TAP_TMP/term-u.$f"
	ok $? "$f on a UTF-8 terminal: what the file holds"
done
LC_ALL=C "$QUANTRIET" report tally --db "$db" --plan 13-KH/TU --format txt \
    --output "$TAP_TMP/output.txt"
cmp -s "$TAP_TMP/output.txt" "$TAP_TMP/u.txt"
ok $? "--output from a C locale: the same bytes too"
grep -q "^ *HUYỆN ỦY CHÂU THÀNH  *ĐẢNG CỘNG SẢN VIỆT NAM$" "$TAP_TMP/c.txt"
ok $? "a file's header keeps its diacritics from a C locale"
grep -q "TỔNG HỢP BÀI THU HOẠCH" "$TAP_TMP/c.txt"
ok $? "and so does its body"
grep -q "^ *HUYEN UY CHAU THANH  *DANG CONG SAN VIET NAM$" "$TAP_TMP/term-c.txt"
ok $? "on a C terminal the header is unaccented"
grep -q "TONG HOP BAI THU HOACH" "$TAP_TMP/term-c.txt"
ok $? "and so is the body"

# Without the setting naming the clerk's unit, the one rule (shared with
# the interface) takes the smallest unit holding every member.
sqlite3 "$db" "DELETE FROM setting WHERE key = 'home_unit_id'"
"$QUANTRIET" report tally --db "$db" --plan 13-KH/TU > "$TAP_TMP/home.txt"
ok $? "report tally without --unit or home_unit_id"
grep -q "^ *ĐẢNG BỘ XÃ VĨNH HÒA HIỆP  " "$TAP_TMP/home.txt" &&
  ! grep -q "^ *BAN CHẤP HÀNH TRUNG ƯƠNG  " "$TAP_TMP/home.txt"
ok $? "reports for the commune, not for the Central Committee"

done_testing
