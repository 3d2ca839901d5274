# tap.sh - TAP helpers for the shell tests (sourced, not run).
#
# ok COND-EXIT-STATUS NAME, is GOT WANT NAME, done_testing. Every check
# prints one TAP line that automake's tap-driver.sh counts.
tap_n=0
tap_failed=0

ok() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		tap_failed=$((tap_failed + 1))
		echo "not ok $tap_n - $2"
	fi
}

is() {
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '# got:  %s\n# want: %s\n' "$1" "$2"
	fi
}

skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}

# tap_at_exit CMD: runs CMD when the test ends, however it ends: done,
# failed, or stopped by a signal (make interrupted, a CI timeout, a write
# to a pipe the program under test no longer reads). The last one added
# runs first; the test keeps its exit status. Call it directly, not in
# $(...), so the traps belong to the test itself.
TAP_AT_EXIT=${TAP_AT_EXIT:-}
tap_at_exit() {
	TAP_AT_EXIT="$1${TAP_AT_EXIT:+; $TAP_AT_EXIT}"
	trap 'eval "$TAP_AT_EXIT"' EXIT
	trap 'exit 129' HUP
	trap 'exit 130' INT
	trap 'exit 141' PIPE
	trap 'exit 143' TERM
}

# Sets TAP_TMP to a scratch directory removed at exit (call it directly).
tap_tmpdir() {
	TAP_TMP=$(mktemp -d "${TMPDIR:-/tmp}/qt-test.XXXXXX")
	tap_at_exit 'rm -rf "$TAP_TMP"'
}
