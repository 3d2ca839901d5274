# The command line: one file per subcommand of quantriet(1), each a
# struct cmd_entry listed in cmd_table.c; they parse options and render
# what the layers below compute.
noinst_LIBRARIES += libqt_cli.a
libqt_cli_a_CFLAGS = $(QT_CFLAGS)
libqt_cli_a_SOURCES = \
	src/cli/cmd.h src/cli/cmd_table.c src/cli/open_db.c \
	src/cli/cmd_ui.c \
	src/cli/cmd_demo.c \
	src/cli/cmd_report.c src/cli/cmd_report_review.c \
	src/cli/cmd_check.c \
	src/cli/cmd_audit.c \
	src/cli/cmd_import.c src/cli/cmd_import_plan.c \
	src/cli/cmd_enroll.c src/cli/cmd_sync.c src/cli/cmd_bundle.c \
	src/cli/cmd_setup_district.c \
	src/cli/cmd_setting.c \
	src/cli/sync_opts.c src/cli/sync_opts.h

# quantriet setting: only the settings a clerk sets by hand.
TESTS += tests/cli/setting.sh
EXTRA_DIST += tests/cli/setting.sh

# quantriet audit on what an import and an edit leave in the trail.
TESTS += tests/cli/audit.sh
EXTRA_DIST += tests/cli/audit.sh
