#!/bin/sh
# A plan that asks for no essay: set on the plan's form ("Bài thu hoạch:
# Không viết"), after which Home counts no essay missing, the essay
# screen shows nobody late or due, and the tally none missing or late.
. "$top_srcdir/tests/e2e/lib.sh"


e2e_demo
e2e_start
e2e_wait "Trang chính" || { done_testing; exit 1; }
e2e_wait "Bài thu hoạch còn thiếu"
before=$(e2e_home_late)
[ "${before:-0}" -gt 0 ]; ok $? "the demo's plan has essays missing ($before)"
e2e_keys 2
e2e_wait "08-KH/ĐU"
e2e_screen > "$TAP_TMP/plans"
row=$(grep -n -- "08-KH/ĐU" "$TAP_TMP/plans" | head -1 | cut -d: -f1)
e2e_keys Home
i=4
while [ "$i" -lt "${row:-4}" ]; do e2e_keys Down; i=$((i + 1)); done
e2e_keys e
e2e_wait "Sửa văn bản"; ok $? "e edits the commune's plan 08-KH/ĐU"
e2e_wait "Bài thu hoạch: < Theo cấp trên >"; ok $? "its essay rule is the one above"
e2e_keys Down Down Down Down Down Down Down Tab Right Right
e2e_wait "Bài thu hoạch: < Không viết >"; ok $? "'Không viết' can be chosen"
e2e_fits "document form with the essay rule"
e2e_keys F2
e2e_wait "Đã lưu văn bản"; ok $? "the plan is saved"
e2e_keys Enter
e2e_wait "Thu hoạch: không viết"; ok $? "the plan says it asks for no essay"
e2e_keys Escape Escape
e2e_wait "Trang chính"
e2e_wait "Bài thu hoạch còn thiếu"
is "$(e2e_home_late)" 0 "Home counts no essay missing"
e2e_keys 3
e2e_wait "Bài thu hoạch - 08-KH/ĐU"
e2e_wait "Miễn viết"; ok $? "the essay screen shows members exempt"
e2e_screen | sed '1,3d' | grep -q -e "Quá hạn" -e "Chưa nộp"
[ $? -ne 0 ]; ok $? "and nobody late or due"
# The tally of a round no report was made final in (a final report keeps
# the figures of the rule it was made under).
e2e_keys F8
e2e_wait "Báo cáo tổng hợp bài thu hoạch - 08-KH/ĐU"
e2e_keys F6
e2e_wait "Đợt báo cáo (1-12)"
e2e_keys C-u 2 Enter
e2e_wait "Đợt 2 - Bản nháp"
e2e_wait "Số đảng viên chưa viết thu hoạch: 0 (quá hạn: 0)"
ok $? "the tally counts no essay missing or late"
e2e_hides "chưa nộp bài thu hoạch"
ok $? "and does not ask for essays before it is made final"
e2e_quit
done_testing
