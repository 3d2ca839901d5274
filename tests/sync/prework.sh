#!/bin/sh
# Work typed before enrolment reaches the province (issue 12, part 1):
# in a new database, commune XB, a cell, 40 members, a plan, a session
# and 40 attendance marks (84 changes), then the PC is enrolled. The
# local units are matched to the server's by code and re-keyed before
# the first push: all 84 arrive, none is rejected, the home unit exists,
# and a member added later in the cell arrives too. A database whose
# root the server does not know by code is held back until the clerk
# matches it; `check` flags a home unit that does not exist.
. "$top_srcdir/tests/sync/fixture.sh"
sync_setup

prework C XB
is "$(q C "SELECT count(*) FROM sync_outbox WHERE tbl <> 'audit'")" 84 \
    "84 changes wait before enrolment"
code=$("$S" enroll-code --db "$SDB" --unit XB) &&
client C enroll --quiet --cacert "$PKI/ca.pem" "$URL" "$code"
ok $? "the PC holding work is enrolled for XB"
srv_xb=$("$SQLRUN" "$SDB" "SELECT id FROM unit WHERE code = 'XB'")
is "$(q C "SELECT id || ' ' || name FROM unit WHERE code = 'XB'")" \
    "$srv_xb Đảng bộ xã B" "the local commune became the server's XB (its id, its name)"
is "$(q C "SELECT count(*) FROM unit WHERE id = (SELECT value FROM setting
    WHERE key = 'home_unit_id')")" 1 "the home unit exists locally"
is "$(q C "SELECT count(*) FROM unit WHERE code = 'KG'")" 1 \
    "the province above it is stored too"
is "$(q C "SELECT count(*) FROM sync_outbox WHERE tbl = 'unit'")" 1 \
    "of the units only the new cell waits to be sent"
client C sync --quiet
ok $? "the first sync succeeds"
is "$(q C "SELECT count(*) FROM sync_outbox")" 0 \
    "nothing is rejected, nothing is left waiting"
is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM member m JOIN unit u ON
    u.id = m.unit_id WHERE u.code = 'XB-AP1' AND u.parent_id = $srv_xb")" 40 \
    "the province holds the 40 members in the cell under its XB"
is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM attendance a JOIN session s ON
    s.id = a.session_id JOIN document d ON d.id = s.document_id WHERE
    d.number = '07-KH/DU' AND d.owner_unit_id = $srv_xb")" 40 \
    "and the 40 attendance marks of the commune's own plan"
is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM unit WHERE code = 'XB'")" 1 \
    "the province still has one XB"
"$S" tally --db "$SDB" --plan 07-KH/DU --unit XB --format csv > "$NET_TMP/xb.csv"
ok $? "the province can tally the commune's plan"
client C check >/dev/null 2>&1
ok $? "check finds nothing wrong"

"$SQLRUN" "$NET_TMP/C.db" "INSERT INTO member(id, unit_id, full_name, name_fold,
    name_sort, status) SELECT qt_new_id(), id, 'Lê Thị Mới', qt_fold('Lê Thị Mới'),
    qt_name_sort('Lê Thị Mới'), 'active' FROM unit WHERE code = 'XB-AP1'" &&
client C sync --quiet
ok $? "a member added later in the cell syncs"
is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM member WHERE full_name = 'Lê Thị Mới'")" 1 \
    "and reaches the province"
client B sync --quiet
is "$(q B "SELECT count(*) FROM member m JOIN unit u ON u.id = m.unit_id
    WHERE u.code = 'XB-AP1'")" 41 "the commune's other device receives all 41 members"

# A root the server does not know by code waits for the clerk.
prework D XZ
code=$("$S" enroll-code --db "$SDB" --unit XB) &&
client D enroll --cacert "$PKI/ca.pem" "$URL" "$code" > "$NET_TMP/d.out" 2>&1
ok $? "a PC whose commune has another code is enrolled"
grep -q "ghép" "$NET_TMP/d.out"
ok $? "and told to match its units"
says 'chua ghep' client D sync
ok $? "sync refuses to push before the units are matched"
is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM unit WHERE code LIKE 'XZ%'")" 0 \
    "nothing of it reached the server"

# A home unit that does not exist (a database enrolled before this fix).
"$SQLRUN" "$NET_TMP/C.db" "UPDATE setting SET value = '12345' WHERE key = 'home_unit_id'" >/dev/null
says 'home_unit_id = 12345' client C check
ok $? "check flags a home unit that does not exist"

done_testing
