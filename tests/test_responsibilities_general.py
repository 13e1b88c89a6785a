"""General responsibility mechanisms found on plans nobody tuned on (second dev round).

Each test names the mechanism and runs it on wordings from at least two different documents: real
dev-half wordings (kept with their hard wraps) and synthetic ones in the same layouts.
"""
from __future__ import annotations

import pytest

from snippets import clause, parse_md




def folded_contains(value: str | None, part: str) -> bool:
    return value is not None and part.lower() in value.lower()


# ------------------------------------------------- a sentence ending in ":" governs the points after it

INTRODUCED_POINTS = [
    ("""
**IV. TỔ CHỨC THỰC HIỆN**

**3. Sở Văn hóa, Thể thao và
Du lịch tỉnh, thành phố trực thuộc Trung ương**

Chủ trì, phối hợp với các cơ
quan có liên quan tham mưu cho Ủy ban nhân dân các tỉnh, thành phố trực thuộc
Trung ương:

*a) *Tổ chức thực
hiện quản lý nhà nước về văn hóa, thể thao tại địa phương.

*b) *Bố trí đủ nguồn vốn đối ứng từ ngân sách địa phương.
""", "Bố trí đủ nguồn vốn", "Sở Văn hóa, Thể thao", "các cơ quan có liên quan"),
    ("""
**III. TỔ CHỨC THỰC HIỆN**

**2. Sở Y tế**

Chủ trì, phối hợp với Bảo hiểm xã hội tỉnh thực hiện
các nhiệm vụ sau:

a) Tuyên truyền chính sách bảo hiểm y tế đến người dân.

b) Kiểm tra việc khám chữa bệnh bảo hiểm y tế tại các cơ sở.
""", "Kiểm tra việc khám", "Sở Y tế", "Bảo hiểm xã hội tỉnh"),
]


@pytest.mark.parametrize("snippet,task,lead,partners", INTRODUCED_POINTS)
def test_a_sentence_ending_in_a_colon_gives_its_partners_to_the_points_it_introduces(snippet, task, lead, partners):
    c = clause(parse_md(snippet), task)
    assert folded_contains(c.lead, lead)
    assert folded_contains(c.partners, partners)


# ------------------------------------------------- bodies outside the administrative vocabulary

ACTORS = [
    ("""
3. Trình tự thủ tục cấp chứng chỉ

a) Binh chủng Công binh chủ trì, phối hợp với Cục Tác chiến và
các cơ quan liên quan tổ chức thẩm tra, đánh giá năng lực;

b) VNMAC chủ trì, phối hợp với các cơ quan liên
quan thẩm tra, đánh giá năng lực cho các tổ chức quốc tế;
""", [("Binh chủng Công binh", "Binh chủng Công binh"), ("VNMAC chủ trì", "VNMAC")]),
    ("""
**Điều 15. Trách nhiệm quản lý chất lượng**

1. Chủ đầu tư chịu trách nhiệm thiết lập hệ thống
quản lý chất lượng các dự án.

2. VNMAC thực hiện việc kiểm tra chất lượng của các dự án sử dụng
nguồn vốn nước ngoài.
""", [("thiết lập hệ thống", "Chủ đầu tư"), ("kiểm tra chất lượng", "VNMAC")]),
    ("""
**IV. TỔ CHỨC THỰC HIỆN**

- Quân khu 9 chủ trì, phối hợp với Sở Nội vụ tổ chức diễn tập
khu vực phòng thủ năm 2026.

- BQLDA tỉnh chịu trách nhiệm giải ngân vốn đầu tư công đúng tiến độ.
""", [("Quân khu 9", "Quân khu 9"), ("giải ngân", "BQLDA tỉnh")]),
]


@pytest.mark.parametrize("snippet,expected", ACTORS)
def test_a_body_named_by_an_acronym_or_an_armed_forces_or_investor_title_leads(snippet, expected):
    plan = parse_md(snippet)
    for task, lead in expected:
        assert clause(plan, task).lead == lead


# ------------------------------------------------- a numbered heading with its subject leads the a), b) under it

SUBJECT_HEADINGS = [
    ("""
**Điều 21. Trách nhiệm thu thập thông tin**

2. Cơ quan quân sự địa phương cấp tỉnh là đầu mối thu thập, lưu trữ và cung
cấp dữ liệu thông tin trên địa bàn có trách
nhiệm:

a) Thiết lập và thông báo địa chỉ để tiếp nhận
thông tin trên địa bàn;

b) Kiểm tra, xác minh thông tin;
""", "Kiểm tra, xác minh", "Cơ quan quân sự địa phương cấp tỉnh"),
    ("""
**Điều 22. Chế độ báo cáo thông tin**

1. Các tổ chức, đơn vị khắc phục hậu quả bom mìn vật
nổ thực hiện chế độ báo cáo như sau:

a) Trong thời hạn 07 ngày làm việc, trước khi triển
khai các hoạt động tại hiện trường phải báo cáo kế hoạch thi công;
""", "Trong thời hạn 07", "Các tổ chức, đơn vị khắc phục hậu quả bom mìn vật nổ"),
    ("""
**III. TỔ CHỨC THỰC HIỆN**

2. Ủy ban nhân dân các xã, phường là cơ quan thường trực ở cơ sở, có trách nhiệm:

a) Rà soát hộ nghèo, hộ cận nghèo trên địa bàn.

b) Báo cáo kết quả về Sở Nông nghiệp và Môi trường.
""", "Báo cáo kết quả về", "Ủy ban nhân dân các xã, phường"),
]


