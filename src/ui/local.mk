# The terminal interface: the framework (src/ui) and one file per screen
# (screens/). Screens use the store for data, never SQL.
noinst_LIBRARIES += libqt_ui.a
libqt_ui_a_CFLAGS = $(QT_CFLAGS)
libqt_ui_a_SOURCES = \
	src/ui/ui.h src/ui/ui.c \
	src/ui/keys.h src/ui/keys.c \
	src/ui/termkeys.h src/ui/termkeys.c \
	src/ui/draw.h src/ui/draw.c \
	src/ui/edit.h src/ui/edit.c \
	src/ui/textarea_buf.h src/ui/textarea_buf.c \
	src/ui/textarea.h src/ui/textarea.c \
	src/ui/form.h src/ui/form.c \
	src/ui/list.h src/ui/list.c \
	src/ui/draft.h src/ui/draft.c \
	screens/home.c \
	screens/changes.c \
	screens/help.c \
	screens/members.c \
	screens/member_form.c \
	screens/plans.c \
	screens/sessions.c \
	screens/session_form.c \
	screens/attendance.c \
	screens/document_form.c \
	screens/plan_item_form.c \
	screens/plan_items.c \
	screens/plan_item_view.c \
	screens/actions.c \
	screens/action_form.c \
	screens/report_dues.c \
	screens/report_due_form.c \
	screens/plan_import.c \
	screens/remove.c screens/remove.h

check_PROGRAMS += tests/unit/test_ui_edit tests/unit/test_ui_draft \
	tests/unit/test_ui_keys tests/unit/test_ui_textarea
QT_UI_TEST_LIBS = libqt_ui.a libqt_sync.a libqt_store.a libqt_domain.a \
	$(QT_CORE_LIBS)
tests_unit_test_ui_edit_CFLAGS = $(QT_CFLAGS)
tests_unit_test_ui_edit_LDADD = $(QT_UI_TEST_LIBS)
tests_unit_test_ui_draft_CFLAGS = $(QT_CFLAGS)
tests_unit_test_ui_draft_LDADD = $(QT_UI_TEST_LIBS)
tests_unit_test_ui_keys_CFLAGS = $(QT_CFLAGS)
tests_unit_test_ui_keys_LDADD = $(QT_UI_TEST_LIBS)
tests_unit_test_ui_textarea_CFLAGS = $(QT_CFLAGS)
tests_unit_test_ui_textarea_LDADD = $(QT_UI_TEST_LIBS)
TESTS += tests/unit/test_ui_edit tests/unit/test_ui_draft \
	tests/unit/test_ui_keys tests/unit/test_ui_textarea
# test_ui_keys checks docs/keys.md against the key table.
EXTRA_DIST += docs/keys.md

# End-to-end tests: the program in tmux at 80x24 (skipped without tmux).
QT_E2E_TESTS = tests/e2e/home.sh tests/e2e/session.sh tests/e2e/locale.sh \
	tests/e2e/escape.sh tests/e2e/draft.sh tests/e2e/draft_owner.sh \
	tests/e2e/large.sh tests/e2e/members_search.sh tests/e2e/members_page.sh \
	tests/e2e/plan.sh tests/e2e/plan_item_details.sh tests/e2e/actions.sh tests/e2e/report_dues.sh tests/e2e/plan_chain.sh tests/e2e/slowlink.sh \
	tests/e2e/plan_changes.sh tests/e2e/essay_date.sh \
	tests/e2e/edit.sh tests/e2e/session_prefill.sh \
	tests/e2e/emptylist.sh tests/e2e/resize.sh \
	tests/e2e/deadline_words.sh tests/e2e/noessay.sh tests/e2e/plan_import.sh \
	tests/e2e/resolutions.sh tests/e2e/session_level.sh \
	tests/e2e/exemptions.sh
TESTS += $(QT_E2E_TESTS)
EXTRA_DIST += $(QT_E2E_TESTS) tests/e2e/lib.sh


# Essays and tally reports (UI-2).
libqt_ui_a_SOURCES += \
	screens/essays.c \
	screens/essay_form.c \
	screens/tally.c \
	screens/tally_form.c \
	screens/completeness.c \
	screens/tally_print.c screens/tally_print.h \
	screens/campaign.c screens/campaign.h \
	screens/longtext.c screens/longtext.h \
	screens/history.c
TESTS += tests/e2e/essays.sh tests/e2e/tally.sh tests/e2e/report_faces.sh \
	tests/e2e/completeness.sh tests/e2e/print.sh
EXTRA_DIST += tests/e2e/essays.sh tests/e2e/tally.sh tests/e2e/report_faces.sh \
	tests/e2e/lib_essay.sh tests/e2e/completeness.sh tests/e2e/print.sh
check_PROGRAMS += tests/unit/test_longtext
tests_unit_test_longtext_CFLAGS = $(QT_CFLAGS) -I$(top_srcdir)/screens
tests_unit_test_longtext_LDADD = libqt_ui.a libqt_sync.a libqt_store.a \
	libqt_domain.a $(QT_CORE_LIBS)
TESTS += tests/unit/test_longtext

# What terminals send (src/ui/termkeys.c), under real terminfo entries.
check_PROGRAMS += tests/unit/test_ui_termkeys
tests_unit_test_ui_termkeys_CFLAGS = $(QT_CFLAGS)
tests_unit_test_ui_termkeys_LDADD = $(QT_UI_TEST_LIBS)
TESTS += tests/unit/test_ui_termkeys

# A record's history (the audit trail) from its form.
TESTS += tests/e2e/history.sh
EXTRA_DIST += tests/e2e/history.sh
