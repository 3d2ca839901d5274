#!/bin/sh
# PgDn shows the next page exactly as the database has it: each row's
# name, position and status in their columns, the cell against the right
# edge, the first row selected, headings and key bar untouched. The rows'
# last columns go out again whatever the terminal shows (list.c): it must
# then show what a full repaint (Ctrl-L) shows. In UTF-8 and in unaccented
# ASCII.
. "$top_srcdir/tests/e2e/lib.sh"

SQLRUN=$top_builddir/tests/sync/sqlrun
[ -x "$SQLRUN" ] || skip_all "chưa dựng tests/sync/sqlrun"

# The list's 18 lines of the members screen, under its rule.
ROWS=18
list_rows() {
	e2e_screen | sed -n "5,$((4 + ROWS))p"
}

# frame: the lines around the list (title, filter, headings, rule,
# message line, key bar).
frame() {
	e2e_screen | sed -n '1,4p;23,24p'
}

# page N COLUMNS: the rows of page N in member order, as SQL: COLUMNS
# picks what each row shows. A cell is named without the heading's
# "Chi bộ " (draw_cell_name).
page() {
	"$SQLRUN" "$E2E_DB" "WITH r AS (SELECT m.full_name AS name,
	  m.name_fold AS fold, m.position AS pos, s.name AS status,
	  iif(u.name LIKE 'Chi bộ _%', substr(u.name, 8), u.name) AS cell,
	  m.name_sort, m.id FROM member m
	  JOIN member_status s ON s.code = m.status
	  JOIN unit u ON u.id = m.unit_id)
	SELECT $2 FROM r ORDER BY name_sort, id
	LIMIT $ROWS OFFSET $(( ($1 - 1) * ROWS ))"
}

# The columns as drawn, each cut with an ellipsis to its width.
FIT="rtrim(printf(' %!-25s %!-16s %!-14s %!21s',
	  iif(length(name) > 25, substr(name, 1, 24) || '…', name),
	  iif(length(pos) > 16, substr(pos, 1, 15) || '…', pos),
	  iif(length(status) > 14, substr(status, 1, 13) || '…', status),
	  iif(length(cell) > 21, substr(cell, 1, 20) || '…', cell)))"

# selected LINE: 1 if the screen's line LINE shows the selection's colours.
selected() {
	e2e_tmux capture-pane -e -p | sed -n "${1}p" | grep -c '46m'
}

# page_down: PgDn, then waits for the list's first line to change.
page_down() {
	_top=$(e2e_screen | sed -n 5p)
	e2e_keys NPage
	e2e_until sh -c '[ "$(tmux -L "$1" capture-pane -p | sed -n 5p)" != "$2" ]' \
	    - "$E2E_SOCKET" "$_top"
}

# same_after_repaint: Ctrl-L repaints all; the screen must not change.
same_after_repaint() {
	_before=$(e2e_screen)
	e2e_keys C-l
	sleep 0.5
	[ "$(e2e_screen)" = "$_before" ]
}

e2e_demo
e2e_start
e2e_wait "Trang chính"
e2e_keys 1
e2e_wait "Họ và tên"; ok $? "1 opens the members"
is "$(list_rows)" "$(page 1 "$FIT")" "the first page, column by column"
around=$(frame)
page_down; ok $? "PgDn shows another page"
is "$(list_rows)" "$(page 2 "$FIT")" "PgDn shows the second page exactly"
is "$(selected 5)$(selected 6)" "10" "its first row is selected, the next is not"
is "$(frame)" "$around" "title, headings, message line and key bar stay"
e2e_screen | sed -n 3p | grep -q ' Chi bộ$'
ok $? "the cell heading stands against the right edge, over its column"
same_after_repaint; ok $? "what PgDn sent is what a full repaint shows"
e2e_keys Down Down
page_down
is "$(list_rows)" "$(page 3 "$FIT")" "the third page after moving down"
is "$(selected 7)" 1 "the cursor keeps its place on the page"
same_after_repaint; ok $? "and matches a full repaint"
e2e_fits "members after PgDn"
e2e_quit

# Unaccented: the names folded, each row reaching the last column.
e2e_start C
e2e_wait "Trang chinh"
e2e_keys 1
e2e_wait "Ho va ten"
page_down; ok $? "PgDn in ASCII"
is "$(list_rows | tr 'A-Z' 'a-z' | cut -c 2-26 | sed 's/ *$//')" \
    "$(page 2 "substr(fold, 1, 25)")" "the second page's names, unaccented"
is "$(list_rows | awk 'length($0) != 80' | wc -l | tr -d ' ')" 0 \
    "every row ends in the last column"
is "$(list_rows | LC_ALL=C tr -d '\000-\177' | wc -c | tr -d ' ')" 0 \
    "nothing but ASCII"
same_after_repaint; ok $? "what PgDn sent is what a full repaint shows"
e2e_quit
done_testing
