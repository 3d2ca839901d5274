#!/bin/sh
# Reports going up by sync: a commune submits its cell's report and its
# own; they reach the server, whose completeness shows them; the province
# returns the commune's report and the return comes back down (a draft
# again, the reason on the commune's Home); the commune resubmits, the
# province accepts, and the commune's history holds all four steps. A
# device may not accept its own unit's report: the server refuses it.
. "$top_srcdir/tests/sync/fixture.sh"
sync_setup

province_plan P
client P sync --quiet && client A sync --quiet && client B sync --quiet
ok $? "the province's plan reaches both communes"
commune_data A XA 2 5

client A report submit --plan 13-KH/TU --unit XA-1 >/dev/null 2>&1
ok $? "commune A submits the report of its cell XA-1"
client A report submit --plan 13-KH/TU >/dev/null 2>&1
ok $? "and its own report"
client A sync --quiet
ok $? "commune A syncs"
is "$("$SQLRUN" "$SDB" "SELECT group_concat(u.code || ':' || t.status || ':' || e.action, ' ')
  FROM (SELECT * FROM tally_report ORDER BY unit_id) t JOIN unit u ON u.id = t.unit_id
  JOIN tally_event e ON e.report_id = t.id")" \
    "$(q A "SELECT group_concat(u.code || ':' || t.status || ':' || e.action, ' ')
  FROM (SELECT * FROM tally_report ORDER BY unit_id) t JOIN unit u ON u.id = t.unit_id
  JOIN tally_event e ON e.report_id = t.id")" \
    "the submissions reach the server as the commune holds them"

"$S" completeness --db "$SDB" --plan 13-KH/TU --unit XA --format csv \
    > "$NET_TMP/xa.csv" 2>&1
ok $? "quantriet-server completeness"
is "$(cut -d, -f1,2 "$NET_TMP/xa.csv" | tr -d '\r' | sed -n '2,$p' | tr '\n' ' ')" \
    "Chi bộ ấp 1,on time Chi bộ ấp 2,missing Tổng cộng, " \
    "the server sees XA-1 sent and XA-2 missing"
"$S" completeness --db "$SDB" --plan 13-KH/TU --unit KG --format csv \
    > "$NET_TMP/kg.csv" 2>&1
is "$(tr -d '\r' < "$NET_TMP/kg.csv" | sed -n '2,$p' | cut -d, -f1,2,7-13 | tr '\n' ' ')" \
    "Đảng bộ xã A,on time,1,1,1,0,0,0,0 Đảng bộ xã B,missing,1,0,0,0,1,0,0 Tổng cộng,,2,1,1,0,1,0,0 " \
    "at the province: A on time, B missing; the total adds up"

# A commune cannot accept its own report, here or on the server.
says "Chi cap tren moi duyet" client A report accept --plan 13-KH/TU --unit XA
ok $? "commune A may not accept its own report"
"$SQLRUN" "$NET_TMP/A.db" "INSERT INTO tally_event(id, report_id, at, action, who)
  SELECT qt_new_id(), t.id, '2026-12-01', 'accept', 'gian' FROM tally_report t
  JOIN unit u ON u.id = t.unit_id WHERE u.code = 'XA'" >/dev/null
client A sync --quiet 2>/dev/null
is "$(q A "SELECT state FROM sync_outbox WHERE tbl = 'tally_event'")" "rejected" \
    "the server rejects an acceptance pushed by the report's own unit"
is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM tally_event WHERE action = 'accept'")" 0 \
    "and stores none"
"$SQLRUN" "$NET_TMP/A.db" "DELETE FROM tally_event WHERE action = 'accept';
  DELETE FROM sync_outbox WHERE state = 'rejected'" >/dev/null

# The province returns the commune's report; the return comes back.
client P sync --quiet
client P report return --plan 13-KH/TU --unit XA \
    --reason 'Mục 5 chưa đánh giá' >/dev/null 2>&1
ok $? "the province returns commune A's report"
client P sync --quiet && client A sync --quiet
ok $? "both sync"
is "$(q A "SELECT t.status || ' ' || (SELECT e.reason FROM tally_event e
  WHERE e.report_id = t.id AND e.action = 'return') FROM tally_report t
  JOIN unit u ON u.id = t.unit_id WHERE u.code = 'XA'")" \
    "draft Mục 5 chưa đánh giá" \
    "the commune's report is a draft again, with the province's reason"
"$S" completeness --db "$SDB" --plan 13-KH/TU --unit KG --format csv \
    > "$NET_TMP/kg.csv" 2>&1
is "$(tr -d '\r' < "$NET_TMP/kg.csv" | sed -n 2p | cut -d, -f1,2)" \
    "Đảng bộ xã A,returned" "the server counts it returned"

# Resubmitted and accepted: the whole history is on both sides.
client A report submit --plan 13-KH/TU >/dev/null 2>&1 && client A sync --quiet
ok $? "commune A resubmits"
client P sync --quiet &&
    client P report accept --plan 13-KH/TU --unit XA >/dev/null 2>&1 &&
    client P sync --quiet && client A sync --quiet
ok $? "the province accepts it"
client A report completeness --plan 13-KH/TU --unit KG --history \
    > "$NET_TMP/hist.txt" 2>&1
grep -q "^Đảng bộ xã A *accepted" "$NET_TMP/hist.txt"
ok $? "commune A sees its report accepted"
is "$(grep -c '^    ' "$NET_TMP/hist.txt")" 4 "four steps in its history"
grep -q "chốt và nộp lại" "$NET_TMP/hist.txt" &&
    grep -q "cấp trên trả lại.*Mục 5 chưa đánh giá" "$NET_TMP/hist.txt" &&
    grep -q "cấp trên duyệt" "$NET_TMP/hist.txt"
ok $? "submitted, returned with the reason, resubmitted, accepted"
done_testing
