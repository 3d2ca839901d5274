#!/bin/sh
# The sync protocol end to end over TLS on loopback: enrolment, push,
# pull, scope, the tally at the province, a wrong certificate, revocation,
# a garbage server, and a sync with nothing to do.
. "$top_srcdir/tests/sync/fixture.sh"
sync_setup

# The province publishes a plan; each commune pulls it.
province_plan P
plan_override P
client P sync --quiet
ok $? "the province pushes its plan"
client A sync --quiet && client B sync --quiet
ok $? "both communes sync"
is "$(q A "SELECT count(*) FROM document WHERE number = '13-KH/TU'")" 1 \
    "commune A has pulled the province's plan"
is "$(q B "SELECT count(*) FROM plan_session")" 1 \
    "commune B has pulled the plan's sessions"
for d in A B; do
	is "$(q $d "SELECT group_concat(r.code, ' ') FROM (SELECT r.code
	    FROM document_resolution x JOIN resolution r ON r.id = x.resolution_id
	    JOIN document d ON d.id = x.document_id WHERE d.number = '13-KH/TU'
	    ORDER BY r.code) r")" "NQ-05 NQ-DH-XI" \
	    "commune $d has pulled both resolutions the plan covers"
	is "$(q $d "SELECT e.status || ' ' || e.must_write FROM exemption_rule e
	    JOIN document d ON d.id = e.document_id WHERE d.number = '13-KH/TU'")" \
	    "retired 1" "commune $d has pulled the plan's exemption override"
done
is "$(q A "SELECT count(*) FROM sync_outbox")" 0 \
    "a commune sends back none of the plan's rows"

# Each commune records a campaign and pushes it.
commune_data A XA 2 20
commune_data B XB 3 15
client A sync --quiet && client B sync --quiet
ok $? "both communes push attendance and essays"
is "$(q A "SELECT count(*) FROM sync_outbox")" 0 "commune A's queue is empty"
for t in member attendance essay; do
	want=$(( $(q A "SELECT count(*) FROM $t") + $(q B "SELECT count(*) FROM $t") ))
	is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM $t")" "$want" \
	    "the server holds both communes' $t rows"
done

# The audit trail travels with the rows it describes: the server holds
# each commune's own (its clerk's Unix user) and writes its own (the
# device that pushed); a commune names the server for what it pulled.
me=$(id -un)
is "$("$SQLRUN" "$SDB" "SELECT count(*) > 0 FROM audit WHERE tbl = 'member'
    AND actor = 'user:$me' AND kind = 'insert'")" 1 \
    "the server holds the communes' audit rows of their members"
is "$("$SQLRUN" "$SDB" "SELECT count(DISTINCT actor) FROM audit
    WHERE tbl = 'member' AND actor GLOB 'device:*'")" 2 \
    "and records which device wrote each member"
is "$(q A "SELECT count(*) > 0 FROM audit WHERE tbl = 'document'
    AND actor = 'server' AND kind = 'insert'")" 1 \
    "a commune records the province's plan as written by the server"

# What the province sees: each commune's own tally, and their sum.
row() {
	grep "^$1," | cut -d, -f2- | tr -d '\r'
}
"$S" tally --db "$SDB" --plan 13-KH/TU --unit KG --format csv > "$NET_TMP/kg.csv"
client A report tally --plan 13-KH/TU --unit XA --format csv > "$NET_TMP/xa.csv"
client B report tally --plan 13-KH/TU --unit XB --format csv > "$NET_TMP/xb.csv"
is "$(row 'Đảng bộ xã A' < "$NET_TMP/kg.csv")" "$(row 'Tổng cộng' < "$NET_TMP/xa.csv")" \
    "the province's tally shows commune A's own figures"
is "$(row 'Đảng bộ xã B' < "$NET_TMP/kg.csv")" "$(row 'Tổng cộng' < "$NET_TMP/xb.csv")" \
    "the province's tally shows commune B's own figures"
# Fields after the unit: status, cutoff, items 1-4 (3-6), one per
# exemption reason, then must write, not yet, late, guests.
wrote() {
	row 'Tổng cộng' < "$1" | cut -d, -f5
}
must() {
	row "$1" < "$NET_TMP/kg.csv" | awk -F, '{ print $3 "," $(NF - 3) }'
}
for d in A B; do
	is "$(must "Đảng bộ xã $d" | cut -d, -f2)" "$(must "Đảng bộ xã $d" | cut -d, -f1)" \
	    "the province's tally applies the override: all of commune $d must write"
done
# Every count adds up, each reason's column too.
counts() {
	row 'Tổng cộng' < "$1" | cut -d, -f3-
}
is "$(counts "$NET_TMP/kg.csv")" "$( (counts "$NET_TMP/xa.csv"; counts "$NET_TMP/xb.csv") |
    awk -F, '{ for (i = 1; i <= NF; i++) s[i] += $i; n = NF }
    END { for (i = 1; i <= n; i++) printf "%s%d", (i > 1 ? "," : ""), s[i]; print "" }')" \
    "the province's totals are the sums of the communes' totals"
