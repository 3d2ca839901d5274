-- quantriet schema, version 7: a plan may ask for no essay at all.
--
-- essay_rule.kind 'days' is the rule so far (due_days after the member's
-- session); 'none' says the plan asks for no essay, so no member's essay
-- is ever missing or late under it (PLAN_SQL_RULE in src/domain/plan_sql.h,
-- the one place that decides who must write). The row keeps travelling
-- with its plan through the triggers of 002_sync.sql.
ALTER TABLE essay_rule ADD COLUMN kind TEXT NOT NULL DEFAULT 'days'
  CHECK (kind IN ('days', 'none'));
