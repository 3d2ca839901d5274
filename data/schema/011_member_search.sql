-- quantriet schema, version 11: the member list at province scale.
--
-- A page of a whole province's or commune's list walks member_by_sort in
-- name order and keeps the rows of the clerk's units. The index now holds
-- unit_id and name_fold too, so the unit and a search are checked from
-- the index itself: the table is read only for the rows a page shows, not
-- for every entry walked (at 500,000 members a commune holds 0.7 % of
-- the entries).
DROP INDEX member_by_sort;
CREATE INDEX member_by_sort ON member(name_sort, id, unit_id, name_fold);

-- A search for a rare part of a name would walk the whole index; the
-- trigram index finds its few members at once (src/store/store_member.c
-- picks one way or the other per search). member_trigram holds every
-- three-letter piece of every name_fold, kept by the triggers below in
-- the same transaction as every write, sync's and other tools' included.
-- It is plain SQL, not FTS5: with trusted_schema off (docs/storage.md)
-- a trigger may not write an FTS5 table, and plain SQL needs no function
-- of ours, so the sqlite3 shell keeps it right too.
CREATE TABLE trigram_position (n INTEGER PRIMARY KEY);
WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < 200)
INSERT INTO trigram_position SELECT n FROM p;

CREATE TABLE member_trigram (
  tri       TEXT NOT NULL,
  member_id INTEGER NOT NULL,
  PRIMARY KEY (tri, member_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO member_trigram
  SELECT substr(m.name_fold, p.n, 3), m.id FROM member m
  JOIN trigram_position p ON p.n <= length(m.name_fold) - 2
  ORDER BY 1, 2;

CREATE TRIGGER member_trigram_i AFTER INSERT ON member BEGIN
  INSERT OR IGNORE INTO member_trigram SELECT substr(NEW.name_fold, n, 3),
    NEW.id FROM trigram_position WHERE n <= length(NEW.name_fold) - 2;
END;
CREATE TRIGGER member_trigram_d AFTER DELETE ON member BEGIN
  DELETE FROM member_trigram WHERE member_id = OLD.id AND tri IN
    (SELECT substr(OLD.name_fold, n, 3) FROM trigram_position
     WHERE n <= length(OLD.name_fold) - 2);
END;
CREATE TRIGGER member_trigram_u AFTER UPDATE OF id, name_fold ON member
WHEN NEW.id <> OLD.id OR NEW.name_fold <> OLD.name_fold BEGIN
  DELETE FROM member_trigram WHERE member_id = OLD.id AND tri IN
    (SELECT substr(OLD.name_fold, n, 3) FROM trigram_position
     WHERE n <= length(OLD.name_fold) - 2);
  INSERT OR IGNORE INTO member_trigram SELECT substr(NEW.name_fold, n, 3),
    NEW.id FROM trigram_position WHERE n <= length(NEW.name_fold) - 2;
END;
