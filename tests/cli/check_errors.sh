#!/bin/sh
# check_errors.sh - quantriet check on sound and broken databases, and the
# one-line messages of demo, report and check when something is wrong.
. "$top_srcdir/tests/tap.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 command not installed"
tap_tmpdir
db=$TAP_TMP/demo.db
"$QUANTRIET" demo --db "$db" >/dev/null 2>&1 || { echo "Bail out! demo failed"; exit 1; }

"$QUANTRIET" check --db "$db" > "$TAP_TMP/out" 2>&1
ok $? "check passes on the demo"
is "$(cat "$TAP_TMP/out")" "Không phát hiện vấn đề nào." "and says so"

# Break it the ways a hand edit or a bad import would.
cp "$db" "$TAP_TMP/broken.db"
"$top_builddir/tests/sync/sqlrun" "$TAP_TMP/broken.db" "
PRAGMA foreign_keys = OFF;
INSERT INTO member(id, unit_id, full_name, name_fold, status)
  VALUES (1, (SELECT id FROM unit WHERE code = 'DU-VHH'), 'Lê Văn Sai', 'le van sai', 'active');
UPDATE essay SET submitted_on = '2021-02-30' WHERE id = (SELECT min(id) FROM essay);
UPDATE essay SET submitted_on = '2021-01-02' WHERE id = (SELECT max(id) FROM essay);
INSERT INTO attendance(id, session_id, member_id, status)
  SELECT 2, s.id, m.id, 'present' FROM session s, member m
  WHERE s.unit_id = (SELECT id FROM unit WHERE code = 'CB-VP')
  AND m.unit_id = (SELECT id FROM unit WHERE code = 'CB-TH') LIMIT 1;
INSERT INTO attendance(id, session_id, member_id, status)
  SELECT 3, min(id), 999, 'present' FROM session;"
"$QUANTRIET" check --db "$TAP_TMP/broken.db" > "$TAP_TMP/out" 2> "$TAP_TMP/err"
is $? 1 "check fails on a broken database"
grep -q "^- Đảng viên xếp vào đơn vị không phải chi bộ: Lê Văn Sai" "$TAP_TMP/out"
ok $? "member in a non-cell unit found"
grep -q "^- Ngày không có thật: ngày nộp của .*'2021-02-30'" "$TAP_TMP/out"
ok $? "impossible date found"
grep -q "^- Bài thu hoạch nộp trước buổi học: .*nộp 02/01/2021" "$TAP_TMP/out"
ok $? "essay before its session found"
grep -q "^- Điểm danh người của đơn vị khác: .*(Chi bộ Trường Tiểu học" "$TAP_TMP/out"
ok $? "attendance of another unit's member found"
grep -q "^- Tham chiếu tới dòng không tồn tại: bảng attendance" "$TAP_TMP/out"
ok $? "dangling reference found"
# A writer that leaves the sort key out: the member's is left empty.
grep -q "^- Khóa sắp xếp không khớp với tên (cần tính lại): Lê Văn Sai" "$TAP_TMP/out"
ok $? "a sort key another writer left stale found"
is "$(cat "$TAP_TMP/err")" "quantriet: phát hiện 7 vấn đề" "one summary line on stderr"

# SQLite's own check and the domain's run side by side (cmd_check.c):
# a damaged index besides the broken rows, and the file's damage still
# comes first, every finding once, the count theirs.
cp "$TAP_TMP/broken.db" "$TAP_TMP/index.db"
"$top_builddir/tests/sync/sqlrun" "$TAP_TMP/index.db" "
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = 'CREATE INDEX member_by_unit_status ON member(status, unit_id)'
  WHERE name = 'member_by_unit_status';"
"$QUANTRIET" check --db "$TAP_TMP/index.db" > "$TAP_TMP/out" 2> "$TAP_TMP/err"
is $? 1 "check fails on a damaged index"
damaged=$(grep -c "^- Tệp hỏng: row [0-9]* missing from index member_by_unit_status" "$TAP_TMP/out")
is "$damaged" "$(sqlite3 "$TAP_TMP/index.db" "PRAGMA integrity_check" |
  grep -c "missing from index member_by_unit_status")" \
  "every row integrity_check finds missing from the index is named"
is "$(sed -n "1,${damaged}p" "$TAP_TMP/out" | grep -vc '^- Tệp hỏng')" 0 \
  "the file's damage comes first"
is "$(sed -n "$((damaged + 1)),\$p" "$TAP_TMP/out" | grep -c '^- Tệp hỏng')" 0 \
  "and once"
grep -q "^- Bài thu hoạch nộp trước buổi học: .*nộp 02/01/2021" "$TAP_TMP/out"
ok $? "the domain's findings follow"
is "$(cat "$TAP_TMP/err")" "quantriet: phát hiện $(grep -c '^- ' "$TAP_TMP/out") vấn đề" \
  "the count is of every finding"

# A file cut short (a copy interrupted, a full disk): a message, no crash.
size=$(wc -c < "$db")
for cut in 50 4096 $((size / 2)); do
	head -c "$cut" "$db" > "$TAP_TMP/cut.db"
	"$QUANTRIET" report tally --db "$TAP_TMP/cut.db" --plan 13-KH/TU > /dev/null 2> "$TAP_TMP/err"
	rc=$?
	is "$rc:$(wc -l < "$TAP_TMP/err")" "1:1" "database cut at $cut bytes: exit 1, one line"
	grep -q "^quantriet: .*hỏng" "$TAP_TMP/err"
	ok $? "database cut at $cut bytes: says the file is damaged"
