"""A body task whose lead is read from elsewhere takes the phối hợp and thời hạn of the appendix row restating it
(issue #9, tenth fact round): the row is the plan's own statement of that task, with its columns "Đơn vị phối hợp",
"Thời gian thực hiện". A unit's paragraph in "Tổ chức thực hiện" is not: its time dates the paragraph, so a task it
restates takes its lead and nothing more.

`corpus.responsibilities.take_row_facts`, called by `corpus.paraphrase_links.ParaphrasedDuties` for a task it links
to an appendix row, and for a task whose section a unit's paragraph claimed ("… trong lĩnh vực y tế của Kế hoạch")
when an appendix row of the same unit restates it. Wordings from three development plans (a digital-economy plan's
field claims and appendix, a province's technology-investment appendix "CHỦ TRÌ / PHỐI HỢP / THỜI GIAN", a city's
telecommunications-infrastructure appendix).
"""
from __future__ import annotations

from snippets import clause, parse_md

# a field claimed by a unit's paragraph, and an appendix row of that unit restating one task of the field
FIELD_CLAIM = """
**KẾ HOẠCH**

**II. NHIỆM VỤ, GIẢI PHÁP**

**1. Y tế**

a) Xây dựng và tổ chức triển khai Nền tảng hồ sơ sức khỏe cá nhân; mỗi người dân có một hồ sơ sức khỏe điện tử cá nhân.

b) Đẩy mạnh tuyên truyền về khám, chữa bệnh từ xa trên địa bàn tỉnh.

**2. Giáo dục và đào tạo**

a) Xây dựng học liệu số dùng chung cho các trường phổ thông.

**III. TỔ CHỨC THỰC HIỆN**

1. Sở Y tế: Chủ trì, phối hợp triển khai các nhiệm vụ chuyển đổi số trong lĩnh vực y tế của Kế hoạch.

2. Sở Giáo dục và Đào tạo: Chủ trì, phối hợp triển khai các nhiệm vụ chuyển đổi số trong lĩnh vực giáo dục và đào tạo của Kế hoạch.

**PHỤ LỤC**

| STT | Nhiệm vụ | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian thực hiện |
|---|---|---|---|---|
| 1 | Người dân được quản lý sức khỏe trên nền tảng: hồ sơ điện tử cá nhân, triển khai toàn tỉnh | Sở Y tế | Bảo hiểm xã hội tỉnh | 2026 - 2030 |
| 2 | Xây dựng kho học liệu số dùng chung | Sở Giáo dục và Đào tạo | Các trường | Năm 2027 |
"""

# a task of the body with no lead, restated in other words by a row: lead, partners and deadline from the row,
# and the row's thời hạn over a year the task's words only name ("… đến năm 2030")
INVESTMENT = """
**KẾ HOẠCH**

**I. NHIỆM VỤ, GIẢI PHÁP**

**1. Cơ chế, chính sách**

- Đề xuất các giải pháp cải thiện môi trường đầu tư, kinh doanh của tỉnh đến năm 2030, ưu tiên thu hút dự án ứng dụng công nghệ cao.

- Phát triển hạ tầng khu công nghiệp gắn với thu hút doanh nghiệp công nghệ số.

**II. TỔ CHỨC THỰC HIỆN**

Các sở, ngành thực hiện các nhiệm vụ tại Phụ lục kèm theo.

**PHỤ LỤC**

| STT | Nội dung | CHỦ TRÌ | PHỐI HỢP | THỜI GIAN |
|---|---|---|---|---|
| 1 | Thu hút dự án có công nghệ cao: giải pháp về môi trường kinh doanh, đầu tư | Sở Tài chính | Sở Công Thương; Ban Quản lý khu Kinh tế tỉnh | 2026 |
| 2 | Tổ chức hội nghị xúc tiến thương mại hằng năm | Sở Công Thương | Hiệp hội doanh nghiệp | Hằng năm |
"""

