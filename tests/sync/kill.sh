#!/bin/sh
# Kill loop: SIGKILL an import, a sync client, the server or the
# interface at a random moment of its work, round after round; after each
# round both databases pass integrity_check, every write that was
# acknowledged (an import or a sync that exited 0) is there exactly once,
# and a write that was cut is there whole or not at all. At the end a
# sync that is left alone brings the server every row exactly once.
#
# make check runs KILL_ROUNDS=12; contrib/kill-loop.sh the long run.
# KILL_SEED replays a run (it is printed).
. "$top_srcdir/tests/sync/fixture.sh"
sync_setup
ROUNDS=${KILL_ROUNDS:-12}
SEED=${KILL_SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}
echo "# kill loop: $ROUNDS rounds, seed $SEED (KILL_SEED=$SEED replays it)"

province_plan P
client P sync --quiet && client A sync --quiet && commune_data A XA 2 5 &&
    client A sync --quiet
ok $? "commune A has the plan, two cells and their members, synced"

# One random number a line, from the seed: targets and delays to replay.
awk -v seed="$SEED" 'BEGIN { srand(seed); for (i = 0; i < 20000; i++)
    print int(rand() * 1000000) }' >"$NET_TMP/random"
rnd_line=0
# rnd N: sets RND to the next random number in 0..N-1 (not in $(...),
# which would not move on).
rnd() {
	rnd_line=$((rnd_line + 1))
	RND=$(( $(sed -n "${rnd_line}p" "$NET_TMP/random") % $1 ))
}

# Commune A's device is run as a simple command, never through a shell
# function: $! of "CMD &" is then quantriet itself, not a subshell that a
# SIGKILL would end while quantriet went on behind it.
XDG_CONFIG_HOME=$NET_TMP/A.cfg
export XDG_CONFIG_HOME
ADB=$NET_TMP/A.db

# kill_after MS PID: SIGKILL to PID after MS milliseconds (if still
# there); 0 if it was killed, 1 if it had ended by itself.
kill_after() {
	sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"
	kill -9 "$2" 2>/dev/null
}

# sound DB: integrity_check of DB says ok.
sound() {
	[ "$("$SQLRUN" "$1" "PRAGMA integrity_check")" = ok ]
}

# ours DB: how many of the members this loop made are in DB, and how many
# of them have a name seen twice (a write applied twice).
ours() {
	"$SQLRUN" "$1" "SELECT count(*) || ' ' || (count(*) - count(DISTINCT full_name))
	    FROM member WHERE full_name LIKE 'Kill %'"
}

expected=0	# members A must hold: acknowledged, or cut but landed whole
acked_sync=0	# members the server must hold after a sync that exited 0
kills=0 bad=0 r=0
server_down=0
# figures: the rounds so far by target and outcome, as TAP comments.
figures() {
	echo "# figures after $r rounds: $kills SIGKILLs, $bad faults, $expected members written by the loop; kill windows (ms): import $w_import, sync $w_sync, server $w_server, interface $w_interface"
	set | sed -n "s/^t_\([a-z]*\)_\(.*\)='*\([0-9]*\)'*$/#   \1 \2: \3/p" | sort
}

