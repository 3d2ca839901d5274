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
. "$(dirname "$0")/sync-tree.sh"
KILL_ROUNDS=$rounds
export KILL_ROUNDS
[ -z "$seed" ] || { KILL_SEED=$seed; export KILL_SEED; }
exec sh "$top_srcdir/tests/sync/kill.sh"
