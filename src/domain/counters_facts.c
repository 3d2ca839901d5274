/*
 * counters_facts.c - tally_fact against a recount from the rows, one
 * member at a time.
 *
 * The recount as one SQL statement (tally_recount_fact) groups a
 * province's 5 million (member, plan, day) rows in a sorter, then sets
 * its 2.7 million facts against tally_fact through two more: about 12 s
 * of check's 24 at 100,000 members. Every input here already comes in
 * member order (the members' indexes, tally_fact's key), so each
 * member's facts are recounted and compared in memory, and nothing is
 * sorted but the few rows of one member.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "db.h"
#include "domain/counters_int.h"
#include "xmalloc.h"

/* No text: an offset no arena reaches. */
#define FACT_NULL	SIZE_MAX

/*
 * Every (member, plan, day taken part, day written) a held session or a
 * handed-in essay gives, with the plans above: the rows tally_fact's
 * mins are taken over, in member order without a sorter (the two index
 * scans are merged).
 */
static const char facts_source_sql[] =
    "WITH tree(plan_id, ancestor_id) AS MATERIALIZED "
    "  (SELECT plan_id, ancestor_id FROM tally_plan_closure) "
    "SELECT a.member_id, t.ancestor_id, se.held_on, NULL "
    "FROM attendance a JOIN session se ON se.id = a.session_id "
    "JOIN tree t ON t.plan_id = se.document_id "
    "WHERE a.status IN ('present', 'self_study') AND se.status = 'held' "
    "UNION ALL SELECT e.member_id, t.ancestor_id, NULL, e.submitted_on "
    "FROM essay e JOIN tree t ON t.plan_id = e.document_id "
    "WHERE e.submitted_on IS NOT NULL ORDER BY 1";
static const char facts_member_sql[] =
    "SELECT id, unit_id, status FROM member ORDER BY id";
static const char facts_stored_sql[] =
    "SELECT member_id, plan_id, unit_id, status, took_on, wrote_on "
    "FROM tally_fact ORDER BY member_id, plan_id";

/* One fact; its texts are offsets into its side's arena. */
struct fact {
	int64_t	plan;
	int64_t	unit;
	size_t	status;
	size_t	took;
	size_t	wrote;
};

/* One member's facts, as recounted or as stored. */
struct facts {
	struct fact	*row;
	size_t		 n, cap;
	char		*text;
	size_t		 used, size;
};

/* A statement read in step with the others: its row stays until taken. */
struct stream {
	sqlite3_stmt	*stmt;
	int		 rc;
};

static int
stream_next(struct stream *s)
{
	s->rc = sqlite3_step(s->stmt);
	return s->rc == SQLITE_ROW || s->rc == SQLITE_DONE ? 0 : -1;
}

static int
stream_at(const struct stream *s, int64_t member)
{
	return s->rc == SQLITE_ROW &&
	    sqlite3_column_int64(s->stmt, 0) == member;
}

/* Copies column col of stmt into f's arena: its offset, or FACT_NULL. */
static size_t
facts_keep_text(struct facts *f, sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);
	size_t len, at = f->used;

	if (s == NULL)
		return FACT_NULL;
	len = (size_t)sqlite3_column_bytes(stmt, col) + 1;
	if (f->size - f->used < len) {
		f->size = (f->size + len) * 2;
		f->text = xrealloc(f->text, f->size);
	}
	memcpy(f->text + at, s, len);
	f->used += len;
	return at;
}

static struct fact *
facts_add(struct facts *f)
{
	if (f->n == f->cap) {
		f->cap = f->cap == 0 ? 64 : f->cap * 2;
		f->row = xrealloc(f->row, f->cap * sizeof f->row[0]);
	}
	return memset(&f->row[f->n++], 0, sizeof f->row[0]);
}

static const char *
facts_text(const struct facts *f, size_t at)
{
	return at == FACT_NULL ? NULL : f->text + at;
}

/* Two texts or NULLs, equal as SQL's IS would say. */
static int
facts_same(const struct facts *a, size_t x, const struct facts *b, size_t y)
{
	const char *s = facts_text(a, x), *t = facts_text(b, y);

	return s == NULL || t == NULL ? s == t : strcmp(s, t) == 0;
}

/* min() over a day: NULL counts for nothing. */
static size_t
facts_min(const struct facts *f, size_t x, size_t y)
{
	if (x == FACT_NULL)
		return y;
	if (y == FACT_NULL)
		return x;
	return strcmp(f->text + y, f->text + x) < 0 ? y : x;
}

static int
fact_by_plan(const void *a, const void *b)
{
	const struct fact *x = a, *y = b;

	return (x->plan > y->plan) - (x->plan < y->plan);
}

/*
 * The member's rows of the source, folded into one fact per plan with
 * the member's unit and status. A member who is not in the member table
 * has no facts, as the recount's join would have it.
 */
