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
grep -q "dòng 4: Năm sinh" "$TAP_TMP/err"; ok $? "line 4: a year that is not one"
[ "$(grep -c 'dòng [0-9]' "$TAP_TMP/err")" -eq 3 ]; ok $? "line 1 is not blamed"

# Byte 28 falls inside the three bytes of "ị".
printf 'Nguyễn Văn Ba\nTrần Thị Tư' | head -c 28 > "$TAP_TMP/cut.csv"
import "$TAP_TMP/cut.csv"
[ $? -ne 0 ] && grep -q "cắt cụt" "$TAP_TMP/err"
ok $? "a file cut in the middle of a character says it is truncated"
is "$(members)" "$before" "and imports nothing"

# Bad bytes (docs/bad-input.md): each refused naming its line, exit 1,
# nobody imported, not even the lines before it.
# refused FILE LINE TEXT NAME
refused() {
	before=$(members)
	import "$1"
	_rc=$?
	[ "$_rc" -eq 1 ] && grep -q "dòng $2: $3" "$TAP_TMP/err" &&
	    grep -q "không nhập gì" "$TAP_TMP/err"
	ok $? "$4 is refused naming line $2, exit 1"
	[ "$_rc" -eq 1 ] || sed 's/^/# /' "$TAP_TMP/err"
	is "$(members)" "$before" "$4: nobody is imported"
}
printf 'Nguyễn Văn Một\n\000Trần Văn Hai\nLê Văn Ba\nPhạm Văn Bốn\n' > "$TAP_TMP/nul.csv"
refused "$TAP_TMP/nul.csv" 2 "có byte NUL" "a NUL byte"
printf 'Nguyễn Văn Một\r\nTrần Văn Hai\rLê Văn Ba\r\n' > "$TAP_TMP/cr.csv"
refused "$TAP_TMP/cr.csv" 2 "có ký tự CR đứng một mình" "a lone CR"
printf 'Nguyễn Văn Một\rTrần Văn Hai\rLê Văn Ba\r' > "$TAP_TMP/mac.csv"
refused "$TAP_TMP/mac.csv" 1 "có ký tự CR đứng một mình" "old Macintosh line ends"
printf '\357\273\277Nguyễn Văn Một\n\357\273\277Họ và tên\nLê Văn Ba\n' > "$TAP_TMP/bom.csv"
refused "$TAP_TMP/bom.csv" 2 "có dấu BOM (U+FEFF) giữa tệp" "a byte-order mark in the middle"
{ printf 'Nguyễn Văn Một\n'; head -c 4096 /dev/zero | tr '\0' a; printf '\n'; } > "$TAP_TMP/limit.csv"
import "$TAP_TMP/limit.csv"
grep -q "dòng 2: Tên quá dài" "$TAP_TMP/err"
ok $? "a line of 4096 bytes is read (its name is then too long)"
{ printf 'Nguyễn Văn Một\n'; head -c 4097 /dev/zero | tr '\0' a; printf '\n'; } > "$TAP_TMP/long.csv"
refused "$TAP_TMP/long.csv" 2 "dài hơn 4096 byte" "a line of 4097 bytes"
printf 'Nguyễn Văn Một\nTrần Văn Hai\nLê V\303n Ba\n' > "$TAP_TMP/utf8.bad"
refused "$TAP_TMP/utf8.bad" 3 "có byte không thuộc bảng mã UTF-8" "invalid UTF-8"
printf 'PK\003\004\024\000\010\000' > "$TAP_TMP/list.xlsx"
refused "$TAP_TMP/list.xlsx" 1 "tệp bảng tính" "a spreadsheet (.xlsx)"
printf 'Nguyễn Văn Một\nTrần Văn Hai\n' | iconv -f UTF-8 -t UTF-16 > "$TAP_TMP/utf16.csv"
refused "$TAP_TMP/utf16.csv" 1 "tệp ở bảng mã UTF-16" "a UTF-16 file"
head -c 4096 "$QUANTRIET" > "$TAP_TMP/binary.csv"
refused "$TAP_TMP/binary.csv" 1 "có byte NUL" "a binary file (a program)"

cell="Đảng bộ xã Vĩnh Hòa Hiệp"
import "$TAP_TMP/utf8.csv"
[ $? -ne 0 ] && grep -q "chi bộ" "$TAP_TMP/err"
ok $? "members go into a cell, not the commune"
"$QUANTRIET" import members --db "$db" --cell x --file "$TAP_TMP/none.csv" 2>"$TAP_TMP/err"
[ $? -ne 0 ] && grep -q "Không mở được tệp" "$TAP_TMP/err"
ok $? "a missing file is named"
done_testing
