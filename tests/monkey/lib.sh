# lib.sh - runs the monkey (tests/monkey/monkey.c) on a fresh database in
# a home of its own (sourced by tests/e2e/monkey.sh and
# contrib/monkey-long.sh). Needs QUANTRIET, MONKEY and MONKEY_TMP.

# monkey_demo: makes the demo database every run on "demo" starts from.
monkey_demo() {
	"$QUANTRIET" demo --db "$MONKEY_TMP/demo.db" >/dev/null
}

# monkey_run DB SIZE SEED KEYS SECONDS [LANG [TERM]]: DB is "demo" (a copy
# of the demo database) or "empty" (a new file, as before enrolling); LANG
# is C.UTF-8 and TERM xterm unless given (the monkey's keys are xterm's,
# and what other terminals send). The program
# sees only its own directory: HOME and the XDG directories are there
# (drafts, a credential if the keys ever enrol, a form printed with F4),
# the date is fixed, and a proxy on a closed loopback port keeps any
# address typed into the enrolment form from reaching the network. Prints the monkey's report;
# its exit status.
monkey_run() {
	_m_dir=$(mktemp -d "$MONKEY_TMP/run.XXXXXX") || return 2
	mkdir -p "$_m_dir/home"
	if [ "$1" = demo ]; then
		cp "$MONKEY_TMP/demo.db" "$_m_dir/q.db"
	else
		: >"$_m_dir/q.db"
	fi
	(cd "$_m_dir" && env -u QUANTRIET_DB -u XDG_DOCUMENTS_DIR \
	    HOME="$_m_dir/home" \
	    XDG_STATE_HOME="$_m_dir/home/state" \
	    XDG_CONFIG_HOME="$_m_dir/home/config" \
	    XDG_DATA_HOME="$_m_dir/home/data" \
	    XDG_CACHE_HOME="$_m_dir/home/cache" \
	    QUANTRIET_TODAY=2021-05-10 TERM="${7:-xterm}" \
	    LANG="${6:-C.UTF-8}" LC_ALL="${6:-C.UTF-8}" \
	    ALL_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 \
	    https_proxy=http://127.0.0.1:9 http_proxy=http://127.0.0.1:9 \
	    NO_PROXY= no_proxy= \
	    "$MONKEY" -s "$3" -n "$4" -t "$5" -z "$2" -l "$_m_dir/stderr" \
	    -- "$QUANTRIET" --db "$_m_dir/q.db")
}

# monkey_seed: a random seed, printed by the caller so a failure replays.
monkey_seed() {
	od -An -N4 -tu4 /dev/urandom | tr -d ' '
}
