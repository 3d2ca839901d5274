/*
 * date.h - calendar dates as clerks write them.
 *
 * The database stores ISO text (YYYY-MM-DD); people type and read
 * "05/3/2021" or "ngày 05 tháng 3 năm 2021". Arithmetic is on day numbers
 * (days since 1970-01-01, proleptic Gregorian), so "7 days after" crosses
 * months and leap years without special cases.
 */
#ifndef QT_DATE_H
#define QT_DATE_H

struct qt_date {
	int	y, m, d;
};

/*
 * Parses "31/12/2021", "31-12-2021", "31.12.2021", "2021-12-31",
 * "ngày 05 tháng 3 năm 2021" (also without "ngày", any case, with or
 * without diacritics). Returns NULL on success, else a Vietnamese message
 * such as "Ngày 31/02/2021 không tồn tại" held in a static buffer that the
 * next call overwrites (do not free).
 */
const char	*date_parse(const char *s, struct qt_date *out);
/* 1 if y-m-d is a real date of years 1900..2100, else 0. */
int		 date_valid(int y, int m, int d);
/* Reads a strict YYYY-MM-DD that is a real date: 0 ok, -1 bad. */
int		 date_from_iso(const char *iso, struct qt_date *out);
void		 date_to_iso(struct qt_date d, char out[11]);	/* YYYY-MM-DD */
void		 date_to_vn(struct qt_date d, char out[11]);	/* DD/MM/YYYY */
long		 date_to_days(struct qt_date d);	/* days since 1970-01-01 */
struct qt_date	 date_from_days(long days);
/* Today from the clock, or from QUANTRIET_TODAY=YYYY-MM-DD (tests). */
struct qt_date	 date_today(void);
/* <0, 0, >0 as a is before, equal to, after b. */
int		 date_cmp(struct qt_date a, struct qt_date b);

#endif
