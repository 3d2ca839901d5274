/*
 * store.h - what the screens read from and write to the database.
 *
 * No curses here and no SQL anywhere else in the interface: a screen asks
 * the store for a page of rows and hands rows back to be written. Lists
 * are paged by key (keyset pagination), never by OFFSET, so a unit of
 * 500,000 members pages as fast as one of 50. Every write is one
 * transaction, opened and committed inside the call: nothing here waits
 * for a key with a transaction open.
 *
 * Rows returned are owned by the caller and released with the matching
 * *_free function; strings in a row are never NULL.
 */
#ifndef QT_STORE_H
#define QT_STORE_H

#include <stddef.h>
#include <stdint.h>

struct db;

/* Direction of a page: the rows after the anchor, or the rows before it. */
#define STORE_AFTER	1
#define STORE_BEFORE	(-1)

/* Where a keyset page starts: a sort key and the id that breaks ties. */
struct store_key {
	const char	*sort;	/* NULL: from the very start (or end) */
	int64_t		 id;
};

struct store_unit {
	int64_t		 id;
	int64_t		 parent_id;	/* 0 for a root */
	char		*kind;
	char		*name;
	int		 is_cell;
	int		 depth;		/* 0 for the unit asked for */
};

/*
 * The clerk's own unit, by the command line's rule (lookup_home_unit: the
 * setting home_unit_id, else the smallest unit holding every member, else
 * the only root); when that finds none (several roots and no member), the
 * first root, where the interface opens; 0 if the database has no unit.
 * Its kind is the clerk's own level, whose deadlines Home and the plan's
 * screen show first.
 */
int64_t	 store_home_unit(struct db *db);
/* Fills *u with unit id; 0, or -1 if there is none. Free with store_unit_clear. */
int	 store_unit_get(struct db *db, int64_t id, struct store_unit *u);
void	 store_unit_clear(struct store_unit *u);

/* A member row as lists show it. */
struct store_member {
	int64_t		 id;
	int64_t		 unit_id;
	char		*full_name;
	char		*name_fold;	/* text_fold: what search matches */
	char		*name_sort;	/* text_name_sort: the order and page key */
	char		*position;
	char		*status;	/* member_status.code */
	char		*status_name;
	char		*unit_name;
	int		 birth_year;	/* 0 when unknown */
};

/* Which members a page lists. */
struct store_member_query {
	int64_t		 unit_id;	/* only this unit, or 0 */
	int64_t		 scope_id;	/* with unit_id 0: this unit's subtree */
	const char	*search;	/* folded substring of the name, or NULL */
	/* Set by store_member_query_plan from the three above: */
	int		 scope_all;	/* scope_id holds every unit */
	int64_t		 scope_held;	/* the scope_id temp.member_scope holds */
	char		 trigram[16];	/* few hold it: start from them, or "" */
};

/*
 * How to read the pages of q, worked out once when its unit, scope or
 * search changes rather than on every page: whether the scope is every
 * unit, the scope's units (in a temporary table of the connection, for
 * one query at a time: filled once while q keeps its scope_id, so a
 * search writes nothing), and the search's trigram few enough members
 * hold to start from them. 0, or -1 with db_error set.
 */
int	 store_member_query_plan(struct db *db, struct store_member_query *q);

/*
 * Up to limit members of q in name order, strictly after (dir
 * STORE_AFTER) or before (STORE_BEFORE) key, returned in name order
 * either way. A key with sort NULL means the start (after) or the end
 * (before). Returns the count, or -1 on error (db_error). The rows are
 * the caller's (store_members_free).
 */
int	 store_members_page(struct db *db, const struct store_member_query *q,
	    const struct store_key *key, int dir, int limit,
	    struct store_member **out);
