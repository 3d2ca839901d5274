#!/bin/sh
# A name holding terminal escape sequences is shown as visible ^[ text and
# never acts on the terminal (no retitle, no clear screen).
. "$top_srcdir/tests/e2e/lib.sh"

e2e_demo
# The member is written through the program's own database code: the
# interface must cope with whatever another writer (sync, a script) stored.
cell=$(sqlite3 "$E2E_DB" "SELECT id FROM unit WHERE kind = 'cell' ORDER BY name_fold LIMIT 1" 2>/dev/null) ||
	skip_all "sqlite3 không có trên máy"
"$top_builddir/tests/sync/sqlrun" "$E2E_DB" "INSERT INTO member(id, unit_id, full_name, name_fold, status)
  VALUES (99, $cell, 'Aaa ' || char(27) || ']0;pwned' || char(7) || char(27) || '[2J' || char(27) || '[31mX',
  'aaa', 'active')"
e2e_start
e2e_wait "Trang chính"
e2e_tmux select-pane -T clean
e2e_keys 1
e2e_wait "Họ và tên"; ok $? "the members list opens"
e2e_wait 'Aaa ^[]0;pwned^G^[[2J^['; ok $? "the escape sequences are shown as ^[ text"
title=$(e2e_tmux display-message -p '#{pane_title}')
is "$title" "clean" "the pane title was not changed"
e2e_wait "Chi bộ: <"; ok $? "the screen was not cleared"
e2e_fits "members with a hostile name"
e2e_keys F5
e2e_wait 'Họ và tên: Aaa ^[]0;pwned^G^[[2J^[[31mX'; ok $? "and in full in the edit form"
e2e_keys Escape
e2e_quit
done_testing
