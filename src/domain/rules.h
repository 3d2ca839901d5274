/*
 * rules.h - who must write an essay for a plan, and when it is late.
 *
 * The rules are rows (exemption_rule, essay_rule), not code, because they
 * vary by province; these functions only apply them.
 */
#ifndef QT_RULES_H
#define QT_RULES_H

#include <stdint.h>

#include "domain/date.h"

struct db;

enum essay_state {
	ESSAY_EXEMPT,		/* need not write, and has not */
	ESSAY_NOT_DUE,		/* must write, but has taken part in no session yet */
	ESSAY_DUE,		/* must write, due date not passed */
	ESSAY_LATE,		/* must write, due date passed, nothing submitted */
	ESSAY_SUBMITTED,	/* submitted on or before the due date */
	ESSAY_SUBMITTED_LATE,	/* submitted after the due date */
};

/*
 * Whether a member of STATUS must write an essay for plan DOCUMENT_ID: the
 * exemption_rule of the nearest plan at or above DOCUMENT_ID in the
 * document tree that names the status, else the default row (document_id
 * NULL), else yes. Non-members (is_party_member = 0) never write. Returns
 * 1 must write, 0 exempt, -1 on a database error (db_error) or an unknown
 * status. If reason is not NULL, *reason is set to a newly allocated copy
 * of the rule's reason (the status name when the rule has none; "" when
 * the member must write) that the caller frees; NULL after -1.
 */
int		 rules_must_write(struct db *db, int64_t document_id,
		    const char *status, char **reason);

/*
 * The essay due date of MEMBER_ID for plan DOCUMENT_ID: the fixed date of
 * the nearest plan's essay_rule at or above DOCUMENT_ID when it has one
 * (kind 'date'), else its due_days (7 without one) after the
 * first held session of the plan, or of a plan implementing it, that the
 * member attended or self-studied; if there is none yet, after the latest
 * held session of the member's unit for those plans. 0 ok, -1 when no
 * such session exists yet (or on a database error: see db_error).
 */
int		 rules_essay_due(struct db *db, int64_t document_id,
		    int64_t member_id, struct qt_date *due);

/*
 * The state of one essay. must_write as from rules_must_write; due NULL
 * when rules_essay_due found no session; submitted NULL when nothing was
 * handed in. Submitting on the due date is on time; the day after is late.
 * An exempt member who wrote anyway is shown as submitted.
 */
enum essay_state rules_essay_state(int must_write, const struct qt_date *due,
		    const struct qt_date *submitted, struct qt_date today);

/*
 * All of the above for MEMBER_ID under plan DOCUMENT_ID: reads the
 * member's status, the due date and the earliest submitted essay of the
 * plan or a plan implementing it. 0 ok (state in *out), -1 on error or an
 * unknown member.
 */
int		 rules_member_state(struct db *db, int64_t document_id,
		    int64_t member_id, struct qt_date today,
		    enum essay_state *out);

/*
 * Finds essays handed in before their member studied the plan they are
 * recorded under (PLAN_SQL_STUDIED in plan_sql.h: the day the essay
 * screen shows and the essay form refuses earlier dates against), or
 * with no session that counts yet, as of today. Calls fn once for each
 * with a sentence "NAME: nộp dd/mm/yyyy, buổi học ngày dd/mm/yyyy" (or
 * ", chưa có buổi học"). 0, or -1 on a database error (db_error).
 */
int		 rules_early_essays(struct db *db,
		    void (*fn)(const char *line, void *ctx), void *ctx);

/* A short Vietnamese label for a state ("Quá hạn", "Đã nộp"...); static. */
const char	*rules_state_name(enum essay_state state);

#endif