void	 store_members_free(struct store_member **rows, size_t n);
/* One member by id into *m (store_member_clear); 0 or -1. */
int	 store_member_get(struct db *db, int64_t id, struct store_member *m);
void	 store_member_clear(struct store_member *m);
/* The fields of a member that store_member_check can refuse. */
enum store_member_field {
	STORE_MEMBER_NAME,
	STORE_MEMBER_POSITION,
	STORE_MEMBER_UNIT,
};
/*
 * A birth year as typed on the form or read from a file: "" is 0 (not
 * known). NULL, or why it is not a year from 1900 to 2100 (static).
 */
const char *store_member_year(const char *text, int *year);
/*
 * The one set of checks of every member writer (the member form, import
 * members, and store_member_save itself): a name of 1 to 120 characters
 * without controls, a position of at most 100, a party cell as the unit
 * (the status is a member_status code, as the schema enforces). NULL
 * when m may be written, else why (a Vietnamese
 * sentence, static) with *field the field at fault.
 */
const char *store_member_check(struct db *db, const struct store_member *m,
	    enum store_member_field *field);
/*
 * Writes m, the one member writer: a new member when m->id is 0 (m->id is
 * set), else an update of name, position, status, birth year and unit.
 * Refused unless store_member_check accepts it. The name is stored in
 * NFC with its search key. In its own transaction, nested in the
 * caller's if any (an import writes a whole file in one). 0, or -1 with
 * the reason in db_error().
 */
int	 store_member_save(struct db *db, struct store_member *m);
/*
 * Why member id may not be deleted (a new sentence: attendance or essays
 * recorded, which a status change or a move keeps), or NULL.
 */
char	*store_member_delete_refusal(struct db *db, int64_t id);
/* Deletes member id in one transaction unless refused; 0 or -1 (db_error). */
int	 store_member_delete(struct db *db, int64_t id);
/* A value to choose in a form: a code (or an id as text) and its name. */
struct store_choice {
	char	*code;
	char	*name;
};
/* The member statuses in display order; count, rows owned by the caller. */
size_t	 store_member_statuses(struct db *db, struct store_choice **out);
/* The same, only those of party members (who may have to write). */
size_t	 store_party_statuses(struct db *db, struct store_choice **out);
/*
 * The units of root's subtree as choices (code = id), tree order; with
 * cells_only only the party cells, unless there are none.
 */
size_t	 store_unit_choices(struct db *db, int64_t root, int cells_only,
	    struct store_choice **out);
void	 store_choices_free(struct store_choice **c, size_t n);

/* A plan: a document that asks units to hold sessions. */
struct store_plan {
	int64_t		 id;
	char		*number;
	char		*title;
	char		*issued_on;	/* ISO */
	/* The scope unit's own next session deadline (ISO) or "": its level's
	 * first, else a lower level's, never a level above. */
	char		*next_deadline;
	int		 sessions_held;	/* by the scope's units */
	int		 sessions_planned;
};

/*
 * The plans of scope, its chain of plans (the rule is STORE_PLANS_CTE in
 * store_int.h): those it issued, and those issued above it in its unit
 * tree that ask its levels for sessions or that its own plans carry out;
 * the most recent first. Count, or -1 on error.
 */
int	 store_plans_list(struct db *db, int64_t scope, const char *today,
	    struct store_plan **out);
/*
 * Every other document (another province's plans, guidance from above
 * that asks nothing of scope), kept for reference; as store_plans_list.
 */
int	 store_references_list(struct db *db, int64_t scope, const char *today,
	    struct store_plan **out);
void	 store_plans_free(struct store_plan **p, size_t n);

/* "NUMBER TITLE" of a document, a new string ("" if there is none). */
char	*store_document_label(struct db *db, int64_t id);

/* A document (plan, guidance, resolution...) as its form edits it. */
/* A plan's own essay rule: none (the one above or the default applies),
 * N days after the member's session, no essay asked for at all, or
 * every essay by one fixed date. */
enum store_essay_rule { STORE_ESSAY_INHERIT, STORE_ESSAY_DAYS, STORE_ESSAY_NONE,
	STORE_ESSAY_DATE };