@pytest.mark.parametrize("snippet,task,lead", SUBJECT_HEADINGS)
def test_the_subject_of_a_numbered_point_leads_the_lettered_points_under_it(snippet, task, lead):
    assert clause(parse_md(snippet), task).lead == lead


# ------------------------------------------------- "phối hợp (với) Y" anywhere in a task names its partners

COORDINATION = [
    ("""
**III. NHIỆM VỤ CỤ THỂ**

**2. Sở Tài chính**

- Căn cứ khả năng cân đối
ngân sách địa phương, phối hợp với Sở Nông nghiệp và Môi trường trình cấp có thẩm
quyền bố trí kinh phí để thực hiện Kế hoạch.

- Tham mưu Ủy ban nhân
dân tỉnh phối hợp các bộ, ngành Trung ương xây dựng các dự án phát triển giao thông.
""", [("Căn cứ khả năng", "Sở Nông nghiệp và Môi trường"), ("Tham mưu Ủy ban", "các bộ, ngành Trung ương")]),
    ("""
**IV. TỔ CHỨC THỰC HIỆN**

3. Đối với các nội dung đề xuất
đơn giản hóa thuộc thẩm quyền giải quyết, Sở Y tế phối hợp các cơ quan liên
quan tham mưu Chủ tịch UBND tỉnh triển khai các phương án đơn giản hóa.

a) Cục Tài chính: Trong vòng 15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ,
Cục Tài chính chủ trì, phối hợp với các cơ quan, đơn vị liên
quan nghiên cứu, giải trình, tiếp thu ý kiến thẩm định.
""", [("Đối với các nội dung", "các cơ quan liên quan"), ("Cục Tài chính:", "các cơ quan, đơn vị liên quan")]),
]


@pytest.mark.parametrize("snippet,expected", COORDINATION)
def test_a_coordination_phrase_inside_a_task_names_its_partners(snippet, expected):
    plan = parse_md(snippet)
    for task, partners in expected:
        assert clause(plan, task).partners == partners


# ------------------------------------------------- a unit heading may name several bodies

SEVERAL_BODIES = [
    ("""
**III. TỔ CHỨC THỰC HIỆN**

**13. Các
sở, ngành có liên quan; Ủy ban nhân dân các xã, phường**

Căn cứ vào chức năng, nhiệm
vụ của đơn vị, đề xuất, triển khai thực hiện các nhiệm vụ và giải pháp tại Phần III.
""", "Căn cứ vào chức năng", "Các sở, ngành có liên quan; Ủy ban nhân dân các xã, phường"),
    ("""
**IV. TỔ CHỨC THỰC HIỆN**

**5. Sở Y tế; Bảo hiểm xã hội tỉnh**

- Rà soát, cập nhật danh sách người tham gia bảo hiểm y tế.
""", "Rà soát, cập nhật", "Sở Y tế; Bảo hiểm xã hội tỉnh"),
]


@pytest.mark.parametrize("snippet,task,lead", SEVERAL_BODIES)
def test_a_unit_heading_naming_several_bodies_makes_them_all_the_lead(snippet, task, lead):
    assert clause(parse_md(snippet), task).lead == lead


def test_a_heading_with_a_sentence_after_a_semicolon_is_no_unit():
    from corpus.responsibilities import unit_name
    assert unit_name("Sở Y tế; tăng cường kiểm tra các cơ sở") is None


# ------------------------------------------------- deadlines a task states in its own words

OWN_DEADLINES = [
    ("""
3. Trình phê duyệt

a) Cục Tài chính: Trong vòng 15 ngày làm việc kể từ ngày nhận đủ hồ
sơ hợp lệ, Cục Tài chính chủ trì hoàn chỉnh chương trình.
""", "Cục Tài chính:", "Trong vòng 15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"),
    ("""
1. Các tổ chức thực hiện chế độ báo cáo như sau:

a) Trong thời hạn 07 ngày làm việc, trước khi triển
khai các hoạt động tại hiện trường phải báo cáo kế hoạch thi công;
""", "Trong thời hạn 07", "Trong thời hạn 07 ngày làm việc, trước khi triển khai các hoạt động tại hiện trường"),
    ("""
4. Các đơn vị, địa phương
tăng cường kiểm tra, định kỳ hàng
năm báo cáo kết quả thực hiện về Sở Nông nghiệp và Môi trường chậm nhất *ngày
17 tháng 12* để tổng hợp.
""", "tăng cường kiểm tra", "chậm nhất ngày 17 tháng 12"),
    ("""
**III. TỔ CHỨC THỰC HIỆN**

- Trường Đại học Y: gửi báo cáo trước ngày 15/12 để tổng hợp.
""", "gửi báo cáo", "trước ngày 15/12"),
    ("""
**III. TỔ CHỨC THỰC HIỆN**

- Định kỳ kiểm tra số lượng, chủng loại
cất giữ bảo quản tại hiện trường.
""", "Định kỳ kiểm tra", "Định kỳ"),
    ("""
**III. TỔ CHỨC THỰC HIỆN**

*đ) *Theo dõi và chịu
trách nhiệm về số liệu; báo cáo định kỳ,
đột xuất việc thực hiện nội dung quy hoạch.
""", "Theo dõi và chịu", "định kỳ, đột xuất"),
]


