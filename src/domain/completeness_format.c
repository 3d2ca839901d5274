/*
 * completeness_format.c - `quantriet report completeness` as text and
 * CSV: the lines completeness_build computed, rendered.
 *
 * The statuses are printed as their codes (on time, late, missing,
 * returned, accepted), which the man page defines and scripts match; the
 * text explains them in Vietnamese in its header.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/completeness.h"
#include "domain/csv.h"
#include "domain/date.h"
#include "domain/submission.h"
#include "text/text.h"
#include "xmalloc.h"

/* An ISO date as DD/MM/YYYY into out, "" for "". */
static void
cf_date(const char *iso, char out[11])
{
	struct qt_date d;

	if (date_from_iso(iso, &d) == 0)
		date_to_vn(d, out);
	else
		*out = '\0';
}

/* A text cell padded (never cut) to cols columns. */
static void
cf_cell(FILE *fp, const char *s, int cols)
{
	char *cell = text_fit(s, cols, 0);

	fputs(cell, fp);
	fputs("  ", fp);
	free(cell);
}

/* The history of report_id, indented under its unit's line. 0 or -1. */
static int
cf_history(struct db *db, FILE *fp, int64_t report_id)
{
	struct submission_event *ev;
	char date[11], *who, *why;
	int i, n;

	if (report_id == 0)
		return 0;
	if ((n = submission_history(db, report_id, &ev)) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		cf_date(ev[i].at, date);
		who = text_display(ev[i].who, TEXT_UTF8);
		why = text_display(ev[i].reason, TEXT_UTF8);
		fprintf(fp, "    %s %s (%s)%s%s\n", date,
		    submission_event_name(&ev[i]), who,
		    *why != '\0' ? ": " : "", why);
		free(who);
		free(why);
	}
	submission_history_free(&ev, (size_t)n);
	return 0;
}

/*
 * The widest unit name and the widest count of days, each at least its
 * heading's: a column is as wide as what it holds, nothing is cut.
 */
static void
cf_widths(const struct completeness *c, int *name_w, int *days_w)
{
	char days[32];
	size_t i;
	int x;

	*name_w = text_width("Đơn vị");
	*days_w = text_width("Số ngày");
	for (i = 0; i < c->nunits; i++) {
		char *name = text_display(c->units[i].name, 0);

		if ((x = text_width(name)) > *name_w)
			*name_w = x;
		free(name);
		completeness_days_text(&c->units[i], days, sizeof days);
		if ((x = text_width(days)) > *days_w)
			*days_w = x;
	}
}

char *
completeness_format_txt(struct db *db, const struct completeness *c,
    int history)
{
	char *buf = NULL, today[11], sub[11], due[11], days[32];
	int live = 0, w, dw, bad = 0;
	size_t len, i;
	FILE *fp = xmemstream(&buf, &len);

	cf_widths(c, &w, &dw);

	cf_date(c->today, today);
	fprintf(fp, "TÌNH HÌNH NỘP BÁO CÁO TỔNG HỢP BÀI THU HOẠCH, ĐỢT %d\n"
	    "Tính đến ngày %s. Tình trạng: on time = nộp đúng hạn, late = "
	    "nộp trễ hạn,\nmissing = chưa nộp, returned = bị trả lại, "
	    "accepted = đã duyệt.\n\n", c->round, today);
	cf_cell(fp, "Đơn vị", w);
	fputs("Tình trạng  Ngày nộp    Hạn nộp     ", fp);
	cf_cell(fp, "Số ngày", dw);
	fputs("1.Tổng 2.Học 3.Viết 4.Miễn Chưa viết\n", fp);
	for (i = 0; !bad && i < c->nunits; i++) {
		const struct completeness_unit *u = &c->units[i];
		const struct tally *t = &u->counts;

		cf_date(u->submitted_on, sub);
		cf_date(u->deadline, due);
		completeness_days_text(u, days, sizeof days);
		cf_cell(fp, u->name, w);
		cf_cell(fp, completeness_status_code(u->status), 10);
		cf_cell(fp, sub, 10);
		cf_cell(fp, due, 10);
		cf_cell(fp, days, dw);
		fprintf(fp, "%6lld%6lld%7lld%7lld%10lld%s\n",
		    (long long)t->total_members, (long long)t->participated,
		    (long long)t->wrote, (long long)t->exempt,
		    (long long)t->missing, u->counts_final ? "" : " *");
		live |= !u->counts_final;
		if (history)
			bad = cf_history(db, fp, u->report_id) != 0;
	}
	fprintf(fp, "\nTổng cộng: expected %lld, submitted %lld (%d%%), "
	    "on time %lld, late %lld, missing %lld, returned %lld, "
	    "accepted %lld; submitted on time %lld (%d%%)\n",
	    (long long)c->expected, (long long)c->submitted,
	    completeness_rate(c->submitted, c->expected),
	    (long long)c->count[COMPLETENESS_ON_TIME],
	    (long long)c->count[COMPLETENESS_LATE],
	    (long long)c->count[COMPLETENESS_MISSING],
	    (long long)c->count[COMPLETENESS_RETURNED],
	    (long long)c->count[COMPLETENESS_ACCEPTED],
	    (long long)c->submitted_on_time,
	    completeness_rate(c->submitted_on_time, c->expected));
	if (live)
		fputs("* số liệu hiện tại: đơn vị chưa nộp báo cáo (chưa chốt)\n",
		    fp);
	fclose(fp);
	if (bad)
		x_free(&buf);
	return buf;
}

