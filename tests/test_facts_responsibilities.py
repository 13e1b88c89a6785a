"""Each responsibility mechanism on wordings taken from different real plans (dev half), as Markdown.

Snippets keep the real plans' wording and layout (hard-wrapped lines, bold headings, crawled pipe
tables); they are inlined so a test names the exact form it proves.
"""
from __future__ import annotations

import pytest

from corpus.model import Clause
from snippets import clause, parse_md
from corpus.responsibilities import EXTRACTORS, LINKERS




def test_every_mechanism_is_registered_once_with_a_described_name():
    from corpus.model import LEAD_MECHANISMS
    names = [e.mechanism for e in EXTRACTORS + LINKERS]
    assert len(names) == len(set(names))
    assert set(names) <= set(LEAD_MECHANISMS)


# ---------------------------------------------------------------- table columns

CRAWLED_TABLE = """
**II. NHIỆM VỤ**

|
**STT**
|
**NHIỆM VỤ VÀ GIẢI PHÁP**
|
**{lead}**
|
**{partner}**
|
**{time}**
|
|
1
|
Rà soát, kịp thời cụ thể
hoá các cơ chế, chính sách khuyến khích xã hội hóa.
|
Sở Tài chính
|
Sở, ban, ngành có liên quan
|
Quý IV/2025
|
|
2
|
Đề xuất giải pháp cải thiện
môi trường đầu tư, kinh doanh.
|
Sở Khoa học và Công nghệ
|
Sở Công Thương
|
2026
|
"""

# Tab-separated rows (a Word or HTML export): the lead cell is written once for a group of rows.
MERGED_TABLE = "\n".join([
    "**I. CHỈ TIÊU CHỦ YẾU**",
    "",
    "STT\tTên chỉ tiêu\tĐơn vị tính\tKế hoạch năm 2026\tCơ quan chủ trì",
    "1\tTỷ lệ hộ nghèo\t%\t<2\tPhòng Văn hóa - Xã hội",
    "2\tTỷ lệ dân số tham gia BHYT\t%\t>97\t",
    "3\tTỷ lệ trường học đạt chuẩn quốc gia\t%\t100\t",
])


@pytest.mark.parametrize("lead, partner, time", [
    ("CHỦ TRÌ", "PHỐI HỢP", "THỜI GIAN"),  # a provincial technology plan's appendix
    ("Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian dự kiến hoàn thành"),  # a city decision's plan
    ("Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện"),  # a digital-economy plan's appendix
])
def test_role_columns_of_a_crawled_table_give_lead_partners_deadline(lead, partner, time):
    plan = parse_md(CRAWLED_TABLE.format(lead=lead, partner=partner, time=time))
    first = clause(plan, "Rà soát, kịp thời cụ thể")
    assert (first.lead, first.partners, first.deadline) == ("Sở Tài chính", "Sở, ban, ngành có liên quan", "Quý IV/2025")
    assert first.lead_source.mechanism == "table_column" and not first.lead_from_elsewhere
    second = clause(plan, "Đề xuất giải pháp cải thiện")
    assert (second.lead, second.partners, second.deadline) == ("Sở Khoa học và Công nghệ", "Sở Công Thương", "2026")


def test_a_merged_lead_cell_is_carried_down_and_records_the_row_it_was_written_on():
    plan = parse_md(MERGED_TABLE)
    first, merged = clause(plan, "Tỷ lệ hộ nghèo"), clause(plan, "Tỷ lệ trường học")
    assert merged.lead == "Phòng Văn hóa - Xã hội" and merged.lead_source.mechanism == "merged_cell"
    assert merged.lead_source.clause_id == first.id and merged.lead_source.line == first.lines[0]
    assert (merged.target.values, merged.target.unit, merged.target.year) == ([100.0], "%", 2026)
    bhyt = clause(plan, "BHYT")
    assert (bhyt.target.values, bhyt.target.comparison) == ([97.0], ">")


# ---------------------------------------------------------------- labelled lines

