-- quantriet schema, version 19: a plan item's deadline as its unit must
-- keep it, following the plan it carries out (docs/deadlines.md,
-- "Following the plan above").
--
-- A commune's plan implements the province's (document.parent_id). When
-- the province moves a deadline, the rows arrive by sync; this view is the
-- one place that says what the commune's own items then owe:
-- * parent_due: the last day the parent plan gives the item's level (its
--   items of that level, or listing it among their other levels, the
--   latest); if the parent asks nothing of that level, the last day it
--   gives the level of the unit that wrote the child plan (a commune's
--   cells work inside the commune's own deadline). NULL: no parent, or it
--   gives neither level a day.
-- * due: the item's own last day, or parent_due when it has none.
-- * late: 1 when the item's own day is later than parent_due (the clerk
--   must move it), else 0.
-- Only the direct parent counts: a parent item with no day of its own gives
-- none further down.
CREATE VIEW plan_item_due(id, document_id, level, own, parent_due, due, late)
AS SELECT x.id, x.document_id, x.level, x.deadline, x.parent_due,
  coalesce(x.deadline, x.parent_due),
  coalesce(x.deadline > x.parent_due, 0)
FROM (SELECT ps.id, ps.document_id, ps.level, ps.deadline,
  CASE WHEN d.parent_id IS NULL THEN NULL ELSE coalesce(
    (SELECT max(q.deadline) FROM plan_session q
      WHERE q.document_id = d.parent_id AND (q.level = ps.level OR
      instr(' ' || q.also_levels || ' ', ' ' || ps.level || ' ') > 0)),
    (SELECT max(q.deadline) FROM plan_session q JOIN unit o
      ON o.id = d.owner_unit_id
      WHERE q.document_id = d.parent_id AND (q.level = o.kind OR
      instr(' ' || q.also_levels || ' ', ' ' || o.kind || ' ') > 0)))
  END AS parent_due
  FROM plan_session ps JOIN document d ON d.id = ps.document_id) AS x;
