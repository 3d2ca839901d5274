#!/bin/sh
# quantriet audit: what an import and a later edit leave in the audit
# trail, selected by date and by unit, in words; the trail refuses to be
# changed or deleted, even by a writer that knows the schema.
. "$top_srcdir/tests/tap.sh"
tap_tmpdir
SQLRUN=$top_builddir/tests/sync/sqlrun
db=$TAP_TMP/demo.db
me=$(id -un)
"$QUANTRIET" demo --db "$db" >/dev/null
today=$(date +%d/%m/%Y)

printf 'Họ và tên,Chức vụ,Tình trạng,Năm sinh\nLâm Thị Kiều,Đảng viên,,1985\n' \
    > "$TAP_TMP/list.csv"
"$QUANTRIET" import members --db "$db" --cell "Chi bộ ấp Vĩnh Lộc" \
    --file "$TAP_TMP/list.csv" >/dev/null
ok $? "a member is imported"
"$SQLRUN" "$db" "UPDATE member SET position = 'Phó bí thư', birth_year = NULL
    WHERE full_name = 'Lâm Thị Kiều'"

"$QUANTRIET" audit --db "$db" --since "$today" --unit "Chi bộ ấp Vĩnh Lộc" \
    > "$TAP_TMP/out" 2> "$TAP_TMP/err"
ok $? "audit --since --unit"
grep -q "^[0-3][0-9]/[01][0-9]/20[0-9][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]  $me  thêm  Đảng viên «Lâm Thị Kiều» ([0-9]*)$" "$TAP_TMP/out"
ok $? "the import is there: when, the Unix user, added, which member"
grep -A2 "$me  sửa  Đảng viên «Lâm Thị Kiều»" "$TAP_TMP/out" > "$TAP_TMP/edit"
is "$(tail -n 2 "$TAP_TMP/edit")" "    Chức vụ: Đảng viên -> Phó bí thư
    Năm sinh: 1985 -> (trống)" "the edit: each changed column, old and new"
"$QUANTRIET" audit --db "$db" > "$TAP_TMP/all"
grep -q "Đơn vị «Chi bộ ấp Vĩnh Phước»" "$TAP_TMP/all" &&
    ! grep -q "Vĩnh Phước" "$TAP_TMP/out"
ok $? "another cell's records are in the whole trail, not in the cell's"
"$QUANTRIET" audit --db "$db" --since 2099-01-01 > "$TAP_TMP/out"
is "$(cat "$TAP_TMP/out")" "Không có thay đổi nào từ ngày đó." \
    "a date with nothing since says so"
"$QUANTRIET" audit --db "$db" --since 31/02/2026 2> "$TAP_TMP/err"
is $? 2 "an impossible date is a usage error"
grep -q "31/02/2026" "$TAP_TMP/err"
ok $? "and names it"

# Append-only, whoever writes.
n=$("$SQLRUN" "$db" "SELECT count(*) FROM audit")
"$SQLRUN" "$db" "UPDATE audit SET actor = 'user:ai-do'" 2> "$TAP_TMP/err"
isnt_ok=$?
grep -q "Nhật ký thay đổi không được sửa" "$TAP_TMP/err" && [ $isnt_ok -ne 0 ]
ok $? "an audit row cannot be changed"
"$SQLRUN" "$db" "DELETE FROM audit" 2> "$TAP_TMP/err"
isnt_ok=$?
grep -q "Nhật ký thay đổi không được xóa" "$TAP_TMP/err" && [ $isnt_ok -ne 0 ]
ok $? "nor deleted"
is "$("$SQLRUN" "$db" "SELECT count(*) FROM audit WHERE actor = 'user:$me'")" "$n" \
    "the trail is whole"
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$db" "UPDATE member SET position = 'x'" 2> "$TAP_TMP/err"
	isnt_ok=$?
	[ $isnt_ok -ne 0 ] && grep -q "qt_changes" "$TAP_TMP/err"
	ok $? "a write from the sqlite3 shell cannot skip the trail: refused"
else
	ok 0 "sqlite3 not installed: nothing to refuse"
fi
done_testing
