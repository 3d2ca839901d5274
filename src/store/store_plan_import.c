/*
 * store_plan_import.c - a plan read from its text (domain/plan_text.h),
 * as the clerk confirmed it, saved as a new document with what it asks
 * of each level, in one transaction: the command line and the review
 * form both save through here, so both write the same rows.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "domain/date.h"
#include "domain/plan_item.h"
#include "domain/plan_text.h"
#include "store/store.h"
#include "store/store_int.h"
#include "text/text.h"
#include "xmalloc.h"

struct plan_import {
	const struct plan_text	*p;
	int64_t			 owner;
	int64_t			 id;
};

/* The first column of sql's first row with text ?1 (and ?2 unless NULL) bound, or 0. */
static int64_t
plan_import_lookup(struct db *db, const char *sql, const char *a,
    const char *b)
{
	sqlite3_stmt *stmt = db_prepare(db, sql);
	int64_t v = 0;

	if (stmt == NULL)
		return 0;
	sqlite3_bind_text(stmt, 1, a, -1, SQLITE_STATIC);
	if (b != NULL)
		sqlite3_bind_text(stmt, 2, b, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

/*
 * The plan it carries out: the first parent the database holds, by its
 * number (and date, when written); 0 when none is here yet.
 */
static int64_t
plan_import_parent(struct db *db, const struct plan_text *p)
{
	size_t i;

	for (i = 0; i < p->nparents; i++) {
		char iso[11] = "";
		int64_t id;

		if (p->parents[i].date.y != 0)
			date_to_iso(p->parents[i].date, iso);
		id = plan_import_lookup(db, "SELECT id FROM document WHERE"
		    " number = ?1 AND (?2 = '' OR issued_on = ?2)"
		    " ORDER BY issued_on LIMIT 1", p->parents[i].number, iso);
		if (id != 0)
			return id;
	}
	return 0;
}

/* One plan_session per level an item names ("cơ sở, chi bộ": two). */
static int
plan_import_item(struct db *db, int64_t document_id,
    const struct plan_text_item *it)
{
	char *levels = xstrdup(it->level), *name, *save = NULL, iso[11] = "";
	struct plan_length len;
	int rc = 0, half_days = 2;

	if (it->last.y != 0)
		date_to_iso(it->last, iso);
	if (it->length != NULL && plan_length_parse(it->length, &len) == NULL) {
		half_days = len.half_days;
		plan_length_clear(&len);
	}
	for (name = strtok_r(levels, ",", &save); name != NULL && rc == 0;
	    name = strtok_r(NULL, ",", &save)) {
		struct store_plan_session ps;
		const char *kind;

		name += strspn(name, " ");
		if ((kind = plan_text_level_kind(name)) == NULL)
			continue;
		memset(&ps, 0, sizeof ps);
		ps.level = (char *)kind;
		ps.title = it->what;
		ps.form = (char *)(it->form != NULL ? it->form : "in_person");
		ps.start_time = (char *)it->start;
		ps.bridge_names = it->bridges;
		ps.half_days = half_days;
		ps.deadline = iso;
		ps.deadline_text = it->words != NULL ? it->words : (char *)"";
		ps.audience = it->audience;
		ps.presenter = it->presenter;
		ps.length_text = it->length;
		ps.material_ratio = it->ratio;
		rc = store_plan_session_save(db, document_id, &ps);
	}
	free(levels);
	return rc;
}

static int
plan_import_report(struct db *db, int64_t document_id,
    const struct plan_text_report *r)
{
	struct store_report_due d;
	char iso[11];

	if (r->last.y == 0)
		return 0;	/* a report without a day sets no deadline */
	date_to_iso(r->last, iso);
	memset(&d, 0, sizeof d);
	d.round = r->round;
	d.level = (char *)plan_text_level_kind(r->level);
	d.description = r->what;
	d.due_on = iso;
	return store_report_due_save(db, document_id, &d);
}

const char *
store_plan_import_missing(struct db *db, const struct plan_text *p,
    int64_t owner)
{
	char iso[11];

	if (p->number == NULL || *p->number == '\0')
		return "chưa có số văn bản";
	if (p->date.y == 0)
		return "chưa có ngày ban hành";
	if (p->title == NULL || *p->title == '\0')
		return "chưa có trích yếu";
	if (p->kind == NULL || plan_import_lookup(db, "SELECT count(*) FROM"
	    " doc_kind WHERE code = ?1", p->kind, NULL) == 0)
		return "loại văn bản không có trong danh mục (KH, HD, CT, CV, NQ, "
		    "TB, BC)";
	if (store_document_number_used(db, owner, p->number, 0))
		return "đơn vị đã có văn bản mang số này";
	date_to_iso(p->date, iso);
	/* A plan from above arrives by sync: a second copy would split it. */
	if (plan_import_lookup(db, "SELECT count(*) FROM document WHERE"
	    " number = ?1 AND issued_on = ?2", p->number, iso) != 0)
		return "văn bản số này, cùng ngày, đã có trong máy (cấp trên gửi "
		    "xuống hoặc đã nhập): không nhập lại";
	return NULL;
}

/* The resolutions, one title a line, as store_document_save takes them. */
static char *
plan_import_resolutions(const struct plan_text *p)
{
	char *all = xstrdup(""), *next;
	size_t i;

	for (i = 0; i < p->nresolutions; i++) {
		next = xasprintf("%s%s\n", all, p->resolutions[i].title);
		free(all);
		all = next;
	}
	return all;
}

/* Every parent, "NUMBER, ngày DD/MM/YYYY" a line, as the document keeps them. */
static char *
plan_import_parents(const struct plan_text *p)
{
	char *all = xstrdup(""), *next, vn[11];
	size_t i;

	for (i = 0; i < p->nparents; i++) {
		*vn = '\0';
		if (p->parents[i].date.y != 0)
			date_to_vn(p->parents[i].date, vn);
		next = xasprintf("%s%s%s%s\n", all, p->parents[i].number,
		    *vn != '\0' ? ", ngày " : "", vn);
		free(all);
		all = next;
	}
	return all;
}

static int
plan_import_tx(struct db *db, void *ctx)
{
	struct plan_import *in = ctx;
	const struct plan_text *p = in->p;
	struct store_document d;
	const char *missing;
	char iso[11], essay_due[11] = "";
	size_t i;
	int rc;

	if ((missing = store_plan_import_missing(db, p, in->owner)) != NULL) {
		db_set_message(db, missing);
		return -1;
	}
	date_to_iso(p->date, iso);
	memset(&d, 0, sizeof d);
	d.owner_unit_id = in->owner;
	d.parent_id = plan_import_parent(db, p);
	d.number = p->number;
	d.kind = p->kind;
	d.issuer = p->issuer != NULL ? p->issuer : (char *)"";
	d.place = p->place != NULL ? p->place : (char *)"";
	d.issued_on = iso;
	d.title = p->title;
	d.essay = p->essay == PLAN_ESSAY_DAYS ? STORE_ESSAY_DAYS :
	    p->essay == PLAN_ESSAY_NONE ? STORE_ESSAY_NONE :
	    p->essay == PLAN_ESSAY_DATE ? STORE_ESSAY_DATE : STORE_ESSAY_INHERIT;
	d.essay_days = p->essay_days;
	if (p->essay == PLAN_ESSAY_DATE)
		date_to_iso(p->essay_date, essay_due);
	d.essay_due = essay_due;
	d.resolutions = plan_import_resolutions(p);
	d.parents_text = plan_import_parents(p);
	rc = store_document_save(db, &d);
	free(d.resolutions);
	free(d.parents_text);
	if (rc != 0)
		return -1;
	in->id = d.id;
	for (i = 0; i < p->nitems; i++)
		if (plan_import_item(db, d.id, &p->items[i]) != 0)
			return -1;
	for (i = 0; i < p->nreports; i++)
		if (plan_import_report(db, d.id, &p->reports[i]) != 0)
			return -1;
	return 0;
}

int64_t
store_plan_import(struct db *db, const struct plan_text *p, int64_t owner)
{
	struct plan_import in = { p, owner, 0 };

	return store_in_tx(db, plan_import_tx, &in) == 0 ? in.id : -1;
}
