#!/bin/sh
# Every file quantriet and quantriet-server create is private whatever the
# umask (docs/files.md): files 0600, directories 0700, journals as their
# database; 0660 only for a database in a setgid group directory. Each kind
# of file is made under umask 000 and 022 and its mode read with stat.
. "$top_srcdir/tests/e2e/lib.sh"
. "$top_srcdir/tests/sync/fixture.sh"
command -v "${OPENSSL:-openssl}" >/dev/null 2>&1 || skip_all "openssl not found"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 không có trên máy"
sh "$NET_MKCA" "$NET_TMP/pki" >/dev/null || exit 1
PKI=$NET_TMP/pki

# mode PATH: its permission bits, e.g. 600.
mode() {
	stat -c %a "$1" 2>/dev/null || echo "(không có)"
}

# wait_for PATH: polls until PATH exists; 1 after 10 s.
wait_for() {
	_w=200
	while [ ! -e "$1" ] && [ "$_w" -gt 0 ]; do
		sleep 0.05
		_w=$((_w - 1))
	done
	[ -e "$1" ]
}

# hold DB: another process reads DB and keeps its shared lock until
# release, so the next writer waits at COMMIT with its journal on disk.
hold() {
	rm -f "$NET_TMP/release"
	net_bg reader sh -c "{ echo 'BEGIN;'; echo 'SELECT count(*) FROM unit;';
	    while [ ! -e '$NET_TMP/release' ]; do sleep 0.05; done;
	    echo 'COMMIT;'; } | sqlite3 '$1'"
	net_wait_lines "$NET_TMP/reader.log" 1 || exit 1
}

release() {
	touch "$NET_TMP/release"
	wait "$(net_pid reader)"
	net_stop reader
}

for u in 000 022; do
	umask $u
	D=$NET_TMP/u$u
	mkdir "$D"

	# A database made with --db, and the directories above it.
	"$QUANTRIET" demo --db "$D/new/dir/demo.db" >/dev/null
	is "$(mode "$D/new/dir/demo.db")" 600 "umask $u: demo --db makes the database 0600"
	is "$(mode "$D/new")/$(mode "$D/new/dir")" 700/700 \
	    "umask $u: and the directories it makes for it 0700"

	# The server's database; its journal while the server writes.
	SDB=$D/srv/server.db
	"$S" unit-add --db "$SDB" --code XA --name 'Đảng bộ xã A' \
	    --kind commune >/dev/null
	is "$(mode "$SDB")/$(mode "$D/srv")" 600/700 \
	    "umask $u: the server's database 0600, its directory 0700"
	_s_port=
	start_server srv$u "$PKI/server.pem" "$PKI/server.key"
	is "$(mode "$NET_TMP/srv$u.port")" 600 "umask $u: the server's port file 0600"
	code=$("$S" enroll-code --db "$SDB" --unit XA)
	hold "$SDB"
	XDG_CONFIG_HOME=$D/cfg XDG_DATA_HOME=$D/data QUANTRIET_DB= \
	    "$QUANTRIET" enroll --quiet --cacert "$PKI/ca.pem" "$URL" "$code" \
	    >"$NET_TMP/enroll.log" 2>&1 &
	enroll=$!
	wait_for "$SDB-journal"
	is "$(mode "$SDB-journal")" 600 \
	    "umask $u: the journal the server writes beside it 0600"
	release
	wait "$enroll"
	ok $? "umask $u: a device enrols"
	net_stop srv$u

	# What enrolling made: the default database and the credential.
	is "$(mode "$D/data/quantriet/quantriet.db")" 600 \
	    "umask $u: the default database, made by enroll, 0600"
	is "$(mode "$D/data")/$(mode "$D/data/quantriet")" 700/700 \
	    "umask $u: the directories made for it 0700"
	is "$(mode "$D/cfg/quantriet/credential-$("$SQLRUN" \
	    "$D/data/quantriet/quantriet.db" "SELECT value FROM setting WHERE \
	    key = 'database_id'")")/$(mode "$D/cfg/quantriet")" \
	    600/700 "umask $u: the credential 0600, its directory 0700"
	# A sync takes its lock before it meets the (stopped) server.
	XDG_CONFIG_HOME=$D/cfg XDG_DATA_HOME=$D/data QUANTRIET_DB= \
	    "$QUANTRIET" sync >/dev/null 2>&1
	is "$(mode "$D/data/quantriet/quantriet.db-sync.lock")" 600 \
	    "umask $u: the database's sync lock 0600"

	# The interface (its tmux server, so the program, has umask $u): a
	# draft, then the journal of a save.
	DB=$D/new/dir/demo.db
	E2E_DB=$DB
	XDG_STATE_HOME=$D/state
	e2e_start
	e2e_wait "Trang chính"
	e2e_new_member 'Lê Thị Kín'
	_w=200
	while [ ! -e "$(e2e_member_draft)" ] && [ "$_w" -gt 0 ]; do
		sleep 0.05
		_w=$((_w - 1))
	done
	is "$(mode "$(e2e_member_draft)")" 600 "umask $u: the interface's draft 0600"
	is "$(mode "$D/state")/$(mode "$D/state/quantriet")" 700/700 \
	    "umask $u: the directories made for drafts 0700"
	hold "$DB"
	e2e_keys F2
	wait_for "$DB-journal"
	is "$(mode "$DB-journal")" 600 \
	    "umask $u: the journal the interface writes beside its database 0600"
	release
	e2e_wait "Đã lưu"
	ok $? "umask $u: the member is saved once the reader lets go"
	e2e_keys Escape Q
	e2e_wait "EXITED 0"
	e2e_stop

	# A report written to a path.
	"$QUANTRIET" report tally --db "$DB" --plan 13-KH/TU \
	    --output "$D/report.txt"
	is "$(mode "$D/report.txt")" 600 "umask $u: report tally --output writes 0600"
