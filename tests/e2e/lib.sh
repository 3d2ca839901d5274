# lib.sh - helpers for the end-to-end tests of the interface (sourced).
#
# The tmux way (tmux's own regress/): each test runs quantriet in its own
# tmux server at 80x24, sends keys, and polls the captured pane until the
# expected text appears, with a timeout, never a fixed sleep.
. "$top_srcdir/tests/tap.sh"

command -v tmux >/dev/null 2>&1 || skip_all "tmux không có trên máy"
[ -x "$QUANTRIET" ] || skip_all "chưa dựng quantriet"

tap_tmpdir
# A fresh server (socket) for each start: a server still exiting can
# not swallow the next session.
E2E_RUN=0
E2E_SOCKET="qt-e2e-$$-$E2E_RUN"
E2E_PANE=
tap_at_exit e2e_stop
E2E_DB="$TAP_TMP/demo.db"
E2E_TIMEOUT=${E2E_TIMEOUT:-10}
QUANTRIET_TODAY=2021-05-10
XDG_STATE_HOME="$TAP_TMP/state"
export QUANTRIET_TODAY XDG_STATE_HOME

e2e_tmux() {
	tmux -L "$E2E_SOCKET" -f /dev/null "$@"
}

# e2e_demo: makes the demo database the tests start from.
e2e_demo() {
	"$QUANTRIET" demo --db "$E2E_DB" >/dev/null
}

# e2e_seed_plan: the demo in a fresh pane, on the sessions of the seed
# plan 08-KH/ĐU; 1 if they do not open.
e2e_seed_plan() {
	e2e_demo
	e2e_start
	e2e_wait "Trang chính" || return 1
	e2e_keys 2
	e2e_wait "08-KH/ĐU"
	e2e_keys Enter
	e2e_wait "Kế hoạch yêu cầu"
}

# e2e_home_late: Home's count of essays past due ("Bài thu hoạch còn thiếu").
e2e_home_late() {
	e2e_screen | sed -n 's/.*Bài thu hoạch còn thiếu *\([0-9][0-9]*\).*/\1/p'
}

# e2e_home_overdue DAY VAR: sets VAR to Home's count, on DAY, of the
# sessions not held by their deadline (no subshell: e2e_start keeps its
# state); QUANTRIET_TODAY stays DAY.
e2e_home_overdue() {
	QUANTRIET_TODAY=$1
	e2e_start
	e2e_wait "Buổi học chưa tổ chức" >/dev/null
	_n=$(e2e_screen | sed -n 's/.*Buổi học chưa tổ chức *\([0-9][0-9]*\).*/\1/p')
	eval "$2=\$_n"
	e2e_keys Q
	e2e_wait "EXITED 0" >/dev/null
	e2e_stop
}

# e2e_plan_items NUMBER: from Home, opens what the first plan of the
# list asks each level (its items), NUMBER being that plan's.
e2e_plan_items() {
	e2e_keys 2
	e2e_wait "$1"
	e2e_keys Enter
	e2e_wait "Kế hoạch yêu cầu"
	e2e_keys F7
	e2e_wait "Các buổi học kế hoạch yêu cầu"
}

# e2e_start [LANG]: runs the interface on $E2E_DB in a fresh 80x24 pane,
# under TERM=$E2E_TERM (screen, what tmux itself offers, unless set),
# with keys from the file $E2E_STDIN if set, else from the pane. The pane
# then shows EXITED and the status, kept on screen by a sleep (tmux's
# remain-on-exit can lose what a pane wrote just before it died), which
# e2e_stop ends.
e2e_start() {
	e2e_stop
	E2E_RUN=$((E2E_RUN + 1))
	E2E_SOCKET="qt-e2e-$$-$E2E_RUN"
	e2e_tmux new-session -d -x 80 -y 24 \
	    "env LANG=${1:-C.UTF-8} LC_ALL=${1:-C.UTF-8} TERM=${E2E_TERM:-screen} \
	    QUANTRIET_TODAY=$QUANTRIET_TODAY XDG_STATE_HOME=$XDG_STATE_HOME \
	    ${E2E_ENV:-} $QUANTRIET --db $E2E_DB 2>>$TAP_TMP/stderr \
	    ${E2E_STDIN:+<$E2E_STDIN}; \
	    echo EXITED \$?; exec sleep 60"
	E2E_PANE=$(e2e_tmux display-message -p '#{pane_pid}')
}

