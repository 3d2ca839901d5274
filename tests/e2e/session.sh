#!/bin/sh
# Schedule a session for a seed plan, mark a whole cell's attendance, and
# plan a make-up session for the one who was absent; its attendance
# cannot be taken before its day.
. "$top_srcdir/tests/e2e/lib.sh"

e2e_seed_plan; ok $? "the seed plan 08-KH/ĐU opens"

e2e_keys F4
e2e_wait "Thêm buổi học"; ok $? "F4 opens the session form"
# It opens on the title; up to the unit: the first cell, which brings the
# plan's cell session (deadline 15/05/2021) and its title, typed anew.
e2e_keys Up Up Right Down Down C-u 'Sinh hoat chuyen de thang 5' Down '20/05/2021' F2
e2e_wait "trước ngày học"; ok $? "a date after the plan's deadline is refused on the form"
e2e_keys C-u '31/02/2021' F2
e2e_wait "không tồn tại"; ok $? "31/02/2021 is refused with the reason shown"
e2e_keys C-u '9/5/2021' F2
e2e_wait "Đã lưu buổi học"; ok $? "a valid session is saved"
e2e_wait "09/05/2021 Chi bộ ấp Vĩnh Hòa"; ok $? "and listed with its date and cell"

e2e_keys End Enter
e2e_wait "Chưa điểm danh"; ok $? "Enter opens its attendance"
total=$(e2e_screen | sed -n 's/.*Tổng: \([0-9]*\).*/\1/p')
[ "${total:-0}" -gt 5 ]; ok $? "the whole cell is listed ($total members)"
e2e_keys v
e2e_wait "Lý do vắng"; ok $? "v asks the reason for an absence"
e2e_keys 'om' Enter
e2e_wait "Vắng: 1"; ok $? "the absence is counted"
e2e_tmux send-keys -N $((total - 1)) c
e2e_wait "Có mặt: $((total - 1))"; ok $? "one key a member marks the rest present"
e2e_wait "Chưa điểm danh: 0"; ok $? "nobody is left unmarked"

e2e_keys F8
e2e_wait "Lên lịch học bù"; ok $? "F8 plans a make-up session"
e2e_wait "Học bù: Sinh hoat"; ok $? "prefilled from the session"
# It opens on the date: what is typed first is the date.
e2e_keys '24/05/2021' F2
e2e_wait "Đã lưu buổi học"; ok $? "the make-up session is saved"
e2e_keys Escape
e2e_wait "24/05/2021"; ok $? "it is listed"
e2e_keys End Enter
e2e_wait "Tổng: 1"; ok $? "the make-up session expects only the absent member"
# Today is 10/05/2021: the make-up of 24/05 has not taken place.
e2e_keys c
e2e_wait "Buổi học ngày 24/05/2021 chưa diễn ra (hôm nay 10/05/2021)"
ok $? "attendance for a session after today is refused, saying why"
e2e_keys a
e2e_wait "Chưa điểm danh: 1"; ok $? "marking everyone present is refused too: nobody is marked"
e2e_quit
done_testing
