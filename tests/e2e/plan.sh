#!/bin/sh
# The commune writes its own plan: the document, then a session it asks
# the cells to hold with a deadline; wrong dates are refused on the form.
. "$top_srcdir/tests/e2e/lib.sh"

e2e_demo
e2e_start
e2e_wait "Trang chính"
e2e_keys 2
e2e_wait "08-KH/ĐU"
e2e_keys F4
e2e_wait "Thêm kế hoạch, văn bản"; ok $? "F4 opens a new plan"
e2e_fits "document form"
e2e_keys '12-KH/ĐU' Down Down 'Đảng ủy xã Vĩnh Hòa Hiệp' Down 'Vĩnh Hòa Hiệp' \
    Down '30/2/2022' Down 'Học tập Nghị quyết số 18-NQ/TW' Down Right F2
e2e_wait "không tồn tại"; ok $? "a date that does not exist is refused"
e2e_keys C-u '01/07/2022' F2
e2e_wait "Đã lưu văn bản"; ok $? "the plan is saved"
e2e_wait "12-KH/ĐU       01/07/2022"; ok $? "and listed first"
e2e_keys F4
e2e_wait "Thêm kế hoạch, văn bản"
e2e_keys '12-KH/ĐU' Down Down 'Đảng ủy' Down Down '2/7/2022' Down 'Trùng số' F2
e2e_wait "Đơn vị đã có văn bản mang số này"; ok $? "a number the unit already used is refused"
e2e_keys Escape c
e2e_wait_gone "Thêm kế hoạch"
e2e_keys Home Enter
e2e_wait "Kế hoạch yêu cầu: chưa ghi"; ok $? "the new plan asks nothing yet"
e2e_wait "Thực hiện: 08-KH/ĐU"; ok $? "it carries out the plan chosen as parent"
e2e_keys F7
e2e_wait "chưa có mục nào"; ok $? "F7 lists what the plan asks"
e2e_keys F4
e2e_wait "Thêm buổi học kế hoạch yêu cầu"; ok $? "F4 adds an item"
e2e_fits "plan item form"
e2e_keys 'Sinh hoạt chi bộ chuyên đề' Down Down Down '15/6/2022' F2
e2e_wait "trước ngày ban hành"; ok $? "a deadline before the plan's date is refused"
e2e_keys C-u '31/8/2022' F2
e2e_wait "31/08/2022"; ok $? "the item is listed"
e2e_keys Escape
e2e_wait "hạn 31/08/2022"; ok $? "the session asked for is listed with its deadline"
e2e_quit
done_testing
