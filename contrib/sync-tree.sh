# sync-tree.sh - sourced by the long sync loops (kill-loop.sh,
# soak-cuts.sh) after their options: the build tree is $1 (default .);
# sets and exports top_srcdir, top_builddir, QUANTRIET, QUANTRIET_SERVER
# and LC_ALL as make check does, or exits 2 if a program the sync tests
# need is not built.
top_srcdir=$(cd "$(dirname "$0")/.." && pwd)
top_builddir=$(cd "${1:-.}" && pwd)
QUANTRIET=$top_builddir/quantriet
QUANTRIET_SERVER=$top_builddir/quantriet-server
for f in "$QUANTRIET" "$QUANTRIET_SERVER" "$top_builddir/tests/sync/sqlrun" \
    "$top_builddir/tests/net/qt-proxy"; do
	[ -x "$f" ] || { echo "$0: $f not built (make check builds it)" >&2; exit 2; }
done
LC_ALL=C.UTF-8
export top_srcdir top_builddir QUANTRIET QUANTRIET_SERVER LC_ALL
