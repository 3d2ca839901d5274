# lib.sh - helpers for shell tests that run servers and proxies on loopback.
#
# Source it after tests/tap.sh (POSIX sh or bash), then call net_init
# once, directly (not in $(...)), before anything else:
#
#	. "$top_srcdir/tests/tap.sh"
#	. "$top_srcdir/tests/net/lib.sh"
#	net_init				# $NET_TMP, EXIT trap
#	net_bg echo "$QT_PROXY" --echo --port-file "$NET_TMP/echo.port"
#	port=$(net_wait_port_file "$NET_TMP/echo.port") || exit 1
#	...
#
# net_init		makes the scratch dir $NET_TMP and runs net_cleanup
#			when the test ends (tap_at_exit).  Sets QT_PROXY and
#			NET_MKCA to the tools of this directory.
# net_bg NAME CMD...	runs CMD in the background, output to
#			$NET_TMP/NAME.log; its pid is kept for net_cleanup and
#			printed by net_pid NAME.  NAME: letters, digits, _.
# net_stop NAME		stops that one now (SIGTERM, then SIGKILL after 2 s);
#			returns its exit status.
# net_wait_port_file FILE [TIMEOUT_S]
#			waits (default 10 s) until FILE holds a port number,
#			then prints it; returns 1 on timeout.
# net_wait_lines FILE N [TIMEOUT_S]
#			waits until FILE has at least N lines (a proxy's
#			--stats-file); returns 1 on timeout.
# net_cleanup		stops every net_bg process and removes $NET_TMP; it
#			keeps the test's exit status.

NET_PIDS=
NET_TMP=

net_init() {
	NET_TMP=$(mktemp -d "${TMPDIR:-/tmp}/qt-net.XXXXXX") || exit 1
	QT_PROXY=${QT_PROXY:-${top_builddir:-.}/tests/net/qt-proxy}
	NET_MKCA=${NET_MKCA:-${top_srcdir:-.}/tests/net/mkca.sh}
	tap_at_exit net_cleanup
}

# Short sleeps where the sleep(1) allows it; whole seconds elsewhere.
net_nap() {
	sleep 0.05 2>/dev/null || sleep 1
}

net_bg() {
	_net_name=$1
	shift
	case $_net_name in
	'' | *[!A-Za-z0-9_]*)
		echo "net_bg: bad name '$_net_name'" >&2
		return 1
		;;
	esac
	"$@" >"$NET_TMP/$_net_name.log" 2>&1 &
	eval "net_pid_$_net_name=\$!"
	NET_PIDS="$NET_PIDS $!"
}

net_pid() {
	eval "echo \"\${net_pid_$1:-}\""
}

# Stops PID and reaps it, returning its exit status; SIGKILL if SIGTERM has
# not done it in 2 s.  The watchdog is a separate process because a zombie
# still answers kill -0; it gets SIGKILL because a SIGTERM can be lost
# while it is being forked (dash runs our TERM trap there).
net_kill_pid() {
	kill "$1" 2>/dev/null || { wait "$1" 2>/dev/null; return; }
	(sleep 2; kill -9 "$1") >/dev/null 2>&1 &
	_net_dog=$!
	wait "$1" 2>/dev/null
	_net_st=$?
	kill -9 "$_net_dog" 2>/dev/null
	wait "$_net_dog" 2>/dev/null
	return "$_net_st"
}

net_stop() {
	_net_pid=$(net_pid "$1")
	[ -n "$_net_pid" ] || return 0
	eval "net_pid_$1="
	_net_left=
	for _net_p in $NET_PIDS; do
		[ "$_net_p" = "$_net_pid" ] || _net_left="$_net_left $_net_p"
	done
	NET_PIDS=$_net_left
	net_kill_pid "$_net_pid"
}

net_wait_port_file() {
	_net_tries=$(( ${2:-10} * 20 ))
	while [ "$_net_tries" -gt 0 ]; do
		if [ -s "$1" ]; then
			_net_port=$(cat "$1" 2>/dev/null)
			case $_net_port in
			'' | *[!0-9]*) ;;
			*)
				echo "$_net_port"
				return 0
				;;
			esac
		fi
		_net_tries=$((_net_tries - 1))
		net_nap
	done
	echo "net_wait_port_file: no port in $1" >&2
	return 1
}

net_wait_lines() {
	_net_tries=$(( ${3:-10} * 20 ))
	while [ "$_net_tries" -gt 0 ]; do
		if [ -f "$1" ] && [ "$(wc -l <"$1")" -ge "$2" ]; then
			return 0
		fi
		_net_tries=$((_net_tries - 1))
		net_nap
	done
	echo "net_wait_lines: fewer than $2 lines in $1" >&2
	return 1
}

net_cleanup() {
	_net_rc=$?
	for _net_p in $NET_PIDS; do
		net_kill_pid "$_net_p" || :
	done
	NET_PIDS=
	[ -n "$NET_TMP" ] && rm -rf "$NET_TMP"
	return "$_net_rc"
}
