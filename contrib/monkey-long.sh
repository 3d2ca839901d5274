#!/bin/sh
# monkey-long.sh - the long monkey run: KEYS random keys in each of the
# configurations make check runs briefly (tests/e2e/monkey.sh): the demo
# and an empty database, at 40x10, 80x24 and 200x60, in UTF-8; and the
# demo at 80x24 under LANG=C and on a vt100 (no colour, few keys). Run it
# in a sanitizer build:
#
#   sh contrib/monkey-long.sh [-n KEYS] [-s SEED] [BUILDDIR]
#
# KEYS defaults to 20000 per configuration; SEED to a random one, printed;
# each configuration uses SEED plus its number. Prints each run's report
# and ends with the total; exit status 1 if any run failed.
set -u
keys=20000
seed=
while getopts n:s: opt; do
	case $opt in
	n) keys=$OPTARG ;;
	s) seed=$OPTARG ;;
	*) echo "usage: $0 [-n KEYS] [-s SEED] [BUILDDIR]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
top_srcdir=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-.}" && pwd)
QUANTRIET=$build/quantriet
MONKEY=$build/tests/monkey/monkey
for f in "$QUANTRIET" "$MONKEY"; do
	[ -x "$f" ] || { echo "$0: $f not built (make check builds it)" >&2; exit 2; }
done
MONKEY_TMP=$(mktemp -d "${TMPDIR:-/tmp}/qt-monkey.XXXXXX")
trap 'rm -rf "$MONKEY_TMP"' EXIT
. "$top_srcdir/tests/monkey/lib.sh"
[ -n "$seed" ] || seed=$(monkey_seed)
echo "monkey-long: seed $seed, $keys keys per configuration"
monkey_demo

n=0 failed=0
for conf in "demo 40x10" "demo 80x24" "demo 200x60" "empty 40x10" \
    "empty 80x24" "empty 200x60" "demo 80x24 C" "demo 80x24 C.UTF-8 vt100"; do
	set -- $conf
	# Time is no limit here: a hang is caught by the monkey itself.
	monkey_run "$1" "$2" $((seed + n)) "$keys" 0 "${3:-}" "${4:-}" ||
		failed=$((failed + 1))
	n=$((n + 1))
done
echo "monkey-long: $n runs of $keys keys, $failed failed"
[ "$failed" -eq 0 ]
