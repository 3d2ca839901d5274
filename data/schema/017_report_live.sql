-- quantriet schema, version 17: which units below a final report were
-- counted live.
--
-- A parent's report (a commune's) sums its children's reports: the
-- snapshot of each child whose report is in, the live count of each
-- child whose report is not (domain/report.h). Once the parent's report
-- is final its form must still say which children were counted live,
-- whatever they send afterwards: `live_units` keeps their names, one a
-- line, as the form prints them; "" when every child's report was in,
-- NULL for a draft or a report made final before version 17. It travels
-- with its row like every other column; the audit triggers of
-- tally_report are re-created to record it (contrib/gen-audit-sql.py's
-- output with this column).
ALTER TABLE tally_report ADD COLUMN live_units TEXT;

DROP TRIGGER audit_tally_report_i;
DROP TRIGGER audit_tally_report_u;
DROP TRIGGER audit_tally_report_d;
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
    'cutoff', OLD.cutoff, NEW.cutoff,
    'live_units', OLD.live_units, NEW.live_units) AS c) WHERE c IS NOT NULL; END;
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
    'cutoff', OLD.cutoff, NULL,
    'live_units', OLD.live_units, NULL)); END;
