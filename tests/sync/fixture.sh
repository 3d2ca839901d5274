# fixture.sh - shared set-up of the sync tests (sourced, not run; it
# sources tests/tap.sh and tests/net/lib.sh and calls net_init).
#
# sync_setup: a test PKI, a provincial server database holding the tree
# province KG > communes XA, XB, enrolment of a province device (P) and of
# one device per commune (A, B), and the server running over TLS on a free
# loopback port ($URL). Needs openssl.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/net/lib.sh"
# Scratch databases need not survive a power cut: where a RAM file system
# is at hand, their many fsyncs (synchronous=FULL) cost nothing there.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
	TMPDIR=/dev/shm
	export TMPDIR
fi
net_init
# A test's syncs start at once and fail at the first failure, as they did
# before cron runs waited and tried again (tests/sync/crowd.sh and
# slow.sh set their own figures).
QUANTRIET_TEST_JITTER_MS=${QUANTRIET_TEST_JITTER_MS:-0}
QUANTRIET_TEST_BACKOFF_MS=${QUANTRIET_TEST_BACKOFF_MS:-0,0,0}
export QUANTRIET_TEST_JITTER_MS QUANTRIET_TEST_BACKOFF_MS
# and the server gives no poll hint (docs/sync.md), so every cron sync
# goes out, unless a test asks for one (a quiet time in seconds).
QUANTRIET_TEST_POLL_QUIET_S=${QUANTRIET_TEST_POLL_QUIET_S:-999999999999}
export QUANTRIET_TEST_POLL_QUIET_S

S=$QUANTRIET_SERVER
SQLRUN=$top_builddir/tests/sync/sqlrun
SDB=$NET_TMP/server.db

# client NAME ARGS...: quantriet as device NAME, with its own database
# and credential directory.
client() {
	_c_name=$1
	shift
	XDG_CONFIG_HOME=$NET_TMP/$_c_name.cfg "$QUANTRIET" "$@" --db "$NET_TMP/$_c_name.db"
}

# q NAME SQL: one value from device NAME's database.
q() {
	"$SQLRUN" "$NET_TMP/$1.db" "$2"
}

# cred NAME: the path of device NAME's credential (one per database,
# named by its database_id).
cred() {
	printf '%s/%s.cfg/quantriet/credential-%s\n' "$NET_TMP" "$1" \
	    "$(q "$1" "SELECT value FROM setting WHERE key = 'database_id'")"
}

# requests: how many protocol requests the server has answered.
requests() {
	grep -c 'POST /v1/' "$NET_TMP/srv.log"
}

# says TEXT CMD...: runs CMD (in the C locale, so messages come out
# unaccented) and fails unless it fails saying TEXT.
says() {
	_says_text=$1
	shift
	_says_out=$(LC_ALL=C "$@" 2>&1) && return 1
	case $_says_out in
	*"$_says_text"*) return 0 ;;
	esac
	printf '# %s\n' "$_says_out"
	return 1
}

# start_server NAME CERT KEY: quantriet-server on loopback, on the port
# of the previous one if any (the devices' credentials name it), else on a
# free one, with $SERVER_OPTS if set; sets $URL.
start_server() {
	rm -f "$NET_TMP/$1.port"
	# shellcheck disable=SC2086 # word splitting intended
	net_bg "$1" "$S" serve --db "$SDB" --cert "$2" --key "$3" \
	    --listen 127.0.0.1 --port "${_s_port:-0}" \
	    --port-file "$NET_TMP/$1.port" --log ${SERVER_OPTS:-}
	_s_port=$(net_wait_port_file "$NET_TMP/$1.port") || exit 1
	URL=https://127.0.0.1:$_s_port
}

sync_setup() {
	command -v "${OPENSSL:-openssl}" >/dev/null 2>&1 ||
	    skip_all "openssl not found"
	[ -x "$QUANTRIET" ] || skip_all "quantriet not built"
	sh "$NET_MKCA" "$NET_TMP/pki" || exit 1
	PKI=$NET_TMP/pki
	"$S" unit-add --db "$SDB" --code KG --name 'Tỉnh ủy Kiên Giang' \
	    --kind province >/dev/null &&
	"$S" unit-add --db "$SDB" --code XA --name 'Đảng bộ xã A' \
	    --kind commune --parent KG >/dev/null &&
	"$S" unit-add --db "$SDB" --code XB --name 'Đảng bộ xã B' \
	    --kind commune --parent KG >/dev/null || exit 1
	start_server srv "$PKI/server.pem" "$PKI/server.key"
	for _d in P:KG A:XA B:XB; do
		enrol "${_d%%:*}" "${_d#*:}" || exit 1
	done
}

