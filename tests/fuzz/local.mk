# Fuzz targets (tests/fuzz/fuzz.h): each fuzz_NAME.c is built twice.
# `make check` links it with replay.c and feeds it every file kept in
# tests/fuzz/NAME/ (tests/fuzz/replay.sh): no clang needed. `make fuzz`
# builds it with libFuzzer in fuzz-build/ (clang, found by configure) and
# runs each target FUZZ_SECONDS seconds on its corpus (new inputs grow in
# fuzz-build/corpus-NAME), then keeps in tests/fuzz/NAME/ the smallest set
# of inputs that covers as much (-merge=1); a crash stops the run and is
# saved there (crash-*), to be fixed and then replayed by make check.
FUZZ_TARGETS = wire csv date deadline plan_text telex display
FUZZ_SECONDS = 60
# Set by `make fuzz` in its own build: libFuzzer's main.
QT_FUZZ_LINK =

check_PROGRAMS += tests/fuzz/replay_wire
tests_fuzz_replay_wire_CFLAGS = $(QT_CFLAGS)
tests_fuzz_replay_wire_SOURCES = tests/fuzz/fuzz_wire.c tests/fuzz/fuzz.c \
	tests/fuzz/fuzz.h tests/fuzz/replay.c
tests_fuzz_replay_wire_LDADD = libqt_sync.a $(QT_CORE_LIBS)
EXTRA_PROGRAMS += tests/fuzz/fuzz_wire
tests_fuzz_fuzz_wire_CFLAGS = $(QT_CFLAGS)
tests_fuzz_fuzz_wire_SOURCES = tests/fuzz/fuzz_wire.c tests/fuzz/fuzz.c \
	tests/fuzz/fuzz.h
tests_fuzz_fuzz_wire_LDFLAGS = $(QT_FUZZ_LINK)
tests_fuzz_fuzz_wire_LDADD = libqt_sync.a $(QT_CORE_LIBS)
EXTRA_DIST += tests/fuzz/wire

check_PROGRAMS += tests/fuzz/replay_csv
tests_fuzz_replay_csv_CFLAGS = $(QT_CFLAGS)
tests_fuzz_replay_csv_SOURCES = tests/fuzz/fuzz_csv.c tests/fuzz/fuzz.c \
	tests/fuzz/fuzz.h tests/fuzz/replay.c
tests_fuzz_replay_csv_LDADD = libqt_cli.a libqt_sync.a libqt_store.a libqt_domain.a $(QT_CORE_LIBS)
EXTRA_PROGRAMS += tests/fuzz/fuzz_csv
tests_fuzz_fuzz_csv_CFLAGS = $(QT_CFLAGS)
tests_fuzz_fuzz_csv_SOURCES = tests/fuzz/fuzz_csv.c tests/fuzz/fuzz.c \
	tests/fuzz/fuzz.h
tests_fuzz_fuzz_csv_LDFLAGS = $(QT_FUZZ_LINK)
tests_fuzz_fuzz_csv_LDADD = libqt_cli.a libqt_sync.a libqt_store.a libqt_domain.a $(QT_CORE_LIBS)
EXTRA_DIST += tests/fuzz/csv

check_PROGRAMS += tests/fuzz/replay_date
tests_fuzz_replay_date_CFLAGS = $(QT_CFLAGS)
tests_fuzz_replay_date_SOURCES = tests/fuzz/fuzz_date.c tests/fuzz/fuzz.c \
	tests/fuzz/fuzz.h tests/fuzz/replay.c
tests_fuzz_replay_date_LDADD = libqt_domain.a $(QT_CORE_LIBS)
EXTRA_PROGRAMS += tests/fuzz/fuzz_date
tests_fuzz_fuzz_date_CFLAGS = $(QT_CFLAGS)
tests_fuzz_fuzz_date_SOURCES = tests/fuzz/fuzz_date.c tests/fuzz/fuzz.c \
	tests/fuzz/fuzz.h
tests_fuzz_fuzz_date_LDFLAGS = $(QT_FUZZ_LINK)
tests_fuzz_fuzz_date_LDADD = libqt_domain.a $(QT_CORE_LIBS)
EXTRA_DIST += tests/fuzz/date

check_PROGRAMS += tests/fuzz/replay_deadline
tests_fuzz_replay_deadline_CFLAGS = $(QT_CFLAGS)
tests_fuzz_replay_deadline_SOURCES = tests/fuzz/fuzz_deadline.c tests/fuzz/fuzz.c \
	tests/fuzz/fuzz.h tests/fuzz/replay.c
tests_fuzz_replay_deadline_LDADD = libqt_domain.a $(QT_CORE_LIBS)
EXTRA_PROGRAMS += tests/fuzz/fuzz_deadline
tests_fuzz_fuzz_deadline_CFLAGS = $(QT_CFLAGS)
tests_fuzz_fuzz_deadline_SOURCES = tests/fuzz/fuzz_deadline.c tests/fuzz/fuzz.c \
	tests/fuzz/fuzz.h
tests_fuzz_fuzz_deadline_LDFLAGS = $(QT_FUZZ_LINK)
tests_fuzz_fuzz_deadline_LDADD = libqt_domain.a $(QT_CORE_LIBS)
EXTRA_DIST += tests/fuzz/deadline