@pytest.mark.parametrize("snippet,task,deadline", OWN_DEADLINES)
def test_a_time_limit_a_date_without_its_year_or_a_recurrence_is_the_task_s_deadline(snippet, task, deadline):
    assert clause(parse_md(snippet), task).deadline == deadline


# ------------------------------------------------- a report to a named body is the task's product

REPORTS = [
    ("""
**III. NHIỆM VỤ CỤ THỂ**

- Chủ trì, theo dõi, kiểm
tra, đôn đốc việc thực hiện các nhiệm vụ. Định kỳ
hàng năm, tổng hợp, báo cáo kết quả thực hiện Kế hoạch này về Bộ Nông nghiệp và
Môi trường, đồng gửi Ủy ban nhân dân tỉnh theo dõi.
""", "Chủ trì, theo dõi", "báo cáo kết quả thực hiện Kế hoạch này về Bộ Nông nghiệp và Môi trường"),
    ("""
**IV. TỔ CHỨC THỰC HIỆN**

*b) *Tổ chức đánh
giá thực hiện Kế hoạch thực hiện Quy hoạch,
báo cáo Thủ tướng Chính phủ định kỳ hằng năm hoặc đột xuất theo yêu cầu.
""", "Tổ chức đánh giá", "báo cáo Thủ tướng Chính phủ"),
    ("""
**IV. TỔ CHỨC THỰC HIỆN**

- Các xã, phường tổng hợp tình hình, báo cáo UBND tỉnh những khó khăn, vướng mắc.
""", "Các xã, phường", "báo cáo UBND tỉnh"),
]


@pytest.mark.parametrize("snippet,task,product", REPORTS)
def test_a_report_to_a_named_body_is_the_task_s_product(snippet, task, product):
    assert clause(parse_md(snippet), task).product == product


def test_a_report_of_someone_or_by_the_rules_is_no_product():
    plan = parse_md("""
**IV. TỔ CHỨC THỰC HIỆN**

- Căn cứ báo cáo của Cục trưởng Cục Trồng trọt, công bố dịch theo quy định.

- Thực hiện chế độ thông tin theo báo cáo Bộ Tài chính đã hướng dẫn.
""")
    assert clause(plan, "Căn cứ báo cáo").product is None
    assert clause(plan, "Thực hiện chế độ").product is None


@pytest.mark.parametrize("text,partners", [
    ("Binh chủng Công binh chủ trì, phối hợp với Cục Tác chiến Bộ Tổng Tham mưu và các cơ quan liên quan "
     "tổ chức thẩm tra, đánh giá năng lực.", "Cục Tác chiến Bộ Tổng Tham mưu và các cơ quan liên quan"),
    ("Sở Nội vụ chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy tổ chức hội nghị sơ kết.", "Ban Tổ chức Tỉnh ủy"),
])
def test_a_capitalised_verb_inside_a_partner_s_name_does_not_end_it(text, partners):
    from corpus.responsibilities import parse_assignment
    assert parse_assignment(text)[1] == partners


@pytest.mark.parametrize("heading", ["QUY ĐỊNH CHUNG", "DANH SÁCH HỌC VIÊN CỦA LỚP", "DANH MỤC THỦ TỤC HÀNH CHÍNH NỘI BỘ"])
def test_a_word_of_an_all_capitals_heading_is_no_acronym_and_no_unit(heading):
    from corpus.responsibilities import unit_name
    assert unit_name(heading) is None
    plan = parse_md(f"**Chương I**\n\n**{heading}**\n\n1. Quy chế này quy định về hoạt động bồi dưỡng.\n")
    assert clause(plan, "Quy chế này").lead is None


def test_a_subject_named_bodies_keeps_tổ_chức_as_a_noun_after_các():
    plan = parse_md("""
**Điều 30. Trách nhiệm thi hành**

c) VNMAC, các tổ chức khắc phục bom mìn trong nước và quốc tế tiến hành xây dựng kế hoạch
hằng năm.
""")
    assert clause(plan, "tiến hành xây dựng").lead.startswith("VNMAC, các tổ chức khắc phục bom mìn")
