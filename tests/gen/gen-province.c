/*
 * gen-province.c - makes a province-sized database to measure quantriet on.
 *
 * Usage: gen-province --db FILE [--districts N] [--communes N] [--cells N]
 *        [--members N] [--campaigns N] [--seed N]
 *
 * The default is a large province: 15 districts, 150 communes, 2,000 cells,
 * 500,000 people and 10 study campaigns, each a province plan
 * KH-1..KH-N with a plan per district and per commune below it. Every cell
 * holds one session per campaign under its commune's plan (some also a
 * make-up session); attendance is mostly present, some self-study, some
 * absent; most members who took part hand in an essay. Rows go in through
 * db_open() and prepared statements, the audit trail's triggers included.
 *
 * Ids are random 63-bit numbers, as db_new_id makes them, drawn from the
 * seed (so a seed makes the same file). Units and members take them in
 * any order; the rows made by the million (sessions, plans, attendance,
 * essays and the audit rows their triggers add, through our own
 * qt_new_id) take them in rising order, each a random step above the
 * last: a random id put every insert on a random page of a table many
 * times larger than the cache, which read and wrote a page per row
 * (1,728 s at 500,000 members). The price: a session's attendance, or a
 * plan's essays, lie side by side in their table, where a clerk's
 * random ids would scatter them.
 *
 * A bulk load, not a clerk's session: memory is bounded (a 64 MiB page
 * cache; random ids make every insert touch a random page, and a cache
 * as large as the file cost 2 GB at 500,000 members), the secondary
 * indexes of the big tables are dropped before the load and made again
 * after it by sorting, and there is no journal and no sync: a half-made
 * file is of no use anyway, and a journal copied every page a campaign
 * changed, the whole file again for every campaign. Foreign keys are not
 * checked either: every reference is to a row this program just made.
 * The tally's counters are not kept row by row (tally_mute) but built
 * whole at the end, as check --rebuild-counters builds them.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "domain/counters.h"
#include "xmalloc.h"

struct gen {
	struct db	*db;
	long		 districts, communes, cells, members, campaigns;
	uint64_t	 seed;		/* of the data */
	uint64_t	 id_seed;	/* of the ids */
	int64_t		 id_last;	/* the last rising id */
	int64_t		 id_step;	/* a rising id's step is 1..id_step */
	int64_t		 province;
	int64_t		*district_ids;	/* [districts] */
	int64_t		*commune_ids;	/* [communes] */
	int64_t		*cell_ids;	/* [cells] */
	long		*cell_first;	/* [cells + 1]: first member index */
	int64_t		*member_ids;	/* [members] */
	char		*member_status;	/* [members]: index in gen_statuses */
	sqlite3_stmt	*ins_unit, *ins_member, *ins_doc, *ins_session,
			*ins_attendance, *ins_essay;
};

static const char *const gen_statuses[] = {
	"active", "exempt_activity", "exempt_work", "retired", "guest"
};

static const char *const gen_family[] = {
	"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Phan",
	"Trương", "Bùi", "Đặng", "Đỗ", "Ngô", "Hồ", "Dương", "Lâm", "Danh",
	"Thạch", "Lý", "Châu"
};
static const char *const gen_middle[] = {
	"Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Quốc", "Thị Thu", "Đức",
	"Kim"
};
static const char *const gen_given[] = {
	"Hùng", "Lan", "Dũng", "Hương", "Tâm", "Phúc", "Hạnh", "Lộc", "Tài",
	"Nhung", "Hải", "Sơn", "Thảo", "Tuấn", "Trang", "Khánh", "Yến", "Nghĩa",
	"Loan", "Trí", "Thắng", "Mai", "Bảo", "Hiếu"
};

#define NELEM(a)	(sizeof (a) / sizeof (a)[0])

/* xorshift64*: reproducible for a seed, independent of the C library. */
static uint64_t
gen_xorshift(uint64_t *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * 2685821657736338717ULL;
}

static unsigned long
gen_rand(struct gen *g)
{
	return (unsigned long)(gen_xorshift(&g->seed) >> 33);
}

