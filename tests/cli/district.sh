#!/bin/sh
# A district server (docs/district-server.md): quantriet setup-district
# makes one Unix group, directory and database per unit, idempotently;
# then, with real Unix users, the operating system keeps each unit's
# clerks out of the other's database, drafts and sync credential, each
# clerk opens their own unit's database without --db, and a refusal is a
# sentence, not a crash. Creates users and groups, so it needs root; it
# removes them however it ends.
. "$top_srcdir/tests/sync/fixture.sh"

[ "$(id -u)" -eq 0 ] || skip_all "cần quyền root để tạo người dùng và nhóm"
for _t in useradd userdel groupdel setpriv; do
	command -v "$_t" >/dev/null 2>&1 || skip_all "không có $_t trên máy"
done
[ -x "$QUANTRIET" ] || skip_all "chưa dựng quantriet"
command -v "${OPENSSL:-openssl}" >/dev/null 2>&1 || skip_all "openssl not found"

TAP_TMP=$NET_TMP
# Users and groups named after this run, so a leftover is never another's;
# US is the account the units' cron syncs run as.
P=qtd$$
GA=${P}a GB=${P}b UA=${P}ua UA2=${P}ua2 UB=${P}ub UO=${P}uo US=${P}us
cleanup() {
	for _u in $UA $UA2 $UB $UO $US; do
		getent passwd "$_u" >/dev/null && userdel "$_u"
	done
	for _g in $GA $GB; do
		getent group "$_g" >/dev/null && groupdel "$_g"
	done
	return 0
}
tap_at_exit cleanup

# The users must reach the scratch directory and the program: a copy of
# it (it needs nothing beside it), as the build may be in a private place.
chmod 711 "$TAP_TMP"
mkdir -m 755 "$TAP_TMP/bin" && cp "$QUANTRIET" "$TAP_TMP/bin/quantriet" &&
    chmod 755 "$TAP_TMP/bin/quantriet" || exit 1
for _q in "$TAP_TMP/bin/quantriet" "$QUANTRIET" ''; do
	[ -n "$_q" ] || skip_all "người dùng khác không chạy được quantriet ở đây"
	setpriv --reuid=nobody --regid=nogroup --clear-groups "$_q" --version \
	    >/dev/null 2>&1 && break
done
QUANTRIET=$_q
D=$TAP_TMP/district
DBA=$D/$GA/quantriet.db
DBB=$D/$GB/quantriet.db
cat >"$TAP_TMP/units" <<EOF
# nhóm  mã  tên
$GA	DU-A	Đảng bộ xã A
$GB  DU-B   Đảng bộ xã B
EOF

# as USER CMD...: CMD as USER with their groups, home and the district.
as() {
	_as_u=$1
	shift
	# A clerk's own TMPDIR, not the suite's (sync/fixture.sh may set
	# /dev/shm, which a fresh root keeps for root alone).
	setpriv --reuid="$_as_u" --regid="$(id -g "$_as_u")" --init-groups \
	    env -u TMPDIR HOME="$TAP_TMP/home-$_as_u" QUANTRIET_DISTRICT_DIR="$D" \
	    QUANTRIET_TODAY=2021-05-10 TERM=screen "$@"
}

# refused USER WHAT CMD...: CMD as USER fails with the refusal on stderr,
# and nothing else there (no sanitizer report, no crash).
refused() {
	_r_u=$1 _r_what=$2
	shift 2
	as "$_r_u" "$@" </dev/null >/dev/null 2>"$TAP_TMP/refused.err"
	_r_rc=$?
	grep -v 'cảnh báo: đầu vào' "$TAP_TMP/refused.err" >"$TAP_TMP/refused.rest"
	if [ "$_r_rc" -eq 1 ] && [ "$(wc -l <"$TAP_TMP/refused.rest")" -eq 1 ] &&
	    grep -q "Bạn không có quyền mở $DBA: .* nhóm $GA" "$TAP_TMP/refused.rest"
	then
		ok 0 "$_r_what: refused in one sentence naming the group"
	else
		ok 1 "$_r_what: refused in one sentence naming the group"
		echo "# status $_r_rc"
		sed 's/^/# /' "$TAP_TMP/refused.err"
	fi
}

# modes: owner, group and mode of the layout, one line each.
modes() {
	stat -c '%n %U %G %a %Y' "$D" "$D/$GA" "$D/$GB" "$DBA" "$DBB"
}

# A dry run says what it would do and does nothing.
"$QUANTRIET" setup-district --units "$TAP_TMP/units" --dir "$D" --dry-run \
    >"$TAP_TMP/dry.out"
ok $? "setup-district --dry-run succeeds"
is "$(grep -c '^Tạo' "$TAP_TMP/dry.out")" 7 \
    "the dry run lists 7 things to make (district, 2 groups, 2 directories, 2 databases)"
[ ! -e "$D" ] && ! getent group "$GA" >/dev/null
ok $? "and makes none of them"