# enrol NAME UNIT: device NAME of UNIT gets a credential and a first sync.
enrol() {
	_e_code=$("$S" enroll-code --db "$SDB" --unit "$2") &&
	client "$1" enroll --quiet --cacert "$PKI/ca.pem" "$URL" "$_e_code" &&
	client "$1" sync --quiet
}

# commune_data NAME COMMUNE CELLS MEMBERS: device NAME records, in each of
# CELLS new cells of COMMUNE with MEMBERS members each, a session of plan
# 13-KH/TU with attendance, and an essay from every active member.
commune_data() {
	"$SQLRUN" "$NET_TMP/$1.db" <<EOSQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $3)
INSERT INTO unit(id, parent_id, kind, code, name, name_fold)
  SELECT qt_new_id(), (SELECT id FROM unit WHERE code = '$2'), 'cell',
    '$2-' || i, 'Chi bộ ấp ' || i, qt_fold('Chi bộ ấp ' || i) FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $4)
INSERT INTO member(id, unit_id, full_name, name_fold, name_sort, position, status)
  SELECT qt_new_id(), u.id, 'Nguyễn Văn Tư ' || i, qt_fold('Nguyễn Văn Tư ' || i),
    qt_name_sort('Nguyễn Văn Tư ' || i), 'Đảng viên', CASE WHEN i % 10 = 0 THEN 'retired' ELSE 'active' END
  FROM n, unit u WHERE u.code LIKE '$2-%';
INSERT INTO session(id, document_id, unit_id, title, held_on, status)
  SELECT qt_new_id(), (SELECT id FROM document WHERE number = '13-KH/TU'),
    u.id, 'Học tập, quán triệt Nghị quyết', '2026-11-10', 'held'
  FROM unit u WHERE u.code LIKE '$2-%';
INSERT INTO attendance(id, session_id, member_id, status, reason)
  SELECT qt_new_id(), s.id, m.id,
    CASE WHEN m.id % 7 = 0 THEN 'absent' ELSE 'present' END,
    CASE WHEN m.id % 7 = 0 THEN 'Đi làm ăn xa' ELSE '' END
  FROM member m JOIN session s ON s.unit_id = m.unit_id;
INSERT INTO essay(id, document_id, member_id, due_on, submitted_on, grade,
    awareness, duties, proposals)
  SELECT qt_new_id(), (SELECT id FROM document WHERE number = '13-KH/TU'),
    m.id, '2026-11-17', '2026-11-15', 'good',
    'Nhận thức sâu sắc hơn về vai trò lãnh đạo của Đảng, về mục tiêu phát triển kinh tế - xã hội của tỉnh.',
    'Là đảng viên ở ấp, tôi gương mẫu thực hiện, vận động gia đình và bà con cùng thực hiện.',
    'Đề nghị chi bộ tổ chức sinh hoạt chuyên đề hằng quý.'
  FROM member m WHERE m.status = 'active' AND m.unit_id IN
    (SELECT id FROM unit WHERE code LIKE '$2-%')
    AND NOT EXISTS (SELECT 1 FROM essay e WHERE e.member_id = m.id);
EOSQL
}