static void
gen_die(struct gen *g, const char *what)
{
	fprintf(stderr, "gen-province: %s: %s\n", what,
	    g->db != NULL ? db_error(g->db) : "");
	exit(1);
}

/* A random id, as db_new_id makes one (see the head of this file). */
static int64_t
gen_id(struct gen *g)
{
	uint64_t v;

	while ((v = gen_xorshift(&g->id_seed) >> 1) == 0)
		continue;
	return (int64_t)v;
}

/* A random id above every one made before it (see the head of this file). */
static int64_t
gen_id_rising(struct gen *g)
{
	g->id_last += 1 + (int64_t)(gen_xorshift(&g->id_seed) >> 1) % g->id_step;
	return g->id_last;
}

/* qt_new_id() of the audit trail's triggers, for the connection's life. */
static void
gen_sql_new_id(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_int64(ctx, gen_id_rising(sqlite3_user_data(ctx)));
}

/*
 * Sets the rising ids' step so that the most rows this shape can make
 * stay below INT64_MAX: per member and campaign two attendance rows and
 * an essay, per cell two sessions, per unit a plan, each with its audit
 * row.
 */
static void
gen_ids_start(struct gen *g)
{
	int64_t rows = 2 * g->campaigns * (3 * g->members + 2 * g->cells +
	    1 + g->districts + g->communes);

	g->id_seed = g->seed ^ 0x9e3779b97f4a7c15ULL;
	g->id_last = 0;
	g->id_step = INT64_MAX / rows;
	if (sqlite3_create_function(db_handle(g->db), "qt_new_id", 0,
	    SQLITE_UTF8 | SQLITE_INNOCUOUS, g, gen_sql_new_id, NULL,
	    NULL) != SQLITE_OK)
		gen_die(g, "qt_new_id");
}

static void
gen_step(struct gen *g, sqlite3_stmt *stmt, const char *what)
{
	int rc = sqlite3_step(stmt);

	if (rc != SQLITE_DONE) {
		db_set_error(g->db, rc, what);
		gen_die(g, what);
	}
	sqlite3_reset(stmt);
}

static sqlite3_stmt *
gen_prepare(struct gen *g, const char *sql)
{
	sqlite3_stmt *stmt = db_prepare(g->db, sql);

	if (stmt == NULL)
		gen_die(g, sql);
	return stmt;
}

/* Binds a reference to another row, NULL when there is none (0). */
static void
gen_bind_ref(sqlite3_stmt *stmt, int i, int64_t id)
{
	if (id != 0)
		sqlite3_bind_int64(stmt, i, id);
	else
		sqlite3_bind_null(stmt, i);
}

/*
 * Transactions of generated rows. The rows stand for data received from
 * the provincial server, not local edits, so they are written as sync
 * writes them: with sync_mute set, the triggers of schema 2 neither stamp
 * them nor queue them in sync_outbox (which would double the work and
 * leave millions of rows waiting to be pushed).
 */
static void
gen_begin(struct gen *g)
{
	if (db_begin(g->db) != 0 ||
	    db_exec(g->db, "INSERT INTO sync_mute(one) VALUES (1); "
	    "INSERT INTO tally_mute(one) VALUES (1)") != 0)
		gen_die(g, "begin");
}

static void
gen_commit(struct gen *g)
{
	if (db_exec(g->db, "DELETE FROM sync_mute; DELETE FROM tally_mute") != 0 ||
	    db_commit(g->db) != 0)
		gen_die(g, "commit");
}

