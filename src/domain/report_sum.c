/*
 * report_sum.c - a draft report summed from the units below it
 * (report_sum.h): the subtree read once, every unit counted live read
 * from the counters (tally.h), each submitted report one row.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/completeness.h"
#include "domain/plan_sql.h"
#include "domain/report_sum.h"
#include "xmalloc.h"

void
report_col_date(sqlite3_stmt *stmt, int col, char out[11])
{
	const char *s = (const char *)sqlite3_column_text(stmt, col);

	out[0] = '\0';
	if (s != NULL && strlen(s) == 10)
		memcpy(out, s, 11);
}

char *
report_col(sqlite3_stmt *stmt, int col)
{
	const char *s = (const char *)sqlite3_column_text(stmt, col);

	return xstrdup(s != NULL ? s : "");
}

void
report_snapshot(sqlite3_stmt *stmt, int col, struct tally *t,
    char cutoff[11])
{
	memset(t, 0, sizeof *t);
	t->total_members = sqlite3_column_int64(stmt, col);
	t->participated = sqlite3_column_int64(stmt, col + 1);
	t->wrote = sqlite3_column_int64(stmt, col + 2);
	t->exempt = sqlite3_column_int64(stmt, col + 3);
	report_reasons_decode((const char *)sqlite3_column_text(stmt, col + 4),
	    t);
	if (sqlite3_column_type(stmt, col + 5) == SQLITE_NULL) {
		t->missing = t->total_members - t->wrote - t->exempt;
		if (t->missing < 0)
			t->missing = 0;
		t->must_write = t->total_members - t->exempt;
	} else {
		t->must_write = sqlite3_column_int64(stmt, col + 5);
		t->missing = sqlite3_column_int64(stmt, col + 6);
		t->late = sqlite3_column_int64(stmt, col + 7);
		t->guests_present = sqlite3_column_int64(stmt, col + 8);
	}
	report_col_date(stmt, col + 9, cutoff);
}

struct report_node {
	int64_t		 id;
	int64_t		 parent_id;
	size_t		 parent;	/* index of the parent (the root: 0) */
	int		 depth;
	int		 kind;		/* index in struct report_tree's kinds */
	uint64_t	 below;		/* bit k: a unit of kind k is below it */
	int64_t		 row;		/* its report of the round, if final */
	size_t		 from;		/* 1 + the index of the unit whose
					   snapshot counts it; 0: counted live */
	size_t		 group;		/* 0: the root's own; i: child line i */
	char		*name;		/* direct children only, else NULL */
	char		*proposals;	/* a direct child's item 6 (report_unit) */
	char		 cutoff[11];	/* ISO: the day it is counted as of */
};

struct report_tree {
	struct report_node *node;	/* parents before children */
	size_t		 n;
	char		*kinds[64];
	int		 nkinds;
	size_t		 nlines;	/* direct children */
};

/* The index of kind in t's kinds, added if new (a 65th shares bit 63). */
static int
report_kind(struct report_tree *t, const char *kind)
{
	int i;

	for (i = 0; i < t->nkinds; i++)
		if (strcmp(t->kinds[i], kind) == 0)
			return i;
	if (t->nkinds == 64)
		return 63;
	t->kinds[t->nkinds] = xstrdup(kind);
	return t->nkinds++;
}

static void
report_tree_free(struct report_tree *t)
{
	size_t i;
	int k;

	for (i = 0; i < t->n; i++) {
		free(t->node[i].name);
		free(t->node[i].proposals);
	}
	free(t->node);
	for (k = 0; k < t->nkinds; k++)
		free(t->kinds[k]);
	memset(t, 0, sizeof *t);
}

static int
report_node_cmp(const void *a, const void *b)
{
	const struct report_node *const *x = a, *const *y = b;

	return (*x)->id < (*y)->id ? -1 : (*x)->id > (*y)->id;
}

/*
 * Each unit's parent index, the kinds below it, which snapshot counts
 * it, and its line (group). by_id: the nodes sorted by id, to find a
 * parent.
 */
static void
report_tree_link(struct report_tree *t)
{
	struct report_node **by_id = xcalloc(t->n, sizeof *by_id), key, *pk;
	struct report_node **hit;
	size_t i;

	for (i = 0; i < t->n; i++)
		by_id[i] = &t->node[i];
	qsort(by_id, t->n, sizeof *by_id, report_node_cmp);
	for (i = 1; i < t->n; i++) {
		struct report_node *u = &t->node[i], *p;

		key.id = u->parent_id;
		pk = &key;
		hit = bsearch(&pk, by_id, t->n, sizeof *by_id, report_node_cmp);
		u->parent = hit != NULL ? (size_t)(*hit - t->node) : 0;
		p = &t->node[u->parent];
		if (u->depth == 1)
			u->group = ++t->nlines;
		else
			u->group = p->group;
		/* The first final report on the way down counts everything
		 * below it: its snapshot. */
		u->from = p->from != 0 ? p->from : u->row != 0 ? i + 1 : 0;
	}
	for (i = t->n; i-- > 1; )
		t->node[t->node[i].parent].below |= t->node[i].below |
		    (uint64_t)1 << t->node[i].kind;
	free(by_id);
}

