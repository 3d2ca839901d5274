#!/bin/sh
# A terminal without colours (TERM=vt100) or a clerk who asked for none
# (NO_COLOR): no colour is sent, and the selected row still stands out in
# reverse video. With colours, they are used.
. "$top_srcdir/tests/e2e/lib.sh"

# The screen with its attributes, as tmux saw them.
styled() {
	e2e_tmux capture-pane -p -e
}

# colours: how many set-colour sequences (SGR 30-37, 40-47, 38;, 48;).
colours() {
	styled | grep -o "$(printf '\033')\[[34][0-8][;m]" | grep -c -v '\[[34]9'
}

e2e_demo
for env in "TERM=vt100" "NO_COLOR=1"; do
	E2E_ENV=$env
	e2e_start
	e2e_keys 1
	e2e_wait "Họ và tên"; ok $? "$env: the member list opens"
	is "$(colours)" 0 "$env: no colour is sent"
	styled | grep -q "$(printf '\033')\[7m Phan Chí Bình"
	ok $? "$env: the selected member is in reverse video"
	e2e_quit
done
E2E_ENV=
e2e_start
e2e_keys 1
e2e_wait "Họ và tên"; ok $? "a colour terminal: the member list opens"
[ "$(colours)" -gt 0 ]; ok $? "a colour terminal gets colours"
e2e_quit
done_testing
