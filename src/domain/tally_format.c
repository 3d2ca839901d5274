/*
 * tally_format.c - the tally report as the official form (text) and as
 * CSV for a spreadsheet.
 *
 * The text follows the second form at the end of seed 000 line by line,
 * so a clerk can print it, sign it and send it up as it is.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/date.h"
#include "domain/plan_sql.h"
#include "domain/tally.h"
#include "text/text.h"
#include "xmalloc.h"

/* Width of the printed form, in columns. */
#define FORM_WIDTH	76
/* The left half of the two-column header. */
#define FORM_LEFT	36

/* What the form needs to know about the unit, the plan and its report. */
struct form {
	char	*unit;		/* "Chi bộ ấp Vĩnh Phước" */
	char	*parent;	/* "Đảng bộ xã Vĩnh Hòa Hiệp", "" at a root */
	int	 is_cell;
	char	*plan;		/* "Kế hoạch số 13-KH/TU, ngày 05/03/2021 của ..." */
	char	*subject;	/* the resolutions studied, or the plan's title */
	char	*assessment;	/* from tally_report, "" if none */
	char	*proposals;
	char	*signer;
	char	*date;		/* ISO: the report's final date, else today */
	char	*place;
};

static FILE *
form_open(char **buf, size_t *len)
{
	FILE *fp = open_memstream(buf, len);

	if (fp == NULL)
		abort();	/* out of memory, as xmalloc would */
	return fp;
}

/* Vietnamese upper case: the forms print unit names in capitals. */
static char *
form_upper(const char *s)
{
	size_t len = strlen(s), i = 0;
	/* An invalid byte comes back as U+FFFD: three bytes for one. */
	char *out = xmalloc(3 * len + 1), *o = out;

	while (i < len) {
		uint32_t cp;

		i += text_utf8_decode(s + i, len - i, &cp);
		if ((cp >= 'a' && cp <= 'z') ||
		    (cp >= 0xe0 && cp <= 0xfe && cp != 0xf7))
			cp -= 0x20;
		else if (cp == 0x111 || cp == 0x103 || cp == 0x129 ||
		    cp == 0x169 || cp == 0x1a1 || cp == 0x1b0)
			cp--;	/* đ ă ĩ ũ ơ ư */
		else if (cp >= 0x1ea1 && cp <= 0x1ef9 && (cp & 1))
			cp--;	/* Latin Extended Additional: lower is odd */
		o += text_utf8_encode(cp, o);
	}
	*o = '\0';
	return out;
}

/*
 * Writes s centred in WIDTH columns after INDENT, broken at spaces into
 * lines that fit (a word longer than a line stands alone).
 */
static void
form_center(FILE *fp, const char *s, int indent, int width)
{
	const char *start = s;

	while (*start != '\0') {
		const char *end = start, *sp, *next;
		char *line;
		int pad;

		/* Take words while the line still fits. */
		for (sp = start; *sp != '\0'; sp = next) {
			next = strchr(sp + 1, ' ');
			if (next == NULL)
				next = sp + strlen(sp);
			line = xstrndup(start, (size_t)(next - start));
			pad = text_width(line);
			free(line);
			if (pad > width && end != start)
				break;
			end = next;
		}
		line = xstrndup(start, (size_t)(end - start));
		pad = (width - text_width(line)) / 2;
		fprintf(fp, "%*s%s\n", indent + (pad > 0 ? pad : 0), "", line);
		free(line);
		start = end;
		while (*start == ' ')
			start++;
	}
}

/* Writes left padded to FORM_LEFT columns, then right. */
static void
form_columns(FILE *fp, const char *left, const char *right)
{
	char *l = text_fit(left, FORM_LEFT, 0);

	fprintf(fp, "%s  %s\n", l, right);
	free(l);
}

/*
 * Data as it may stand on a printed form: controls shown (^[) so that
 * whoever cats the file gets no escape sequence, UTF-8 kept whatever the
 * terminal (the file is printed elsewhere; msg_put adapts it to a
 * terminal). Newly allocated.
 */
static char *
form_safe(const char *s)
{
	return text_display(s, TEXT_KEEP_NEWLINES | TEXT_UTF8);
}

static char *
form_text(sqlite3_stmt *stmt, int col)
{
	return form_safe((const char *)sqlite3_column_text(stmt, col));
}

