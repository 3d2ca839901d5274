#!/bin/sh
# One report behind every face: the tally screen and `report tally
# --format txt` show the same figures under the same labels; a cell's
# report made final on the screen keeps its figures in print after
# another essay is recorded; the commune's CSV and total take that
# snapshot.
. "$top_srcdir/tests/e2e/lib_essay.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 command not installed"

# items FILE: the lines of items 1-4 with their figures, and the labels
# of items 5 and 6, as the text form or the screen shows them.
items() {
	sed -n 's/^ *\([1-4]\. [^:]*: [0-9]*\).*/\1/p
	    s/^ *\([56]\. [^:]*\):\{0,1\} *$/\1/p' "$1"
}
# report UNIT: the text form of the campaign's plan for UNIT.
report() {
	"$QUANTRIET" report tally --db "$E2E_DB" --plan "$plan" --unit "$1"
}
# choose UNIT: → on the tally screen until UNIT is shown.
choose() {
	_n=0
	while ! e2e_screen | grep -F -q "Đơn vị: < $1 >" && [ $_n -lt 8 ]; do
		e2e_keys Right
		sleep 0.2
		_n=$((_n + 1))
	done
	e2e_wait "Đơn vị: < $1 >"
}
# changed: the screen is no longer $_prev.
changed() {
	[ "$(e2e_screen)" != "$_prev" ]
}
# screen_items: items() of the whole report on screen (scrolled through).
screen_items() {
	e2e_keys Home
	e2e_wait "BÁO CÁO TỔNG HỢP BÀI THU HOẠCH"
	: > "$TAP_TMP/screen"
	# Every page down to the signature: the items may span several.
	while e2e_screen >> "$TAP_TMP/screen" &&
	    ! e2e_screen | grep -F -q "T/M "; do
		_prev=$(e2e_screen)
		e2e_keys NPage
		e2e_until changed || break
	done
	items "$TAP_TMP/screen" | awk '!seen[$0]++'
}

e2e_demo
e2e_start
e2e_wait "Trang chính" || { done_testing; exit 1; }
e2e_keys 4
e2e_wait "BÁO CÁO TỔNG HỢP BÀI THU HOẠCH"; ok $? "4 opens the tally report"
plan=$(e2e_screen | sed -n 's/.*Thực hiện \([^:]*\):.*/\1/p' | head -n 1)
[ -n "$plan" ]; ok $? "of plan $plan"

screen_items > "$TAP_TMP/s.commune"
report "Đảng bộ xã Vĩnh Hòa Hiệp" > "$TAP_TMP/t.commune"
items "$TAP_TMP/t.commune" > "$TAP_TMP/p.commune"
is "$(cat "$TAP_TMP/s.commune")" "$(cat "$TAP_TMP/p.commune")" \
  "the commune: the screen and the printed form, the same figures and labels"
is "$(wc -l < "$TAP_TMP/p.commune" | tr -d ' ')" 6 "items 1 to 6 compared"

choose "Chi bộ ấp Vĩnh Hòa"
ok $? "→ chooses Chi bộ ấp Vĩnh Hòa"
screen_items > "$TAP_TMP/s.before"
report "Chi bộ ấp Vĩnh Hòa" > "$TAP_TMP/t.before"
items "$TAP_TMP/t.before" > "$TAP_TMP/p.before"
is "$(cat "$TAP_TMP/s.before")" "$(cat "$TAP_TMP/p.before")" \
  "the cell: the screen and the printed form agree"
wrote=$(sed -n 's/^3\. [^:]*: //p' "$TAP_TMP/p.before")
# F8 shows what is still open at the top of the report first.
e2e_keys Home F8
e2e_wait "Chốt báo cáo?"
e2e_keys c
e2e_wait "Đã chốt báo cáo"; ok $? "F8 and c make the cell's report final"
e2e_quit

# Another essay of the round, recorded after the report was made final.
"$top_builddir/tests/sync/sqlrun" "$E2E_DB" "INSERT INTO essay(id, document_id, member_id, submitted_on)
  SELECT 7899999999999999, (SELECT id FROM document WHERE number = '08-KH/ĐU'),
  m.id, '2021-04-22' FROM member m JOIN unit u ON u.id = m.unit_id
  WHERE u.code = 'CB-VH' AND m.status = 'active'
  AND m.id NOT IN (SELECT member_id FROM essay) ORDER BY m.id LIMIT 1"
is "$(sqlite3 "$E2E_DB" "SELECT count(*) FROM essay WHERE id = 7899999999999999")" 1 \
  "one more essay recorded for Vĩnh Hòa, dated within round 1"
report "Chi bộ ấp Vĩnh Hòa" > "$TAP_TMP/t.after"
grep -q "^3\. Số đảng viên viết thu hoạch: $wrote\$" "$TAP_TMP/t.after"
ok $? "the final report still prints $wrote essays (its snapshot)"
"$QUANTRIET" report tally --db "$E2E_DB" --plan "$plan" --format csv |
    tr -d '\r' > "$TAP_TMP/commune.csv"
is "$(grep '^Chi bộ ấp Vĩnh Hòa,' "$TAP_TMP/commune.csv" | cut -d, -f2,6)" \
  "đã chốt,$wrote" "the commune's CSV takes the cell's snapshot"
live=$(sed -n 's/^3\. [^:]*: //p' "$TAP_TMP/p.commune")
is "$(tail -n 1 "$TAP_TMP/commune.csv" | cut -d, -f6)" "$live" \
  "and so does the commune's draft, built from its cells' reports"

e2e_start
e2e_wait "Trang chính"
e2e_keys 4
e2e_wait "BÁO CÁO TỔNG HỢP BÀI THU HOẠCH"
choose "Chi bộ ấp Vĩnh Hòa"
e2e_wait "ĐÃ CHỐT"
screen_items > "$TAP_TMP/s.after"
items "$TAP_TMP/t.after" > "$TAP_TMP/p.after"
is "$(cat "$TAP_TMP/s.after")" "$(cat "$TAP_TMP/p.after")" \
  "after the new essay the screen still shows what is printed"
is "$(cat "$TAP_TMP/s.after")" "$(cat "$TAP_TMP/s.before")" \
  "the figures it was made final with"
e2e_quit
done_testing
