#!/bin/sh
# A sync carried by hand (issue 12 s6, docs/sync.md "Bundles"): a commune
# records work with no link, exports a signed bundle, the province
# imports it and writes a reply, the commune imports the reply; both
# then hold what a network sync gives. Importing twice changes nothing;
# a bundle altered by one byte, cut short, of another unit or from a
# revoked device, and a reply altered, cut short or for another device,
# are refused with nothing changed.
. "$top_srcdir/tests/sync/fixture.sh"
sync_setup
T=$NET_TMP

province_plan P
client P sync --quiet && client A sync --quiet
ok $? "commune A has the plan"
enrol A2 XA
ok $? "a second device of commune A is enrolled"

# Commune A works offline; the province issues more meanwhile. Batches
# of 4 KiB (as after cut links) make the bundle carry several.
commune_data A XA 3 20
"$SQLRUN" "$T/A.db" "INSERT OR REPLACE INTO setting(key, value)
    VALUES ('sync.batch_bytes', '4096')"
plan_override P
client P sync --quiet
ok $? "the province syncs its override over the network"

# flip FILE: one byte of FILE's last part changed (the mac is 78 bytes).
flip() {
	_f_at=$(( $(wc -c < "$1") - 100 ))
	_f_b=$(od -An -tu1 -j "$_f_at" -N1 "$1" | tr -d ' ')
	# shellcheck disable=SC2059 # the octal escape is the point
	printf "\\$(printf %o $(( (_f_b + 1) % 256 )))" |
	    dd of="$1" bs=1 seek="$_f_at" conv=notrunc 2>/dev/null
}
# cut FILE OUT: all of FILE but its last 40 bytes.
cut_short() {
	head -c $(( $(wc -c < "$1") - 40 )) "$1" > "$2"
}
# server_state: what the server holds, to tell whether an import wrote.
server_state() {
	"$SQLRUN" "$SDB" "SELECT (SELECT count(*) FROM srv_row),
	    (SELECT ifnull(max(seq), 0) FROM srv_row),
	    (SELECT count(*) FROM srv_batch), (SELECT count(*) FROM member),
	    (SELECT count(*) FROM attendance), (SELECT count(*) FROM audit),
	    (SELECT hlc FROM sync_clock)"
}
# rows NAME TABLE COLUMNS: a digest of device NAME's rows of TABLE.
rows() {
	"$SQLRUN" "$T/$1.db" "SELECT id, $3 FROM $2 ORDER BY id" | cksum
}

pending=$(q A "SELECT count(*) FROM sync_outbox")
out=$(client A export bundle --file "$T/a.qtb")
ok $? "commune A exports a bundle"
hash=$(printf '%s\n' "$out" | tail -1 | tr -d ' ')
is "$hash" "$(sha256sum < "$T/a.qtb" | cut -d' ' -f1)" \
    "the export prints the bundle's SHA-256"
is "$(q A "SELECT total(count) FROM sync_batch")" "$pending.0" \
    "every pending change is in a stored batch"
n=$(q A "SELECT count(*) FROM sync_batch")
ok $(( n < 2 )) "in several batches of 4 KiB ($n)"
is "$(q A "SELECT count(*) FROM sync_outbox WHERE state = 'sent'")" "$pending" \
    "the changes wait for the province's acknowledgement"

before=$(server_state)
cp "$T/a.qtb" "$T/flip.qtb"
flip "$T/flip.qtb"
says "Chu ky cua goi khong khop" "$S" import-bundle --db "$SDB" "$T/flip.qtb"
ok $? "a bundle altered by one byte is refused"
cut_short "$T/a.qtb" "$T/cut.qtb"
says "bi cat cut hoac hong" "$S" import-bundle --db "$SDB" "$T/cut.qtb"
ok $? "a bundle cut short is refused"
says "khong phai cua don vi XB" "$S" import-bundle --db "$SDB" --unit XB \
    "$T/a.qtb"
ok $? "a bundle of another unit than the one handing it in is refused"
says "khong phai goi du lieu" "$S" import-bundle --db "$SDB" "$T/A.db"
ok $? "a file that is no bundle is refused"
# A device revoked since: its bundle is refused.
enrol A3 XA || exit 1
client A3 export bundle --file "$T/a3.qtb" >/dev/null &&
"$S" revoke --db "$SDB" --device "$("$SQLRUN" "$SDB" "SELECT max(id) FROM srv_device")" >/dev/null
ok $? "a third device exports a bundle and is revoked"
before=$(server_state)
says "da bi thu hoi" "$S" import-bundle --db "$SDB" "$T/a3.qtb"
ok $? "the revoked device's bundle is refused"
is "$(server_state)" "$before" "the refused bundles changed nothing on the server"

"$S" import-bundle --db "$SDB" --unit XA --reply "$T/r.qtb" --receipt \
    "$T/a.qtb" > "$T/receipt.txt"
ok $? "the province imports the bundle and writes a reply"
grep -q "^  $hash\$" "$T/receipt.txt"
ok $? "the receipt gives the bundle's SHA-256"
grep -q "Đảng bộ xã A (XA)" "$T/receipt.txt"
ok $? "and the unit"
is "$(awk '$1 == "member" { print $2 }' "$T/receipt.txt")" \
    "$(q A "SELECT count(*) FROM sync_outbox WHERE tbl = 'member'")" \
    "and the members it carried"
grep -q "^Tổng: $pending bản ghi" "$T/receipt.txt"
ok $? "and the total ($pending rows)"
for t in member session attendance essay; do
	is "$("$SQLRUN" "$SDB" "SELECT count(*) FROM $t WHERE id IN
	    (SELECT row_id FROM srv_row WHERE tbl = '$t' AND device_id =
	     (SELECT id FROM srv_device WHERE unit_id =
	      (SELECT id FROM unit WHERE code = 'XA') ORDER BY id LIMIT 1))")" \
	    "$(q A "SELECT count(*) FROM sync_outbox WHERE tbl = '$t'")" \
	    "the server holds every $t row of the bundle"
