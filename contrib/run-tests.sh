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
builds=""
checks_passed=0
checks_failed=""	# checks of the whole tree, each one test: named here

# run NAME CONFIGURE-ARGS...: builds in build/NAME and runs make check.
run() {
	name=$1
	shift
	echo "=== $name"
	rm -rf "build/$name"
	mkdir -p "build/$name"
	(cd "build/$name" && "$top/configure" -q --enable-werror "$@" &&
	    make -j"$jobs" -s && make -j"$jobs" check) || status=1
	builds="$builds build/$name"
}

# check NAME PASSED: one test of the whole tree, counted once.
check() {
	if [ "$2" -eq 0 ]; then
		checks_passed=$((checks_passed + 1))
	else
		checks_failed="$checks_failed $1"
	fi
}

run normal CFLAGS="-O2 -g"

# The release tarball must build and work on its own, from a read-only
# source tree: make distcheck, with one test of each kind (the full suite
# has just run above and runs again under the sanitizers below).
echo "=== distcheck"
(cd build/normal && make -s distcheck DISTCHECK_CONFIGURE_FLAGS=--enable-werror \
    TESTS="tests/unit/test_db tests/cli/report_tally.sh tests/e2e/home.sh tests/sync/sync.sh" \
    >distcheck.log 2>&1) || { tail -40 build/normal/distcheck.log; false; }
check distcheck $?
# Leak checks stay on for our code; curses keeps its screen buffers until
# exit by design, which the interface tests tell LeakSanitizer to expect.
ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	run sanitize CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"

for f in build/*/test-suite.log; do
	[ -f "$f" ] || continue
	grep -E '^(FAIL|ERROR|XPASS)' "$f" | head -20
done

# Nothing the suite started may outlive it: a program of the build tree
# still running is a test that did not end what it started. Named, counted
# as one failure, then ended (it is ours: it runs from build/).
left=""
for p in /proc/[0-9]*; do
	case "$(readlink "$p/exe" 2>/dev/null)" in
	"$top"/build/*) left="$left ${p#/proc/}:$(cat "$p/comm" 2>/dev/null)" ;;
	esac
done
if [ -n "$left" ]; then
	echo "still running after the suite (pid:name):$left"
	for pc in $left; do kill -9 "${pc%%:*}" 2>/dev/null; done
fi
[ -z "$left" ]
check "no-process-left-behind" $?

# Each TAP line counted once per build (skipped ones are not passes). A
# script that fails also exits non-zero, which tap-driver reports as an
# ERROR beside its FAIL lines: that is the same failure. A script that
# crashed or ended without its plan, with no failed line, is one failure.
passed=$checks_passed
failed=0
for b in $builds; do
	if [ ! -f "$b/test-suite.log" ]; then
		checks_failed="$checks_failed $b"
		continue
	fi
	counts=$(find "$b/tests" -name '*.trs' -exec awk '
	    $1 == ":test-result:" { n[$2]++ }
	    END {
		bad = n["FAIL"] + n["XPASS"]
		if (bad == 0 && n["ERROR"] > 0)
			bad = 1
		print n["PASS"] + n["XFAIL"], bad
	    }' {} \; | awk '{ p += $1; f += $2 } END { print p + 0, f + 0 }')
	passed=$((passed + ${counts% *}))
	failed=$((failed + ${counts#* }))
done
for c in $checks_failed; do
	echo "FAIL: $c"
	failed=$((failed + 1))
done
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
