-- quantriet schema, version 22: a unit is found by its name through an
-- index.
--
-- `--unit NAME` (lookup_unit in src/domain/lookup.c) and every screen that
-- picks a unit by what the clerk typed compare the folded name; with no
-- index on it, each lookup read all 2,166 units of a province (a third of
-- a commune's `report tally` outside the tally itself).
CREATE INDEX unit_by_name_fold ON unit(name_fold);
