-- quantriet schema, version 18: three indexes the reports read through.
--
-- "The plans below plan P" is read from the closure table by its
-- ancestor (PLAN_SQL_PLANS); its key starts with the plan, so each such
-- read scanned the whole closure (4,810 rows at a province of 100,000
-- members, several times per report).
CREATE INDEX tally_plan_tree_by_ancestor ON tally_plan_tree(ancestor_id, plan_id);

-- A unit's latest session held under a plan by a cutoff (the tally's
-- "last"): the index holds status and plan too, so the sessions are
-- judged from the index without reading each one.
DROP INDEX session_by_unit;
CREATE INDEX session_by_unit ON session(unit_id, held_on, status, document_id);

-- A unit's report of a round (PLAN_SQL_REPORT_ROW): found by the unit,
-- not by trying each plan below the one asked for.
CREATE INDEX tally_report_by_unit ON tally_report(unit_id, round, document_id);