# the same task restated by a unit's paragraph, whose time is the paragraph's
TELECOM_PARAGRAPH = """
**KẾ HOẠCH**

**I. NHIỆM VỤ**

**1. Hạ tầng viễn thông**

- Khảo sát, đánh giá thực trạng hạ tầng viễn thông và nhu cầu chuyển đổi số của doanh nghiệp trong các khu công nghệ cao, khu công nghiệp.

- Tuyên truyền, phổ biến pháp luật về viễn thông cho người dân.

**II. TỔ CHỨC THỰC HIỆN**

**1. Ban Quản lý các khu công nghệ cao và khu công nghiệp**

- Chủ trì thực hiện khảo sát thực trạng hạ tầng viễn thông, nhu cầu chuyển đổi số doanh nghiệp tại khu công nghệ cao, khu công nghiệp, cụm công nghiệp; hoàn thành trong năm 2026.

**2. Sở Văn hóa, Thể thao và Du lịch**

- Chủ trì tuyên truyền về văn hóa, thể thao, du lịch trên báo chí.
"""
TELECOM_ROW = TELECOM_PARAGRAPH.split("**II.")[0] + """
**II. TỔ CHỨC THỰC HIỆN**

**PHỤ LỤC**

| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Doanh nghiệp ở khu công nghệ cao, khu công nghiệp: đánh giá nhu cầu chuyển đổi số và thực trạng viễn thông | Ban Quản lý các khu công nghệ cao và khu công nghiệp | Sở Khoa học và Công nghệ | Quý IV/2026 |
| 2 | Tuyên truyền về văn hóa, thể thao, du lịch trên báo chí | Sở Văn hóa, Thể thao và Du lịch | Báo tỉnh | Hằng năm |
"""


def _row_facts(plan, task: str, row: str):
    c, r = clause(plan, task), clause(plan, row)
    assert c.deadline_source is not None and c.deadline_source.mechanism == "appendix_table"
    assert c.deadline_source.clause_id == r.id and c.deadline_source.stated  # where it was read: the row
    return c


def test_a_task_whose_field_a_unit_claims_takes_partners_and_deadline_from_that_units_row():
    plan = parse_md(FIELD_CLAIM)
    c = _row_facts(plan, "a) Xây dựng và tổ chức triển khai Nền tảng hồ sơ", "Người dân được quản lý sức khỏe")
    assert c.lead == "Sở Y tế" and c.lead_source.mechanism == "field"  # the lead stays where it was read
    assert c.partners == "Bảo hiểm xã hội tỉnh" and c.deadline == "2026 - 2030"
    # a task of the field no row restates keeps its field lead and nothing more
    other = clause(plan, "b) Đẩy mạnh tuyên truyền")
    assert other.lead == "Sở Y tế" and other.partners is None and other.deadline is None


def test_a_task_linked_to_a_row_by_paraphrase_takes_the_rows_partners_and_deadline():
    plan = parse_md(INVESTMENT)
    c = _row_facts(plan, "- Đề xuất các giải pháp cải thiện môi trường", "Thu hút dự án có công nghệ cao")
    assert c.lead == "Sở Tài chính" and c.lead_source.mechanism == "paraphrase"
    assert c.partners == "Sở Công Thương; Ban Quản lý khu Kinh tế tỉnh"
    assert c.deadline == "2026"  # the row's column, not the "đến năm 2030" the task's words name


def test_a_task_restated_by_a_telecom_appendix_row_takes_its_deadline():
    plan = parse_md(TELECOM_ROW)
    c = _row_facts(plan, "- Khảo sát, đánh giá thực trạng", "Doanh nghiệp ở khu công nghệ cao")
    assert c.lead == "Ban Quản lý các khu công nghệ cao và khu công nghiệp" and c.lead_source.mechanism == "paraphrase"
    assert c.partners == "Sở Khoa học và Công nghệ" and c.deadline == "Quý IV/2026"


def test_a_units_paragraph_gives_the_task_its_lead_but_not_the_paragraphs_deadline():
    plan = parse_md(TELECOM_PARAGRAPH)
    paragraph = clause(plan, "- Chủ trì thực hiện khảo sát")
    c = clause(plan, "- Khảo sát, đánh giá thực trạng")
    assert paragraph.deadline  # the paragraph dates itself …
    assert c.lead == "Ban Quản lý các khu công nghệ cao và khu công nghiệp"
    assert c.lead_source.clause_id == paragraph.id
    assert c.deadline is None  # … not the task it restates
