#!/bin/sh
# What is typed in a form survives a resize, a dropped SSH session
# (SIGHUP) and, up to the last moments, a SIGKILL.
. "$top_srcdir/tests/e2e/lib.sh"

e2e_demo
e2e_start
e2e_wait "Trang chính"
e2e_new_member 'Lê Thị Mỹ Duyên'
ok $? "a name typed through the terminal's input method"

e2e_tmux resize-window -x 60 -y 20
e2e_wait "Cửa sổ quá nhỏ"; ok $? "a small window shows a notice, not garbage"
e2e_tmux resize-window -x 80 -y 24
e2e_wait "Họ và tên: Lê Thị Mỹ Duyên"; ok $? "the typed text survives the resize"
e2e_tmux resize-window -x 100 -y 30
e2e_wait "Họ và tên: Lê Thị Mỹ Duyên"; ok $? "and a larger window"
e2e_tmux resize-window -x 80 -y 24

kill -HUP "$(e2e_pid)"
e2e_wait "EXITED"; ok $? "SIGHUP ends the program"
[ -s "$(e2e_member_draft)" ]; ok $? "and leaves a draft"
e2e_start
e2e_wait "Khôi phục nội dung đang nhập dở: Thêm đảng viên?"; ok $? "the next start offers it back"
e2e_keys c
e2e_wait "Họ và tên: Lê Thị Mỹ Duyên"; ok $? "the form comes back with the text"
e2e_keys Escape
e2e_wait "Bỏ những gì vừa nhập?"; ok $? "Esc on a changed form asks first"
e2e_keys c
e2e_wait_gone "Thêm đảng viên"; ok $? "a cancelled form closes"
[ ! -e "$(e2e_member_draft)" ]; ok $? "and deletes its draft"

# Periodic drafts: a SIGKILL loses at most the last seconds.
e2e_new_member 'Phan Văn Khỏe'
_end=$(( $(date +%s) + E2E_TIMEOUT ))
while [ ! -s "$(e2e_member_draft)" ] && [ "$(date +%s)" -le "$_end" ]; do sleep 0.1; done
grep -q 'Phan Văn Khỏe' "$(e2e_member_draft)"; ok $? "a pause in typing writes the draft"
kill -KILL "$(e2e_pid)"
e2e_wait "EXITED"
e2e_start
e2e_wait "Khôi phục nội dung đang nhập dở: Thêm đảng viên?"
e2e_keys c
e2e_wait "Họ và tên: Phan Văn Khỏe"; ok $? "what was typed before a SIGKILL comes back"
e2e_keys F2
e2e_wait "Đã lưu"; ok $? "the restored form saves"
[ ! -e "$(e2e_member_draft)" ]; ok $? "a saved form deletes its draft"
e2e_quit
done_testing