static void
form_clear(struct form *f)
{
	free(f->unit);
	free(f->parent);
	free(f->plan);
	free(f->subject);
	free(f->assessment);
	free(f->proposals);
	free(f->signer);
	free(f->date);
	free(f->place);
}

/* Runs a one-row query with ?1 = document, ?2 = unit, ?3 = round. */
static sqlite3_stmt *
form_row(struct db *db, const char *sql, int64_t document_id,
    int64_t unit_id, int round)
{
	sqlite3_stmt *stmt = plan_prepare(db, sql, document_id, unit_id);
	int rc;

	if (stmt == NULL)
		return NULL;
	sqlite3_bind_int(stmt, 3, round);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		return stmt;
	db_set_error(db, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc,
	    "đọc đơn vị và văn bản của báo cáo");
	sqlite3_finalize(stmt);
	return NULL;
}

static int
form_load(struct db *db, int64_t document_id, int64_t unit_id, int round,
    struct form *f)
{
	sqlite3_stmt *stmt;
	char *place;

	memset(f, 0, sizeof *f);
	stmt = form_row(db, "WITH RECURSIVE " PLAN_SQL_PLANS " SELECT "
	    "u.name, coalesce(p.name, ''), k.is_cell, "
	    "coalesce(dk.name, d.kind) || ' số ' || d.number || ', ngày ' || "
	    "  strftime('%d/%m/%Y', d.issued_on) || ' của ' || d.issuer, "
	    "coalesce((SELECT group_concat(r.title, '; ') FROM "
	    "  document_resolution dr JOIN resolution r ON r.id = dr.resolution_id "
	    "  WHERE dr.document_id = d.id), d.title), "
	    "coalesce(t.assessment, ''), coalesce(t.proposals, ''), "
	    "coalesce(nullif(t.signer, ''), u.secretary), "
	    "coalesce(CASE WHEN t.status = 'final' THEN t.finalized_on END, '') "
	    "FROM unit u JOIN unit_kind k ON k.code = u.kind "
	    "LEFT JOIN unit p ON p.id = u.parent_id "
	    "JOIN document d ON d.id = ?1 "
	    "LEFT JOIN doc_kind dk ON dk.code = d.kind "
	    "LEFT JOIN tally_report t ON t.id = (SELECT x.id FROM tally_report x "
	    "  WHERE x.unit_id = u.id AND x.round = ?3 "
	    "  AND x.document_id IN (SELECT id FROM plans) "
	    "  ORDER BY x.document_id = ?1 DESC LIMIT 1) "
	    "WHERE u.id = ?2", document_id, unit_id, round);
	if (stmt == NULL)
		return -1;
	f->unit = form_text(stmt, 0);
	f->parent = form_text(stmt, 1);
	f->is_cell = sqlite3_column_int(stmt, 2);
	f->plan = form_text(stmt, 3);
	f->subject = form_text(stmt, 4);
	f->assessment = form_text(stmt, 5);
	f->proposals = form_text(stmt, 6);
	f->signer = form_text(stmt, 7);
	f->date = form_text(stmt, 8);
	sqlite3_finalize(stmt);
	if (*f->date == '\0') {
		free(f->date);
		f->date = xmalloc(11);
		date_to_iso(date_today(), f->date);
	}
	place = db_setting_get(db, "place");
	f->place = place != NULL ? place : xstrdup("............");
	return 0;
}

/* Writes text, or dotted lines to fill in by hand when there is none. */
static void
form_paragraph(FILE *fp, const char *text, int dotted)
{
	int i;

	if (*text != '\0') {
		fprintf(fp, "%s\n", text);
		return;
	}
	for (i = 0; i < dotted; i++)
		fprintf(fp, "%.*s\n\n", FORM_WIDTH,
		    "..............................................................."
		    "..................................");
}

/*
 * Item 6 lists members' proposals by name up to this many; a district or
 * province report would otherwise print hundreds of thousands.
 */
#define FORM_MAX_PROPOSALS	300

