#!/bin/sh
# Two devices of one commune change the same attendance mark without
# seeing each other's change (issue 12, part 4; docs/sync.md, "Clock and
# conflicts"). Both devices get a conflict entry naming the value kept
# and the one not kept, and all three copies end the same: two edits
# keep the later one, an edit and a delete keep the edit (the mark comes
# back). Edits made one after the other, each device having pulled the
# other's first, are no conflict.
. "$top_srcdir/tests/sync/fixture.sh"
sync_setup
province_plan P
client P sync --quiet && client A sync --quiet || exit 1
commune_data A XA 1 8
client A sync --quiet || exit 1
code=$("$S" enroll-code --db "$SDB" --unit XA) &&
client A2 enroll --quiet --cacert "$PKI/ca.pem" "$URL" "$code" &&
client A2 sync --quiet || exit 1
is "$(q A2 "SELECT count(*) FROM attendance")" 8 \
    "a second device of the commune has the marks"

# mark N: the id of the Nth attendance mark (the same on every copy).
mark() {
	q A "SELECT id FROM attendance ORDER BY id LIMIT 1 OFFSET $1"
}
# edit DEVICE MARK STATUS REASON
edit() {
	"$SQLRUN" "$NET_TMP/$1.db" "UPDATE attendance SET status = '$3',
	    reason = '$4' WHERE id = $2" >/dev/null
	sleep 0.01	# the next change is stamped later
}
# value WHERE MARK: status/reason of the mark on A, A2 or the server (S).
value() {
	_db=$NET_TMP/$1.db
	[ "$1" = S ] && _db=$SDB
	"$SQLRUN" "$_db" "SELECT ifnull((SELECT status || '/' || reason
	    FROM attendance WHERE id = $2), 'none')"
}
# entries DEVICE MARK: the device's conflict entries for the mark.
entries() {
	q "$1" "SELECT count(*) FROM sync_conflict WHERE tbl = 'attendance'
	    AND row_id = $2"
}
# entry DEVICE MARK: the device's last entry: kept | lost | reason.
entry() {
	q "$1" "SELECT kept || ' | ' || lost || ' | ' || reason FROM sync_conflict
	    WHERE tbl = 'attendance' AND row_id = $2 ORDER BY id DESC LIMIT 1"
}
# same MARK WANT WHAT: the mark is WANT on A, A2 and the server.
same() {
	is "$(value A "$1") $(value A2 "$1") $(value S "$1")" "$2 $2 $2" "$3"
}
syncs() {
	for _d; do client "$_d" sync --quiet || return 1; done
}

# (a) Two edits; the earlier one reaches the server first and would have
# been overwritten silently.
m=$(mark 0)
edit A "$m" absent 'Ốm'
edit A2 "$m" self_study 'Tự học ở nhà'
syncs A A2 A
ok $? "both devices sync their edits of one mark"
same "$m" "self_study/Tự học ở nhà" "the later edit is kept everywhere"
for d in A A2; do
	is "$(entries $d "$m")" 1 "device $d has one conflict entry for the mark"
	case $(entry $d "$m") in
	*"reason=Tự học ở nhà"*" | "*"reason=Ốm"*" | Hai máy cùng sửa"*) ok 0 \
	    "device $d's entry names the value kept and the one not kept" ;;
	*) ok 1 "device $d's entry names both values: $(entry $d "$m")" ;;
	esac
done
case $(entry A "$m") in
*"giữ bản của máy số "*"bản của máy này"*) ok 0 "A is told its value lost to another device" ;;
*) ok 1 "A is told who: $(entry A "$m")" ;;
esac

# The other order: the later edit syncs first, the earlier one is stale.
m=$(mark 1)
edit A "$m" absent 'Đi công tác'
edit A2 "$m" present ''
syncs A2 A A2
ok $? "the later edit syncs first"
same "$m" "present/" "the later edit is kept everywhere"
is "$(entries A "$m") $(entries A2 "$m")" "1 1" "both devices have one entry"
case $(entry A2 "$m") in
*"reason=Đi công tác"*"giữ bản của máy này"*) ok 0 "A2 is told its value was kept over A's" ;;
*) ok 1 "A2's entry: $(entry A2 "$m")" ;;
esac

