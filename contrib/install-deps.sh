#!/bin/sh
# install-deps.sh - installs what building and testing quantriet needs on
# Debian 12 (run as root). Does nothing when everything is already there,
# so it costs no network on a machine that has run it once.
#
# Beyond the build: the tests drive the interface in tmux, find its pid
# with ps (procps), script with awk (mawk), make fixtures with sqlite3 and
# a test CA with openssl; make fuzz builds with clang (libFuzzer);
# tests/sync/measure.sh compares with the zstd command.
# Everything else they call (iconv and the C.UTF-8
# locale from libc-bin, script from bsdutils, cmp, coreutils) is in every
# Debian 12; the tests set their own locale, so no "locales" package is
# needed. contrib/bench.sh counts instructions with valgrind and memory
# with /usr/bin/time (package time).
set -eu

packages="build-essential autoconf automake pkg-config gettext-base
libncurses-dev libsqlite3-dev libcurl4-openssl-dev zlib1g-dev
libmicrohttpd-dev libzstd-dev zstd tmux procps mawk openssl sqlite3 ca-certificates
valgrind time clang"

missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps.sh: cần quyền root để cài:$missing" >&2
	exit 1
fi
echo "install-deps.sh: đang cài:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