/*
 * The subtree of ?2, parents first, the direct children by name: each
 * unit's kind and, below ?2, its report of round ?3 under the plan ?1 or
 * a plan below it (chosen by PLAN_SQL_REPORT_ROW) when that is final.
 */
static int
report_tree_load(struct db *db, int64_t plan_id, int64_t unit_id, int round,
    struct report_tree *t)
{
	sqlite3_stmt *stmt = plan_prepare(db, "WITH RECURSIVE "
	    "tree(id, parent_id, depth, kind, name, name_fold) AS ("
	    "  SELECT u.id, NULL, 0, u.kind, u.name, '' FROM unit u "
	    "  WHERE u.id = ?2 UNION ALL SELECT u.id, u.parent_id, "
	    "  p.depth + 1, u.kind, u.name, u.name_fold FROM unit u "
	    "  JOIN tree p ON u.parent_id = p.id WHERE p.depth < 64) "
	    "SELECT t.id, t.parent_id, t.depth, t.kind, "
	    "  CASE WHEN t.depth = 1 THEN t.name END, CASE WHEN t.depth > 0 "
	    "  THEN (SELECT r.id FROM tally_report r WHERE r.id = "
	    PLAN_SQL_REPORT_ROW("t.id") " AND r.status = 'final') END "
	    "FROM tree t ORDER BY t.depth, t.name_fold, t.id", plan_id, unit_id);
	struct report_node *u;
	size_t size = 0;
	int rc;

	memset(t, 0, sizeof *t);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int(stmt, 3, round);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (t->n == size) {
			size = size != 0 ? 2 * size : 64;
			t->node = xrealloc(t->node, size * sizeof *t->node);
		}
		u = &t->node[t->n++];
		memset(u, 0, sizeof *u);
		u->id = sqlite3_column_int64(stmt, 0);
		u->parent_id = sqlite3_column_int64(stmt, 1);
		u->depth = sqlite3_column_int(stmt, 2);
		u->kind = report_kind(t, (const char *)sqlite3_column_text(stmt, 3));
		if (sqlite3_column_type(stmt, 4) != SQLITE_NULL)
			u->name = report_col(stmt, 4);
		u->row = sqlite3_column_int64(stmt, 5);
	}
	db_release(db, stmt);
	if (rc != SQLITE_DONE || t->n == 0) {
		db_set_error(db, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc,
		    "đọc các đơn vị của báo cáo");
		report_tree_free(t);
		return -1;
	}
	report_tree_link(t);
	return 0;
}

/*
 * Each live unit's own cutoff (report_cutoff), which depends only on its
 * kind and the kinds below it: asked once per pair. 0 or -1.
 */
static int
report_tree_cutoffs(struct db *db, int64_t plan_id, int round,
    const char *today, struct report_tree *t)
{
	size_t i, j;
	char deadline[11];

	for (i = 0; i < t->n; i++) {
		struct report_node *u = &t->node[i];

		if (u->from != 0)
			continue;
		for (j = 0; j < i; j++)
			if (t->node[j].from == 0 && t->node[j].kind == u->kind &&
			    t->node[j].below == u->below)
				break;
		if (j < i)
			memcpy(u->cutoff, t->node[j].cutoff, 11);
		else if (report_cutoff(db, plan_id, u->id, round, today,
		    deadline, u->cutoff) != 0)
			return -1;
	}
	return 0;
}

/*
 * Adds to groups[] the snapshot of each unit whose report is final (the
 * first on its way down), and gives the units below it its cutoff; keeps
 * the item 6 of a direct child that is not a cell.
 */
static int
report_tree_snapshots(struct db *db, struct report_tree *t,
    struct tally *groups)
{
	sqlite3_stmt *stmt = db_prepare(db, "SELECT " REPORT_SNAPSHOT_COLS
	    ", CASE WHEN k.is_cell THEN '' ELSE coalesce(t.proposals, '') END "
	    "FROM tally_report t JOIN unit u ON u.id = t.unit_id "
	    "JOIN unit_kind k ON k.code = u.kind WHERE t.id = ?1");
	struct tally snap;
	size_t i;
	int rc;

