#!/bin/sh
# report_rtf.sh - the printed form a commune files: as RTF, well formed,
# pure ASCII, with the header of Hướng dẫn 36-HD/VPTW, the six items, the
# signer and the data escaped (read back by tests/unit/rtf_text); as text,
# every line within 76 columns and a long name never cut; item 6 grouped,
# the full list in the annex. When LibreOffice is installed, it opens the
# RTF and its PDF shows the header and the six items.
. "$top_srcdir/tests/tap.sh"
tap_tmpdir
db=$TAP_TMP/demo.db
rtf_text="$top_builddir/tests/unit/rtf_text"
sqlrun="$top_builddir/tests/sync/sqlrun"
QUANTRIET_TODAY=2021-05-10; export QUANTRIET_TODAY
"$QUANTRIET" demo --db "$db" >/dev/null 2>&1

report() {
	"$QUANTRIET" report tally --db "$db" --plan 13-KH/TU "$@"
}

# Data the RTF must escape: braces, a backslash, an RTF word.
"$sqlrun" "$db" "INSERT INTO tally_report(id, document_id, unit_id, round,
  assessment, proposals, signer, status)
  SELECT 9100000000000001, d.id, u.id, 1, 'Kinh phí {dự kiến} 5\\10 \\par',
  '', '', 'draft' FROM document d, unit u
  WHERE d.number = '13-KH/TU' AND u.name = 'Đảng bộ xã Vĩnh Hòa Hiệp'"

report --format rtf --output "$TAP_TMP/f.rtf"
ok $? "report tally --format rtf --output"
is "$(stat -c %a "$TAP_TMP/f.rtf")" 600 "the file is private (0600)"
head -c 11 "$TAP_TMP/f.rtf" | grep -q '^{\\rtf1\\ansi'; ok $? "it is RTF"
! LC_ALL=C grep -q '[^ -~]' "$TAP_TMP/f.rtf"; ok $? "pure ASCII (\\uN escapes)"
grep -q 'Times New Roman' "$TAP_TMP/f.rtf" &&
    grep -q '\\paperw11906\\paperh16838' "$TAP_TMP/f.rtf"
ok $? "Times New Roman on A4"
"$rtf_text" < "$TAP_TMP/f.rtf" > "$TAP_TMP/f.txt"; ok $? "its braces balance"
for want in "HUYỆN ỦY CHÂU THÀNH" "ĐẢNG BỘ XÃ VĨNH HÒA HIỆP" \
    "ĐẢNG CỘNG SẢN VIỆT NAM" "Số .....-BC/ĐU" \
    "Vĩnh Hòa Hiệp, ngày 10 tháng 5 năm 2021" "BÁO CÁO" \
    "TỔNG HỢP BÀI THU HOẠCH" "1. Tổng số đảng viên: 144" \
    "2. Số lượng đảng viên tham gia học tập nghị quyết:" \
    "3. Số đảng viên viết thu hoạch:" "4. Số đảng viên miễn viết thu hoạch:" \
    "5. Nhận xét đánh giá" "6. Kiến nghị, đề xuất của cán bộ, đảng viên" \
    'Kinh phí {dự kiến} 5\10 \par' "T/M ĐẢNG ỦY" "BÍ THƯ" "Nơi nhận:"; do
	grep -q -F -- "$want" "$TAP_TMP/f.txt"; ok $? "RTF reads back: $want"
done

# Text: 76 columns, a long name whole.
long="Chi bộ Trường Trung học cơ sở và Trung học phổ thông Vĩnh Hòa Hiệp"
code=$("$sqlrun" "$db" "SELECT code FROM unit WHERE name = 'Chi bộ ấp Vĩnh Phước'")
"$sqlrun" "$db" "UPDATE unit SET name = '$long' WHERE code = '$code'"
"$QUANTRIET" report tally --db "$db" --plan 13-KH/TU --unit "$code" \
    > "$TAP_TMP/cell.txt"
ok $? "a cell's form as text"
[ "$(wc -L < "$TAP_TMP/cell.txt")" -le 76 ]; ok $? "every line within 76 columns"
grep -q "CHI BỘ TRƯỜNG TRUNG HỌC CƠ SỞ VÀ" "$TAP_TMP/cell.txt" &&
    grep -q "TRUNG HỌC PHỔ THÔNG VĨNH HÒA HIỆP" "$TAP_TMP/cell.txt"
ok $? "a long cell name wraps in the header, never cut"
! grep -q '…' "$TAP_TMP/cell.txt"; ok $? "no ellipsis anywhere"

# Item 6: one line per proposal, not per member; all of them in the annex.
# The essays the round counts: handed in by its cutoff (the CSV's third
# column, DD/MM/YYYY).
cutoff=$(report --format csv | tail -n 1 | cut -d, -f3 |
    awk -F/ '{ print $3 "-" $2 "-" $1 }')
members=$("$sqlrun" "$db" "SELECT count(*) FROM essay e JOIN document d
  ON d.id = e.document_id WHERE d.number = '08-KH/ĐU'
  AND e.submitted_on <= '$cutoff' AND trim(e.proposals) <> ''")
report --annex > "$TAP_TMP/annex.txt"
item6=$(sed -n '/^6\. /,/^Nơi nhận/p' "$TAP_TMP/annex.txt" | grep -c '^- ')
annex=$(sed -n '/PHỤ LỤC/,$p' "$TAP_TMP/annex.txt" | grep -c '^- ')
[ "$item6" -gt 0 ] && [ "$item6" -lt $((members / 4)) ]
ok $? "item 6 groups $members proposals into $item6"
grep -q "^- Kiến nghị hỗ trợ vốn vay ưu đãi cho hộ nghèo" "$TAP_TMP/annex.txt"
ok $? "each group in its commonest wording"
grep -q "(9 đảng viên: " "$TAP_TMP/annex.txt"; ok $? "with how many members and where"
is "$annex" "$members" "the annex lists every member's proposal"

report --format pdf >/dev/null 2>&1
is $? 2 "an unknown format is a usage error"

# LibreOffice, when installed, opens it and shows the header and items.
if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
	HOME="$TAP_TMP" timeout 300 soffice --headless --convert-to pdf \
	    --outdir "$TAP_TMP" "$TAP_TMP/f.rtf" >/dev/null 2>&1
	pdftotext "$TAP_TMP/f.pdf" "$TAP_TMP/pdf.txt" 2>/dev/null
	ok $? "LibreOffice converts it to PDF"
	for want in "ĐẢNG CỘNG SẢN VIỆT NAM" "ĐẢNG BỘ XÃ VĨNH HÒA HIỆP" \
	    "1. Tổng số đảng viên" "2. Số lượng đảng viên" \
	    "3. Số đảng viên viết thu hoạch" "4. Số đảng viên miễn viết" \
	    "5. Nhận xét đánh giá" "6. Kiến nghị, đề xuất"; do
		grep -q -F -- "$want" "$TAP_TMP/pdf.txt"
		ok $? "the PDF shows: $want"
	done
else
	ok 0 "LibreOffice opens it # SKIP soffice or pdftotext not installed"
fi
done_testing