/* Item 6: the report's own text, then each member's proposals. */
static int
form_proposals(struct db *db, FILE *fp, int64_t document_id,
    int64_t unit_id, const char *own)
{
	sqlite3_stmt *stmt;
	int rc, n = 0;

	stmt = plan_prepare(db, "WITH RECURSIVE " PLAN_SQL_PLANS ", "
	    PLAN_SQL_UNITS " SELECT m.full_name, u.name, e.proposals FROM units "
	    "JOIN member m ON m.unit_id = units.id "
	    "JOIN unit u ON u.id = m.unit_id "
	    "JOIN essay e ON e.member_id = m.id "
	    "WHERE e.document_id IN (SELECT id FROM plans) "
	    "AND e.submitted_on IS NOT NULL AND trim(e.proposals) <> '' "
	    "ORDER BY u.name_fold, m.name_sort, m.id LIMIT ?3", document_id,
	    unit_id);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int(stmt, 3, FORM_MAX_PROPOSALS + 1);
	if (*own != '\0')
		fprintf(fp, "%s\n", own);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (++n > FORM_MAX_PROPOSALS) {
			fprintf(fp, "- Còn các đề xuất khác: xem báo cáo của "
			    "từng đơn vị trực thuộc.\n");
			rc = SQLITE_DONE;
			break;
		}
		char *name = form_text(stmt, 0), *unit = form_text(stmt, 1);
		char *proposal = form_text(stmt, 2);

		fprintf(fp, "- %s (%s): %s\n", name, unit, proposal);
		free(name);
		free(unit);
		free(proposal);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "đọc đề xuất của đảng viên");
		return -1;
	}
	if (n == 0 && *own == '\0')
		form_paragraph(fp, "", 3);
	return 0;
}

static void
form_counts(FILE *fp, const struct tally *t)
{
	size_t i;

	fprintf(fp, "1. Tổng số đảng viên: %lld\n", (long long)t->total_members);
	fprintf(fp, "2. Số lượng đảng viên tham gia học tập nghị quyết: %lld\n",
	    (long long)t->participated);
	fprintf(fp, "3. Số đảng viên viết thu hoạch: %lld\n", (long long)t->wrote);
	fprintf(fp, "4. Số đảng viên miễn viết thu hoạch: %lld",
	    (long long)t->exempt);
	for (i = 0; i < t->nreasons; i++)
		fprintf(fp, "%s%s: %lld", i == 0 ? " (" : "; ",
		    t->reasons[i].reason, (long long)t->reasons[i].count);
	fprintf(fp, "%s\n", t->nreasons > 0 ? ")" : "");
}

char *
tally_format_txt(struct db *db, int64_t document_id, int64_t unit_id,
    int round)
{
	struct tally t;
	struct form f;
	struct qt_date day;
	char *buf = NULL, *upper, *line;
	size_t len;
	FILE *fp;
	int rc;

	if (tally_compute(db, document_id, unit_id, &t) != 0)
		return NULL;
	if (form_load(db, document_id, unit_id, round, &f) != 0) {
		tally_clear(&t);
		return NULL;
	}
	if (date_from_iso(f.date, &day) != 0)
		day = date_today();
	fp = form_open(&buf, &len);
	upper = form_upper(f.parent);
	form_columns(fp, upper, "ĐẢNG CỘNG SẢN VIỆT NAM");
	free(upper);
	upper = form_upper(f.unit);
	line = xasprintf("%s, ngày %02d tháng %d năm %d", f.place, day.d,
	    day.m, day.y);
	form_columns(fp, upper, line);
	free(line);
	free(upper);
	fprintf(fp, "\n");
	form_center(fp, "BÁO CÁO", 0, FORM_WIDTH);
	form_center(fp, "TỔNG HỢP BÀI THU HOẠCH", 0, FORM_WIDTH);
	line = xasprintf("học tập, quán triệt %s", f.subject);
	form_center(fp, line, 0, FORM_WIDTH);
	free(line);
	line = xasprintf("(Thực hiện %s; đợt %d)", f.plan, round);
	form_center(fp, line, 0, FORM_WIDTH);
	free(line);
	form_center(fp, "_______", 0, FORM_WIDTH);
	fprintf(fp, "\n");
	form_counts(fp, &t);
	fprintf(fp, "5. Nhận xét đánh giá\n");
	form_paragraph(fp, f.assessment, 4);
	fprintf(fp, "6. Kiến nghị, đề xuất của cán bộ, đảng viên\n");
	rc = form_proposals(db, fp, document_id, unit_id, f.proposals);
	fprintf(fp, "\n");
	form_center(fp, f.is_cell ? "T/M CHI ỦY CHI BỘ" : "T/M ĐẢNG ỦY",
	    FORM_LEFT, FORM_WIDTH - FORM_LEFT);
	form_center(fp, "BÍ THƯ", FORM_LEFT, FORM_WIDTH - FORM_LEFT);
	fprintf(fp, "\n\n\n");
	form_center(fp, f.signer, FORM_LEFT, FORM_WIDTH - FORM_LEFT);
	fclose(fp);
	form_clear(&f);
	tally_clear(&t);
	if (rc != 0)
		x_free(&buf);
	return buf;
}

