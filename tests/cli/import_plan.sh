#!/bin/sh
# import_plan.sh - quantriet import plan --dry-run on the three seed plans
# (tests/data/plans/0*.txt, as the project received them) and on a
# guidance of another province written for this test in Windows-1258 and,
# converted here, TCVN3: each field checked against what a reader finds
# in the text. Then files that are not a plan, refused with their line.
. "$top_srcdir/tests/tap.sh"
tap_tmpdir
plans=$top_srcdir/tests/data/plans
LC_ALL=C.UTF-8; export LC_ALL
QUANTRIET_DB=$TAP_TMP/never.db; export QUANTRIET_DB

# dry FILE [ENCODING]: the dry run's output into $TAP_TMP/out.
dry() {
	"$QUANTRIET" import plan --file "$1" --dry-run ${2:+--encoding "$2"} \
	    > "$TAP_TMP/out" 2> "$TAP_TMP/err"
}

# has LINE NAME: the dry run printed exactly LINE.
has() {
	grep -Fxq -- "$1" "$TAP_TMP/out"
	ok $? "$2"
	[ $? -eq 0 ] || sed 's/^/# /' "$TAP_TMP/out"
}

# count PREFIX N NAME: the dry run printed N lines starting with PREFIX.
count() {
	is "$(grep -c "^$1" "$TAP_TMP/out")" "$2" "$3"
}

# Seed 000: Kiên Giang's plan 13-KH/TU, a province's plan for three levels.
dry "$plans/000_d7dce3f576120319.txt"
ok $? "seed 000 is read"
has "number: 13-KH/TU" "000: number"
has "kind: KH" "000: kind"
has "issuer: Tỉnh ủy Kiên Giang" "000: issuer from the header's top left"
has "place: Kiên Giang" "000: place"
has "date: 2021-03-05" "000: date 'ngày 05 tháng 3 năm 2021'"
has "title: Kế hoạch tổ chức học tập, quán triệt, tuyên truyền Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020-2025" \
    "000: title over two lines, after the kind word"
count "parent:" 0 "000: 'Căn cứ' names no numbered document: no parent guessed"
has "resolution: Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020-2025" "000: the resolution"
count "resolution:" 1 "000: one resolution"
has "item: tỉnh | Cấp tỉnh: Tổ chức 03 lớp | hoàn thành trong tháng 3-2021 | 2021-03-31" "000: the province's classes, March 2021"
has "item: huyện | Cấp huyện và tương đương | hoàn thành trong tháng 4-2021 | 2021-04-30" "000: the districts', April 2021"
has "item: cơ sở | Cấp cơ sở (xã, phường, thị trấn) | hoàn thành trong tháng 5-2021 | 2021-05-31" "000: the communes', May 2021"
count "item:" 3 "000: three levels"
has "report: huyện | báo cáo tổng hợp bài thu hoạch | 1 | 2021-04-28" "000: essay tally report, round 1 before 29-4-2021"
has "report: huyện | báo cáo tổng hợp bài thu hoạch | 2 | 2021-05-27" "000: round 2 before 28-5-2021"
has "report: huyện | báo cáo kết quả triển khai | 1 | 2021-04-29" "000: results report, round 01 'chậm nhất' 29-4-2021"
has "report: huyện | báo cáo kết quả triển khai | 2 | 2021-05-28" "000: round 02 'chậm nhất' 28-5-2021"
count "essay:" 0 "000: the plan gives no essay deadline: none guessed"

