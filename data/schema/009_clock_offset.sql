-- quantriet schema, version 9: local changes stamped with the server's
-- time when the PC clock is wrong.
--
-- offset_ms is what the client adds to the PC clock: 0 while the PC
-- clock is within an hour of the server's, else the difference the last
-- reply showed (src/hlc.c, hlc_set_offset). Sync no longer refuses a PC
-- whose clock is off; the clerk is warned instead (docs/sync.md, "Clock
-- and conflicts"). The server's own offset stays 0.
ALTER TABLE sync_clock ADD COLUMN offset_ms INTEGER NOT NULL DEFAULT 0;

DROP TRIGGER sync_touch_i;
CREATE TRIGGER sync_touch_i INSTEAD OF INSERT ON sync_touch BEGIN
  UPDATE sync_clock SET hlc = max(hlc + 1,
    (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + offset_ms) << 16);
  INSERT INTO sync_outbox(tbl, row_id, op, hlc)
    VALUES (NEW.tbl, NEW.row_id, NEW.op, (SELECT hlc FROM sync_clock))
    ON CONFLICT(tbl, row_id) DO UPDATE SET op = excluded.op,
      hlc = excluded.hlc, state = 'waiting', batch_id = NULL, reason = '';
END;
