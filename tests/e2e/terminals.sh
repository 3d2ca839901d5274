#!/bin/sh
# Every terminal a clerk reaches us from: under each TERM a clerk's set-up
# announces, the raw bytes that PuTTY, xterm, rxvt, the Linux console and
# vt100/vt220 send for F1-F10, Home/End, PgUp/PgDn and the arrows each do
# what the key's name says; an escape sequence nobody knows changes
# nothing; a lone Esc still backs out. One program start per TERM, and
# keys chained so that each wait proves every key before it: a key read
# as Esc leaves the screen, a key that does nothing leaves it unchanged.
. "$top_srcdir/tests/e2e/lib.sh"

# raw 'printf-escaped bytes': sends them to the program as they are.
raw() {
	# shellcheck disable=SC2046
	e2e_tmux send-keys -H $(printf "$1" | od -An -tx1)
}

# The screen's text and which lines start selected (reverse video or the
# selection colour): how ncurses chose to paint it does not count.
ESC=$(printf '\033')
snap() {
	e2e_screen
	e2e_tmux capture-pane -p -e 2>/dev/null |
	    grep -n "^\($ESC\[[0-9;]*m\)*$ESC\[\(7\|46\)m" | cut -d: -f1
}

# settled: the screen once it stops changing (drawing is done).
settled() {
	_t_prev=$(snap)
	_t_n=0
	while sleep 0.05 && [ "$_t_n" -lt 100 ]; do
		_t_now=$(snap)
		[ "$_t_now" = "$_t_prev" ] && break
		_t_prev=$_t_now
		_t_n=$((_t_n + 1))
	done
	printf '%s\n' "$_t_prev"
}

is_snap() {
	[ "$(snap)" = "$1" ]
}

not_snap() {
	[ "$(snap)" != "$1" ]
}

# wait_snap SNAP: polls until the screen is SNAP again.
wait_snap() {
	e2e_until is_snap "$1" && return 0
	echo "# the screen is not the one expected; it shows:"
	e2e_screen | sed 's/^/# | /'
	return 1
}

# wait_changed SNAP: polls until the screen is no longer SNAP.
wait_changed() {
	e2e_until not_snap "$1" && return 0
	echo "# the screen did not change"
	return 1
}

# check SEQ TEXT WHAT: sends SEQ, waits for TEXT.
check() {
	raw "$1"
	e2e_wait "$2"; ok $? "TERM=$term: $3"
}

L='\033'			# a lone Esc
HELP="Trợ giúp: các phím"
SEARCH="Tìm theo tên"
EDIT="Sửa thông tin đảng viên"

