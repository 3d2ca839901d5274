-- quantriet schema, version 23: the audit trail asks qt_owner() for the
-- unit owning a child row's parent.
--
-- The audit triggers of the rows that belong to a plan, a session or a
-- report (013_audit.sql) each named their owner with three subqueries:
-- the parent's unit, else the unit of the parent's latest audit row (it
-- is being deleted with its children), else the home unit. SQLite parses
-- every trigger at every open, even to read: those 21 copies were a tenth
-- of what a commune's `report tally` spent opening the file. qt_owner
-- (src/db.c) runs the same lookup, defined once. The triggers are
-- otherwise unchanged (contrib/gen-audit-sql.py writes them so).

DROP TRIGGER audit_document_resolution_i;
CREATE TRIGGER audit_document_resolution_i AFTER INSERT ON document_resolution BEGIN
  INSERT INTO audit_touch VALUES ('document_resolution', NEW.id, 'insert',
    qt_owner('document', NEW.document_id), NULL); END;

DROP TRIGGER audit_document_resolution_u;
CREATE TRIGGER audit_document_resolution_u AFTER UPDATE ON document_resolution BEGIN
  INSERT INTO audit_touch SELECT 'document_resolution', NEW.id, 'update',
    qt_owner('document', NEW.document_id), c FROM (SELECT qt_changes('document_id', OLD.document_id, NEW.document_id,
    'resolution_id', OLD.resolution_id, NEW.resolution_id) AS c) WHERE c IS NOT NULL; END;

DROP TRIGGER audit_document_resolution_d;
CREATE TRIGGER audit_document_resolution_d BEFORE DELETE ON document_resolution BEGIN
  INSERT INTO audit_touch VALUES ('document_resolution', OLD.id, 'delete',
    qt_owner('document', OLD.document_id),
    qt_changes('document_id', OLD.document_id, NULL,
    'resolution_id', OLD.resolution_id, NULL)); END;

DROP TRIGGER audit_exemption_rule_i;
CREATE TRIGGER audit_exemption_rule_i AFTER INSERT ON exemption_rule WHEN NEW.document_id IS NOT NULL BEGIN
  INSERT INTO audit_touch VALUES ('exemption_rule', NEW.id, 'insert',
    qt_owner('document', NEW.document_id), NULL); END;

DROP TRIGGER audit_exemption_rule_u;
CREATE TRIGGER audit_exemption_rule_u AFTER UPDATE ON exemption_rule WHEN NEW.document_id IS NOT NULL BEGIN
  INSERT INTO audit_touch SELECT 'exemption_rule', NEW.id, 'update',
    qt_owner('document', NEW.document_id), c FROM (SELECT qt_changes('document_id', OLD.document_id, NEW.document_id,
    'status', OLD.status, NEW.status,
    'must_write', OLD.must_write, NEW.must_write,
    'reason', OLD.reason, NEW.reason) AS c) WHERE c IS NOT NULL; END;

DROP TRIGGER audit_exemption_rule_d;
CREATE TRIGGER audit_exemption_rule_d BEFORE DELETE ON exemption_rule WHEN OLD.document_id IS NOT NULL BEGIN
  INSERT INTO audit_touch VALUES ('exemption_rule', OLD.id, 'delete',
    qt_owner('document', OLD.document_id),
    qt_changes('document_id', OLD.document_id, NULL,
    'status', OLD.status, NULL,
    'must_write', OLD.must_write, NULL,
    'reason', OLD.reason, NULL)); END;

DROP TRIGGER audit_attendance_i;
CREATE TRIGGER audit_attendance_i AFTER INSERT ON attendance BEGIN
  INSERT INTO audit_touch VALUES ('attendance', NEW.id, 'insert',
    qt_owner('session', NEW.session_id), NULL); END;

DROP TRIGGER audit_attendance_u;
CREATE TRIGGER audit_attendance_u AFTER UPDATE ON attendance BEGIN
  INSERT INTO audit_touch SELECT 'attendance', NEW.id, 'update',
    qt_owner('session', NEW.session_id), c FROM (SELECT qt_changes('session_id', OLD.session_id, NEW.session_id,
    'member_id', OLD.member_id, NEW.member_id,
    'status', OLD.status, NEW.status,
    'reason', OLD.reason, NEW.reason) AS c) WHERE c IS NOT NULL; END;

DROP TRIGGER audit_attendance_d;
CREATE TRIGGER audit_attendance_d BEFORE DELETE ON attendance BEGIN
  INSERT INTO audit_touch VALUES ('attendance', OLD.id, 'delete',
    qt_owner('session', OLD.session_id),
    qt_changes('session_id', OLD.session_id, NULL,
    'member_id', OLD.member_id, NULL,
    'status', OLD.status, NULL,
    'reason', OLD.reason, NULL)); END;

DROP TRIGGER audit_tally_event_i;
CREATE TRIGGER audit_tally_event_i AFTER INSERT ON tally_event BEGIN
  INSERT INTO audit_touch VALUES ('tally_event', NEW.id, 'insert',
    qt_owner('tally_report', NEW.report_id), NULL); END;