struct store_document {
	int64_t		 id;		/* 0: a new one */
	int64_t		 owner_unit_id;
	int64_t		 parent_id;	/* the plan it carries out, or 0 */
	char		*number;	/* "08-KH/ĐU" */
	char		*kind;		/* doc_kind.code */
	char		*issuer;
	char		*place;
	char		*issued_on;	/* ISO */
	char		*title;
	enum store_essay_rule essay;	/* the plan's own essay rule */
	int		 essay_days;	/* STORE_ESSAY_DAYS: due this many days after */
	char		*essay_due;	/* STORE_ESSAY_DATE: the last day (ISO) */
	/*
	 * The resolutions it has studied, one title (or number, "18-NQ/TW")
	 * a line; on save each is found among those known (by its folded
	 * title or its number) or added. NULL on save: links left as they are.
	 */
	char		*resolutions;
	/*
	 * Who writes under this plan, overriding the plan above and the
	 * general rule: "status=1" (must write) or "status=0" (exempt), one a
	 * line; a status not listed follows the plan above. NULL on save:
	 * left as they are.
	 */
	char		*exemptions;
	/* Every document it carries out or rests on, as written, one a line. */
	char		*parents_text;
	/* The action programme's deadline: its words, and its last day or "". */
	char		*action_due_text;
	char		*action_due;
};
/* Document id into *d (store_document_clear); 0 or -1. */
int	 store_document_get(struct db *db, int64_t id, struct store_document *d);
void	 store_document_clear(struct store_document *d);
/*
 * Inserts (id 0; d->id set) or updates d with its essay rule and its
 * resolutions in one transaction; 0, or -1 with the reason in db_error() (a number already
 * used by the unit...).
 */
int	 store_document_save(struct db *db, struct store_document *d);
/* 1 if owner already has another document (not id) numbered number. */
int	 store_document_number_used(struct db *db, int64_t owner,
	    const char *number, int64_t id);
/*
 * 1 if document id belongs to home's subtree; a plan from above is
 * read-only below (the province would refuse the change anyway).
 */
int	 store_document_is_ours(struct db *db, int64_t id, int64_t home);
/*
 * Why document id may not be deleted (a new sentence: plans carry it
 * out, or sessions, essays, reports or action items are recorded under
 * it), or NULL.
 */
char	*store_document_delete_refusal(struct db *db, int64_t id);
/*
 * Deletes document id with the sessions it asks for, its rules and
 * deadlines, in one transaction, unless refused; 0 or -1 (db_error).
 */
int	 store_document_delete(struct db *db, int64_t id);
/* The kinds of document (KH, HD...), as choices. */
size_t	 store_doc_kinds(struct db *db, struct store_choice **out);
/* Every document as a choice (code = id, name = "NUMBER TITLE"), newest first. */
size_t	 store_document_choices(struct db *db, struct store_choice **out);

/* What a plan says besides its sessions, for the plan's screen. */
struct store_plan_info {
	char		*parent;	/* "NUMBER" of the plan it carries out, or "" */
	int		 children;	/* plans carrying this one out */
	int		 essay_days;	/* essays due this many days after, -1: no
					 * rule, -2: the plan asks for no essay,
					 * -3: by the fixed date essay_due */
	char		*essay_due;	/* ISO, or "" */
	char		*report_due;	/* the unit's next report deadline (ISO) or "" */
	char		*issued_on;	/* ISO */
	char		*unit_due;	/* the unit's next session deadline (ISO) or "" */
};
/*
 * Fills *info for document id as unit sees it as of today: the deadlines
 * are the unit's own first, else its lower levels', never a level above
 * (the rule of store_plan's next_deadline). 0 or -1.
 */
int	 store_plan_info_get(struct db *db, int64_t id, int64_t unit,
	    const char *today, struct store_plan_info *info);