done

after=$(server_state)
"$S" import-bundle --db "$SDB" --reply "$T/r2.qtb" "$T/a.qtb" >/dev/null
ok $? "importing the same bundle again succeeds"
is "$(server_state)" "$after" "and changes nothing"

# The reply: refused altered, cut short or on another device.
cp "$T/r.qtb" "$T/rflip.qtb"
flip "$T/rflip.qtb"
says "Chu ky cua goi tra loi khong khop" client A import bundle --file "$T/rflip.qtb"
ok $? "a reply altered by one byte is refused"
cut_short "$T/r.qtb" "$T/rcut.qtb"
says "bi cat cut hoac hong" client A import bundle --file "$T/rcut.qtb"
ok $? "a reply cut short is refused"
says "goi cua may khac" client A2 import bundle --file "$T/r.qtb"
ok $? "a reply for another device is refused"
says "khong phai goi tra loi" client A import bundle --file "$T/a.qtb"
ok $? "a bundle going up is not taken for a reply"
is "$(q A "SELECT count(*) FROM sync_outbox WHERE state = 'sent'")" "$pending" \
    "the refused replies changed nothing"

client A import bundle --file "$T/r.qtb" --receipt > "$T/a-receipt.txt"
ok $? "commune A imports the reply"
grep -q "^  $hash\$" "$T/a-receipt.txt"
ok $? "and prints the province's receipt"
is "$(q A "SELECT count(*) FROM sync_outbox")" 0 "the acknowledged changes leave the queue"
is "$(q A "SELECT count(*) FROM sync_batch")" 0 "and so do their batches"
is "$(q A "SELECT value FROM setting WHERE key = 'sync.last_success'")" \
    "$(date -d "@$(head -c 200 "$T/r.qtb" | sed -n 's/.* made i\([0-9]*\) .*/\1/p')" '+%Y-%m-%d %H:%M')" \
    "the last sync shown is when the province made the reply"
is "$(q A "SELECT count(*) FROM exemption_rule WHERE status = 'retired'
    AND must_write = 1")" 1 "the province's override arrived in the reply"
is "$(q A "SELECT count(*) FROM document_resolution")" 2 \
    "with the resolutions the plan covers"
a_state=$(q A "SELECT (SELECT count(*) FROM document_resolution),
    (SELECT count(*) FROM sync_conflict), (SELECT value FROM setting
    WHERE key = 'sync.cursor')")
out=$(LC_ALL=C client A import bundle --file "$T/r.qtb" 2>&1)
ok $? "the same reply again is taken"
case $out in
*"da duoc nhap truoc day"*) ok 0 "and said to be in already" ;;
*) ok 1 "and said to be in already"; printf '# %s\n' "$out" ;;
esac
client A import bundle --file "$T/r2.qtb" >/dev/null
ok $? "the reply to the second import is taken too"
is "$(q A "SELECT (SELECT count(*) FROM document_resolution),
    (SELECT count(*) FROM sync_conflict), (SELECT value FROM setting
    WHERE key = 'sync.cursor')")" "$a_state" "and neither changes anything"

# What a network sync gives: the second device pulls over the network,
# commune A then syncs and has nothing to send or to take.
client A2 sync --quiet
ok $? "the second device syncs over the network"
for spec in "member:full_name, status" \
    "attendance:member_id, session_id, status, reason" \
    "essay:member_id, awareness" "document_resolution:document_id, resolution_id" \
    "exemption_rule:document_id, status"; do
	t=${spec%%:*}
	is "$(rows A2 "$t" "${spec#*:}")" "$(rows A "$t" "${spec#*:}")" \
	    "commune A's $t rows equal what a network sync gives"
done
out=$(client A sync 2>&1)
ok $? "commune A syncs over the network afterwards"
case $out in
*"Đã gửi 0 bản ghi"*"nhận 0 bản ghi"*) ok 0 "with nothing left to send or take" ;;
*) ok 1 "with nothing left to send or take"; printf '# %s\n' "$out" ;;
esac
row() {
	grep "^$1," | cut -d, -f2- | tr -d '\r'
}
"$S" tally --db "$SDB" --plan 13-KH/TU --unit KG --format csv > "$T/kg.csv"
client A report tally --plan 13-KH/TU --unit XA --format csv > "$T/xa.csv"
is "$(row 'Đảng bộ xã A' < "$T/kg.csv")" "$(row 'Tổng cộng' < "$T/xa.csv")" \
    "the province's tally shows commune A's own figures"

# Nothing pending: the bundle only pulls, and its reply still comes back
# (--db given before the command, as quantriet --help says it may be).
global() {
	XDG_CONFIG_HOME=$T/A.cfg "$QUANTRIET" --db "$T/A.db" "$@"
}
global export bundle --file "$T/empty.qtb" >/dev/null &&
"$S" import-bundle --db "$SDB" --reply "$T/empty-r.qtb" "$T/empty.qtb" >/dev/null &&
global import bundle --file "$T/empty-r.qtb" >/dev/null
ok $? "a bundle with nothing to send goes up and back"
"$QUANTRIET" export --help | grep -q "^Cách dùng: quantriet export bundle"
ok $? "export --help says how"
"$QUANTRIET" export bundle 2>/dev/null
is $? 2 "export bundle without --file is a usage error"
"$QUANTRIET" import bundle --help | grep -q "^Cách dùng: quantriet import bundle"
ok $? "import bundle --help says how"

done_testing
