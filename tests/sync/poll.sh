#!/bin/sh
# Version 3 on the wire (docs/sync.md, "Sync"): a sync that has rows to
# push and rows to pull does both in one request; a cron sync (--quiet)
# with nothing to push inside the server's poll hint opens no
# connection, while a clerk's own sync, anything waiting to be pushed,
# and the end of the hint always go out.
# The server keeps its rule (a hint after an hour of quiet), which the
# fixture turns off for the other tests.
QUANTRIET_TEST_POLL_QUIET_S=3600
. "$top_srcdir/tests/sync/fixture.sh"
sync_setup

province_plan P
client P sync --quiet || exit 1
"$SQLRUN" "$NET_TMP/A.db" "UPDATE unit SET secretary = 'Bí thư A'
    WHERE code = 'XA'" >/dev/null
before=$(requests)
client A sync --quiet
ok $? "a commune with a change to push and a plan to pull syncs"
is "$(( $(requests) - before ))" 1 "in one request"
is "$(q A "SELECT count(*) FROM document WHERE number = '13-KH/TU'")" 1 \
    "the plan came down"
is "$("$SQLRUN" "$SDB" "SELECT secretary FROM unit WHERE code = 'XA'")" \
    "Bí thư A" "the change went up"

until=$(q A "SELECT value FROM setting WHERE key = 'sync.poll_until'")
is "$(( ${until:-0} <= $(date +%s) ))" 1 "with news a minute old, no poll hint"

# Three hours later (the server's changes made to look so).
"$SQLRUN" "$SDB" "UPDATE srv_row SET hlc = hlc - ((3 * 3600 * 1000) << 16)
    WHERE hlc > 0" >/dev/null
client A sync >/dev/null || exit 1
until=$(q A "SELECT value FROM setting WHERE key = 'sync.poll_until'")
now=$(date +%s)
[ "${until:-0}" -ge $((now + 5300)) ] && [ "${until:-0}" -le $((now + 5410)) ]
ok $? "after 3 hours of quiet the server says: none for 1.5 hours ($((until - now)) s)"
before=$(requests)
client A sync --quiet
ok $? "a cron sync with nothing to push before then succeeds"
is "$(( $(requests) - before ))" 0 "without a connection"
client A sync >/dev/null
ok $? "the clerk's own sync"
is "$(( $(requests) - before ))" 1 "goes out"

"$SQLRUN" "$NET_TMP/A.db" "UPDATE unit SET secretary = 'Bí thư mới'
    WHERE code = 'XA'" >/dev/null
before=$(requests)
client A sync --quiet
is "$(( $(requests) - before ))" 1 "a cron sync with a change to push goes out"
is "$("$SQLRUN" "$SDB" "SELECT secretary FROM unit WHERE code = 'XA'")" \
    "Bí thư mới" "and pushes it"

"$SQLRUN" "$NET_TMP/A.db" "UPDATE setting SET value = '$(( $(date +%s) - 1 ))'
    WHERE key = 'sync.poll_until'" >/dev/null
before=$(requests)
client A sync --quiet
is "$(( $(requests) - before ))" 1 "once the hint has passed, a cron sync goes out"
done_testing
