-- Demo database, part 1: the unit tree.
--
-- Trung ương -> Tỉnh ủy Kiên Giang -> Huyện ủy Châu Thành -> Đảng bộ xã
-- Vĩnh Hòa Hiệp -> six party cells; and Tỉnh ủy Trà Vinh -> Thị ủy Duyên
-- Hải, the issuers of seeds 001 and 003. Ids are fixed so that the other
-- demo files (and the tests) can name rows; they look like the random
-- 63-bit ids db_new_id() makes but are easy to tell apart by their prefix
-- (71.. units, 72.. documents, 75.. members, 76.. sessions).

INSERT INTO unit(id, parent_id, kind, code, name, name_fold, secretary) VALUES
  (7100000000000001, NULL, 'central', 'TW', 'Ban Chấp hành Trung ương', '', ''),
  (7100000000000010, 7100000000000001, 'province', 'TU-KG', 'Tỉnh ủy Kiên Giang', '', ''),
  (7100000000000020, 7100000000000010, 'district', 'HU-CT', 'Huyện ủy Châu Thành', '', ''),
  (7100000000000100, 7100000000000020, 'commune', 'DU-VHH', 'Đảng bộ xã Vĩnh Hòa Hiệp', '', ''),
  (7100000000000101, 7100000000000100, 'cell', 'CB-VP', 'Chi bộ ấp Vĩnh Phước', '', ''),
  (7100000000000102, 7100000000000100, 'cell', 'CB-VT', 'Chi bộ ấp Vĩnh Thành', '', ''),
  (7100000000000103, 7100000000000100, 'cell', 'CB-VH', 'Chi bộ ấp Vĩnh Hòa', '', ''),
  (7100000000000104, 7100000000000100, 'cell', 'CB-VL', 'Chi bộ ấp Vĩnh Lộc', '', ''),
  (7100000000000105, 7100000000000100, 'cell', 'CB-CQ', 'Chi bộ Cơ quan Đảng - Chính quyền xã', '', ''),
  (7100000000000106, 7100000000000100, 'cell', 'CB-TH', 'Chi bộ Trường Tiểu học Vĩnh Hòa Hiệp', '', ''),
  (7100000000000030, 7100000000000001, 'province', 'TU-TV', 'Tỉnh ủy Trà Vinh', '', ''),
  (7100000000000040, 7100000000000030, 'district', 'TXU-DH', 'Thị ủy Duyên Hải', '', '');

UPDATE unit SET name_fold = qt_fold(name);

-- The unit this copy of the program works for, and the place its reports
-- are signed at.
INSERT INTO setting(key, value) VALUES
  ('home_unit_id', '7100000000000100'),
  ('place', 'Vĩnh Hòa Hiệp');