is "$(wrote "$NET_TMP/kg.csv")" \
    "$(( $(wrote "$NET_TMP/xa.csv") + $(wrote "$NET_TMP/xb.csv") ))" \
    "the province's essay count is the sum of the communes'"

# Scope: B never receives A's members, and cannot write into A.
is "$(q B "SELECT count(*) FROM unit WHERE code LIKE 'XA%'")" 0 \
    "commune B does not see commune A's unit or cells"
client B sync --quiet
is "$(q B "SELECT count(*) FROM member m JOIN unit u ON u.id = m.unit_id
    WHERE u.code LIKE 'XA%'")" 0 "commune B pulls none of commune A's members"
a_member=$(q A "SELECT id FROM member LIMIT 1")
"$SQLRUN" "$NET_TMP/B.db" "INSERT INTO unit(id, parent_id, kind, code, name, name_fold)
    VALUES ($(q A "SELECT id FROM unit WHERE code = 'XA-1'"),
    (SELECT id FROM unit WHERE code = 'XB'), 'cell', 'XA-1', 'Giả', 'gia');
    UPDATE document SET title = 'Sửa trái phép' WHERE number = '13-KH/TU';
    UPDATE exemption_rule SET must_write = 0 WHERE document_id IS NOT NULL"
client B sync --quiet
ok $? "a sync with records out of scope still succeeds"
is "$(q B "SELECT count(*) FROM sync_outbox WHERE state = 'rejected' AND tbl <> 'audit'")" 3 \
    "commune B's out-of-scope records are set aside as rejected"
is "$("$SQLRUN" "$SDB" "SELECT title FROM document WHERE number = '13-KH/TU'")" \
    "Kế hoạch học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh" \
    "the province's plan is read-only below"
is "$("$SQLRUN" "$SDB" "SELECT must_write FROM exemption_rule
    WHERE document_id IS NOT NULL")" 1 "the plan's exemption override is read-only below"
is "$("$SQLRUN" "$SDB" "SELECT p.code FROM unit u JOIN unit p ON p.id = u.parent_id
    WHERE u.code = 'XA-1'")" XA "commune A's cell was not taken over"
"$SQLRUN" "$NET_TMP/B.db" "INSERT INTO audit(id, at, actor, tbl, row_id,
    kind, unit_id) VALUES (qt_new_id(), '2026-12-01 00:00:00', 'user:gia',
    'member', $a_member, 'update', (SELECT id FROM unit WHERE code = 'XB'))"
client B sync --quiet
is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM audit WHERE actor = 'user:gia'")" 0 \
    "commune B cannot push an audit row about commune A's member"

# Two devices of one unit: the later edit wins; the other is logged.
enrol A2 XA
is "$(q A2 "SELECT count(*) FROM essay")" "$(q A "SELECT count(*) FROM essay")" \
    "a second device of commune A pulls its essays"
essay=$(q A "SELECT id FROM essay LIMIT 1")
"$SQLRUN" "$NET_TMP/A.db" "UPDATE essay SET grade = 'pass' WHERE id = $essay"
"$SQLRUN" "$NET_TMP/A2.db" "UPDATE essay SET grade = 'excellent' WHERE id = $essay"
client A2 sync --quiet && client A sync --quiet
is "$(q A "SELECT grade FROM essay WHERE id = $essay")" excellent \
    "the later edit wins on the other device"
is "$(q A "SELECT count(*) FROM sync_conflict WHERE row_id = $essay")" 1 \
    "the overwritten value is kept in the conflict log"

# Mistakes put right travel: a session deleted with its attendance, and a
# reopened report whose reason stays in its history.
sess=$(q A "SELECT id FROM session LIMIT 1")
"$SQLRUN" "$NET_TMP/A.db" "DELETE FROM session WHERE id = $sess;
    INSERT INTO tally_report(id, document_id, unit_id)
      SELECT 77, document_id, unit_id FROM session LIMIT 1;
    INSERT INTO tally_event(id, report_id, at, action, who, reason)
      VALUES (78, 77, '2026-12-01', 'reopen', 'thu', 'Sót bài')"
client A sync --quiet && client A2 sync --quiet
is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM session WHERE id = $sess")
$("$SQLRUN" "$SDB" "SELECT count(*) FROM attendance WHERE session_id = $sess")" \
    "0
0" "the server drops the deleted session and its attendance"
is "$(q A2 "SELECT count(*) FROM attendance WHERE session_id = $sess")" 0 \
    "so does the other device"
is "$("$SQLRUN" "$SDB" "SELECT who || ': ' || reason FROM tally_event")" \
    "thu: Sót bài" "the province sees who reopened a report and why"