"$QUANTRIET" setup-district --units "$TAP_TMP/units" --dir "$D" >"$TAP_TMP/setup.out"
ok $? "setup-district makes the district"
getent group "$GA" >/dev/null && getent group "$GB" >/dev/null
ok $? "a Unix group per unit"
is "$(modes | cut -d' ' -f2-4 | tr '\n' ' ')" \
    "root root 711 root $GA 2770 root $GB 2770 root $GA 660 root $GB 660 " \
    "district 0711; each unit's directory 2770 and database 0660, of its group"

before=$(modes)
"$QUANTRIET" setup-district --units "$TAP_TMP/units" --dir "$D" >"$TAP_TMP/again.out"
ok $? "a second run succeeds"
grep -q "^Không có gì thay đổi: 2 đơn vị" "$TAP_TMP/again.out" &&
    [ "$(wc -l <"$TAP_TMP/again.out")" -eq 1 ]
ok $? "and says that nothing changed"
is "$(modes)" "$before" "nothing changed: owners, modes, times"

chmod 644 "$DBA"
chmod 755 "$D/$GB"
"$QUANTRIET" setup-district --units "$TAP_TMP/units" --dir "$D" >"$TAP_TMP/fix.out"
is "$(grep -c '^Sửa' "$TAP_TMP/fix.out")" 2 "a third run corrects a widened database and directory"
is "$(stat -c %a "$DBA" "$D/$GB" | tr '\n' ' ')" "660 2770 " "back to 0660 and 2770"

printf '%s\tDU-C\n' "${P}c" >>"$TAP_TMP/units"
"$QUANTRIET" setup-district --units "$TAP_TMP/units" --dir "$D" \
    >"$TAP_TMP/bad.out" 2>&1
is "$?/$(grep -c 'dòng 4' "$TAP_TMP/bad.out")" 1/1 "a bad line is refused with its number"
! getent group "${P}c" >/dev/null
ok $? "and nothing is made for any line"

# Clerks: UA and UA2 of unit A, UB of unit B; UO, an officer, in both.
for _u in $UA:$GA $UA2:$GA $UB:$GB $UO:$GA; do
	useradd -M -N -d "$TAP_TMP/home-${_u%%:*}" -g "${_u#*:}" -s /bin/sh \
	    "${_u%%:*}" || exit 1
	mkdir -m 700 "$TAP_TMP/home-${_u%%:*}"
	chown "${_u%%:*}" "$TAP_TMP/home-${_u%%:*}"
done
usermod -a -G "$GB" "$UO"
useradd -M -N -r -d /nonexistent -s /usr/sbin/nologin "$US" || exit 1

# Each clerk's database, found from their group without --db.
is "$(as "$UA" "$QUANTRIET" demo)" \
    "Đã tạo cơ sở dữ liệu mẫu $DBA: 12 đơn vị, 150 người, 7 văn bản" \
    "a clerk of A, without --db, writes into A's database"
is "$(as "$UB" "$QUANTRIET" check)" "Không phát hiện vấn đề nào." \
    "a clerk of B, without --db, opens B's database"
as "$UA2" "$QUANTRIET" demo >/dev/null 2>"$TAP_TMP/ua2.err"
grep -q "$DBA đã có dữ liệu" "$TAP_TMP/ua2.err"
ok $? "another clerk of A finds A's data there, without --db"
is "$(as "$UA2" "$QUANTRIET" report tally --plan 13-KH/TU | grep -c "Tổng số đảng viên: 144")" 1 \
    "and prints its report"
is "$(stat -c '%G %a' "$DBA")" "$GA 660" "writes by the clerks keep the database the unit's"
as "$UO" "$QUANTRIET" check >/dev/null 2>"$TAP_TMP/uo.err"
is "$?" 1 "an officer of both units is not guessed for"
grep -q "Bạn thuộc 2 đơn vị trên máy này .*$DBA.*--db" "$TAP_TMP/uo.err" ||
    grep -q "Bạn thuộc 2 đơn vị trên máy này .*$DBB.*--db" "$TAP_TMP/uo.err"
ok $? "and is told to choose one with --db"
is "$(as "$UO" "$QUANTRIET" --db "$DBB" check)" "Không phát hiện vấn đề nào." \
    "the officer opens a unit's database with --db"

