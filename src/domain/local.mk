# The domain: the rules (dates, deadlines, essays, exemptions), the tally
# report and plan text. No curses and no command-line parsing here.
noinst_LIBRARIES += libqt_domain.a
libqt_domain_a_CFLAGS = $(QT_CFLAGS)
libqt_domain_a_SOURCES = \
	src/domain/date.c src/domain/date.h \
	src/domain/deadline.c src/domain/deadline.h \
	src/domain/textfile.c src/domain/textfile.h \
	src/domain/plan_text.c src/domain/plan_text.h \
	src/domain/plan_text_how.c src/domain/plan_text_int.h \
	src/domain/plan_file.c src/domain/plan_file.h \
	src/domain/rules.c src/domain/rules.h \
	src/domain/plan_sql.c src/domain/plan_sql.h \
	src/domain/plan_item.c src/domain/plan_item.h \
	src/domain/action.c src/domain/action.h \
	src/domain/tally.c src/domain/tally.h \
	src/domain/counters.c src/domain/counters.h \
	src/domain/counters_facts.c src/domain/counters_int.h \
	src/domain/report.c src/domain/report.h \
	src/domain/report_sum.c src/domain/report_sum.h \
	src/domain/report_format.c \
	src/domain/proposals.c src/domain/proposals.h \
	src/domain/paper.c src/domain/paper.h \
	src/domain/paper_text.c src/domain/paper_rtf.c \
	src/domain/csv.c src/domain/csv.h \
	src/domain/completeness.c src/domain/completeness.h \
	src/domain/completeness_format.c \
	src/domain/submission.c src/domain/submission.h \
	src/domain/report_paper.c src/domain/report_paper.h \
	src/domain/lookup.c src/domain/lookup.h \
	src/domain/audit.c src/domain/audit.h

# The demo database, run in this order by src/cli/cmd_demo.c.
QT_EMBEDDED += \
	data/demo/01_units.sql \
	data/demo/02_documents.sql \
	data/demo/03_members.sql \
	data/demo/04_campaign.sql

# Unit tests of the domain; the rules, tally and query-plan tests share a
# small hand-built database (tests/unit/domain_fixture.c).
check_PROGRAMS += tests/unit/test_domain_date tests/unit/test_domain_deadline \
	tests/unit/test_domain_rules \
	tests/unit/test_domain_tally tests/unit/test_domain_plan \
	tests/unit/test_domain_proposals tests/unit/test_domain_paper \
	tests/unit/test_domain_counters \
	tests/unit/test_domain_plan_item tests/unit/test_domain_action \
	tests/unit/test_domain_plan_text
tests_unit_test_domain_plan_text_CFLAGS = $(QT_CFLAGS)
tests_unit_test_domain_plan_text_LDADD = libqt_domain.a $(QT_CORE_LIBS)
tests_unit_test_domain_action_CFLAGS = $(QT_CFLAGS)
tests_unit_test_domain_action_LDADD = libqt_domain.a $(QT_CORE_LIBS)
tests_unit_test_domain_plan_item_CFLAGS = $(QT_CFLAGS)
tests_unit_test_domain_plan_item_LDADD = libqt_domain.a $(QT_CORE_LIBS)
tests_unit_test_domain_date_CFLAGS = $(QT_CFLAGS)
tests_unit_test_domain_date_LDADD = libqt_domain.a $(QT_CORE_LIBS)
tests_unit_test_domain_deadline_CFLAGS = $(QT_CFLAGS)
tests_unit_test_domain_deadline_LDADD = libqt_domain.a $(QT_CORE_LIBS)
tests_unit_test_domain_rules_CFLAGS = $(QT_CFLAGS)
tests_unit_test_domain_rules_SOURCES = tests/unit/test_domain_rules.c \
	tests/unit/domain_fixture.c tests/unit/domain_fixture.h
tests_unit_test_domain_rules_LDADD = libqt_domain.a $(QT_CORE_LIBS)
tests_unit_test_domain_tally_CFLAGS = $(QT_CFLAGS)
tests_unit_test_domain_tally_SOURCES = tests/unit/test_domain_tally.c \
	tests/unit/domain_fixture.c tests/unit/domain_fixture.h
tests_unit_test_domain_tally_LDADD = libqt_domain.a $(QT_CORE_LIBS)
tests_unit_test_domain_counters_CFLAGS = $(QT_CFLAGS)
tests_unit_test_domain_counters_SOURCES = tests/unit/test_domain_counters.c \
	tests/unit/domain_fixture.c tests/unit/domain_fixture.h
tests_unit_test_domain_counters_LDADD = libqt_domain.a $(QT_CORE_LIBS)
tests_unit_test_domain_plan_CFLAGS = $(QT_CFLAGS)
tests_unit_test_domain_plan_SOURCES = tests/unit/test_domain_plan.c \
	tests/unit/domain_fixture.c tests/unit/domain_fixture.h
