#!/bin/sh
# The monkey, short: seeded random keys, escape sequences and resizes
# through every screen, on the demo and on an empty database, at 40x10,
# 80x24 and 200x60: no crash, no sanitizer report, no hang. Fixed seeds,
# and one random seed (printed, to replay a failure). The long run is
# contrib/monkey-long.sh.
. "$top_srcdir/tests/tap.sh"

MONKEY="$top_builddir/tests/monkey/monkey"
[ -x "$QUANTRIET" ] || skip_all "chưa dựng quantriet"
[ -x "$MONKEY" ] || skip_all "chưa dựng tests/monkey/monkey"
tap_tmpdir
MONKEY_TMP=$TAP_TMP
. "$top_srcdir/tests/monkey/lib.sh"
monkey_demo

# monkey_ok DB SIZE SEED KEYS [LANG]: one run, one TAP line.
monkey_ok() {
	_out=$(monkey_run "$1" "$2" "$3" "$4" 10 "${5:-}" 2>&1)
	ok $? "$1 at $2, seed $3${5:+, $5}"
	printf '%s\n' "$_out" | sed 's/^/# /'
}

seed=1
for db in demo empty; do
	for size in 40x10 80x24 200x60; do
		monkey_ok "$db" "$size" "$seed" 400
		seed=$((seed + 1))
	done
done
monkey_ok demo 80x24 "$seed" 400 C
monkey_ok demo 80x24 "$(monkey_seed)" 600
done_testing
