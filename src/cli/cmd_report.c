/*
 * cmd_report.c - quantriet report tally: the essay tally report on stdout;
 * report completeness, accept and return (cmd_report_review.c): reports
 * going up. One set of options for all of them.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "db.h"
#include "domain/lookup.h"
#include "domain/report.h"
#include "domain/report_paper.h"
#include "files.h"
#include "msg.h"
#include "text/text.h"

static void
report_usage(FILE *fp)
{
	msg_put(fp, "Cách dùng: quantriet report tally --plan SỐ [--unit ĐƠN_VỊ] "
	    "[--round N]\n         [--format txt|rtf|csv] [--annex] [--db TỆP]\n"
	    "       quantriet report completeness --plan SỐ [--unit ĐƠN_VỊ] "
	    "[--round N]\n         [--format txt|csv] [--history]\n"
	    "       quantriet report submit --plan SỐ [--unit ĐƠN_VỊ] [--round N]\n"
	    "       quantriet report accept --plan SỐ --unit ĐƠN_VỊ [--round N]\n"
	    "       quantriet report return --plan SỐ --unit ĐƠN_VỊ [--round N] "
	    "--reason LÝ_DO\n"
	    "       quantriet report actions --plan SỐ [--unit ĐƠN_VỊ]\n"
	    "tally: báo cáo tổng hợp bài thu hoạch của một kế hoạch (và các kế "
	    "hoạch thực hiện nó)\ncho một đơn vị và mọi đơn vị trực thuộc. "
	    "completeness: các đơn vị trực thuộc\nđã nộp báo cáo của đợt chưa, "
	    "đúng hạn hay trễ, bị trả lại, đã duyệt. submit: chốt báo\ncáo và "
	    "nộp lên cấp trên. accept, return: cấp trên duyệt hoặc trả lại (ghi "
	    "lý do)\nbáo cáo đã nộp của đơn vị dưới. actions: kiểm điểm chương "
	    "trình hành động của\nđơn vị cho kế hoạch: việc đã xong, trễ hạn, "
	    "chưa xong.\n\n"
	    "  --plan SỐ        số văn bản, ví dụ 13-KH/TU (không phân biệt "
	    "hoa thường, dấu)\n"
	    "  --unit ĐƠN_VỊ    tên hoặc mã đơn vị (mặc định: đơn vị của máy "
	    "này)\n"
	    "  --round N        đợt báo cáo, 1-12 (mặc định 1)\n"
	    "  --format F       txt: mẫu báo cáo để in; rtf (chỉ tally): mẫu "
	    "báo cáo mở bằng\n"
	    "                   Word, LibreOffice (khổ A4); csv: bảng số liệu "
	    "theo đơn vị\n"
	    "                   trực thuộc\n"
	    "  --annex          tally: thêm phụ lục, đề xuất của từng đảng viên "
	    "(txt, rtf)\n"
	    "  --history        completeness: in cả lịch sử nộp, trả lại, "
	    "duyệt của từng đơn vị\n"
	    "  --reason LÝ_DO   return: vì sao trả lại\n"
	    "  --output TỆP     ghi vào TỆP (quyền 600) thay vì in ra\n"
	    "  --db TỆP         cơ sở dữ liệu\n"
	    "  --help           in trợ giúp này\n");
}

/*
 * One rule for every report: written to a file or a pipe it is UTF-8
 * with full diacritics whatever the locale (it is printed, mailed or
 * opened elsewhere); written to a terminal every line follows the
 * terminal, all unaccented on one that is not UTF-8. It is laid out in
 * the mode it will be read in, so its columns line up either way.
 * Returns the report, newly allocated, or NULL on a database error.
 */
static char *
report_make(struct db *db, const char *kind, const char *format,
    int64_t document_id, int64_t unit_id, int round, int history, int flags,
    int to_terminal)
{
	int ascii = text_ascii_mode(), csv = strcmp(format, "csv") == 0;
	struct report r;
	char *out = NULL;

	/* One moment of the file for the whole report. */
	if (db_read_begin(db) != 0)
		return NULL;
	if (!to_terminal)
		text_set_ascii_mode(0);
	if (strcmp(kind, "completeness") == 0)
		out = report_completeness(db, csv, document_id, unit_id, round,
		    history);
	else if (strcmp(kind, "actions") == 0)
		out = report_actions(db, document_id, unit_id);
	else if (report_build(db, document_id, unit_id, round, NULL, csv ? 0 :
	    REPORT_WITH_PROPOSALS, &r) == 0) {
		out = csv ? report_format_csv(&r) :
		    strcmp(format, "rtf") == 0 ? report_paper_rtf(&r, flags) :
		    report_paper_txt(&r, flags);
		report_clear(&r);
	}
	db_read_end(db);
	text_set_ascii_mode(ascii);
	return out;
}