# Seed 001: Duyên Hải's plan, its header lost in the copy.
dry "$plans/001_d3cba06d6dcc2201.txt"
ok $? "seed 001 is read"
count "number:" 0 "001: no number in the text: none guessed"
count "date:" 0 "001: no date: none guessed"
has "kind: KH" "001: kind from 'KẾ HOẠCH'"
has "title: Kế hoạch quán triệt, tuyên truyền và tổ chức thực hiện Nghị quyết Đại hội Đảng bộ tỉnh Trà Vinh lần thứ XI, nhiệm kỳ 2020 - 2025" "001: title over three lines"
has "parent: 04-KH/BTGTU 2020-11-24" "001: parent from 'Thực hiện Kế hoạch số 04-KH/BTGTU, ngày 24/11/2020'"
has "resolution: Nghị quyết Đại hội Đảng bộ tỉnh Trà Vinh lần thứ XI, nhiệm kỳ 2020 - 2025" "001: the resolution"
has "item: huyện | Thường trực Thị ủy tổ chức triển khai 01 cuộc cho cán bộ chủ chốt thị xã | hoàn thành trước ngày 15/12/2020 | 2020-12-14" \
    "001: the town's key cadres, before 15/12/2020"
has "item: cơ sở | Đối với đảng bộ | hoàn thành trước ngày 31/12/2020 | 2020-12-30" "001: the party committees, before 31/12/2020"
has "item: chi bộ | Đối với các chi bộ trực thuộc Thị ủy | trong sinh hoạt lệ tháng 12/2020 | 2020-12-31" "001: the cells, their December meeting"
count "item:" 3 "001: three items; the heading over two levels is none"

# Seed 003: Trà Vinh's guidance 42-HD/BTG, four resolutions at once.
dry "$plans/003_52b6a70762db1f8a.txt"
ok $? "seed 003 is read"
has "number: 42-HD/BTG" "003: number written 'Số 42 -HD/BTG'"
has "kind: HD" "003: kind"
has "issuer: Ban Tuyên giáo Tỉnh ủy Trà Vinh" "003: issuer from two header lines"
has "place: Trà Vinh" "003: place"
has "date: 2017-11-20" "003: date"
has "parent: 51-HD/BTGTW 2017-11-13" "003: parent"
count "resolution:" 4 "003: the four resolutions of the Central Committee's 6th plenum"
has "resolution: Nghị quyết về “Công tác dân số trong tình hình mới”" "003: one of them by its title"
has "item: tỉnh | Hội nghị cấp tỉnh | vào các ngày 29 và 30/11/2017 | 2017-11-30" "003: province, 29 and 30/11/2017"
has "item: huyện | Hội nghị do các Huyện ủy, Thị ủy, Thành ủy, Đảng ủy trực thuộc Tỉnh ủy tổ chức | hoàn thành vào nửa đầu tháng 12/2017 | 2017-12-15" \
    "003: districts, first half of December 2017"
has "item: cơ sở | Hội nghị do cấp cơ sở tổ chức | hoàn thành cuối tháng 12/2017 | 2017-12-31" "003: communes, end of December 2017"
has "item: chi bộ | Đưa nội dung Nghị quyết Trung ương vào sinh hoạt chi bộ | Hoàn thành trong Quý I/2018 | 2018-03-31" "003: cells, quarter I/2018"
has "report: tỉnh | báo cáo kết quả học tập |  | 2018-03-31" "003: the province reports in quarter I/2018"
has "essay: Sau 07 ngày dự Hội nghị học tập | 7" "003: essays 7 days after the conference"

