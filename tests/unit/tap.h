/*
 * tap.h - the smallest TAP producer that serves our unit tests.
 *
 * Each test program includes this once, calls the checks, and ends with
 * `return tap_done();`. automake's tap-driver.sh counts every "ok" and
 * "not ok" line, so a failing check is reported by name, never hidden.
 */
#ifndef QT_TAP_H
#define QT_TAP_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count;
static int tap_failed;

/* Reports one check; returns cond so a test can stop early when it fails. */
static int __attribute__((format(printf, 2, 3), unused))
tap_ok(int cond, const char *fmt, ...)
{
	va_list ap;

	tap_count++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - ", cond ? "" : "not ", tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	return cond;
}

#define tap_is_int(got, want, name) do {                                  \
	long long tap_g_ = (long long)(got), tap_w_ = (long long)(want);  \
	if (!tap_ok(tap_g_ == tap_w_, "%s", (name)))                      \
		printf("# got %lld, want %lld\n", tap_g_, tap_w_);        \
} while (0)

#define tap_is_str(got, want, name) do {                                  \
	const char *tap_g_ = (got), *tap_w_ = (want);                     \
	int tap_eq_ = tap_g_ && tap_w_ ? strcmp(tap_g_, tap_w_) == 0      \
	                               : tap_g_ == tap_w_;                \
	if (!tap_ok(tap_eq_, "%s", (name)))                               \
		printf("# got \"%s\", want \"%s\"\n",                     \
		    tap_g_ ? tap_g_ : "(null)", tap_w_ ? tap_w_ : "(null)"); \
} while (0)

/* Prints the plan; the exit status is 0 so the driver's counts decide. */
static int __attribute__((unused))
tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif
