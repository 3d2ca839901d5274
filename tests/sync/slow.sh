#!/bin/sh
# Slow peers cannot lock a commune out or hold its sync: 200 connections
# from one host trickling a byte every half second take at most the
# per-address share of the server and are shut at the header deadline
# however they trickle, while a commune syncs; a server whose room is
# taken answers 503 and the sync waits and tries again; a server
# dripping 12 B/s ends a sync at its deadline, not after minutes; a
# second sync on one database waits for the first, or stops with a
# message.
. "$top_srcdir/tests/sync/fixture.sh"
QT_SLOW=$top_builddir/tests/net/qt-slow
sync_setup
province_plan P
client P sync --quiet && client A sync --quiet || exit 1
commune_data A XA 1 5 || exit 1
# The same server in plain HTTP (as behind a reverse proxy), so that the
# slow peers below speak HTTP, not TLS; a 3 s header deadline and room
# for one request at a time.
net_stop srv
net_bg plain "$S" serve --db "$SDB" --insecure-http --port 0 \
    --port-file "$NET_TMP/plain.port" --log --header-timeout 3 --queue 1
port=$(net_wait_port_file "$NET_TMP/plain.port") || exit 1
sed -i "s|^url .*|url http://127.0.0.1:$port|" "$(cred A)"

# 200 trickling connections from 127.0.0.2 (another host on loopback).
net_bg trickle "$QT_SLOW" --trickle "127.0.0.1:$port" --from 127.0.0.2 \
    --conns 200 --seconds 10
sleep 2
t0=$(date +%s)
client A sync --quiet
ok $? "commune A syncs while 200 slow connections come from one host"
echo "# the sync took $(( $(date +%s) - t0 )) s"
wait "$(net_pid trickle)"
read -r _ opened _ closed _ longest _ open < "$NET_TMP/trickle.log"
echo "# trickle: $opened connections opened, $closed shut by the server, the longest lived $longest ms, the oldest still open $open ms"
ok $(( closed < 100 )) "the server shut the trickling connections ($closed of $opened)"
ok $(( longest > 3000 + 1500 || open > 3000 + 1500 )) \
    "each within the 3 s header deadline, trickle or not ($longest ms, $open ms)"
is "$(q A "SELECT count(*) FROM sync_outbox")" 0 "commune A's changes are all acknowledged"
is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM member")" 5 "the province holds its 5 members"

# The one place taken by a request whose body trickles: a sync is
# answered 503 with Retry-After, waits, and gets through once it frees.
token=$(sed -n 's/^token //p' "$(cred A)")
net_bg hold "$QT_SLOW" --trickle "127.0.0.1:$port" --conns 1 --seconds 4 \
    --header "Authorization: Bearer $token"
# Until the server counts it among the requests it has admitted.
n=0
until printf 'GET /v1/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' |
    "$QT_PROXY" --connect "127.0.0.1:$port" 2>/dev/null | grep -q '^queued 1'; do
	n=$((n + 1))
	[ "$n" -lt 100 ] || { echo "# the trickling request was never admitted"; break; }
	sleep 0.1
done
"$SQLRUN" "$NET_TMP/A.db" "UPDATE member SET position = 'Bí thư' WHERE id = (SELECT min(id) FROM member)"
t0=$(date +%s)
QUANTRIET_TEST_BACKOFF_MS=200,2000,30000 client A sync --quiet
ok $? "a sync the server answers 503 (busy) tries again and gets through"
took=$(( $(date +%s) - t0 ))
busy=$(grep -c 'POST /v1/[a-z]* 503 ' "$NET_TMP/plain.log")
echo "# answered 503 $busy times; the sync took $took s"
ok $(( busy < 1 )) "the server said it was busy ($busy times)"
ok $(( took < 2 )) "and the sync waited for the place to free ($took s)"
wait "$(net_pid hold)"
is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM member WHERE position = 'Bí thư'")" 1 \
    "the change arrived"

# A server dripping 12 bytes a second ends the sync at its deadline.
net_bg drip "$QT_SLOW" --drip --port-file "$NET_TMP/drip.port" --rate 12 \
    --length 3000 --seconds 120
dport=$(net_wait_port_file "$NET_TMP/drip.port") || exit 1
mkdir -p "$NET_TMP/D.cfg/quantriet"
cp "$NET_TMP/A.db" "$NET_TMP/D.db"
printf 'url http://127.0.0.1:%s\ntoken 00\n' "$dport" > "$(cred D)"
t0=$(date +%s)
QUANTRIET_TEST_DEADLINE_MS=2000 says 'Mang qua cham' client D sync
ok $? "a server dripping 12 B/s is left: too slow"
took=$(( $(date +%s) - t0 ))
# 2 s and a second per 1000 bytes: the reply of 3000 and the request.
ok $(( took > 12 )) "at the deadline, ${took} s, not the 250 s the drip would take"

# One sync at a time per database.
lock=$NET_TMP/A.db-sync.lock
( flock 9; sleep 2 ) 9>"$lock" &
holder=$!
sleep 0.3
t0=$(date +%s)
client A sync --quiet
ok $? "a sync waits for another one on the same database to end"
ok $(( $(date +%s) - t0 < 1 )) "(it waited)"
wait "$holder"
rm -f "$NET_TMP/release"
( flock 9; while [ ! -e "$NET_TMP/release" ]; do sleep 0.1; done ) 9>"$lock" &
holder=$!
sleep 0.3
says 'dong bo khac dang chay' client A sync
ok $? "and stops with a message when the other goes on for long"
touch "$NET_TMP/release"
wait "$holder"

done_testing
