-- quantriet schema, version 13: who changed what (the audit trail).
--
-- Every insert, update and delete of a synced row adds a row to audit,
-- made by the triggers below whoever writes (interface, command line,
-- import, sync, the server), so no write can skip it. docs/audit.md
-- explains it.
--
-- * actor is qt_actor(), set per connection by src/db.c: 'user:NAME' (the
--   Unix user), 'device:N' (the server applying device N's push) or
--   'server' (a PC applying what it pulled).
-- * changes holds only what changed, compactly, as the JSON object
--   {"column":[old,new],...} made by qt_changes(): an update its changed
--   columns, a delete the values the row had (its NULLs left out), an
--   insert nothing (the values it was made with are the row's current
--   ones undone by its later updates). The clock and the columns each
--   database derives (name_fold, name_sort) are never recorded.
-- * unit_id is the unit owning the row described, when it was written:
--   an audit row travels to the province with the data it describes
--   (it is synced, owned by that unit; src/server/scope.c), and
--   `quantriet audit --unit` selects by it.
-- * The column names stay clear of the sync record's own fields (t, op).
-- * Append-only: an audit row is never changed (but for the clock sync
--   stamps on it) nor deleted.

CREATE TABLE audit (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL CHECK (at GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9] *'),
  actor   TEXT NOT NULL,
  tbl     TEXT NOT NULL,
  row_id  INTEGER NOT NULL,
  kind    TEXT NOT NULL CHECK (kind IN ('insert', 'update', 'delete')),
  unit_id INTEGER,
  changes TEXT NOT NULL DEFAULT '',
  hlc     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX audit_by_row ON audit(tbl, row_id, at);
CREATE INDEX audit_by_at ON audit(at);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR
    NEW.actor IS NOT OLD.actor OR NEW.tbl IS NOT OLD.tbl OR
    NEW.row_id IS NOT OLD.row_id OR NEW.kind IS NOT OLD.kind OR
    NEW.unit_id IS NOT OLD.unit_id OR NEW.changes IS NOT OLD.changes BEGIN
  SELECT RAISE(ABORT, 'Nhật ký thay đổi không được sửa'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
  SELECT RAISE(ABORT, 'Nhật ký thay đổi không được xóa'); END;

-- Travels like every synced row (the triggers of 002_sync.sql).
CREATE TRIGGER sync_audit_i AFTER INSERT ON audit WHEN NOT EXISTS (SELECT 1 FROM sync_mute) BEGIN
  INSERT INTO sync_touch VALUES ('audit', NEW.id, 'put');
  UPDATE audit SET hlc = (SELECT hlc FROM sync_clock) WHERE id = NEW.id; END;

-- Stamps who and when on what a table's trigger records.
CREATE VIEW audit_touch(tbl, row_id, kind, unit_id, changes) AS
  SELECT NULL, NULL, NULL, NULL, NULL;
CREATE TRIGGER audit_touch_i INSTEAD OF INSERT ON audit_touch BEGIN
  INSERT INTO audit(id, at, actor, tbl, row_id, kind, unit_id, changes)
    VALUES (qt_new_id(), strftime('%Y-%m-%d %H:%M:%f', 'now'), qt_actor(),
      NEW.tbl, NEW.row_id, NEW.kind, NEW.unit_id, coalesce(NEW.changes, ''));
END;

-- Per synced table, made by contrib/gen-audit-sql.py: inserts and updates
-- after the write, deletes before it (a row whose deletion cascades to
-- its children is recorded first, so theirs can name its owner).
CREATE TRIGGER audit_unit_i AFTER INSERT ON unit BEGIN
  INSERT INTO audit_touch VALUES ('unit', NEW.id, 'insert',
    NEW.id, NULL); END;
CREATE TRIGGER audit_unit_u AFTER UPDATE ON unit BEGIN
  INSERT INTO audit_touch SELECT 'unit', NEW.id, 'update',
    NEW.id, c FROM (SELECT qt_changes('parent_id', OLD.parent_id, NEW.parent_id,
    'kind', OLD.kind, NEW.kind,
    'code', OLD.code, NEW.code,
    'name', OLD.name, NEW.name,
    'secretary', OLD.secretary, NEW.secretary) AS c) WHERE c IS NOT NULL; END;
CREATE TRIGGER audit_unit_d BEFORE DELETE ON unit BEGIN
  INSERT INTO audit_touch VALUES ('unit', OLD.id, 'delete',
    OLD.id,
    qt_changes('parent_id', OLD.parent_id, NULL,
    'kind', OLD.kind, NULL,
    'code', OLD.code, NULL,
    'name', OLD.name, NULL,
    'secretary', OLD.secretary, NULL)); END;

CREATE TRIGGER audit_resolution_i AFTER INSERT ON resolution BEGIN
  INSERT INTO audit_touch VALUES ('resolution', NEW.id, 'insert',
    (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id'), NULL); END;
CREATE TRIGGER audit_resolution_u AFTER UPDATE ON resolution BEGIN
  INSERT INTO audit_touch SELECT 'resolution', NEW.id, 'update',
    (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id'), c FROM (SELECT qt_changes('code', OLD.code, NEW.code,
    'title', OLD.title, NEW.title,
    'issued_on', OLD.issued_on, NEW.issued_on) AS c) WHERE c IS NOT NULL; END;
CREATE TRIGGER audit_resolution_d BEFORE DELETE ON resolution BEGIN
  INSERT INTO audit_touch VALUES ('resolution', OLD.id, 'delete',
    (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id'),
    qt_changes('code', OLD.code, NULL,
    'title', OLD.title, NULL,
    'issued_on', OLD.issued_on, NULL)); END;

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
    'purpose', OLD.purpose, NEW.purpose) AS c) WHERE c IS NOT NULL; END;
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
    'purpose', OLD.purpose, NULL)); END;

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
    'deadline_text', OLD.deadline_text, NEW.deadline_text) AS c) WHERE c IS NOT NULL; END;
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
    'deadline_text', OLD.deadline_text, NULL)); END;