void	 store_plan_info_clear(struct store_plan_info *info);

/* A session asked for by a plan (plan_session), for a level. */
struct store_plan_session {
	int64_t		 id;
	char		*level;
	char		*level_name;
	int		 ordinal;
	char		*title;
	char		*form;		/* in_person / online */
	int		 half_days;
	char		*deadline;	/* ISO or "" */
	char		*deadline_text;
	/* As the plan above moves it (plan_item_due, 019_plan_due.sql). */
	char		*due;		/* own day, else the parent's; ISO or "" */
	char		*parent_due;	/* the parent plan's day; ISO or "" */
	int		 late;		/* 1: own day later than parent_due */
	char		*also_levels;	/* other levels' codes, space-separated */
	char		*also_names;	/* their names, "Đảng bộ cơ sở, …" */
	char		*audience;	/* thành phần, by position */
	char		*materials;
	char		*material_ratio; /* "03 đảng viên/01 cuốn", or "" */
	char		*presenter;
	char		*length_text;	/* "0,5 ngày nghiên cứu + 0,5 ngày …" */
	char		*start_time;	/* "07:30" or "" */
	char		*bridge_names;	/* one a line; "" in person */
	int		 members;	/* party members of the unit asked */
	int		 copies;	/* copies they need by the ratio, -1: none */
};
/*
 * The sessions plan document_id asks for, those of unit's own level first
 * (the clerk's own deadline leads), then by level and number; count or -1.
 */
int	 store_plan_sessions(struct db *db, int64_t document_id, int64_t unit,
	    struct store_plan_session **out);
/*
 * (members and copies are unit's: its party members, its subtree's for a
 * committee, and what the item's ratio gives them; plan_item.h)
 */
void	 store_plan_sessions_free(struct store_plan_session **p, size_t n);
/* 1 if item p is asked of units of kind: its level or one of also_levels. */
int	 store_plan_session_for_kind(const struct store_plan_session *p,
	    const char *kind);
/*
 * Writes a session the plan document_id asks of a level (p->level, title,
 * form, half_days, deadline or "", deadline_text, and the texts from
 * also_levels to bridge_names; the count of bridge points is taken from
 * bridge_names' lines): with p->id 0 a new one
 * numbered after the level's last (p->id set), else an update of p->id.
 * 0 or -1 (db_error).
 */
int	 store_plan_session_save(struct db *db, int64_t document_id,
	    struct store_plan_session *p);
/* How many sessions were recorded as carrying out plan session id. */
int	 store_plan_session_uses(struct db *db, int64_t id);
/*
 * Deletes plan session id in one transaction; the sessions recorded for
 * it stay, following no item. 0 or -1 (db_error).
 */
int	 store_plan_session_delete(struct db *db, int64_t id);
/* A report a plan asks for (report_deadline). */
struct store_report_due {
	int64_t		 id;		/* 0: a new one */
	int		 round;		/* 1.. */
	char		*level;		/* who reports: unit_kind.code, "" all */
	char		*level_name;
	char		*description;	/* what: the essay tally, results... */
	char		*recipient;	/* to whom */
	char		*due_on;	/* its last day, ISO */
	char		*due_text;	/* the deadline as written, or "" */
};
/* The reports plan document_id asks for, by last day; count or -1. */
int	 store_report_dues(struct db *db, int64_t document_id,
	    struct store_report_due **out);
void	 store_report_dues_free(struct store_report_due **p, size_t n);
/*
 * Inserts (r->id 0; set) or updates r for plan document_id (level "" or
 * NULL: every level), in one transaction; 0 or -1 (db_error).
 */
int	 store_report_due_save(struct db *db, int64_t document_id,
	    struct store_report_due *r);
/* Deletes report deadline id in one transaction; 0 or -1 (db_error). */
int	 store_report_due_delete(struct db *db, int64_t id);
/*
 * Inserts (a->id 0; set) or updates item a of unit's action programme for
 * plan document_id (task to status; done_on kept only when done), in one
 * transaction. 0 or -1 (db_error).
 */