# e2e_pid: the pid of the program in the pane (the shell's child).
e2e_pid() {
	ps -o pid= --ppid "$E2E_PANE" 2>/dev/null | tr -d ' '
}

# e2e_stop: ends what the pane runs, by pid, and its tmux server, however
# the test went. The program gets SIGTERM (it keeps its drafts) and its
# shell reaps it; then the pane's process group (tmux makes the pane's
# shell its leader) gets SIGTERM, and SIGKILL if not gone within 5 s.
e2e_stop() {
	if [ -n "$E2E_PANE" ]; then
		_e2e_pid=$(e2e_pid)
		_e2e_end=$(( $(date +%s) + 5 ))
		if [ -n "$_e2e_pid" ] && kill -TERM "$_e2e_pid" 2>/dev/null; then
			while kill -0 "$_e2e_pid" 2>/dev/null &&
			    [ "$(date +%s)" -le "$_e2e_end" ]; do
				sleep 0.05
			done
		fi
		kill -TERM "-$E2E_PANE" 2>/dev/null
		while kill -0 "-$E2E_PANE" 2>/dev/null &&
		    [ "$(date +%s)" -le "$_e2e_end" ]; do
			sleep 0.05
		done
		kill -KILL "-$E2E_PANE" 2>/dev/null
		E2E_PANE=
	fi
	e2e_tmux kill-server 2>/dev/null
	return 0
}

# e2e_quit: Q leaves with status 0 and nothing on stderr (sanitizers).
e2e_quit() {
	e2e_keys Q
	e2e_wait "EXITED 0"
	ok $? "Q quits with status 0"
	[ ! -s "$TAP_TMP/stderr" ]
	ok $? "nothing was written on stderr"
	[ -s "$TAP_TMP/stderr" ] && sed 's/^/# /' "$TAP_TMP/stderr"
}

# e2e_new_member NAME: from Home, opens the new member form and types
# NAME; 1 if the form does not show it.
e2e_new_member() {
	e2e_keys 1
	e2e_wait "Họ và tên"
	e2e_keys F4
	e2e_wait "Thêm đảng viên"
	e2e_keys "$1"
	e2e_wait "Họ và tên: $1"
}

# e2e_member_draft: the draft of a new member in $XDG_STATE_HOME (its
# name holds the database's id), or /nonexistent.
e2e_member_draft() {
	for _f in "$XDG_STATE_HOME"/quantriet/draft-*-member_form-0.txt; do
		[ -e "$_f" ] && echo "$_f" && return 0
	done
	echo /nonexistent
}

e2e_keys() {
	e2e_tmux send-keys "$@"
}

e2e_screen() {
	e2e_tmux capture-pane -p 2>/dev/null
}

# e2e_until CMD...: polls until CMD succeeds; 1 after $E2E_TIMEOUT seconds.
e2e_until() {
	_e2e_end=$(( $(date +%s) + E2E_TIMEOUT ))
	while [ "$(date +%s)" -le "$_e2e_end" ]; do
		"$@" && return 0
		sleep 0.05
	done
	return 1
}

e2e_shows() {
	e2e_screen | grep -F -q -- "$1"
}

e2e_hides() {
	! e2e_shows "$1"
}

# e2e_wait TEXT: polls until TEXT is on the screen; 1 (screen shown as a
# TAP comment) after $E2E_TIMEOUT seconds.
e2e_wait() {
	e2e_until e2e_shows "$1" && return 0
	echo "# waited for: $1"
	e2e_screen | sed 's/^/# | /'
	return 1
}

# e2e_wait_gone TEXT: polls until TEXT has left the screen.
e2e_wait_gone() {
	e2e_until e2e_hides "$1" && return 0
	echo "# still on screen: $1"
	return 1
}

# e2e_fits NAME: the screen is laid out within 80x24: title on the first
# line, the F-key bar on the last, no line wider than the pane.
e2e_fits() {
	_e2e_s=$(e2e_screen)
	_e2e_wide=$(printf '%s\n' "$_e2e_s" | LC_ALL=C.UTF-8 wc -L)
	_e2e_last=$(printf '%s\n' "$_e2e_s" | sed -n 24p)
	case "$_e2e_last" in
	F1*) _e2e_bar=0 ;;
	*) _e2e_bar=1 ;;
	esac
	[ "$_e2e_wide" -le 80 ] && [ "$_e2e_bar" -eq 0 ]
	ok $? "$1: fits 80x24, bar on the last line"
}