static int
cmd_report(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "plan", required_argument, NULL, 'p' },
		{ "unit", required_argument, NULL, 'u' },
		{ "round", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "history", no_argument, NULL, 'H' },
		{ "reason", required_argument, NULL, 'R' },
		{ "annex", no_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *opt_db = NULL, *plan = NULL, *unit = NULL, *format = "txt";
	const char *output = NULL, *reason = NULL, *kind;
	int64_t document_id, unit_id;
	struct db *db;
	char *err = NULL, *out = NULL, *end;
	long round = 1;
	int c, rc, tty, history = 0, flags = 0;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			opt_db = optarg;
			break;
		case 'p':
			plan = optarg;
			break;
		case 'u':
			unit = optarg;
			break;
		case 'r':
			round = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || round < 1 ||
			    round > 12) {
				msg_error("--round phải là số đợt từ 1 đến 12, "
				    "không phải '%s'", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'f':
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'H':
			history = 1;
			break;
		case 'R':
			reason = optarg;
			break;
		case 'a':
			flags |= REPORT_PAPER_ANNEX;
			break;
		case 'h':
			report_usage(stdout);
			return 0;
		default:
			report_usage(stderr);
			return EXIT_USAGE;
		}
	}
	kind = optind + 1 == argc ? argv[optind] : "";
	if (strcmp(kind, "tally") != 0 && strcmp(kind, "completeness") != 0 &&
	    strcmp(kind, "submit") != 0 && strcmp(kind, "accept") != 0 &&
	    strcmp(kind, "return") != 0 && strcmp(kind, "actions") != 0) {
		msg_error("hãy ghi loại báo cáo: quantriet report tally --plan "
		    "SỐ, hoặc completeness, submit, accept, return, actions (xem "
		    "quantriet report --help)");
		return EXIT_USAGE;
	}
	if ((strcmp(kind, "accept") == 0 || *kind == 'r') && unit == NULL) {
		msg_error("thiếu --unit ĐƠN_VỊ: báo cáo của đơn vị nào?");
		return EXIT_USAGE;
	}
	if (*kind == 'r' && (reason == NULL || *reason == '\0')) {
		msg_error("thiếu --reason LÝ_DO: trả lại báo cáo phải ghi lý do");
		return EXIT_USAGE;
	}
	if (plan == NULL) {
		msg_error("thiếu --plan SỐ, ví dụ --plan 13-KH/TU");
		return EXIT_USAGE;
	}
	if (strcmp(format, "txt") != 0 && strcmp(format, "csv") != 0 &&
	    (strcmp(format, "rtf") != 0 || strcmp(kind, "tally") != 0)) {
		msg_error("--format chỉ nhận txt, csv (và rtf cho report "
		    "tally), không phải '%s'", format);
		return EXIT_USAGE;
	}
	if ((db = cli_open_db(opt_db, DB_OPEN_EXISTING)) == NULL)
		return 1;
	if (lookup_document(db, plan, &document_id, &err) != 0 ||
	    (unit != NULL ? lookup_unit(db, unit, &unit_id, &err) :
	    lookup_home_unit(db, &unit_id, &err)) != 0) {
		msg_error("%s", err);
		free(err);
		db_close(&db);
		return 1;
	}
	if (strcmp(kind, "actions") == 0 && strcmp(format, "txt") != 0) {
		msg_error("report actions chỉ in dạng txt");
		db_close(&db);
		return EXIT_USAGE;
	}
	if (*kind == 's' || strcmp(kind, "accept") == 0 || *kind == 'r') {
		rc = report_review(db, kind, document_id, unit_id, (int)round,
		    reason);
		db_close(&db);
		return rc;
	}
	tty = output == NULL && isatty(STDOUT_FILENO);
	out = report_make(db, kind, format, document_id, unit_id, (int)round,
	    history, flags, tty);
	rc = out != NULL ? 0 : 1;
	if (out == NULL)
		msg_error("%s", db_error(db));
	else if (tty)
		msg_put(stdout, out);
	else if (output == NULL)
		fputs(out, stdout);
	else if (files_write(output, out, strlen(out)) != 0) {
		msg_error("không ghi được báo cáo vào %s: %s", output,
		    msg_strerror(errno));
		rc = 1;
	}
	free(out);
	db_close(&db);
	return rc;
}

const struct cmd_entry cmd_report_entry = {
	"report", "in báo cáo (report tally: báo cáo tổng hợp bài thu hoạch; "
	"report completeness: ai đã nộp; report accept/return: duyệt, trả lại; "
	"report actions: kiểm điểm chương trình hành động)", cmd_report
};