struct action_item_row;
int	 store_action_save(struct db *db, int64_t document_id, int64_t unit,
	    struct action_item_row *a);
/* Deletes action item id in one transaction; 0 or -1 (db_error). */
int	 store_action_delete(struct db *db, int64_t id);
/* The kinds of unit (levels), as choices, from the top down. */
size_t	 store_unit_kinds(struct db *db, struct store_choice **out);

/*
 * A plan read from its text (domain/plan_text.h), checked by the clerk:
 * saved as a new document of unit owner with its resolutions (found by
 * title or added), one session per level each item names and the report
 * deadlines, in one transaction. The new document's id, or -1 with the
 * reason in db_error(). A parent is linked when the database holds it.
 */
struct plan_text;
int64_t	 store_plan_import(struct db *db, const struct plan_text *p,
	    int64_t owner);
/* Why p cannot be saved for owner yet (a Vietnamese phrase), or NULL. */
const char *store_plan_import_missing(struct db *db, const struct plan_text *p,
	    int64_t owner);

/* A session a unit held or plans to hold. */
struct store_session {
	int64_t		 id;
	int64_t		 document_id;
	int64_t		 plan_session_id;	/* 0 if none */
	int64_t		 unit_id;
	char		*unit_name;
	char		*title;
	char		*held_on;	/* ISO */
	char		*place;
	char		*form;		/* in_person / online */
	char		*bridge_point;
	char		*presenter;
	int		 half_days;
	int64_t		 makeup_of;	/* 0 if not a make-up session */
	char		*status;	/* planned / held / cancelled */
	int		 present, absent, self_study, expected;
};

/* Sessions of a plan held by units of scope's subtree, by date; count or -1. */
int	 store_sessions_list(struct db *db, int64_t document_id, int64_t scope,
	    struct store_session **out);
void	 store_sessions_free(struct store_session **s, size_t n);
int	 store_session_get(struct db *db, int64_t id, struct store_session *s);
void	 store_session_clear(struct store_session *s);
/*
 * Inserts (id 0; s->id set) or updates s (status NULL: planned). A
 * session with attendance must stay held: anything else is refused, as
 * the tally would stop counting its marks. 0 or -1 (db_error).
 */
int	 store_session_save(struct db *db, struct store_session *s);
/*
 * Deletes session id and its attendance in one transaction (each row
 * queued for sync as deleted). Refused while a make-up session follows
 * it. 0 or -1 (db_error).
 */
int	 store_session_delete(struct db *db, int64_t id);

/* Attendance: one member of a session's list. */
struct store_attendee {
	int64_t		 member_id;
	char		*full_name;
	char		*name_sort;	/* text_name_sort: the page key */
	char		*status_name;	/* member status */
	char		*attendance;	/* present / absent / self_study / "" */
	char		*reason;
};

/*
 * The members a session expects, in name order, paged like
 * store_members_page: the members of its unit's subtree, or for a make-up
 * session only those not present at the session it makes up for. Guests
 * are listed too (they may attend). Count or -1.
 */
int	 store_attendees_page(struct db *db, int64_t session_id,
	    const struct store_key *key, int dir, int limit,
	    struct store_attendee **out);
void	 store_attendees_free(struct store_attendee **a, size_t n);
/*
 * Records status (present / absent / self_study, or NULL to clear) and
 * reason for a member at a session, and marks the session held. 0 or -1.
 */
int	 store_attendance_set(struct db *db, int64_t session_id,
	    int64_t member_id, const char *status, const char *reason);
/*
 * The same for a screen marking one member after another: its statements
 * are prepared once, when the screen opens (NULL on error, db_error set),
 * rather than per mark with the sync triggers they compile.
 * store_marks_set records status for member_id, whose mark was old (a
 * status code, "" or NULL for none), and moves s's counts from old to
 * status instead of counting the session again (s may be NULL). 0 or -1.
 */
