/*
 * cmd_import.c - quantriet import members: a cell's member list from a file.
 *
 * Communes keep member lists in spreadsheets saved as CSV, often in the
 * Windows-1258 or TCVN encodings of older Vietnamese software; iconv turns
 * them into UTF-8 and text_nfc() composes the tone marks Windows-1258
 * keeps apart. The import is all or nothing: every bad line is reported
 * with its number and nothing is written until the whole file is right.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "db.h"
#include "domain/lookup.h"
#include "domain/textfile.h"
#include "msg.h"
#include "store/store.h"
#include "text/text.h"
#include "xmalloc.h"

#define IMPORT_MAX_ERRORS	20
/* Bytes in one line: a member's four fields need a few hundred. */
#define IMPORT_LINE_MAX		4096

/* One line of the file: name, position, status, birth year. */
struct import_row {
	char	*field[4];
};

static void
import_usage(FILE *fp)
{
	msg_put(fp, "Cách dùng: quantriet import members --cell CHI_BỘ --file TỆP "
	    "[--encoding utf-8|cp1258|tcvn] [--db TỆP]\n"
	    "Nhập danh sách đảng viên của một chi bộ từ tệp CSV, mỗi dòng:\n"
	    "  Họ và tên[,Chức vụ[,Tình trạng[,Năm sinh]]]\n"
	    "Tình trạng: đang sinh hoạt (mặc định), miễn sinh hoạt, miễn công tác,\n"
	    "hưu trí, quần chúng. Dấu phân cách: phẩy, chấm phẩy hoặc tab.\n"
	    "Có lỗi ở dòng nào thì không nhập gì và báo số dòng.\n");
}

/* How a member list is told apart from what is not one. */
static const struct textfile_kind import_csv = {
	.zip = "tệp bảng tính (.xlsx, .ods) hoặc tệp nén, không phải CSV: hãy "
	    "mở bằng Excel và lưu lại dạng \"CSV UTF-8\"",
	.ole = "tệp Excel cũ (.xls), không phải CSV: hãy mở bằng Excel và lưu "
	    "lại dạng \"CSV UTF-8\"",
	.utf16 = "tệp ở bảng mã UTF-16: hãy lưu lại dạng \"CSV UTF-8\"",
	.nul = "tệp không phải văn bản CSV",
	.too_long = "tệp không giống danh sách đảng viên",
	.line_max = IMPORT_LINE_MAX,
};

/* Splits line at the first of tab, ';' or ',' it uses; "..." quoting. */
static void
import_split(char *line, struct import_row *row)
{
	const char *seps = strchr(line, '\t') ? "\t" :
	    strchr(line, ';') ? ";" : ",";
	char *p = line, *w;
	int i;

	for (i = 0; i < 4 && p != NULL; i++) {
		row->field[i] = p;
		if (*p == '"') {
			/* A quoted field: "" is a quote; ends at a lone quote. */
			for (w = p, p++; *p != '\0'; p++) {
				if (*p == '"' && p[1] == '"')
					p++;
				else if (*p == '"')
					break;
				*w++ = *p;
			}
			if (*p == '"')
				p++;
			*w = '\0';
			p = *p != '\0' && strchr(seps, *p) ? p + 1 : NULL;
			continue;
		}
		p += strcspn(p, seps);
		if (*p == '\0')
			p = NULL;
		else
			*p++ = '\0';
	}
}

/* s without white space at either end (in place). */
static char *
import_trim(char *s)
{
	char *end;

	if (s == NULL)
		return NULL;
	while (*s == ' ')
		s++;
	end = s + strlen(s);
	while (end > s && end[-1] == ' ')
		*--end = '\0';
	return s;
}

