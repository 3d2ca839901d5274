#!/bin/sh
# A plan item holds the rest of what a plan asks of a level: the other
# level it applies to, who attends, the materials and their ratio, the
# presenter, the length with its parts, the start time and the bridge
# points. The ratio gives the copies the clerk's unit needs, from its
# members; a length or a ratio the program cannot read is refused.
. "$top_srcdir/tests/e2e/lib.sh"

e2e_demo
# The commune's party members, counted from the rows: the copies follow.
members=$(sqlite3 "$E2E_DB" "WITH RECURSIVE s(id) AS (SELECT CAST(value AS
    INTEGER) FROM setting WHERE key = 'home_unit_id' UNION ALL SELECT u.id
    FROM unit u JOIN s ON u.parent_id = s.id) SELECT count(*) FROM member m
    JOIN member_status st ON st.code = m.status WHERE st.is_party_member = 1
    AND m.unit_id IN (SELECT id FROM s)")
copies=$(( (members + 2) / 3 ))
e2e_start
e2e_wait "Trang chính"
e2e_keys 2
e2e_wait "08-KH/ĐU"
e2e_keys Enter
e2e_wait "Kế hoạch yêu cầu"
e2e_keys F7
e2e_wait "Các buổi học kế hoạch yêu cầu"
e2e_keys F4
e2e_wait "Thêm buổi học kế hoạch yêu cầu"
e2e_fits "plan item form with every field"
e2e_wait "Giờ bắt đầu:"; ok $? "the form shows every field at 80x24"
e2e_keys 'Hội nghị chuyên đề' Down Down Down '30/6/2021' Down Down \
    Right Right Right Right Down 'Toàn thể đảng viên' Down 'Văn kiện Đại hội' \
    Down '03 đảng viên/01 cuốn' Down 'Bí thư Đảng ủy' Down '0,3 ngày' Down \
    '7h30' Down 'Hội trường xã' F2
e2e_wait "theo nửa ngày"; ok $? "a length not in half days is refused"
e2e_keys C-u '0,5 ngày nghiên cứu + 0,5 ngày thảo luận' Up Up C-u \
    'mỗi người một cuốn' F2
e2e_wait "Ghi định mức như văn bản"; ok $? "a ratio with no numbers is refused"
e2e_keys C-u '03 đảng viên/01 cuốn' F2
# The title is on the form too: the list shows only once the form is gone.
e2e_wait_gone "Thêm buổi học kế hoạch yêu cầu" && e2e_wait "Hội nghị chuyên đề"
ok $? "the item is saved and listed"
# Its day (30/06) is later than the province asks of communes (31/05): "!".
e2e_screen | grep -q "2 buổi *! Hội nghị chuyên đề"
ok $? "its length comes from the parts: two half days"
e2e_keys End Enter
e2e_wait "Sửa buổi học kế hoạch yêu cầu"
e2e_wait "Đơn vị có $members đảng viên: cần $copies bản tài liệu"
ok $? "the form says the unit's $members members need $copies copies"
e2e_wait "07:30"; ok $? "the start time is kept as 07:30"
e2e_wait "< Đảng bộ cơ sở >"; ok $? "the other level is kept"
e2e_wait "Hội trường xã"; ok $? "the bridge point is kept"
e2e_keys Escape
e2e_wait "Các buổi học kế hoạch yêu cầu"
e2e_quit
n=$(sqlite3 "$E2E_DB" "SELECT also_levels || '|' || bridge_points || '|' ||
    half_days FROM plan_session WHERE title = 'Hội nghị chuyên đề'")
[ "$n" = "commune|1|2" ]; ok $? "stored: also for communes, 1 bridge point, 2 half days ($n)"

# A plan from above (13-KH/TU, the province's) as sync brought it: its
# items are read-only here, with no key offered to change them, and
# Enter shows an item whole, with the copies the commune needs.
"$top_builddir/tests/sync/sqlrun" "$E2E_DB" "UPDATE plan_session SET material_ratio = '03 đảng
    viên/01 cuốn', length_text = '01 ngày; trong đó 0,5 ngày nghiên cứu +
    0,5 ngày thảo luận' WHERE id = 7400000000000005" || echo "# no update"
e2e_start
e2e_wait "Trang chính"
e2e_keys 2
e2e_wait "13-KH/TU"
e2e_keys Down Down
e2e_keys Enter
e2e_wait "Kế hoạch yêu cầu"
e2e_keys F7
e2e_wait "Của cấp trên, chỉ xem"; ok $? "a plan from above says it is read-only"
e2e_hides "F4Thêm" && e2e_hides "F5Sửa" && e2e_hides "F9Xóa"
ok $? "no key to add, edit or remove is offered"
e2e_keys F4 n
e2e_hides "Thêm buổi học kế hoạch yêu cầu"; ok $? "F4 and n open no form"
e2e_keys Enter
e2e_wait "Mục kế hoạch cấp trên (chỉ xem)"; ok $? "Enter shows the item"
e2e_fits "plan item view"
e2e_wait "đơn vị có $members đảng viên, cần $copies bản"
ok $? "the view gives the commune's copies by the ratio"
e2e_wait "1 buổi: nghiên cứu"; ok $? "and the length's parts"
e2e_hides "F2"; ok $? "nothing can be saved from it"
e2e_keys Escape
e2e_wait "Của cấp trên, chỉ xem"
e2e_quit
done_testing