struct store_marks;
struct store_marks *store_marks_open(struct db *db, int64_t session_id);
int	 store_marks_set(struct store_marks *m, struct store_session *s,
	    int64_t member_id, const char *old, const char *status,
	    const char *reason);
void	 store_marks_close(struct store_marks **m);
/*
 * Marks present, in one transaction, every member the session expects who
 * is not marked yet (marks already made stay). The number marked, or -1.
 */
int	 store_attendance_fill_present(struct db *db, int64_t session_id);
/* Counts of the session's expected list; fills the four counts of s. */
void	 store_session_counts(struct db *db, struct store_session *s);

/* What the home screen shows. */
struct store_home {
	char		*unit_name;
	int		 campaigns;
	char		*next_deadline;		/* ISO or "" */
	char		*next_deadline_what;
	int		 sessions_overdue;	/* plan sessions past deadline, not held */
	int		 essays_missing;	/* past due, not handed in; -1: too many members to count here */
	int		 reports_overdue;	/* report deadlines past, not final */
};
/* Fills *h for scope as of today (ISO); 0 or -1. Free with store_home_clear. */
int	 store_home_get(struct db *db, int64_t scope, const char *today,
	    struct store_home *h);
void	 store_home_clear(struct store_home *h);

/* ---- Essays and tally reports (UI-2: store_essay.c, store_tally.c) ---- */

/* Which essays a page lists. */
enum store_essay_filter {
	STORE_ESSAY_ALL,	/* every party member */
	STORE_ESSAY_MISSING,	/* must write, nothing submitted (late or not) */
	STORE_ESSAY_LATE,	/* must write, nothing submitted, due date passed */
	STORE_ESSAY_SUBMITTED,	/* submitted (on time or late) */
	STORE_ESSAY_EXEMPT,	/* exempt by the plan's rules, not handed in (tally.h) */
	STORE_ESSAY_NFILTERS
};

struct store_essay_query {
	int64_t		 document_id;	/* the plan (and the plans under it) */
	int64_t		 unit_id;	/* only this unit, or 0 */
	int64_t		 scope_id;	/* with unit_id 0: this unit's subtree */
	const char	*search;	/* folded substring of the name, or NULL */
	enum store_essay_filter filter;
	const char	*today;		/* ISO: what "late" is judged against */
};

/* One party member's essay for a plan, as the essays list shows it. */
struct store_essay_row {
	int64_t		 member_id;
	char		*full_name;
	char		*name_sort;	/* text_name_sort: the page key */
	char		*unit_name;
	int		 must_write;
	char		*reason;	/* why exempt; "" when must write */
	char		*due_on;	/* ISO, "" before any session */
	char		*submitted_on;	/* ISO, "" when nothing handed in */
	char		*grade;		/* excellent/good/pass/fail or "" */
	int		 state;		/* enum essay_state (domain/rules.h) */
};

/*
 * Up to limit party members of q in name order, paged like
 * store_members_page, with their essay state under the rules of the plan
 * (the same SQL as tally_compute, so the list and the tally agree).
 * Count or -1 (db_error); rows freed with store_essay_rows_free.
 */
int	 store_essays_page(struct db *db, const struct store_essay_query *q,
	    const struct store_key *key, int dir, int limit,
	    struct store_essay_row **out);
void	 store_essay_rows_free(struct store_essay_row **rows, size_t n);
/* Frees the strings of one row (not the row itself). */
void	 store_essay_row_clear(struct store_essay_row *r);
/* A short Vietnamese name of a filter ("Chưa nộp"...); static. */
const char *store_essay_filter_name(enum store_essay_filter f);

/* Essay grades: schema codes and Vietnamese names, in order, NULL-ended. */
extern const char *const store_grade_codes[];
extern const char *const store_grade_names[];
/* The name of a grade code; "" for none or an unknown code. */
const char *store_grade_name(const char *code);

