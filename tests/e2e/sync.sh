#!/bin/sh
# Sync from the interface, against quantriet-server on loopback: enrol a
# new, empty database from the enrolment form, sync and see the summary,
# see what waits on the home screen, cancel a slow sync (qt-proxy) mid-way
# and sync again: the server then holds every record exactly once. The
# records the server rejects are listed with its reason.
. "$top_srcdir/tests/e2e/lib.sh"
. "$top_srcdir/tests/sync/fixture.sh"
# A batch over the 2 KB/s link takes over 10 s (lib.sh's wait) on a busy host.
E2E_TIMEOUT=40
sync_setup
province_plan P
client P sync --quiet || exit 1

# The clerk's new database and credential directory (device U of XA).
E2E_DB=$NET_TMP/U.db
"$SQLRUN" "$E2E_DB" "SELECT 1" >/dev/null || exit 1
E2E_ENV="XDG_CONFIG_HOME=$NET_TMP/U.cfg"
QUANTRIET_TODAY=2026-11-23
code=$("$S" enroll-code --db "$SDB" --unit XA) || exit 1

# libcurl_mapped: 0 if the program in the pane has libcurl loaded.
libcurl_mapped() {
	grep -q 'libcurl' "/proc/$(e2e_pid)/maps" 2>/dev/null
}

e2e_start
e2e_wait "phím 5 hoặc F4"; ok $? "an empty database points to enrolment"
! libcurl_mapped
ok $? "the interface starts without the network library (loaded to sync)"
e2e_keys 5
e2e_wait "Máy này chưa đăng ký"; ok $? "5 opens the sync screen: not enrolled"
e2e_fits "sync screen"
e2e_keys d
e2e_wait "Mã đăng ký:"; ok $? "d opens the enrolment form"
e2e_fits "enrolment form"
e2e_keys -l "$URL"
e2e_keys Tab
e2e_keys -l "SAI-MA-SO"
e2e_keys Tab
e2e_keys -l "$PKI/ca.pem"
e2e_keys C-s
e2e_wait "Mã đăng ký không đúng"; ok $? "a wrong code: the server's reason on the form"
e2e_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
e2e_keys -l "$code"
e2e_keys F2
e2e_wait "Đã đăng ký máy này"; ok $? "the right code enrols the database"
e2e_wait "Máy chủ tỉnh: $URL"; ok $? "the sync screen shows the server"
e2e_keys s
e2e_wait "Đã gửi 0 bản ghi (0 bị từ chối"; ok $? "the first sync says what it did"
libcurl_mapped; ok $? "a sync loads the network library"
is "$(q U "SELECT count(*) FROM document WHERE number = '13-KH/TU'")" 1 \
    "the first sync pulls the province's plan"
e2e_wait "Đơn vị: Đảng bộ xã A"; ok $? "the sync screen names the enrolled unit"

# The clerk records a campaign; an edit of the province's plan will be
# rejected (plans of an upper level are read-only below).
commune_data U XA 6 150
"$SQLRUN" "$E2E_DB" "UPDATE document SET title = 'Sửa trái phép'" || exit 1
waiting=$(q U "SELECT count(*) FROM sync_outbox WHERE state <> 'rejected' AND tbl <> 'audit'")
e2e_keys Escape
e2e_wait "Đảng bộ xã A"; ok $? "home shows the unit the server sent"
e2e_wait "tỉnh: $waiting thay đổi chờ gửi"; ok $? "home shows $waiting changes waiting"

