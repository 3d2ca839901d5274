-- quantriet schema, version 1.
--
-- Conventions (docs/architecture.md explains them):
-- * Every row that can travel to or from the provincial server has
--   `id INTEGER PRIMARY KEY` holding a random 63-bit global id made by
--   db_new_id(), so rows keep their identity across databases.
-- * `owner_unit_id` names the unit that owns the row: only that unit may
--   change it, and sync scopes by it.
-- * `hlc` is the hybrid logical clock of the row's last change (0 = never
--   changed locally since it arrived); sync uses it for last-writer-wins.
-- * Dates are ISO 8601 text (YYYY-MM-DD); `*_fold` columns hold the
--   lower-case unaccented form of a name for searching (qt_fold()).
-- * Rules that vary by province (statuses, exemptions, unit kinds) are rows,
--   not code.

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Levels of the hierarchy. Depth is data: a province without districts just
-- has communes whose parent is the province.
CREATE TABLE unit_kind (
  code    TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  is_cell INTEGER NOT NULL DEFAULT 0 CHECK (is_cell IN (0, 1))
) WITHOUT ROWID;

CREATE TABLE unit (
  id            INTEGER PRIMARY KEY,
  parent_id     INTEGER REFERENCES unit(id),
  kind          TEXT NOT NULL REFERENCES unit_kind(code),
  code          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  name_fold     TEXT NOT NULL,
  secretary     TEXT NOT NULL DEFAULT '',
  hlc           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX unit_by_parent ON unit(parent_id, name_fold);

CREATE TABLE member_status (
  code            TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  is_party_member INTEGER NOT NULL CHECK (is_party_member IN (0, 1)),
  sort            INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE member (
  id          INTEGER PRIMARY KEY,
  unit_id     INTEGER NOT NULL REFERENCES unit(id),
  full_name   TEXT NOT NULL CHECK (length(full_name) BETWEEN 1 AND 120),
  name_fold   TEXT NOT NULL,
  position    TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL REFERENCES member_status(code),
  birth_year  INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
  hlc         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX member_by_unit ON member(unit_id, name_fold, id);
CREATE INDEX member_by_name ON member(name_fold, id);

CREATE TABLE doc_kind (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE document (
  id            INTEGER PRIMARY KEY,
  owner_unit_id INTEGER NOT NULL REFERENCES unit(id),
  number        TEXT NOT NULL CHECK (length(number) BETWEEN 1 AND 40),
  kind          TEXT NOT NULL REFERENCES doc_kind(code),
  issuer        TEXT NOT NULL,
  place         TEXT NOT NULL DEFAULT '',
  issued_on     TEXT NOT NULL CHECK (issued_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  title         TEXT NOT NULL,
  parent_id     INTEGER REFERENCES document(id),
  purpose       TEXT NOT NULL DEFAULT '',
  hlc           INTEGER NOT NULL DEFAULT 0,
  UNIQUE (owner_unit_id, number)
);
CREATE INDEX document_by_parent ON document(parent_id);
CREATE INDEX document_by_number ON document(number);

CREATE TABLE resolution (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL DEFAULT '',
  title     TEXT NOT NULL,
  issued_on TEXT,
  hlc       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE document_resolution (
  document_id   INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  resolution_id INTEGER NOT NULL REFERENCES resolution(id),
  PRIMARY KEY (document_id, resolution_id)
) WITHOUT ROWID;

-- Who must write an essay, by member status; a row with a document_id
-- overrides the default (document_id IS NULL) for that plan.
CREATE TABLE exemption_rule (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER REFERENCES document(id) ON DELETE CASCADE,
  status      TEXT NOT NULL REFERENCES member_status(code),
  must_write  INTEGER NOT NULL CHECK (must_write IN (0, 1)),
  reason      TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX exemption_rule_default ON exemption_rule(status) WHERE document_id IS NULL;
CREATE UNIQUE INDEX exemption_rule_plan ON exemption_rule(document_id, status) WHERE document_id IS NOT NULL;

-- The sessions a plan asks each level to hold.
CREATE TABLE plan_session (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  level         TEXT NOT NULL REFERENCES unit_kind(code),
  ordinal       INTEGER NOT NULL,
  title         TEXT NOT NULL,
  audience      TEXT NOT NULL DEFAULT '',
  content       TEXT NOT NULL DEFAULT '',
  materials     TEXT NOT NULL DEFAULT '',
  presenter     TEXT NOT NULL DEFAULT '',
  form          TEXT NOT NULL DEFAULT 'in_person' CHECK (form IN ('in_person', 'online')),
  bridge_points INTEGER NOT NULL DEFAULT 0 CHECK (bridge_points >= 0),
  half_days     INTEGER NOT NULL DEFAULT 2 CHECK (half_days BETWEEN 1 AND 20),
  deadline      TEXT,
  deadline_text TEXT NOT NULL DEFAULT '',
  hlc           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX plan_session_by_document ON plan_session(document_id, level, ordinal);

CREATE TABLE essay_rule (
  document_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
  due_days    INTEGER NOT NULL DEFAULT 7 CHECK (due_days BETWEEN 0 AND 365),
  grader      TEXT NOT NULL DEFAULT '',
  hlc         INTEGER NOT NULL DEFAULT 0
);

-- A session actually held (or planned) by a unit.
CREATE TABLE session (
  id              INTEGER PRIMARY KEY,
  document_id     INTEGER NOT NULL REFERENCES document(id),
  plan_session_id INTEGER REFERENCES plan_session(id),
  unit_id         INTEGER NOT NULL REFERENCES unit(id),
  title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  held_on         TEXT NOT NULL CHECK (held_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  place           TEXT NOT NULL DEFAULT '',
  form            TEXT NOT NULL DEFAULT 'in_person' CHECK (form IN ('in_person', 'online')),
  bridge_point    TEXT NOT NULL DEFAULT '',
  presenter       TEXT NOT NULL DEFAULT '',
  half_days       INTEGER NOT NULL DEFAULT 1 CHECK (half_days BETWEEN 1 AND 20),
  makeup_of       INTEGER REFERENCES session(id),
  status          TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  hlc             INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX session_by_unit ON session(unit_id, held_on);
CREATE INDEX session_by_document ON session(document_id, unit_id);

CREATE TABLE attendance (
  id         INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
  member_id  INTEGER NOT NULL REFERENCES member(id),
  status     TEXT NOT NULL CHECK (status IN ('present', 'absent', 'self_study')),
  reason     TEXT NOT NULL DEFAULT '',
  hlc        INTEGER NOT NULL DEFAULT 0,
  UNIQUE (session_id, member_id)
);
CREATE INDEX attendance_by_member ON attendance(member_id);

CREATE TABLE essay (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES document(id),
  member_id    INTEGER NOT NULL REFERENCES member(id),
  due_on       TEXT,
  submitted_on TEXT,
  grade        TEXT CHECK (grade IS NULL OR grade IN ('excellent', 'good', 'pass', 'fail')),
  awareness    TEXT NOT NULL DEFAULT '',
  duties       TEXT NOT NULL DEFAULT '',
  proposals    TEXT NOT NULL DEFAULT '',
  hlc          INTEGER NOT NULL DEFAULT 0,
  UNIQUE (document_id, member_id)
);
CREATE INDEX essay_by_member ON essay(member_id);

-- The cell's (or commune's) essay tally report. Counts are computed from
-- the rows above; the snapshot columns are filled only when it is final.
CREATE TABLE tally_report (
  id              INTEGER PRIMARY KEY,
  document_id     INTEGER NOT NULL REFERENCES document(id),
  unit_id         INTEGER NOT NULL REFERENCES unit(id),
  round           INTEGER NOT NULL DEFAULT 1 CHECK (round BETWEEN 1 AND 12),
  assessment      TEXT NOT NULL DEFAULT '',
  proposals       TEXT NOT NULL DEFAULT '',
  signer          TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
  finalized_on    TEXT,
  total_members   INTEGER,
  participated    INTEGER,
  wrote           INTEGER,
  exempt          INTEGER,
  hlc             INTEGER NOT NULL DEFAULT 0,
  UNIQUE (document_id, unit_id, round)
);

CREATE TABLE report_deadline (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  round       INTEGER NOT NULL DEFAULT 1,
  level       TEXT REFERENCES unit_kind(code),
  due_on      TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  hlc         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX report_deadline_by_document ON report_deadline(document_id, due_on);

-- "5 rõ": clear task, person, schedule, result, responsibility.
CREATE TABLE action_item (
  id             INTEGER PRIMARY KEY,
  document_id    INTEGER NOT NULL REFERENCES document(id),
  unit_id        INTEGER NOT NULL REFERENCES unit(id),
  task           TEXT NOT NULL,
  person         TEXT NOT NULL DEFAULT '',
  schedule       TEXT NOT NULL DEFAULT '',
  result         TEXT NOT NULL DEFAULT '',
  responsibility TEXT NOT NULL DEFAULT '',
  due_on         TEXT,
  reviewed_on    TEXT,
  hlc            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX action_item_by_unit ON action_item(unit_id, document_id);

-- Reference rows every database needs; province-specific rows may be added.
INSERT INTO unit_kind(code, name, is_cell) VALUES
  ('central',  'Trung ương', 0),
  ('province', 'Tỉnh ủy', 0),
  ('district', 'Huyện ủy / đảng ủy trực thuộc', 0),
  ('commune',  'Đảng bộ cơ sở', 0),
  ('cell',     'Chi bộ', 1);

INSERT INTO member_status(code, name, is_party_member, sort) VALUES
  ('active',          'Đang sinh hoạt', 1, 1),
  ('exempt_activity', 'Miễn sinh hoạt', 1, 2),
  ('exempt_work',     'Miễn công tác', 1, 3),
  ('retired',         'Hưu trí', 1, 4),
  ('guest',           'Quần chúng', 0, 5);

INSERT INTO doc_kind(code, name) VALUES
  ('KH', 'Kế hoạch'),
  ('HD', 'Hướng dẫn'),
  ('CT', 'Chỉ thị'),
  ('CV', 'Công văn'),
  ('NQ', 'Nghị quyết'),
  ('TB', 'Thông báo'),
  ('BC', 'Báo cáo');

-- Seed 000: everyone writes except members exempt from activities or work
-- and retired members; guests never write.
INSERT INTO exemption_rule(id, document_id, status, must_write, reason) VALUES
  (1, NULL, 'active',          1, ''),
  (2, NULL, 'exempt_activity', 0, 'Miễn sinh hoạt'),
  (3, NULL, 'exempt_work',     0, 'Miễn công tác'),
  (4, NULL, 'retired',         0, 'Hưu trí'),
  (5, NULL, 'guest',           0, 'Quần chúng');

-- Indexes for the tally (src/domain/tally.c), which looks up each member
-- of a unit's subtree: covering, so a member costs one seek and a scan of
-- its own few rows even in a province of 500,000 members.
CREATE INDEX member_by_unit_status ON member(unit_id, status);
CREATE INDEX attendance_by_member_session ON attendance(member_id, session_id, status);
CREATE INDEX essay_by_member_plan ON essay(member_id, document_id, submitted_on);
