#!/bin/sh
# Mistakes can be put right: a session's date edited, a session deleted
# with its attendance (asked first, saying how many marks go), everyone
# present in one key, a plan item edited and removed, a document and a
# member edited, a plan from above left read-only, a letter typed on a
# selector refused visibly, a final report reopened with a reason that
# stays in its history.
. "$top_srcdir/tests/e2e/lib.sh"

command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 không có trên máy"

# goto_row TEXT: moves the plans list's cursor to the row holding TEXT
# (the list starts on the screen's fourth line).
goto_row() {
	_row=$(e2e_screen | grep -n -- "$1" | head -1 | cut -d: -f1)
	e2e_keys Home
	_i=4
	while [ "$_i" -lt "${_row:-4}" ]; do e2e_keys Down; _i=$((_i + 1)); done
}

e2e_demo
e2e_start
e2e_wait "Trang chính" || { done_testing; exit 1; }
e2e_keys 2
e2e_wait "08-KH/ĐU"
e2e_keys Enter
e2e_wait "Kế hoạch yêu cầu"; ok $? "the seed plan 08-KH/ĐU opens"

# The last but one session: Vĩnh Lộc's, planned for 06/05, nobody marked.
e2e_keys End Up e
e2e_wait "Sửa buổi học"; ok $? "e edits the session under the cursor"
e2e_fits "session edit form"
e2e_wait "Nhà văn hóa ấp Vĩnh Lộc"; ok $? "the form holds the session's own values"
e2e_keys Down C-u '07/05/2021' F2
e2e_wait "Đã lưu buổi học"; ok $? "the new date is saved"
e2e_wait "07/05/2021 Chi bộ ấp Vĩnh Lộc"; ok $? "and listed"

e2e_keys Enter
e2e_wait "Có mặt: 0 "; ok $? "its attendance opens, nobody marked"
total=$(e2e_screen | sed -n 's/.*Tổng: \([0-9]*\).*/\1/p')
e2e_keys a
e2e_wait "Có mặt: $total "; ok $? "a marks all $total present, asking nothing"
e2e_wait "Chưa điểm danh: 0"; ok $? "nobody is left unmarked"
# Two marks cleared, then the second marked absent: one left unmarked.
e2e_keys x x
e2e_wait "Chưa điểm danh: 2"
e2e_keys Up v 'Ốm' Enter
e2e_wait "Vắng: 1"
e2e_wait "Chưa điểm danh: 1"
e2e_keys a
e2e_wait "Ghi có mặt cho 1 người chưa điểm danh?"; ok $? "with marks made, a asks first"
e2e_keys c
e2e_wait "Có mặt: $((total - 1)) "; ok $? "it fills only the unmarked"
e2e_wait "Vắng: 1"; ok $? "the absence stays"

e2e_keys Escape
e2e_wait "$((total - 1))/1/0"; ok $? "the session lists the counts"
e2e_keys x
e2e_wait "Xóa buổi học này và $total lượt điểm danh?"; ok $? "deleting asks, saying what goes with it"
e2e_keys k
e2e_wait "07/05/2021 Chi bộ ấp Vĩnh Lộc"; ok $? "k keeps it"
e2e_keys x
e2e_wait "Xóa buổi học này"
e2e_keys c
e2e_wait "Đã xóa buổi học"; ok $? "c deletes it"
e2e_wait_gone "07/05/2021 Chi bộ ấp Vĩnh Lộc"; ok $? "it has left the list"

e2e_keys i
e2e_wait "Các buổi học kế hoạch yêu cầu"; ok $? "i lists the plan's items"
e2e_keys Enter
e2e_wait "Sửa buổi học kế hoạch yêu cầu"; ok $? "Enter edits an item"
e2e_keys C-u 'Sinh hoạt chi bộ chuyên đề (đã sửa)' F2
e2e_wait "Đã lưu mục của kế hoạch"; ok $? "the item is saved"
e2e_wait "Sinh hoạt chi bộ chuyên đề (đã sửa)"; ok $? "and listed as edited"
e2e_keys F9
e2e_wait "Xóa mục này? 7 buổi học"; ok $? "F9 asks, saying the sessions that followed it"
e2e_keys c
e2e_wait "Đã xóa mục"; ok $? "the item is removed"
e2e_wait "chưa có mục nào"; ok $? "the plan asks nothing now"
e2e_keys Up Down End
e2e_wait "chưa có mục nào"; ok $? "moving on the empty list is harmless"

