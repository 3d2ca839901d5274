-- quantriet schema, version 6: members listed in Vietnamese order.
--
-- name_sort holds qt_name_sort(full_name) (text_name_sort in
-- src/text/text.h): by given name, then middle and family name, in the
-- Vietnamese alphabet, tones after the bare letter. Every writer stores it
-- beside name_fold; sync never sends it, the receiver computes it
-- (src/sync/rows.c), and `quantriet check` reports a stale one.
--
-- The lists page by (name_sort, id) as they paged by (name_fold, id), so
-- the indexes are replaced one for one: a cell's list walks
-- member_by_unit_sort, a commune's member_by_sort, an index seek per page
-- whatever the size of the table.

ALTER TABLE member ADD COLUMN name_sort TEXT NOT NULL DEFAULT '';

-- A derived column, not an edit: nothing is queued for sync.
INSERT INTO sync_mute VALUES (1);
UPDATE member SET name_sort = qt_name_sort(full_name);
DELETE FROM sync_mute;

DROP INDEX member_by_unit;
DROP INDEX member_by_name;
CREATE INDEX member_by_unit_sort ON member(unit_id, name_sort, id);
CREATE INDEX member_by_sort ON member(name_sort, id);
