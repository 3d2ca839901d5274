-- Demo database, part 2: the three seed documents and the plans that
-- carry them down the hierarchy, with what each asks of every level.

INSERT INTO resolution(id, code, title, issued_on) VALUES
  (7300000000000001, '', 'Nghị quyết Đại hội Đảng bộ tỉnh Kiên Giang lần thứ XI, nhiệm kỳ 2020-2025', '2020-10-16'),
  (7300000000000002, '', 'Nghị quyết Đại hội Đảng bộ tỉnh Trà Vinh lần thứ XI, nhiệm kỳ 2020-2025', '2020-10-16'),
  (7300000000000018, '18-NQ/TW', 'Nghị quyết số 18-NQ/TW về một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả', '2017-10-25'),
  (7300000000000019, '19-NQ/TW', 'Nghị quyết số 19-NQ/TW về tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng và hiệu quả hoạt động của các đơn vị sự nghiệp công lập', '2017-10-25'),
  (7300000000000020, '20-NQ/TW', 'Nghị quyết số 20-NQ/TW về tăng cường công tác bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân trong tình hình mới', '2017-10-25'),
  (7300000000000021, '21-NQ/TW', 'Nghị quyết số 21-NQ/TW về công tác dân số trong tình hình mới', '2017-10-25');

-- Seed 000 and the plans below it.
INSERT INTO document(id, owner_unit_id, number, kind, issuer, place, issued_on, title, parent_id, purpose) VALUES
  (7200000000000013, 7100000000000010, '13-KH/TU', 'KH', 'Ban Thường vụ Tỉnh ủy Kiên Giang', 'Kiên Giang', '2021-03-05',
   'Tổ chức học tập, quán triệt, tuyên truyền Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020-2025', NULL,
   'Giúp các cấp ủy đảng, cán bộ, đảng viên, công chức, viên chức nắm được những nội dung cơ bản của Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI; đồng thời tuyên truyền rộng rãi trong nhân dân, tạo sự đồng thuận, thống nhất cao trong nhận thức và hành động. Việc học tập gắn với xây dựng chương trình, kế hoạch thực hiện của các cấp ủy; sau học tập, quán triệt có kiểm tra, giám sát việc thực hiện. Người đứng đầu cấp ủy các cấp trực tiếp chỉ đạo; đảng viên, cán bộ, công chức, viên chức có trách nhiệm, nghiêm túc trong quán triệt, học tập.'),
  (7200000000000101, 7100000000000020, '24-KH/HU', 'KH', 'Ban Thường vụ Huyện ủy Châu Thành', 'Châu Thành', '2021-03-16',
   'Tổ chức học tập, quán triệt, tuyên truyền Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020-2025 trên địa bàn huyện', 7200000000000013,
   'Cụ thể hóa Kế hoạch số 13-KH/TU của Ban Thường vụ Tỉnh ủy cho các tổ chức cơ sở đảng trực thuộc Huyện ủy.'),
  (7200000000000102, 7100000000000100, '08-KH/ĐU', 'KH', 'Ban Thường vụ Đảng ủy xã Vĩnh Hòa Hiệp', 'Vĩnh Hòa Hiệp', '2021-03-29',
   'Tổ chức học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020-2025 cho đảng viên trong Đảng bộ xã', 7200000000000013,
   'Bảo đảm 100% đảng viên trong Đảng bộ được học tập, quán triệt Nghị quyết; mời lãnh đạo các đoàn thể, ban giám hiệu các trường chưa là đảng viên cùng dự. Đảng viên vắng mặt tự nghiên cứu tài liệu và dự lớp học bù; sau học tập mỗi đảng viên viết bài thu hoạch nộp chi bộ trong 07 ngày.');

-- Seed 003: Trà Vinh's guidance implementing the central guidance.
INSERT INTO document(id, owner_unit_id, number, kind, issuer, place, issued_on, title, parent_id, purpose) VALUES
  (7200000000000051, 7100000000000001, '51-HD/BTGTW', 'HD', 'Ban Tuyên giáo Trung ương', 'Hà Nội', '2017-11-13',
   'Học tập, quán triệt, tuyên truyền và triển khai thực hiện các Nghị quyết Hội nghị Trung ương 6 (khóa XII) của Đảng', NULL, ''),
  (7200000000000042, 7100000000000030, '42-HD/BTG', 'HD', 'Ban Tuyên giáo Tỉnh ủy Trà Vinh', 'Trà Vinh', '2017-11-20',
   'Học tập, quán triệt, tuyên truyền, triển khai thực hiện các Nghị quyết Hội nghị Trung ương 6 (khóa XII) của Đảng', 7200000000000051,
   'Giúp cấp ủy đảng các cấp trong tỉnh chỉ đạo xây dựng nội dung, kế hoạch tổ chức triển khai học tập, quán triệt, tuyên truyền và triển khai thực hiện các Nghị quyết Hội nghị Trung ương 6 (khóa XII); xây dựng chương trình, kế hoạch hành động để đưa Nghị quyết vào cuộc sống; tăng cường đấu tranh chống các quan điểm sai trái, thù địch.');

