/*
 * cmd_audit.c - quantriet audit: who changed what, since a date.
 *
 * Prints the audit trail (src/domain/audit.h) oldest first, one entry a
 * line and each changed column on an indented line under it, a page of
 * entries at a time so that a province's whole trail costs no memory.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "db.h"
#include "domain/audit.h"
#include "domain/date.h"
#include "domain/lookup.h"
#include "msg.h"
#include "xmalloc.h"

/* Entries read at a time. */
#define AUDIT_PAGE	200

static void
audit_usage(FILE *fp)
{
	fputs("Cách dùng: quantriet audit [--since NGÀY] [--unit ĐƠN_VỊ] "
	    "[--db TỆP]\n", fp);
	msg_put(fp, "In nhật ký thay đổi: ai (người dùng máy, thiết bị đồng bộ "
	    "hoặc máy chủ tỉnh) sửa bản ghi nào, lúc nào, từ giá trị nào "
	    "thành giá trị nào; cũ trước, mới sau.\n\n"
	    "  --since NGÀY     từ ngày này (31/12/2026 hoặc 2026-12-31)\n"
	    "  --unit ĐƠN_VỊ    chỉ bản ghi của đơn vị này và các đơn vị "
	    "trực thuộc (mã hoặc tên)\n"
	    "  --db TỆP         cơ sở dữ liệu\n"
	    "  --help           in trợ giúp này\n");
}

/* One entry: its line, then a line a changed column. */
static void
audit_print(const struct audit_entry *e)
{
	char *line = xasprintf("%s  %s  %s  %s «%s» (%lld)\n", e->when,
	    e->actor, e->op, e->table, e->name, (long long)e->row_id);
	const char *p = e->changes, *nl;

	msg_put(stdout, line);
	free(line);
	while (*p != '\0') {
		nl = strchr(p, '\n');
		line = xasprintf("    %.*s\n", nl != NULL ? (int)(nl - p) :
		    (int)strlen(p), p);
		msg_put(stdout, line);
		free(line);
		p = nl != NULL ? nl + 1 : p + strlen(p);
	}
}

/* Prints every entry of q; the count, or -1. */
static long
audit_print_all(struct db *db, const struct audit_query *q)
{
	struct audit_entry *page;
	struct audit_key key = { NULL, 0 };
	char *last = NULL;
	long total = 0;
	int n, i;

	do {
		if ((n = audit_page(db, q, &key, 1, AUDIT_PAGE, &page)) < 0)
			break;
		for (i = 0; i < n; i++)
			audit_print(&page[i]);
		total += n;
		if (n > 0) {
			free(last);
			last = xstrdup(page[n - 1].at);
			key.at = last;
			key.id = page[n - 1].id;
		}
		audit_entries_free(&page, (size_t)n);
	} while (n == AUDIT_PAGE);
	free(last);
	return n < 0 ? -1 : total;
}

static int
cmd_audit(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "since", required_argument, NULL, 's' },
		{ "unit", required_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *opt_db = NULL, *opt_since = NULL, *opt_unit = NULL, *why;
	struct audit_query q;
	struct qt_date since;
	char iso[11], *err;
	struct db *db;
	long n;
	int c;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			opt_db = optarg;
			break;
		case 's':
			opt_since = optarg;
			break;
		case 'u':
			opt_unit = optarg;
			break;
		case 'h':
			audit_usage(stdout);
			return 0;
		default:
			audit_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		msg_error("audit không nhận tham số '%s' (xem quantriet audit "
		    "--help)", argv[optind]);
		return EXIT_USAGE;
	}
	memset(&q, 0, sizeof q);
	if (opt_since != NULL) {
		if ((why = date_parse(opt_since, &since)) != NULL) {
			msg_error("--since: %s", why);
			return EXIT_USAGE;
		}
		date_to_iso(since, iso);
		q.since = iso;
	}
	if ((db = cli_open_db(opt_db, DB_OPEN_EXISTING)) == NULL)
		return 1;
	if (opt_unit != NULL && lookup_unit(db, opt_unit, &q.unit_id, &err) != 0) {
		msg_error("%s", err);
		free(err);
		db_close(&db);
		return 1;
	}
	if ((n = audit_print_all(db, &q)) < 0)
		msg_error("%s", db_error(db));
	else if (n == 0)
		msg_info("Không có thay đổi nào%s.", opt_since != NULL ?
		    " từ ngày đó" : "");
	db_close(&db);
	return n < 0 ? 1 : 0;
}

const struct cmd_entry cmd_audit_entry = {
	"audit", "nhật ký thay đổi: ai sửa gì, lúc nào", cmd_audit
};