# B's clerk cannot read, write or even see into A's directory.
sum=$(md5sum <"$DBA")
as "$UB" cat "$DBA" >/dev/null 2>&1
is $? 1 "a clerk of B cannot read A's database"
as "$UB" sh -c ": >>'$DBA'" 2>/dev/null
is $? 2 "nor write it (the shell cannot open it for writing)"
as "$UB" ls "$D/$GA" >/dev/null 2>&1
is $? 2 "nor list A's directory"
refused "$UB" "the interface" "$QUANTRIET" --db "$DBA"
refused "$UB" "check" "$QUANTRIET" --db "$DBA" check
refused "$UB" "report" "$QUANTRIET" --db "$DBA" report tally --plan 13-KH/TU
refused "$UB" "import" "$QUANTRIET" --db "$DBA" import members --cell CB-VP --file /dev/null
refused "$UB" "demo" "$QUANTRIET" demo --db "$DBA"
refused "$UB" "sync" "$QUANTRIET" --db "$DBA" sync
refused "$UB" "enroll" "$QUANTRIET" --db "$DBA" enroll https://127.0.0.1:1 MA
[ "$(md5sum <"$DBA")" = "$sum" ] && [ "$(stat -c '%U %G %a' "$DBA")" = "root $GA 660" ]
ok $? "A's database is untouched by all of it"

# A draft: UA types a new member's name into the interface, keys from a
# file; at their end the draft is kept, in UA's own state directory.
printf '1\033OSMai Văn Hùng' >"$TAP_TMP/keys"
chmod 644 "$TAP_TMP/keys"
as "$UA" "$QUANTRIET" <"$TAP_TMP/keys" >/dev/null 2>&1
ok $? "a clerk of A runs the interface without --db"
draft=$(ls "$TAP_TMP/home-$UA"/.local/state/quantriet/draft-*-member_form-0.txt 2>/dev/null)
grep -q "^full_name=Mai Văn Hùng" "$draft" 2>/dev/null
ok $? "what was typed is kept as a draft"
grep -q "^@database_path=$DBA$" "$draft" 2>/dev/null
ok $? "for A's database, opened without --db"
is "$(stat -c '%U %a' "$draft" "$(dirname "$draft")" | tr '\n' ' ')" \
    "$UA 600 $UA 700 " "the draft 0600 in a 0700 directory of its clerk"
as "$UB" cat "$draft" >/dev/null 2>&1
is $? 1 "a clerk of B cannot read it"
as "$UA2" cat "$draft" >/dev/null 2>&1
is $? 1 "nor can another clerk of A: a draft is its typist's"

# B's sync credential, as docs/district-server.md sets it up: the sync
# account enrols B's database with B's group only, its configuration in a
# 0700 directory of its own for the unit; cron syncs the same way.
sh "$NET_MKCA" "$NET_TMP/pki" >/dev/null || exit 1
"$S" unit-add --db "$SDB" --code KG --name 'Tỉnh ủy Kiên Giang' \
    --kind province >/dev/null &&
"$S" unit-add --db "$SDB" --code DU-B --name 'Đảng bộ xã B' --kind commune \
    --parent KG >/dev/null || exit 1
start_server srv "$NET_TMP/pki/server.pem" "$NET_TMP/pki/server.key"
code=$("$S" enroll-code --db "$SDB" --unit DU-B)
SYNC=$TAP_TMP/sync
mkdir -m 700 "$SYNC" && install -d -o "$US" -m 700 "$SYNC/$GB" || exit 1
cp "$NET_TMP/pki/ca.pem" "$SYNC/ca.pem" && chmod 644 "$SYNC/ca.pem"
chmod 711 "$SYNC"
# as_sync CMD...: CMD as the sync account with B's group only.
as_sync() {
	setpriv --reuid="$US" --regid="$GB" --clear-groups env HOME=/nonexistent \
	    XDG_CONFIG_HOME="$SYNC/$GB" "$QUANTRIET" --db "$DBB" "$@"
}
as_sync enroll --quiet --cacert "$SYNC/ca.pem" "$URL" "$code"
ok $? "the sync account enrols B's database with B's group only"
cred=$(ls "$SYNC/$GB"/quantriet/credential-* 2>/dev/null)
is "$(stat -c '%U %a' "$cred" "$(dirname "$cred")" "$SYNC/$GB" 2>/dev/null |
    tr '\n' ' ')" "$US 600 $US 700 $US 700 " \
    "the credential 0600 in 0700 directories of the sync account"
as_sync sync --quiet --cacert "$SYNC/ca.pem"
ok $? "the cron line's sync runs with it"
is "$(stat -c '%G %a' "$DBB")" "$GB 660" "and leaves B's database the unit's"
as "$UA" cat "$cred" >/dev/null 2>&1
is $? 1 "a clerk of A cannot read B's credential"
as "$UB" cat "$cred" >/dev/null 2>&1
is $? 1 "nor can a clerk of B: only the sync account syncs"
as "$UB" sh -c ": >>'$cred'" 2>/dev/null
is $? 2 "nor overwrite it"
as "$UA" env XDG_CONFIG_HOME="$SYNC/$GB" "$QUANTRIET" --db "$DBB" sync \
    </dev/null >/dev/null 2>"$TAP_TMP/sync.err"
is "$?/$(grep -c 'Bạn không có quyền mở' "$TAP_TMP/sync.err")" 1/1 \
    "a clerk of A given its directory cannot sync B: refused in a sentence"
net_stop srv

done_testing