/* The status code for a code or a Vietnamese name, or NULL (caller frees). */
static char *
import_status(struct db *db, const char *s)
{
	sqlite3_stmt *stmt;
	char *code = NULL;

	if (s == NULL || *s == '\0')
		return xstrdup("active");
	stmt = db_prepare(db, "SELECT code FROM member_status WHERE code = ?1 "
	    "OR qt_fold(name) = qt_fold(?1)");
	if (stmt == NULL)
		return NULL;
	sqlite3_bind_text(stmt, 1, s, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		code = xstrdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return code;
}

/* A line's member: name (NFC, trimmed), position, status code, year. */
static void
import_member_clear(struct store_member *m)
{
	x_free(&m->full_name);
	x_free(&m->position);
	x_free(&m->status);
}

/* 1 if s folds to one of the headings a spreadsheet puts on line 1. */
static int
import_is_heading(const char *s)
{
	char *f = text_fold(s);
	int yes = strcmp(f, "ho va ten") == 0 || strcmp(f, "ho ten") == 0;

	free(f);
	return yes;
}

/*
 * Parses one line into *m, a member of cell, and checks it as the member
 * form does (store_member_check). Returns NULL when it is right, "" for
 * a line to skip (blank, or the heading), else what is wrong (static).
 */
static const char *
import_check(struct db *db, char *line, int number, int64_t cell,
    struct store_member *m)
{
	struct import_row row = { { NULL, NULL, NULL, NULL } };
	enum store_member_field field;
	const char *bad;

	memset(m, 0, sizeof *m);
	line[strcspn(line, "\r")] = '\0';
	import_split(line, &row);
	m->unit_id = cell;
	m->full_name = text_nfc(import_trim(row.field[0]));
	if ((*m->full_name == '\0' && row.field[1] == NULL) ||
	    (number == 1 && import_is_heading(m->full_name)))
		return "";
	m->position = text_nfc(import_trim(row.field[1]));
	if ((bad = store_member_check(db, m, &field)) != NULL)
		return bad;
	if ((m->status = import_status(db, import_trim(row.field[2]))) == NULL)
		return "tình trạng không rõ (đang sinh hoạt, miễn sinh hoạt, "
		    "miễn công tác, hưu trí, quần chúng)";
	return store_member_year(import_trim(row.field[3]), &m->birth_year);
}

static void
import_members_free(struct store_member *m, int n)
{
	int i;

	for (i = 0; i < n; i++)
		import_member_clear(&m[i]);
	free(m);
}

/*
 * Parses and checks every line of text into *out (caller frees with
 * import_members_free), printing each problem with its line number.
 * Returns the number of members, or -1 when any line is wrong.
 */
static int
import_parse(struct db *db, const char *text, int64_t cell,
    struct store_member **out)
{
	char *copy = xstrdup(text), *line, *next;
	struct store_member *list = NULL, m;
	int number = 0, problems = 0, n = 0;

	for (line = copy; line != NULL; line = next) {
		const char *bad;

		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		bad = import_check(db, line, ++number, cell, &m);
		if (bad == NULL) {
			list = xrealloc(list, (size_t)(n + 1) * sizeof *list);
			list[n++] = m;
			continue;
		}
		if (*bad != '\0' && ++problems <= IMPORT_MAX_ERRORS)
			msg_error("dòng %d: %s", number, bad);
		import_member_clear(&m);
	}
	free(copy);
	if (problems > IMPORT_MAX_ERRORS)
		msg_error("... và %d lỗi khác", problems - IMPORT_MAX_ERRORS);
	if (problems > 0) {
		msg_error("không nhập gì: hãy sửa %d dòng trên rồi nhập lại",
		    problems);
		import_members_free(list, n);
		return -1;
	}
	*out = list;
	return n;
}

/*
 * Writes n checked members in one transaction, each through the one
 * member writer; 0 or -1 (printed).
 */
static int
import_write(struct db *db, struct store_member *m, int n)
{
	int i, rc = 0;

	if (db_begin(db) != 0) {
		msg_error("%s", db_error(db));
		return -1;
	}
	for (i = 0; rc == 0 && i < n; i++)
		rc = store_member_save(db, &m[i]);
	if (rc != 0) {
		msg_error("%s", db_error(db));
		db_rollback(db);
		return -1;
	}
	if (db_commit(db) != 0) {
		msg_error("%s", db_error(db));
		return -1;
	}
	return 0;
}

static int
cmd_import(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "cell", required_argument, NULL, 'c' },
		{ "file", required_argument, NULL, 'f' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *opt_db = NULL, *cell_name = NULL, *path = NULL;
	const char *encoding = "UTF-8";
	char *raw, *text, *err = NULL;
	struct store_member *members;
	struct db *db;
	size_t len;
	int64_t cell;
	int c, n, rc = 1;

	/* "import [--db F] plan …" (main.c puts a global --db first). */
	for (c = 1; c + 1 < argc && strcmp(argv[c], "--db") == 0; c += 2)
		;
	if (c < argc && (strcmp(argv[c], "plan") == 0 ||
	    strcmp(argv[c], "bundle") == 0)) {
		char *kind = argv[c];

		for (; c > 1; c--)
			argv[c] = argv[c - 1];
		argv[1] = kind;
		return strcmp(kind, "plan") == 0 ?
		    cmd_import_plan(argc - 1, argv + 1) :
		    cmd_import_bundle(argc - 1, argv + 1);
	}
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': opt_db = optarg; break;
		case 'c': cell_name = optarg; break;
		case 'f': path = optarg; break;
		case 'e': encoding = optarg; break;
		case 'h': import_usage(stdout); return 0;
		default: import_usage(stderr); return EXIT_USAGE;
		}
	}
	if (optind != argc - 1 || strcmp(argv[optind], "members") != 0 ||
	    cell_name == NULL || path == NULL) {
		import_usage(stderr);
		return EXIT_USAGE;
	}
	if ((raw = textfile_read(path, &len, &err)) == NULL) {
		msg_error("%s", err);
		free(err);
		return 1;
	}
	text = textfile_decode(&import_csv, raw, len,
	    textfile_encoding(encoding), &err);
	free(raw);
	if (text == NULL) {
		msg_error("%s", err);
		msg_error("không nhập gì: hãy sửa tệp rồi nhập lại");
		free(err);
		return 1;
	}
	if ((db = cli_open_db(opt_db, DB_OPEN_EXISTING)) == NULL) {
		free(text);
		return 1;
	}
	if (lookup_unit(db, cell_name, &cell, &err) != 0 ||
	    db_int(db, 0, "SELECT k.is_cell FROM unit u JOIN unit_kind k ON "
	    "k.code = u.kind WHERE u.id = ?1", 1, cell) != 1) {
		msg_error("%s", err != NULL ? err : "đảng viên chỉ nhập được vào "
		    "một chi bộ");
		free(err);
		free(text);
		db_close(&db);
		return 1;
	}
	/* A UTF-8 byte-order mark from a spreadsheet is not part of a name. */
	n = import_parse(db, strncmp(text, "\xef\xbb\xbf", 3) == 0 ? text + 3 :
	    text, cell, &members);
	if (n >= 0) {
		if (import_write(db, members, n) == 0) {
			msg_info("Đã nhập %d đảng viên.", n);
			rc = 0;
		}
		import_members_free(members, n);
	}
	free(text);
	db_close(&db);
	return rc;
}

const struct cmd_entry cmd_import_entry = {
	"import", "nhập đảng viên từ CSV (members), kế hoạch (plan), gói trả "
	"lời của tỉnh (bundle)", cmd_import
};