# (b) A delete, then a later edit on the other device: the edit wins and
# the mark comes back, whichever reaches the server first.
m=$(mark 2)
"$SQLRUN" "$NET_TMP/A.db" "DELETE FROM attendance WHERE id = $m" >/dev/null
sleep 0.01
edit A2 "$m" absent 'Bận việc gia đình'
syncs A A2 A
ok $? "a delete and a later edit sync, the delete first"
same "$m" "absent/Bận việc gia đình" "the edited mark is back everywhere"
for d in A A2; do
	is "$(entries $d "$m")" 1 "device $d has one entry for the mark"
	case $(entry $d "$m") in
	*"reason=Bận việc gia đình"*" | (đã xóa) | Xóa và sửa cùng lúc"*) ok 0 \
	    "device $d's entry names the kept edit and the delete" ;;
	*) ok 1 "device $d's entry: $(entry $d "$m")" ;;
	esac
done
m=$(mark 3)
"$SQLRUN" "$NET_TMP/A.db" "DELETE FROM attendance WHERE id = $m" >/dev/null
sleep 0.01
edit A2 "$m" absent 'Đi viện'
syncs A2 A A2
ok $? "a delete and a later edit sync, the edit first"
same "$m" "absent/Đi viện" "the delete is refused and the mark back on A"
is "$(entries A "$m") $(entries A2 "$m")" "1 1" "both devices have one entry"
case $(entry A "$m") in
*"máy này xóa bản ghi"*"bản sửa được giữ"*) ok 0 "A is told its delete was undone" ;;
*) ok 1 "A's entry: $(entry A "$m")" ;;
esac

# An edit of a mark whose session the other device deleted cannot bring
# it back: the delete stands, the edit is refused with the reason.
s=$(q A "SELECT session_id FROM attendance WHERE id = $(mark 5)")
m=$(mark 5)
"$SQLRUN" "$NET_TMP/A.db" "DELETE FROM attendance WHERE session_id = $s;
    DELETE FROM session WHERE id = $s" >/dev/null
sleep 0.01
edit A2 "$m" absent 'Ốm'
syncs A A2 A
ok $? "a session deleted and one of its marks edited sync"
same "$m" none "the mark is gone everywhere"
case $(entry A2 "$m") in
"(đã xóa) | "*"reason=Ốm"*" | Máy khác của đơn vị đã xóa bản ghi này cùng với phần nó thuộc về"*)
	ok 0 "A2's entry shows its edit, not kept, and says why" ;;
*) ok 1 "A2's entry: $(entry A2 "$m")" ;;
esac
is "$(q A2 "SELECT count(*) FROM sync_outbox")" 0 "nothing is left to send"

# Marks of a new session for the rest.
"$SQLRUN" "$NET_TMP/A.db" "INSERT INTO session(id, document_id, unit_id,
    title, held_on, status) VALUES (qt_new_id(),
    (SELECT id FROM document WHERE number = '13-KH/TU'),
    (SELECT id FROM unit WHERE code = 'XA-1'), 'Buổi hai', '2026-11-20', 'held');
  INSERT INTO attendance(id, session_id, member_id, status)
    SELECT qt_new_id(), s.id, m.id, 'present' FROM session s, member m
    WHERE s.title = 'Buổi hai'" >/dev/null
syncs A A2 || exit 1

# (c) One after the other: A2 pulls A's edit before it edits.
m=$(mark 4)
before="$(q A "SELECT count(*) FROM sync_conflict") $(q A2 "SELECT count(*) FROM sync_conflict")"
edit A "$m" absent 'Ốm'
syncs A A2
edit A2 "$m" present ''
syncs A2 A
ok $? "edits one after the other sync"
same "$m" "present/" "the last edit is kept everywhere"
"$SQLRUN" "$NET_TMP/A.db" "DELETE FROM attendance WHERE id = $m" >/dev/null
syncs A A2
ok $? "and so does a delete after both"
same "$m" none "the mark is gone everywhere"
is "$(q A "SELECT count(*) FROM sync_conflict") $(q A2 "SELECT count(*) FROM sync_conflict")" \
    "$before" "and no conflict is logged"
is "$(q A "SELECT count(*) FROM sync_outbox") $(q A2 "SELECT count(*) FROM sync_outbox")" \
    "0 0" "nothing is left to send on either device"
is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM srv_conflict")" 4 \
    "the server recorded the four conflicts once each"
done_testing
