-- quantriet schema, version 15: concurrent edits are detected and both
-- devices told (docs/sync.md, "Clock and conflicts").
--
-- * sync_outbox.base: the clock the row had when this device first
--   changed it since the server last acknowledged it, i.e. the version
--   the change was made from. NULL for a row made here (nothing to be
--   concurrent with) and for changes queued before this step (sent
--   without a base: last writer wins, as before).
-- * sync_conflict.kept: the value that was kept, beside the one that
--   was not (lost); reason names who made each and when.
-- * srv_row.hlc (server): the clock of the change stored, a delete's
--   too, so a conflict can say when the row was deleted.
-- * srv_conflict (server): each conflict found, told to the pushing
--   device in its acknowledgement and to the other device by its next
--   pull (an srv_row entry 'conflict' orders it among the changes).
ALTER TABLE sync_outbox ADD COLUMN base INTEGER;
ALTER TABLE sync_conflict ADD COLUMN kept TEXT NOT NULL DEFAULT '';
ALTER TABLE srv_row ADD COLUMN hlc INTEGER;

CREATE TABLE srv_conflict (
  id        INTEGER PRIMARY KEY,
  device_id INTEGER NOT NULL,
  tbl       TEXT NOT NULL,
  row_id    INTEGER NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('edit', 'delete')),
  kept      TEXT NOT NULL,
  lost      TEXT NOT NULL,
  kept_by   INTEGER,
  lost_by   INTEGER,
  kept_at   INTEGER NOT NULL,
  lost_at   INTEGER NOT NULL
);

-- The update and delete triggers record the version a change was made
-- from (OLD.hlc) when the row's queue entry has none yet.
DROP TRIGGER IF EXISTS sync_unit_u;
CREATE TRIGGER sync_unit_u AFTER UPDATE ON unit WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('unit', NEW.id, 'put');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'unit' AND row_id = OLD.id AND base IS NULL;
  UPDATE unit SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
DROP TRIGGER IF EXISTS sync_unit_d;
CREATE TRIGGER sync_unit_d AFTER DELETE ON unit WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('unit', OLD.id, 'del');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'unit' AND row_id = OLD.id AND base IS NULL; END;
DROP TRIGGER IF EXISTS sync_member_u;
CREATE TRIGGER sync_member_u AFTER UPDATE ON member WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('member', NEW.id, 'put');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'member' AND row_id = OLD.id AND base IS NULL;
  UPDATE member SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
DROP TRIGGER IF EXISTS sync_member_d;
CREATE TRIGGER sync_member_d AFTER DELETE ON member WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('member', OLD.id, 'del');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'member' AND row_id = OLD.id AND base IS NULL; END;
DROP TRIGGER IF EXISTS sync_document_u;
CREATE TRIGGER sync_document_u AFTER UPDATE ON document WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('document', NEW.id, 'put');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'document' AND row_id = OLD.id AND base IS NULL;
  UPDATE document SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
DROP TRIGGER IF EXISTS sync_document_d;
CREATE TRIGGER sync_document_d AFTER DELETE ON document WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('document', OLD.id, 'del');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'document' AND row_id = OLD.id AND base IS NULL; END;
DROP TRIGGER IF EXISTS sync_resolution_u;
CREATE TRIGGER sync_resolution_u AFTER UPDATE ON resolution WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('resolution', NEW.id, 'put');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'resolution' AND row_id = OLD.id AND base IS NULL;
  UPDATE resolution SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
DROP TRIGGER IF EXISTS sync_resolution_d;
CREATE TRIGGER sync_resolution_d AFTER DELETE ON resolution WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('resolution', OLD.id, 'del');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'resolution' AND row_id = OLD.id AND base IS NULL; END;
DROP TRIGGER IF EXISTS sync_plan_session_u;
CREATE TRIGGER sync_plan_session_u AFTER UPDATE ON plan_session WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('plan_session', NEW.id, 'put');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'plan_session' AND row_id = OLD.id AND base IS NULL;
  UPDATE plan_session SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
DROP TRIGGER IF EXISTS sync_plan_session_d;
CREATE TRIGGER sync_plan_session_d AFTER DELETE ON plan_session WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('plan_session', OLD.id, 'del');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'plan_session' AND row_id = OLD.id AND base IS NULL; END;
DROP TRIGGER IF EXISTS sync_essay_rule_u;
CREATE TRIGGER sync_essay_rule_u AFTER UPDATE ON essay_rule WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('essay_rule', NEW.document_id, 'put');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'essay_rule' AND row_id = OLD.document_id AND base IS NULL;
  UPDATE essay_rule SET hlc = (SELECT hlc FROM sync_clock) WHERE document_id = NEW.document_id; END;
DROP TRIGGER IF EXISTS sync_essay_rule_d;
CREATE TRIGGER sync_essay_rule_d AFTER DELETE ON essay_rule WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('essay_rule', OLD.document_id, 'del');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'essay_rule' AND row_id = OLD.document_id AND base IS NULL; END;
DROP TRIGGER IF EXISTS sync_session_u;
CREATE TRIGGER sync_session_u AFTER UPDATE ON session WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('session', NEW.id, 'put');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'session' AND row_id = OLD.id AND base IS NULL;
  UPDATE session SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