tests_unit_test_domain_plan_LDADD = libqt_domain.a $(QT_CORE_LIBS)
tests_unit_test_domain_proposals_CFLAGS = $(QT_CFLAGS)
tests_unit_test_domain_proposals_LDADD = libqt_domain.a $(QT_CORE_LIBS)
tests_unit_test_domain_paper_CFLAGS = $(QT_CFLAGS)
tests_unit_test_domain_paper_SOURCES = tests/unit/test_domain_paper.c \
	tests/unit/rtf_read.c tests/unit/rtf_read.h
tests_unit_test_domain_paper_LDADD = libqt_domain.a $(QT_CORE_LIBS)
# The text of an RTF file, for tests/cli/report_rtf.sh.
check_PROGRAMS += tests/unit/rtf_text
tests_unit_rtf_text_CFLAGS = $(QT_CFLAGS)
tests_unit_rtf_text_SOURCES = tests/unit/rtf_text.c \
	tests/unit/rtf_read.c tests/unit/rtf_read.h
tests_unit_rtf_text_LDADD = $(QT_CORE_LIBS)
TESTS += tests/unit/test_domain_date tests/unit/test_domain_deadline \
	tests/unit/test_domain_rules \
	tests/unit/test_domain_tally tests/unit/test_domain_plan \
	tests/unit/test_domain_proposals tests/unit/test_domain_paper \
	tests/unit/test_domain_counters \
	tests/unit/test_domain_plan_item tests/unit/test_domain_action \
	tests/unit/test_domain_plan_text

# Command-line tests: the demo, the tally report cross-checked with plain
# SQL, and quantriet check on sound and broken files.
TESTS += tests/cli/report_tally.sh tests/cli/check_errors.sh tests/cli/check_busy.sh tests/cli/check_copy.sh tests/cli/check_saves.sh tests/cli/import.sh \
	tests/cli/report_noessay.sh tests/cli/import_plan.sh \
	tests/cli/report_completeness.sh tests/cli/report_rtf.sh \
	tests/cli/report_up.sh tests/cli/plan_texts.sh
EXTRA_DIST += tests/cli/report_tally.sh tests/cli/check_errors.sh tests/cli/check_busy.sh tests/cli/check_copy.sh tests/cli/check_saves.sh tests/cli/import.sh \
	tests/cli/report_noessay.sh tests/cli/import_plan.sh \
	tests/cli/report_completeness.sh tests/cli/report_rtf.sh \
	tests/cli/report_up.sh tests/cli/plan_texts.sh \
	tests/data/plans/000_d7dce3f576120319.txt \
	tests/data/plans/001_d3cba06d6dcc2201.txt \
	tests/data/plans/003_52b6a70762db1f8a.txt \
	tests/data/plans/hd_phutan_cp1258.txt \
	tests/data/plans/hd_soctrang_2021.txt \
	tests/data/plans/hd_soctrang_2021.expected \
	tests/data/plans/kh_chauthanh_2021.txt \
	tests/data/plans/kh_chauthanh_2021.expected \
	tests/data/plans/kh_xa_tanphu_2017.txt \
	tests/data/plans/kh_xa_tanphu_2017.expected

# The scale generator (tests/gen/gen-province.c): a province-sized database
# to measure on; tests/gen/scale.sh runs a reduced one and times the tally.
# contrib/bench.sh measures on it, against bench-bare (the least a start
# can do), timing each run with bench-run; bench_smoke.sh keeps its
# output's format honest.
check_PROGRAMS += tests/gen/gen-province tests/gen/bench-bare \
	tests/gen/bench-run
tests_gen_gen_province_CFLAGS = $(QT_CFLAGS)
tests_gen_gen_province_LDADD = libqt_domain.a $(QT_CORE_LIBS)
tests_gen_bench_bare_CFLAGS = $(AM_CFLAGS) $(NCURSESW_CFLAGS) $(SQLITE3_CFLAGS)
tests_gen_bench_bare_LDADD = $(NCURSESW_LIBS) $(SQLITE3_LIBS)
TESTS += tests/gen/scale.sh tests/gen/bench_smoke.sh
EXTRA_DIST += tests/gen/scale.sh tests/gen/bench_smoke.sh contrib/bench.sh

# make province [MEMBERS=N] [PROVINCE=FILE]: a generated province to
# measure on (default 100,000 members in province.db of the build tree).
MEMBERS = 100000
PROVINCE = province.db
province: tests/gen/gen-province
	rm -f '$(PROVINCE)'
	tests/gen/gen-province --db '$(PROVINCE)' --members $(MEMBERS)
# make bench [MEMBERS=N]: contrib/bench.sh on this build tree.
bench: $(check_PROGRAMS) quantriet quantriet-server
	$(SHELL) $(top_srcdir)/contrib/bench.sh --build . --members $(MEMBERS)
.PHONY: province bench

dist_man_MANS += docs/quantriet.1
