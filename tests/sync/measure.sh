#!/bin/sh
# Measures what a sync costs on a 64 kbit/s link and prints each figure
# beside its limit (issue 12 §5, docs/sync.md "Costs"), all from this run:
#
# - a campaign of 600 members (4 cells of 150: members, sessions,
#   attendance, essays, and their audit rows) pushed from scratch: round
#   trips (requests) against 1 + ceil(bytes sent / 32 KiB), and the bytes
#   both ways (TLS included) against 1.2 x zstd -19 of the same rows as
#   minimal CSV + 1.5 KB per round trip;
# - pulling the campaign into a new device (no limit: for the record);
# - a sync with nothing to do: one round trip, bytes both ways against
#   1.5 KB;
# - 600 attendance marks of four new sessions pushed in one batch: bytes
#   a mark beyond the fixed cost of a sync with nothing to do, with its
#   audit row against 1.2 x zstd -19 of them as CSV, and alone against
#   25 B;
# - a cron sync inside the poll hint: no connection at all; and a day of
#   cron runs at */30 by the hint's rule against 50 KB.
#
# Each "not ok" line is a figure over its limit. Not part of make check
# (timings never are; it takes one to three minutes); run by hand after
# make check has built everything (the zstd command compresses the CSV):
#
#	top_srcdir=. top_builddir=. QUANTRIET=./quantriet \
#	    QUANTRIET_SERVER=./quantriet-server tests/sync/measure.sh
#
# The poll hint as a province gets it, but counted from seconds, not an
# hour, of quiet (so the last step finds one).
QUANTRIET_TEST_POLL_QUIET_S=0
. "$top_srcdir/tests/sync/fixture.sh"
command -v zstd >/dev/null 2>&1 || skip_all "zstd not found (contrib/install-deps.sh)"
sync_setup

province_plan P
client P sync && client A sync || exit 1
commune_data A XA 4 150
enrol A2 XA || exit 1

# csv NAME: the rows device NAME has queued, as minimal CSV: per table a
# line of column names, then a line of values per row (the columns that
# travel: member.name_sort is computed by each side).
csv() {
	for _t in $(q "$1" "SELECT DISTINCT tbl FROM sync_outbox ORDER BY tbl"); do
		_k=id
		[ "$_t" = essay_rule ] && _k=document_id
		_cols=$(q "$1" "SELECT group_concat(name, ',') FROM
		    pragma_table_info('$_t') WHERE name <> 'name_sort'")
		echo "$_cols"
		q "$1" "SELECT $_cols FROM $_t WHERE $_k IN (SELECT row_id
		    FROM sync_outbox WHERE tbl = '$_t')" | tr '|' ','
	done
}

via_proxy "A A2" --rate-bps 64000

# measure NAME ARGS: one sync of device NAME through the proxy; sets
# $rt (requests), $up and $down (bytes on the link), $secs.
measure() {
	_name=$1
	shift
	_before=$(requests)
	_lines=$(cat "$NET_TMP/proxy.stats" 2>/dev/null | wc -l)
	_t0=$(date +%s.%N)
	client "$_name" sync "$@" || exit 1
	_t1=$(date +%s.%N)
	rt=$(( $(requests) - _before ))
	up=0
	down=0
	if [ "$rt" -gt 0 ]; then
		net_wait_lines "$NET_TMP/proxy.stats" $((_lines + 1)) || exit 1
		up=$(tail -n 1 "$NET_TMP/proxy.stats" | awk '{ print $4 }')
		down=$(tail -n 1 "$NET_TMP/proxy.stats" | awk '{ print $6 }')
	fi
	secs=$(awk "BEGIN { printf \"%.1f\", $_t1 - $_t0 }")
}

# within FIGURE LIMIT TEXT: a test line saying FIGURE <= LIMIT.
within() {
	ok "$(awk "BEGIN { exit !($1 <= $2) }" && echo 0 || echo 1)" "$3: $1 <= $2"
}

changes=$(q A "SELECT count(*) FROM sync_outbox")
csv A >"$NET_TMP/rows.csv"
ref=$(zstd -19 -q -c "$NET_TMP/rows.csv" | wc -c)
echo "# campaign: $changes changes; minimal CSV $(wc -c <"$NET_TMP/rows.csv") B, zstd -19 $ref B"

