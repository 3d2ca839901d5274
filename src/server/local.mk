# quantriet-server(8): the provincial sync server (docs/sync.md).
bin_PROGRAMS += quantriet-server
quantriet_server_SOURCES = \
	src/server/server.c src/server/srv.h \
	src/server/serve.c src/server/common.c \
	src/server/push.c src/server/pull.c src/server/sync.c src/server/enrol.c \
	src/server/conflict.c src/server/scope.c src/server/throttle.c src/server/guard.c \
	src/server/bundle.c src/server/receipt.c
quantriet_server_CFLAGS = $(QT_CFLAGS)
quantriet_server_LDADD = libqt_cli.a libqt_sync.a libqt_store.a libqt_domain.a $(QT_CORE_LIBS) $(MHD_LIBS)

dist_man_MANS += docs/quantriet-server.8
EXTRA_DIST += docs/sync.md contrib/quantriet-server.service \
	contrib/nginx-quantriet.conf

check_PROGRAMS += tests/unit/test_sha256
tests_unit_test_sha256_CFLAGS = $(QT_CFLAGS)
tests_unit_test_sha256_SOURCES = tests/unit/test_sha256.c src/sync/sha256.c src/sync/sha256.h
TESTS += tests/unit/test_sha256

# The push handler in protocol versions 1 and 2 (docs/sync.md, Versioning).
check_PROGRAMS += tests/unit/test_srv_push
tests_unit_test_srv_push_CFLAGS = $(QT_CFLAGS)
tests_unit_test_srv_push_SOURCES = tests/unit/test_srv_push.c \
	tests/unit/scratch_db.c tests/unit/scratch_db.h \
	src/server/push.c src/server/common.c src/server/scope.c \
	src/server/conflict.c
tests_unit_test_srv_push_LDADD = libqt_sync.a $(QT_CORE_LIBS)
TESTS += tests/unit/test_srv_push

# Version 3's round trip beside the old pull (docs/sync.md, Sync).
check_PROGRAMS += tests/unit/test_srv_sync
tests_unit_test_srv_sync_CFLAGS = $(QT_CFLAGS)
tests_unit_test_srv_sync_SOURCES = tests/unit/test_srv_sync.c \
	tests/unit/scratch_db.c tests/unit/scratch_db.h \
	src/server/sync.c src/server/push.c src/server/pull.c \
	src/server/common.c src/server/scope.c src/server/conflict.c
tests_unit_test_srv_sync_LDADD = libqt_sync.a $(QT_CORE_LIBS)
TESTS += tests/unit/test_srv_sync