# prework NAME CODE: device NAME's new database, before enrolment, holds
# commune CODE with a cell, 40 members, its own plan, a session and 40
# attendance marks (84 changes).
prework() {
	"$SQLRUN" "$NET_TMP/$1.db" <<EOSQL
INSERT INTO unit(id, parent_id, kind, code, name, name_fold)
  VALUES (qt_new_id(), NULL, 'commune', '$2', 'Xã nhập trước', qt_fold('Xã nhập trước'));
INSERT INTO unit(id, parent_id, kind, code, name, name_fold)
  SELECT qt_new_id(), id, 'cell', '$2-AP1', 'Chi bộ ấp Một', qt_fold('Chi bộ ấp Một')
  FROM unit WHERE code = '$2';
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
INSERT INTO member(id, unit_id, full_name, name_fold, name_sort, status)
  SELECT qt_new_id(), u.id, 'Trần Văn Ba ' || i, qt_fold('Trần Văn Ba ' || i),
    qt_name_sort('Trần Văn Ba ' || i), 'active'
  FROM n, unit u WHERE u.code = '$2-AP1';
INSERT INTO document(id, owner_unit_id, number, kind, issuer, issued_on, title)
  SELECT qt_new_id(), id, '07-KH/DU', 'KH', 'Đảng ủy xã', '2026-11-02',
    'Kế hoạch học tập Nghị quyết' FROM unit WHERE code = '$2';
INSERT INTO session(id, document_id, unit_id, title, held_on, status)
  SELECT qt_new_id(), d.id, u.id, 'Học tập tại chi bộ', '2026-11-12', 'held'
  FROM document d, unit u WHERE d.number = '07-KH/DU' AND u.code = '$2-AP1';
INSERT INTO attendance(id, session_id, member_id, status)
  SELECT qt_new_id(), s.id, m.id, 'present' FROM session s, member m;
EOSQL
}

# via_proxy "DEVICES" PROXY-OPTIONS...: starts qt-proxy in front of the
# server with those options (its --stats-file is $NET_TMP/proxy.stats)
# and points the DEVICES' credentials at it.
via_proxy() {
	_v_devices=$1
	shift
	rm -f "$NET_TMP/proxy.port"
	net_bg proxy "$QT_PROXY" --target "127.0.0.1:${URL##*:}" "$@" \
	    --port-file "$NET_TMP/proxy.port" --stats-file "$NET_TMP/proxy.stats"
	_v_port=$(net_wait_port_file "$NET_TMP/proxy.port") || exit 1
	for _v_d in $_v_devices; do
		sed -i "s|^url .*|url https://127.0.0.1:$_v_port|" \
		    "$(cred "$_v_d")"
	done
}

# province_plan NAME: device NAME (the province) issues plan 13-KH/TU.
province_plan() {
	"$SQLRUN" "$NET_TMP/$1.db" <<'EOSQL'
INSERT INTO document(id, owner_unit_id, number, kind, issuer, place,
    issued_on, title, purpose)
  VALUES (qt_new_id(), (SELECT id FROM unit WHERE code = 'KG'), '13-KH/TU',
    'KH', 'Tỉnh ủy Kiên Giang', 'Kiên Giang', '2026-11-01',
    'Kế hoạch học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh',
    'Cán bộ, đảng viên nắm vững nội dung Nghị quyết');
INSERT INTO plan_session(id, document_id, level, ordinal, title, audience)
  VALUES (qt_new_id(), (SELECT id FROM document WHERE number = '13-KH/TU'),
    'cell', 1, 'Học tập tại chi bộ', 'Toàn thể đảng viên');
INSERT INTO essay_rule(document_id, due_days, grader)
  VALUES ((SELECT id FROM document WHERE number = '13-KH/TU'), 7, 'Chi ủy');
EOSQL
}

# plan_override NAME: device NAME (the province) records that plan
# 13-KH/TU covers two resolutions and asks retired members to write too.
plan_override() {
	"$SQLRUN" "$NET_TMP/$1.db" <<'EOSQL'
INSERT INTO resolution(id, code, title, issued_on) VALUES
  (qt_new_id(), 'NQ-DH-XI', 'Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI', '2020-10-15'),
  (qt_new_id(), 'NQ-05', 'Nghị quyết số 05-NQ/TU về chuyển đổi số', '2021-06-01');
INSERT INTO document_resolution(id, document_id, resolution_id)
  SELECT qt_new_id(), d.id, r.id FROM document d, resolution r
  WHERE d.number = '13-KH/TU';
INSERT INTO exemption_rule(id, document_id, status, must_write, reason)
  VALUES (qt_new_id(), (SELECT id FROM document WHERE number = '13-KH/TU'),
    'retired', 1, '');
EOSQL
}
