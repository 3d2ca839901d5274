#!/bin/sh
# check_busy.sh - readers never block clerks: while `quantriet check` reads
# a database for a long time, a clerk's save goes through at once. check
# reads a copy; a check reading the file itself held its read lock through
# all of integrity_check, and the save waited for the end of it (or failed
# after the busy timeout on a province's file).
. "$top_srcdir/tests/tap.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 command not installed"
tap_tmpdir
db=$TAP_TMP/demo.db
"$QUANTRIET" demo --db "$db" >/dev/null 2>&1 || { echo "Bail out! demo failed"; exit 1; }
# Some 100 MB more to read, so that check takes seconds even on a fast PC.
sqlite3 "$db" "CREATE TABLE filler(x BLOB); CREATE INDEX filler_x ON filler(x);
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
  WHERE i < 600000) INSERT INTO filler SELECT randomblob(64) FROM n"
printf 'Lê Văn Chờ\n' > "$TAP_TMP/one.csv"

export TMPDIR="$TAP_TMP"
"$QUANTRIET" check --db "$db" > "$TAP_TMP/check.out" 2>&1 &
check=$!
tap_at_exit "kill $check 2>/dev/null"
sleep 0.3
t0=$(date +%s%N)
"$QUANTRIET" import members --db "$db" --cell "Chi bộ ấp Vĩnh Phước" \
  --file "$TAP_TMP/one.csv" > /dev/null 2> "$TAP_TMP/err"
rc=$?
t1=$(date +%s%N)
kill -0 "$check" 2>/dev/null
running=$?
echo "# the save took $(( (t1 - t0) / 1000000 )) ms"
is "$rc" 0 "a clerk's save while check runs succeeds"
is "$(cat "$TAP_TMP/err")" "" "without a busy message"
is "$running" 0 "and is done while check still reads"
wait "$check"
is $? 0 "check still finds the database sound"
is "$(sqlite3 "$db" "SELECT count(*) FROM member WHERE full_name = 'Lê Văn Chờ'")" 1 \
  "the member saved is there"
is "$(ls "$TAP_TMP" | grep -c '^quantriet-snapshot')" 0 "check leaves no copy behind"
done_testing
