-- quantriet schema, version 3: sync also carries which resolutions a plan
-- covers (document_resolution) and a plan's own exemption rules (the
-- exemption_rule rows with a document_id). docs/sync.md lists the tables.
--
-- Both need a global id and a clock like every other syncable row. The
-- default exemption rules (document_id NULL, ids 1-5) are the same in
-- every database and never travel.

-- document_resolution was keyed by its two columns: rebuilt with an id.
-- Nothing refers to it, so the rebuild is valid with foreign keys on.
CREATE TABLE document_resolution_v3 (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  resolution_id INTEGER NOT NULL REFERENCES resolution(id),
  hlc           INTEGER NOT NULL DEFAULT 0,
  UNIQUE (document_id, resolution_id)
);
INSERT INTO document_resolution_v3(id, document_id, resolution_id)
  SELECT qt_new_id(), document_id, resolution_id FROM document_resolution;
DROP TABLE document_resolution;
ALTER TABLE document_resolution_v3 RENAME TO document_resolution;
CREATE INDEX document_resolution_by_resolution ON document_resolution(resolution_id);

-- A plan's overrides had small automatic ids that collide across
-- databases; nothing refers to exemption_rule.id.
ALTER TABLE exemption_rule ADD COLUMN hlc INTEGER NOT NULL DEFAULT 0;
UPDATE exemption_rule SET id = qt_new_id() WHERE document_id IS NOT NULL;

-- The same triggers as in 002_sync.sql.
CREATE TRIGGER sync_document_resolution_i AFTER INSERT ON document_resolution WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('document_resolution', NEW.id, 'put');
  UPDATE document_resolution SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_document_resolution_u AFTER UPDATE ON document_resolution WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('document_resolution', NEW.id, 'put');
  UPDATE document_resolution SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_document_resolution_d AFTER DELETE ON document_resolution WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('document_resolution', OLD.id, 'del'); END;

-- Only a plan's own rules travel, never the defaults.
CREATE TRIGGER sync_exemption_rule_i AFTER INSERT ON exemption_rule WHEN NEW.document_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('exemption_rule', NEW.id, 'put');
  UPDATE exemption_rule SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_exemption_rule_u AFTER UPDATE ON exemption_rule WHEN NEW.document_id IS NOT NULL AND NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('exemption_rule', NEW.id, 'put');
  UPDATE exemption_rule SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;
CREATE TRIGGER sync_exemption_rule_d AFTER DELETE ON exemption_rule WHEN OLD.document_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('exemption_rule', OLD.id, 'del'); END;

-- Rows made before this step on an enrolled PC: those of plans of its own
-- unit or below are queued, so the province receives them.
CREATE TEMP TABLE sync_v3_mine AS
  WITH RECURSIVE mine(id) AS (
    SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id'
    UNION SELECT u.id FROM unit u JOIN mine ON u.parent_id = mine.id)
  SELECT d.id FROM document d WHERE d.owner_unit_id IN (SELECT id FROM mine);
INSERT INTO sync_touch(tbl, row_id, op)
  SELECT 'document_resolution', id, 'put' FROM document_resolution
  WHERE document_id IN (SELECT id FROM sync_v3_mine);
INSERT INTO sync_touch(tbl, row_id, op)
  SELECT 'exemption_rule', id, 'put' FROM exemption_rule
  WHERE document_id IN (SELECT id FROM sync_v3_mine);
UPDATE document_resolution SET hlc = (SELECT o.hlc FROM sync_outbox o
  WHERE o.tbl = 'document_resolution' AND o.row_id = document_resolution.id)
  WHERE document_id IN (SELECT id FROM sync_v3_mine);
UPDATE exemption_rule SET hlc = (SELECT o.hlc FROM sync_outbox o
  WHERE o.tbl = 'exemption_rule' AND o.row_id = exemption_rule.id)
  WHERE document_id IN (SELECT id FROM sync_v3_mine);
DROP TABLE sync_v3_mine;