CREATE TRIGGER audit_essay_rule_i AFTER INSERT ON essay_rule BEGIN
  INSERT INTO audit_touch VALUES ('essay_rule', NEW.document_id, 'insert',
    coalesce((SELECT owner_unit_id FROM document WHERE id = NEW.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = NEW.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')), NULL); END;
CREATE TRIGGER audit_essay_rule_u AFTER UPDATE ON essay_rule BEGIN
  INSERT INTO audit_touch SELECT 'essay_rule', NEW.document_id, 'update',
    coalesce((SELECT owner_unit_id FROM document WHERE id = NEW.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = NEW.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')), c FROM (SELECT qt_changes('due_days', OLD.due_days, NEW.due_days,
    'grader', OLD.grader, NEW.grader,
    'kind', OLD.kind, NEW.kind) AS c) WHERE c IS NOT NULL; END;
CREATE TRIGGER audit_essay_rule_d BEFORE DELETE ON essay_rule BEGIN
  INSERT INTO audit_touch VALUES ('essay_rule', OLD.document_id, 'delete',
    coalesce((SELECT owner_unit_id FROM document WHERE id = OLD.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = OLD.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')),
    qt_changes('due_days', OLD.due_days, NULL,
    'grader', OLD.grader, NULL,
    'kind', OLD.kind, NULL)); END;

CREATE TRIGGER audit_document_resolution_i AFTER INSERT ON document_resolution BEGIN
  INSERT INTO audit_touch VALUES ('document_resolution', NEW.id, 'insert',
    coalesce((SELECT owner_unit_id FROM document WHERE id = NEW.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = NEW.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')), NULL); END;
CREATE TRIGGER audit_document_resolution_u AFTER UPDATE ON document_resolution BEGIN
  INSERT INTO audit_touch SELECT 'document_resolution', NEW.id, 'update',
    coalesce((SELECT owner_unit_id FROM document WHERE id = NEW.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = NEW.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')), c FROM (SELECT qt_changes('document_id', OLD.document_id, NEW.document_id,
    'resolution_id', OLD.resolution_id, NEW.resolution_id) AS c) WHERE c IS NOT NULL; END;
CREATE TRIGGER audit_document_resolution_d BEFORE DELETE ON document_resolution BEGIN
  INSERT INTO audit_touch VALUES ('document_resolution', OLD.id, 'delete',
    coalesce((SELECT owner_unit_id FROM document WHERE id = OLD.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = OLD.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')),
    qt_changes('document_id', OLD.document_id, NULL,
    'resolution_id', OLD.resolution_id, NULL)); END;

CREATE TRIGGER audit_exemption_rule_i AFTER INSERT ON exemption_rule WHEN NEW.document_id IS NOT NULL BEGIN
  INSERT INTO audit_touch VALUES ('exemption_rule', NEW.id, 'insert',
    coalesce((SELECT owner_unit_id FROM document WHERE id = NEW.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = NEW.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')), NULL); END;
CREATE TRIGGER audit_exemption_rule_u AFTER UPDATE ON exemption_rule WHEN NEW.document_id IS NOT NULL BEGIN
  INSERT INTO audit_touch SELECT 'exemption_rule', NEW.id, 'update',
    coalesce((SELECT owner_unit_id FROM document WHERE id = NEW.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = NEW.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')), c FROM (SELECT qt_changes('document_id', OLD.document_id, NEW.document_id,
    'status', OLD.status, NEW.status,
    'must_write', OLD.must_write, NEW.must_write,
    'reason', OLD.reason, NEW.reason) AS c) WHERE c IS NOT NULL; END;
CREATE TRIGGER audit_exemption_rule_d BEFORE DELETE ON exemption_rule WHEN OLD.document_id IS NOT NULL BEGIN
  INSERT INTO audit_touch VALUES ('exemption_rule', OLD.id, 'delete',
    coalesce((SELECT owner_unit_id FROM document WHERE id = OLD.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = OLD.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')),
    qt_changes('document_id', OLD.document_id, NULL,
    'status', OLD.status, NULL,
    'must_write', OLD.must_write, NULL,
    'reason', OLD.reason, NULL)); END;

CREATE TRIGGER audit_report_deadline_i AFTER INSERT ON report_deadline BEGIN
  INSERT INTO audit_touch VALUES ('report_deadline', NEW.id, 'insert',
    coalesce((SELECT owner_unit_id FROM document WHERE id = NEW.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = NEW.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')), NULL); END;
CREATE TRIGGER audit_report_deadline_u AFTER UPDATE ON report_deadline BEGIN
  INSERT INTO audit_touch SELECT 'report_deadline', NEW.id, 'update',
    coalesce((SELECT owner_unit_id FROM document WHERE id = NEW.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = NEW.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')), c FROM (SELECT qt_changes('document_id', OLD.document_id, NEW.document_id,
    'round', OLD.round, NEW.round,
    'level', OLD.level, NEW.level,
    'due_on', OLD.due_on, NEW.due_on,
    'description', OLD.description, NEW.description) AS c) WHERE c IS NOT NULL; END;
CREATE TRIGGER audit_report_deadline_d BEFORE DELETE ON report_deadline BEGIN
  INSERT INTO audit_touch VALUES ('report_deadline', OLD.id, 'delete',
    coalesce((SELECT owner_unit_id FROM document WHERE id = OLD.document_id), (SELECT unit_id FROM audit WHERE tbl = 'document' AND row_id = OLD.document_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')),
    qt_changes('document_id', OLD.document_id, NULL,
    'round', OLD.round, NULL,
    'level', OLD.level, NULL,
    'due_on', OLD.due_on, NULL,
    'description', OLD.description, NULL)); END;

CREATE TRIGGER audit_member_i AFTER INSERT ON member BEGIN
  INSERT INTO audit_touch VALUES ('member', NEW.id, 'insert',
    NEW.unit_id, NULL); END;
CREATE TRIGGER audit_member_u AFTER UPDATE ON member BEGIN
  INSERT INTO audit_touch SELECT 'member', NEW.id, 'update',
    NEW.unit_id, c FROM (SELECT qt_changes('unit_id', OLD.unit_id, NEW.unit_id,
    'full_name', OLD.full_name, NEW.full_name,
    'position', OLD.position, NEW.position,
    'status', OLD.status, NEW.status,
    'birth_year', OLD.birth_year, NEW.birth_year) AS c) WHERE c IS NOT NULL; END;
CREATE TRIGGER audit_member_d BEFORE DELETE ON member BEGIN
  INSERT INTO audit_touch VALUES ('member', OLD.id, 'delete',
    OLD.unit_id,
    qt_changes('unit_id', OLD.unit_id, NULL,
    'full_name', OLD.full_name, NULL,
    'position', OLD.position, NULL,
    'status', OLD.status, NULL,
    'birth_year', OLD.birth_year, NULL)); END;

CREATE TRIGGER audit_session_i AFTER INSERT ON session BEGIN
  INSERT INTO audit_touch VALUES ('session', NEW.id, 'insert',
    NEW.unit_id, NULL); END;
CREATE TRIGGER audit_session_u AFTER UPDATE ON session BEGIN
  INSERT INTO audit_touch SELECT 'session', NEW.id, 'update',
    NEW.unit_id, c FROM (SELECT qt_changes('document_id', OLD.document_id, NEW.document_id,
    'plan_session_id', OLD.plan_session_id, NEW.plan_session_id,
    'unit_id', OLD.unit_id, NEW.unit_id,
    'title', OLD.title, NEW.title,
    'held_on', OLD.held_on, NEW.held_on,
    'place', OLD.place, NEW.place,
    'form', OLD.form, NEW.form,
    'bridge_point', OLD.bridge_point, NEW.bridge_point,
    'presenter', OLD.presenter, NEW.presenter,
    'half_days', OLD.half_days, NEW.half_days,
    'makeup_of', OLD.makeup_of, NEW.makeup_of,
    'status', OLD.status, NEW.status) AS c) WHERE c IS NOT NULL; END;
CREATE TRIGGER audit_session_d BEFORE DELETE ON session BEGIN
  INSERT INTO audit_touch VALUES ('session', OLD.id, 'delete',
    OLD.unit_id,
    qt_changes('document_id', OLD.document_id, NULL,
    'plan_session_id', OLD.plan_session_id, NULL,
    'unit_id', OLD.unit_id, NULL,
    'title', OLD.title, NULL,
    'held_on', OLD.held_on, NULL,
    'place', OLD.place, NULL,
    'form', OLD.form, NULL,
    'bridge_point', OLD.bridge_point, NULL,
    'presenter', OLD.presenter, NULL,
    'half_days', OLD.half_days, NULL,
    'makeup_of', OLD.makeup_of, NULL,
    'status', OLD.status, NULL)); END;

CREATE TRIGGER audit_attendance_i AFTER INSERT ON attendance BEGIN
  INSERT INTO audit_touch VALUES ('attendance', NEW.id, 'insert',
    coalesce((SELECT unit_id FROM session WHERE id = NEW.session_id), (SELECT unit_id FROM audit WHERE tbl = 'session' AND row_id = NEW.session_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')), NULL); END;
CREATE TRIGGER audit_attendance_u AFTER UPDATE ON attendance BEGIN
  INSERT INTO audit_touch SELECT 'attendance', NEW.id, 'update',
    coalesce((SELECT unit_id FROM session WHERE id = NEW.session_id), (SELECT unit_id FROM audit WHERE tbl = 'session' AND row_id = NEW.session_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')), c FROM (SELECT qt_changes('session_id', OLD.session_id, NEW.session_id,
    'member_id', OLD.member_id, NEW.member_id,
    'status', OLD.status, NEW.status,
    'reason', OLD.reason, NEW.reason) AS c) WHERE c IS NOT NULL; END;
CREATE TRIGGER audit_attendance_d BEFORE DELETE ON attendance BEGIN
  INSERT INTO audit_touch VALUES ('attendance', OLD.id, 'delete',
    coalesce((SELECT unit_id FROM session WHERE id = OLD.session_id), (SELECT unit_id FROM audit WHERE tbl = 'session' AND row_id = OLD.session_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')),
    qt_changes('session_id', OLD.session_id, NULL,
    'member_id', OLD.member_id, NULL,
    'status', OLD.status, NULL,
    'reason', OLD.reason, NULL)); END;

CREATE TRIGGER audit_essay_i AFTER INSERT ON essay BEGIN
  INSERT INTO audit_touch VALUES ('essay', NEW.id, 'insert',
    (SELECT unit_id FROM member WHERE id = NEW.member_id), NULL); END;
CREATE TRIGGER audit_essay_u AFTER UPDATE ON essay BEGIN
  INSERT INTO audit_touch SELECT 'essay', NEW.id, 'update',
    (SELECT unit_id FROM member WHERE id = NEW.member_id), c FROM (SELECT qt_changes('document_id', OLD.document_id, NEW.document_id,
    'member_id', OLD.member_id, NEW.member_id,
    'due_on', OLD.due_on, NEW.due_on,
    'submitted_on', OLD.submitted_on, NEW.submitted_on,
    'grade', OLD.grade, NEW.grade,
    'awareness', OLD.awareness, NEW.awareness,
    'duties', OLD.duties, NEW.duties,
    'proposals', OLD.proposals, NEW.proposals) AS c) WHERE c IS NOT NULL; END;
CREATE TRIGGER audit_essay_d BEFORE DELETE ON essay BEGIN
  INSERT INTO audit_touch VALUES ('essay', OLD.id, 'delete',
    (SELECT unit_id FROM member WHERE id = OLD.member_id),
    qt_changes('document_id', OLD.document_id, NULL,
    'member_id', OLD.member_id, NULL,
    'due_on', OLD.due_on, NULL,
    'submitted_on', OLD.submitted_on, NULL,
    'grade', OLD.grade, NULL,
    'awareness', OLD.awareness, NULL,
    'duties', OLD.duties, NULL,
    'proposals', OLD.proposals, NULL)); END;

CREATE TRIGGER audit_tally_report_i AFTER INSERT ON tally_report BEGIN
  INSERT INTO audit_touch VALUES ('tally_report', NEW.id, 'insert',
    NEW.unit_id, NULL); END;
CREATE TRIGGER audit_tally_report_u AFTER UPDATE ON tally_report BEGIN
  INSERT INTO audit_touch SELECT 'tally_report', NEW.id, 'update',
    NEW.unit_id, c FROM (SELECT qt_changes('document_id', OLD.document_id, NEW.document_id,
    'unit_id', OLD.unit_id, NEW.unit_id,
    'round', OLD.round, NEW.round,
    'assessment', OLD.assessment, NEW.assessment,
    'proposals', OLD.proposals, NEW.proposals,
    'signer', OLD.signer, NEW.signer,
    'status', OLD.status, NEW.status,
    'finalized_on', OLD.finalized_on, NEW.finalized_on,
    'total_members', OLD.total_members, NEW.total_members,
    'participated', OLD.participated, NEW.participated,
    'wrote', OLD.wrote, NEW.wrote,
    'exempt', OLD.exempt, NEW.exempt,
    'reasons', OLD.reasons, NEW.reasons,
    'must_write', OLD.must_write, NEW.must_write,
    'missing', OLD.missing, NEW.missing,
    'late', OLD.late, NEW.late,
    'guests_present', OLD.guests_present, NEW.guests_present,
    'cutoff', OLD.cutoff, NEW.cutoff) AS c) WHERE c IS NOT NULL; END;
CREATE TRIGGER audit_tally_report_d BEFORE DELETE ON tally_report BEGIN
  INSERT INTO audit_touch VALUES ('tally_report', OLD.id, 'delete',
    OLD.unit_id,
    qt_changes('document_id', OLD.document_id, NULL,
    'unit_id', OLD.unit_id, NULL,
    'round', OLD.round, NULL,
    'assessment', OLD.assessment, NULL,
    'proposals', OLD.proposals, NULL,
    'signer', OLD.signer, NULL,
    'status', OLD.status, NULL,
    'finalized_on', OLD.finalized_on, NULL,
    'total_members', OLD.total_members, NULL,
    'participated', OLD.participated, NULL,
    'wrote', OLD.wrote, NULL,
    'exempt', OLD.exempt, NULL,
    'reasons', OLD.reasons, NULL,
    'must_write', OLD.must_write, NULL,
    'missing', OLD.missing, NULL,
    'late', OLD.late, NULL,
    'guests_present', OLD.guests_present, NULL,
    'cutoff', OLD.cutoff, NULL)); END;

CREATE TRIGGER audit_tally_event_i AFTER INSERT ON tally_event BEGIN
  INSERT INTO audit_touch VALUES ('tally_event', NEW.id, 'insert',
    coalesce((SELECT unit_id FROM tally_report WHERE id = NEW.report_id), (SELECT unit_id FROM audit WHERE tbl = 'tally_report' AND row_id = NEW.report_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')), NULL); END;
CREATE TRIGGER audit_tally_event_u AFTER UPDATE ON tally_event BEGIN
  INSERT INTO audit_touch SELECT 'tally_event', NEW.id, 'update',
    coalesce((SELECT unit_id FROM tally_report WHERE id = NEW.report_id), (SELECT unit_id FROM audit WHERE tbl = 'tally_report' AND row_id = NEW.report_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')), c FROM (SELECT qt_changes('report_id', OLD.report_id, NEW.report_id,
    'at', OLD.at, NEW.at,
    'action', OLD.action, NEW.action,
    'who', OLD.who, NEW.who,
    'reason', OLD.reason, NEW.reason) AS c) WHERE c IS NOT NULL; END;
CREATE TRIGGER audit_tally_event_d BEFORE DELETE ON tally_event BEGIN
  INSERT INTO audit_touch VALUES ('tally_event', OLD.id, 'delete',
    coalesce((SELECT unit_id FROM tally_report WHERE id = OLD.report_id), (SELECT unit_id FROM audit WHERE tbl = 'tally_report' AND row_id = OLD.report_id ORDER BY at DESC LIMIT 1), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'home_unit_id')),
    qt_changes('report_id', OLD.report_id, NULL,
    'at', OLD.at, NULL,
    'action', OLD.action, NULL,
    'who', OLD.who, NULL,
    'reason', OLD.reason, NULL)); END;

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
    'reviewed_on', OLD.reviewed_on, NEW.reviewed_on) AS c) WHERE c IS NOT NULL; END;
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
    'reviewed_on', OLD.reviewed_on, NULL)); END;

