#!/bin/sh
# The essay tally report: counts computed, a cell chosen from the list,
# the assessment edited (offered back at the next start after a dropped
# session), marked final after a confirmation and read-only afterwards;
# LANG=C fits 80x24.
. "$top_srcdir/tests/e2e/lib_essay.sh"

e2e_demo
e2e_start
e2e_wait "Trang chính" || { done_testing; exit 1; }
e2e_keys 4
e2e_wait "BÁO CÁO TỔNG HỢP BÀI THU HOẠCH"; ok $? "4 opens the tally report"
e2e_wait "Đơn vị: < Đảng bộ xã Vĩnh Hòa Hiệp >"; ok $? "of the commune, summing its cells"
e2e_wait "1. Tổng số đảng viên: 144"; ok $? "item 1 counted, not typed"
e2e_wait "- Hưu trí: 9"; ok $? "item 4 broken down by reason"
e2e_wait "Đợt 1 - Bản nháp"; ok $? "round 1, a draft"

# The cell with a draft report in the demo.
e2e_keys Right Right Right
e2e_wait "Đơn vị: < Chi bộ ấp Vĩnh Phước >"; ok $? "Right chooses a cell"
e2e_wait "Đa số đảng viên viết thu hoạch nghiêm túc"; ok $? "its saved assessment is shown"
e2e_keys End
e2e_wait "T/M CHI ỦY CHI BỘ - BÍ THƯ:"; ok $? "End: signed for the cell committee"
e2e_keys Home
e2e_wait "1. Tổng số đảng viên: 31"; ok $? "Home: back to the top"

e2e_keys F5
e2e_wait "5. Nhận xét đánh giá:"; ok $? "F5 opens the text of the report, items worded as the printed form"
e2e_keys C-u 'Bài viết nghiêm túc, sát thực tế'
e2e_wait "5. Nhận xét đánh giá: Bài viết nghiêm túc, sát thực tế"
kill -HUP "$(e2e_pid)"
e2e_wait "EXITED"; ok $? "SIGHUP ends the program while typing"
e2e_start
e2e_wait "Khôi phục nội dung đang nhập dở: "; ok $? "the next start offers the report back"
e2e_keys c
e2e_wait "5. Nhận xét đánh giá: Bài viết nghiêm túc, sát thực tế"; ok $? "with what was typed"
e2e_keys Down 'Đề nghị hỗ trợ tài liệu' F2
e2e_wait "Đã lưu báo cáo"; ok $? "the text is saved"
e2e_wait "Trang chính"
e2e_keys 4
e2e_wait "BÁO CÁO TỔNG HỢP"
e2e_keys Right Right Right
e2e_wait "Đơn vị: < Chi bộ ấp Vĩnh Phước >"
e2e_wait "    Bài viết nghiêm túc, sát thực tế"; ok $? "item 5 shows it"
e2e_wait "    Đề nghị hỗ trợ tài liệu"; ok $? "item 6 too"

e2e_keys F8
e2e_wait "Chốt báo cáo? Còn việc dở ở trên; chốt là nộp lên cấp trên"; ok $? "F8 asks before marking final, pointing at what is still open"
e2e_keys k
e2e_wait "Đợt 1 - Bản nháp"; ok $? "k keeps it a draft"
e2e_keys F8
e2e_wait "Chốt báo cáo?"
e2e_keys c
e2e_wait "Đã chốt báo cáo"; ok $? "c marks it final"
e2e_wait "Đợt 1 - ĐÃ CHỐT 10/05/2021"; ok $? "final as of today"
e2e_wait "(số liệu lúc chốt báo cáo"; ok $? "the counts are the snapshot"
e2e_keys F5
e2e_wait "Báo cáo đã chốt; muốn sửa, mở lại bằng F9"; ok $? "a final report cannot be edited (F9 reopens it)"

e2e_keys F6
e2e_wait "Đợt báo cáo (1-12)"; ok $? "F6 asks for the round"
e2e_keys C-u 2 Enter
e2e_wait "Đợt 2 - Bản nháp"; ok $? "round 2 is a report of its own"
e2e_keys F6
e2e_wait "Đợt báo cáo (1-12)"
e2e_keys C-u 13 Enter
e2e_wait "Đợt phải là một số từ 1 đến 12"; ok $? "round 13 is refused"
e2e_keys Q
e2e_wait "EXITED 0"

e2e_start
e2e_wait "Trang chính"
e2e_keys 4
e2e_wait "BÁO CÁO TỔNG HỢP"
e2e_keys Right Right Right
e2e_wait "Đợt 1 - ĐÃ CHỐT 10/05/2021"; ok $? "still final after a restart"
e2e_keys Q
e2e_wait "EXITED 0"

# LANG=C: unaccented, aligned, within 80x24.
e2e_start C
e2e_wait "Trang chinh"
e2e_keys 4
e2e_wait "BAO CAO TONG HOP BAI THU HOACH"; ok $? "LANG=C: the report unaccented"
e2e_wait "3. So dang vien viet thu hoach:"; ok $? "LANG=C: item 3"
e2e_fits "tally (C)"
is "$(e2e_screen | LC_ALL=C tr -d '\000-\177' | wc -c)" 0 "tally (C): only ASCII"
e2e_keys F5
e2e_wait "5. Nhan xet danh gia:"; ok $? "LANG=C: the report's form"
e2e_fits "tally form (C)"
e2e_keys Escape
e2e_wait "BAO CAO TONG HOP"
e2e_keys Q
e2e_wait "EXITED 0"
done_testing
