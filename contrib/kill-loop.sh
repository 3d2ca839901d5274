#!/bin/sh
# kill-loop.sh - the long kill loop: ROUNDS rounds of tests/sync/kill.sh
# (make check runs 12), each SIGKILLing an import, a sync client, the
# server or the interface at a random moment, then checking that both
# databases pass integrity_check and every acknowledged write is there
# exactly once. Run it in a built tree (a sanitizer build is best):
#
#   sh contrib/kill-loop.sh [-n ROUNDS] [-s SEED] [BUILDDIR]
#
# ROUNDS defaults to 800; SEED to a random one, printed. Prints the TAP
# lines and the figures (rounds by target and outcome); exit status 1 if
# anything was lost, torn or doubled.
set -u
rounds=800
seed=
while getopts n:s: opt; do
	case $opt in
	n) rounds=$OPTARG ;;
	s) seed=$OPTARG ;;
	*) echo "usage: $0 [-n ROUNDS] [-s SEED] [BUILDDIR]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
top_srcdir=$(cd "$(dirname "$0")/.." && pwd)
top_builddir=$(cd "${1:-.}" && pwd)
QUANTRIET=$top_builddir/quantriet
QUANTRIET_SERVER=$top_builddir/quantriet-server
for f in "$QUANTRIET" "$QUANTRIET_SERVER" "$top_builddir/tests/sync/sqlrun" \
    "$top_builddir/tests/net/qt-proxy"; do
	[ -x "$f" ] || { echo "$0: $f not built (make check builds it)" >&2; exit 2; }
done
LC_ALL=C.UTF-8 KILL_ROUNDS=$rounds
export top_srcdir top_builddir QUANTRIET QUANTRIET_SERVER LC_ALL KILL_ROUNDS
[ -z "$seed" ] || { KILL_SEED=$seed; export KILL_SEED; }
exec sh "$top_srcdir/tests/sync/kill.sh"
