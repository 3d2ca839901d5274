#!/bin/sh
# try-demo.sh - README's first command: installs the build dependencies,
# builds quantriet and opens the interface on a demo database.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

sh contrib/install-deps.sh
[ -x configure ] || autoreconf -fi
mkdir -p build
cd build
[ -f Makefile ] || ../configure -q
make -j"$(nproc)" -s
# A root shell on a new machine has no LANG, and the interface would fall
# back to unaccented text. Unless a locale that is not UTF-8 was asked for
# by name, use C.UTF-8 (libc-bin has it on every Debian) and say so.
if [ "$(locale charmap 2>/dev/null)" != UTF-8 ]; then
	case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
	'' | *[Uu][Tt][Ff]-8* | *[Uu][Tt][Ff]8*)
		echo "try-demo.sh: ngôn ngữ (locale) hiện tại không phải UTF-8;" \
		    "dùng LC_ALL=C.UTF-8 để hiện đủ dấu tiếng Việt" >&2
		LC_ALL=C.UTF-8
		export LC_ALL
		;;
	esac
fi
demo="${XDG_DATA_HOME:-$HOME/.local/share}/quantriet/demo.db"
[ -f "$demo" ] || ./quantriet demo --db "$demo"
# The demo is the 2021 campaign of plan 13-KH/TU: open it on a day when
# that campaign was in progress, so its deadlines and lateness make sense.
QUANTRIET_TODAY=${QUANTRIET_TODAY:-2021-04-20} exec ./quantriet --db "$demo"
