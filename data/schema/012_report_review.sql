-- quantriet schema, version 12: a report goes up, and the level above
-- returns it or accepts it.
--
-- Making a report final is its submission to the unit above (action
-- 'final'; after a return it is a resubmission). The unit above may
-- return it with a reason ('return': the report becomes a draft again
-- below, the reason shown on the clerk's Home) or accept it ('accept').
-- The history keeps every step with its date and who, never changed.
-- src/domain/completeness.h derives a unit's status from it.
--
-- tally_event's CHECK named only 'final' and 'reopen', and SQLite cannot
-- change a CHECK in place: the table is rebuilt with its rows, ids and
-- clocks. Nothing refers to tally_event, so the rebuild is valid with
-- foreign keys on; DROP TABLE fires no trigger, so nothing is queued.
CREATE TABLE tally_event_v12 (
  id        INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES tally_report(id) ON DELETE CASCADE,
  at        TEXT NOT NULL CHECK (at GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]*'),
  action    TEXT NOT NULL CHECK (action IN ('final', 'reopen', 'return', 'accept')),
  who       TEXT NOT NULL DEFAULT '',
  reason    TEXT NOT NULL DEFAULT '',
  hlc       INTEGER NOT NULL DEFAULT 0
);
INSERT INTO tally_event_v12(id, report_id, at, action, who, reason, hlc)
  SELECT id, report_id, at, action, who, reason, hlc FROM tally_event;
DROP TABLE tally_event;
ALTER TABLE tally_event_v12 RENAME TO tally_event;
CREATE INDEX tally_event_by_report ON tally_event(report_id, at);

-- The triggers of 004_tally_history.sql, dropped with the old table.
CREATE TRIGGER sync_tally_event_i AFTER INSERT ON tally_event WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('tally_event', NEW.id, 'put');
  UPDATE tally_event SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_tally_event_u AFTER UPDATE ON tally_event WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('tally_event', NEW.id, 'put');
  UPDATE tally_event SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_tally_event_d AFTER DELETE ON tally_event WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('tally_event', OLD.id, 'del'); END;
