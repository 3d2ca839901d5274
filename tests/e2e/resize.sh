#!/bin/sh
# The window changes size while a question waits on the message line: what
# is typed is kept, and the screen that asked goes on with the right row
# (the reason for an absence once went to freed memory).
. "$top_srcdir/tests/e2e/lib.sh"

e2e_seed_plan || { done_testing; exit 1; }
e2e_wait "08/05/2021"
e2e_keys End Enter
e2e_wait "Chưa điểm danh"; ok $? "the make-up session of 08/05/2021 opens for attendance"
e2e_keys v
e2e_wait "Lý do vắng"
e2e_tmux resize-window -x 100 -y 40
e2e_wait "Lý do vắng"
e2e_keys 'om nang' Enter
e2e_wait "Vắng: 1"; ok $? "an absence asked before a resize is recorded after it"
e2e_wait "om nang"; ok $? "with the reason typed"

e2e_keys v
e2e_wait "Lý do vắng"
e2e_tmux resize-window -x 40 -y 10
e2e_wait "quá nhỏ"; ok $? "too small a window says so under the question"
e2e_tmux resize-window -x 80 -y 24
e2e_keys 'di xa' Enter
e2e_wait "Vắng: 2"; ok $? "the question outlives a window too small"
e2e_wait "di xa"; ok $? "and keeps its reason"
e2e_quit
done_testing