/* One member's essay for a plan, as the essay form edits it. */
struct store_essay {
	int64_t		 id;		/* 0: none recorded yet */
	int64_t		 document_id;	/* the plan it is (to be) recorded under */
	int64_t		 member_id;
	char		*full_name;
	char		*position;
	char		*unit_name;
	int		 must_write;
	char		*reason;	/* why exempt, or "" */
	char		*studied_on;	/* ISO: the session the essay follows, or "" */
	char		*due_on;	/* ISO or "" */
	char		*submitted_on;	/* ISO or "" (not handed in) */
	char		*grade;		/* excellent/good/pass/fail or "" */
	char		*awareness;	/* 1. về nhận thức */
	char		*duties;	/* 2. liên hệ chức trách, nhiệm vụ */
	char		*proposals;	/* 3. đề xuất, kiến nghị */
};

/*
 * The essay of member_id for plan document_id: the one recorded under the
 * plan itself, else under a plan implementing it; when there is none, *e
 * describes an empty essay to be recorded under document_id. 0, or -1 if
 * the member does not exist or the database fails. Free with
 * store_essay_clear.
 */
int	 store_essay_get(struct db *db, int64_t document_id, int64_t member_id,
	    struct store_essay *e);
void	 store_essay_clear(struct store_essay *e);
/*
 * Why submitted (ISO) cannot be the hand-in date of e as of today (ISO):
 * a Vietnamese sentence (static), or NULL when it is acceptable.
 */
const char *store_essay_check_date(const struct store_essay *e,
	    const char *submitted, const char *today);
/*
 * Writes the date, grade and the three parts of e (texts in NFC) with the
 * due date the rules give, in one transaction; sets e->id for a new row.
 * 0, or -1 with the reason in db_error().
 */
int	 store_essay_save(struct db *db, struct store_essay *e);

/* A member's proposals (part 3 of the essay), for item 6 of the tally. */
struct store_proposal {
	char		*full_name;
	char		*unit_name;
	char		*text;
};
/*
 * The non-empty proposals of essays handed in for the plan (or a plan
 * under it) by members of unit's subtree, by unit then name, at most
 * max. Count or -1; rows freed with store_proposals_free.
 */
int	 store_proposals_list(struct db *db, int64_t document_id,
	    int64_t unit_id, int max, struct store_proposal **out);
void	 store_proposals_free(struct store_proposal **p, size_t n);

/* The tally report row of a unit for a plan and a round. */
struct store_tally {
	int64_t		 id;		/* 0: not saved yet */
	int64_t		 plan_id;	/* asked for: counts cover it and the plans below */
	int64_t		 document_id;	/* the plan the row is under */
	int64_t		 unit_id;
	int		 round;
	char		*assessment;	/* item 5 */
	char		*proposals;	/* item 6, the cell's summary */
	char		*signer;
	int		 final;
	char		*finalized_on;	/* ISO or "" */
};

/*
 * The report of unit_id for plan document_id (or a plan implementing it)
 * and round; when none exists *t is a new draft under document_id whose
 * signer is the unit's secretary. 0 or -1. Free with store_tally_clear.
 */
int	 store_tally_get(struct db *db, int64_t document_id, int64_t unit_id,
	    int round, struct store_tally *t);
/* The same, for the report row id, counted for plan_id; 0 or -1. */
int	 store_tally_get_id(struct db *db, int64_t id, int64_t plan_id,
	    struct store_tally *t);
void	 store_tally_clear(struct store_tally *t);
/*
 * Writes assessment, proposals and signer of a draft (t->id set when
 * new). A final report is refused: -1 with the reason in db_error().
 */
