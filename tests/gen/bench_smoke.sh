#!/bin/sh
# bench_smoke.sh - contrib/bench.sh on a tiny province: every figure of
# issue 10 gets its line, in the one format a reader (or a script) greps:
#   FIGURE: measured X; limit Y; ratio R; goal G; met yes|no|-
# Only the format is asserted: timings never decide a test.
. "$top_srcdir/tests/tap.sh"
for c in sqlite3 valgrind /usr/bin/time; do
	command -v "$c" >/dev/null 2>&1 || skip_all "$c not installed"
done
tap_tmpdir

QT_BENCH_DIR=$TAP_TMP TMPDIR=$TAP_TMP sh "$top_srcdir/contrib/bench.sh" \
  --quick --members 200 --build "$top_builddir" > "$TAP_TMP/out" 2>"$TAP_TMP/err"
ok $? "bench.sh runs on a tiny province"
sed 's/^/# /' "$TAP_TMP/out" "$TAP_TMP/err"

is "$(wc -l < "$TAP_TMP/out" | tr -d ' ')" 14 "one line per figure"
is "$(grep -cv '^[^:]*: measured [^;]*; limit [^;]*; ratio [^;]*; goal [^;]*; met \(yes\|no\|-\)$' "$TAP_TMP/out")" 0 \
  "every line reads FIGURE: measured X; limit Y; ratio R; goal G; met yes|no|-"
for fig in "province tally" "server tally" "commune tally" "cold start" \
    "warm start" "peak RSS" "per ↓" "per PgDn" "name search" \
    "attendance mark" "terminal bytes" "check on" "save while check" \
    "province generator"; do
	is "$(grep -c "^[^:]*$fig[^:]*: measured" "$TAP_TMP/out")" 1 "a line for $fig"
done
done_testing