static int
facts_recount(struct facts *f, struct stream *source, struct stream *who,
    int64_t member)
{
	struct fact *r;
	size_t i, n;
	int64_t unit;
	size_t status;

	f->n = f->used = 0;
	while (who->rc == SQLITE_ROW &&
	    sqlite3_column_int64(who->stmt, 0) < member)
		if (stream_next(who) != 0)
			return -1;
	if (!stream_at(who, member)) {
		while (stream_at(source, member))
			if (stream_next(source) != 0)
				return -1;
		return 0;
	}
	unit = sqlite3_column_int64(who->stmt, 1);
	status = facts_keep_text(f, who->stmt, 2);
	for (; stream_at(source, member); stream_next(source)) {
		r = facts_add(f);
		r->plan = sqlite3_column_int64(source->stmt, 1);
		r->unit = unit;
		r->status = status;
		r->took = facts_keep_text(f, source->stmt, 2);
		r->wrote = facts_keep_text(f, source->stmt, 3);
	}
	if (source->rc != SQLITE_ROW && source->rc != SQLITE_DONE)
		return -1;
	qsort(f->row, f->n, sizeof f->row[0], fact_by_plan);
	for (i = n = 0; i < f->n; i++) {
		if (n > 0 && f->row[n - 1].plan == f->row[i].plan) {
			r = &f->row[n - 1];
			r->took = facts_min(f, r->took, f->row[i].took);
			r->wrote = facts_min(f, r->wrote, f->row[i].wrote);
		} else
			f->row[n++] = f->row[i];
	}
	f->n = n;
	return 0;
}

/* The member's rows of tally_fact, in plan order. */
static int
facts_stored(struct facts *f, struct stream *stored, int64_t member)
{
	struct fact *r;

	f->n = f->used = 0;
	for (; stream_at(stored, member); stream_next(stored)) {
		r = facts_add(f);
		r->plan = sqlite3_column_int64(stored->stmt, 1);
		r->unit = sqlite3_column_int64(stored->stmt, 2);
		r->status = facts_keep_text(f, stored->stmt, 3);
		r->took = facts_keep_text(f, stored->stmt, 4);
		r->wrote = facts_keep_text(f, stored->stmt, 5);
	}
	return stored->rc == SQLITE_ROW || stored->rc == SQLITE_DONE ? 0 : -1;
}

/* Calls differ for each (plan, unit) where the two sides disagree. */
static void
facts_compare(const struct facts *a, const struct facts *b,
    counters_differ_fn differ, void *ctx)
{
	size_t i = 0, j = 0;

	while (i < a->n || j < b->n) {
		const struct fact *x = i < a->n ? &a->row[i] : NULL;
		const struct fact *y = j < b->n ? &b->row[j] : NULL;

		if (y == NULL || (x != NULL && x->plan < y->plan)) {
			differ(x->plan, x->unit, ctx);
			i++;
		} else if (x == NULL || y->plan < x->plan) {
			differ(y->plan, y->unit, ctx);
			j++;
		} else {
			if (x->unit != y->unit ||
			    !facts_same(a, x->status, b, y->status) ||
			    !facts_same(a, x->took, b, y->took) ||
			    !facts_same(a, x->wrote, b, y->wrote)) {
				differ(x->plan, x->unit, ctx);
				differ(y->plan, y->unit, ctx);
			}
			i++;
			j++;
		}
	}
}

int
counters_facts_diff(struct db *db, counters_differ_fn differ, void *ctx)
{
	struct stream source = { db_prepare(db, facts_source_sql), 0 };
	struct stream who = { db_prepare(db, facts_member_sql), 0 };
	struct stream stored = { db_prepare(db, facts_stored_sql), 0 };
	struct facts counted = { 0 }, kept = { 0 };
	int64_t member;
	int rc = -1;

	if (source.stmt == NULL || who.stmt == NULL || stored.stmt == NULL)
		goto out;
	if (stream_next(&source) != 0 || stream_next(&who) != 0 ||
	    stream_next(&stored) != 0)
		goto fail;
	while (source.rc == SQLITE_ROW || stored.rc == SQLITE_ROW) {
		member = INT64_MAX;
		if (source.rc == SQLITE_ROW)
			member = sqlite3_column_int64(source.stmt, 0);
		if (stored.rc == SQLITE_ROW &&
		    sqlite3_column_int64(stored.stmt, 0) < member)
			member = sqlite3_column_int64(stored.stmt, 0);
		if (facts_recount(&counted, &source, &who, member) != 0 ||
		    facts_stored(&kept, &stored, member) != 0)
			goto fail;
		facts_compare(&counted, &kept, differ, ctx);
	}
	rc = 0;
fail:
	if (rc != 0)
		db_set_error(db, sqlite3_errcode(db_handle(db)),
		    "đếm lại số liệu của từng đảng viên");
out:
	sqlite3_finalize(source.stmt);
	sqlite3_finalize(who.stmt);
	sqlite3_finalize(stored.stmt);
	free(counted.row);
	free(counted.text);
	free(kept.row);
	free(kept.text);
	return rc;
}
