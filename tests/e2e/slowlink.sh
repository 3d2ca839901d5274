#!/bin/sh
# Over a slow SSH link every byte sent to the terminal costs time: moving
# down a list must repaint the two rows it touches, not the screen, and a
# screen left alone must send nothing at all.
. "$top_srcdir/tests/e2e/lib.sh"

out="$TAP_TMP/terminal-output"

# settled: polls until $out has stopped growing for half a second.
settled() {
	_last=-1
	_end=$(( $(date +%s) + E2E_TIMEOUT ))
	while [ "$(date +%s)" -le "$_end" ]; do
		_now=$(wc -c < "$out")
		[ "$_now" -eq "$_last" ] && return 0
		_last=$_now
		sleep 0.5
	done
	return 1
}

# bytes KEY...: what the program writes to the terminal for these keys.
bytes() {
	: > "$out"
	e2e_keys "$@"
	settled
	wc -c < "$out"
}

e2e_demo
e2e_start
e2e_keys 1
e2e_wait "Họ và tên"; ok $? "the member list opens"
: > "$out"
e2e_tmux pipe-pane -o "cat >> $out"
settled

full=$(bytes C-l)
[ "$full" -gt 1500 ]; ok $? "Ctrl-L repaints the whole screen ($full bytes)"
down=$(bytes Down)
[ "$down" -gt 0 ] && [ "$down" -lt $((full / 5)) ]
ok $? "moving down one row sends $down bytes, not a repaint"
ten=$(bytes Down Down Down Down Down Down Down Down Down Down)
[ "$ten" -lt $((10 * full / 5)) ]
ok $? "ten rows down send $ten bytes, two rows' worth each"
: > "$out"
sleep 3
is "$(wc -c < "$out" | tr -d ' ')" 0 "three idle seconds send nothing"
e2e_tmux pipe-pane
e2e_quit
done_testing
