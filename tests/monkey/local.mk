# The monkey: seeded random keys through every screen of the real program
# in a pty (tests/monkey/monkey.c); a short run in make check, a long one
# by hand (contrib/monkey-long.sh).
check_PROGRAMS += tests/monkey/monkey
tests_monkey_monkey_SOURCES = tests/monkey/monkey.c
tests_monkey_monkey_CFLAGS = $(AM_CFLAGS)
tests_monkey_monkey_LDADD = $(PTY_LIBS)
TESTS += tests/e2e/monkey.sh
EXTRA_DIST += tests/e2e/monkey.sh tests/monkey/lib.sh
