/*
 * report_format.c - the report model (report.h) as CSV for a
 * spreadsheet. Nothing here reads the database: it only renders what
 * report_build() gathered. The printed form is report_paper.c's.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/csv.h"
#include "domain/date.h"
#include "domain/report.h"
#include "text/text.h"
#include "xmalloc.h"

/* The count of reason in t (0 when t does not name it). */
static int64_t
csv_reason_count(const struct tally *t, const char *reason)
{
	size_t i;

	for (i = 0; i < t->nreasons; i++)
		if (strcmp(t->reasons[i].reason, reason) == 0)
			return t->reasons[i].count;
	return 0;
}

static void
csv_row(FILE *fp, const char *label, int final, const char *cutoff,
    const struct tally *t, const struct tally *cols)
{
	struct qt_date d;
	char vn[11] = "";
	size_t i;

	if (date_from_iso(cutoff, &d) == 0)
		date_to_vn(d, vn);
	csv_field(fp, label);
	fprintf(fp, ",%s,%s,%lld,%lld,%lld,%lld", report_figures_word(final),
	    vn, (long long)t->total_members, (long long)t->participated,
	    (long long)t->wrote, (long long)t->exempt);
	for (i = 0; i < cols->nreasons; i++)
		fprintf(fp, ",%lld", (long long)csv_reason_count(t,
		    cols->reasons[i].reason));
	fprintf(fp, ",%lld,%lld,%lld,%lld\r\n", (long long)t->must_write,
	    (long long)t->missing, (long long)t->late,
	    (long long)t->guests_present);
}

char *
report_format_csv(const struct report *r)
{
	struct tally cols;
	char *buf = NULL;
	size_t len, i, j;
	FILE *fp;

	/* One column per reason any row names, in the rules' order. */
	memset(&cols, 0, sizeof cols);
	for (i = 0; i < r->counts.nreasons; i++)
		tally_add_reason(&cols, r->counts.reasons[i].reason, 0);
	for (i = 0; i < r->nunits; i++)
		for (j = 0; j < r->units[i].counts.nreasons; j++)
			tally_add_reason(&cols,
			    r->units[i].counts.reasons[j].reason, 0);
	fp = xmemstream(&buf, &len);
	fputs("Đơn vị,Trạng thái,Số liệu đến ngày,Tổng số đảng viên,"
	    "Tham gia học tập,Viết thu hoạch,Miễn viết thu hoạch", fp);
	for (i = 0; i < cols.nreasons; i++) {
		char *head = xasprintf("Miễn viết: %s", cols.reasons[i].reason);

		fputc(',', fp);
		csv_field(fp, head);
		free(head);
	}
	fputs(",Phải viết,Chưa viết,Quá hạn,Quần chúng dự học\r\n", fp);
	for (i = 0; i < r->nunits; i++)
		csv_row(fp, r->units[i].name, r->units[i].final,
		    r->units[i].cutoff, &r->units[i].counts, &cols);
	csv_row(fp, r->nunits > 0 ? "Tổng cộng" : r->unit_name, r->final,
	    r->cutoff, &r->counts, &cols);
	fclose(fp);
	tally_clear(&cols);
	return buf;
}
