-- quantriet schema, version 5: each database knows its own identity.
--
-- A random id made once, when the database is created or first upgraded,
-- so what a clerk typed (a draft, kept outside the database) is offered
-- back only in the database it was typed in, wherever the file is moved.
-- It is never synced: every database, the server's too, has its own.
INSERT OR IGNORE INTO setting(key, value)
  VALUES ('database_id', lower(hex(randomblob(16))));
