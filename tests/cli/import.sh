#!/bin/sh
# import members: a cell's list from CSV in UTF-8, Windows-1258 or TCVN,
# all or nothing, every bad line named by its number.
. "$top_srcdir/tests/tap.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 không có trên máy"
command -v iconv >/dev/null 2>&1 || skip_all "iconv không có trên máy"
tap_tmpdir
db=$TAP_TMP/demo.db
"$QUANTRIET" demo --db "$db" >/dev/null
cell="Chi bộ ấp Vĩnh Lộc"

members() {
	sqlite3 "$db" "SELECT count(*) FROM member"
}

# import FILE [OPTIONS]: runs the import into $cell; stderr in $TAP_TMP/err.
import() {
	_f=$1
	shift
	"$QUANTRIET" import members --db "$db" --cell "$cell" --file "$_f" "$@" \
	    >/dev/null 2>"$TAP_TMP/err"
}

printf '\357\273\277Họ và tên,Chức vụ,Tình trạng,Năm sinh\r\nNguyễn Văn Thường,Bí thư chi bộ,,1970\r\n"Trần Thị Lan, con",Đảng viên,hưu trí,1950\r\n\r\nLê Hữu Đức;;miễn công tác\r\n' > "$TAP_TMP/list.csv"
before=$(members)
import "$TAP_TMP/list.csv"
ok $? "a UTF-8 list (byte-order mark, CRLF, heading, quotes, ';') imports"
is "$(members)" $((before + 3)) "three members added, the heading and blank line skipped"
is "$(sqlite3 "$db" "SELECT status || ' ' || coalesce(birth_year, '-') FROM member WHERE full_name = 'Trần Thị Lan, con'")" \
    "retired 1950" "status by its Vietnamese name, and the year, are read"
is "$(sqlite3 "$db" "SELECT u.name FROM member m JOIN unit u ON u.id = m.unit_id WHERE m.full_name = 'Lê Hữu Đức'")" \
    "$cell" "they belong to the cell asked for"

printf 'Phạm Thị Hường,Giáo viên\nĐoàn Quốc Việt,Nông dân,hưu trí\n' > "$TAP_TMP/utf8.csv"
iconv -f UTF-8 -t CP1258 "$TAP_TMP/utf8.csv" > "$TAP_TMP/cp1258.csv"
before=$(members)
import "$TAP_TMP/cp1258.csv"
[ $? -ne 0 ] && grep -q "cp1258" "$TAP_TMP/err"
ok $? "a Windows-1258 file read as UTF-8 is refused, suggesting --encoding cp1258"
is "$(members)" "$before" "and nothing is imported"
import "$TAP_TMP/cp1258.csv" --encoding cp1258
ok $? "with --encoding cp1258 it imports"
is "$(sqlite3 "$db" "SELECT count(*) FROM member WHERE full_name IN ('Phạm Thị Hường', 'Đoàn Quốc Việt')")" 2 \
    "its names arrive in UTF-8, tone marks composed (NFC)"

printf 'Võ Thị Sáu,Liệt sĩ\n' | iconv -f UTF-8 -t TCVN5712-1 > "$TAP_TMP/tcvn.csv"
import "$TAP_TMP/tcvn.csv" --encoding tcvn
ok $? "a TCVN file imports"
is "$(sqlite3 "$db" "SELECT count(*) FROM member WHERE full_name = 'Võ Thị Sáu'")" 1 "its name arrives intact"

before=$(members)
printf 'Hồ Văn Tốt,Nông dân\nKẻ Xấu\033[2J,Nông dân\nLý Văn Năm,,ốm\nMai Thị Hoa,,,19x0\n' > "$TAP_TMP/bad.csv"
import "$TAP_TMP/bad.csv"
[ $? -ne 0 ]; ok $? "a list with bad lines is refused"
is "$(members)" "$before" "and not one of its lines is imported, not even the good one"
grep -q "dòng 2: Tên chứa ký tự điều khiển" "$TAP_TMP/err"; ok $? "line 2: a control character in the name"
grep -q "dòng 3: tình trạng không rõ" "$TAP_TMP/err"; ok $? "line 3: an unknown status"
grep -q "dòng 4: năm sinh" "$TAP_TMP/err"; ok $? "line 4: a year that is not one"
[ "$(grep -c 'dòng [0-9]' "$TAP_TMP/err")" -eq 3 ]; ok $? "line 1 is not blamed"

# Byte 28 falls inside the three bytes of "ị".
printf 'Nguyễn Văn Ba\nTrần Thị Tư' | head -c 28 > "$TAP_TMP/cut.csv"
import "$TAP_TMP/cut.csv"
[ $? -ne 0 ] && grep -q "cắt cụt" "$TAP_TMP/err"
ok $? "a file cut in the middle of a character says it is truncated"
is "$(members)" "$before" "and imports nothing"

cell="Đảng bộ xã Vĩnh Hòa Hiệp"
import "$TAP_TMP/utf8.csv"
[ $? -ne 0 ] && grep -q "chi bộ" "$TAP_TMP/err"
ok $? "members go into a cell, not the commune"
"$QUANTRIET" import members --db "$db" --cell x --file "$TAP_TMP/none.csv" 2>"$TAP_TMP/err"
[ $? -ne 0 ] && grep -q "Không mở được tệp" "$TAP_TMP/err"
ok $? "a missing file is named"
done_testing
