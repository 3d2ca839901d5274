#!/bin/sh
# report_noessay.sh - a plan that asks for no essay (essay_rule.kind
# 'none') counts no essay missing or late in the printed tally report,
# every member exempt with the plan's reason.
. "$top_srcdir/tests/tap.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 command not installed"
tap_tmpdir
db=$TAP_TMP/demo.db
QUANTRIET_TODAY=2021-05-10; export QUANTRIET_TODAY
"$QUANTRIET" demo --db "$db" >/dev/null 2>&1

# tally_total COLUMN: that column of the report's last line (the total),
# in round 2, which no cell has submitted: the whole commune counted
# live, under the rule as it stands (a report submitted keeps the figures
# of the rule it was made under).
tally_total() {
	"$QUANTRIET" report tally --db "$db" --plan 08-KH/ĐU --round 2 \
	    --format csv |
	    tr -d '\r' | tail -n 1 | cut -d, -f"$1"
}

# Columns: unit, status, cutoff, items 1-4 (4-7), one per exemption
# reason (the rules of 08-KH/ĐU give three, a plan without essays one),
# must write, not yet, late, guests.
missing=$(tally_total 12)
[ "${missing:-0}" -gt 0 ]; ok $? "with the essay rule above, essays are missing ($missing)"
"$top_builddir/tests/sync/sqlrun" "$db" "INSERT INTO essay_rule(document_id, kind) SELECT id, 'none'
  FROM document WHERE number = '08-KH/ĐU'"
is "$(tally_total 9)" 0 "no essay asked for: nobody must write"
is "$(tally_total 10)" 0 "none missing"
is "$(tally_total 11)" 0 "none late"
is "$(tally_total 4)" "$(($(tally_total 6) + $(tally_total 7)))" \
  "every member who did not write counted exempt"
"$QUANTRIET" report tally --db "$db" --plan 08-KH/ĐU --round 2 --format csv |
    grep -q "Kế hoạch không yêu cầu viết thu hoạch"
ok $? "with the plan's reason"
done_testing
