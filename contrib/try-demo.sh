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
demo="${XDG_DATA_HOME:-$HOME/.local/share}/quantriet/demo.db"
[ -f "$demo" ] || ./quantriet demo --db "$demo"
exec ./quantriet --db "$demo"
