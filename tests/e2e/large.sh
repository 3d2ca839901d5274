#!/bin/sh
# A commune of 500,000 members: the members screen opens, pages, jumps to
# the end and searches without waiting (keyset pages, never OFFSET).
. "$top_srcdir/tests/e2e/lib.sh"

command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 không có trên máy"
e2e_demo
cell=$(sqlite3 "$E2E_DB" "SELECT id FROM unit WHERE kind = 'cell' ORDER BY name_fold LIMIT 1")
# Names sort after the demo's, so the first screen stays the demo's.
# sync_mute: the rows are not changes to send (and the triggers are slow).
sqlite3 "$E2E_DB" "INSERT INTO sync_mute VALUES (1); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1
  FROM n WHERE i < 500000) INSERT INTO member(id, unit_id, full_name,
  name_fold, status) SELECT 9000000 + i, $cell, 'Võ Văn ' || printf('%06d', i),
  'vo van ' || printf('%06d', i), 'active' FROM n; DELETE FROM sync_mute" ||
	skip_all "no big database"
# Instant means well under a second each, even on a loaded CI machine.
E2E_TIMEOUT=3
e2e_start
e2e_wait "xem màn hình Thu hoạch"
ok $? "home opens at once: half a million members are not tallied on every visit"
e2e_keys 1
e2e_wait "Họ và tên"; ok $? "the members of a 500,000 commune open"
e2e_keys End
e2e_wait "Võ Văn 500000"; ok $? "End jumps to the last member"
e2e_keys PPage
e2e_wait_gone "Võ Văn 500000"; ok $? "PgUp pages back from the end"
e2e_keys / '499999' Enter
e2e_wait "Võ Văn 499999"; ok $? "a search finds one member among 500,000"
e2e_keys Escape Right
e2e_wait "Chi bộ: < Chi bộ"; ok $? "one cell of 500,000 opens"
e2e_keys NPage NPage NPage Down Down
e2e_wait "Võ Văn 0000"; ok $? "and pages down"
e2e_fits "members of a large commune"
e2e_quit
done_testing
