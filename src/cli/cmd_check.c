/*
 * cmd_check.c - quantriet check: is this database sound?
 *
 * SQLite's own checks first (a file damaged by a power cut), then the
 * domain's: rows that are each valid but together make no sense, such as
 * an essay handed in before its session or attendance taken for a member
 * of another unit. Each finding is one line on stdout.
 */
#include "config.h"

#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cmd.h"
#include "db.h"
#include "domain/counters.h"
#include "domain/date.h"
#include "domain/rules.h"
#include "files.h"
#include "msg.h"
#include "xmalloc.h"

/* Where findings go, and how many there were. */
struct findings {
	FILE	*fp;
	int	 n;
};

/* A domain check: SQL whose rows (one text column each) are findings. */
struct check {
	const char	*what;
	const char	*sql;
};

/* Every unit paired with itself and each unit above it. */
#define CHECK_UNIT_UP \
	"WITH RECURSIVE up(unit_id, anc) AS (SELECT id, id FROM unit UNION " \
	"  SELECT up.unit_id, u.parent_id FROM up JOIN unit u ON u.id = up.anc " \
	"  WHERE u.parent_id IS NOT NULL) "

static const struct check checks[] = {
	{ "Đảng viên xếp vào đơn vị không phải chi bộ",
	  "SELECT m.full_name || ' (' || u.name || ')' FROM member m "
	  "JOIN unit u ON u.id = m.unit_id JOIN unit_kind k ON k.code = u.kind "
	  "WHERE k.is_cell = 0 ORDER BY u.name_fold, m.name_sort" },
	{ "Điểm danh người của đơn vị khác",
	  CHECK_UNIT_UP "SELECT m.full_name || ' (' || mu.name || ') trong buổi \"' "
	  "|| se.title || '\" của ' || su.name FROM attendance a "
	  "JOIN member m ON m.id = a.member_id JOIN session se ON se.id = a.session_id "
	  "JOIN unit mu ON mu.id = m.unit_id JOIN unit su ON su.id = se.unit_id "
	  /* A join, not NOT EXISTS, so SQLite indexes the pairs once. */
	  "LEFT JOIN up ON up.unit_id = m.unit_id AND up.anc = se.unit_id "
	  "WHERE up.unit_id IS NULL" },
	{ "Điểm danh có mặt ở buổi chưa tổ chức",
	  "SELECT m.full_name || ' trong buổi \"' || se.title || '\" (' || "
	  "CASE se.status WHEN 'planned' THEN 'dự kiến' ELSE 'đã hủy' END || ')' "
	  "FROM attendance a JOIN session se ON se.id = a.session_id "
	  "JOIN member m ON m.id = a.member_id "
	  "WHERE se.status <> 'held' AND a.status <> 'absent'" },
	{ "Buổi học bù không cùng kế hoạch với buổi gốc",
	  "SELECT s.title FROM session s JOIN session o ON o.id = s.makeup_of "
	  "WHERE o.document_id <> s.document_id OR o.id = s.id" },
	{ "Đơn vị không nối được tới gốc (vòng lặp cấp trên)",
	  "WITH RECURSIVE r(id) AS (SELECT id FROM unit WHERE parent_id IS NULL "
	  "UNION SELECT u.id FROM unit u JOIN r ON u.parent_id = r.id) "
	  "SELECT name FROM unit WHERE id NOT IN (SELECT id FROM r)" },
	{ "Văn bản nằm trong vòng lặp văn bản cấp trên",
	  "WITH RECURSIVE r(id) AS (SELECT id FROM document WHERE parent_id IS NULL "
	  "UNION SELECT d.id FROM document d JOIN r ON d.parent_id = r.id) "
	  "SELECT number FROM document WHERE id NOT IN (SELECT id FROM r)" },
	/* A database enrolled before units were matched at enrolment. */
	{ "Đơn vị của máy này (home_unit_id) không có trong cơ sở dữ liệu "
	  "(sửa: xin tỉnh mã mới, chạy quantriet enroll, rồi gửi lại các bản "
	  "ghi bị từ chối ở màn hình Đồng bộ)",
	  "SELECT 'home_unit_id = ' || value FROM setting "
	  "WHERE key = 'home_unit_id' AND CAST(value AS INTEGER) NOT IN "
	  "(SELECT id FROM unit)" },
	{ "Khóa tìm kiếm không khớp với tên (cần tính lại)",
	  "SELECT name FROM unit WHERE name_fold IS NOT qt_fold(name) UNION ALL "
	  "SELECT full_name FROM member WHERE name_fold IS NOT qt_fold(full_name)" },
	{ "Khóa sắp xếp không khớp với tên (cần tính lại)",
	  "SELECT full_name FROM member "
	  "WHERE name_sort IS NOT qt_name_sort(full_name)" },
};

