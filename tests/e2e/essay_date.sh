#!/bin/sh
# A plan whose essays are due by a fixed date ("Bài thu hoạch: Đến ngày",
# the date as the plan writes it): before that day no essay is late,
# however long ago the member studied; the day after, every essay not
# handed in by a member who studied is (docs/deadlines.md).
. "$top_srcdir/tests/e2e/lib.sh"


e2e_demo
e2e_start
e2e_wait "Trang chính" || { done_testing; exit 1; }
e2e_wait "Bài thu hoạch còn thiếu"
before=$(e2e_home_late)
[ "${before:-0}" -gt 0 ]; ok $? "7 days after the sessions, essays are late ($before)"
e2e_keys 2
e2e_wait "08-KH/ĐU"
e2e_keys Home e
e2e_wait "Sửa văn bản"; ok $? "e edits the commune's plan 08-KH/ĐU"
e2e_keys Down Down Down Down Down Down Down Tab Right Right Right
e2e_wait "Bài thu hoạch: < Đến ngày >"; ok $? "'Đến ngày' can be chosen"
e2e_keys Down Down
e2e_wait "Nộp đến ngày"
e2e_keys F2
e2e_wait "Ghi ngày phải nộp thu hoạch"; ok $? "a fixed date needs its day"
e2e_keys 'trước ngày 12/5/2021'
e2e_fits "document form with a fixed essay date"
e2e_keys F2
e2e_wait "Đã lưu văn bản"; ok $? "the plan is saved"
e2e_keys Enter
e2e_wait "Thu hoạch: đến 11/05/21 "
ok $? "the plan says essays are due by 11/05 ('before 12/05': the 11th)"
e2e_keys Escape Escape
e2e_wait "Trang chính"
e2e_wait "Bài thu hoạch còn thiếu"
is "$(e2e_home_late)" 0 "on 10/05 Home counts no essay late"
e2e_keys 3
e2e_wait "Bài thu hoạch - 08-KH/ĐU"
e2e_wait "Phải viết 11/05/21"; ok $? "the essay screen gives 11/05 as the due day"
e2e_quit

QUANTRIET_TODAY=2021-05-12
e2e_start
e2e_wait "Trang chính"
e2e_wait "Bài thu hoạch còn thiếu"
after=$(e2e_home_late)
[ "${after:-0}" -gt 0 ]; ok $? "on 12/05 the essays not handed in are late ($after)"
e2e_quit
n=$(sqlite3 "$E2E_DB" "SELECT r.kind || ' ' || r.due_on FROM essay_rule r
    JOIN document d ON d.id = r.document_id WHERE d.number = '08-KH/ĐU'")
is "$n" "date 2021-05-11" "stored as a fixed date, its last day"
done_testing
