-- quantriet schema, version 8: the server's units while a database that
-- already holds work is matched to them at enrolment.
--
-- The enrolment reply carries the unit rows the device will see (its
-- unit's ancestors and subtree). Local units the client cannot match by
-- id or code wait for the clerk (screens/unit_match.c); until then the
-- rows are kept here, each as the record the server sent (body), with
-- what the matching screen shows; local_id is the local unit that is
-- this one (same code, or the clerk's choice). src/sync/rekey.c,
-- docs/sync.md.
CREATE TABLE sync_enrol_unit (
  id        INTEGER PRIMARY KEY,
  depth     INTEGER NOT NULL,
  parent_id INTEGER,
  code      TEXT NOT NULL,
  name      TEXT NOT NULL,
  body      BLOB NOT NULL,
  local_id  INTEGER UNIQUE
);
