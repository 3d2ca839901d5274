-- quantriet schema, version 14: the tally's counters, kept by triggers.
--
-- Counting a province's tally from the rows reads every member, every
-- attendance and every essay (minutes at 500,000 members). The answer is
-- kept instead, up to date in the same transaction as every write, by
-- triggers, so nothing skips them: the screens, the command line and the
-- rows sync applies alike. docs/storage.md ("The tally's counters") has
-- the design; src/domain/tally.c reads them, src/domain/counters.c checks
-- and rebuilds them from the views below.
--
-- Nothing here depends on "today" or a round's cutoff: each member's
-- first day of taking part and first day of handing in an essay are kept,
-- and the tally sums the members whose day is on or before its cutoff.
--
-- tally_mute, like sync_mute, stops the triggers while the counters are
-- rebuilt whole (and while the province generator loads): whoever sets it
-- rebuilds the counters in the same transaction.
CREATE TABLE tally_mute (
  one INTEGER PRIMARY KEY CHECK (one = 1)
);

-- Every plan paired with itself and each plan above it.
CREATE TABLE tally_plan_tree (
  plan_id     INTEGER NOT NULL,
  ancestor_id INTEGER NOT NULL,
  PRIMARY KEY (plan_id, ancestor_id)
) WITHOUT ROWID;

-- Per member and plan (counting the plans below it), the day of the first
-- held session the member attended or self-studied, and of the first
-- essay handed in; a row only while one of them is known. unit_id and
-- status are the member's, copied so the counters can follow a move.
CREATE TABLE tally_fact (
  member_id INTEGER NOT NULL,
  plan_id   INTEGER NOT NULL,
  unit_id   INTEGER NOT NULL,
  status    TEXT NOT NULL,
  took_on   TEXT,
  wrote_on  TEXT,
  PRIMARY KEY (member_id, plan_id)
) WITHOUT ROWID;

-- tally_fact counted per plan, unit, status and the two days ('9999-12-31'
-- for none: it is after every cutoff, and a key cannot be NULL).
CREATE TABLE tally_counter (
  plan_id  INTEGER NOT NULL,
  unit_id  INTEGER NOT NULL,
  status   TEXT NOT NULL,
  took_on  TEXT NOT NULL,
  wrote_on TEXT NOT NULL,
  n        INTEGER NOT NULL,
  PRIMARY KEY (plan_id, unit_id, status, took_on, wrote_on)
) WITHOUT ROWID;

-- Members per unit and status (those with no tally_fact of a plan are the
-- difference).
CREATE TABLE tally_members (
  unit_id INTEGER NOT NULL,
  status  TEXT NOT NULL,
  n       INTEGER NOT NULL,
  PRIMARY KEY (unit_id, status)
) WITHOUT ROWID;

-- What the tables above hold, recounted from the rows: check compares,
-- the rebuild copies (src/domain/counters.c).
CREATE VIEW tally_plan_closure(plan_id, ancestor_id) AS
  WITH RECURSIVE t(plan_id, ancestor_id) AS (
    SELECT id, id FROM document
    UNION SELECT d.id, t.ancestor_id FROM t JOIN document d ON d.parent_id = t.plan_id)
  SELECT plan_id, ancestor_id FROM t;

CREATE VIEW tally_recount_fact(member_id, plan_id, unit_id, status, took_on, wrote_on) AS
  SELECT x.member_id, x.plan_id, m.unit_id, m.status, min(x.took), min(x.wrote)
  FROM (SELECT a.member_id, t.ancestor_id AS plan_id, se.held_on AS took,
      NULL AS wrote FROM attendance a
    JOIN session se ON se.id = a.session_id
    JOIN tally_plan_closure t ON t.plan_id = se.document_id
    WHERE a.status IN ('present', 'self_study') AND se.status = 'held'
    UNION ALL SELECT e.member_id, t.ancestor_id, NULL, e.submitted_on FROM essay e
    JOIN tally_plan_closure t ON t.plan_id = e.document_id
    WHERE e.submitted_on IS NOT NULL) x
  JOIN member m ON m.id = x.member_id
  GROUP BY x.member_id, x.plan_id;

