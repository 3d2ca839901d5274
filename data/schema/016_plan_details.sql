-- quantriet schema, version 16: the rest of what a plan asks of each level,
-- and the action programme's progress.
--
-- Every new column is on a row that already travels (002_sync.sql), so a
-- province's plan reaches its communes whole with no new sync table.
--
-- plan_session: the other levels the item also applies to ("chi bộ, đảng
-- bộ cơ sở": codes of unit_kind, space-separated), the materials' ratio as
-- written ("03 đảng viên/01 cuốn": src/domain/plan_item.c computes copies
-- per unit from it), the length as written with its parts ("0,5 ngày
-- nghiên cứu + 0,5 ngày thảo luận": half_days stays the total), the start
-- time ("07:30") and the bridge points by name, one a line (bridge_points
-- stays their count).
ALTER TABLE plan_session ADD COLUMN also_levels TEXT NOT NULL DEFAULT '';
ALTER TABLE plan_session ADD COLUMN material_ratio TEXT NOT NULL DEFAULT '';
ALTER TABLE plan_session ADD COLUMN length_text TEXT NOT NULL DEFAULT '';
ALTER TABLE plan_session ADD COLUMN start_time TEXT NOT NULL DEFAULT ''
  CHECK (start_time = '' OR start_time GLOB '[0-2][0-9]:[0-5][0-9]');
ALTER TABLE plan_session ADD COLUMN bridge_names TEXT NOT NULL DEFAULT '';

-- document: every document it carries out or rests on, as written, one a
-- line ("Căn cứ Nghị quyết số 18-NQ/TW…", "Thực hiện Kế hoạch số
-- 04-KH/BTGTU…"); parent_id stays the one held in the database. The
-- action programme each committee drafts has its own deadline, as written
-- and as a last day (docs/deadlines.md).
ALTER TABLE document ADD COLUMN parents_text TEXT NOT NULL DEFAULT '';
ALTER TABLE document ADD COLUMN action_due TEXT
  CHECK (action_due IS NULL OR action_due GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
ALTER TABLE document ADD COLUMN action_due_text TEXT NOT NULL DEFAULT '';

-- action_item: where the task stands, and the day it was done; the yearly
-- review (reviewed_on) reads them.
ALTER TABLE action_item ADD COLUMN status TEXT NOT NULL DEFAULT 'pending'
  CHECK (status IN ('pending', 'doing', 'done'));
ALTER TABLE action_item ADD COLUMN done_on TEXT
  CHECK (done_on IS NULL OR done_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');

-- report_deadline: to whom the report goes ("Ban Tuyên giáo Huyện ủy") and
-- its deadline as written ("đợt 1 trước ngày 29-4-2021"); due_on stays
-- its last day.
ALTER TABLE report_deadline ADD COLUMN recipient TEXT NOT NULL DEFAULT '';
ALTER TABLE report_deadline ADD COLUMN due_text TEXT NOT NULL DEFAULT '';

-- The audit triggers of the four tables name every column
-- (docs/audit.md): re-created with contrib/gen-audit-sql.py's output.
DROP TRIGGER audit_document_i;
DROP TRIGGER audit_document_u;
DROP TRIGGER audit_document_d;
DROP TRIGGER audit_plan_session_i;
DROP TRIGGER audit_plan_session_u;
DROP TRIGGER audit_plan_session_d;
DROP TRIGGER audit_report_deadline_i;
DROP TRIGGER audit_report_deadline_u;
DROP TRIGGER audit_report_deadline_d;
DROP TRIGGER audit_action_item_i;
DROP TRIGGER audit_action_item_u;
DROP TRIGGER audit_action_item_d;

CREATE TRIGGER audit_document_i AFTER INSERT ON document BEGIN
  INSERT INTO audit_touch VALUES ('document', NEW.id, 'insert',
    NEW.owner_unit_id, NULL); END;
CREATE TRIGGER audit_document_u AFTER UPDATE ON document BEGIN
  INSERT INTO audit_touch SELECT 'document', NEW.id, 'update',
    NEW.owner_unit_id, c FROM (SELECT qt_changes('owner_unit_id', OLD.owner_unit_id, NEW.owner_unit_id,
    'number', OLD.number, NEW.number,
    'kind', OLD.kind, NEW.kind,
    'issuer', OLD.issuer, NEW.issuer,
    'place', OLD.place, NEW.place,
    'issued_on', OLD.issued_on, NEW.issued_on,
    'title', OLD.title, NEW.title,
    'parent_id', OLD.parent_id, NEW.parent_id,
    'purpose', OLD.purpose, NEW.purpose,
    'parents_text', OLD.parents_text, NEW.parents_text,
    'action_due', OLD.action_due, NEW.action_due,
    'action_due_text', OLD.action_due_text, NEW.action_due_text) AS c) WHERE c IS NOT NULL; END;
CREATE TRIGGER audit_document_d BEFORE DELETE ON document BEGIN
  INSERT INTO audit_touch VALUES ('document', OLD.id, 'delete',
    OLD.owner_unit_id,
    qt_changes('owner_unit_id', OLD.owner_unit_id, NULL,
    'number', OLD.number, NULL,
    'kind', OLD.kind, NULL,
    'issuer', OLD.issuer, NULL,
    'place', OLD.place, NULL,
    'issued_on', OLD.issued_on, NULL,
    'title', OLD.title, NULL,
    'parent_id', OLD.parent_id, NULL,
    'purpose', OLD.purpose, NULL,
    'parents_text', OLD.parents_text, NULL,
    'action_due', OLD.action_due, NULL,
    'action_due_text', OLD.action_due_text, NULL)); END;

CREATE TRIGGER audit_plan_session_i AFTER INSERT ON plan_session BEGIN
  INSERT INTO audit_touch VALUES ('plan_session', NEW.id, 'insert',
    coalesce((SELECT owner_unit_id FROM document WHERE id = NEW.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = NEW.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')), NULL); END;
CREATE TRIGGER audit_plan_session_u AFTER UPDATE ON plan_session BEGIN
  INSERT INTO audit_touch SELECT 'plan_session', NEW.id, 'update',
    coalesce((SELECT owner_unit_id FROM document WHERE id = NEW.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = NEW.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')), c FROM (SELECT qt_changes('document_id', OLD.document_id, NEW.document_id,
    'level', OLD.level, NEW.level,
    'ordinal', OLD.ordinal, NEW.ordinal,
    'title', OLD.title, NEW.title,
    'audience', OLD.audience, NEW.audience,
    'content', OLD.content, NEW.content,
    'materials', OLD.materials, NEW.materials,
    'presenter', OLD.presenter, NEW.presenter,
    'form', OLD.form, NEW.form,
    'bridge_points', OLD.bridge_points, NEW.bridge_points,
    'half_days', OLD.half_days, NEW.half_days,
    'deadline', OLD.deadline, NEW.deadline,
    'deadline_text', OLD.deadline_text, NEW.deadline_text,
    'also_levels', OLD.also_levels, NEW.also_levels,
    'material_ratio', OLD.material_ratio, NEW.material_ratio,
    'length_text', OLD.length_text, NEW.length_text,
    'start_time', OLD.start_time, NEW.start_time,
    'bridge_names', OLD.bridge_names, NEW.bridge_names) AS c) WHERE c IS NOT NULL; END;
CREATE TRIGGER audit_plan_session_d BEFORE DELETE ON plan_session BEGIN
  INSERT INTO audit_touch VALUES ('plan_session', OLD.id, 'delete',
    coalesce((SELECT owner_unit_id FROM document WHERE id = OLD.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = OLD.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')),
    qt_changes('document_id', OLD.document_id, NULL,
    'level', OLD.level, NULL,
    'ordinal', OLD.ordinal, NULL,
    'title', OLD.title, NULL,
    'audience', OLD.audience, NULL,
    'content', OLD.content, NULL,
    'materials', OLD.materials, NULL,
    'presenter', OLD.presenter, NULL,
    'form', OLD.form, NULL,
    'bridge_points', OLD.bridge_points, NULL,
    'half_days', OLD.half_days, NULL,
    'deadline', OLD.deadline, NULL,
    'deadline_text', OLD.deadline_text, NULL,
    'also_levels', OLD.also_levels, NULL,
    'material_ratio', OLD.material_ratio, NULL,
    'length_text', OLD.length_text, NULL,
    'start_time', OLD.start_time, NULL,
    'bridge_names', OLD.bridge_names, NULL)); END;

CREATE TRIGGER audit_report_deadline_i AFTER INSERT ON report_deadline BEGIN
  INSERT INTO audit_touch VALUES ('report_deadline', NEW.id, 'insert',
    coalesce((SELECT owner_unit_id FROM document WHERE id = NEW.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = NEW.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')), NULL); END;
CREATE TRIGGER audit_report_deadline_u AFTER UPDATE ON report_deadline BEGIN
  INSERT INTO audit_touch SELECT 'report_deadline', NEW.id, 'update',
    coalesce((SELECT owner_unit_id FROM document WHERE id = NEW.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = NEW.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')), c FROM (SELECT qt_changes('document_id', OLD.document_id, NEW.document_id,
    'round', OLD.round, NEW.round,
    'level', OLD.level, NEW.level,
    'due_on', OLD.due_on, NEW.due_on,
    'description', OLD.description, NEW.description,
    'recipient', OLD.recipient, NEW.recipient,
    'due_text', OLD.due_text, NEW.due_text) AS c) WHERE c IS NOT NULL; END;
CREATE TRIGGER audit_report_deadline_d BEFORE DELETE ON report_deadline BEGIN
  INSERT INTO audit_touch VALUES ('report_deadline', OLD.id, 'delete',
    coalesce((SELECT owner_unit_id FROM document WHERE id = OLD.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = OLD.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')),
    qt_changes('document_id', OLD.document_id, NULL,
    'round', OLD.round, NULL,
    'level', OLD.level, NULL,
    'due_on', OLD.due_on, NULL,
    'description', OLD.description, NULL,
    'recipient', OLD.recipient, NULL,
    'due_text', OLD.due_text, NULL)); END;

CREATE TRIGGER audit_action_item_i AFTER INSERT ON action_item BEGIN
  INSERT INTO audit_touch VALUES ('action_item', NEW.id, 'insert',
    NEW.unit_id, NULL); END;
CREATE TRIGGER audit_action_item_u AFTER UPDATE ON action_item BEGIN
  INSERT INTO audit_touch SELECT 'action_item', NEW.id, 'update',
    NEW.unit_id, c FROM (SELECT qt_changes('document_id', OLD.document_id, NEW.document_id,
    'unit_id', OLD.unit_id, NEW.unit_id,
    'task', OLD.task, NEW.task,
    'person', OLD.person, NEW.person,
    'schedule', OLD.schedule, NEW.schedule,
    'result', OLD.result, NEW.result,
    'responsibility', OLD.responsibility, NEW.responsibility,
    'due_on', OLD.due_on, NEW.due_on,
    'reviewed_on', OLD.reviewed_on, NEW.reviewed_on,
    'status', OLD.status, NEW.status,
    'done_on', OLD.done_on, NEW.done_on) AS c) WHERE c IS NOT NULL; END;
CREATE TRIGGER audit_action_item_d BEFORE DELETE ON action_item BEGIN
  INSERT INTO audit_touch VALUES ('action_item', OLD.id, 'delete',
    OLD.unit_id,
    qt_changes('document_id', OLD.document_id, NULL,
    'unit_id', OLD.unit_id, NULL,
    'task', OLD.task, NULL,
    'person', OLD.person, NULL,
    'schedule', OLD.schedule, NULL,
    'result', OLD.result, NULL,
    'responsibility', OLD.responsibility, NULL,
    'due_on', OLD.due_on, NULL,
    'reviewed_on', OLD.reviewed_on, NULL,
    'status', OLD.status, NULL,
    'done_on', OLD.done_on, NULL)); END;
