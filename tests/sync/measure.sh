#!/bin/sh
# Measures a campaign of 600 members (4 cells of 150: members, sessions,
# attendance, essays) pushed from scratch, then pulled by a second device:
# requests, bytes on the wire each way, and the time through a proxy
# throttled to 64 kbit/s each way. Not part of make check (it takes about
# half a minute); run by hand after make check has built everything:
#
#	top_srcdir=. top_builddir=. QUANTRIET=./quantriet \
#	    QUANTRIET_SERVER=./quantriet-server tests/sync/measure.sh
. "$top_srcdir/tests/sync/fixture.sh"
sync_setup

province_plan P
client P sync --quiet && client A sync --quiet || exit 1
commune_data A XA 4 150
enrol A2 XA || exit 1

via_proxy "A A2" --rate-bps 64000

# measure NAME WHAT: one sync of device NAME through the proxy.
measure() {
	_before=$(requests)
	_t0=$(date +%s.%N)
	client "$1" sync --quiet || exit 1
	_t1=$(date +%s.%N)
	net_wait_lines "$NET_TMP/proxy.stats" "$3" || exit 1
	echo "# $2: $(q "$1" "SELECT count(*) FROM member") members," \
	    "$(( $(requests) - _before )) requests," \
	    "$(tail -n 1 "$NET_TMP/proxy.stats")," \
	    "$(awk "BEGIN { printf \"%.1f\", $_t1 - $_t0 }") s at 64 kbit/s"
}
echo "# rows: $(q A "SELECT count(*) FROM sync_outbox") changes queued"
measure A "push from scratch" 1
measure A2 "pull into a new device" 2
measure A "nothing to do" 3
ok 0 "measured"
done_testing
