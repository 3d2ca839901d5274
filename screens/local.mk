# Sync from the interface: the sync screen, its rejected records and
# conflict log, and enrolment (src/ui/local.mk lists the other screens).
libqt_ui_a_SOURCES += \
	screens/sync.c \
	screens/sync_issues.c \
	screens/enroll_form.c \
	screens/unit_match.c
TESTS += tests/e2e/sync.sh tests/e2e/unit_match.sh
EXTRA_DIST += tests/e2e/sync.sh tests/e2e/unit_match.sh

# Order and width as a clerk expects: members in Vietnamese order,
# deadlines that are never cut at 80 columns.
TESTS += tests/e2e/order.sh tests/e2e/deadline.sh
EXTRA_DIST += tests/e2e/order.sh tests/e2e/deadline.sh
