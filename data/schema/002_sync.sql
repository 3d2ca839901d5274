-- quantriet schema, version 2: synchronisation with the provincial server.
--
-- Every insert, update or delete of a syncable row is recorded here by
-- triggers, so every writer (interface, command line, demo) is tracked
-- without calling sync code. docs/sync.md describes the protocol.
--
-- * sync_clock holds the hybrid logical clock: (milliseconds << 16) |
--   counter. It only moves forward: each local change takes
--   max(last + 1, now), and every clock seen from the server is folded in
--   (src/hlc.c), so a PC clock set in the past cannot reorder edits.
-- * A writer never sets `hlc` itself: the triggers stamp it. Sync code
--   that applies rows from the server puts a row in sync_mute for the
--   length of its transaction so that those rows are not sent back.

CREATE TABLE sync_clock (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  hlc INTEGER NOT NULL
);
INSERT INTO sync_clock(one, hlc) VALUES (1, 0);

CREATE TABLE sync_mute (
  one INTEGER PRIMARY KEY CHECK (one = 1)
);

-- One entry per changed row (later changes overwrite earlier ones): what
-- the next push sends. state: waiting (not yet sent), sent (in the batch
-- awaiting acknowledgement), rejected (set aside with the server's reason).
CREATE TABLE sync_outbox (
  tbl      TEXT NOT NULL,
  row_id   INTEGER NOT NULL,
  op       TEXT NOT NULL CHECK (op IN ('put', 'del')),
  hlc      INTEGER NOT NULL,
  state    TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'sent', 'rejected')),
  batch_id INTEGER,
  reason   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;
CREATE INDEX sync_outbox_by_state ON sync_outbox(state, batch_id);

-- The batch sent but not yet acknowledged, byte for byte, so a retry after
-- a cut link resends exactly what the server may already have applied.
CREATE TABLE sync_batch (
  id    INTEGER PRIMARY KEY,
  body  BLOB NOT NULL,
  count INTEGER NOT NULL
);

-- Rows pulled from the server, kept until the last page has arrived and
-- then applied together (a page may name a row whose parent comes later).
CREATE TABLE sync_inbox (
  seq  INTEGER PRIMARY KEY,
  rank INTEGER NOT NULL,
  body BLOB NOT NULL
);

-- Local values that lost to a later edit from another device.
CREATE TABLE sync_conflict (
  id     INTEGER PRIMARY KEY,
  at     TEXT NOT NULL,
  tbl    TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  lost   TEXT NOT NULL,
  reason TEXT NOT NULL
);

CREATE VIEW sync_touch(tbl, row_id, op) AS SELECT NULL, NULL, NULL;
CREATE TRIGGER sync_touch_i INSTEAD OF INSERT ON sync_touch BEGIN
  UPDATE sync_clock SET hlc = max(hlc + 1,
    CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) << 16);
  INSERT INTO sync_outbox(tbl, row_id, op, hlc)
    VALUES (NEW.tbl, NEW.row_id, NEW.op, (SELECT hlc FROM sync_clock))
    ON CONFLICT(tbl, row_id) DO UPDATE SET op = excluded.op,
      hlc = excluded.hlc, state = 'waiting', batch_id = NULL, reason = '';
END;

-- Per table: stamp and record inserts and updates, record deletes. An
-- update that sets hlc itself is sync applying a row, so it is skipped.
CREATE TRIGGER sync_unit_i AFTER INSERT ON unit WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('unit', NEW.id, 'put');
  UPDATE unit SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_unit_u AFTER UPDATE ON unit WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('unit', NEW.id, 'put');
  UPDATE unit SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_unit_d AFTER DELETE ON unit WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('unit', OLD.id, 'del'); END;

CREATE TRIGGER sync_member_i AFTER INSERT ON member WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('member', NEW.id, 'put');
  UPDATE member SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_member_u AFTER UPDATE ON member WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('member', NEW.id, 'put');
  UPDATE member SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_member_d AFTER DELETE ON member WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('member', OLD.id, 'del'); END;

CREATE TRIGGER sync_document_i AFTER INSERT ON document WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('document', NEW.id, 'put');
  UPDATE document SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_document_u AFTER UPDATE ON document WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('document', NEW.id, 'put');
  UPDATE document SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_document_d AFTER DELETE ON document WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('document', OLD.id, 'del'); END;

CREATE TRIGGER sync_resolution_i AFTER INSERT ON resolution WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('resolution', NEW.id, 'put');
  UPDATE resolution SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_resolution_u AFTER UPDATE ON resolution WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('resolution', NEW.id, 'put');
  UPDATE resolution SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_resolution_d AFTER DELETE ON resolution WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('resolution', OLD.id, 'del'); END;

