# Sync with the provincial server: the client library (quantriet sync,
# quantriet enroll, the interface's sync screen) and the code it shares
# with quantriet-server (src/server). docs/sync.md is the protocol.
noinst_LIBRARIES += libqt_sync.a
libqt_sync_a_CFLAGS = $(QT_CFLAGS)
libqt_sync_a_SOURCES = \
	src/sync/wire.c src/sync/wire.h \
	src/sync/rows.c src/sync/rows.h \
	src/sync/sync.h src/sync/sync_int.h \
	src/sync/http.c src/sync/http.h \
	src/sync/netlib.c src/sync/netlib.h \
	src/sync/queue.c src/sync/split.c src/sync/inbox.c src/sync/conflict.c src/sync/cred.c \
	src/sync/run.c src/sync/enroll.c src/sync/rekey.c src/sync/lock.c \
	src/sync/sha256.c src/sync/sha256.h \
	src/sync/reply.c src/sync/bundle.c src/sync/bundle.h \
	src/sync/bundle_out.c src/sync/bundle_in.c
QT_EMBEDDED += data/schema/002_sync.sql data/schema/003_sync_more.sql \
	data/schema/004_tally_history.sql

# Tests: tests/sync/*.sh run quantriet-server on loopback with a test CA
# (tests/net); sqlrun builds their fixtures through db_open().
check_PROGRAMS += tests/sync/sqlrun
tests_sync_sqlrun_CFLAGS = $(QT_CFLAGS)
tests_sync_sqlrun_LDADD = libqt_sync.a $(QT_CORE_LIBS)
TESTS += tests/sync/sync.sh tests/sync/cut.sh tests/sync/scope.sh \
	tests/sync/preauth.sh tests/sync/prework.sh tests/sync/v2.sh \
	tests/sync/slow.sh tests/sync/crowd.sh tests/sync/review.sh \
	tests/sync/conflict.sh tests/sync/poll.sh tests/sync/bundle.sh
EXTRA_DIST += tests/sync/sync.sh tests/sync/cut.sh tests/sync/scope.sh tests/sync/preauth.sh tests/sync/prework.sh tests/sync/v2.sh tests/sync/fixture.sh \
	tests/sync/slow.sh tests/sync/crowd.sh tests/sync/review.sh \
	tests/sync/measure.sh tests/sync/conflict.sh tests/sync/poll.sh \
	tests/sync/bundle.sh

# The bundle file: read back, and refused cut or altered at any byte.
check_PROGRAMS += tests/unit/test_bundle
tests_unit_test_bundle_CFLAGS = $(QT_CFLAGS)
tests_unit_test_bundle_LDADD = libqt_sync.a $(QT_CORE_LIBS)
TESTS += tests/unit/test_bundle

check_PROGRAMS += tests/unit/test_sync_wire
tests_unit_test_sync_wire_CFLAGS = $(QT_CFLAGS)
tests_unit_test_sync_wire_LDADD = libqt_sync.a $(QT_CORE_LIBS)
TESTS += tests/unit/test_sync_wire

check_PROGRAMS += tests/unit/test_sync_queue
tests_unit_test_sync_queue_CFLAGS = $(QT_CFLAGS)
tests_unit_test_sync_queue_LDADD = libqt_sync.a $(QT_CORE_LIBS)
TESTS += tests/unit/test_sync_queue

check_PROGRAMS += tests/unit/test_sync_run
tests_unit_test_sync_run_CFLAGS = $(QT_CFLAGS)
tests_unit_test_sync_run_LDADD = libqt_sync.a $(QT_CORE_LIBS)
TESTS += tests/unit/test_sync_run

check_PROGRAMS += tests/unit/test_sync_migrate
tests_unit_test_sync_migrate_CFLAGS = $(QT_CFLAGS)
tests_unit_test_sync_migrate_SOURCES = tests/unit/test_sync_migrate.c \
	tests/unit/old_db.c tests/unit/old_db.h
tests_unit_test_sync_migrate_LDADD = libqt_sync.a $(QT_CORE_LIBS)
TESTS += tests/unit/test_sync_migrate
