#!/bin/sh
# The terminal goes away (a window closed, an SSH link dropped), the
# program is told to stop, or its keys come from a file that ends: each
# time it keeps what was being typed and is gone within seconds, never
# left running on a terminal nobody has.
. "$top_srcdir/tests/e2e/lib.sh"

# gone PID: 0 once PID has ended (a zombie has), within 5 s.
gone() {
	_end=$(( $(date +%s) + 5 ))
	while [ "$(date +%s)" -le "$_end" ]; do
		case $(ps -o stat= -p "$1" 2>/dev/null) in
		'' | Z*) return 0 ;;
		esac
		sleep 0.05
	done
	ps -o pid,stat,pcpu,etime,args -p "$1" | sed 's/^/# /'
	return 1
}

# typing NAME: the member form open, NAME typed into it.
typing() {
	e2e_start
	e2e_wait "Trang chính"
	e2e_new_member "$1"
}

# kept NAME: the draft holds NAME; the next start offers it, k drops it.
kept() {
	grep -q "$1" "$(e2e_member_draft)"
	ok $? "$2: what was typed is kept"
	e2e_start
	e2e_wait "Khôi phục nội dung đang nhập dở: Thêm đảng viên?"
	e2e_keys k
	e2e_wait_gone "Khôi phục"
	[ ! -e "$(e2e_member_draft)" ]
	ok $? "$2: offered back at the next start"
}

e2e_demo
typing 'Ngô Thị Hà'
pid=$(e2e_pid)
E2E_PANE=	# the pane goes with its server: nothing of it to end by hand
e2e_tmux kill-server
gone "$pid"; ok $? "the terminal closed: the program is gone within 5 s"
kept 'Ngô Thị Hà' "closed terminal"

typing 'Lý Văn Tâm'
pid=$(e2e_pid)
kill -TERM "$pid"
gone "$pid"; ok $? "SIGTERM: the program is gone within 5 s"
e2e_wait "EXITED 0"; ok $? "and exits with status 0"
kept 'Lý Văn Tâm' "SIGTERM"

# Keys from a pipe (a script, ssh without a terminal): the interface
# runs on them and closes at their end instead of waiting for more.
mkfifo "$TAP_TMP/keys"
E2E_STDIN="$TAP_TMP/keys"
e2e_start
exec 3>"$TAP_TMP/keys"
E2E_STDIN=
pid=$(e2e_pid)
e2e_wait "Trang chính"; ok $? "keys from a pipe: the interface opens"
printf '1' >&3
e2e_wait "Họ và tên"
printf '\033OS' >&3	# F4 as TERM=screen sends it
e2e_wait "Thêm đảng viên"
printf 'Mai Văn Hùng' >&3
e2e_wait "Họ và tên: Mai Văn Hùng"; ok $? "keys from a pipe are typed"
exec 3>&-
gone "$pid"; ok $? "the end of the pipe ends the program within 5 s"
e2e_wait "EXITED 0"; ok $? "with status 0"
grep -q "không phải màn hình chữ" "$TAP_TMP/stderr"
ok $? "it said that its input is not a terminal"
: >"$TAP_TMP/stderr"
kept 'Mai Văn Hùng' "end of the pipe"
e2e_quit
done_testing