DROP TRIGGER audit_tally_event_u;
CREATE TRIGGER audit_tally_event_u AFTER UPDATE ON tally_event BEGIN
  INSERT INTO audit_touch SELECT 'tally_event', NEW.id, 'update',
    qt_owner('tally_report', NEW.report_id), c FROM (SELECT qt_changes('report_id', OLD.report_id, NEW.report_id,
    'at', OLD.at, NEW.at,
    'action', OLD.action, NEW.action,
    'who', OLD.who, NEW.who,
    'reason', OLD.reason, NEW.reason) AS c) WHERE c IS NOT NULL; END;

DROP TRIGGER audit_tally_event_d;
CREATE TRIGGER audit_tally_event_d BEFORE DELETE ON tally_event BEGIN
  INSERT INTO audit_touch VALUES ('tally_event', OLD.id, 'delete',
    qt_owner('tally_report', OLD.report_id),
    qt_changes('report_id', OLD.report_id, NULL,
    'at', OLD.at, NULL,
    'action', OLD.action, NULL,
    'who', OLD.who, NULL,
    'reason', OLD.reason, NULL)); END;

DROP TRIGGER audit_plan_session_i;
CREATE TRIGGER audit_plan_session_i AFTER INSERT ON plan_session BEGIN
  INSERT INTO audit_touch VALUES ('plan_session', NEW.id, 'insert',
    qt_owner('document', NEW.document_id), NULL); END;

DROP TRIGGER audit_plan_session_u;
CREATE TRIGGER audit_plan_session_u AFTER UPDATE ON plan_session BEGIN
  INSERT INTO audit_touch SELECT 'plan_session', NEW.id, 'update',
    qt_owner('document', NEW.document_id), c FROM (SELECT qt_changes('document_id', OLD.document_id, NEW.document_id,
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

DROP TRIGGER audit_plan_session_d;
CREATE TRIGGER audit_plan_session_d BEFORE DELETE ON plan_session BEGIN
  INSERT INTO audit_touch VALUES ('plan_session', OLD.id, 'delete',
    qt_owner('document', OLD.document_id),
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

DROP TRIGGER audit_report_deadline_i;
CREATE TRIGGER audit_report_deadline_i AFTER INSERT ON report_deadline BEGIN
  INSERT INTO audit_touch VALUES ('report_deadline', NEW.id, 'insert',
    qt_owner('document', NEW.document_id), NULL); END;

DROP TRIGGER audit_report_deadline_u;
CREATE TRIGGER audit_report_deadline_u AFTER UPDATE ON report_deadline BEGIN
  INSERT INTO audit_touch SELECT 'report_deadline', NEW.id, 'update',
    qt_owner('document', NEW.document_id), c FROM (SELECT qt_changes('document_id', OLD.document_id, NEW.document_id,
    'round', OLD.round, NEW.round,
    'level', OLD.level, NEW.level,
    'due_on', OLD.due_on, NEW.due_on,
    'description', OLD.description, NEW.description,
    'recipient', OLD.recipient, NEW.recipient,
    'due_text', OLD.due_text, NEW.due_text) AS c) WHERE c IS NOT NULL; END;

DROP TRIGGER audit_report_deadline_d;
CREATE TRIGGER audit_report_deadline_d BEFORE DELETE ON report_deadline BEGIN
  INSERT INTO audit_touch VALUES ('report_deadline', OLD.id, 'delete',
    qt_owner('document', OLD.document_id),
    qt_changes('document_id', OLD.document_id, NULL,
    'round', OLD.round, NULL,
    'level', OLD.level, NULL,
    'due_on', OLD.due_on, NULL,
    'description', OLD.description, NULL,
    'recipient', OLD.recipient, NULL,
    'due_text', OLD.due_text, NULL)); END;

DROP TRIGGER audit_essay_rule_i;
CREATE TRIGGER audit_essay_rule_i AFTER INSERT ON essay_rule BEGIN
  INSERT INTO audit_touch VALUES ('essay_rule', NEW.document_id, 'insert',
    qt_owner('document', NEW.document_id), NULL); END;

DROP TRIGGER audit_essay_rule_u;
CREATE TRIGGER audit_essay_rule_u AFTER UPDATE ON essay_rule BEGIN
  INSERT INTO audit_touch SELECT 'essay_rule', NEW.document_id, 'update',
    qt_owner('document', NEW.document_id), c FROM (SELECT qt_changes('due_days', OLD.due_days, NEW.due_days,
    'grader', OLD.grader, NEW.grader,
    'kind', OLD.kind, NEW.kind,
    'due_on', OLD.due_on, NEW.due_on) AS c) WHERE c IS NOT NULL; END;

DROP TRIGGER audit_essay_rule_d;
CREATE TRIGGER audit_essay_rule_d BEFORE DELETE ON essay_rule BEGIN
  INSERT INTO audit_touch VALUES ('essay_rule', OLD.document_id, 'delete',
    qt_owner('document', OLD.document_id),
    qt_changes('due_days', OLD.due_days, NULL,
    'grader', OLD.grader, NULL,
    'kind', OLD.kind, NULL,
    'due_on', OLD.due_on, NULL)); END;