	if (stmt == NULL)
		return -1;
	for (i = 1; i < t->n; i++) {
		struct report_node *u = &t->node[i];

		if (u->from != i + 1) {
			if (u->from != 0)
				memcpy(u->cutoff, t->node[u->from - 1].cutoff, 11);
			continue;
		}
		sqlite3_bind_int64(stmt, 1, u->row);
		if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
			db_set_error(db, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc,
			    "đọc báo cáo đã nộp");
			sqlite3_finalize(stmt);
			return -1;
		}
		report_snapshot(stmt, 0, &snap, u->cutoff);
		if (u->depth == 1 && *sqlite3_column_text(stmt,
		    REPORT_SNAPSHOT_NCOLS) != '\0')
			u->proposals = report_col(stmt, REPORT_SNAPSHOT_NCOLS);
		tally_sum(&groups[u->group], &snap);
		tally_clear(&snap);
		sqlite3_reset(stmt);
	}
	sqlite3_finalize(stmt);
	return 0;
}

void
report_sum_clear(struct report_sum *s)
{
	size_t i;

	tally_clear(&s->total);
	for (i = 0; i < s->nunits; i++) {
		free(s->units[i].name);
		free(s->units[i].proposals);
		tally_clear(&s->units[i].counts);
	}
	free(s->units);
	free(s->live);
	free(s->cuts);
	memset(s, 0, sizeof *s);
}

/*
 * The children whose report is not in, one a line, a returned one
 * marked (completeness.h says which is which).
 */
static int
report_sum_live(struct db *db, int64_t plan_id, int64_t unit_id, int round,
    const char *today, struct report_sum *s)
{
	struct completeness c;
	char *more;
	size_t i;

	s->live = xstrdup("");
	for (i = 0; i < s->nunits && s->units[i].final; i++)
		;
	if (i == s->nunits)
		return 0;
	if (completeness_statuses(db, plan_id, unit_id, round, today, &c) != 0)
		return -1;
	for (i = 0; i < c.nunits; i++) {
		if (c.units[i].status != COMPLETENESS_MISSING &&
		    c.units[i].status != COMPLETENESS_RETURNED)
			continue;
		more = xasprintf("%s%s%s\n", s->live, c.units[i].name,
		    c.units[i].status == COMPLETENESS_RETURNED ?
		    " (bị trả lại)" : "");
		free(s->live);
		s->live = more;
	}
	completeness_clear(&c);
	return 0;
}

int
report_sum(struct db *db, int64_t plan_id, int64_t unit_id, int round,
    const char *today, struct report_sum *s)
{
	struct report_tree t;
	struct tally *groups;
	struct tally_unit *live;
	size_t i, nlive = 0;
	int bad;

	memset(s, 0, sizeof *s);
	if (report_tree_load(db, plan_id, unit_id, round, &t) != 0)
		return -1;
	groups = xcalloc(t.nlines + 1, sizeof *groups);
	live = xcalloc(t.n, sizeof *live);
	bad = report_tree_cutoffs(db, plan_id, round, today, &t) != 0 ||
	    report_tree_snapshots(db, &t, groups) != 0;
	s->cuts = xcalloc(t.n, sizeof *s->cuts);
	s->ncuts = t.n;
	for (i = 0; i < t.n; i++) {
		s->cuts[i].unit_id = t.node[i].id;
		s->cuts[i].group = t.node[i].group;
		memcpy(s->cuts[i].cutoff, t.node[i].cutoff, 11);
		if (t.node[i].from == 0)
			live[nlive++] = s->cuts[i];
	}
	bad = bad || tally_compute_units(db, plan_id, live, nlive, groups,
	    t.nlines + 1) != 0;
	free(live);
	memcpy(s->cutoff, t.node[0].cutoff, 11);
	/* The root's own first: its reasons are all the rules', in order. */
	tally_sum(&s->total, &groups[0]);
	tally_clear(&groups[0]);
	s->units = xcalloc(t.nlines, sizeof *s->units);
	for (i = 1; i < t.n && t.node[i].depth == 1; i++) {
		struct report_unit *u = &s->units[s->nunits++];

		u->unit_id = t.node[i].id;
		u->name = t.node[i].name;
		t.node[i].name = NULL;
		u->proposals = t.node[i].proposals;
		t.node[i].proposals = NULL;
		u->final = t.node[i].from == i + 1;
		memcpy(u->cutoff, t.node[i].cutoff, 11);
		u->counts = groups[t.node[i].group];
		tally_sum(&s->total, &u->counts);
	}
	free(groups);
	report_tree_free(&t);
	if (bad || report_sum_live(db, plan_id, unit_id, round, today, s) != 0) {
		report_sum_clear(s);
		return -1;
	}
	return 0;
}
