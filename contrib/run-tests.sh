#!/bin/sh
# run-tests.sh - README's second command, and what CI runs (.ci/run):
# installs the dependencies, builds with warnings as errors, runs the whole
# suite, then builds and runs it again under AddressSanitizer and
# UndefinedBehaviorSanitizer. Ends with "N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1

sh contrib/install-deps.sh || exit 1
autoreconf -fi >/dev/null 2>&1 || { autoreconf -fi; exit 1; }

jobs=$(nproc 2>/dev/null || echo 2)
status=0
logs=""
extra_failed=0	# a failed distcheck counts as one failed test

# run NAME CONFIGURE-ARGS...: builds in build/NAME and runs make check.
run() {
	name=$1
	shift
	echo "=== $name"
	rm -rf "build/$name"
	mkdir -p "build/$name"
	(cd "build/$name" && "$top/configure" -q --enable-werror "$@" &&
	    make -j"$jobs" -s && make -j"$jobs" check) || status=1
	logs="$logs build/$name/test-suite.log"
}

run normal CFLAGS="-O2 -g"

# The release tarball must build and work on its own, from a read-only
# source tree: make distcheck, with one test of each kind (the full suite
# has just run above and runs again under the sanitizers below).
echo "=== distcheck"
(cd build/normal && make -s distcheck DISTCHECK_CONFIGURE_FLAGS=--enable-werror \
    TESTS="tests/unit/test_db tests/cli/report_tally.sh tests/e2e/home.sh tests/sync/sync.sh" \
    >distcheck.log 2>&1) || { tail -40 build/normal/distcheck.log; extra_failed=1; }
# Leak checks stay on for our code; curses keeps its screen buffers until
# exit by design, which the interface tests tell LeakSanitizer to expect.
ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	run sanitize CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"

for f in build/*/test-suite.log; do
	[ -f "$f" ] || continue
	grep -E '^(FAIL|ERROR|XPASS)' "$f" | head -20
done

# Every TAP line counted once per build; skipped tests are not passes.
passed=0
failed=0
for f in $logs; do
	[ -f "$f" ] || { failed=$((failed + 1)); continue; }
	p=$(sed -n 's/^# PASS: *\([0-9]*\)$/\1/p' "$f" | head -1)
	x=$(sed -n 's/^# XFAIL: *\([0-9]*\)$/\1/p' "$f" | head -1)
	fl=$(sed -n 's/^# FAIL: *\([0-9]*\)$/\1/p' "$f" | head -1)
	xp=$(sed -n 's/^# XPASS: *\([0-9]*\)$/\1/p' "$f" | head -1)
	er=$(sed -n 's/^# ERROR: *\([0-9]*\)$/\1/p' "$f" | head -1)
	passed=$((passed + ${p:-0} + ${x:-0}))
	failed=$((failed + ${fl:-0} + ${xp:-0} + ${er:-0}))
done
failed=$((failed + extra_failed))
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
