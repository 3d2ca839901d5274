#!/bin/sh
# A deadline typed as the plan writes it ("quý II/2021") gets its last day
# (30/06/2021): the session it asks for is overdue on Home from 1/7/2021,
# not on 30/6/2021.
. "$top_srcdir/tests/e2e/lib.sh"

e2e_demo
e2e_home_overdue 2021-06-30 before_jun30
e2e_home_overdue 2021-07-01 before_jul1
QUANTRIET_TODAY=2021-04-20
e2e_start
e2e_wait "Trang chính"
e2e_keys 2
e2e_wait "08-KH/ĐU"
e2e_keys F4
e2e_wait "Thêm kế hoạch, văn bản"
e2e_keys '15-KH/ĐU' Down Down 'Đảng ủy xã Vĩnh Hòa Hiệp' Down 'Vĩnh Hòa Hiệp' \
    Down '01/04/2021' Down 'Kế hoạch học tập chuyên đề' Down Right F2
e2e_wait "Đã lưu văn bản"; ok $? "a plan dated 01/04/2021 is saved"
e2e_wait "15-KH/ĐU       01/04/2021"
e2e_keys Home
e2e_keys Enter
e2e_wait "Thực hiện: 08-KH/ĐU"
e2e_keys F7
e2e_wait "chưa có mục nào"
e2e_keys F4
e2e_wait "Thêm buổi học kế hoạch yêu cầu"
e2e_keys 'Sinh hoạt chuyên đề' Down Down Down Down 'trong tháng 13/2021' F2
e2e_wait "Không hiểu hạn"; ok $? "words with no time in them are refused"
e2e_keys C-u 'hoàn thành trong quý II/2021' F2
e2e_wait "30/06/2021"; ok $? "'quý II/2021' is listed with its last day 30/06/2021"
e2e_quit
e2e_home_overdue 2021-06-30 after_jun30
e2e_home_overdue 2021-07-01 after_jul1
echo "# overdue on Home: 30/6 $before_jun30 -> $after_jun30, 1/7 $before_jul1 -> $after_jul1"
[ -n "$after_jun30" ] && [ "$after_jun30" = "$before_jun30" ]
ok $? "on 30/06/2021 the session is not overdue yet"
[ -n "$after_jul1" ] && [ "$after_jul1" -gt "$before_jul1" ]
ok $? "on 01/07/2021 it is overdue"
done_testing
