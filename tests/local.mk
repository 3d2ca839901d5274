# Tests of the core; each area lists its own tests in its local.mk.
EXTRA_DIST += tests/tap.sh tests/unit/tap.h

check_PROGRAMS += tests/unit/test_db
tests_unit_test_db_CFLAGS = $(QT_CFLAGS)
tests_unit_test_db_SOURCES = tests/unit/test_db.c tests/unit/old_db.c tests/unit/old_db.h
tests_unit_test_db_LDADD = $(QT_CORE_LIBS)
TESTS += tests/unit/test_db

# A power cut at every I/O operation of a run of saves (a VFS that keeps
# what the disk would hold): nothing acknowledged is lost.
check_PROGRAMS += tests/unit/test_powerloss
tests_unit_test_powerloss_CFLAGS = $(QT_CFLAGS)
tests_unit_test_powerloss_LDADD = $(QT_CORE_LIBS)
TESTS += tests/unit/test_powerloss

include tests/net/local.mk
include tests/monkey/local.mk
include tests/fuzz/local.mk

# The interface without colours (TERM=vt100, NO_COLOR) and with them.
TESTS += tests/e2e/mono.sh
EXTRA_DIST += tests/e2e/mono.sh

# The modes of every kind of file both programs create, under umask 000
# and 022 (docs/files.md).
TESTS += tests/cli/private.sh
EXTRA_DIST += tests/cli/private.sh

# A district server: setup-district, and real Unix users of two units kept
# apart by the operating system (docs/district-server.md). Needs root.
TESTS += tests/cli/district.sh
EXTRA_DIST += tests/cli/district.sh

# Kill loop: SIGKILL an import, a sync, the server or the interface
# mid-write; nothing acknowledged lost or doubled, integrity_check passes.
# A short run; contrib/kill-loop.sh the long one.
TESTS += tests/sync/kill.sh
EXTRA_DIST += tests/sync/kill.sh

# Many clerks on one database: interfaces in tmux, imports and a sync
# loop at once; no busy message, nothing lost.
TESTS += tests/sync/clerks.sh
EXTRA_DIST += tests/sync/clerks.sh

# The global options before any command (src/main.c).
TESTS += tests/cli/global_db.sh
EXTRA_DIST += tests/cli/global_db.sh

# A number on the command line is read whole (src/optnum.c).
TESTS += tests/cli/numbers.sh
EXTRA_DIST += tests/cli/numbers.sh

# The program ends, keeping drafts, when its terminal or its input goes.
TESTS += tests/e2e/hangup.sh
EXTRA_DIST += tests/e2e/hangup.sh

# Raw key sequences of PuTTY, xterm, the Linux console, vt100/vt220 under
# every TERM a clerk's set-up announces.
TESTS += tests/e2e/terminals.sh
EXTRA_DIST += tests/e2e/terminals.sh
