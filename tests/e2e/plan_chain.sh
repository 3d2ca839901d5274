#!/bin/sh
# The demo commune in Kiên Giang lists its own chain of plans, never Trà
# Vinh's; the other documents stay reachable as references (F6).
. "$top_srcdir/tests/e2e/lib.sh"

e2e_demo
e2e_start
e2e_wait "Trang chính"
e2e_wait "Kế hoạch đang thực hiện: 2"; ok $? "home counts the commune's two plans in progress"
# Trà Vinh's plans ask communes and cells for sessions long overdue (2020):
# they were counted as the commune's own.
e2e_wait "Buổi học chưa tổ chức              0"
ok $? "home counts no overdue session of another province's plans"
e2e_keys 2
e2e_wait "08-KH/ĐU"
e2e_wait "13-KH/TU"; ok $? "the plan list holds the commune's plan and the province's it carries out"
e2e_screen | grep -q "BTGTU\|BTGTXU\|42-HD/BTG"
[ $? -ne 0 ]; ok $? "and no plan of Trà Vinh"
e2e_fits "plan list"
e2e_keys F6
e2e_wait "Văn bản tham khảo"; ok $? "F6 shows the references"
e2e_wait "04-KH/BTGTU"; ok $? "Trà Vinh's plan is among them"
e2e_wait "05-KH/BTGTXU"; ok $? "and Duyên Hải's"
e2e_screen | grep -q "08-KH/ĐU"
[ $? -ne 0 ]; ok $? "the commune's plans are not repeated there"
e2e_keys Down Down Enter
e2e_wait "BTGTU"; ok $? "a reference opens like a plan"
e2e_keys Escape
e2e_wait "Văn bản tham khảo"
e2e_keys t
e2e_wait "Kế hoạch học tập, quán triệt"; ok $? "t goes back to the plans"
e2e_wait "08-KH/ĐU"
e2e_keys Escape
e2e_wait "Trang chính"
# The tally report offers the same plans to choose from.
e2e_keys 4
e2e_wait "Báo cáo"
for _i in 1 2 3; do
	e2e_keys k
	sleep 0.3
	e2e_screen | grep -q "BTGTU\|BTGTXU" && break
done
e2e_screen | grep -q "BTGTU\|BTGTXU"
[ $? -ne 0 ]; ok $? "the tally report never offers Trà Vinh's plans"
e2e_quit
done_testing