-- The counters tally_fact makes.
CREATE VIEW tally_counted(plan_id, unit_id, status, took_on, wrote_on, n) AS
  SELECT plan_id, unit_id, status, coalesce(took_on, '9999-12-31'),
    coalesce(wrote_on, '9999-12-31'), count(*)
  FROM tally_fact GROUP BY 1, 2, 3, 4, 5;

CREATE VIEW tally_recount_members(unit_id, status, n) AS
  SELECT unit_id, status, count(*) FROM member GROUP BY unit_id, status;

-- Inserting (member, plan) recomputes that member's facts for the plan
-- and every plan above it, from the member's own rows.
CREATE VIEW tally_refresh(member_id, document_id) AS SELECT NULL, NULL WHERE 0;
CREATE TRIGGER tally_refresh_i INSTEAD OF INSERT ON tally_refresh BEGIN
  INSERT INTO tally_fact(member_id, plan_id, unit_id, status, took_on, wrote_on)
    SELECT m.id, t.ancestor_id, m.unit_id, m.status,
      (SELECT min(se.held_on) FROM attendance a
        JOIN session se ON se.id = a.session_id
        JOIN tally_plan_tree p ON p.plan_id = se.document_id
          AND p.ancestor_id = t.ancestor_id
        WHERE a.member_id = m.id AND a.status IN ('present', 'self_study')
        AND se.status = 'held'),
      (SELECT min(e.submitted_on) FROM essay e
        JOIN tally_plan_tree p ON p.plan_id = e.document_id
          AND p.ancestor_id = t.ancestor_id
        WHERE e.member_id = m.id)
    FROM tally_plan_tree t JOIN member m ON m.id = NEW.member_id
    WHERE t.plan_id = NEW.document_id
    ON CONFLICT (member_id, plan_id) DO UPDATE
      SET took_on = excluded.took_on, wrote_on = excluded.wrote_on
      WHERE took_on IS NOT excluded.took_on OR wrote_on IS NOT excluded.wrote_on;
  DELETE FROM tally_fact WHERE member_id = NEW.member_id
    AND took_on IS NULL AND wrote_on IS NULL;
END;

-- The counters follow the facts: inserting (key, delta) adds delta to the
-- counter of key, and a counter that comes to 0 goes.
CREATE VIEW tally_count(plan_id, unit_id, status, took_on, wrote_on, delta) AS
  SELECT NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;
CREATE TRIGGER tally_count_i INSTEAD OF INSERT ON tally_count BEGIN
  INSERT INTO tally_counter VALUES (NEW.plan_id, NEW.unit_id, NEW.status,
    coalesce(NEW.took_on, '9999-12-31'), coalesce(NEW.wrote_on, '9999-12-31'),
    NEW.delta) ON CONFLICT DO UPDATE SET n = n + excluded.n;
  DELETE FROM tally_counter WHERE plan_id = NEW.plan_id
    AND unit_id = NEW.unit_id AND status = NEW.status
    AND took_on = coalesce(NEW.took_on, '9999-12-31')
    AND wrote_on = coalesce(NEW.wrote_on, '9999-12-31') AND n = 0;
END;
CREATE TRIGGER tally_fact_i AFTER INSERT ON tally_fact
WHEN NOT EXISTS (SELECT 1 FROM tally_mute) BEGIN
  INSERT INTO tally_count VALUES (NEW.plan_id, NEW.unit_id, NEW.status,
    NEW.took_on, NEW.wrote_on, 1);
END;
CREATE TRIGGER tally_fact_d AFTER DELETE ON tally_fact
WHEN NOT EXISTS (SELECT 1 FROM tally_mute) BEGIN
  INSERT INTO tally_count VALUES (OLD.plan_id, OLD.unit_id, OLD.status,
    OLD.took_on, OLD.wrote_on, -1);
END;
CREATE TRIGGER tally_fact_u AFTER UPDATE ON tally_fact
WHEN NOT EXISTS (SELECT 1 FROM tally_mute) BEGIN
  INSERT INTO tally_count VALUES (OLD.plan_id, OLD.unit_id, OLD.status,
    OLD.took_on, OLD.wrote_on, -1);
  INSERT INTO tally_count VALUES (NEW.plan_id, NEW.unit_id, NEW.status,
    NEW.took_on, NEW.wrote_on, 1);