static int64_t
gen_unit(struct gen *g, int64_t parent, const char *kind, const char *name)
{
	int64_t id = gen_id(g);
	char code[32];

	snprintf(code, sizeof code, "U%lld", (long long)id);
	sqlite3_bind_int64(g->ins_unit, 1, id);
	gen_bind_ref(g->ins_unit, 2, parent);
	sqlite3_bind_text(g->ins_unit, 3, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(g->ins_unit, 4, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(g->ins_unit, 5, name, -1, SQLITE_TRANSIENT);
	gen_step(g, g->ins_unit, "unit");
	return id;
}

/*
 * Drops the secondary indexes of the tables the load fills, and returns
 * them as the schema wrote them (a NULL-terminated array the caller
 * frees), so that gen_indexes_restore makes them again after the load.
 */
static char **
gen_indexes_save(struct gen *g)
{
	static const char sql[] = "SELECT 'DROP INDEX \"' || name || '\"', "
	    "sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
	    "AND tbl_name IN ('member', 'session', 'attendance', 'essay', 'audit', "
	    "'document')";
	sqlite3_stmt *stmt = gen_prepare(g, sql);
	char **saved = xmalloc(sizeof *saved), **drop = NULL;
	size_t n = 0, i;

	while (sqlite3_step(stmt) == SQLITE_ROW) {
		saved = xrealloc(saved, (n + 2) * sizeof *saved);
		drop = xrealloc(drop, (n + 1) * sizeof *drop);
		drop[n] = xstrdup((const char *)sqlite3_column_text(stmt, 0));
		saved[n++] = xstrdup((const char *)sqlite3_column_text(stmt, 1));
	}
	sqlite3_finalize(stmt);
	saved[n] = NULL;
	/* Not while the statement above reads sqlite_master. */
	for (i = 0; i < n; i++) {
		if (db_exec(g->db, drop[i]) != 0)
			gen_die(g, drop[i]);
		free(drop[i]);
	}
	free(drop);
	return saved;
}

/* Makes the indexes gen_indexes_save dropped again, and frees the list. */
static void
gen_indexes_restore(struct gen *g, char **saved)
{
	size_t i;

	gen_begin(g);
	for (i = 0; saved[i] != NULL; i++) {
		if (db_exec(g->db, saved[i]) != 0)
			gen_die(g, saved[i]);
		free(saved[i]);
	}
	gen_commit(g);
	free(saved);
}

/* A member drawn, before it is written. */
struct gen_member {
	int64_t		 id;
	long		 m;		/* index in member_ids */
	long		 cell;		/* index in cell_ids */
	unsigned	 family, middle, given;	/* indexes in gen_family... */
};

static int
gen_member_cmp(const void *a, const void *b)
{
	const struct gen_member *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/*
 * Draws every member, then writes them in the order of their random ids:
 * member and member_trigram then grow at their ends (at each trigram's
 * end for the latter) instead of at random pages: 500,000 members took
 * 46 s of CPU that way, ten times what 100,000 took.
 */
static void
gen_members(struct gen *g)
{
	struct gen_member *all = xcalloc((size_t)g->members, sizeof *all), *p;
	char name[128];
	long c, m;

	for (c = 0; c < g->cells; c++) {
		for (m = g->cell_first[c]; m < g->cell_first[c + 1]; m++) {
			unsigned long r = gen_rand(g) % 100;

			p = &all[m];
			g->member_status[m] = (char)(r < 90 ? 0 : r < 92 ? 1 :
			    r < 94 ? 2 : r < 98 ? 3 : 4);
			/* In the order GCC drew them as snprintf's arguments. */
			p->given = (unsigned)(gen_rand(g) % NELEM(gen_given));
			p->middle = (unsigned)(gen_rand(g) % NELEM(gen_middle));
			p->family = (unsigned)(gen_rand(g) % NELEM(gen_family));
			p->id = g->member_ids[m] = gen_id(g);
			p->m = m;
			p->cell = c;
		}
	}
	qsort(all, (size_t)g->members, sizeof *all, gen_member_cmp);
	for (p = all; p < all + g->members; p++) {
		snprintf(name, sizeof name, "%s %s %s", gen_family[p->family],
		    gen_middle[p->middle], gen_given[p->given]);
		sqlite3_bind_int64(g->ins_member, 1, p->id);
		sqlite3_bind_int64(g->ins_member, 2, g->cell_ids[p->cell]);
		sqlite3_bind_text(g->ins_member, 3, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(g->ins_member, 4,
		    gen_statuses[(int)g->member_status[p->m]], -1, SQLITE_STATIC);
		gen_step(g, g->ins_member, "member");
	}
	free(all);
}

/* The unit tree and the members, in one transaction. */
static void
gen_units(struct gen *g)
{
	long i, c;
	char name[128];

	gen_begin(g);
	g->province = gen_unit(g, 0, "province", "Tỉnh ủy Thử nghiệm");
	for (i = 0; i < g->districts; i++) {
		snprintf(name, sizeof name, "Huyện ủy số %ld", i + 1);
		g->district_ids[i] = gen_unit(g, g->province, "district", name);
	}
	for (i = 0; i < g->communes; i++) {
		snprintf(name, sizeof name, "Đảng bộ xã số %ld", i + 1);
		g->commune_ids[i] = gen_unit(g,
		    g->district_ids[i % g->districts], "commune", name);
	}
	for (c = 0; c < g->cells; c++) {
		snprintf(name, sizeof name, "Chi bộ ấp số %ld", c + 1);
		g->cell_ids[c] = gen_unit(g, g->commune_ids[c % g->communes],
		    "cell", name);
		g->cell_first[c] = c * g->members / g->cells;
	}
	g->cell_first[g->cells] = g->members;
	gen_members(g);
	gen_commit(g);
}

static int64_t
gen_doc(struct gen *g, int64_t owner, const char *number, const char *date,
    int64_t parent)
{
	int64_t id = gen_id_rising(g);

	sqlite3_bind_int64(g->ins_doc, 1, id);
	sqlite3_bind_int64(g->ins_doc, 2, owner);
	sqlite3_bind_text(g->ins_doc, 3, number, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(g->ins_doc, 4, date, -1, SQLITE_TRANSIENT);
	gen_bind_ref(g->ins_doc, 5, parent);
	gen_step(g, g->ins_doc, "document");
	return id;
}

static int64_t
gen_session(struct gen *g, int64_t plan, int64_t cell, const char *date,
    int64_t makeup_of)
{
	int64_t id = gen_id_rising(g);

	sqlite3_bind_int64(g->ins_session, 1, id);
	sqlite3_bind_int64(g->ins_session, 2, plan);
	sqlite3_bind_int64(g->ins_session, 3, cell);
	sqlite3_bind_text(g->ins_session, 4, date, -1, SQLITE_TRANSIENT);
	gen_bind_ref(g->ins_session, 5, makeup_of);
	gen_step(g, g->ins_session, "session");
	return id;
}

static void
gen_attend(struct gen *g, int64_t session, int64_t member, const char *status)
{
	sqlite3_bind_int64(g->ins_attendance, 1, gen_id_rising(g));
	sqlite3_bind_int64(g->ins_attendance, 2, session);
	sqlite3_bind_int64(g->ins_attendance, 3, member);
	sqlite3_bind_text(g->ins_attendance, 4, status, -1, SQLITE_STATIC);
	gen_step(g, g->ins_attendance, "attendance");
}

/* "YYYY-MM-DD" of day n of year y (n from 0, kept within March-June). */
static void
gen_date(char out[11], int y, unsigned long n)
{
	snprintf(out, 11, "%04u-%02lu-%02lu", (unsigned)y % 10000,
	    3 + n / 28 % 4, 1 + n % 28);
}

/* One cell's sessions, attendance and essays for one campaign. */
static void
gen_cell(struct gen *g, int64_t plan, long c, int year)
{
	static const char *const grades[] = { "excellent", "good", "good", "pass" };
	long first = (long)(gen_rand(g) % 40), m;
	int makeup = gen_rand(g) % 100 < 10;
	int64_t s, s2 = 0;
	char day[11], due[11], sub[11];

	gen_date(day, year, (unsigned long)first);
	s = gen_session(g, plan, g->cell_ids[c], day, 0);
	if (makeup) {
		gen_date(day, year, (unsigned long)first + 10);
		s2 = gen_session(g, plan, g->cell_ids[c], day, s);
	}
	for (m = g->cell_first[c]; m < g->cell_first[c + 1]; m++) {
		unsigned long r = gen_rand(g) % 100;
		long took = first;

		if (r < 85)
			gen_attend(g, s, g->member_ids[m], "present");
		else if (r < 90)
			gen_attend(g, s, g->member_ids[m], "self_study");
		else {
			gen_attend(g, s, g->member_ids[m], "absent");
			took = -1;
			if (makeup && r < 95) {
				gen_attend(g, s2, g->member_ids[m], "present");
				took = first + 10;
			}
		}
		/* Members who must write and took part: most hand in. */
		if (took < 0 || g->member_status[m] != 0 || gen_rand(g) % 100 >= 90)
			continue;
		gen_date(due, year, (unsigned long)took + 7);
		gen_date(sub, year, (unsigned long)took + gen_rand(g) % 10);
		sqlite3_bind_int64(g->ins_essay, 1, gen_id_rising(g));
		sqlite3_bind_int64(g->ins_essay, 2, plan);
		sqlite3_bind_int64(g->ins_essay, 3, g->member_ids[m]);
		sqlite3_bind_text(g->ins_essay, 4, due, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(g->ins_essay, 5, sub, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(g->ins_essay, 6, grades[gen_rand(g) % 4], -1,
		    SQLITE_STATIC);
		gen_step(g, g->ins_essay, "essay");
	}
}

/* Campaign k: the province plan, one per district and per commune. */
static void
gen_campaign(struct gen *g, long k)
{
	int year = 2015 + (int)(k % 10);
	int64_t top, *dplans = xcalloc((size_t)g->districts, sizeof *dplans);
	char number[64], date[11];
	long i, c;

	snprintf(date, sizeof date, "%04d-02-15", year);
	gen_begin(g);
	snprintf(number, sizeof number, "KH-%ld", k + 1);
	top = gen_doc(g, g->province, number, date, 0);
	for (i = 0; i < g->districts; i++) {
		snprintf(number, sizeof number, "KH-%ld/H%ld", k + 1, i + 1);
		dplans[i] = gen_doc(g, g->district_ids[i], number, date, top);
	}
	for (i = 0; i < g->communes; i++) {
		int64_t plan;

		snprintf(number, sizeof number, "KH-%ld/X%ld", k + 1, i + 1);
		plan = gen_doc(g, g->commune_ids[i], number, date,
		    dplans[i % g->districts]);
		for (c = i; c < g->cells; c += g->communes)
			gen_cell(g, plan, c, year);
	}
	gen_commit(g);
	free(dplans);
}

static long
gen_number(const char *s, const char *opt)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || n < 1) {
		fprintf(stderr, "gen-province: %s needs a positive number\n", opt);
		exit(2);
	}
	return n;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "districts", required_argument, NULL, 'D' },
		{ "communes", required_argument, NULL, 'C' },
		{ "cells", required_argument, NULL, 'c' },
		{ "members", required_argument, NULL, 'm' },
		{ "campaigns", required_argument, NULL, 'k' },
		{ "seed", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	struct gen g = { .districts = 15, .communes = 150, .cells = 2000,
	    .members = 500000, .campaigns = 10, .seed = 2021 };
	const char *path = NULL;
	char *err = NULL, **saved;
	struct timespec t0, t1;
	long k;
	int c;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': path = optarg; break;
		case 'D': g.districts = gen_number(optarg, "--districts"); break;
		case 'C': g.communes = gen_number(optarg, "--communes"); break;
		case 'c': g.cells = gen_number(optarg, "--cells"); break;
		case 'm': g.members = gen_number(optarg, "--members"); break;
		case 'k': g.campaigns = gen_number(optarg, "--campaigns"); break;
		case 's': g.seed = (uint64_t)gen_number(optarg, "--seed"); break;
		default:
			fprintf(stderr, "usage: gen-province --db FILE [--districts N] "
			    "[--communes N] [--cells N] [--members N] "
			    "[--campaigns N] [--seed N]\n");
			return 2;
		}
	}
	if (path == NULL || g.communes < g.districts || g.cells < g.communes ||
	    g.members < g.cells) {
		fprintf(stderr, "gen-province: need --db, and districts <= "
		    "communes <= cells <= members\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((g.db = db_open(path, DB_OPEN_CREATE, &err)) == NULL) {
		fprintf(stderr, "gen-province: %s\n", err);
		free(err);
		return 1;
	}
	if (db_int(g.db, 1, "SELECT count(*) FROM unit", 0) != 0) {
		fprintf(stderr, "gen-province: %s is not empty\n", path);
		return 1;
	}
	g.district_ids = xcalloc((size_t)g.districts, sizeof *g.district_ids);
	g.commune_ids = xcalloc((size_t)g.communes, sizeof *g.commune_ids);
	g.cell_ids = xcalloc((size_t)g.cells, sizeof *g.cell_ids);
	g.cell_first = xcalloc((size_t)g.cells + 1, sizeof *g.cell_first);
	g.member_ids = xcalloc((size_t)g.members, sizeof *g.member_ids);
	g.member_status = xcalloc((size_t)g.members, 1);
	/* See the head of this file: bounded memory, no journal, no sync. */
	if (db_exec(g.db, "PRAGMA cache_size = -65536") != 0 ||
	    db_exec(g.db, "PRAGMA foreign_keys = OFF") != 0 ||
	    db_exec(g.db, "PRAGMA synchronous = OFF") != 0 ||
	    db_exec(g.db, "PRAGMA journal_mode = OFF") != 0)
		gen_die(&g, "pragma");
	gen_ids_start(&g);
	saved = gen_indexes_save(&g);
	g.ins_unit = gen_prepare(&g, "INSERT INTO unit(id, parent_id, kind, "
	    "code, name, name_fold) VALUES (?1, ?2, ?3, ?4, ?5, qt_fold(?5))");
	g.ins_member = gen_prepare(&g, "INSERT INTO member(id, unit_id, "
	    "full_name, name_fold, name_sort, status) VALUES (?1, ?2, ?3, "
	    "qt_fold(?3), qt_name_sort(?3), ?4)");
	g.ins_doc = gen_prepare(&g, "INSERT INTO document(id, owner_unit_id, "
	    "number, kind, issuer, issued_on, title, parent_id) VALUES (?1, ?2, "
	    "?3, 'KH', 'Ban Thường vụ', ?4, 'Kế hoạch học tập nghị quyết', ?5)");
	g.ins_session = gen_prepare(&g, "INSERT INTO session(id, document_id, "
	    "unit_id, title, held_on, makeup_of, status) VALUES (?1, ?2, ?3, "
	    "'Học tập nghị quyết', ?4, ?5, 'held')");
	g.ins_attendance = gen_prepare(&g, "INSERT INTO attendance(id, "
	    "session_id, member_id, status) VALUES (?1, ?2, ?3, ?4)");
	g.ins_essay = gen_prepare(&g, "INSERT INTO essay(id, document_id, "
	    "member_id, due_on, submitted_on, grade, proposals) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6, 'Đề nghị tăng cường tuyên truyền nghị quyết')");
	gen_units(&g);
	for (k = 0; k < g.campaigns; k++)
		gen_campaign(&g, k);
	gen_indexes_restore(&g, saved);
	if (counters_rebuild(g.db) != 0)
		gen_die(&g, "counters");
	/* Only our own: db_close finalizes the statements db.c keeps. */
	sqlite3_finalize(g.ins_unit);
	sqlite3_finalize(g.ins_member);
	sqlite3_finalize(g.ins_doc);
	sqlite3_finalize(g.ins_session);
	sqlite3_finalize(g.ins_attendance);
	sqlite3_finalize(g.ins_essay);
	db_close(&g.db);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("gen-province: %ld members, %ld cells, %ld communes, %ld "
	    "campaigns in %.1f s\n", g.members, g.cells, g.communes,
	    g.campaigns, (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	free(g.district_ids);
	free(g.commune_ids);
	free(g.cell_ids);
	free(g.cell_first);
	free(g.member_ids);
	free(g.member_status);
	return 0;
}
