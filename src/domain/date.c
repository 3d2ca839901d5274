/*
 * date.c - parsing, formatting and counting calendar dates.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/date.h"
#include "text/text.h"

/* Years a clerk's record can sensibly hold; outside them a typo is likelier. */
#define DATE_MIN_YEAR	1900
#define DATE_MAX_YEAR	2100

/* Holds the message date_parse returns; overwritten by the next call. */
static char date_msg[256];

static int
date_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
date_month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && date_leap(y) ? 29 : days[m - 1];
}

int
date_valid(int y, int m, int d)
{
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= date_month_days(y, m);
}

/*
 * Days from 1970-01-01 (Howard Hinnant's days_from_civil): years start in
 * March so the leap day is the last day of the year.
 */
long
date_to_days(struct qt_date d)
{
	long y = d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct qt_date
date_from_days(long days)
{
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	struct qt_date out;

	out.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	out.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	out.y = (int)(yoe + era * 400 + (out.m <= 2));
	return out;
}

int
date_cmp(struct qt_date a, struct qt_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

void
date_to_iso(struct qt_date d, char out[11])
{
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)d.y % 10000,
	    (unsigned)d.m % 100, (unsigned)d.d % 100);
}

void
date_to_vn(struct qt_date d, char out[11])
{
	snprintf(out, 11, "%02u/%02u/%04u", (unsigned)d.d % 100,
	    (unsigned)d.m % 100, (unsigned)d.y % 10000);
}

/* Reads 1 to 4 digits at *sp; returns the digit count (0 if none). */
static int
date_number(const char **sp, int *value)
{
	const char *s = *sp;
	int n = 0;

	*value = 0;
	while (*s >= '0' && *s <= '9' && n < 5) {
		*value = *value * 10 + (*s - '0');
		s++;
		n++;
	}
	if (n == 0 || n > 4)
		return 0;
	*sp = s;
	return n;
}

/* Skips spaces, then word if it is next; 1 if it was. */
static int
date_word(const char **sp, const char *word)
{
	const char *s = *sp;
	size_t len = strlen(word);

	while (*s == ' ')
		s++;
	if (strncmp(s, word, len) != 0)
		return 0;
	s += len;
	while (*s == ' ')
		s++;
	*sp = s;
	return 1;
}

int
date_from_iso(const char *iso, struct qt_date *out)
{
	struct qt_date d;
	const char *s = iso;

	if (iso == NULL || strlen(iso) != 10 ||
	    date_number(&s, &d.y) != 4 || *s++ != '-' ||
	    date_number(&s, &d.m) != 2 || *s++ != '-' ||
	    date_number(&s, &d.d) != 2 || *s != '\0' ||
	    !date_valid(d.y, d.m, d.d))
		return -1;
	*out = d;
	return 0;
}

/*
 * Parses the folded (lower-case, unaccented, single-spaced) text: the
 * long form "[ngay] D thang M nam Y" or D/M/Y with one separator of "/-."
 * or Y-M-D. Sets *ylen to the digits of the year. 0 ok, -1 not a date.
 */
static int
date_scan(const char *s, int *y, int *m, int *d, int *ylen)
{
	int n1, n2, n3, l1, l3;
	char sep;

	date_word(&s, "ngay");
	if ((l1 = date_number(&s, &n1)) == 0)
		return -1;
	if (date_word(&s, "thang")) {
		if (date_number(&s, &n2) == 0 || !date_word(&s, "nam") ||
		    (l3 = date_number(&s, &n3)) == 0 || *s != '\0')
			return -1;
	} else {
		date_word(&s, "");
		sep = *s;
		if (sep != '/' && sep != '-' && sep != '.')
			return -1;
		s++;
		date_word(&s, "");
		if (date_number(&s, &n2) == 0)
			return -1;
		date_word(&s, "");
		if (*s++ != sep)
			return -1;
		date_word(&s, "");
		if ((l3 = date_number(&s, &n3)) == 0 || *s != '\0')
			return -1;
		if (l1 == 4 && sep == '-') {	/* ISO: year first */
			*y = n1, *m = n2, *d = n3, *ylen = 4;
			return 0;
		}
	}
	if (l1 > 2)
		return -1;
	*y = n3, *m = n2, *d = n1, *ylen = l3;
	return 0;
}

/* Copies at most max bytes of s, never cutting a UTF-8 sequence. */
static void
date_quote(char *out, size_t outsz, const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	snprintf(out, outsz, "%.*s%s", (int)n, s, n < strlen(s) ? "..." : "");
}

const char *
date_parse(const char *s, struct qt_date *out)
{
	char *folded = text_fold(s);
	char shown[64];
	int y, m, d, ylen, bad;

	if (*folded == '\0') {
		free(folded);
		return "Chưa nhập ngày: hãy nhập dạng ngày/tháng/năm, ví dụ 05/03/2021";
	}
	bad = date_scan(folded, &y, &m, &d, &ylen);
	free(folded);
	if (bad) {
		date_quote(shown, sizeof shown, s, 40);
		snprintf(date_msg, sizeof date_msg, "Không hiểu ngày '%s': hãy "
		    "nhập dạng ngày/tháng/năm, ví dụ 05/03/2021", shown);
		return date_msg;
	}
	if (ylen != 4) {
		snprintf(date_msg, sizeof date_msg, "Năm phải ghi đủ 4 chữ số, "
		    "ví dụ %02d/%02d/2021", d, m);
		return date_msg;
	}
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR) {
		snprintf(date_msg, sizeof date_msg, "Năm %d nằm ngoài khoảng "
		    "%d-%d", y, DATE_MIN_YEAR, DATE_MAX_YEAR);
		return date_msg;
	}
	if (!date_valid(y, m, d)) {
		snprintf(date_msg, sizeof date_msg, "Ngày %02d/%02d/%04d không "
		    "tồn tại", d, m, y);
		return date_msg;
	}
	out->y = y;
	out->m = m;
	out->d = d;
	return NULL;
}

struct qt_date
date_today(void)
{
	const char *env = getenv("QUANTRIET_TODAY");
	struct qt_date d;
	struct tm tm;
	time_t now;

	if (env != NULL && date_from_iso(env, &d) == 0)
		return d;
	now = time(NULL);
	localtime_r(&now, &tm);
	d.y = tm.tm_year + 1900;
	d.m = tm.tm_mon + 1;
	d.d = tm.tm_mday;
	return d;
}