END;

-- Members: the count per unit and status (inserting (unit, status,
-- delta) into tally_member_count adds delta), and their facts follow a
-- move.
CREATE VIEW tally_member_count(unit_id, status, delta) AS
  SELECT NULL, NULL, NULL WHERE 0;
CREATE TRIGGER tally_member_count_i INSTEAD OF INSERT ON tally_member_count BEGIN
  INSERT INTO tally_members VALUES (NEW.unit_id, NEW.status, NEW.delta)
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  DELETE FROM tally_members
    WHERE unit_id = NEW.unit_id AND status = NEW.status AND n = 0;
END;
CREATE TRIGGER tally_member_i AFTER INSERT ON member
WHEN NOT EXISTS (SELECT 1 FROM tally_mute) BEGIN
  INSERT INTO tally_member_count VALUES (NEW.unit_id, NEW.status, 1);
END;
CREATE TRIGGER tally_member_d AFTER DELETE ON member
WHEN NOT EXISTS (SELECT 1 FROM tally_mute) BEGIN
  INSERT INTO tally_member_count VALUES (OLD.unit_id, OLD.status, -1);
  DELETE FROM tally_fact WHERE member_id = OLD.id;
END;
CREATE TRIGGER tally_member_u AFTER UPDATE OF unit_id, status ON member
WHEN (OLD.unit_id IS NOT NEW.unit_id OR OLD.status IS NOT NEW.status)
AND NOT EXISTS (SELECT 1 FROM tally_mute) BEGIN
  INSERT INTO tally_member_count VALUES (OLD.unit_id, OLD.status, -1);
  INSERT INTO tally_member_count VALUES (NEW.unit_id, NEW.status, 1);
  UPDATE tally_fact SET unit_id = NEW.unit_id, status = NEW.status
    WHERE member_id = NEW.id;
END;

-- Attendance and essays: the member's facts of the row's plan.
CREATE TRIGGER tally_attendance_i AFTER INSERT ON attendance
WHEN NOT EXISTS (SELECT 1 FROM tally_mute) BEGIN
  INSERT INTO tally_refresh
    SELECT NEW.member_id, document_id FROM session WHERE id = NEW.session_id;
END;
CREATE TRIGGER tally_attendance_u AFTER UPDATE OF session_id, member_id, status ON attendance
WHEN (OLD.session_id IS NOT NEW.session_id OR OLD.member_id IS NOT NEW.member_id
  OR OLD.status IS NOT NEW.status) AND NOT EXISTS (SELECT 1 FROM tally_mute) BEGIN
  INSERT INTO tally_refresh
    SELECT OLD.member_id, document_id FROM session WHERE id = OLD.session_id
    UNION SELECT NEW.member_id, document_id FROM session WHERE id = NEW.session_id;
END;
CREATE TRIGGER tally_attendance_d AFTER DELETE ON attendance
WHEN NOT EXISTS (SELECT 1 FROM tally_mute) BEGIN
  INSERT INTO tally_refresh
    SELECT OLD.member_id, document_id FROM session WHERE id = OLD.session_id;
END;
CREATE TRIGGER tally_essay_i AFTER INSERT ON essay
WHEN NOT EXISTS (SELECT 1 FROM tally_mute) BEGIN
  INSERT INTO tally_refresh VALUES (NEW.member_id, NEW.document_id);
END;
CREATE TRIGGER tally_essay_u AFTER UPDATE OF document_id, member_id, submitted_on ON essay
WHEN (OLD.document_id IS NOT NEW.document_id OR OLD.member_id IS NOT NEW.member_id
  OR OLD.submitted_on IS NOT NEW.submitted_on)
AND NOT EXISTS (SELECT 1 FROM tally_mute) BEGIN
  INSERT INTO tally_refresh VALUES (OLD.member_id, OLD.document_id);
  INSERT INTO tally_refresh VALUES (NEW.member_id, NEW.document_id);
