-- quantriet schema, version 4: the history of a tally report.
--
-- A report made final can be reopened to correct it; who did so, when
-- and why must stay visible (the cell's report is signed, and the level
-- above may already hold the final figures). Each time a report is made
-- final or reopened a row is added here, never changed. The rows travel
-- with their report (owner: the report's unit), so the province sees
-- why a report it received final became a draft again.

CREATE TABLE tally_event (
  id        INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES tally_report(id) ON DELETE CASCADE,
  at        TEXT NOT NULL CHECK (at GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]*'),
  action    TEXT NOT NULL CHECK (action IN ('final', 'reopen')),
  who       TEXT NOT NULL DEFAULT '',
  reason    TEXT NOT NULL DEFAULT '',
  hlc       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tally_event_by_report ON tally_event(report_id, at);

-- The same triggers as in 002_sync.sql.
CREATE TRIGGER sync_tally_event_i AFTER INSERT ON tally_event WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('tally_event', NEW.id, 'put');
  UPDATE tally_event SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_tally_event_u AFTER UPDATE ON tally_event WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('tally_event', NEW.id, 'put');
  UPDATE tally_event SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_tally_event_d AFTER DELETE ON tally_event WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('tally_event', OLD.id, 'del'); END;