done
head -c $((size / 2)) "$db" > "$TAP_TMP/cut.db"
"$QUANTRIET" check --db "$TAP_TMP/cut.db" > /dev/null 2>&1
is $? 1 "check fails on a file cut in half"

"$QUANTRIET" report tally --db "$db" --plan 14-KH/TU 2> "$TAP_TMP/err"
is "$?:$(cat "$TAP_TMP/err")" "1:quantriet: Không tìm thấy văn bản số '14-KH/TU'" \
  "unknown --plan"
"$QUANTRIET" report tally --db "$db" --plan 13-KH/TU --unit "xyz" 2> "$TAP_TMP/err"
is "$?:$(cat "$TAP_TMP/err")" "1:quantriet: Không tìm thấy đơn vị 'xyz'" "unknown --unit"
"$QUANTRIET" report tally --db "$db" --plan 13-KH/TU --unit "chi bo ap" 2> "$TAP_TMP/err"
is $? 1 "ambiguous --unit fails"
grep -q "^quantriet: Có 4 đơn vị khớp với 'chi bo ap' (" "$TAP_TMP/err"
ok $? "and names the candidates"
"$QUANTRIET" report tally --db "$db" 2> /dev/null
is $? 2 "missing --plan is a usage error"
"$QUANTRIET" report tally --db "$db" --plan 13-KH/TU --format pdf 2> /dev/null
is $? 2 "unknown --format is a usage error"
"$QUANTRIET" report tally --db "$db" --plan 13-KH/TU --round 13 2> /dev/null
is $? 2 "--round out of range is a usage error"
"$QUANTRIET" report --db "$db" --plan 13-KH/TU 2> /dev/null
is $? 2 "report without a kind is a usage error"
"$QUANTRIET" report tally --db "$TAP_TMP/none.db" --plan 13-KH/TU 2> "$TAP_TMP/err"
is $? 1 "missing database fails"
grep -q "^quantriet: Không tìm thấy cơ sở dữ liệu" "$TAP_TMP/err"
ok $? "and says how to make one"
for cmd in demo report check; do
	"$QUANTRIET" $cmd --help > "$TAP_TMP/out" 2>&1
	is "$?:$(head -n 1 "$TAP_TMP/out" | cut -d: -f1)" "0:Cách dùng" "$cmd --help"
done

"$QUANTRIET" demo --db "$db" 2> "$TAP_TMP/err"
is $? 1 "demo refuses to overwrite data"
grep -q "dùng --force" "$TAP_TMP/err"
ok $? "and says how to"
# A counter of the tally that drifted from the rows: check names it, the
# report shows it, --rebuild-counters recounts it.
cp "$db" "$TAP_TMP/drift.db"
"$QUANTRIET" report tally --db "$db" --plan 13-KH/TU --format csv > "$TAP_TMP/good.csv"
"$top_builddir/tests/sync/sqlrun" "$TAP_TMP/drift.db" "UPDATE tally_counter SET n = n + 3
  WHERE plan_id = (SELECT id FROM document WHERE number = '13-KH/TU')
  AND unit_id = (SELECT id FROM unit WHERE code = 'CB-VP') AND status = 'active'
  AND took_on < '9999' AND wrote_on < '9999'
  AND took_on || wrote_on = (SELECT min(took_on || wrote_on) FROM tally_counter
    WHERE plan_id = (SELECT id FROM document WHERE number = '13-KH/TU')
    AND unit_id = (SELECT id FROM unit WHERE code = 'CB-VP') AND status = 'active'
    AND took_on < '9999' AND wrote_on < '9999')"
"$QUANTRIET" report tally --db "$TAP_TMP/drift.db" --plan 13-KH/TU --format csv > "$TAP_TMP/drift.csv"
! cmp -s "$TAP_TMP/drift.csv" "$TAP_TMP/good.csv"
ok $? "a drifted counter changes the tally"
"$QUANTRIET" check --db "$TAP_TMP/drift.db" > "$TAP_TMP/out" 2>&1
is $? 1 "check fails on a drifted counter"
grep -q "^- Bộ đếm báo cáo tổng hợp lệch so với dữ liệu (sửa: quantriet check --rebuild-counters): kế hoạch 13-KH/TU, Chi bộ ấp Vĩnh Phước" "$TAP_TMP/out"
ok $? "and names the plan and the cell, and the fix"
"$QUANTRIET" check --db "$TAP_TMP/drift.db" --rebuild-counters > "$TAP_TMP/out" 2>&1
is "$?:$(cat "$TAP_TMP/out")" "0:Đã tính lại bộ đếm báo cáo tổng hợp từ dữ liệu." "check --rebuild-counters"
"$QUANTRIET" check --db "$TAP_TMP/drift.db" > /dev/null 2>&1
ok $? "check passes after the rebuild"
"$QUANTRIET" report tally --db "$TAP_TMP/drift.db" --plan 13-KH/TU --format csv > "$TAP_TMP/drift.csv"
is "$(cat "$TAP_TMP/drift.csv")" "$(cat "$TAP_TMP/good.csv")" "the tally is the rows' again"

"$top_builddir/tests/sync/sqlrun" "$db" "DELETE FROM attendance"
"$QUANTRIET" demo --db "$db" --force > /dev/null 2>&1
ok $? "demo --force recreates"
is "$(sqlite3 "$db" "SELECT count(*) > 0 FROM attendance")" 1 "with fresh data"

done_testing