/* Writes one CSV field, quoted when RFC 4180 requires it. */
static void
csv_field(FILE *fp, const char *field, int last)
{
	char *safe = form_safe(field);
	const char *s = safe;

	if (strpbrk(s, ",\"\r\n") != NULL) {
		fputc('"', fp);
		for (; *s != '\0'; s++) {
			if (*s == '"')
				fputc('"', fp);
			fputc(*s, fp);
		}
		fputc('"', fp);
	} else
		fputs(s, fp);
	fputs(last ? "\r\n" : ",", fp);
	free(safe);
}

static int
csv_row(struct db *db, FILE *fp, int64_t document_id, int64_t unit_id,
    const char *label)
{
	struct tally t;
	char *reasons = xstrdup(""), *more;
	size_t i;

	if (tally_compute(db, document_id, unit_id, &t) != 0) {
		free(reasons);
		return -1;
	}
	for (i = 0; i < t.nreasons; i++) {
		more = xasprintf("%s%s%s: %lld", reasons, i ? "; " : "",
		    t.reasons[i].reason, (long long)t.reasons[i].count);
		free(reasons);
		reasons = more;
	}
	csv_field(fp, label, 0);
	fprintf(fp, "%lld,%lld,%lld,%lld,", (long long)t.total_members,
	    (long long)t.participated, (long long)t.wrote, (long long)t.exempt);
	csv_field(fp, reasons, 0);
	fprintf(fp, "%lld,%lld,%lld,%lld\r\n", (long long)t.must_write,
	    (long long)t.missing, (long long)t.late,
	    (long long)t.guests_present);
	free(reasons);
	tally_clear(&t);
	return 0;
}

/* The name of the unit, newly allocated; NULL on error (db_error). */
static char *
csv_unit_name(struct db *db, int64_t unit_id)
{
	sqlite3_stmt *stmt = form_row(db, "SELECT name FROM unit WHERE id = ?2",
	    0, unit_id, 0);
	char *name;

	if (stmt == NULL)
		return NULL;
	name = form_text(stmt, 0);
	sqlite3_finalize(stmt);
	return name;
}

char *
tally_format_csv(struct db *db, int64_t document_id, int64_t unit_id,
    int round)
{
	sqlite3_stmt *stmt;
	char *buf = NULL;
	size_t len;
	FILE *fp;
	int rc = SQLITE_DONE, n = 0, bad = 0;

	stmt = db_prepare(db, "SELECT id, name FROM unit WHERE parent_id = ?1 "
	    "ORDER BY name_fold");
	if (stmt == NULL)
		return NULL;
	sqlite3_bind_int64(stmt, 1, unit_id);
	fp = form_open(&buf, &len);
	fputs("Đơn vị,Tổng số đảng viên,Tham gia học tập,Viết thu hoạch,"
	    "Miễn viết thu hoạch,Lý do miễn,Phải viết,Chưa nộp,Quá hạn,"
	    "Quần chúng dự học\r\n", fp);
	while (!bad && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		bad = csv_row(db, fp, document_id, sqlite3_column_int64(stmt, 0),
		    (const char *)sqlite3_column_text(stmt, 1)) != 0;
		n++;
	}
	if (!bad && rc != SQLITE_DONE) {
		db_set_error(db, rc, "đọc các đơn vị trực thuộc");
		bad = 1;
	}
	sqlite3_finalize(stmt);
	if (!bad) {
		char *name = n > 0 ? xstrdup("Tổng cộng") : csv_unit_name(db, unit_id);

		bad = name == NULL ||
		    csv_row(db, fp, document_id, unit_id, name) != 0;
		free(name);
	}
	fclose(fp);
	if (bad)
		x_free(&buf);
	return buf;
}