saved_want=0
e2e_demo
for term in xterm screen tmux-256color linux vt100 vt220; do
	if ! infocmp "$term" >/dev/null 2>&1; then
		ok 0 "TERM=$term # SKIP no terminfo entry (apt install ncurses-term)"
		continue
	fi
	E2E_TERM=$term
	e2e_start
	e2e_wait "Trang chính"
	e2e_keys 1
	e2e_wait "F1Trợ giúp F3Tìm"
	base=$(settled)
	! e2e_screen | grep -q "Không đọc được"
	ok $? "TERM=$term: the member list opens without an error"

	# The member list's F-keys, each after a lone Esc closed the screen
	# before (help ignores F3, the search prompt F5, the form F3).
	check '\033OP' "$HELP" "F1 ESC OP (xterm, vt100) opens help"
	check "$L"'\033OR' "$SEARCH" "Esc, F3 ESC OR searches"
	check "$L"'\033[15~' "$EDIT" "Esc, F5 ESC[15~ edits"
	check "$L"'\033[11~' "$HELP" "Esc, F1 ESC[11~ (PuTTY) opens help"
	check "$L"'\033[13~' "$SEARCH" "Esc, F3 ESC[13~ (PuTTY) searches"
	check "$L"'\033[[E' "$EDIT" "Esc, F5 ESC[[E (Linux) edits"
	check "$L"'\033[[A' "$HELP" "Esc, F1 ESC[[A (Linux) opens help"
	check "$L"'\033[[C' "$SEARCH" "Esc, F3 ESC[[C (Linux) searches"
	check "$L"'\033[17~' "$EDIT" "Esc, F6 ESC[17~ moves"
	raw "$L"
	wait_snap "$base"; ok $? "TERM=$term: a lone Esc is back on the list"

	# Movement. End then Up, four times over: one End that did nothing
	# leaves the cursor higher. Home then Down likewise.
	raw '\033[6~'
	wait_changed "$base"; ok $? "TERM=$term: PgDn ESC[6~ turns the page"
	raw '\033[5~'
	wait_snap "$base"; ok $? "TERM=$term: PgUp ESC[5~ turns it back"
	raw '\033[4~'
	wait_changed "$base"; ok $? "TERM=$term: End ESC[4~ moves"
	last=$(settled)
	raw '\033[A\033[F\033OA\033OF\033[A\033[8~'
	wait_snap "$last"
	ok $? "TERM=$term: End ESC[F, ESC OF, ESC[8~ (xterm, rxvt), Up ESC[A, ESC OA"
	raw '\033[1~\033[B\033[H\033OB\033OH\033[B\033[7~'
	wait_snap "$base"
	ok $? "TERM=$term: Home ESC[1~, ESC[H, ESC OH, ESC[7~, Down ESC[B, ESC OB"

	# A changed form: unknown sequences are dropped whole, neither Esc
	# (which would ask to discard it) nor letters; F9 and F2 act.
	check '\033OS' "Thêm đảng viên" "F4 ESC OS opens the new member form"
	e2e_keys "Phim Mot"
	raw '\033[99~\033[1;5P\033[[Z\033OZ'
	e2e_keys "x"
	e2e_wait "Họ và tên: Phim Motx"
	e2e_screen | grep -q "Họ và tên: Phim Motx *$"
	ok $? "TERM=$term: ESC[99~ ESC[1;5P ESC[[Z ESC OZ type nothing"
	e2e_screen | grep -q "Bỏ những gì vừa nhập"
	ok $((!$?)) "TERM=$term: and are not read as Esc"
	# tmux sends KP1 as the keypad's mode says: ESC O q in application mode.
	e2e_keys KP1 KP2
	e2e_wait "Họ và tên: Phim Motx12"
	ok $? "TERM=$term: the numeric keypad types digits"
	e2e_keys BSpace BSpace
	e2e_wait_gone "Phim Motx12"
	check '\033[20~' "Telex: bật (F9)" "F9 ESC[20~ turns Telex on"
	check '\033OQ' "Đã lưu" "F2 ESC OQ saves"
	check '\033[14~' "Thêm đảng viên" "F4 ESC[14~ (PuTTY) opens the form"
	check 'Phim Hai\033[12~' "Đã lưu" "F2 ESC[12~ (PuTTY) saves"
	check '\033[[D' "Thêm đảng viên" "F4 ESC[[D (Linux) opens the form"
	check 'Phim Ba\033[[B' "Đã lưu" "F2 ESC[[B (Linux) saves"

	# Home once went home from the tally, and its tail opened a screen.
	check "$L" "Trang chính" "a lone Esc goes home"
	check '\033[18~' "Bài thu hoạch - " "F7 ESC[18~ opens the essays"
	check "$L"'\033[19~' "Báo cáo tổng hợp bài thu hoạch - " \
	    "Esc, F8 ESC[19~ opens the tally"
	tally=$(settled)
	check '\033[1~\033[11~' "$HELP" "Home, F1 on the tally: help"
	raw "$L"
	wait_snap "$tally"; ok $? "TERM=$term: still on the tally"
	check '\033[21~' "EXITED 0" "F10 ESC[21~ quits"
	saved=$(sqlite3 "$E2E_DB" "SELECT count(*) FROM member WHERE full_name IN
	    ('Phim Motx', 'Phim Hai', 'Phim Ba')" 2>/dev/null) || saved=skip
	saved_want=$((saved_want + 3))
	[ "$saved" = skip ] || is "$saved" "$saved_want" \
	    "TERM=$term: the three members were saved"
done
[ ! -s "$TAP_TMP/stderr" ]
ok $? "nothing was written on stderr"
[ -s "$TAP_TMP/stderr" ] && sed 's/^/# /' "$TAP_TMP/stderr"
done_testing
