#!/bin/sh
# check_saves.sh - check copies the database while clerks keep saving.
# Each save by another process sends SQLite's copy back to its first
# page: with saves coming faster than a copy, check copied for ever. Now
# check ends, one way or the other: it copies the rest at one go when
# that is short (a save waits for it, under 1 s), or it gives up and says
# why. Either way every save goes through. (How long a save waits is
# bench.sh's to measure: timings decide no test.)
. "$top_srcdir/tests/tap.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 command not installed"
tap_tmpdir
db=$TAP_TMP/demo.db
"$QUANTRIET" demo --db "$db" >/dev/null 2>&1 || { echo "Bail out! demo failed"; exit 1; }
export TMPDIR="$TAP_TMP"

# save_while CMD...: runs CMD while clerks save twenty times a second (a
# busy district server: a transaction each time, waiting for a lock as the
# program does), for two minutes at most; sets rc (CMD's status, 143 if
# it was still running).
save_while() {
	sqlite3 "$db" "UPDATE setting SET value = '0' WHERE key = 'check_saves'"
	"$@" > "$TAP_TMP/out" 2>&1 &
	pid=$!
	tap_at_exit "kill $pid 2>/dev/null"
	n=0
	while [ "$n" -lt 1000000 ]; do
		n=$((n + 1))
		echo "UPDATE setting SET value = '$n' WHERE key = 'check_saves';"
		sleep 0.05
	done | sqlite3 -cmd ".timeout 5000" "$db" 2> "$TAP_TMP/save.err" &
	saver=$!
	tap_at_exit "kill $saver 2>/dev/null"
	t=0
	while kill -0 "$pid" 2>/dev/null && [ "$t" -lt 1200 ]; do
		sleep 0.1
		t=$((t + 1))
	done
	kill "$pid" 2>/dev/null
	wait "$pid"
	rc=$?
	kill "$saver" 2>/dev/null
	wait "$saver" 2>/dev/null
	saves=$(sqlite3 -cmd ".timeout 5000" "$db" "SELECT value FROM setting
	  WHERE key = 'check_saves'")
	echo "# $saves saves in $((t / 10)) s"
	sed 's/^/# /' "$TAP_TMP/out" "$TAP_TMP/save.err"
}
sqlite3 "$db" "INSERT INTO setting(key, value) VALUES ('check_saves', '0')"

# A commune's file (some 5 MB, two steps of the copy): copied at one go
# once saves have sent it back to the start.
sqlite3 "$db" "CREATE TABLE filler(x BLOB);
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
  WHERE i < 1000) INSERT INTO filler SELECT randomblob(4000) FROM n"
save_while "$QUANTRIET" check --db "$db"
is "$rc" 0 "a small file is checked whole while saves keep coming"
is "$(cat "$TAP_TMP/save.err")" "" "every save went through"

# Some 400 MB more: too long to copy between two saves, or at one go.
sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1
  FROM n WHERE i < 100000) INSERT INTO filler SELECT randomblob(4000) FROM n"
save_while "$QUANTRIET" check --db "$db"
[ "$rc" -eq 0 ] || grep -q "được ghi liên tục.*chạy lại lúc ít người dùng" "$TAP_TMP/out"
ok $? "a big one is checked or check says it could not copy it whole (status $rc)"
[ "$rc" -ne 143 ]; ok $? "check ended while saves kept coming"
is "$(cat "$TAP_TMP/save.err")" "" "every save went through"
is "$(ls "$TAP_TMP" | grep -c '^quantriet-snapshot')" 0 "check leaves no copy behind"
done_testing
