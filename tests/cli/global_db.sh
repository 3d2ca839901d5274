#!/bin/sh
# global_db.sh - "quantriet [--db TỆP] [LỆNH]", as --help says: the global
# option works before every command as it does after it, and the one
# after the command wins.
. "$top_srcdir/tests/tap.sh"
tap_tmpdir
db=$TAP_TMP/demo.db
other=$TAP_TMP/other.db
export QUANTRIET_TODAY=2021-05-10 LC_ALL=C.UTF-8
# A home with no credential and no default database: only --db can name one.
export XDG_CONFIG_HOME="$TAP_TMP/config" XDG_DATA_HOME="$TAP_TMP/data"
unset QUANTRIET_DB

# same NAME ARGS...: "quantriet --db $db ARGS" prints and exits as
# "quantriet ARGS --db $db" (first word of ARGS is the command).
same() {
	_name=$1
	shift
	"$QUANTRIET" "$@" --db "$db" >"$TAP_TMP/after" 2>&1
	_after=$?
	"$QUANTRIET" --db "$db" "$@" >"$TAP_TMP/before" 2>&1
	_before=$?
	is "$_before" "$_after" "$_name: the same exit status with --db first"
	cmp -s "$TAP_TMP/before" "$TAP_TMP/after"
	ok $? "$_name: and the same output"
	[ -s "$TAP_TMP/before" ] && sed 's/^/# /' "$TAP_TMP/before" | head -3
}

"$QUANTRIET" --db "$db" demo >/dev/null
ok $? "demo: --db before the command makes the database there"
[ -s "$db" ]; ok $? "demo: in the file named"
"$QUANTRIET" --db="$other" demo >/dev/null
[ -s "$other" ]; ok $? "demo: --db=TỆP before the command too"

same "report tally" report tally --plan 08-KH/ĐU
grep -q "BÁO CÁO" "$TAP_TMP/before"; ok $? "report tally: prints the report"
same "report tally csv" report tally --plan 08-KH/ĐU --format csv
same check check
is "$(cat "$TAP_TMP/before")" "Không phát hiện vấn đề nào." "check: checks the database named"
printf 'Nguyễn Văn Mới,Đảng viên\n' > "$TAP_TMP/list.csv"
"$QUANTRIET" --db "$db" import members --cell "Chi bộ ấp Vĩnh Lộc" \
    --file "$TAP_TMP/list.csv" >/dev/null 2>"$TAP_TMP/err"
ok $? "import: --db before the command imports"
"$QUANTRIET" report tally --db "$db" --plan 08-KH/ĐU > "$TAP_TMP/with"
"$QUANTRIET" report tally --db "$other" --plan 08-KH/ĐU > "$TAP_TMP/without"
cmp -s "$TAP_TMP/with" "$TAP_TMP/without"
[ $? -ne 0 ]; ok $? "import: into the database named before the command"
same sync sync
grep -q "chưa đăng ký" "$TAP_TMP/before"; ok $? "sync: reaches the command, not the usage"
same "enroll without arguments" enroll

# Both: the one after the command is the one used.
"$QUANTRIET" --db "$TAP_TMP/none.db" check --db "$db" >/dev/null 2>&1
ok $? "--db after the command wins over --db before it"
"$QUANTRIET" --db "$TAP_TMP/none.db" check >"$TAP_TMP/out" 2>&1
is $? 1 "a missing database named before the command is an error, not usage"
grep -q "none.db" "$TAP_TMP/out"; ok $? "naming the file"
"$QUANTRIET" --db "$db" nosuch >/dev/null 2>"$TAP_TMP/err"
is $? 2 "an unknown command after --db is a usage error"
grep -q "không có lệnh 'nosuch'" "$TAP_TMP/err"; ok $? "naming the command"
"$QUANTRIET" --db "$db" --help >"$TAP_TMP/out"
ok $? "--help after --db"
grep -q "quantriet \[--db TỆP\] \[LỆNH\]" "$TAP_TMP/out"; ok $? "prints the usage"
done_testing