/* Date columns: every non-NULL value must be a real YYYY-MM-DD. */
static const char check_dates_sql[] =
    "SELECT 'văn bản ' || number, issued_on FROM document UNION ALL "
    "SELECT 'buổi ' || title, held_on FROM session UNION ALL "
    "SELECT 'hạn buổi ' || title, deadline FROM plan_session "
    "  WHERE deadline IS NOT NULL UNION ALL "
    "SELECT 'hạn nộp của ' || m.full_name, e.due_on FROM essay e "
    "  JOIN member m ON m.id = e.member_id WHERE e.due_on IS NOT NULL UNION ALL "
    "SELECT 'ngày nộp của ' || m.full_name, e.submitted_on FROM essay e "
    "  JOIN member m ON m.id = e.member_id WHERE e.submitted_on IS NOT NULL "
    "UNION ALL SELECT 'hạn báo cáo ' || description, due_on FROM report_deadline "
    "UNION ALL SELECT 'ngày ký báo cáo', finalized_on FROM tally_report "
    "  WHERE finalized_on IS NOT NULL UNION ALL "
    "SELECT 'hạn việc ' || task, due_on FROM action_item WHERE due_on IS NOT NULL "
    "UNION ALL SELECT 'ngày rà soát ' || task, reviewed_on FROM action_item "
    "  WHERE reviewed_on IS NOT NULL";

/* Prints one finding and counts it. */
static void
check_report(struct findings *f, const char *what, const char *detail)
{
	fputs("- ", f->fp);
	msg_put(f->fp, what);
	if (detail != NULL) {
		fputs(": ", f->fp);
		msg_put(f->fp, detail);
	}
	fputc('\n', f->fp);
	f->n++;
}

/*
 * Runs SQL and reports each row. With dates set, a row is (label, date)
 * and only a date that is not real is a finding. A query that fails is a
 * finding too: on a damaged file it is often the only sign.
 */
static void
check_rows(struct db *db, struct findings *f, const char *what, const char *sql,
    int dates)
{
	sqlite3_stmt *stmt = db_prepare(db, sql);
	struct qt_date d;
	int rc;

	if (stmt == NULL) {
		check_report(f, what, db_error(db));
		return;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *a = (const char *)sqlite3_column_text(stmt, 0);
		const char *b = (const char *)sqlite3_column_text(stmt, 1);

		if (!dates)
			check_report(f, what, a);
		else if (date_from_iso(b, &d) != 0) {
			char *line = xasprintf("%s: '%s'", a != NULL ? a : "",
			    b != NULL ? b : "");

			check_report(f, what, line);
			free(line);
		}
	}
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, what);
		check_report(f, what, db_error(db));
	}
	sqlite3_finalize(stmt);
}

/* What rules_early_essays finds, as findings. */
#define CHECK_EARLY	"Bài thu hoạch nộp trước buổi học"

static void
check_early_one(const char *line, void *ctx)
{
	check_report(ctx, CHECK_EARLY, line);
}

/*
 * Essays handed in before their member studied: the day the essay
 * screen shows, by the same definition (domain/rules.h).
 */
static void
check_early(struct db *db, struct findings *f)
{
	if (rules_early_essays(db, check_early_one, f) != 0)
		check_report(f, CHECK_EARLY, db_error(db));
}

/* What counters_check finds, as findings. */
#define CHECK_COUNTERS	"Bộ đếm báo cáo tổng hợp lệch so với dữ liệu (sửa: " \
	"quantriet check --rebuild-counters)"

static void
check_counters_one(const char *line, void *ctx)
{
	check_report(ctx, CHECK_COUNTERS, line);
}

/* The tally's counters against a recount from the rows (counters.h). */
static void
check_counters(struct db *db, struct findings *f)
{
	if (counters_check(db, check_counters_one, f) < 0)
		check_report(f, CHECK_COUNTERS, db_error(db));
}

/*
 * --rebuild-counters: the counters recounted from the rows, in one
 * transaction on the database itself (not the copy check reads).
 */
static int
check_rebuild(struct db *db)
{
	if (counters_rebuild(db) != 0) {
		msg_error("Không tính lại được bộ đếm báo cáo: %s", db_error(db));
		return 1;
	}
	msg_info("Đã tính lại bộ đếm báo cáo tổng hợp từ dữ liệu.");
	return 0;
}

/* PRAGMA integrity_check answers "ok" alone when the file is sound. */
static void
check_integrity(struct db *db, struct findings *f)
{
	sqlite3_stmt *stmt = db_prepare(db, "PRAGMA integrity_check");
	int rc;

	if (stmt == NULL) {
		check_report(f, "Tệp hỏng", db_error(db));
		return;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(stmt, 0);

		if (s == NULL || strcmp(s, "ok") != 0)
			check_report(f, "Tệp hỏng", s);
	}
	if (rc != SQLITE_DONE) {
		db_set_error(db, rc, "kiểm tra tệp");
		check_report(f, "Tệp hỏng", db_error(db));
	}
	sqlite3_finalize(stmt);
}

/*
 * A database others may read or write is a finding: SQLite gives its
 * journals the same mode, so every member's name is theirs to read.
 * Reported, not changed: the operator may have chosen it.
 */
