#!/bin/sh
# Plans change: the province moves the communes' deadline of 13-KH/TU and
# adds a resolution after the commune pulled it. Home shows a short
# "Thay đổi" list (which plan, which field, old -> new) until the clerk
# opens it; it then stays cleared, across a restart, until the next change
# arrives. The commune's own plan 08-KH/ĐU, which carries out 13-KH/TU,
# follows the new deadline: an item with no day of its own takes it, one
# whose own day is later is flagged (docs/deadlines.md).
. "$top_srcdir/tests/e2e/lib.sh"

SQLRUN=$top_builddir/tests/sync/sqlrun
# pulled SQL: writes as a pull applies rows (not queued, by the server).
pulled() {
	SQLRUN_ACTOR=server "$SQLRUN" "$E2E_DB" "INSERT INTO sync_mute VALUES (1);
	    $1; DELETE FROM sync_mute" >/dev/null
}

e2e_demo
# The clerk's own item with no day: it follows the plan above. The
# clerk's own writes are never listed as changes from above.
"$SQLRUN" "$E2E_DB" "INSERT INTO plan_session(id, document_id, level,
    ordinal, title) VALUES (7400000000000901, 7200000000000102, 'commune', 2,
    'Hội nghị Đảng ủy xã triển khai')" >/dev/null
pulled "UPDATE plan_session SET deadline = '2021-05-12', deadline_text =
    'hoàn thành trước ngày 13/5/2021' WHERE id = 7400000000000005;
    INSERT INTO resolution(id, code, title) VALUES (7300000000000901,
    '18-NQ/TW', 'Nghị quyết số 18-NQ/TW về đất đai');
    INSERT INTO document_resolution(id, document_id, resolution_id) VALUES
    (7300000000000902, 7200000000000013, 7300000000000901)"
ok $? "the province's changes are applied as pulled rows"

e2e_start
e2e_wait "Trang chính"
e2e_wait "Thay đổi từ cấp trên: 3"
ok $? "Home counts the three changes from above, not the clerk's own"
e2e_wait "13-KH/TU Hạn hoàn thành: 31/05/2021 -> 12/05/2021"
ok $? "Home names the plan, the field, the old and the new day"
e2e_wait "và 2 thay đổi khác"; ok $? "and says how many more there are"
e2e_fits "home with changes"
e2e_screen | grep -q "08-KH/ĐU .* 12/05/2021"
ok $? "the commune's own plan is due on the province's new day on Home"
e2e_keys 6
e2e_wait "Thay đổi của kế hoạch cấp trên"; ok $? "6 opens the list"
e2e_wait "Thêm Nghị quyết của kế hoạch: Nghị quyết số 18-NQ/TW"
ok $? "the list has the resolution added"
e2e_keys Down
e2e_wait "hoàn thành trong tháng 5-2021 -> hoàn thành trước ngày 13/5/2021"
ok $? "the selected change is shown whole under the list"
e2e_fits "changes list"
e2e_keys Escape
e2e_wait "Trang chính"
e2e_wait_gone "Thay đổi từ cấp trên"
ok $? "opening the list marks the changes seen: Home's block is gone"
e2e_quit
n=$(sqlite3 "$E2E_DB" "SELECT count(*) FROM setting WHERE key GLOB
    'changes_seen:*'")
[ "$n" = 1 ]; ok $? "the mark is kept per clerk in the database ($n)"

e2e_start
e2e_wait "Trang chính"
e2e_hides "Thay đổi từ cấp trên"; ok $? "after a restart nothing is new"
e2e_plan_items "08-KH/ĐU"
e2e_screen | grep -q "12/05/2021 .* Hội nghị Đảng ủy xã"
ok $? "the item with no day of its own takes the province's new day"
e2e_wait "Mục không ghi hạn: theo hạn cấp trên 12/05/2021"
ok $? "and the line under the list says so"
e2e_screen | grep -q "15/05/2021 .* ! Sinh hoạt"
ok $? "the cells' item, due 15/05 by the commune, is marked '!'"
e2e_keys Down
e2e_wait "Hạn của mục muộn hơn hạn cấp trên (12/05/2021)"
ok $? "the line under it says it is later than the province allows"
e2e_quit

# The next change from above shows alone.
pulled "UPDATE plan_session SET deadline = '2021-06-30', deadline_text =
    'hoàn thành trong quý II/2021' WHERE id = 7400000000000005"
e2e_start
e2e_wait "Thay đổi từ cấp trên: 2"
ok $? "a later change is listed (its day and its words), nothing before"
e2e_wait "12/05/2021 -> 30/06/2021"; ok $? "with the day moved again"
e2e_plan_items "08-KH/ĐU"
e2e_wait "30/06/2021"
e2e_keys Down
e2e_hides "! Sinh hoạt" && e2e_hides "muộn hơn hạn cấp trên"
ok $? "the cells' item is no longer late"
e2e_quit

# "quý II/2021" ends on 30/06: the province's item for communes and the
# commune's own item that follows it are overdue on 1/7, not on 30/6.
e2e_home_overdue 2021-06-30 jun30
e2e_home_overdue 2021-07-01 jul1
echo "# sessions overdue on Home: 30/6 $jun30, 1/7 $jul1"
[ -n "$jul1" ] && [ "$jul1" -eq $((jun30 + 2)) ]
ok $? "on 1/7 two more are overdue (the province's and the one following it)"
done_testing
