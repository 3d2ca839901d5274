#!/bin/sh
# A plan read from its text file in the interface (Plans, F7 or p): every
# field shows with the line it came from, nothing is saved until F2, a
# field the program could not find is typed in before saving, Esc leaves
# without saving, and a plan already here is not imported twice.
. "$top_srcdir/tests/e2e/lib.sh"

plans="$top_srcdir/tests/data/plans"
count() {
	sqlite3 "$E2E_DB" "SELECT count(*) FROM document WHERE number = '$1'"
}

e2e_demo
e2e_start
e2e_wait "Trang chính" || { done_testing; exit 1; }
e2e_keys 2
e2e_wait "08-KH/ĐU"
e2e_keys p
e2e_wait "Tệp văn bản của kế hoạch"; ok $? "p on Plans asks for the plan's file"
e2e_keys "$TAP_TMP/none.txt" Enter
e2e_wait "không có tệp hoặc thư mục này"; ok $? "a missing file is refused, in Vietnamese"
e2e_shows "Kế hoạch học tập"; ok $? "and the Plans screen stays"

# Windows-1258 text of a district's guidance, not in the demo.
e2e_keys F7
e2e_wait "Tệp văn bản của kế hoạch"
e2e_keys "$plans/hd_phutan_cp1258.txt" Enter
e2e_wait "xem lại trước khi lưu"; ok $? "F7 reads the file into the review form"
e2e_shows "15-HD/BTGHU"; ok $? "its number is read"
e2e_shows "Chưa lưu gì"; ok $? "the form says nothing is saved yet"
e2e_shows "Dòng "; ok $? "the line the field came from is shown"
e2e_fits "review form"
e2e_keys Down Down Down Down Down Down Down Down Down
e2e_wait "Cách tổ chức: trực tuyến"
ok $? "the district's item says it is held online ('Hội nghị trực tuyến')"
e2e_keys Home
is "$(count 15-HD/BTGHU)" 0 "nothing is in the database before F2"
e2e_keys Escape
e2e_wait "không lưu gì?"; ok $? "Esc asks before dropping what was read"
e2e_keys n
e2e_wait "15-HD/BTGHU"; ok $? "no keeps the form"
e2e_keys Down Down Down Down
e2e_wait "Ngày ban hành"
e2e_keys e
e2e_wait "Ngày ban hành:"; ok $? "e edits the date row"
e2e_keys C-u "31/02/2022" Enter
e2e_wait "Ngày 31/02/2022 không tồn tại"
ok $? "an impossible date is refused with a message"
e2e_keys F2
e2e_wait "Đã lưu kế hoạch 15-HD/BTGHU"; ok $? "F2 saves the plan"
e2e_wait "Kế hoạch học tập"; ok $? "and goes back to the plans"
is "$(count 15-HD/BTGHU)" 1 "the plan is in the database once"
is "$(sqlite3 "$E2E_DB" "SELECT issued_on || ' ' || kind FROM document
    WHERE number = '15-HD/BTGHU'")" "2022-08-08 HD" "with its date and kind"
is "$(sqlite3 "$E2E_DB" "SELECT count(*) FROM plan_session p JOIN document d
    ON d.id = p.document_id WHERE d.number = '15-HD/BTGHU'
    AND p.deadline IS NOT NULL")" 3 "its three sessions, each with its last day"
is "$(sqlite3 "$E2E_DB" "SELECT group_concat(p.form, ' ') FROM (SELECT
    p.form FROM plan_session p JOIN document d ON d.id = p.document_id
    WHERE d.number = '15-HD/BTGHU' ORDER BY p.deadline) p")" \
    "online in_person in_person" "the district's held online, as its text says"
is "$(sqlite3 "$E2E_DB" "SELECT e.due_days FROM essay_rule e JOIN document d
    ON d.id = e.document_id WHERE d.number = '15-HD/BTGHU'")" 10 \
    "and its essay rule: 10 days after the session"

# The same file again: refused, nothing doubled.
e2e_keys p
e2e_wait "Tệp văn bản của kế hoạch"
e2e_keys "$plans/hd_phutan_cp1258.txt" Enter
e2e_wait "xem lại trước khi lưu"
e2e_keys F2
e2e_wait "đã có văn bản mang số này"; ok $? "the same plan twice is refused"
is "$(count 15-HD/BTGHU)" 1 "and not saved twice"
e2e_keys Escape
e2e_wait "không lưu gì?"
e2e_keys c
e2e_wait "Kế hoạch học tập"; ok $? "Esc, yes: back to the plans"

# A text without a number: refused until the clerk types one in.
e2e_keys p
e2e_wait "Tệp văn bản của kế hoạch"
e2e_keys "$plans/001_d3cba06d6dcc2201.txt" Enter
e2e_wait "xem lại trước khi lưu"
e2e_shows "(không thấy trong văn bản)"; ok $? "a field not found says so"
e2e_keys F2
e2e_wait "Chưa lưu: chưa có số văn bản"; ok $? "saving without a number is refused"
e2e_keys Home Enter
e2e_wait "Số:"
e2e_keys "99-KH/ĐU" Enter
e2e_wait "99-KH/ĐU"; ok $? "the number is typed in"
e2e_keys F2
e2e_wait "Chưa lưu: chưa có ngày ban hành"; ok $? "then the missing date is asked for"
e2e_keys Down Down Down Down e
e2e_wait "Ngày ban hành:"
e2e_keys "02/12/2020" Enter
e2e_wait "02/12/2020"; ok $? "the date is typed in"
e2e_keys F2
e2e_wait "Đã lưu kế hoạch 99-KH/ĐU"; ok $? "then the plan saves"
is "$(sqlite3 "$E2E_DB" "SELECT p.number FROM document d JOIN document p
    ON p.id = d.parent_id WHERE d.number = '99-KH/ĐU'")" "04-KH/BTGTU" \
    "linked to the plan above it that the database holds"
e2e_quit
done_testing