e2e_keys Escape Escape
e2e_wait "Trích yếu"
e2e_keys Home
e2e_wait "08-KH/ĐU"
goto_row '08-KH/ĐU'
e2e_keys e
e2e_wait "Sửa văn bản"; ok $? "e edits the commune's own plan"
e2e_keys Down Down Down Down Down C-u 'Kế hoạch học tập đã sửa' F2
e2e_wait "Đã lưu văn bản"; ok $? "the document is saved"
e2e_wait "Kế hoạch học tập đã sửa"; ok $? "and listed with its new title"
goto_row '13-KH/TU'
e2e_keys e
e2e_wait "Văn bản của cấp trên: chỉ xem"; ok $? "the province's plan is read-only"
goto_row '08-KH/ĐU'
e2e_keys x
e2e_wait "theo văn bản này: không xóa được"; ok $? "a plan with sessions recorded is not deleted, and the clerk is told why"

e2e_keys Escape
e2e_wait "Trang chính"
e2e_keys 1
e2e_wait "Họ và tên"
# Found by name, whatever order the list is in.
e2e_keys / 'bui cong vu' Enter
e2e_wait "Tìm: bui cong vu"
e2e_keys e
e2e_wait "Sửa"; ok $? "e edits a member"
e2e_keys End ' Sửa' F2
e2e_wait "Bùi Công Vũ Sửa"; ok $? "the edited name is listed"
e2e_keys e
e2e_wait "Tình trạng:"
e2e_keys Down Down x
e2e_wait "Ô này chọn bằng"; ok $? "a letter typed on a selector is refused visibly"
e2e_keys Escape c
e2e_wait_gone "Tình trạng:"
e2e_keys x
e2e_wait "Xóa đảng viên Bùi Công Vũ Sửa (chưa có điểm danh"; ok $? "a member with no record is deleted after a question"
e2e_keys k
e2e_wait_gone "Xóa đảng viên"
e2e_keys Escape / 'chau cong tuan' Enter
e2e_wait "Tìm: chau cong tuan"
e2e_keys x
e2e_wait "thu hoạch: không xóa được; hãy đổi tình trạng (e)"; ok $? "a member with attendance is not deleted; a status change is suggested"
e2e_keys Escape Escape
e2e_wait "Trang chính"

e2e_keys 4
e2e_wait "BÁO CÁO TỔNG HỢP"
e2e_keys Right Right Right
e2e_wait "Đơn vị: < Chi bộ ấp Vĩnh Phước >"
e2e_keys F8
e2e_wait "Chốt báo cáo?"
e2e_keys c
e2e_wait "ĐÃ CHỐT 10/05/2021"; ok $? "the report is made final"
e2e_keys F9
e2e_wait "Lý do mở lại"; ok $? "F9 asks why it is reopened"
e2e_keys 'Sót bài của một đồng chí' Enter
e2e_wait "Đã mở lại báo cáo"; ok $? "the report is reopened"
e2e_wait "Đợt 1 - Bản nháp"; ok $? "a draft again"
e2e_wait "mở lại, lý do: Sót bài của một đồng chí"; ok $? "the reason is in its history"
e2e_wait "chốt báo cáo"; ok $? "beside when it was made final"
e2e_quit

n=$(sqlite3 "$E2E_DB" "SELECT count(*) FROM attendance a JOIN session s ON
  s.id = a.session_id WHERE s.held_on = '2021-05-07'; SELECT count(*) FROM
  session WHERE held_on = '2021-05-07'" | tr '\n' ' ')
[ "$n" = "0 0 " ]; ok $? "the session and its attendance are gone ($n)"
# The session, its item, and every attendance row: the marks deleted with
# the session and the two cleared by x (whose places new rows took).
n=$(sqlite3 "$E2E_DB" "SELECT group_concat(n, ' ') FROM (SELECT count(*) AS n
  FROM sync_outbox WHERE op = 'del' GROUP BY tbl ORDER BY tbl)")
[ "$n" = "$((total + 2)) 1 1" ]; ok $? "each deleted row is queued for the province ($n)"
n=$(sqlite3 "$E2E_DB" "SELECT count(*) FROM tally_event WHERE action =
  'reopen' AND reason = 'Sót bài của một đồng chí'")
[ "$n" -eq 1 ]; ok $? "the reason is stored"
done_testing