int	 store_tally_save(struct db *db, struct store_tally *t);
/*
 * Marks the report final on today (ISO): in one transaction, writes its
 * text, computes the counts (report_counts: as of the round's cutoff),
 * snapshots them, item 4's reasons and the cutoff into the row
 * and notes who did it in its history: its submission to the unit
 * above (domain/completeness.h). Refused when it is final already, or
 * when the counts do not add up (item 1 = 3 + 4 + not yet).
 * 0 (t updated) or -1.
 */
int	 store_tally_finalize(struct db *db, struct store_tally *t,
	    const char *today, const char *who);
/*
 * Makes final report t a draft again on today (ISO), by who, for reason,
 * in one transaction: the snapshot is dropped and the reason kept in the
 * report's history. Refused when it is not final. 0 (t updated) or -1.
 */
int	 store_tally_reopen(struct db *db, struct store_tally *t,
	    const char *today, const char *who, const char *reason);
/*
 * The unit above reviews a report below it (store_submission.c). The
 * clerk's unit home must be strictly above the report's unit: a unit
 * never reviews its own report. Returning makes final report t a draft
 * again on today (ISO), by who, for reason (its history keeps why, and
 * Home below shows it); accepting notes in its history that it was
 * received. Each in one transaction; refused (-1, db_error) when t is
 * not final, is accepted already, or is not below home. 0 (t updated).
 */
int	 store_tally_return(struct db *db, struct store_tally *t, int64_t home,
	    const char *today, const char *who, const char *reason);
int	 store_tally_accept(struct db *db, struct store_tally *t, int64_t home,
	    const char *today, const char *who);
/* 1 when unit lies strictly below home in the unit tree. */
int	 store_unit_below(struct db *db, int64_t unit, int64_t home);
/* A report of home's subtree returned from above and not yet resubmitted. */
struct store_returned {
	int64_t		 report_id;
	int64_t		 plan_id;	/* the plan the report is under */
	int64_t		 unit_id;
	int		 round;
	char		*unit_name;
	char		*plan_number;
	char		*at;		/* ISO: when it was returned */
	char		*who;
	char		*reason;
};
/*
 * The returned reports of home and the units below it, latest first, at
 * most max (Home shows a few). Count or -1; free with store_returned_free.
 */
int	 store_returned_list(struct db *db, int64_t home, int max,
	    struct store_returned **out);
void	 store_returned_free(struct store_returned **r, size_t n);
/* ---- end of essays and tally reports ---- */

/*
 * What changed in the plans from above since the clerk last looked (the
 * "Thay đổi" list; store_changes.c says which changes count). One a
 * changed column, oldest first. Every string is the list's.
 */
struct store_change {
	int64_t		 audit_id;
	char		*at;		/* the audit row's time: the mark to keep */
	char		*plan;		/* the plan's number */
	char		*what;		/* the item, resolution, report; or "" */
	char		*field;		/* "Hạn hoàn thành", "Thêm Nghị quyết …" */
	char		*old_value;	/* dates as dd/mm/yyyy; "" none */
	char		*new_value;
};
/*
 * The changes not yet seen by this clerk (of home's plans), the oldest
 * STORE_CHANGES_MAX at most (the rest come once those are seen); count
 * or -1.
 */
#define STORE_CHANGES_MAX	500
int	 store_changes_list(struct db *db, int64_t home,
	    struct store_change **out);
/* The change in one line: "13-KH/TU Hạn hoàn thành: A -> B (item)". */
char	*store_change_line(const struct store_change *c);
/*
 * The time to mark seen once the n changes listed are shown: the newest,
 * or for a list cut at STORE_CHANGES_MAX the newest write listed whole.
 * NULL for none.
 */
const char *store_changes_mark_of(const struct store_change *c, size_t n);
/*
 * Records that this clerk has seen every change up to the audit time at
 * (store_changes_mark_of), in one transaction; the mark never moves back.
 */
int	 store_changes_seen(struct db *db, const char *at);
void	 store_changes_free(struct store_change **c, size_t n);

#endif
