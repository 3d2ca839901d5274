#!/bin/sh
# The scope matrix: commune B pushes, for every synced table and every
# foreign key of it into rows that have an owner (read from the schema, so
# a key added later is tried too), a row pointing at commune A's row and
# one pointing at a row that does not exist; then copies of A's own rows
# under their ids (with a later clock, then an earlier one) and their
# deletion. Every one is refused with a reason B's clerk can read, a row
# of A and a row that does not exist get the same answer, and the
# province's figures do not move.
. "$top_srcdir/tests/sync/fixture.sh"
sync_setup

# own_rows NAME COMMUNE: device NAME adds, besides commune_data, a plan of
# COMMUNE's own under the province's with every row a plan may have, a
# make-up session, a tally report with its history and an action item.
own_rows() {
	"$SQLRUN" "$NET_TMP/$1.db" <<EOSQL
INSERT INTO document(id, owner_unit_id, number, kind, issuer, issued_on,
    title, parent_id)
  SELECT qt_new_id(), (SELECT id FROM unit WHERE code = '$2'), '5-KH/ĐU',
    'KH', 'Đảng ủy xã', '2026-11-05', 'Kế hoạch của xã', id
  FROM document WHERE number = '13-KH/TU';
INSERT INTO plan_session(id, document_id, level, ordinal, title)
  SELECT qt_new_id(), id, 'cell', 1, 'Học tập tại chi bộ' FROM document
  WHERE number = '5-KH/ĐU';
INSERT INTO essay_rule(document_id, due_days, grader)
  SELECT id, 7, 'Chi ủy' FROM document WHERE number = '5-KH/ĐU';
INSERT INTO document_resolution(id, document_id, resolution_id)
  SELECT qt_new_id(), d.id, r.id FROM document d, resolution r
  WHERE d.number = '5-KH/ĐU' AND r.code = 'NQ-05';
INSERT INTO exemption_rule(id, document_id, status, must_write, reason)
  SELECT qt_new_id(), id, 'retired', 1, '' FROM document
  WHERE number = '5-KH/ĐU';
INSERT INTO report_deadline(id, document_id, round, level, due_on)
  SELECT qt_new_id(), id, 1, 'cell', '2026-12-20' FROM document
  WHERE number = '5-KH/ĐU';
INSERT INTO session(id, document_id, plan_session_id, unit_id, title,
    held_on, makeup_of)
  SELECT qt_new_id(), s.document_id, (SELECT id FROM plan_session
    WHERE document_id = s.document_id), s.unit_id, 'Học bù', '2026-11-20', s.id
  FROM session s LIMIT 1;
INSERT INTO tally_report(id, document_id, unit_id)
  SELECT qt_new_id(), document_id, unit_id FROM session LIMIT 1;
INSERT INTO tally_event(id, report_id, at, action, who)
  SELECT qt_new_id(), id, '2026-12-01', 'final', 'Bí thư' FROM tally_report;
INSERT INTO action_item(id, document_id, unit_id, task)
  SELECT qt_new_id(), id, (SELECT id FROM unit WHERE code = '$2'), 'Sơ kết'
  FROM document WHERE number = '13-KH/TU';
-- One row of each table that is the commune's own, to copy from.
CREATE TABLE own(tbl TEXT PRIMARY KEY, row_id INTEGER);
INSERT INTO own SELECT tbl, min(row_id) FROM sync_outbox
  WHERE tbl NOT IN ('resolution', 'audit') GROUP BY tbl;
EOSQL
}

province_plan P
plan_override P
client P sync --quiet && client A sync --quiet && client B sync --quiet
ok $? "the province's plan reaches both communes"
commune_data A XA 1 6
commune_data B XB 1 6
own_rows A XA
own_rows B XB
client A sync --quiet && client B sync --quiet
ok $? "both communes push their own rows"
is "$(q A "SELECT count(*) FROM sync_outbox")$(q B "SELECT count(*) FROM sync_outbox")" \
    00 "every row of both communes was accepted"
"$SQLRUN" "$NET_TMP/A.db" "SELECT tbl, row_id FROM own" > "$NET_TMP/a_own"
is "$(wc -l < "$NET_TMP/a_own")" 14 \
    "commune A has a row of each of the 14 tables that have an owner"

