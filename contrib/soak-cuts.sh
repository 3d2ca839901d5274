#!/bin/sh
# soak-cuts.sh - the long cut soak (issue 12): two devices of one commune
# record and edit work in rounds and sync through a link that resets each
# connection at a random byte (tests/net/qt-proxy --cut-random), trying
# again until each sync gets through, until CUTS connections have been
# cut. A cut "after commit" is one where the server had stored the batch
# in flight (srv_batch) but the device never heard: the resend must be
# answered from the stored acknowledgement, not applied twice. At the end
# the server and both devices must hold the same rows, every row
# recorded exactly once. Not run by make check (tests/sync/cut.sh is the
# short one). In a built tree:
#
#   nice -n 19 sh contrib/soak-cuts.sh [-n CUTS] [-s SEED] [-m MAXBYTES] [BUILDDIR]
#
# CUTS defaults to 1000, SEED to a random one (printed), MAXBYTES (the
# largest cut point, TLS handshake included) to 6000. Prints TAP lines
# and the figures; exit status 1 if anything was lost or doubled.
set -u
cuts=1000
seed=
maxb=6000
while getopts n:s:m: opt; do
	case $opt in
	n) cuts=$OPTARG ;;
	s) seed=$OPTARG ;;
	m) maxb=$OPTARG ;;
	*) echo "usage: $0 [-n CUTS] [-s SEED] [-m MAXBYTES] [BUILDDIR]" >&2
	   exit 2 ;;
	esac
done
shift $((OPTIND - 1))
. "$(dirname "$0")/sync-tree.sh"
[ -n "$seed" ] || seed=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
echo "# seed $seed, $cuts cuts, cut points up to $maxb bytes"

. "$top_srcdir/tests/sync/fixture.sh"
sync_setup
started=$(date +%s)

province_plan P
client P sync --quiet && client A sync --quiet
ok $? "commune A has the plan"
commune_data A XA 2 20
client A sync --quiet
ok $? "commune A's first work is at the province"
enrol A2 XA
ok $? "a second device of commune A is enrolled"
via_proxy "A A2" --cut-random "$seed" --cut-max "$maxb" --max-seconds 0

# record NAME ROUND: device NAME adds two members (named by device and
# round, so a row applied twice would show) with their attendance, and
# flips three attendance marks, its own or the other device's.
record() {
	"$SQLRUN" "$NET_TMP/$1.db" <<EOSQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2)
INSERT INTO member(id, unit_id, full_name, name_fold, name_sort, status)
  SELECT qt_new_id(), (SELECT id FROM unit WHERE code = 'XA-1'),
    'Soak $1 $2 ' || i, qt_fold('Soak $1 $2 ' || i),
    qt_name_sort('Soak $1 $2 ' || i), 'active' FROM n;
INSERT INTO attendance(id, session_id, member_id, status)
  SELECT qt_new_id(), s.id, m.id, 'present' FROM member m
  JOIN session s ON s.unit_id = m.unit_id
  WHERE m.full_name LIKE 'Soak $1 $2 %';
UPDATE attendance SET status = CASE status WHEN 'present' THEN 'absent'
    ELSE 'present' END,
  reason = CASE status WHEN 'present' THEN 'Ốm' ELSE '' END
  WHERE id IN (SELECT id FROM attendance ORDER BY random() LIMIT 3);
EOSQL
}

total=0		# connections cut
after=0		# of which the server had committed the batch in flight
attempts=0
added=0		# members the rounds added
round=0
# through NAME: syncs NAME until a run gets through, counting the cuts.
through() {
	_t_n=0
	while [ $_t_n -lt 500 ]; do
		_t_n=$((_t_n + 1))
		attempts=$((attempts + 1))
		client "$1" sync --quiet 2>/dev/null && return 0
		_t_b=$(q "$1" "SELECT ifnull(max(id), 0) FROM sync_batch")
		if [ "$_t_b" != 0 ] && [ "$("$SQLRUN" "$SDB" "SELECT count(*) \
		    FROM srv_batch WHERE batch_id = $_t_b")" != 0 ]; then
			after=$((after + 1))
		fi
	done
	return 1
}
stuck=0
while [ "$total" -lt "$cuts" ]; do
	round=$((round + 1))
	for d in A A2; do
		record $d $round || exit 1
		added=$((added + 2))
		through $d || stuck=$((stuck + 1))
	done
	total=$(grep -c 'cut yes' "$NET_TMP/proxy.stats")
	[ $((round % 25)) -ne 0 ] ||
	    echo "# round $round: $total cuts ($after after commit), $attempts runs"
done
ok "$stuck" "every sync got through in the end ($attempts runs, $round rounds)"

# Both devices once more, with nothing new: each pulls the other's last.
through A && through A2 && through A
ok $? "a last round trip each"
total=$(grep -c 'cut yes' "$NET_TMP/proxy.stats")
ok $(( total < cuts )) "at least $cuts connections were cut ($total)"
ok $(( after == 0 )) "cuts after the server committed ($after)"

for d in A A2; do
	is "$(q $d "SELECT count(*) FROM sync_outbox")" 0 "device $d has nothing left to send"
	is "$(q $d "SELECT count(*) FROM sync_inbox")" 0 "device $d has nothing left to apply"
done
soak=$("$SQLRUN" "$SDB" "SELECT count(*) FROM member WHERE full_name LIKE 'Soak %'")
is "$soak" "$added" "the server has every member the rounds added"
lost=$((added - soak))
is "$("$SQLRUN" "$SDB" "SELECT count(DISTINCT full_name) FROM member
    WHERE full_name LIKE 'Soak %'")" "$added" "no member was stored twice"
dups=$("$SQLRUN" "$SDB" "SELECT (SELECT count(*) FROM member) -
    (SELECT count(DISTINCT full_name || unit_id) FROM member)")
is "$dups" 0 "no row of another's recorded twice"
# The same rows and values everywhere: a digest of each table.
digest() {
	"$SQLRUN" "$1" "SELECT id, $2 FROM $3 ORDER BY id" | sha256sum
}
for spec in "member:full_name, status" \
    "attendance:member_id, session_id, status, reason" \
    "essay:member_id, awareness" "session:unit_id, title"; do
	t=${spec%%:*}
	cols=${spec#*:}
	want=$(digest "$SDB" "$cols" "$t")
	for d in A A2; do
		is "$(digest "$NET_TMP/$d.db" "$cols" "$t")" "$want" \
		    "device $d holds the server's $t rows, values included"
	done
	is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM srv_row WHERE tbl = '$t'")" \
	    "$("$SQLRUN" "$SDB" "SELECT count(*) FROM $t")" \
	    "each $t row has one change record on the server"
done
secs=$(( $(date +%s) - started ))
echo "# figures: $total cuts, $after after commit, $attempts sync runs," \
    "$round rounds, $added members added, $lost lost, $dups duplicated," \
    "${secs}s (seed $seed)"
done_testing