-- Seed 001: the town's plan implementing 04-KH/BTGTU. The seed text gives
-- neither its own number nor its date (only "hoàn thành trước ngày
-- 15/12/2020"); 05-KH/BTGTXU of 30/11/2020 stand in for them.
INSERT INTO document(id, owner_unit_id, number, kind, issuer, place, issued_on, title, parent_id, purpose) VALUES
  (7200000000000004, 7100000000000030, '04-KH/BTGTU', 'KH', 'Ban Tuyên giáo Tỉnh ủy Trà Vinh', 'Trà Vinh', '2020-11-24',
   'Về quán triệt, tuyên truyền và tổ chức thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020 - 2025', NULL, ''),
  (7200000000000005, 7100000000000040, '05-KH/BTGTXU', 'KH', 'Ban Tuyên giáo Thị ủy Duyên Hải', 'Duyên Hải', '2020-11-30',
   'Quán triệt, tuyên truyền và tổ chức thực hiện Nghị quyết Đại hội Đảng bộ tỉnh Trà Vinh lần thứ XI, nhiệm kỳ 2020 - 2025', 7200000000000004,
   'Làm cho cán bộ, đảng viên và tầng lớp nhân dân trong thị xã hiểu rõ và đồng thuận cao về những thành tựu đạt được nhiệm kỳ 2015 - 2020 và về mục tiêu, chỉ tiêu, nhiệm vụ, giải pháp nêu trong Nghị quyết; việc quán triệt gắn với thảo luận, thống nhất bổ sung chương trình hành động tại cơ quan, đơn vị, địa phương.');

INSERT INTO document_resolution(id, document_id, resolution_id)
  SELECT qt_new_id(), column1, column2 FROM (VALUES
  (7200000000000013, 7300000000000001),
  (7200000000000101, 7300000000000001),
  (7200000000000102, 7300000000000001),
  (7200000000000051, 7300000000000018), (7200000000000051, 7300000000000019),
  (7200000000000051, 7300000000000020), (7200000000000051, 7300000000000021),
  (7200000000000042, 7300000000000018), (7200000000000042, 7300000000000019),
  (7200000000000042, 7300000000000020), (7200000000000042, 7300000000000021),
  (7200000000000004, 7300000000000002),
  (7200000000000005, 7300000000000002));

-- What 13-KH/TU asks of each level (section II of seed 000).
INSERT INTO plan_session(id, document_id, level, ordinal, title, audience, content, materials, presenter, form, bridge_points, half_days, deadline, deadline_text) VALUES
  (7400000000000001, 7200000000000013, 'province', 1, 'Lớp thứ nhất: hội nghị trực tuyến của Ban Thường vụ Tỉnh ủy',
   'Tại 06 điểm cầu cấp tỉnh: nguyên Ủy viên Ban Thường vụ Tỉnh ủy, Ủy viên Ban Chấp hành Đảng bộ tỉnh khóa XI, lãnh đạo các ban, sở, ngành, mặt trận, đoàn thể cấp tỉnh, báo cáo viên cấp tỉnh...; tại 15 điểm cầu huyện, thành ủy: Ủy viên ban chấp hành đảng bộ huyện, thành ủy, trưởng phòng, ban, ngành, bí thư đảng ủy, chủ tịch ủy ban nhân dân xã, phường, thị trấn; tại 10 điểm cầu các xã, thị trấn thuộc thành phố Phú Quốc: do Thường trực đảng ủy quyết định',
   'Nghị quyết Đại hội XI Đảng bộ tỉnh; dự thảo Chương trình hành động của Tỉnh ủy; Kế hoạch của Ban Thường vụ Tỉnh ủy về tổ chức học tập, quán triệt, tuyên truyền Nghị quyết',
   'Văn kiện Đại hội Đảng bộ tỉnh lần thứ XI; dự thảo Chương trình hành động của Tỉnh ủy; Kế hoạch của Ban Thường vụ Tỉnh ủy',
   'Lãnh đạo Tỉnh ủy', 'online', 31, 2, '2021-03-31', 'hoàn thành trong tháng 3-2021'),
  (7400000000000002, 7200000000000013, 'province', 2, 'Lớp thứ hai: văn nghệ sĩ, trí thức, phóng viên',
   'Văn nghệ sĩ, trí thức, phóng viên thông tấn, báo chí trên địa bàn tỉnh (Ban Tuyên giáo Tỉnh ủy phối hợp Hội Văn học-Nghệ thuật, Hội Nhà báo tỉnh)',
   'Như lớp thứ nhất', 'Như lớp thứ nhất', 'Báo cáo viên Ban Tuyên giáo Tỉnh ủy', 'in_person', 0, 2, '2021-03-31', 'hoàn thành trong tháng 3-2021'),
  (7400000000000003, 7200000000000013, 'province', 3, 'Lớp thứ ba: chức sắc tôn giáo, người có uy tín',
   'Chức sắc tôn giáo, người có uy tín trong đồng bào dân tộc trên địa bàn tỉnh (phối hợp Ban Dân vận Tỉnh ủy, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh)',
   'Như lớp thứ nhất', 'Như lớp thứ nhất', 'Báo cáo viên Ban Tuyên giáo Tỉnh ủy', 'in_person', 0, 2, '2021-03-31', 'hoàn thành trong tháng 3-2021'),
  (7400000000000004, 7200000000000013, 'district', 1, 'Học tập, quán triệt cấp huyện và tương đương',
   'Ban thường vụ các cấp ủy quyết định thành phần cho phù hợp',
   'Nghị quyết Đại hội XI Đảng bộ tỉnh; Chương trình hành động của Tỉnh ủy; kế hoạch của cấp ủy cấp huyện về cụ thể hóa và về tổ chức học tập, quán triệt, tuyên truyền Nghị quyết',
   'Tài liệu học tập Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI (dùng cho cán bộ, đảng viên), cấp bình quân 03 đảng viên/01 cuốn',
   '', 'in_person', 0, 2, '2021-04-30', 'hoàn thành trong tháng 4-2021'),
  (7400000000000005, 7200000000000013, 'commune', 1, 'Học tập, quán triệt cấp cơ sở (xã, phường, thị trấn)',
   'Tất cả đảng viên trong đảng bộ; mời lãnh đạo các đoàn thể, ban giám hiệu các trường trung học cơ sở, tiểu học và mầm non trên địa bàn chưa là đảng viên',
   'Những nội dung cơ bản Nghị quyết Đại hội XI Đảng bộ tỉnh; kế hoạch của Đảng ủy về cụ thể hóa Nghị quyết; kế hoạch của cấp ủy cơ sở về tổ chức học tập, quán triệt, tuyên truyền',
   'Tài liệu học tập Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI (dùng cho cán bộ, đảng viên) do Ban Tuyên giáo Tỉnh ủy biên soạn',
   '', 'in_person', 0, 1, '2021-05-31', 'hoàn thành trong tháng 5-2021'),
  (7400000000000006, 7200000000000102, 'cell', 1, 'Sinh hoạt chi bộ quán triệt Nghị quyết Đại hội XI Đảng bộ tỉnh',
   'Toàn thể đảng viên chi bộ; mời trưởng các chi hội đoàn thể ở ấp chưa là đảng viên',
   'Những nội dung cơ bản Nghị quyết Đại hội XI Đảng bộ tỉnh; kế hoạch của Đảng ủy xã',
   'Tài liệu học tập Nghị quyết (03 đảng viên/01 cuốn)', 'Bí thư chi bộ', 'in_person', 0, 1, '2021-05-15', 'hoàn thành trước ngày 15/5/2021'),
  -- Seed 003 (42-HD/BTG), section II.2.
  (7400000000000011, 7200000000000042, 'province', 1, 'Điểm cầu Trà Vinh dự Hội nghị trực tuyến toàn quốc',
   'Nguyên Ủy viên Trung ương Đảng, nguyên Ủy viên Ban Thường vụ Tỉnh ủy; Tỉnh ủy viên; trưởng, phó các sở, ban ngành, đoàn thể tỉnh; Ủy viên Ban Thường vụ các huyện, thị, thành ủy; báo cáo viên cấp tỉnh',
   'Các Nghị quyết Hội nghị Trung ương 6 (khóa XII); thảo luận dự thảo Chương trình hành động của Tỉnh ủy', 'Tài liệu học tập, tài liệu nghiên cứu, tài liệu hỏi - đáp của Ban Tuyên giáo Trung ương',
   '', 'online', 1, 4, '2017-11-30', 'vào các ngày 29 và 30/11/2017'),
  (7400000000000012, 7200000000000042, 'district', 1, 'Hội nghị do các huyện, thị, thành ủy tổ chức',
   'Ủy viên Ban chấp hành đảng bộ huyện; trưởng, phó các phòng, ban; bí thư, phó bí thư đảng ủy xã, phường, thị trấn; báo cáo viên cấp huyện', '', '', '', 'in_person', 0, 3, '2017-12-15', 'hoàn thành vào nửa đầu tháng 12/2017'),
  (7400000000000013, 7200000000000042, 'commune', 1, 'Hội nghị do cấp cơ sở tổ chức',
   'Toàn thể cán bộ, đảng viên của chi bộ, đảng bộ cơ sở', '', '', 'Bí thư cấp ủy', 'in_person', 0, 3, '2017-12-31', 'hoàn thành cuối tháng 12/2017'),
  -- Seed 001 (the town's plan), section II.
  (7400000000000021, 7200000000000005, 'district', 1, 'Hội nghị cán bộ chủ chốt thị xã',
   'Ủy viên Ban Chấp hành Đảng bộ; Ủy viên Ủy ban Kiểm tra Thị ủy; trưởng, phó các phòng, ban, đoàn thể thị xã; báo cáo viên cấp thị xã',
   'Theo nội dung định hướng của Ban Tuyên giáo Tỉnh ủy (phụ lục 1)', 'Văn kiện Đại hội Đảng bộ tỉnh Trà Vinh lần thứ XI; Chỉ thị số 01-CT/TU', 'Bí thư Thị ủy', 'in_person', 0, 2, '2020-12-15', 'hoàn thành trước ngày 15/12/2020'),
  (7400000000000022, 7200000000000005, 'commune', 1, 'Đảng bộ trực thuộc Thị ủy triển khai cho toàn thể đảng viên',
   'Toàn thể đảng viên của đảng bộ', 'Theo nội dung định hướng của Ban Tuyên giáo Tỉnh ủy (phụ lục 2)', '', 'Bí thư Đảng ủy', 'in_person', 0, 2, '2020-12-31', 'hoàn thành trước ngày 31/12/2020'),
  (7400000000000023, 7200000000000005, 'cell', 1, 'Chi bộ trực thuộc Thị ủy triển khai trong sinh hoạt lệ',
   'Toàn thể đảng viên của chi bộ', 'Theo nội dung định hướng của Ban Tuyên giáo Tỉnh ủy (phụ lục 2)', '', 'Bí thư chi bộ', 'in_person', 0, 1, '2020-12-31', 'trong sinh hoạt lệ tháng 12/2020');

-- Who writes and when (13-KH/TU section II.5; 42-HD/BTG: "sau 07 ngày").
-- The exemptions of 13-KH/TU are the default rules of the schema.
INSERT INTO essay_rule(document_id, due_days, grader) VALUES
  (7200000000000013, 7, 'Chi bộ xem xét, đánh giá; Bí thư chi bộ trực tiếp chỉ đạo, kiểm tra'),
  (7200000000000042, 7, 'Ban Tuyên giáo/Tuyên huấn cùng cấp tổng hợp, báo cáo cấp ủy');

INSERT INTO report_deadline(id, document_id, round, level, due_on, description) VALUES
  (8000000000000001, 7200000000000013, 1, 'district', '2021-04-29', 'Đợt 1: báo cáo tổng hợp bài thu hoạch và kết quả triển khai, quán triệt gửi Ban Tuyên giáo Tỉnh ủy trước ngày 29-4-2021'),
  (8000000000000002, 7200000000000013, 2, 'district', '2021-05-28', 'Đợt 2: báo cáo tổng hợp bài thu hoạch và kết quả triển khai, quán triệt gửi Ban Tuyên giáo Tỉnh ủy trước ngày 28-5-2021'),
  (8000000000000003, 7200000000000102, 1, 'cell', '2021-04-24', 'Đợt 1: các chi bộ gửi báo cáo tổng hợp bài thu hoạch về Đảng ủy xã'),
  (8000000000000004, 7200000000000102, 2, 'cell', '2021-05-22', 'Đợt 2: các chi bộ gửi báo cáo tổng hợp bài thu hoạch về Đảng ủy xã');
