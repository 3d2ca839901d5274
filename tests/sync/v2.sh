#!/bin/sh
# Protocol version 2 (issue 12, part 4), end to end on loopback.
# A commune's rejected edit of the province's plan brings the plan back
# as the province keeps it, and the refused value is logged.
# A PC clock off by more than an hour no longer blocks sync: the
# server's time, known from every reply, is used for the changes made
# here and the clerk is warned. The server runs with its clock 3 days
# ahead (so the PCs are 3 days slow), then 3 days behind (3 days fast).
. "$top_srcdir/tests/sync/fixture.sh"
sync_setup
province_plan P
client P sync --quiet || exit 1
client A sync --quiet || exit 1

title=$(q A "SELECT title FROM document WHERE number = '13-KH/TU'")
"$SQLRUN" "$NET_TMP/A.db" "UPDATE document SET title = 'Sửa trái phép'
    WHERE number = '13-KH/TU'" >/dev/null
client A sync --quiet
ok $? "a sync with an edit of the province's plan succeeds"
is "$(q A "SELECT count(*) FROM sync_outbox WHERE state = 'rejected' AND tbl <> 'audit'")" 1 \
    "the edit is rejected"
is "$(q A "SELECT title FROM document WHERE number = '13-KH/TU'")" "$title" \
    "the plan is restored as the province keeps it"
is "$(q A "SELECT count(*) FROM sync_conflict WHERE lost LIKE '%Sửa trái phép%'")" 1 \
    "the refused value is in the conflict log"
client A sync --quiet
is "$(q A "SELECT count(*) FROM sync_outbox WHERE state <> 'rejected' AND tbl <> 'audit'")" 0 \
    "the restored plan is not sent back"
is "$("$SQLRUN" "$SDB" "SELECT title FROM document WHERE number = '13-KH/TU'")" \
    "$title" "the province's plan is unchanged"

# restart OFFSET: the server again, its clock OFFSET seconds off.
restart() {
	net_stop srv
	QUANTRIET_CLOCK_OFFSET_S=$1
	export QUANTRIET_CLOCK_OFFSET_S
	start_server srv "$PKI/server.pem" "$PKI/server.key"
	unset QUANTRIET_CLOCK_OFFSET_S
}

# skewed HOW VALUE: device A, its clock 3 days HOW (cham/nhanh), sets
# its commune's secretary to VALUE, syncs and is warned.
skewed() {
	"$SQLRUN" "$NET_TMP/A.db" "UPDATE unit SET secretary = '$2' WHERE id = $m" >/dev/null
	LC_ALL=C client A sync --quiet 2> "$NET_TMP/a.err"
	ok $? "a PC 3 days $1 syncs"
	grep -q "Dong ho may tinh $1 72 gio" "$NET_TMP/a.err"
	ok $? "and is told its clock is 72 hours $1"
	is "$("$SQLRUN" "$SDB" "SELECT secretary FROM unit WHERE id = $m")" "$2" \
	    "its change reached the province"
}

restart 259200
m=$(q A "SELECT id FROM unit WHERE code = 'XA'")
skewed cham 'Trước'
now=$(date +%s)
"$SQLRUN" "$NET_TMP/A.db" "UPDATE unit SET secretary = 'Sau' WHERE id = $m" >/dev/null
[ "$(q A "SELECT (hlc >> 16) / 1000 FROM unit WHERE id = $m")" -ge $((now + 259200 - 60)) ]
ok $? "a change made after it is stamped with the server's time"
code=$("$S" enroll-code --db "$SDB" --unit XA) &&
LC_ALL=C client A2 enroll --quiet --cacert "$PKI/ca.pem" "$URL" "$code" 2> "$NET_TMP/a2.err"
ok $? "a PC 3 days slow enrols"
grep -q "Dong ho may tinh cham" "$NET_TMP/a2.err"
ok $? "and is told too"
client A2 sync --quiet 2>/dev/null &&
"$SQLRUN" "$NET_TMP/A2.db" "UPDATE unit SET secretary = 'Máy hai' WHERE id = $m" >/dev/null &&
client A sync --quiet 2>/dev/null && client A2 sync --quiet 2>/dev/null &&
client A sync --quiet 2>/dev/null
ok $? "two slow devices of the commune edit the same unit in turn"
is "$(q A "SELECT secretary FROM unit WHERE id = $m")" "Máy hai" \
    "the later edit wins on both, by the server's time"

restart -259200
skewed nhanh 'Nhanh'

restart 0
LC_ALL=C client A sync --quiet 2> "$NET_TMP/a.err"
ok $? "with the clocks agreeing again, the PC syncs"
is "$(cat "$NET_TMP/a.err")" "" "and no warning is left"
done_testing