@pytest.mark.parametrize("snippet, task, lead, partners, deadline", [
    # a provincial plan implementing a law: "a)" task, then dash-labelled lines
    ("""
**3.1. Tham gia góp ý kiến vào dự thảo**

a) Nghị định quy định chi tiết
thi hành một số điều của Luật Tiêu chuẩn và quy chuẩn kỹ thuật.

- Cơ quan chủ trì: Sở Khoa học
và Công nghệ.

- Cơ quan phối hợp: Các sở,
ngành có liên quan và UBND các xã, phường.

- Thời gian thực hiện: Theo
tiến độ xây dựng dự thảo văn bản của cơ quan chủ trì soạn thảo.
""", "Nghị định quy định chi tiết", "Sở Khoa học và Công nghệ", "Các sở, ngành có liên quan và UBND các xã, phường",
     "Theo tiến độ xây dựng dự thảo văn bản của cơ quan chủ trì soạn thảo"),
    # a city plan: "Cơ quan thực hiện:" whose value goes on into a sentence
    ("""
**II. NỘI DUNG**

**1. Phổ biến, giáo dục Luật Việc làm**

- Nội dung thực hiện: Tổ chức
phổ biến, giáo dục Luật Việc làm.

- Cơ quan thực hiện: Sở Nội vụ
chủ trì tham mưu Ủy ban nhân dân Thành phố ban hành Kế hoạch.

- Thời gian thực hiện: Năm 2025
và các năm tiếp theo.
""", "Phổ biến, giáo dục Luật Việc làm", "Sở Nội vụ", None, "Năm 2025 và các năm tiếp theo"),
    # a national plan: "+" labelled lines under a "-" task, "Thời hạn ban hành"
    ("""
**5. Xây dựng Nghị định của Chính phủ**

- Nghị định quy định chi tiết một số điều Luật Bảo vệ dữ liệu cá nhân

+ Nội dung: quy định chi tiết một số điều.

+ Cơ quan chủ trì: Bộ Công an.

+ Cơ quan phối hợp: Văn phòng Chính phủ, Bộ Tư pháp.

+ Thời hạn ban hành: trước ngày 01 tháng 01 năm 2026.
""", "Nghị định quy định chi tiết một số điều Luật", "Bộ Công an", "Văn phòng Chính phủ, Bộ Tư pháp",
     "trước ngày 01 tháng 01 năm 2026"),
])
def test_labelled_lines_after_a_task_belong_to_it(snippet, task, lead, partners, deadline):
    plan = parse_md(snippet)
    c = clause(plan, task)
    assert c.lead == lead and c.lead_source.mechanism == "labelled_line" and c.lead_from_elsewhere
    assert c.partners == partners
    assert c.deadline == deadline


# ---------------------------------------------------------------- unit sections

