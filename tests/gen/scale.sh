#!/bin/sh
# scale.sh - a reduced province (10 communes, 100 cells, 20,000 members)
# made by gen-province: its tally reports add up to a recount from the
# rows. How long they take is the benchmark's business (timings never
# decide a test here); the times are printed as comments only.
. "$top_srcdir/tests/tap.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 command not installed"
tap_tmpdir
db=$TAP_TMP/province.db

"$top_builddir/tests/gen/gen-province" --db "$db" --districts 2 --communes 10 \
  --cells 100 --members 20000 --campaigns 2 > /dev/null
ok $? "gen-province makes a reduced province"
is "$(sqlite3 "$db" "SELECT count(*) FROM member")" 20000 "20,000 people"

# Milliseconds taken by: quantriet report tally ... > FILE
timed() {
	out=$1; shift
	t0=$(date +%s%N)
	"$QUANTRIET" report tally --db "$db" --format csv "$@" > "$out"
	rc=$?
	t1=$(date +%s%N)
	echo "$rc $(( (t1 - t0) / 1000000 ))"
}

set -- $(timed "$TAP_TMP/commune.csv" --plan KH-2 --unit "Đảng bộ xã số 1")
is "$1" 0 "tally of one commune"
echo "# commune tally: $2 ms"
set -- $(timed "$TAP_TMP/province.csv" --plan KH-2 --unit "Tỉnh ủy Thử nghiệm")
is "$1" 0 "tally of the province"
echo "# province tally: $2 ms"

is "$(tr -d '\r' < "$TAP_TMP/province.csv" | tail -n 1 | cut -d, -f4)" \
  "$(sqlite3 "$db" "SELECT count(*) FROM member WHERE status <> 'guest'")" \
  "province total counts every party member"
is "$(tr -d '\r' < "$TAP_TMP/commune.csv" | tail -n 1 | cut -d, -f6)" \
  "$(sqlite3 "$db" "SELECT count(DISTINCT e.member_id) FROM essay e
    JOIN document d ON d.id = e.document_id JOIN member m ON m.id = e.member_id
    JOIN unit u ON u.id = m.unit_id JOIN unit c ON c.id = u.parent_id
    WHERE d.number LIKE 'KH-2/%' AND c.name = 'Đảng bộ xã số 1'
    AND e.submitted_on IS NOT NULL AND m.status <> 'guest'")" \
  "commune essays counted under the commune's own plan"
is "$(tr -d '\r' < "$TAP_TMP/province.csv" | tail -n 1 | cut -d, -f5,6)" \
  "$(sqlite3 "$db" "SELECT
    (SELECT count(DISTINCT a.member_id) FROM attendance a
      JOIN session s ON s.id = a.session_id JOIN document d ON d.id = s.document_id
      JOIN member m ON m.id = a.member_id
      WHERE (d.number = 'KH-2' OR d.number LIKE 'KH-2/%') AND s.status = 'held'
      AND a.status IN ('present', 'self_study') AND m.status <> 'guest') || ',' ||
    (SELECT count(DISTINCT e.member_id) FROM essay e
      JOIN document d ON d.id = e.document_id JOIN member m ON m.id = e.member_id
      WHERE (d.number = 'KH-2' OR d.number LIKE 'KH-2/%')
      AND e.submitted_on IS NOT NULL AND m.status <> 'guest')")" \
  "the province's counters give the rows' participants and writers"
"$QUANTRIET" check --db "$db" > "$TAP_TMP/check.out" 2>&1
ok $? "check finds the generated counters equal to a recount"

# Item 6 holds what reached the unit directly (report.h): a commune groups
# its cells' members' proposals; the province, whose children are
# districts, reads their reports (none is in here), not 20,000 essays.
proposal_lines() {
	"$QUANTRIET" report tally --db "$db" --plan KH-2 --unit "$1" |
	    sed -n '/^6\. /,/^Nơi nhận/p' | grep -c '^- Đề nghị'
}
lines=$(proposal_lines "Đảng bộ xã số 1")
[ "$lines" -ge 1 ]
ok $? "a commune's form groups its cells' members' proposals ($lines lines)"
is "$(proposal_lines "Tỉnh ủy Thử nghiệm")" 0 \
  "the province's form lists no member's proposal"

done_testing
