#!/bin/sh
# A commune of 500,000 members: the members screen opens, pages, jumps to
# the end and searches without waiting (keyset pages, never OFFSET).
. "$top_srcdir/tests/e2e/lib.sh"

# sqlrun opens the database as the program does, with its SQL functions.
SQLRUN=$top_builddir/tests/sync/sqlrun
[ -x "$SQLRUN" ] || skip_all "chưa dựng tests/sync/sqlrun"
e2e_demo
cell=$("$SQLRUN" "$E2E_DB" "SELECT id FROM unit WHERE kind = 'cell' ORDER BY name_fold LIMIT 1")
# Given names that are numbers sort before every demo name (digits come
# before letters), so the list opens on them and the demo is at the end.
# sync_mute: the rows are not changes to send (and the triggers are slow).
"$SQLRUN" "$E2E_DB" "INSERT INTO sync_mute VALUES (1); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1
  FROM n WHERE i < 500000) INSERT INTO member(id, unit_id, full_name,
  name_fold, name_sort, status) SELECT 9000000 + i, $cell, 'Võ Văn ' || printf('%06d', i),
  'vo van ' || printf('%06d', i), qt_name_sort('Võ Văn ' || printf('%06d', i)), 'active' FROM n;
  DELETE FROM sync_mute" >/dev/null || skip_all "no big database"
last=$("$SQLRUN" "$E2E_DB" "SELECT full_name FROM member ORDER BY name_sort DESC, id DESC LIMIT 1")
# Instant means well under a second each, even on a loaded CI machine.
E2E_TIMEOUT=3
e2e_start
e2e_wait "xem màn hình Thu hoạch"
ok $? "home opens at once: half a million members are not tallied on every visit"
e2e_keys 1
e2e_wait "Võ Văn 000001"; ok $? "the members of a 500,000 commune open"
e2e_keys End
e2e_wait "$last"; ok $? "End jumps to the last member"
e2e_keys PPage
e2e_wait_gone "$last"; ok $? "PgUp pages back from the end"
e2e_keys / '499999' Enter
e2e_wait "Võ Văn 499999"; ok $? "a search finds one member among 500,000"
e2e_keys Escape Right
e2e_wait "Chi bộ: < Chi bộ"; ok $? "one cell of 500,000 opens"
e2e_keys NPage NPage NPage Down Down
e2e_wait "Võ Văn 0000"; ok $? "and pages down"
e2e_fits "members of a large commune"
e2e_quit
done_testing