# A guidance of another province and district, in Windows-1258.
dry "$plans/hd_phutan_cp1258.txt"
ok $? "a Windows-1258 guidance is read (encoding detected)"
cp "$TAP_TMP/out" "$TAP_TMP/cp1258.out"
has "number: 15-HD/BTGHU" "HD: number written 'Số 15 - HD/BTGHU'"
has "issuer: Ban Tuyên giáo Huyện ủy Phú Tân" "HD: issuer, header in two columns on one line"
has "place: Phú Tân" "HD: place"
has "date: 2022-08-08" "HD: date"
has "parent: 34-HD/BTGTU 2022-08-01" "HD: first parent"
has "parent: 20-KH/HU 2022-08-03" "HD: second parent, dated 3-8-2022"
count "parent:" 2 "HD: the resolution cited is not a parent"
has "resolution: Nghị quyết số 18-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII" "HD: the resolution from the title"
has "item: huyện | Đối với cấp huyện | hoàn thành trước ngày 20/8/2022 | 2022-08-19" "HD: district, before 20/8/2022"
has "item: cơ sở | Đối với các đảng ủy cơ sở | chậm nhất ngày 31/8/2022 | 2022-08-31" "HD: communes, 31/8/2022 at the latest"
has "item: chi bộ | Đối với các chi bộ | hoàn thành trong quý III/2022 | 2022-09-30" "HD: cells, quarter III/2022"
count "item:" 3 "HD: the purpose's 'hoàn thành trong năm 2022' is no item"
has "report: cơ sở | báo cáo kết quả học tập |  | 2022-09-14" "HD: report before 15 tháng 9 năm 2022"
has "essay: Sau 10 ngày học tập | 10" "HD: essays 10 days after"
dry "$plans/hd_phutan_cp1258.txt" cp1258
cmp -s "$TAP_TMP/out" "$TAP_TMP/cp1258.out"
ok $? "--encoding cp1258 reads it the same"
if iconv -f CP1258 -t TCVN5712-1 "$plans/hd_phutan_cp1258.txt" > "$TAP_TMP/tcvn.txt" 2>/dev/null; then
	dry "$TAP_TMP/tcvn.txt"
	cmp -s "$TAP_TMP/out" "$TAP_TMP/cp1258.out"
	ok $? "the same guidance in TCVN3 is detected and read the same"
else
	ok 0 "# SKIP iconv has no TCVN5712-1"
fi
iconv -f CP1258 -t UTF-16 "$plans/hd_phutan_cp1258.txt" > "$TAP_TMP/utf16.txt"
dry "$TAP_TMP/utf16.txt"
cmp -s "$TAP_TMP/out" "$TAP_TMP/cp1258.out"
ok $? "and in UTF-16 with a byte-order mark (Word's Unicode text)"

# Bad input: refused with its line, in Vietnamese, nothing printed.
# refused FILE TEXT NAME [ENCODING]
refused() {
	dry "$1" "$4"
	rc=$?
	[ "$rc" -eq 1 ] && [ ! -s "$TAP_TMP/out" ] && grep -Fq -- "$2" "$TAP_TMP/err"
	ok $? "$3"
	[ $? -eq 0 ] || sed 's/^/# /' "$TAP_TMP/err"
}
printf 'KẾ HOẠCH\nhọc tập\nNghị quyết \377 số 5\n' > "$TAP_TMP/bad.txt"
refused "$TAP_TMP/bad.txt" "dòng 3: có byte không thuộc bảng mã UTF-8" "invalid UTF-8 is reported with its line"
refused "$plans/hd_phutan_cp1258.txt" "dòng 1: có byte không thuộc bảng mã UTF-8" \
    "--encoding utf-8 forced on a Windows-1258 file: its first bad line" utf-8
: > "$TAP_TMP/empty.txt"
refused "$TAP_TMP/empty.txt" "tệp rỗng" "an empty file"
refused "$QUANTRIET" "có byte NUL (số 0), tệp không phải văn bản" "a binary file (the program itself)"
printf 'PK\003\004word/document.xml' > "$TAP_TMP/plan.docx"
refused "$TAP_TMP/plan.docx" "tệp Word (.docx)" "a Word file not saved as text"
printf 'Danh sách\nNguyễn Văn Một\n' > "$TAP_TMP/list.txt"
refused "$TAP_TMP/list.txt" "không thấy số, trích yếu hay mục nào" "a text that is no plan"
[ ! -e "$QUANTRIET_DB" ]
ok $? "no dry run opened or created a database"

