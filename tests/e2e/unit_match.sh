#!/bin/sh
# Matching units typed before enrolment, in the interface: a PC whose
# commune was typed with a code the province does not use (XZ) is
# enrolled for XB. Sync waits; the sync screen says why; g shows both
# trees. The clerk first keeps the units local (so the province rejects
# every row), then enrols again, pairs XZ with the province's XB, and
# sends the rows rejected before again from the rejected list: all 84
# changes reach the province under XB.
. "$top_srcdir/tests/e2e/lib.sh"
. "$top_srcdir/tests/sync/fixture.sh"
E2E_TIMEOUT=40
sync_setup

E2E_DB=$NET_TMP/D.db
E2E_ENV="XDG_CONFIG_HOME=$NET_TMP/D.cfg"
QUANTRIET_TODAY=2026-11-23
prework D XZ
code=$("$S" enroll-code --db "$SDB" --unit XB) &&
client D enroll --quiet --cacert "$PKI/ca.pem" "$URL" "$code" >/dev/null || exit 1

e2e_start
e2e_keys 5
e2e_wait "chưa ghép với đơn vị của tỉnh"; ok $? "the sync screen says units wait"
e2e_keys s
e2e_wait "phím g để ghép"; ok $? "sync refuses and says how to go on"
e2e_keys g
e2e_wait "Đơn vị của tỉnh"; ok $? "g shows both trees"
e2e_wait "Xã nhập trước [XZ] (chưa ghép)"; ok $? "the local commune is unmatched"
e2e_wait "Đảng bộ xã B [XB]"; ok $? "the province's XB is on the right"
e2e_wait "Còn 2 đơn vị chưa ghép"; ok $? "the commune and its cell have no place"
e2e_fits "matching screen"

# Keep them local: the province refuses all 84, and their 84 audit rows.
e2e_keys g
e2e_wait "Vẫn xong"; ok $? "finishing with units unmatched asks first"
e2e_keys c
e2e_wait "Đã ghép đơn vị"; ok $? "the matching ends"
e2e_keys s
e2e_wait "168 bị từ chối"; ok $? "kept local, every change is refused"
e2e_quit

# Enrolled again with a new code, the clerk pairs XZ with XB.
code=$("$S" enroll-code --db "$SDB" --unit XB) &&
client D enroll --quiet --cacert "$PKI/ca.pem" "$URL" "$code" >/dev/null || exit 1
e2e_start
e2e_keys 5 g
e2e_wait "Xã nhập trước [XZ] (chưa ghép)"; ok $? "after enrolling again XZ waits again"
e2e_keys Enter Down Enter
e2e_wait "= Đảng bộ xã B"; ok $? "Enter pairs it with the province's XB"
e2e_wait "Chi bộ ấp Một [XZ-AP1] (mới, sẽ gửi)"; ok $? "its cell becomes new under XB"
e2e_wait "Mọi đơn vị đã có chỗ"; ok $? "nothing is left unmatched"
e2e_keys g
e2e_wait "Đã ghép đơn vị"; ok $? "g re-keys"
srv_xb=$("$SQLRUN" "$SDB" "SELECT id FROM unit WHERE code = 'XB'")
is "$(q D "SELECT count(*) FROM unit WHERE code = 'XZ'")" 0 "the local XZ is gone"
is "$(q D "SELECT owner_unit_id FROM document WHERE number = '07-KH/DU'")" "$srv_xb" \
    "the commune's plan now belongs to the province's XB"
e2e_keys s
e2e_wait "bị từ chối"; ok $? "a sync runs"
left=$(q D "SELECT count(*) FROM sync_outbox WHERE state = 'rejected'")
[ "$left" -gt 0 ]
ok $? "rows the re-keying did not touch stay rejected ($left)"
e2e_keys r
e2e_wait "Bị từ chối 1-"; ok $? "r lists them"
e2e_keys g
e2e_wait "Gửi lại mọi bản ghi"; ok $? "g asks before sending them again"
e2e_keys c
e2e_wait "$left bản ghi sẽ được gửi lại"; ok $? "they wait to be sent again"
e2e_wait "Không có bản ghi nào bị từ chối"; ok $? "the rejected list is empty"
e2e_keys Escape s
e2e_wait "Đã gửi $left bản ghi (0 bị từ chối"; ok $? "the next sync sends them all"
e2e_quit

is "$(q D "SELECT count(*) FROM sync_outbox")" 0 "nothing is left to send"
is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM attendance a JOIN session s ON
    s.id = a.session_id JOIN unit u ON u.id = s.unit_id WHERE u.parent_id = $srv_xb")" 40 \
    "the province holds the 40 attendance marks under its XB"
is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM member m JOIN unit u ON
    u.id = m.unit_id WHERE u.code = 'XZ-AP1'")" 40 "and the 40 members"
done_testing
