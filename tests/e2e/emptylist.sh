#!/bin/sh
# Every movement key on a list with no rows leaves the program standing:
# the demo's plan 13-KH/TU has no session yet, and ↑ there was a crash.
# Nor does moving past the end of a list leave an empty screen.
. "$top_srcdir/tests/e2e/lib.sh"

e2e_demo
e2e_start
e2e_wait "Trang chính" || { done_testing; exit 1; }
e2e_keys 2
e2e_wait "13-KH/TU"
e2e_keys Down Enter
e2e_wait "chưa có buổi học nào"; ok $? "plan 13-KH/TU opens with no session"
for key in Up Down Home End PPage NPage Enter Tab BTab F8 b; do
	e2e_keys "$key"
done
# The sessions screen still answers: F1 opens help, Esc comes back to it.
e2e_keys F1
e2e_wait "Trợ giúp"; ok $? "after every movement key the program still answers"
e2e_keys Escape
e2e_wait "chưa có buổi học nào"; ok $? "and the empty session list is still there"
e2e_keys Escape
e2e_wait "08-KH/ĐU"; ok $? "Esc goes back to the plans"
e2e_keys F1
e2e_wait "Trợ giúp"
e2e_tmux send-keys -N 40 Down
e2e_wait "End: xuống cuối danh sách"
ok $? "Down in help stops while the last key is on the screen"
e2e_keys Escape
e2e_quit

# Deleting from the end of a long, scrolled list until it fits the screen:
# every row left is shown again, the cursor on the last.
cp "$E2E_DB" "$TAP_TMP/long.db"
E2E_DB="$TAP_TMP/long.db"
if sqlite3 "$E2E_DB" "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL
    SELECT n + 1 FROM c WHERE n < 20)
  INSERT INTO session(document_id, unit_id, title, held_on)
  SELECT s.document_id, s.unit_id, 'Buoi them ' || n,
    '2021-06-' || printf('%02d', n) FROM c, (SELECT document_id, unit_id
    FROM session WHERE document_id = (SELECT id FROM document
    WHERE number = '08-KH/ĐU') ORDER BY id LIMIT 1) s" 2>/dev/null; then
	: >"$TAP_TMP/stderr"
	e2e_start
	e2e_wait "Trang chính"
	e2e_keys 2
	e2e_wait "08-KH/ĐU"
	e2e_keys Enter End
	e2e_wait "Buoi them 20"
	i=0
	while [ $i -lt 16 ]; do
		e2e_keys x
		e2e_wait "Xóa buổi học này" >/dev/null
		e2e_keys c
		e2e_wait "Đã xóa buổi học" >/dev/null
		i=$((i + 1))
	done
	e2e_wait "Buoi them 4"; ok $? "after 16 deletes from the end the last row left is shown"
	e2e_wait "09/04/2021"; ok $? "and so is the first, now that all fit"
	e2e_keys Escape
	e2e_quit
fi

# A new, empty database: home has no menu to move in.
E2E_DB="$TAP_TMP/empty.db"
: >"$E2E_DB"
: >"$TAP_TMP/stderr"
e2e_start
e2e_wait "chưa có đơn vị nào"; ok $? "an empty database opens on home"
e2e_keys Up Down Down Enter 2 1
e2e_wait "chưa có đơn vị nào"; ok $? "movement keys on the empty home change nothing"
[ -z "$(e2e_screen | grep -F 'danh sách theo chi bộ')" ]
ok $? "no menu row is painted over the notice"
e2e_quit
done_testing
