#!/bin/sh
# check_copy.sh - check reads a private copy of the database (as big as
# the file) and leaves none behind: not when it ends, not when a signal
# stops it at any moment (Ctrl-C, a dropped SSH session), and a copy left
# by one killed outright (SIGKILL, a power cut) goes at the next check.
. "$top_srcdir/tests/tap.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 command not installed"
tap_tmpdir
db=$TAP_TMP/demo.db
"$QUANTRIET" demo --db "$db" >/dev/null 2>&1 || { echo "Bail out! demo failed"; exit 1; }
# Some 40 MB more, so that the copy and the reading take a while.
sqlite3 "$db" "CREATE TABLE filler(x BLOB);
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
  WHERE i < 300000) INSERT INTO filler SELECT randomblob(100) FROM n"
mkdir "$TAP_TMP/t"
export TMPDIR="$TAP_TMP/t"
copies() { ls "$TMPDIR" | grep -c '^quantriet-snapshot'; }

# Stopped at moments spread over the copy and the reading: whatever it
# was doing, nothing stays. (A shell starts a background job with SIGINT
# ignored; env gives it back, as a terminal's Ctrl-C would find it.)
for d in 0.02 0.05 0.1 0.2 0.3 0.5 0.8; do
	for sig in INT TERM HUP; do
		env --default-signal=INT "$QUANTRIET" check --db "$db" \
		  > /dev/null 2>&1 &
		pid=$!
		sleep "$d"
		kill -s "$sig" "$pid" 2>/dev/null
		wait "$pid"
		rc=$?
		[ "$(copies)" = 0 ]
		ok $? "SIG$sig after ${d} s (exit $rc): no copy left"
	done
done

# SIGKILL cannot be caught: the next check removes what it left.
"$QUANTRIET" check --db "$db" > /dev/null 2>&1 &
pid=$!
sleep 0.05
kill -s KILL "$pid" 2>/dev/null
wait "$pid"
# A copy of a process that is gone, one of a process still running (this
# shell) and a file that is not a copy.
: > "$TMPDIR/quantriet-snapshot-999999999.AbCdEf"
: > "$TMPDIR/quantriet-snapshot-$$.GhIjKl"
: > "$TMPDIR/quantriet-snapshot.other"
"$QUANTRIET" check --db "$db" > "$TAP_TMP/out" 2>&1
is $? 0 "the next check runs and finds the database sound"
is "$(ls "$TMPDIR" | sort | tr '\n' ' ')" \
  "quantriet-snapshot-$$.GhIjKl quantriet-snapshot.other " \
  "it removes the copies of processes that are gone, and only those"
done_testing
