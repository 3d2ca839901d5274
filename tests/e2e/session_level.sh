#!/bin/sh
# A session follows its plan item's level: the commune cannot record a
# cell's item as its own, and a session with marks cannot move to a unit
# those members are not in. Both refused on the form, nothing written.
. "$top_srcdir/tests/e2e/lib.sh"

sessions() {
	sqlite3 "$E2E_DB" "SELECT count(*) || ' ' || group_concat(unit_id, ' ')
	    FROM (SELECT unit_id FROM session ORDER BY id)"
}

e2e_seed_plan; ok $? "the seed plan 08-KH/ĐU opens"
before=$(sessions)
e2e_keys F4
e2e_wait "Thêm buổi học"
# It opens on the title, for the commune; up to the item: the cells' one.
e2e_keys Up Right
e2e_wait "Chi bộ: 1."; ok $? "the cells' item is chosen"
e2e_keys Down Down '12/5/2021' F2
e2e_wait "dành cho cấp"; ok $? "the commune cannot hold the cells' item"
e2e_shows "Chi bộ"; ok $? "the message names the item's level"
e2e_keys Escape c
e2e_wait "Kế hoạch yêu cầu"
is "$(sessions)" "$before" "nothing was written"

# A held session with marks, moved to the next cell.
e2e_keys Home e
e2e_wait "Sửa buổi học"
e2e_keys Up Up Right F2
e2e_wait "không thuộc đơn vị mới"; ok $? "a marked session cannot move to another cell"
e2e_keys Escape c
e2e_wait "Kế hoạch yêu cầu"
is "$(sessions)" "$before" "nothing was written"
e2e_quit

# The same item applying also to communes ("chi bộ, đảng bộ cơ sở", set
# on the item's form as "Cả cấp"): now the commune may hold it.
"$top_builddir/tests/sync/sqlrun" "$E2E_DB" "UPDATE plan_session SET also_levels = 'commune' WHERE
    id = 7400000000000006"
e2e_start
e2e_wait "Trang chính"
e2e_keys 2
e2e_wait "08-KH/ĐU"
e2e_keys Enter
e2e_wait "Kế hoạch yêu cầu"
e2e_keys F4
e2e_wait "Thêm buổi học"
e2e_wait "Theo mục: < Chi bộ: 1."; ok $? "the form starts from it for the commune"
e2e_keys '12/5/2021' F2
e2e_wait "Đã lưu buổi học"; ok $? "an item also for communes is held by the commune"
e2e_quit
n=$(sqlite3 "$E2E_DB" "SELECT count(*) FROM session s JOIN unit u ON
    u.id = s.unit_id WHERE s.plan_session_id = 7400000000000006 AND
    u.kind = 'commune'")
is "$n" 1 "the commune's session follows the cells' item"
done_testing
