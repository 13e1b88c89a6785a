"""What a task produces when it names it as the object of submitting, compiling, granting or deciding, or after a
lead-in with no subject: wordings from a planning-data plan (001c610b, dev), a plant-protection decision (1796a553,
dev), a mine-clearance regulation (6d0e277c, dev), a training centre's regulation (c49a5afa, dev), an inspection
regulation (e13e31ec, dev), a 5G plan (ceb89a53, dev), a sea-economy plan (bffd9da6, dev), a digital-economy plan
(f004d93b, dev), a data-protection plan (86367f2d, dev) and synthetic plans."""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

SUBMITTED = [
    ("- Sở Tài chính xây dựng và trình Ủy ban nhân dân Thành phố phê duyệt Kế hoạch sao lưu, phục hồi dữ liệu "
     "và ứng phó sự cố hằng năm; trong đó quy định cụ thể chu kỳ sao lưu.",
     "Kế hoạch sao lưu, phục hồi dữ liệu và ứng phó sự cố"),
    ("- Bước 2: Trình Thủ tướng Chính phủ phê duyệt Chiến lược phát triển trồng trọt.",
     "Chiến lược phát triển trồng trọt"),
    ("- Phòng Kinh tế trình Ủy ban nhân dân xã xem xét, ban hành Quy chế quản lý chợ nông thôn.",
     "Quy chế quản lý chợ nông thôn"),
]

COMPILED = [
    ("2. Giáo vụ có trách nhiệm lập danh sách học viên đủ điều kiện hoàn thành chương trình bồi dưỡng.",
     "danh sách học viên đủ điều kiện hoàn thành chương trình bồi dưỡng"),
    ("2. Trưởng Đoàn kiểm tra có trách nhiệm lập hồ sơ kiểm tra theo quy định của pháp luật.", "hồ sơ kiểm tra"),
    ("3. Biên soạn tài liệu hướng dẫn, tuyên truyền về bảo vệ dữ liệu cá nhân.",
     "tài liệu hướng dẫn, tuyên truyền về bảo vệ dữ liệu cá nhân"),
]

LISTED_AFTER_THE_VERB = [
    ("- Tham mưu Ủy ban nhân dân tỉnh phối hợp các bộ, ngành Trung ương xây dựng: Đề án phát triển bền vững du lịch "
     "biển đến năm 2030; Điều tra tổng thể và lập hồ sơ các di tích lịch sử.",
     "Đề án phát triển bền vững du lịch biển đến năm 2030"),
    ("e) Xây dựng, trình UBND tỉnh phê duyệt, và triển khai các Chương trình: Chương trình hỗ trợ doanh nghiệp nhỏ và "
     "vừa chuyển đổi số; Chương trình Make in Viet Nam.", "Chương trình hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số"),
    ("- Xây dựng Đề án phát triển một số đô thị ven biển hiện đại đảm bảo phù hợp với quy định về hành lang bảo vệ bờ "
     "biển.", "Đề án phát triển một số đô thị ven biển hiện đại"),
]

AFTER_A_LEAD_IN = [
    ("- Căn cứ kế hoạch này, khẩn trương xây dựng kế hoạch phủ sóng 5G theo chỉ tiêu phân bổ.", "kế hoạch phủ sóng 5G"),
    ("- Thực hiện Nghị quyết của Tỉnh ủy, chủ động xây dựng Kế hoạch chuyển đổi số của đơn vị.",
     "Kế hoạch chuyển đổi số của đơn vị"),
    ("- Theo chức năng được giao, kịp thời ban hành Quy chế phối hợp cung cấp dữ liệu.",
     "Quy chế phối hợp cung cấp dữ liệu"),
]


@pytest.mark.parametrize("text,product", SUBMITTED + COMPILED + LISTED_AFTER_THE_VERB + AFTER_A_LEAD_IN)
def test_what_a_task_makes_is_its_product(text, product):
    plan = parse_md(f"**IV. TỔ CHỨC THỰC HIỆN**\n\n**2. Các doanh nghiệp viễn thông**\n\n{text}\n")
    assert clause(plan, text[:25]).product == product


GRANTED_OR_DECIDED = [
    ("a) Bộ Quốc phòng cấp chứng chỉ năng lực cho các tổ chức, đơn vị điều tra, khảo sát.", "chứng chỉ năng lực"),
    ("b) Binh chủng Công binh đào tạo, cấp chứng chỉ đội trưởng, giám sát viên.", "chứng chỉ đội trưởng"),
    ("3. Giám đốc Trung tâm ra quyết định công nhận hoàn thành chương trình bồi dưỡng, cụ thể như sau:",
     "quyết định công nhận hoàn thành chương trình bồi dưỡng"),
    ("Chủ tịch Ủy ban nhân dân cấp tỉnh căn cứ vào báo cáo của Giám đốc Sở Nông nghiệp và Môi trường quyết định công "
     "bố dịch đối với trường hợp sinh vật gây hại bùng phát.", "quyết định công bố dịch"),
    ("+ Bộ trưởng Bộ Nông nghiệp và Môi trường căn cứ báo cáo của Cục Trồng trọt và Bảo vệ thực vật xem xét để quyết "
     "định tiếp tục xuất khẩu, nhập khẩu vật thể.", "quyết định tiếp tục xuất khẩu, nhập khẩu vật thể"),
]


@pytest.mark.parametrize("text,product", GRANTED_OR_DECIDED)
def test_what_a_named_body_grants_or_decides_is_its_product(text, product):
    c = clause(parse_md(f"**Điều 30. Thẩm quyền và trình tự**\n\n{text}\n"), text[:25])
    assert c.lead and c.product == product


NOTHING_MADE = [
    "2. Thẩm quyền cấp chứng chỉ",
    "a. Học viên có đủ điều kiện quy định tại khoản 1 Điều 9 của Quy chế này được cấp giấy chứng nhận.",
    "c) Cách thức gửi hồ sơ và trả kết quả: trực tiếp hoặc qua bưu chính.",
    "- Sở Nội vụ tổng hợp, lập danh sách, rà soát danh sách trước khi trình.",
    "a) Tờ trình phê duyệt phương án kỹ thuật thi công và công văn đề nghị thẩm định.",
]


@pytest.mark.parametrize("text", NOTHING_MADE)
def test_rules_on_granting_dossiers_sent_and_bare_lists_make_nothing(text):
    c = clause(parse_md(f"**Điều 30. Thẩm quyền và trình tự**\n\n{text}\n"), text[:20])
    assert c.product is None


def test_a_decision_over_its_own_points_is_the_product():
    """c49a5afa (dev): the decision's clause introduces its points, so it reads as the heading of a list."""
    plan = parse_md("**Điều 9. Công nhận hoàn thành**\n\n3. Giám đốc Trung tâm ra quyết định công nhận hoàn thành "
                    "chương trình bồi dưỡng, cụ thể như sau:\n\na. Quyết định ghi rõ họ tên học viên.\n\n"
                    "b. Quyết định được lưu tại hồ sơ lớp học.\n")
    c = clause(plan, "3. Giám đốc Trung tâm")
    assert c.lead == "Giám đốc Trung tâm" and c.product == "quyết định công nhận hoàn thành chương trình bồi dưỡng"