CREATE TRIGGER sync_plan_session_i AFTER INSERT ON plan_session WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('plan_session', NEW.id, 'put');
  UPDATE plan_session SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_plan_session_u AFTER UPDATE ON plan_session WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('plan_session', NEW.id, 'put');
  UPDATE plan_session SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_plan_session_d AFTER DELETE ON plan_session WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('plan_session', OLD.id, 'del'); END;

CREATE TRIGGER sync_essay_rule_i AFTER INSERT ON essay_rule WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('essay_rule', NEW.document_id, 'put');
  UPDATE essay_rule SET hlc = (SELECT hlc FROM sync_clock) WHERE document_id = NEW.document_id; END;
CREATE TRIGGER sync_essay_rule_u AFTER UPDATE ON essay_rule WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('essay_rule', NEW.document_id, 'put');
  UPDATE essay_rule SET hlc = (SELECT hlc FROM sync_clock) WHERE document_id = NEW.document_id; END;
CREATE TRIGGER sync_essay_rule_d AFTER DELETE ON essay_rule WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('essay_rule', OLD.document_id, 'del'); END;

CREATE TRIGGER sync_session_i AFTER INSERT ON session WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('session', NEW.id, 'put');
  UPDATE session SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_session_u AFTER UPDATE ON session WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('session', NEW.id, 'put');
  UPDATE session SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_session_d AFTER DELETE ON session WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('session', OLD.id, 'del'); END;

CREATE TRIGGER sync_attendance_i AFTER INSERT ON attendance WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('attendance', NEW.id, 'put');
  UPDATE attendance SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_attendance_u AFTER UPDATE ON attendance WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('attendance', NEW.id, 'put');
  UPDATE attendance SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_attendance_d AFTER DELETE ON attendance WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('attendance', OLD.id, 'del'); END;

CREATE TRIGGER sync_essay_i AFTER INSERT ON essay WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('essay', NEW.id, 'put');
  UPDATE essay SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_essay_u AFTER UPDATE ON essay WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('essay', NEW.id, 'put');
  UPDATE essay SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_essay_d AFTER DELETE ON essay WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('essay', OLD.id, 'del'); END;

CREATE TRIGGER sync_tally_report_i AFTER INSERT ON tally_report WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('tally_report', NEW.id, 'put');
  UPDATE tally_report SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_tally_report_u AFTER UPDATE ON tally_report WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('tally_report', NEW.id, 'put');
  UPDATE tally_report SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_tally_report_d AFTER DELETE ON tally_report WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('tally_report', OLD.id, 'del'); END;

CREATE TRIGGER sync_report_deadline_i AFTER INSERT ON report_deadline WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('report_deadline', NEW.id, 'put');
  UPDATE report_deadline SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_report_deadline_u AFTER UPDATE ON report_deadline WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('report_deadline', NEW.id, 'put');
  UPDATE report_deadline SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_report_deadline_d AFTER DELETE ON report_deadline WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('report_deadline', OLD.id, 'del'); END;

CREATE TRIGGER sync_action_item_i AFTER INSERT ON action_item WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('action_item', NEW.id, 'put');
  UPDATE action_item SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_action_item_u AFTER UPDATE ON action_item WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('action_item', NEW.id, 'put');
  UPDATE action_item SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_action_item_d AFTER DELETE ON action_item WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('action_item', OLD.id, 'del'); END;

-- Server side only (empty on a clerk's PC): devices, enrolment codes,
-- acknowledged batches, and the change sequence pulls page through.
CREATE TABLE srv_device (
  id         INTEGER PRIMARY KEY,
  unit_id    INTEGER NOT NULL REFERENCES unit(id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE srv_enrol (
  code_hash  TEXT PRIMARY KEY,
  unit_id    INTEGER NOT NULL REFERENCES unit(id),
  expires_at TEXT NOT NULL,
  used_at    TEXT
) WITHOUT ROWID;
CREATE TABLE srv_batch (
  device_id INTEGER NOT NULL,
  batch_id  INTEGER NOT NULL,
  ack       BLOB NOT NULL,
  PRIMARY KEY (device_id, batch_id)
) WITHOUT ROWID;
-- seq orders every change the server has stored; unit_id is the owning
-- unit; public rows are seen by the units below their owner too; device_id
-- is the device that sent the change (it need not pull it back).
CREATE TABLE srv_row (
  tbl       TEXT NOT NULL,
  row_id    INTEGER NOT NULL,
  seq       INTEGER NOT NULL UNIQUE,
  unit_id   INTEGER,
  public    INTEGER NOT NULL,
  device_id INTEGER,
  PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;
