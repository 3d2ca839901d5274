#!/bin/sh
# Who writes under a plan, per member status, on the plan's form: a plan
# may make members exempt from activities write (or exempt others),
# overriding the plan above and the general rule; Home and the essays
# follow at once, and choosing "Theo cấp trên" again removes the override.
. "$top_srcdir/tests/e2e/lib.sh"

rules() {
	sqlite3 "$E2E_DB" "SELECT group_concat(status || '=' || must_write, ' ')
	    FROM exemption_rule r JOIN document d ON d.id = r.document_id
	    WHERE d.number = '08-KH/ĐU'"
}
# to_status: from the form's first field down to "Viết? Miễn sinh hoạt"
# (Tab leaves the resolutions, whose line may wrap; then the essay rule,
# its days and its fixed date).
to_status() {
	e2e_keys Down Down Down Down Down Down Down Tab Down Down Down Down
}

e2e_demo
e2e_start
e2e_wait "Trang chính" || { done_testing; exit 1; }
e2e_wait "Bài thu hoạch còn thiếu"
before=$(e2e_home_late)
exempt=$(sqlite3 "$E2E_DB" "SELECT count(*) FROM member WHERE status = 'exempt_activity'")
[ "$exempt" -gt 0 ]; ok $? "the demo has members exempt from activities ($exempt)"
e2e_keys 2
e2e_wait "08-KH/ĐU"
e2e_keys Home e
e2e_wait "Sửa văn bản"
e2e_wait "Viết? Miễn sinh hoạt"; ok $? "the form has a line for each status"
e2e_shows "< Theo cấp trên, quy định chung >"; ok $? "following the rule above"
e2e_fits "document form with the statuses"
to_status
e2e_keys Right
e2e_wait "< Phải viết >"; ok $? "Right makes them write under this plan"
e2e_keys F2
e2e_wait "Đã lưu văn bản"; ok $? "saved"
is "$(rules)" "exempt_activity=1" "the plan's own rule is written"
e2e_keys Escape
e2e_wait "Bài thu hoạch còn thiếu"
after=$(e2e_home_late)
[ "${after:-0}" -gt "${before:-0}" ]; ok $? "Home counts their essays as missing ($before -> $after)"

e2e_keys 2
e2e_wait "08-KH/ĐU"
e2e_keys Home e
e2e_wait "< Phải viết >"; ok $? "the form shows the plan's own rule"
to_status
e2e_keys Left
e2e_wait_gone "< Phải viết >"
e2e_keys F2
e2e_wait "Đã lưu văn bản"
is "$(rules)" "" "back to the rule above: the override is removed"
e2e_keys Escape
e2e_wait "Bài thu hoạch còn thiếu"
is "$(e2e_home_late)" "$before" "and Home counts as before"
e2e_quit
done_testing