check_PROGRAMS += tests/fuzz/replay_plan_text
tests_fuzz_replay_plan_text_CFLAGS = $(QT_CFLAGS)
tests_fuzz_replay_plan_text_SOURCES = tests/fuzz/fuzz_plan_text.c tests/fuzz/fuzz.c \
	tests/fuzz/fuzz.h tests/fuzz/replay.c
tests_fuzz_replay_plan_text_LDADD = libqt_domain.a $(QT_CORE_LIBS)
EXTRA_PROGRAMS += tests/fuzz/fuzz_plan_text
tests_fuzz_fuzz_plan_text_CFLAGS = $(QT_CFLAGS)
tests_fuzz_fuzz_plan_text_SOURCES = tests/fuzz/fuzz_plan_text.c tests/fuzz/fuzz.c \
	tests/fuzz/fuzz.h
tests_fuzz_fuzz_plan_text_LDFLAGS = $(QT_FUZZ_LINK)
tests_fuzz_fuzz_plan_text_LDADD = libqt_domain.a $(QT_CORE_LIBS)
EXTRA_DIST += tests/fuzz/plan_text

check_PROGRAMS += tests/fuzz/replay_telex
tests_fuzz_replay_telex_CFLAGS = $(QT_CFLAGS)
tests_fuzz_replay_telex_SOURCES = tests/fuzz/fuzz_telex.c tests/fuzz/fuzz.c \
	tests/fuzz/fuzz.h tests/fuzz/replay.c
tests_fuzz_replay_telex_LDADD = $(QT_CORE_LIBS)
EXTRA_PROGRAMS += tests/fuzz/fuzz_telex
tests_fuzz_fuzz_telex_CFLAGS = $(QT_CFLAGS)
tests_fuzz_fuzz_telex_SOURCES = tests/fuzz/fuzz_telex.c tests/fuzz/fuzz.c \
	tests/fuzz/fuzz.h
tests_fuzz_fuzz_telex_LDFLAGS = $(QT_FUZZ_LINK)
tests_fuzz_fuzz_telex_LDADD = $(QT_CORE_LIBS)
EXTRA_DIST += tests/fuzz/telex

check_PROGRAMS += tests/fuzz/replay_display
tests_fuzz_replay_display_CFLAGS = $(QT_CFLAGS)
tests_fuzz_replay_display_SOURCES = tests/fuzz/fuzz_display.c tests/fuzz/fuzz.c \
	tests/fuzz/fuzz.h tests/fuzz/replay.c
tests_fuzz_replay_display_LDADD = $(QT_CORE_LIBS)
EXTRA_PROGRAMS += tests/fuzz/fuzz_display
tests_fuzz_fuzz_display_CFLAGS = $(QT_CFLAGS)
tests_fuzz_fuzz_display_SOURCES = tests/fuzz/fuzz_display.c tests/fuzz/fuzz.c \
	tests/fuzz/fuzz.h
tests_fuzz_fuzz_display_LDFLAGS = $(QT_FUZZ_LINK)
tests_fuzz_fuzz_display_LDADD = $(QT_CORE_LIBS)
EXTRA_DIST += tests/fuzz/display

TESTS += tests/fuzz/replay.sh
EXTRA_DIST += tests/fuzz/replay.sh

.PHONY: fuzz
fuzz:
	@if test -z "$(FUZZ_CC)"; then \
	  echo "make fuzz: cần clang hỗ trợ -fsanitize=fuzzer (Debian: apt-get install clang), rồi chạy lại ./configure" >&2; \
	  exit 1; fi
	@test -f fuzz-build/Makefile || { mkdir -p fuzz-build && cd fuzz-build && \
	  $(abs_top_srcdir)/configure -q CC="$(FUZZ_CC)" \
	  CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"; }
	cd fuzz-build && $(MAKE) $(AM_MAKEFLAGS) QT_FUZZ_LINK=-fsanitize=fuzzer \
	  $(FUZZ_TARGETS:%=tests/fuzz/fuzz_%)
	@for t in $(FUZZ_TARGETS); do \
	  echo "fuzz $$t: $(FUZZ_SECONDS) s"; \
	  c=$(abs_top_srcdir)/tests/fuzz/$$t; mkdir -p fuzz-build/corpus-$$t; \
	  fuzz-build/tests/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) \
	    -print_final_stats=1 -close_fd_mask=2 \
	    -artifact_prefix=$$c/crash- fuzz-build/corpus-$$t $$c || exit 1; \
	  rm -rf fuzz-build/min-$$t && mkdir fuzz-build/min-$$t && \
	  fuzz-build/tests/fuzz/fuzz_$$t -merge=1 -close_fd_mask=2 \
	    fuzz-build/min-$$t $$c fuzz-build/corpus-$$t 2>/dev/null && \
	  find $$c -type f ! -name 'crash-*' -exec rm -f {} + && \
	  cp fuzz-build/min-$$t/* $$c/ || exit 1; \
	done
	@echo "make fuzz: the corpus kept in tests/fuzz/ is minimised (-merge=1)"
