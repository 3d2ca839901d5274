#!/bin/sh
# numbers.sh - a number on the command line is read whole: a typing slip
# ("8x", "abc", a sign, out of range) is a usage error (exit 2) and the
# program does nothing, where atoi() once read "abc" as 0 (for --port:
# any free port, the server started) and "8x" as 8.
. "$top_srcdir/tests/tap.sh"
tap_tmpdir
S=$QUANTRIET_SERVER
SDB=$TAP_TMP/server.db
"$S" unit-add --db "$SDB" --code XA --name 'Đảng bộ xã A' --kind commune \
    >/dev/null || exit 1

# usage WHAT CMD...: CMD exits 2 at once (a server that started is
# stopped after 10 s, exit 124) and prints its usage.
usage() {
	_u_what=$1
	shift
	timeout 10 "$@" >/dev/null 2>"$TAP_TMP/err" </dev/null
	_u_rc=$?
	is "$_u_rc/$(grep -c 'Cách dùng' "$TAP_TMP/err")" 2/1 "$_u_what: a usage error"
}

for v in abc 8x '' ' 8' +8 -1 70000 99999999999999999999; do
	usage "serve --port '$v'" "$S" serve --db "$SDB" --insecure-http \
	    --listen 127.0.0.1 --port "$v"
done
usage "serve --threads 0" "$S" serve --db "$SDB" --insecure-http --threads 0
usage "serve --threads 4x" "$S" serve --db "$SDB" --insecure-http --threads 4x
usage "serve --per-address x" "$S" serve --db "$SDB" --insecure-http --per-address x
usage "serve --header-timeout 1.5" "$S" serve --db "$SDB" --insecure-http \
    --header-timeout 1.5
usage "serve --queue 0x10" "$S" serve --db "$SDB" --insecure-http --queue 0x10
usage "enroll-code --days 7d" "$S" enroll-code --db "$SDB" --unit XA --days 7d
usage "enroll-code --days 0" "$S" enroll-code --db "$SDB" --unit XA --days 0
is "$(sqlite3 "$SDB" 'SELECT count(*) FROM srv_enrol')" 0 \
    "no enrolment code was made"
usage "revoke --device abc" "$S" revoke --db "$SDB" --device abc
usage "sync --jitter 5m" "$QUANTRIET" sync --db "$TAP_TMP/pc.db" --jitter 5m
usage "sync --jitter 3601" "$QUANTRIET" sync --db "$TAP_TMP/pc.db" --jitter 3601
[ ! -e "$TAP_TMP/pc.db" ]
ok $? "no database was made for the refused syncs"

# The good values still work.
code=$("$S" enroll-code --db "$SDB" --unit XA --days 7) && [ -n "$code" ]
ok $? "enroll-code --days 7 still prints a code"
is "$(sqlite3 "$SDB" "SELECT round(julianday(expires_at) - julianday('now'))
    FROM srv_enrol")" 7.0 "valid for 7 days"

done_testing