END;
CREATE TRIGGER tally_essay_d AFTER DELETE ON essay
WHEN NOT EXISTS (SELECT 1 FROM tally_mute) BEGIN
  INSERT INTO tally_refresh VALUES (OLD.member_id, OLD.document_id);
END;

-- Sessions: a session's attendance counts only while it is held, on its
-- day, under its plan. Its attendance goes before it (rather than by the
-- cascade, after it) so the facts are recomputed while its plan is known.
CREATE TRIGGER tally_session_u AFTER UPDATE OF document_id, held_on, status ON session
WHEN (OLD.document_id IS NOT NEW.document_id OR OLD.held_on IS NOT NEW.held_on
  OR OLD.status IS NOT NEW.status) AND NOT EXISTS (SELECT 1 FROM tally_mute) BEGIN
  INSERT INTO tally_refresh
    SELECT a.member_id, OLD.document_id FROM attendance a WHERE a.session_id = NEW.id
    UNION SELECT a.member_id, NEW.document_id FROM attendance a WHERE a.session_id = NEW.id;
END;
CREATE TRIGGER tally_session_d BEFORE DELETE ON session
WHEN NOT EXISTS (SELECT 1 FROM tally_mute) BEGIN
  DELETE FROM attendance WHERE session_id = OLD.id;
END;

-- Plans: the tree is small and rebuilt whole. A plan that arrives after
-- the plans below it (sync brings them in any order) adds itself above
-- their rows; a plan moved under another moves its members' facts, so
-- theirs are recomputed for every plan.
CREATE VIEW tally_under(plan_id, member_id, document_id) AS
  SELECT p.ancestor_id, a.member_id, se.document_id FROM tally_plan_tree p
  JOIN session se ON se.document_id = p.plan_id
  JOIN attendance a ON a.session_id = se.id
  UNION ALL SELECT p.ancestor_id, e.member_id, e.document_id FROM tally_plan_tree p
  JOIN essay e ON e.document_id = p.plan_id;
CREATE TRIGGER tally_document_i AFTER INSERT ON document
WHEN NOT EXISTS (SELECT 1 FROM tally_mute) BEGIN
  DELETE FROM tally_plan_tree;
  INSERT INTO tally_plan_tree SELECT plan_id, ancestor_id FROM tally_plan_closure;
  INSERT INTO tally_refresh SELECT DISTINCT member_id, document_id
    FROM tally_under WHERE plan_id = NEW.id;
END;
CREATE TRIGGER tally_document_u AFTER UPDATE OF parent_id ON document
WHEN OLD.parent_id IS NOT NEW.parent_id AND NOT EXISTS (SELECT 1 FROM tally_mute) BEGIN
  DELETE FROM tally_plan_tree;
  INSERT INTO tally_plan_tree SELECT plan_id, ancestor_id FROM tally_plan_closure;
  DELETE FROM tally_fact WHERE member_id IN (
    SELECT member_id FROM tally_under WHERE plan_id = NEW.id);
  INSERT INTO tally_refresh SELECT a.member_id, se.document_id FROM attendance a
    JOIN session se ON se.id = a.session_id WHERE a.member_id IN (
      SELECT member_id FROM tally_under WHERE plan_id = NEW.id)
    UNION SELECT e.member_id, e.document_id FROM essay e WHERE e.member_id IN (
      SELECT member_id FROM tally_under WHERE plan_id = NEW.id);
END;
CREATE TRIGGER tally_document_d AFTER DELETE ON document
WHEN NOT EXISTS (SELECT 1 FROM tally_mute) BEGIN
  DELETE FROM tally_plan_tree WHERE plan_id = OLD.id OR ancestor_id = OLD.id;
END;

-- The counters of the rows already here, as counters_rebuild makes them.
INSERT INTO tally_mute VALUES (1);
INSERT INTO tally_plan_tree SELECT plan_id, ancestor_id FROM tally_plan_closure;
INSERT INTO tally_members SELECT unit_id, status, n FROM tally_recount_members;
INSERT INTO tally_fact SELECT * FROM tally_recount_fact;
INSERT INTO tally_counter SELECT * FROM tally_counted;
DELETE FROM tally_mute;
