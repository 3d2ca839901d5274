-- quantriet schema, version 10: the whole count of a final tally report.
--
-- A report made final keeps the figures it was signed with, whatever is
-- recorded afterwards (domain/report.h prints the snapshot, never live
-- counts, for a final report). Version 1 kept items 1-4 only; the
-- exemption reasons of item 4, the members who must write, those not
-- yet written and late, and the guests were still computed live, so a
-- final report's item 4 could list reasons that no longer added up.
-- `reasons` holds item 4 by reason, one "COUNT<TAB>REASON" line each,
-- in the order the form prints them; `cutoff` is the day the counts were
-- taken as of (the round's deadline or the day it was made final,
-- whichever came first). All NULL while the report is a draft; they
-- travel with their row like every other column.
ALTER TABLE tally_report ADD COLUMN reasons TEXT;
ALTER TABLE tally_report ADD COLUMN must_write INTEGER;
ALTER TABLE tally_report ADD COLUMN missing INTEGER;
ALTER TABLE tally_report ADD COLUMN late INTEGER;
ALTER TABLE tally_report ADD COLUMN guests_present INTEGER;
ALTER TABLE tally_report ADD COLUMN cutoff TEXT;