measure A
echo "# push from scratch: $rt requests, up $up B, down $down B, $secs s at 64 kbit/s"
within "$rt" "$(( 1 + (up + 32767) / 32768 ))" "campaign push: round trips <= 1 + ceil(bytes up / 32 KiB)"
within "$((up + down))" "$(awk "BEGIN { printf \"%d\", 1.2 * $ref + 1500 * $rt }")" \
    "campaign push: bytes both ways <= 1.2 x zstd -19 CSV ($ref) + 1.5 KB x $rt round trips"

measure A2
echo "# pull into a new device: $rt requests, up $up B, down $down B, $secs s at 64 kbit/s"

measure A
noop_rt=$rt
noop=$((up + down))
echo "# nothing to do (the clerk's sync): $rt request, up $up B, down $down B, $secs s"
within "$rt" 1 "no-op sync: round trips"
within "$noop" 1500 "no-op sync: bytes both ways"

# marks TITLE [SQL]: four new sessions with a mark for every member (600
# attendance rows, 4 sessions, and their audit rows queued), SQL run on
# the queue, then pushed; sets $n, $mref (zstd -19 of the queued rows as
# CSV) and $per (bytes a mark beyond a no-op sync).
marks() {
	"$SQLRUN" "$NET_TMP/A.db" <<EOSQL || exit 1
INSERT INTO session(id, document_id, unit_id, title, held_on, status)
  SELECT qt_new_id(), document_id, unit_id, '$1', '2026-11-20', 'held'
  FROM session WHERE title = 'Học tập, quán triệt Nghị quyết';
INSERT INTO attendance(id, session_id, member_id, status, reason)
  SELECT qt_new_id(), s.id, m.id, 'present', ''
  FROM member m JOIN session s ON s.unit_id = m.unit_id
  WHERE s.title = '$1';
EOSQL
	[ -z "${2:-}" ] || "$SQLRUN" "$NET_TMP/A.db" "$2" >/dev/null || exit 1
	n=$(q A "SELECT count(*) FROM sync_outbox WHERE tbl = 'attendance'")
	csv A >"$NET_TMP/marks.csv"
	mref=$(zstd -19 -q -c "$NET_TMP/marks.csv" | wc -c)
	measure A
	per=$(awk "BEGIN { printf \"%.1f\", ($up + $down - $noop) / $n }")
}

# The marks as they travel, each with its audit row (the audit trail,
# docs/audit.md, came after the issue's figure of 32 B a row).
marks 'Học tập lần hai'
echo "# $n marks with their audit rows: $rt request(s), up $up B, down $down B:" \
    "$per B a mark beyond a no-op sync; zstd -19 of their CSV $mref B" \
    "= $(awk "BEGIN { printf \"%.1f\", $mref / $n }") B a mark"
within "$per" "$(awk "BEGIN { printf \"%.1f\", 1.2 * $mref / $n }")" \
    "attendance with audit: bytes a mark <= 1.2 x zstd -19 CSV"
within "$rt" "$(( 1 + (up + 32767) / 32768 ))" "attendance push: round trips"
# The marks alone: their audit rows taken off the queue of this scratch
# database before the push, so the figure is the attendance row's own.
marks 'Học tập lần ba' "DELETE FROM sync_outbox WHERE tbl = 'audit'"
echo "# $n marks alone: $rt request(s), up $up B, down $down B: $per B a mark" \
    "beyond a no-op sync; zstd -19 of their CSV $mref B"
within "$per" 25 "attendance alone: bytes a mark (batch of $n)"

# A cron sync with nothing to push inside the poll hint opens nothing.
hint=$(q A "SELECT value FROM setting WHERE key = 'sync.poll_until'")
measure A --quiet --jitter 0
echo "# cron sync with nothing to push (poll hint until ${hint:-none}): $rt requests, $((up + down)) B"
within "$rt" 0 "cron sync inside the poll hint: requests"
# A day of cron runs at */30 after the unit's last news, by the rule of
# docs/sync.md ("Poll hint": none within the hour, then half the quiet
# time, at most 2 h), each costing the no-op sync measured above.
runs=$(awk 'BEGIN { for (t = 0; t < 1440; t += 30) if (t >= until) {
	n++; p = t < 60 ? 0 : t / 2; if (p > 120) p = 120; until = t + p }
	print n }')
echo "# idle day at */30: $runs of 48 cron runs go out, $noop B each"
within "$((runs * noop))" 51200 "idle traffic a day at */30 (B)"
done_testing
