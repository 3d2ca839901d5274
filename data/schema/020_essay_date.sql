-- quantriet schema, version 20: an essay rule may be a fixed date.
--
-- essay_rule.kind 'date' says every essay of the plan is due by one day,
-- due_on (its last day, ISO, resolved from the plan's words as every
-- deadline is: docs/deadlines.md), whenever the member studied; 'days'
-- (due_days after the member's session) and 'none' (no essay) are as
-- before. PLAN_SQL_ESSAY_DUE in src/domain/plan_sql.h is the one place
-- that turns a rule into a member's due date.
--
-- SQLite cannot change a CHECK in place: the table is rebuilt with its
-- rows, clocks and columns in the same order (due_on last, as ALTER TABLE
-- would add it), through a temporary copy rather than a rename (a rename
-- parses every trigger of the schema again, and an old database's need
-- not all parse); then its sync triggers (002_sync.sql, 015_conflicts.sql)
-- and audit triggers (013_audit.sql, with due_on) are made again. The
-- copy fires no trigger: nothing is queued or audited by the upgrade.
CREATE TEMP TABLE essay_rule_old AS SELECT * FROM essay_rule;
DROP TABLE essay_rule;
CREATE TABLE essay_rule (
  document_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
  due_days    INTEGER NOT NULL DEFAULT 7 CHECK (due_days BETWEEN 0 AND 365),
  grader      TEXT NOT NULL DEFAULT '',
  hlc         INTEGER NOT NULL DEFAULT 0,
  kind        TEXT NOT NULL DEFAULT 'days' CHECK (kind IN ('days', 'none', 'date')),
  due_on      TEXT CHECK (due_on IS NULL OR
    due_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  CHECK ((kind = 'date') = (due_on IS NOT NULL))
);
INSERT INTO essay_rule(document_id, due_days, grader, hlc, kind, due_on)
  SELECT document_id, due_days, grader, hlc, kind, NULL FROM temp.essay_rule_old;
DROP TABLE temp.essay_rule_old;

CREATE TRIGGER sync_essay_rule_i AFTER INSERT ON essay_rule WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('essay_rule', NEW.document_id, 'put');
  UPDATE essay_rule SET hlc = (SELECT hlc FROM sync_clock) WHERE document_id = NEW.document_id; END;
CREATE TRIGGER sync_essay_rule_u AFTER UPDATE ON essay_rule WHEN NEW.hlc = OLD.hlc AND NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('essay_rule', NEW.document_id, 'put');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'essay_rule' AND row_id = OLD.document_id AND base IS NULL;
  UPDATE essay_rule SET hlc = (SELECT hlc FROM sync_clock) WHERE document_id = NEW.document_id; END;
CREATE TRIGGER sync_essay_rule_d AFTER DELETE ON essay_rule WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('essay_rule', OLD.document_id, 'del');
  UPDATE sync_outbox SET base = OLD.hlc
    WHERE tbl = 'essay_rule' AND row_id = OLD.document_id AND base IS NULL; END;

CREATE TRIGGER audit_essay_rule_i AFTER INSERT ON essay_rule BEGIN
  INSERT INTO audit_touch VALUES ('essay_rule', NEW.document_id, 'insert',
    coalesce((SELECT owner_unit_id FROM document WHERE id = NEW.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = NEW.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')), NULL); END;
CREATE TRIGGER audit_essay_rule_u AFTER UPDATE ON essay_rule BEGIN
  INSERT INTO audit_touch SELECT 'essay_rule', NEW.document_id, 'update',
    coalesce((SELECT owner_unit_id FROM document WHERE id = NEW.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = NEW.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')), c FROM (SELECT qt_changes('due_days', OLD.due_days, NEW.due_days,
    'grader', OLD.grader, NEW.grader,
    'kind', OLD.kind, NEW.kind,
    'due_on', OLD.due_on, NEW.due_on) AS c) WHERE c IS NOT NULL; END;
CREATE TRIGGER audit_essay_rule_d BEFORE DELETE ON essay_rule BEGIN
  INSERT INTO audit_touch VALUES ('essay_rule', OLD.document_id, 'delete',
    coalesce((SELECT owner_unit_id FROM document WHERE id = OLD.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = OLD.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')),
    qt_changes('due_days', OLD.due_days, NULL,
    'grader', OLD.grader, NULL,
    'kind', OLD.kind, NULL,
    'due_on', OLD.due_on, NULL)); END;