DROP TRIGGER IF EXISTS sync_session_d;
CREATE TRIGGER sync_session_d AFTER DELETE ON session WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('session', OLD.id, 'del');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'session' AND row_id = OLD.id AND base IS NULL; END;
DROP TRIGGER IF EXISTS sync_attendance_u;
CREATE TRIGGER sync_attendance_u AFTER UPDATE ON attendance WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('attendance', NEW.id, 'put');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'attendance' AND row_id = OLD.id AND base IS NULL;
  UPDATE attendance SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
DROP TRIGGER IF EXISTS sync_attendance_d;
CREATE TRIGGER sync_attendance_d AFTER DELETE ON attendance WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('attendance', OLD.id, 'del');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'attendance' AND row_id = OLD.id AND base IS NULL; END;
DROP TRIGGER IF EXISTS sync_essay_u;
CREATE TRIGGER sync_essay_u AFTER UPDATE ON essay WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('essay', NEW.id, 'put');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'essay' AND row_id = OLD.id AND base IS NULL;
  UPDATE essay SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
DROP TRIGGER IF EXISTS sync_essay_d;
CREATE TRIGGER sync_essay_d AFTER DELETE ON essay WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('essay', OLD.id, 'del');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'essay' AND row_id = OLD.id AND base IS NULL; END;
DROP TRIGGER IF EXISTS sync_tally_report_u;
CREATE TRIGGER sync_tally_report_u AFTER UPDATE ON tally_report WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('tally_report', NEW.id, 'put');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'tally_report' AND row_id = OLD.id AND base IS NULL;
  UPDATE tally_report SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
DROP TRIGGER IF EXISTS sync_tally_report_d;
CREATE TRIGGER sync_tally_report_d AFTER DELETE ON tally_report WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('tally_report', OLD.id, 'del');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'tally_report' AND row_id = OLD.id AND base IS NULL; END;
DROP TRIGGER IF EXISTS sync_report_deadline_u;
CREATE TRIGGER sync_report_deadline_u AFTER UPDATE ON report_deadline WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('report_deadline', NEW.id, 'put');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'report_deadline' AND row_id = OLD.id AND base IS NULL;
  UPDATE report_deadline SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
DROP TRIGGER IF EXISTS sync_report_deadline_d;
CREATE TRIGGER sync_report_deadline_d AFTER DELETE ON report_deadline WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('report_deadline', OLD.id, 'del');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'report_deadline' AND row_id = OLD.id AND base IS NULL; END;
DROP TRIGGER IF EXISTS sync_action_item_u;
CREATE TRIGGER sync_action_item_u AFTER UPDATE ON action_item WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('action_item', NEW.id, 'put');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'action_item' AND row_id = OLD.id AND base IS NULL;
  UPDATE action_item SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
DROP TRIGGER IF EXISTS sync_action_item_d;
CREATE TRIGGER sync_action_item_d AFTER DELETE ON action_item WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('action_item', OLD.id, 'del');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'action_item' AND row_id = OLD.id AND base IS NULL; END;
DROP TRIGGER IF EXISTS sync_document_resolution_u;
CREATE TRIGGER sync_document_resolution_u AFTER UPDATE ON document_resolution WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('document_resolution', NEW.id, 'put');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'document_resolution' AND row_id = OLD.id AND base IS NULL;
  UPDATE document_resolution SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
DROP TRIGGER IF EXISTS sync_document_resolution_d;
CREATE TRIGGER sync_document_resolution_d AFTER DELETE ON document_resolution WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('document_resolution', OLD.id, 'del');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'document_resolution' AND row_id = OLD.id AND base IS NULL; END;
DROP TRIGGER IF EXISTS sync_exemption_rule_u;
CREATE TRIGGER sync_exemption_rule_u AFTER UPDATE ON exemption_rule WHEN NEW.document_id IS NOT NULL AND NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('exemption_rule', NEW.id, 'put');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'exemption_rule' AND row_id = OLD.id AND base IS NULL;
  UPDATE exemption_rule SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
DROP TRIGGER IF EXISTS sync_exemption_rule_d;
CREATE TRIGGER sync_exemption_rule_d AFTER DELETE ON exemption_rule WHEN OLD.document_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('exemption_rule', OLD.id, 'del');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'exemption_rule' AND row_id = OLD.id AND base IS NULL; END;
DROP TRIGGER IF EXISTS sync_tally_event_u;
CREATE TRIGGER sync_tally_event_u AFTER UPDATE ON tally_event WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('tally_event', NEW.id, 'put');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'tally_event' AND row_id = OLD.id AND base IS NULL;
  UPDATE tally_event SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
DROP TRIGGER IF EXISTS sync_tally_event_d;
CREATE TRIGGER sync_tally_event_d AFTER DELETE ON tally_event WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('tally_event', OLD.id, 'del');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'tally_event' AND row_id = OLD.id AND base IS NULL; END;
