#!/bin/sh
# Esc after a search brings back the page and the row the clerk was on,
# as they are in the database now; PgUp after PgDn shows the same rows.
. "$top_srcdir/tests/e2e/lib.sh"

SQLRUN=$top_builddir/tests/sync/sqlrun
[ -x "$SQLRUN" ] || skip_all "chưa dựng tests/sync/sqlrun"

# list_rows: the list's lines of the members screen (under its rule).
list_rows() {
	e2e_screen | sed -n '5,22p'
}

# current_member: the name in the form Enter opens on the selected row
# (Esc closes it again).
current_member() {
	e2e_keys Enter
	e2e_wait "Sửa thông tin đảng viên: " >/dev/null
	e2e_screen | sed -n 's/.*Sửa thông tin đảng viên: \(.*[^ ]\)  *[0-9/]*$/\1/p' |
	    head -n 1
	e2e_keys Escape
	e2e_wait "Chi bộ: <" >/dev/null
}

e2e_demo
e2e_start
e2e_wait "Trang chính"
e2e_keys 1
e2e_wait "Họ và tên"; ok $? "1 opens the members"
first=$(list_rows)
e2e_keys NPage
e2e_until sh -c '[ "$(tmux -L "$1" capture-pane -p | sed -n 5p)" != "$2" ]' \
    - "$E2E_SOCKET" "$(printf '%s\n' "$first" | head -n 1)"
ok $? "PgDn shows the next page"
e2e_keys Down Down
sleep 0.2
page=$(list_rows)
name=$(current_member)
[ -n "$name" ]; ok $? "the selected member is $name"

e2e_keys / 'tran' Enter
e2e_wait "Tìm: tran"; ok $? "a search replaces the page"
e2e_keys Escape
e2e_wait_gone "Tìm: tran"; ok $? "Esc drops the search"
e2e_until sh -c '[ "$(tmux -L "$1" capture-pane -p | sed -n 5,22p)" = "$2" ]' \
    - "$E2E_SOCKET" "$page"
ok $? "Esc brings back the page shown before the search"
[ "$(current_member)" = "$name" ]; ok $? "on the same row"

e2e_keys PPage
e2e_until sh -c '[ "$(tmux -L "$1" capture-pane -p | sed -n 5,22p)" = "$2" ]' \
    - "$E2E_SOCKET" "$first"
ok $? "PgUp after PgDn shows the first page again"
e2e_keys NPage
e2e_until sh -c '[ "$(tmux -L "$1" capture-pane -p | sed -n 5,22p)" = "$2" ]' \
    - "$E2E_SOCKET" "$page"
ok $? "and PgDn the same second page"

# Written while the search is shown (by another program: a sync): Esc
# shows the page as it is now, not as it was kept.
e2e_keys / 'tran' Enter
e2e_wait "Tìm: tran"
"$SQLRUN" "$E2E_DB" "UPDATE member SET position = 'Tổ trưởng mới'
  WHERE full_name = '$name'" >/dev/null
e2e_keys Escape
e2e_wait "Tổ trưởng mới"; ok $? "a change made during the search shows after Esc"
[ "$(current_member)" = "$name" ]; ok $? "still on the same row"
e2e_fits "members after a search"
e2e_quit
done_testing