/*
 * One CSV row: the unit's columns, its place in the totals (1 or 0 under
 * each of expected, submitted and the five statuses; the total row sums
 * them), then its figures.
 */
static void
cf_csv_row(FILE *fp, const char *const cols[6], const int64_t n[7],
    const struct tally *t)
{
	size_t i;

	for (i = 0; i < 6; i++) {
		csv_field(fp, cols[i]);
		fputc(',', fp);
	}
	for (i = 0; i < 7; i++)
		fprintf(fp, "%lld,", (long long)n[i]);
	fprintf(fp, "%lld,%lld,%lld,%lld,%lld\r\n",
	    (long long)t->total_members, (long long)t->participated,
	    (long long)t->wrote, (long long)t->exempt, (long long)t->missing);
}

char *
completeness_format_csv(const struct completeness *c)
{
	static const char *const total[6] = { "Tổng cộng", "", "", "", "",
	    "" };
	struct tally sum;
	char *buf = NULL, days[24];
	int64_t n[7];
	size_t len, i, k;
	FILE *fp = xmemstream(&buf, &len);

	memset(&sum, 0, sizeof sum);
	fputs("Đơn vị,Tình trạng,Ngày nộp,Hạn nộp,Số ngày còn lại,Số liệu,"
	    "Phải nộp,Đã nộp,Đúng hạn,Trễ hạn,Chưa nộp,Bị trả lại,Đã duyệt,"
	    "Tổng số đảng viên,Tham gia học tập,Viết thu hoạch,"
	    "Miễn viết thu hoạch,Chưa viết\r\n", fp);
	for (i = 0; i < c->nunits; i++) {
		const struct completeness_unit *u = &c->units[i];
		const char *cols[6] = { u->name,
		    completeness_status_code(u->status), u->submitted_on,
		    u->deadline, days, u->counts_final ? "final" : "live" };

		/* Days left as a signed number: negative is overdue or late. */
		if (u->has_days)
			snprintf(days, sizeof days, "%ld",
			    u->status == COMPLETENESS_LATE ? -u->days : u->days);
		else
			*days = '\0';
		n[0] = 1;
		n[1] = u->status != COMPLETENESS_MISSING &&
		    u->status != COMPLETENESS_RETURNED;
		for (k = 0; k < COMPLETENESS_NSTATUS; k++)
			n[2 + k] = u->status == (enum completeness_status)k;
		cf_csv_row(fp, cols, n, &u->counts);
		tally_sum(&sum, &u->counts);
	}
	n[0] = c->expected;
	n[1] = c->submitted;
	for (k = 0; k < COMPLETENESS_NSTATUS; k++)
		n[2 + k] = c->count[k];
	cf_csv_row(fp, total, n, &sum);
	tally_clear(&sum);
	fclose(fp);
	return buf;
}
