#!/bin/sh
# A link that drops at random points, both ways: pushes and pulls retried
# until they succeed converge with nothing lost and nothing applied twice.
. "$top_srcdir/tests/sync/fixture.sh"
sync_setup

province_plan P
client P sync --quiet && client A sync --quiet
ok $? "commune A has the plan"
commune_data A XA 4 75
enrol A2 XA
ok $? "a second device of commune A is enrolled"

# A link that drops in the middle of the first batch.
via_proxy A --cut-after 6000
client A sync --quiet 2>/dev/null
ok $(( $? == 0 )) "a push cut in the middle of a batch fails"
is "$(q A "SELECT count(*) FROM sync_batch")" 1 \
    "the batch in flight is kept, to be sent again as it was"
net_stop proxy

# Both devices now talk through a proxy that resets each connection after
# a random number of bytes (TLS handshake, request or reply).
via_proxy "A A2" --cut-random 7 --cut-max 20000

# retry NAME: syncs until one succeeds (at most 80 tries); prints the tries.
retry() {
	_n=0
	while [ $_n -lt 80 ]; do
		_n=$((_n + 1))
		client "$1" sync --quiet 2>/dev/null && break
	done
	echo $_n
}
tries=$(retry A)
ok $(( tries >= 80 )) "commune A's push gets through a cutting link ($tries tries)"
is "$(q A "SELECT count(*) FROM sync_outbox")" 0 "nothing is left to send"
cut=$(grep -c 'cut yes' "$NET_TMP/proxy.stats")
ok $(( cut == 0 )) "the link was really cut ($cut connections)"
for t in member session attendance essay; do
	is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM $t")" \
	    "$(q A "SELECT count(*) FROM $t")" \
	    "the server has every $t row of commune A"
done
is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM srv_row WHERE tbl = 'essay'")" \
    "$(q A "SELECT count(*) FROM essay")" "each essay was recorded once"

tries=$(retry A2)
ok $(( tries >= 80 )) "the second device's pull gets through ($tries tries)"
for t in member attendance essay; do
	is "$(q A2 "SELECT count(*) FROM $t")" "$(q A "SELECT count(*) FROM $t")" \
	    "the second device has pulled every $t row"
done
is "$(q A2 "SELECT count(*) FROM sync_inbox")" 0 "no pulled row is left unapplied"
is "$(q A2 "SELECT total(length(awareness)) FROM essay")" \
    "$(q A "SELECT total(length(awareness)) FROM essay")" \
    "the essays' text arrived whole"

done_testing