# Without --dry-run the plan is saved for the clerk's unit, through the
# writer the interface's review form uses (tests/e2e/plan_import.sh).
db=$TAP_TMP/demo.db
"$QUANTRIET" demo --db "$db" > /dev/null
"$QUANTRIET" --db "$db" import plan --file "$plans/hd_phutan_cp1258.txt" \
    > "$TAP_TMP/out" 2> "$TAP_TMP/err"
is $? 0 "import plan without --dry-run saves"
grep -q "Đã lưu kế hoạch 15-HD/BTGHU" "$TAP_TMP/out"
ok $? "and says what it saved"
is "$(sqlite3 "$db" "SELECT d.issued_on || ' ' || u.kind || ' ' ||
    (SELECT count(*) FROM plan_session WHERE document_id = d.id) || ' ' ||
    (SELECT count(*) FROM report_deadline WHERE document_id = d.id) || ' ' ||
    (SELECT count(*) FROM document_resolution WHERE document_id = d.id)
    FROM document d JOIN unit u ON u.id = d.owner_unit_id
    WHERE d.number = '15-HD/BTGHU'")" "2022-08-08 commune 3 1 1" \
    "as the commune's plan with its sessions, report deadline and resolution"
# Every parent the dry run finds is kept on the document, one a line.
want=$("$QUANTRIET" import plan --file "$plans/hd_phutan_cp1258.txt" --dry-run |
    sed -n 's/^parent: \([^ ]*\).*/\1/p')
got=$(sqlite3 "$db" "SELECT parents_text FROM document
    WHERE number = '15-HD/BTGHU'" | sed 's/,.*//;/^$/d')
[ -n "$want" ] && [ "$want" = "$got" ]
ok $? "every parent is kept on the document ($(echo $got))"
"$QUANTRIET" --db "$db" import plan --file "$plans/hd_phutan_cp1258.txt" \
    > /dev/null 2> "$TAP_TMP/err"
is $? 1 "the same plan again is refused"
grep -q "đã có văn bản mang số này" "$TAP_TMP/err"
ok $? "saying the number is already used"
"$QUANTRIET" --db "$db" import plan --file "$plans/001_d3cba06d6dcc2201.txt" \
    > /dev/null 2> "$TAP_TMP/err"
grep -q "chưa lưu kế hoạch: chưa có số văn bản" "$TAP_TMP/err"
ok $? "a text without a number is not saved, and the clerk is told why"
is "$(sqlite3 "$db" "SELECT count(*) FROM document")" 8 \
    "nothing else was written (7 demo documents and the one saved)"

# Essays due by a fixed date: the words and the last day on the dry run
# ("before the 30th": the 29th, as every deadline), kept as the plan's
# fixed-date rule (essay_rule.kind 'date') when saved.
cat > "$TAP_TMP/fixed.txt" <<'PLAN'
ĐẢNG BỘ TỈNH KIÊN GIANG
ĐẢNG ỦY XÃ VĨNH HÒA HIỆP
Số 09-KH/ĐU
Vĩnh Hòa Hiệp, ngày 02 tháng 4 năm 2021
KẾ HOẠCH
học tập, quán triệt Nghị quyết Đại hội XIII của Đảng
Thực hiện Kế hoạch số 13-KH/TU, ngày 05/3/2021 của Ban Thường vụ Tỉnh ủy,
- Đảng viên viết và nộp bài thu hoạch trước ngày 30/6/2021 cho chi ủy chi bộ.
PLAN
dry "$TAP_TMP/fixed.txt"
has "essay: trước ngày 30/6/2021 cho chi ủy chi bộ | 2021-06-29" \
    "a fixed date for essays: its words and its last day"
"$QUANTRIET" --db "$db" import plan --file "$TAP_TMP/fixed.txt" > /dev/null
is "$(sqlite3 "$db" "SELECT r.kind || ' ' || r.due_on FROM essay_rule r
    JOIN document d ON d.id = r.document_id WHERE d.number = '09-KH/ĐU'")" \
    "date 2021-06-29" "saved as the plan's fixed-date essay rule"
done_testing
