# The store: every query and write the interface makes (no curses here).
noinst_LIBRARIES += libqt_store.a
libqt_store_a_CFLAGS = $(QT_CFLAGS)
libqt_store_a_SOURCES = \
	src/store/store.h src/store/store_int.h \
	src/store/store_util.c \
	src/store/store_unit.c \
	src/store/store_member.c \
	src/store/store_plan.c \
	src/store/store_document.c \
	src/store/store_action.c \
	src/store/store_report_due.c \
	src/store/store_plan_import.c \
	src/store/store_session.c \
	src/store/store_home.c \
	src/store/store_changes.c

check_PROGRAMS += tests/unit/test_store_member tests/unit/test_store_session
tests_unit_test_store_member_CFLAGS = $(QT_CFLAGS)
tests_unit_test_store_member_LDADD = libqt_store.a libqt_domain.a $(QT_CORE_LIBS)
tests_unit_test_store_session_CFLAGS = $(QT_CFLAGS)
tests_unit_test_store_session_SOURCES = tests/unit/test_store_session.c \
	tests/unit/scratch_db.c tests/unit/scratch_db.h
tests_unit_test_store_session_LDADD = libqt_store.a libqt_domain.a $(QT_CORE_LIBS)
TESTS += tests/unit/test_store_member tests/unit/test_store_session

# Essays and tally reports (UI-2).
libqt_store_a_SOURCES += src/store/store_essay.c src/store/store_tally.c \
	src/store/store_submission.c
check_PROGRAMS += tests/unit/test_store_essay
tests_unit_test_store_essay_CFLAGS = $(QT_CFLAGS)
tests_unit_test_store_essay_SOURCES = tests/unit/test_store_essay.c \
	tests/unit/domain_fixture.c tests/unit/domain_fixture.h
tests_unit_test_store_essay_LDADD = libqt_store.a libqt_domain.a $(QT_CORE_LIBS)
TESTS += tests/unit/test_store_essay
# Editing and deleting, everyone present, reopening a final report.
check_PROGRAMS += tests/unit/test_store_edit
tests_unit_test_store_edit_CFLAGS = $(QT_CFLAGS)
tests_unit_test_store_edit_SOURCES = tests/unit/test_store_edit.c \
	tests/unit/scratch_db.c tests/unit/scratch_db.h
tests_unit_test_store_edit_LDADD = libqt_store.a libqt_domain.a $(QT_CORE_LIBS)
TESTS += tests/unit/test_store_edit
# Reports going up: submitted, returned, resubmitted, accepted; who may.
check_PROGRAMS += tests/unit/test_store_submission
tests_unit_test_store_submission_CFLAGS = $(QT_CFLAGS)
tests_unit_test_store_submission_SOURCES = tests/unit/test_store_submission.c \
	tests/unit/scratch_db.c tests/unit/scratch_db.h
tests_unit_test_store_submission_LDADD = libqt_store.a libqt_domain.a $(QT_CORE_LIBS)
TESTS += tests/unit/test_store_submission

# Which documents are a unit's plans and which stay references.
check_PROGRAMS += tests/unit/test_store_plan
tests_unit_test_store_plan_CFLAGS = $(QT_CFLAGS)
tests_unit_test_store_plan_SOURCES = tests/unit/test_store_plan.c \
	tests/unit/scratch_db.c tests/unit/scratch_db.h
tests_unit_test_store_plan_LDADD = libqt_store.a libqt_domain.a $(QT_CORE_LIBS)
TESTS += tests/unit/test_store_plan

# The audit trail: written by triggers whoever writes, read in words.
check_PROGRAMS += tests/unit/test_audit
tests_unit_test_audit_CFLAGS = $(QT_CFLAGS)
tests_unit_test_audit_SOURCES = tests/unit/test_audit.c \
	tests/unit/scratch_db.c tests/unit/scratch_db.h
tests_unit_test_audit_LDADD = libqt_store.a libqt_sync.a libqt_domain.a \
	$(QT_CORE_LIBS)
TESTS += tests/unit/test_audit
