-- quantriet schema, version 13: the rest of what a plan asks of each level,
-- and the action programme's progress.
--
-- Every new column is on a row that already travels (002_sync.sql), so a
-- province's plan reaches its communes whole with no new sync table.
--
-- plan_session: the other levels the item also applies to ("chi bộ, đảng
-- bộ cơ sở": codes of unit_kind, space-separated), the materials' ratio as
-- written ("03 đảng viên/01 cuốn": src/domain/plan_item.c computes copies
-- per unit from it), the length as written with its parts ("0,5 ngày
-- nghiên cứu + 0,5 ngày thảo luận": half_days stays the total), the start
-- time ("07:30") and the bridge points by name, one a line (bridge_points
-- stays their count).
ALTER TABLE plan_session ADD COLUMN also_levels TEXT NOT NULL DEFAULT '';
ALTER TABLE plan_session ADD COLUMN material_ratio TEXT NOT NULL DEFAULT '';
ALTER TABLE plan_session ADD COLUMN length_text TEXT NOT NULL DEFAULT '';
ALTER TABLE plan_session ADD COLUMN start_time TEXT NOT NULL DEFAULT ''
  CHECK (start_time = '' OR start_time GLOB '[0-2][0-9]:[0-5][0-9]');
ALTER TABLE plan_session ADD COLUMN bridge_names TEXT NOT NULL DEFAULT '';

-- document: every document it carries out or rests on, as written, one a
-- line ("Căn cứ Nghị quyết số 18-NQ/TW…", "Thực hiện Kế hoạch số
-- 04-KH/BTGTU…"); parent_id stays the one held in the database. The
-- action programme each committee drafts has its own deadline, as written
-- and as a last day (docs/deadlines.md).
ALTER TABLE document ADD COLUMN parents_text TEXT NOT NULL DEFAULT '';
ALTER TABLE document ADD COLUMN action_due TEXT
  CHECK (action_due IS NULL OR action_due GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
ALTER TABLE document ADD COLUMN action_due_text TEXT NOT NULL DEFAULT '';

-- action_item: where the task stands, and the day it was done; the yearly
-- review (reviewed_on) reads them.
ALTER TABLE action_item ADD COLUMN status TEXT NOT NULL DEFAULT 'pending'
  CHECK (status IN ('pending', 'doing', 'done'));
ALTER TABLE action_item ADD COLUMN done_on TEXT
  CHECK (done_on IS NULL OR done_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');

-- report_deadline: to whom the report goes ("Ban Tuyên giáo Huyện ủy") and
-- its deadline as written ("đợt 1 trước ngày 29-4-2021"); due_on stays
-- its last day.
ALTER TABLE report_deadline ADD COLUMN recipient TEXT NOT NULL DEFAULT '';
ALTER TABLE report_deadline ADD COLUMN due_text TEXT NOT NULL DEFAULT '';