@pytest.mark.parametrize("snippet, task, lead, partners", [
    # a bold numbered heading that is only the unit's name, duties as bullets under it
    ("""
**V. TỔ CHỨC THỰC HIỆN**

**1. Sở Xây dựng**

- Chủ trì xây dựng quản lý, vận hành hệ thống thông
tin dữ liệu về quy hoạch xây dựng.

**2. Sở Khoa học và Công nghệ**

- Hướng dẫn về tiêu chuẩn kỹ thuật, tiêu chuẩn dữ
liệu, giải pháp công nghệ.
""", "Hướng dẫn về tiêu chuẩn kỹ thuật", "Sở Khoa học và Công nghệ", None),
    # the unit's name then a colon and its duty in the same paragraph
    ("""
**VI. TỔ CHỨC THỰC HIỆN**

**9. Công an tỉnh:** Chủ
trì, phối hợp triển khai các nhiệm vụ phát triển hạ tầng định danh, xác thực điện
tử.

**10. Bộ Chỉ huy Quân sự tỉnh:**
Chủ trì, phối hợp triển khai các nhiệm vụ chuyển đổi số trong lĩnh vực quốc phòng;
""", "phát triển hạ tầng định danh", "Công an tỉnh", None),
    # "Unit: Phối hợp với Y …" — the unit acts, Y coordinates
    ("""
**IV. TỔ CHỨC THỰC HIỆN**

3. Sở Văn hóa, Thể thao và Du lịch: Phối hợp với Ban Tuyên giáo và Dân vận Tỉnh ủy
chỉ đạo các cơ quan thông tin đại chúng tuyên truyền Đợt thi đua.
""", "Sở Văn hóa, Thể thao và Du lịch: Phối hợp", "Sở Văn hóa, Thể thao và Du lịch",
     "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
])
def test_a_heading_that_names_a_unit_leads_the_tasks_under_it(snippet, task, lead, partners):
    plan = parse_md(snippet)
    c = clause(plan, task)
    assert c.lead == lead and c.lead_source.mechanism == "unit_section"
    if partners:
        assert c.partners == partners


def test_a_heading_that_is_no_unit_assigns_nothing():
    plan = parse_md("""
## A. MỤC TIÊU

### I. Các chỉ tiêu

* (1) Đến năm 2028, tỷ lệ hộ dân dùng nước sạch đạt 95% trở lên.
""")
    assert clause(plan, "tỷ lệ hộ dân dùng nước sạch").lead is None


# ---------------------------------------------------------------- sentences

@pytest.mark.parametrize("snippet, task, lead, partners", [
    ("""
**III. KINH PHÍ THỰC HIỆN**

2. Sở Tài chính chủ trì, phối hợp với các sở, ngành, cơ quan liên quan tham mưu Ủy ban nhân dân
Thành phố bố trí kinh phí.
""", "Sở Tài chính chủ trì", "Sở Tài chính", "các sở, ngành, cơ quan liên quan"),
    ("""
**2. Trách nhiệm thực hiện**

- Sở Nội vụ hướng dẫn khen thưởng Đợt thi đua; phối hợp với các cơ quan, đơn vị liên quan
theo dõi, tổng hợp.
""", "Sở Nội vụ hướng dẫn", "Sở Nội vụ", "các cơ quan, đơn vị liên quan"),
    ("""
**II. NỘI DUNG**

**3. Xây dựng các văn bản quy phạm pháp luật**

Sở, ban, ngành thuộc Ủy ban nhân dân Thành phố có trách nhiệm rà soát, tham mưu ban hành văn bản.
""", "có trách nhiệm rà soát", "Sở, ban, ngành thuộc Ủy ban nhân dân Thành phố", None),
    ("""
**IV. TỔ CHỨC THỰC HIỆN**

2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp chặt chẽ với chính quyền các cấp
triển khai Đợt thi đua.
""", "Đề nghị Ủy ban Mặt trận", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "chính quyền các cấp"),
    ("""
**2. Trách nhiệm thực hiện**

- Sở Văn hóa, Thể thao và Du lịch phối hợp với Ban Tuyên giáo và Dân vận Tỉnh ủy chỉ đạo các
cơ quan báo chí tuyên truyền.
""", "phối hợp với Ban Tuyên giáo", "Sở Văn hóa, Thể thao và Du lịch", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
])
def test_sentences_that_assign_name_lead_and_partners(snippet, task, lead, partners):
    plan = parse_md(snippet)
    c = clause(plan, task)
    assert c.lead == lead and c.lead_source.mechanism in ("sentence", "heading")
    assert c.partners == partners


def test_a_unit_that_only_coordinates_is_a_partner_not_the_lead():
    plan = parse_md("""
**II. NỘI DUNG**

1. Các sở, ngành phối hợp triển khai các nội dung của Kế hoạch.
""")
    c = clause(plan, "phối hợp triển khai")
    assert c.lead is None and c.partners == "Các sở, ngành"


# ---------------------------------------------------------------- cross references

@pytest.mark.parametrize("reference", ["tại mục II.2", "tại mục (II)(2)", "(mục II.2)"])
def test_a_lead_stated_for_a_section_elsewhere_is_linked_and_says_where(reference):
    plan = parse_md(f"""
**I. MỤC TIÊU**

Nâng cao chất lượng dịch vụ công.

**II. NHIỆM VỤ**

1. Hoàn thiện thể chế.

2. Phát triển hạ tầng số

a) Xây dựng trung tâm dữ liệu của tỉnh.

b) Phủ sóng 5G các khu công nghiệp.

**III. TỔ CHỨC THỰC HIỆN**

1. Sở Khoa học và Công nghệ chủ trì thực hiện các nhiệm vụ {reference} của Kế hoạch.
""")
    c = clause(plan, "Phủ sóng 5G")
    src = clause(plan, "chủ trì thực hiện các nhiệm vụ")
    assert c.lead == "Sở Khoa học và Công nghệ"
    assert (c.lead_source.mechanism, c.lead_source.clause_id, c.lead_source.lines) == ("cross_reference", src.id, src.lines)
    assert clause(plan, "Hoàn thiện thể chế").lead is None  # only the section referred to


# ---------------------------------------------------------------- no lead, provenance as data

def test_a_task_no_statement_covers_has_no_lead():
    plan = parse_md("""
**I. NHIỆM VỤ**

1. Tăng cường công tác tuyên truyền.

**II. TỔ CHỨC THỰC HIỆN**

1. Sở Nội vụ chủ trì, phối hợp với các sở theo dõi việc thực hiện Kế hoạch.
""")
    assert clause(plan, "Tăng cường công tác tuyên truyền").lead is None


def test_lead_source_survives_the_clause_store_round_trip():
    plan = parse_md(MERGED_TABLE)
    c = clause(plan, "Tỷ lệ trường học")
    again = Clause.from_dict(c.to_dict(), c.doc_id)
    assert again.lead_source == c.lead_source and again.lead_from_elsewhere
    assert c.to_dict()["lead_source"]["mechanism"] == "merged_cell"
    assert c.lead_source.describe().startswith("ô gộp của bảng, dòng ")


# ---------------------------------------------------------------- appendix tables

@pytest.mark.parametrize("task", [
    "Thực hiện khảo sát, thu thập số liệu, công bố kết quả triển khai hạ tầng 5G, IoT trong các khu công nghiệp",
    "Triển khai Đề án phát triển thanh toán không dùng tiền mặt giai đoạn 2026 - 2030 trên địa bàn tỉnh",
    "Rà soát, đơn giản hóa thủ tục hành chính liên quan đến quy hoạch theo hướng số hóa toàn trình",
])
def test_a_body_task_restated_in_an_appendix_table_takes_the_rows_lead(task):
    plan = parse_md(f"""
**III. NHIỆM VỤ**

- {task}.

- Tăng cường công tác tuyên truyền.

**PHỤ LỤC**

|
**TT**
|
**Nội dung/nhiệm vụ**
|
**Cơ quan chủ trì**
|
**Cơ quan phối hợp**
|
**Thời gian hoàn thành**
|
|
1
|
{task}
|
Sở Khoa học và Công nghệ
|
Các sở, ban, ngành; UBND các xã, phường
|
Hằng năm
|
""")
    body = next(c for c in plan.clauses if c.kind == "bullet" and task[:30] in c.text)
    row = next(c for c in plan.clauses if c.kind == "table_row")
    assert body.lead == "Sở Khoa học và Công nghệ" and body.deadline == "Hằng năm"
    assert (body.lead_source.mechanism, body.lead_source.clause_id, body.lead_source.line) == ("appendix_table", row.id, row.lines[0])
    assert clause(plan, "Tăng cường công tác tuyên truyền").lead is None


def test_a_heading_naming_whose_duties_follow_makes_them_the_lead():
    plan = parse_md("""
**Điều 12. Quy trình thu gom, vận chuyển, tiêu hủy bom mìn, vật nổ**

4. Trách nhiệm của cơ quan quân sự địa phương

a) Phê duyệt kế hoạch thu gom, vận chuyển, tiêu hủy bom mìn vật nổ.
""")
    c = clause(plan, "Phê duyệt kế hoạch thu gom")
    assert c.lead == "cơ quan quân sự địa phương" and c.lead_source.mechanism == "unit_section"


@pytest.mark.parametrize("snippet, task, lead, deadline", [
    ("""
**4. Rà soát văn bản quy phạm pháp luật**

- Thời gian thực hiện:

+ Bộ Công an tổng hợp kết quả rà soát, báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12 năm 2025.
""", "Bộ Công an tổng hợp", "Bộ Công an", "trước ngày 31 tháng 12 năm 2025"),
    ("""
**III. NHIỆM VỤ TRỌNG TÂM**

1. Hoàn thiện hạ tầng công
nghệ thông tin và phần mềm quản lý dữ liệu quy hoạch Thành phố (2025 - 2026).
""", "Hoàn thiện hạ tầng công", None, "2025 - 2026"),
])
def test_a_named_body_acting_leads_and_a_task_keeps_its_own_deadline(snippet, task, lead, deadline):
    c = clause(parse_md(snippet), task)
    assert (c.lead, c.deadline) == (lead, deadline)
