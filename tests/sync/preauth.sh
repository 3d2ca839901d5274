#!/bin/sh
# What a stranger can make the server hold: pushes without a credential
# are answered 401 from their headers, before the body is read, so 40 of
# them at once, each announcing and sending 4 MiB, leave the server's
# peak memory (VmHWM) within 16 MiB of where it was; an enrolment body
# over 4 KiB is refused from its length, and an address that keeps
# failing to enrol is told to wait (429).
. "$top_srcdir/tests/sync/fixture.sh"
[ -r /proc/self/status ] || skip_all "no /proc"

"$S" unit-add --db "$SDB" --code KG --name 'Tỉnh ủy' --kind province >/dev/null
net_bg plain "$S" serve --db "$SDB" --insecure-http --port 0 \
    --port-file "$NET_TMP/plain.port" --log
hport=$(net_wait_port_file "$NET_TMP/plain.port") || exit 1
pid=$(net_pid plain)
hwm() {
	sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$pid/status"
}
# send N URL LENGTH [HEADER]: N requests at once, each sending LENGTH
# bytes of body; their status lines go to $NET_TMP/status.N.
send() {
	_i=0
	_pids=
	while [ "$_i" -lt "$1" ]; do
		_i=$((_i + 1))
		{ printf "POST %s HTTP/1.1\r\nHost: x\r\nContent-Length: %s\r\n${4:-}Connection: close\r\n\r\n" \
		    "$2" "$3"
		  head -c "$3" /dev/zero
		} | "$QT_PROXY" --connect "127.0.0.1:$hport" 2>/dev/null |
		    head -n 1 > "$NET_TMP/status.$_i" &
		_pids="$_pids $!"
	done
	for _p in $_pids; do
		wait "$_p"
	done
}
MIB=$((1024 * 1024))
before=$(hwm)
send 40 /v1/push $((4 * MIB))
after=$(hwm)
echo "# server VmHWM: $before kB before, $after kB after 40 x 4 MiB unauthenticated pushes"
# (A client still sending may lose the answer to the reset that follows
# it: the server's log says what it answered.)
is "$(grep -c 'POST /v1/push 401 0$' "$NET_TMP/plain.log")" 40 \
    "40 pushes of 4 MiB without a credential: 40 answers 401, no body read"
ok $(( after - before > 16 * 1024 )) \
    "the server's peak memory grew by less than 16 MiB ($((after - before)) kB)"
send 1 /v1/push 100 'Authorization: Bearer 0000\r\n'
grep -q ' 401 ' "$NET_TMP/status.1"
ok $? "a wrong token is refused 401 too"

send 1 /v1/enroll 5000
grep -q ' 413 ' "$NET_TMP/status.1"
ok $? "an enrolment body over 4 KiB is refused 413"
n=0
while [ "$n" -lt 10 ]; do
	send 1 /v1/enroll 5
	n=$((n + 1))
done
grep -q ' 400 ' "$NET_TMP/status.1"
ok $? "a malformed enrolment is refused 400"
send 1 /v1/enroll 5
grep -q ' 429 ' "$NET_TMP/status.1"
ok $? "after 10 failed enrolments the address is told to wait (429)"
code=$("$S" enroll-code --db "$SDB" --unit KG)
says 'qua nhieu lan' env XDG_CONFIG_HOME="$NET_TMP/X.cfg" "$QUANTRIET" \
    enroll "http://127.0.0.1:$hport" "$code" --db "$NET_TMP/X.db"
ok $? "even with a good code, and the clerk is told why"

done_testing