# Through a 2 KB/s link: progress as it goes, keys at once, then cancel
# (900 members: version 3 packs some 1,700 changes in a 32 KiB batch).
via_proxy U --rate-bps 16000
e2e_keys 5 s
e2e_wait "Đang gửi gói 1"; ok $? "the sync shows its phase"
e2e_wait "gói 0/"; ok $? "the sync shows the batches"
total=$(e2e_screen | sed -n 's/.*gói 0\/\([0-9]*\).*/\1/p' | head -n 1)
[ "${total:-0}" -ge 3 ]
ok $? "the batches are counted by their size: ${total:-none} for $waiting changes and their audit rows"
e2e_wait "Đã gửi "; ok $? "the sync shows the bytes"
t0=$(date +%s%N)
e2e_keys F1
e2e_wait "Trợ giúp: các phím"
t1=$(date +%s%N)
[ $(( (t1 - t0) / 1000000 )) -lt 1500 ]
ok $? "keys stay instant during a sync ($(( (t1 - t0) / 1000000 )) ms)"
e2e_keys Escape
e2e_wait "Còn khoảng"; ok $? "after a batch, the time left is estimated"
e2e_wait "gói 1/"; ok $? "the first batch is acknowledged"
e2e_keys h
e2e_wait "Đã hủy; không mất dữ liệu"; ok $? "h cancels, nothing lost"
left=$(q U "SELECT count(*) FROM sync_outbox WHERE state <> 'rejected' AND tbl <> 'audit'")
[ "$left" -gt 0 ] && [ "$left" -lt "$waiting" ]
ok $? "cancelled mid-way: $left of $waiting changes still to send"

# Leaving the screen during a sync stops it the same way.
e2e_keys s
e2e_wait "Đang gửi gói"; ok $? "a second slow sync starts"
e2e_keys Escape
e2e_wait "Trang chính"; ok $? "Esc leaves the screen during a sync"
e2e_wait "Đã hủy; không mất dữ liệu"; ok $? "and says the sync was cancelled"

# Straight to the server again: the rest goes, each record once.
sed -i "s|^url .*|url $URL|" "$(cred U)"
e2e_keys 5 s
e2e_wait "bị từ chối"; ok $? "the second sync finishes with its summary"
e2e_wait "Đã gửi"; ok $? "and says what it sent"
for t in member attendance essay session; do
	is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM $t")" \
	    "$(q U "SELECT count(*) FROM $t")" "the server holds each $t once"
done
e2e_keys r
e2e_wait "title=Kế hoạch học tập"; ok $? "r lists the rejected record, put back as the province keeps it"
e2e_wait "Lý do:"; ok $? "with the server's reason"
e2e_fits "rejected records"
e2e_keys Escape x
e2e_wait "Sửa trái phép"; ok $? "x shows the refused value in the conflict log"

# A second device of XA edits a member after this one did, and syncs
# first: this one's value loses and goes to the conflict log, beside
# the value kept.
m=$(q U "SELECT id FROM member ORDER BY id LIMIT 1")
"$SQLRUN" "$E2E_DB" "UPDATE member SET full_name = 'Tên của máy U' WHERE id = $m"
client A sync --quiet &&
"$SQLRUN" "$NET_TMP/A.db" "UPDATE member SET full_name = 'Tên của máy A' WHERE id = $m" &&
client A sync --quiet
ok $? "another device of the commune edits the same member later"
e2e_keys Escape s
e2e_wait "1 bị bản mới hơn thay"; ok $? "the sync says one value lost"
e2e_keys x
e2e_wait "Tên của máy U"; ok $? "x shows the value that lost"
e2e_wait "Được giữ:"; ok $? "and, below it, the value kept"
e2e_wait "Tên của máy A"; ok $? "which is the other device's"
e2e_wait "Hai máy cùng sửa"; ok $? "and why: both devices edited it"
e2e_fits "conflict log"
is "$(q U "SELECT full_name FROM member WHERE id = $m")" "Tên của máy A" \
    "the later edit is kept"
e2e_keys Escape Escape
e2e_wait "tỉnh: 0 thay đổi chờ gửi"; ok $? "home: no change waits any more"

e2e_quit

# On a terminal that is not UTF-8 the screen comes out unaccented.
: > "$TAP_TMP/stderr"
e2e_start C
e2e_keys 5
e2e_wait "Thay doi cho gui"; ok $? "LANG=C: the sync screen is unaccented"
e2e_wait "Dong bo voi tinh"; ok $? "LANG=C: so is its title"
e2e_fits "sync screen, LANG=C"
e2e_quit
done_testing