# What the province holds and reports, to compare after each round (the
# audit trail aside: it records B's refused attempts, tests/sync/sync.sh).
TABLES=$("$SQLRUN" "$SDB" "SELECT tbl_name FROM sqlite_master
    WHERE type = 'trigger' AND name = 'sync_' || tbl_name || '_i'
    AND tbl_name <> 'audit' ORDER BY 1")
snapshot() {
	for _t in $TABLES; do
		"$SQLRUN" "$SDB" "SELECT * FROM $_t ORDER BY 1"
	done | cksum
	"$S" tally --db "$SDB" --plan 13-KH/TU --unit KG --format csv
}
snapshot > "$NET_TMP/before"
grep -q 'Đảng bộ xã A' "$NET_TMP/before"
ok $? "the province's tally has a line for commune A"

# The row of A a foreign key to TABLE should point at, from A's own rows.
a_row() {
	sed -n "s/^$1|//p" "$NET_TMP/a_own"
}
keycol() {
	q B "SELECT name FROM pragma_table_info('$1') WHERE pk = 1"
}
# copy SCHEMA TABLE FROM KEY COLUMN VALUE GROUP: B's database gets a copy
# of row FROM of TABLE in SCHEMA (main: B's own, a: A's) under key KEY
# ("new": a new id) with COLUMN set to VALUE, foreign keys unchecked (they
# point where B cannot see), noted as to be refused, in answer GROUP.
copy() {
	_k=$(keycol "$2")
	_key=$4
	[ "$_key" = new ] && _key='qt_new_id()'
	_cols=$(q B "SELECT group_concat(name, ', ') FROM pragma_table_info('$2')
	    WHERE name <> 'hlc'")
	_vals=$(q B "SELECT group_concat(CASE
	    WHEN name = '$5' THEN '$6'
	    WHEN name = '$_k' THEN '$_key'
	    WHEN name IN ('code', 'number') THEN name || ' || hex(randomblob(3))'
	    ELSE name END, ', ') FROM pragma_table_info('$2') WHERE name <> 'hlc'")
	"$SQLRUN" "$NET_TMP/B.db" "ATTACH '$NET_TMP/A.db' AS a;
	    PRAGMA foreign_keys = OFF;
	    CREATE TABLE IF NOT EXISTS want(tbl TEXT, row_id INTEGER, grp TEXT);
	    INSERT OR REPLACE INTO main.$2($_cols) SELECT $_vals FROM $1.$2 WHERE $_k = $3;
	    INSERT INTO want VALUES ('$2', last_insert_rowid(), '$7')" || exit 1
}
# check WHAT: all of B's rows to be refused are, each group with one
# answer, and the province holds and reports what it did before.
check() {
	is "$(q B "SELECT count(*) FROM want w LEFT JOIN sync_outbox o
	    ON o.tbl = w.tbl AND o.row_id = w.row_id
	    WHERE o.state IS NOT 'rejected' OR o.reason = ''")" 0 "$1: all refused"
	# (B's forged rows fail their foreign keys at B's own pulls too:
	# those conflicts are B's, not answers.)
	is "$(q B "SELECT count(*) FROM sync_conflict
	    WHERE reason LIKE '%đã sửa bản ghi này sau%'")" 0 \
	    "$1: none answered 'a later edit exists'"
	is "$(q B "SELECT group_concat(grp, ' ') FROM (SELECT grp FROM want w
	    JOIN sync_outbox o ON o.tbl = w.tbl AND o.row_id = w.row_id
	    GROUP BY grp HAVING count(DISTINCT o.reason) > 1)")" "" \
	    "$1: a row of commune A and one that does not exist get the same answer"
	snapshot > "$NET_TMP/after"
	cmp -s "$NET_TMP/before" "$NET_TMP/after"
	ok $? "$1: the province's rows and figures are unchanged"
}
# push WHAT: B syncs. (Its pull then drops the forged rows whose parents
# B does not have, and may fail on the ones below those: not asserted.)
push() {
	LC_ALL=C client B sync > "$NET_TMP/sync.out" 2>&1
	check "$1"
}

# Round 1: every foreign key into owned rows, at A's row and at nothing.
n=0
for t in $TABLES; do
	for fk in $(q B "SELECT \"from\" || ':' || \"table\"
	    FROM pragma_foreign_key_list('$t') WHERE \"table\" NOT IN
	    ('unit_kind', 'member_status', 'doc_kind', 'resolution')"); do
		col=${fk%%:*}
		target=$(a_row "${fk#*:}")
		from=$(q B "SELECT row_id FROM own WHERE tbl = '$t'")
		if [ -z "$target" ] || [ -z "$from" ]; then
			ok 1 "a row of commune A for $t.$col and one of B's to copy"
			continue
		fi
		key=new
		[ "$col" = "$(keycol "$t")" ] && key=$target
		copy main "$t" "$from" "$key" "$col" "$target" "$t-$col"
		[ "$col" = "$(keycol "$t")" ] && key=987654321
		copy main "$t" "$from" "$key" "$col" 987654321 "$t-$col"
		n=$((n + 1))
	done
done
is "$n" 22 "22 foreign keys of 14 tables point into rows with an owner"
is "$(q B "SELECT count(*) FROM want")" 44 "44 forged rows: 22 at A's rows, 22 at none"
LC_ALL=C client B sync > "$NET_TMP/sync.out" 2>&1
ok $? "commune B's sync with the forged rows completes"
grep -q 'bi tu choi' "$NET_TMP/sync.out"
ok $? "commune B's clerk is told rows were refused"
check "every foreign key"
is "$(q B "SELECT o.reason FROM sync_outbox o JOIN want w ON o.tbl = w.tbl
    AND o.row_id = w.row_id WHERE w.grp = 'attendance-member_id' LIMIT 1")" \
    "Trường member_id trỏ tới bản ghi không có hoặc thuộc đơn vị khác: máy này không được ghi" \
    "the reason names the field"

# Round 2: A's own rows under their ids.
q B "DELETE FROM want"
while IFS='|' read -r t id; do
	copy a "$t" "$id" "$id" none none "own-$t"
done < "$NET_TMP/a_own"
push "commune A's rows under their ids"
q B "CREATE TABLE seen AS SELECT o.tbl, o.reason FROM want w
    JOIN sync_outbox o ON o.tbl = w.tbl AND o.row_id = w.row_id"
# same GROUP-TITLE: each table's row got the answer it got in round 2.
same() {
	is "$(q B "SELECT count(*) FROM want w JOIN sync_outbox o
	    ON o.tbl = w.tbl AND o.row_id = w.row_id
	    JOIN seen s ON s.tbl = w.tbl AND s.reason = o.reason")" 14 "$1"
}

# Round 3: the same rows with a clock older than the server's (it was
# "stale" for a row that exists, "reject" for one that does not). B's
# pull dropped its forged rows (their parents are nowhere in B): again.
q B "DELETE FROM want"
while IFS='|' read -r t id; do
	copy a "$t" "$id" "$id" none none "old-$t"
	q B "UPDATE $t SET hlc = 1 WHERE $(keycol "$t") = $id"
done < "$NET_TMP/a_own"
push "commune A's rows with an older clock"
same "an older clock gets the same answer as a later one"

# Round 4: deleting A's rows.
q B "DELETE FROM want"
while IFS='|' read -r t id; do
	copy a "$t" "$id" "$id" none none del
	q B "PRAGMA foreign_keys = OFF; DELETE FROM $t WHERE $(keycol "$t") = $id"
done < "$NET_TMP/a_own"
is "$(q B "SELECT count(*) FROM sync_outbox o JOIN want w ON o.tbl = w.tbl
    AND o.row_id = w.row_id WHERE o.op = 'del'")" 14 \
    "commune B deletes a row of each of A's tables"
push "deleting commune A's rows"

# Round 5: A's rows again, under ids that exist nowhere (for essay_rule,
# keyed by its plan, a plan that does not exist): the answers of round 2.
q B "DELETE FROM want"
while IFS='|' read -r t id; do
	key=new
	[ "$(keycol "$t")" = id ] || key=987654322
	copy a "$t" "$id" "$key" none none "new-$t"
done < "$NET_TMP/a_own"
push "commune A's rows under new ids"
same "a row that does not exist gets the answer a row of commune A got"

# B's own work still goes through and counts.
q B "INSERT INTO member(id, unit_id, full_name, name_fold, status)
    SELECT qt_new_id(), id, 'Trần Thị Mới', 'tran thi moi', 'active'
    FROM unit WHERE code = 'XB-1'"
client B sync --quiet
ok $? "commune B syncs a member of its own"
is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM member WHERE full_name = 'Trần Thị Mới'")" 1 \
    "the province holds it"
snapshot > "$NET_TMP/after"
cmp -s "$NET_TMP/before" "$NET_TMP/after"
ok $((! $?)) "and its figures moved"

done_testing
