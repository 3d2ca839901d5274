#!/bin/sh
# A draft belongs to the database and the record it was typed for: one
# typed in x1.db is never offered in x2.db (nor saved there), and one of
# editing a member comes back for that member only, never for another
# member or a new one.
. "$top_srcdir/tests/e2e/lib.sh"

SQLRUN=$top_builddir/tests/sync/sqlrun
STATE="$XDG_STATE_HOME/quantriet"

program_pid() {
	ps -o pid= --ppid "$(e2e_tmux display-message -p '#{pane_pid}')" | tr -d ' '
}

# named NAME: how many members of $E2E_DB are called NAME.
named() {
	"$SQLRUN" "$E2E_DB" "SELECT count(*) FROM member WHERE full_name = '$1'"
}

# new_member: Home -> members -> the form of a new member.
new_member() {
	e2e_keys 1
	e2e_wait "Họ và tên" && e2e_keys F4 && e2e_wait "Thêm đảng viên"
}

# no_offer: Home is up and asks nothing about a draft.
no_offer() {
	e2e_wait "Trang chính" || return 1
	sleep 1
	! e2e_screen | grep -q "Khôi phục"
}

X1="$TAP_TMP/x1.db"
X2="$TAP_TMP/x2.db"
"$QUANTRIET" demo --db "$X1" >/dev/null
"$QUANTRIET" demo --db "$X2" >/dev/null

# The measured case: a member typed in x1.db, the terminal closed.
E2E_DB=$X1
e2e_start
e2e_wait "Trang chính"
new_member
e2e_keys 'Tran Van A'
e2e_wait "Họ và tên: Tran Van A"
kill -HUP "$(program_pid)"
e2e_wait "EXITED"; ok $? "x1.db: the terminal closes while typing"

E2E_DB=$X2
e2e_start
no_offer; ok $? "x2.db does not offer the draft typed in x1.db"
new_member
e2e_screen | grep -q "Tran Van A"
[ $? -ne 0 ]; ok $? "x2.db: a new member form starts empty"
e2e_keys Escape
e2e_wait_gone "Thêm đảng viên"
e2e_quit
[ "$(named 'Tran Van A')" = 0 ]; ok $? "nothing of it is saved into x2.db"

E2E_DB=$X1
e2e_start
e2e_wait "Khôi phục nội dung đang nhập dở: Thêm đảng viên?"
ok $? "x1.db offers it back, saying which form it was"
e2e_keys c
e2e_wait "Họ và tên: Tran Van A"; ok $? "x1.db: the form comes back"
e2e_keys F2
e2e_wait "Đã lưu"; ok $? "and saves"
e2e_quit
[ "$(named 'Tran Van A')" = 1 ]; ok $? "into x1.db"

# A copy of x1.db (the same database id) keeps its drafts apart.
X3="$TAP_TMP/x3.db"
cp "$X1" "$X3"
e2e_start
new_member
e2e_keys 'Do Thi Ban Sao'
e2e_wait "Họ và tên: Do Thi Ban Sao"
kill -HUP "$(program_pid)"
e2e_wait "EXITED"
E2E_DB=$X3
e2e_start
no_offer; ok $? "a copy of x1.db does not offer x1.db's draft"
e2e_quit
# Moved: nothing is left at the old path, so the draft follows the file.
mv "$X1" "$TAP_TMP/moved.db"
E2E_DB="$TAP_TMP/moved.db"
e2e_start
e2e_wait "Khôi phục nội dung đang nhập dở trên tệp x1.db: Thêm đảng viên?"
ok $? "a moved database offers its draft, naming the file it was typed in"
e2e_keys k
e2e_wait_gone "Khôi phục"
e2e_quit

# The record: a draft of editing one member.
E2E_DB=$X2
e2e_start
e2e_wait "Trang chính"
e2e_keys 1
e2e_wait "Họ và tên"
e2e_keys /
e2e_wait "Tìm"
e2e_keys 'bui van luan' Enter
e2e_wait "Bùi Văn Luân"
e2e_keys F5
e2e_wait "Sửa thông tin đảng viên: Bùi Văn Luân"
e2e_keys Down Down Down C-u 'Trưởng ấp'
e2e_wait "Chức vụ: Trưởng ấp"
kill -HUP "$(program_pid)"
e2e_wait "EXITED"
luan=$(ls "$STATE"/draft-*-member_form-7500000000000096.txt 2>/dev/null)
[ -s "$luan" ]; ok $? "the draft is kept under that member"
cp "$luan" "$TAP_TMP/luan.draft"
e2e_start
e2e_wait "Khôi phục nội dung đang nhập dở: Sửa thông tin đảng viên: Bùi Văn Luân?"
ok $? "Home offers it with the member it was for"
e2e_keys k
e2e_wait_gone "Khôi phục"
[ ! -e "$luan" ]; ok $? "declined, it is deleted"
# The same draft left again (another session of this clerk dropped).
cp "$TAP_TMP/luan.draft" "$luan"
e2e_keys 1
e2e_wait "Họ và tên"
e2e_keys /
e2e_wait "Tìm"
e2e_keys 'bui van quang' Enter
e2e_wait "Bùi Văn Quang"
e2e_keys F5
e2e_wait "Sửa thông tin đảng viên: Bùi Văn Quang"
e2e_wait "Chức vụ: Thợ hồ"; ok $? "another member's form shows its own data"
e2e_screen | grep -q "Trưởng ấp\|khôi phục"
[ $? -ne 0 ]; ok $? "and nothing of the draft"
e2e_keys Escape
e2e_wait_gone "Sửa thông tin"
e2e_keys F4
e2e_wait "Thêm đảng viên"
e2e_screen | grep -q "Trưởng ấp\|khôi phục"
[ $? -ne 0 ]; ok $? "a new member's form takes nothing of it either"
e2e_keys Escape
e2e_wait_gone "Thêm đảng viên"
e2e_keys /
e2e_wait "Tìm"
e2e_keys C-u 'bui van luan' Enter
e2e_wait "Bùi Văn Luân"
e2e_keys F5
e2e_wait "Đã khôi phục nội dung đang nhập dở"
ok $? "editing that member again puts the draft back, saying so"
e2e_wait "Chức vụ: Trưởng ấp"; ok $? "with what was typed"
e2e_keys F2
e2e_wait "Đã lưu"
e2e_quit
[ "$("$SQLRUN" "$E2E_DB" "SELECT position FROM member WHERE id = 7500000000000096")" = "Trưởng ấp" ]
ok $? "the change is saved to that member"
[ "$("$SQLRUN" "$E2E_DB" "SELECT position FROM member WHERE id = 7500000000000111")" = "Thợ hồ" ]
ok $? "and to no other"
[ ! -e "$luan" ]; ok $? "a saved form deletes its draft"
done_testing
