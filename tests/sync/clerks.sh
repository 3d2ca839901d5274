#!/bin/sh
# Many clerks on one database, as on a district server: three interfaces
# (each in its own tmux) saving new members one after another, imports
# of 200 members in a loop and a sync loop, all at once for a bounded
# time. No clerk ever sees the busy message, every import and sync
# succeeds, and every saved or imported member is there exactly once, at
# the province too after a last sync.
#
# make check runs CLERKS_SECONDS=20; longer runs: CLERKS_SECONDS=300.
. "$top_srcdir/tests/sync/fixture.sh"
command -v tmux >/dev/null 2>&1 || skip_all "tmux không có trên máy"
sync_setup
SECONDS_=${CLERKS_SECONDS:-20}
CLERKS=3

province_plan P
client P sync --quiet && client A sync --quiet && commune_data A XA 2 5 &&
    client A sync --quiet
ok $? "commune A has the plan, two cells and their members, synced"

ADB=$NET_TMP/A.db
XDG_CONFIG_HOME=$NET_TMP/A.cfg
export XDG_CONFIG_HOME

# Each clerk's interface in its own tmux server, ended by pid at exit.
tm() {
	_tm_c=$1
	shift
	tmux -L "qt-clerks-$$-$_tm_c" -f /dev/null "$@"
}
clerks_stop() {
	for _c in $(seq 1 $CLERKS); do
		_p=$(tm "$_c" display-message -p '#{pane_pid}' 2>/dev/null)
		[ -n "$_p" ] && kill -TERM "-$_p" 2>/dev/null
		tm "$_c" kill-server 2>/dev/null
	done
	return 0
}
tap_at_exit clerks_stop

# shows C TEXT: clerk C's screen shows TEXT within 20 s.
shows() {
	_s_end=$(( $(date +%s) + 20 ))
	until tm "$1" capture-pane -p | grep -q "$2"; do
		[ "$(date +%s)" -le "$_s_end" ] || return 1
		sleep 0.05
	done
}

for c in $(seq 1 $CLERKS); do
	tm $c new-session -d -x 80 -y 24 "env TERM=screen \
	    XDG_STATE_HOME=$NET_TMP/state$c $QUANTRIET --db $ADB \
	    2>>$NET_TMP/clerk$c.err; echo EXITED \$?; exec sleep 600"
done
started=0
for c in $(seq 1 $CLERKS); do
	shows $c "Trang chính" && tm $c send-keys 1 && shows $c "Họ và tên" &&
	    started=$((started + 1))
done
is $started $CLERKS "$CLERKS clerks have the member list open"

# The imports and the syncs run until the stop file appears.
rm -f "$NET_TMP/stop"
(
	j=0
	while [ ! -e "$NET_TMP/stop" ]; do
		j=$((j + 1))
		awk -v j=$j 'BEGIN { for (i = 1; i <= 200; i++)
		    printf "Nhập %d-%d,Đảng viên\n", j, i }' >"$NET_TMP/list$j.csv"
		if "$QUANTRIET" --db "$ADB" import members --cell XA-2 \
		    --file "$NET_TMP/list$j.csv" >/dev/null 2>>"$NET_TMP/import.err"
		then echo "$j ok"; else echo "$j failed"; fi
	done >"$NET_TMP/imports"
) &
importer=$!
(
	while [ ! -e "$NET_TMP/stop" ]; do
		if "$QUANTRIET" --db "$ADB" sync --quiet 2>>"$NET_TMP/sync.err"
		then echo ok; else echo failed; fi
		sleep 0.5
	done >"$NET_TMP/syncs"
) &
syncer=$!

# saved_within NAME: NAME is in the database within 20 s.
saved_within() {
	_w_end=$(( $(date +%s) + 20 ))
	until [ "$("$SQLRUN" "$ADB" "SELECT count(*) FROM member
	    WHERE full_name = '$1'")" = 1 ]; do
		[ "$(date +%s)" -le "$_w_end" ] || return 1
		sleep 0.05
	done
}

# The clerks type and save, each a member at a time, until time is up.
end=$(( $(date +%s) + SECONDS_ ))
saved=0 busy=0 stuck=0 k=0
while [ "$(date +%s)" -lt $end ] && [ $stuck -eq 0 ]; do
	k=$((k + 1))
	for c in $(seq 1 $CLERKS); do
		tm $c send-keys F4 "Thư Ký $c-$k" C-s
	done
	for c in $(seq 1 $CLERKS); do
		if saved_within "Thư Ký $c-$k"; then
			saved=$((saved + 1))
		else
			stuck=1
			tm $c capture-pane -p | sed 's/^/# | /'
		fi
		tm $c capture-pane -p | grep -q "bận" && busy=$((busy + 1))
	done
done
touch "$NET_TMP/stop"
wait $importer
wait $syncer

is $busy 0 "no clerk saw the busy message"
is $stuck 0 "every save reached the database within 20 s"
cat "$NET_TMP"/clerk*.err "$NET_TMP/import.err" "$NET_TMP/sync.err" \
    >"$NET_TMP/all.err"
is "$(grep -c . "$NET_TMP/all.err")" 0 "nothing on any clerk's, import's or sync's stderr"
sed 's/^/# /' "$NET_TMP/all.err" | head -5
imports=$(grep -c ' ok' "$NET_TMP/imports")
syncs=$(grep -c ok "$NET_TMP/syncs")
is "$(grep -c failed "$NET_TMP/imports" "$NET_TMP/syncs" | awk -F: '{ n += $2 } END { print n }')" 0 \
    "every import ($imports) and every sync ($syncs) succeeded"

typed=$((k * CLERKS))
is "$("$SQLRUN" "$ADB" "SELECT count(*) || ' ' || count(DISTINCT full_name)
    FROM member WHERE full_name LIKE 'Thư Ký %'")" "$typed $typed" \
    "all $typed members the clerks saved are there, each once"
is "$("$SQLRUN" "$ADB" "SELECT count(*) || ' ' || count(DISTINCT full_name)
    FROM member WHERE full_name LIKE 'Nhập %'")" \
    "$((imports * 200)) $((imports * 200))" \
    "all $((imports * 200)) imported members are there, each once"
client A sync --quiet
ok $? "a last sync succeeds"
is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM member
    WHERE full_name LIKE 'Thư Ký %' OR full_name LIKE 'Nhập %'")" \
    "$((typed + imports * 200))" "the province has every one of them"
echo "# figures: $SECONDS_ s, $CLERKS clerks: $saved saves, $imports imports ($((imports * 200)) members), $syncs syncs, no busy message"
done_testing