static void
check_mode(struct db *db, struct findings *f)
{
	const char *path = db_path(db);
	mode_t want = files_db_mode(path), mode;
	struct stat st;
	char *line;

	if (stat(path, &st) != 0)
		return;
	mode = st.st_mode & 0777;
	if ((mode & ~want) == 0)
		return;
	line = xasprintf("%s có quyền %03o, nên là %03o (sửa: chmod %03o %s)",
	    path, (unsigned)mode, (unsigned)want, (unsigned)want, path);
	check_report(f, "Người dùng khác đọc hoặc ghi được tệp cơ sở dữ liệu",
	    line);
	free(line);
}

/* The checks after SQLite's own, each on the copy. */
static void
check_domain(struct db *db, struct findings *f)
{
	size_t i;

	check_rows(db, f, "Tham chiếu tới dòng không tồn tại",
	    "SELECT 'bảng ' || \"table\" || ' dòng ' || rowid || ' -> ' || "
	    "parent FROM pragma_foreign_key_check", 0);
	check_rows(db, f, "Ngày không có thật", check_dates_sql, 1);
	for (i = 0; i < sizeof checks / sizeof checks[0]; i++)
		check_rows(db, f, checks[i].what, checks[i].sql, 0);
	check_early(db, f);
	check_counters(db, f);
}

/* check_domain on a connection of its own, its findings kept in memory. */
struct domain_run {
	struct db	*db;
	struct findings	 f;
	char		*buf;
	size_t		 len;
};

static void *
check_domain_run(void *arg)
{
	struct domain_run *run = arg;

	check_domain(run->db, &run->f);
	return NULL;
}

/*
 * SQLite's integrity_check and the domain's checks each read the whole
 * copy, and neither needs the other: on a second core, the domain's run
 * beside integrity_check, so check takes about as long as the longer of
 * the two rather than their sum. Findings come out in the same order as
 * one after the other would print them. Without a second connection or
 * thread, they run one after the other.
 */
static void
check_copy(struct db *snap, struct db *reader, struct findings *f)
{
	struct domain_run run = { reader, { NULL, 0 }, NULL, 0 };
	pthread_t worker;

	if (run.db != NULL &&
	    ((run.f.fp = open_memstream(&run.buf, &run.len)) == NULL ||
	    pthread_create(&worker, NULL, check_domain_run, &run) != 0)) {
		if (run.f.fp != NULL)
			fclose(run.f.fp);
		free(run.buf);
		run.db = NULL;
	}
	check_integrity(snap, f);
	if (run.db == NULL) {
		check_domain(snap, f);
		return;
	}
	pthread_join(worker, NULL);
	if (fclose(run.f.fp) == 0)
		fwrite(run.buf, 1, run.len, f->fp);
	free(run.buf);
	f->n += run.f.n;
}

static void
check_usage(FILE *fp)
{
	msg_put(fp, "Cách dùng: quantriet check [--db TỆP] [--rebuild-counters]\n"
	    "Kiểm tra tệp (integrity_check, khóa ngoại) và dữ liệu: ngày "
	    "không có thật,\nbài thu hoạch nộp trước buổi học, đảng viên ở "
	    "đơn vị không phải chi bộ,\nđiểm danh người của đơn vị khác, "
	    "tệp mà người dùng khác đọc được,\nbộ đếm báo cáo lệch với dữ liệu... "
	    "Trả về 1 nếu có vấn đề.\n\n"
	    "  --db TỆP    cơ sở dữ liệu\n"
	    "  --rebuild-counters\n"
	    "              tính lại bộ đếm báo cáo tổng hợp từ dữ liệu "
	    "(không kiểm tra gì khác)\n"
	    "  --help      in trợ giúp này\n");
}

static int
cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "rebuild-counters", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	const char *opt_db = NULL;
	struct db *db, *snap, *reader;
	struct findings f = { stdout, 0 };
	char *err;
	int c, rebuild = 0, rc;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			opt_db = optarg;
			break;
		case 'h':
			check_usage(stdout);
			return 0;
		case 'r':
			rebuild = 1;
			break;
		default:
			check_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		msg_error("check không nhận tham số '%s' (xem quantriet check "
		    "--help)", argv[optind]);
		return EXIT_USAGE;
	}
	if ((db = cli_open_db(opt_db, DB_OPEN_EXISTING)) == NULL)
		return 1;
	if (rebuild) {
		rc = check_rebuild(db);
		db_close(&db);
		return rc;
	}
	check_mode(db, &f);
	/*
	 * Minutes of reading at a province: on a copy, so that no clerk's
	 * save waits behind them (docs/storage.md).
	 */
	if ((snap = db_snapshot(db, &reader, &err)) == NULL) {
		msg_error("%s", err);
		free(err);
		db_close(&db);
		return 1;
	}
	db_close(&db);
	check_copy(snap, reader, &f);
	db_close(&reader);
	db_close(&snap);
	if (f.n > 0) {
		msg_error("phát hiện %d vấn đề", f.n);
		return 1;
	}
	msg_info("Không phát hiện vấn đề nào.");
	return 0;
}

const struct cmd_entry cmd_check_entry = {
	"check", "kiểm tra cơ sở dữ liệu", cmd_check
};