is "$(q A2 "SELECT reason FROM tally_event WHERE report_id = 77")" "Sót bài" \
    "the other device too"

# An edit stamped while the PC clock ran 3 days ahead takes the server's
# clock, so that a later edit from another device still wins over it.
"$SQLRUN" "$NET_TMP/A.db" "UPDATE sync_clock SET hlc =
    ((CAST(strftime('%s', 'now') AS INTEGER) + 259200) * 1000) << 16;
    UPDATE essay SET grade = 'fail' WHERE id = $essay"
client A sync --quiet && client A2 sync --quiet
is "$(q A2 "SELECT grade FROM essay WHERE id = $essay")" fail \
    "an edit stamped days ahead is accepted"
"$SQLRUN" "$NET_TMP/A2.db" "UPDATE essay SET grade = 'good' WHERE id = $essay"
client A2 sync --quiet && client A sync --quiet
is "$(q A "SELECT grade FROM essay WHERE id = $essay")" good \
    "a later edit from another device still wins over it"

# Nothing to do costs one request.
before=$(requests)
client A sync --quiet
is "$(( $(requests) - before ))" 1 "a sync with nothing new is one request"

# A change that will wait through the failures below (a wrong clock no
# longer stops a sync: tests/sync/v2.sh).
"$SQLRUN" "$NET_TMP/A.db" "UPDATE member SET position = 'Bí thư' WHERE id = $a_member"

# A server with a certificate from another CA is refused.
net_stop srv
start_server other "$PKI/other-server.pem" "$PKI/other-server.key"
says 'Chung chi cua may chu tinh khong dung' client A sync
ok $? "a server with another CA's certificate is refused: wrong certificate"
is "$(q A "SELECT count(*) FROM sync_outbox WHERE state <> 'rejected' AND tbl <> 'audit'")" 1 \
    "the change waits for the next sync"
net_stop other

# Garbage instead of our protocol (a captive portal, a wrong address).
net_bg echo "$QT_PROXY" --echo --port-file "$NET_TMP/echo.port"
eport=$(net_wait_port_file "$NET_TMP/echo.port") || exit 1
mkdir -p "$NET_TMP/G.cfg/quantriet"
cp "$NET_TMP/A.db" "$NET_TMP/G.db"
"$SQLRUN" "$NET_TMP/G.db" "UPDATE setting SET value = 'c0b1' WHERE key = 'database_id'" >/dev/null
printf 'url http://127.0.0.1:%s\ntoken 00\n' "$eport" > "$(cred G)"
says 'khong hieu duoc' client G sync
ok $? "a reply that is not the protocol fails: not understood"
is "$(q G "SELECT count(*) FROM sync_outbox WHERE state <> 'rejected' AND tbl <> 'audit'")" 1 \
    "nothing was marked sent after a garbage reply"

start_server srv "$PKI/server.pem" "$PKI/server.key"

# Public-key pinning: a wrong pin is refused, the right one accepted.
code=$("$S" enroll-code --db "$SDB" --unit XB)
says 'Chung chi' client B3 enroll --cacert "$PKI/ca.pem" \
    --pin 'sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' "$URL" "$code"
ok $? "a server whose key does not match the pin is refused"
client B3 enroll --quiet --cacert "$PKI/ca.pem" \
    --pin "$(cat "$PKI/server.pubkey.sha256")" "$URL" "$code"
ok $? "the server whose key matches the pin is accepted"

# Oversize and malformed requests, straight to a plain-HTTP server (the
# way it runs behind a reverse proxy), get clear errors.
net_bg plain "$S" serve --db "$SDB" --insecure-http --port 0 \
    --port-file "$NET_TMP/plain.port"
hport=$(net_wait_port_file "$NET_TMP/plain.port") || exit 1
raw() {
	printf 'POST %s HTTP/1.1\r\nHost: x\r\nContent-Length: %s\r\nConnection: close\r\n\r\n%s' \
	    "$1" "$2" "$3" | "$QT_PROXY" --connect "127.0.0.1:$hport" | head -n 1
}
case $(raw /v1/enroll 999999999 '') in *' 413 '*) r=0 ;; *) r=1 ;; esac
ok $r "a request over the size limit is refused with 413"
case $(raw /v1/enroll 5 'hello') in *' 400 '*) r=0 ;; *) r=1 ;; esac
ok $r "a body that is not compressed protocol is refused with 400"
case $(raw /v1/enroll 0 '') in *' 400 '*) r=0 ;; *) r=1 ;; esac
ok $r "an empty body is refused with 400"
net_stop plain

# Revocation.
"$S" revoke --db "$SDB" --unit XB >/dev/null
says 'thu hoi' client B sync
ok $? "a revoked device cannot sync: credential revoked"
client A sync --quiet
ok $? "commune A still syncs"

done_testing