# tally WHAT OUTCOME: counts rounds by target and outcome, for the
# figures, and moves WHAT's kill window (w_WHAT, ms): wider after a kill
# that came before the work was done, narrower after one that came too
# late, so that kills land all along the work however fast the machine.
w_import=700 w_sync=1500 w_server=1500 w_interface=1500
tally() {
	eval "t_$1_$2=\$(( \${t_$1_$2:-0} + 1 ))"
	case $2 in
	finished | failed_server_down) ;;
	*) kills=$((kills + 1)) ;;
	esac
	case $2 in
	killed) eval "w_$1=\$(( w_$1 * 11 / 10 ))" ;;
	failed_server_down) ;;
	*) eval "w_$1=\$(( w_$1 * 9 / 10 + 1 ))" ;;
	esac
	what=$1
}
while [ $r -lt "$ROUNDS" ]; do
	r=$((r + 1))
	rnd 4
	case $RND in
	0)	# An import of N members, in one transaction.
		rnd 300
		n=$((RND + 20))
		awk -v r=$r -v n=$n 'BEGIN { for (i = 1; i <= n; i++)
		    printf "Kill %d-%d,Đảng viên\n", r, i }' >"$NET_TMP/list.csv"
		"$QUANTRIET" --db "$ADB" import members --cell XA-1 --file "$NET_TMP/list.csv" \
		    >/dev/null 2>&1 &
		pid=$!
		rnd $w_import
		kill_after $RND $pid
		wait $pid
		rc=$?
		got=$("$SQLRUN" "$NET_TMP/A.db" \
		    "SELECT count(*) FROM member WHERE full_name LIKE 'Kill $r-%'")
		if [ $rc -eq 0 ] && [ "$got" -eq $n ]; then
			tally import finished
		elif [ $rc -eq 137 ] && [ "$got" -eq 0 ]; then
			tally import killed
		elif [ $rc -eq 137 ] && [ "$got" -eq $n ]; then
			tally import killed_after_commit
		else
			echo "# round $r import: exit $rc, $got of $n members"
			bad=$((bad + 1))
			what=import
		fi
		expected=$((expected + got))
		;;
	1)	# A sync client pushing what is new.
		"$QUANTRIET" --db "$ADB" sync --quiet >/dev/null 2>&1 &
		pid=$!
		rnd $w_sync
		kill_after $RND $pid
		wait $pid
		rc=$?
		case $rc in
		0) tally sync finished; acked_sync=$expected ;;
		137) tally sync killed ;;
		*) tally sync failed_server_down
		   [ $server_down -eq 1 ] || { echo "# round $r sync: exit $rc"; bad=$((bad + 1)); } ;;
		esac
		;;
	2)	# The server, while commune A pushes to it.
		[ $server_down -eq 1 ] && start_server srv "$PKI/server.pem" "$PKI/server.key"
		server_down=0
		"$QUANTRIET" --db "$ADB" sync --quiet >/dev/null 2>&1 &
		pid=$!
		rnd $w_server
		kill_after $RND "$(net_pid srv)"
		wait "$(net_pid srv)" 2>/dev/null
		if wait $pid; then
			tally server killed_after_sync
			acked_sync=$expected
		else
			tally server killed
		fi
		server_down=1
		;;
	3)	# The interface: a clerk saving new members one after another.
		rnd 6
		n=$((RND + 2))
		{ printf '1'; i=0; while [ $i -lt $n ]; do i=$((i + 1))
		    printf '\033OSKill %d-%d\023' $r $i; done; } >"$NET_TMP/keys"
		XDG_STATE_HOME=$NET_TMP/state TERM=screen \
		    "$QUANTRIET" --db "$NET_TMP/A.db" <"$NET_TMP/keys" \
		    >/dev/null 2>&1 &
		pid=$!
		rnd $w_interface
		kill_after $RND $pid
		wait $pid
		rc=$?
		got=$("$SQLRUN" "$NET_TMP/A.db" \
		    "SELECT count(*) FROM member WHERE full_name LIKE 'Kill $r-%'")
		# Saved in order, so what is there is the first GOT typed.
		first=$("$SQLRUN" "$NET_TMP/A.db" "SELECT count(*) FROM member
		    WHERE full_name IN ($(i=0; while [ $i -lt "$got" ]; do
		    i=$((i + 1)); printf "'Kill %d-%d'," $r $i; done) '')")
		if [ "$first" -ne "$got" ] || { [ $rc -eq 0 ] && [ "$got" -ne $n ]; }; then
			echo "# round $r interface: exit $rc, $got of $n, $first in order"
			bad=$((bad + 1))
			what=interface
		elif [ $rc -eq 137 ] && [ "$got" -lt $n ]; then
			tally interface killed
		elif [ $rc -eq 137 ]; then
			tally interface killed_after_all_saved
		else
			tally interface finished
		fi
		expected=$((expected + got))
		;;
	esac
	sound "$NET_TMP/A.db" && sound "$SDB" || {
		echo "# round $r ($what): integrity_check fails"
		bad=$((bad + 1))
	}
	set -- $(ours "$NET_TMP/A.db")
	if [ "$1" -ne $expected ] || [ "$2" -ne 0 ]; then
		echo "# round $r ($what): commune A holds $1 members, $2 twice; want $expected"
		bad=$((bad + 1))
	fi
	set -- $(ours "$SDB")
	if [ "$1" -lt $acked_sync ] || [ "$2" -ne 0 ]; then
		echo "# round $r ($what): the server holds $1 members, $2 twice; acknowledged $acked_sync"
		bad=$((bad + 1))
	fi
	[ $((r % 50)) -ne 0 ] || [ $r -eq "$ROUNDS" ] || figures
done
is $bad 0 "$ROUNDS rounds, $kills killed mid-work: nothing lost, torn or doubled"
ok $(( kills == 0 )) "the loop really killed work in progress ($kills times)"

[ $server_down -eq 1 ] && start_server srv "$PKI/server.pem" "$PKI/server.key"
tries=0
until client A sync --quiet >/dev/null 2>&1 || [ $tries -ge 10 ]; do
	tries=$((tries + 1))
done
is "$(ours "$SDB")" "$expected 0" \
    "a sync left alone brings the server all $expected members, each once"
is "$(q A "SELECT count(*) FROM sync_outbox")" 0 "and nothing is left to send"
figures
done_testing