done
umask 022
[ ! -s "$TAP_TMP/stderr" ]; ok $? "the interface wrote nothing on stderr"

# A database in a directory the operator shares with a unit's group.
mkdir "$NET_TMP/unit"
chmod 2770 "$NET_TMP/unit"
"$QUANTRIET" demo --db "$NET_TMP/unit/unit.db" >/dev/null
is "$(mode "$NET_TMP/unit/unit.db")" 660 \
    "in a setgid group directory the database is 0660, for the unit's clerks"
"$QUANTRIET" check --db "$NET_TMP/unit/unit.db" >"$NET_TMP/check.out" 2>&1
ok $? "check accepts it"
printf 'url http://127.0.0.1:1\ntoken 00\n' > "$NET_TMP/u022/cfg/quantriet/credential-$("$SQLRUN" \
    "$NET_TMP/unit/unit.db" "SELECT value FROM setting WHERE key = 'database_id'")"
XDG_CONFIG_HOME=$NET_TMP/u022/cfg "$QUANTRIET" sync \
    --db "$NET_TMP/unit/unit.db" >/dev/null 2>&1
is "$(mode "$NET_TMP/unit/unit.db-sync.lock")" 660 \
    "and its sync lock 0660, so every clerk of the unit can sync"

# An existing database others can read is flagged, not changed.
DB=$NET_TMP/u022/new/dir/demo.db
chmod 644 "$DB"
LC_ALL=C.UTF-8 "$QUANTRIET" check --db "$DB" >"$NET_TMP/check.out" 2>&1
[ $? -eq 1 ] && grep -q "Người dùng khác đọc hoặc ghi được.*quyền 644, nên là 600" \
    "$NET_TMP/check.out"
ok $? "check flags a database with mode 644 and says how to fix it"
is "$(mode "$DB")" 644 "and leaves the mode as the operator set it"
done_testing
