"""Issue #9, twelfth fact round. Two ways a body task's facts come from elsewhere without overriding what it says:

- a task that states how often it is done ("Xây dựng và định kỳ hàng năm công bố báo cáo …", "Đề xuất hằng năm …",
  "Thường xuyên rà soát …") keeps that as its thời hạn when an appendix row restating it is linked: the row's period
  ("2026 - 2030") is the plan's, the recurrence is the task's own (`corpus.responsibilities.own_time`);
- a section title whose parts two units' paragraphs share out ("Lao động, việc làm và an sinh xã hội": one unit "các
  nhiệm vụ về lao động, việc làm", another "về an sinh xã hội") gives each task to the unit whose parts it names, and
  a task naming none to the unit claiming most of the title (`corpus.field_links.FieldAssignments`).

Wordings from three development plans (a digital-economy plan's field claims and appendix, a province's
technology-investment appendix "CHỦ TRÌ / PHỐI HỢP / THỜI GIAN", a city's telecommunications appendix), synthetic.
"""
from __future__ import annotations

import pytest

from snippets import clause, parse_md
from test_restating_row_facts import FIELD_CLAIM, INVESTMENT, TELECOM_ROW


@pytest.mark.parametrize("plan_text, task, recurring, row", [
    # a field claim gives the lead; the row of that unit restating the task gives partners, not its period
    (FIELD_CLAIM.replace("a) Xây dựng và tổ chức triển khai Nền tảng hồ sơ sức khỏe cá nhân;",
                         "a) Xây dựng và định kỳ hàng năm cập nhật Nền tảng hồ sơ sức khỏe cá nhân;"),
     "a) Xây dựng và định kỳ hàng năm cập nhật", "định kỳ hàng năm", "Người dân được quản lý sức khỏe"),
    # a paraphrase link to a row of "CHỦ TRÌ / PHỐI HỢP / THỜI GIAN"
    (INVESTMENT.replace("- Đề xuất các giải pháp cải thiện môi trường đầu tư, kinh doanh của tỉnh đến năm 2030,",
                        "- Đề xuất hằng năm các giải pháp cải thiện môi trường đầu tư, kinh doanh của tỉnh,"),
     "- Đề xuất hằng năm các giải pháp", "hằng năm", "Thu hút dự án có công nghệ cao"),
    # a telecommunications row's "Thời gian hoàn thành"
    (TELECOM_ROW.replace("- Khảo sát, đánh giá thực trạng hạ tầng viễn thông",
                         "- Thường xuyên khảo sát, đánh giá thực trạng hạ tầng viễn thông"),
     "- Thường xuyên khảo sát", "Thường xuyên", "Doanh nghiệp ở khu công nghệ cao"),
])
def test_a_task_stating_how_often_it_is_done_keeps_that_time_over_its_rows(plan_text, task, recurring, row):
    plan = parse_md(plan_text)
    c, r = clause(plan, task), clause(plan, row)
    assert c.lead == r.lead and c.partners == r.partners  # the row is linked …
    assert r.deadline and c.deadline == recurring  # … but its period does not replace the task's own recurrence
    assert c.deadline_source is not None and c.deadline_source.clause_id == c.id


def test_a_year_the_task_only_mentions_still_gives_way_to_the_rows_time():
    plan = parse_md(INVESTMENT)
    assert clause(plan, "- Đề xuất các giải pháp cải thiện môi trường").deadline == "2026"


SHARED_TITLE = """
**KẾ HOẠCH**

**II. NHIỆM VỤ TRỌNG TÂM**

**1. {title}**

a) {first}

b) {second}

c) {neither}

**III. TỔ CHỨC THỰC HIỆN**

**1. {unit_a}**

- Chủ trì, phối hợp với Sở Giáo dục và Đào tạo triển khai các nhiệm vụ về {claim_a} của Kế hoạch.

**2. {unit_b}**

- Chủ trì, phối hợp triển khai các nhiệm vụ trong lĩnh vực {claim_b} của Kế hoạch.
"""


@pytest.mark.parametrize("title, unit_a, claim_a, first, unit_b, claim_b, second, neither", [
    # a digital-economy plan's "Lao động, việc làm và an sinh xã hội"
    ("Lao động, việc làm và an sinh xã hội", "Sở Nội vụ", "lao động, việc làm",
     "Hình thành nền tảng hợp đồng lao động điện tử cho người lao động.",
     "Sở Y tế", "an sinh xã hội", "Số hóa hồ sơ chi trả an sinh xã hội cho đối tượng chính sách.",
     "Xây dựng Khung kỹ năng nghề phù hợp với khung kỹ năng nghề của ASEAN."),
    # a culture plan's "Văn hóa, thể thao và du lịch"
    ("Văn hóa, thể thao và du lịch", "Sở Văn hóa, Thể thao và Du lịch", "văn hóa, thể thao",
     "Số hóa di sản văn hóa vật thể của tỉnh.",
     "Trung tâm Xúc tiến Đầu tư", "du lịch", "Xây dựng bản đồ du lịch số của tỉnh.",
     "Tổ chức cuộc thi ảnh đẹp quê hương trên mạng xã hội."),
    # an infrastructure plan's "Giao thông, xây dựng và đô thị"
    ("Giao thông, xây dựng và đô thị", "Sở Xây dựng", "giao thông, xây dựng",
     "Lắp đặt camera giám sát giao thông tại các nút giao.",
     "Ủy ban nhân dân các phường", "đô thị", "Triển khai mô hình đô thị thông minh tại trung tâm tỉnh.",
     "Số hóa hồ sơ cấp phép của các công trình."),
])
def test_a_title_two_units_share_out_gives_each_task_to_the_unit_whose_part_it_names(
        title, unit_a, claim_a, first, unit_b, claim_b, second, neither):
    plan = parse_md(SHARED_TITLE.format(title=title, unit_a=unit_a, claim_a=claim_a, first=first, unit_b=unit_b,
                                        claim_b=claim_b, second=second, neither=neither))
    a, b, n = clause(plan, first[:30]), clause(plan, second[:30]), clause(plan, neither[:30])
    assert a.lead == unit_a and a.lead_source.mechanism == "field"
    assert b.lead == unit_b and b.lead_source.mechanism == "field"
    # a task naming neither unit's part is the unit's that claims most of the title (two of its three parts)
    assert n.lead == unit_a and n.partners == "Sở Giáo dục và Đào tạo"


def test_a_title_two_units_share_out_evenly_gives_a_task_naming_neither_part_to_neither():
    plan = parse_md(SHARED_TITLE.format(
        title="Y tế và an sinh xã hội", unit_a="Sở Y tế", claim_a="y tế", unit_b="Sở Nội vụ", claim_b="an sinh xã hội",
        first="Triển khai bệnh án điện tử trong ngành y tế.", second="Số hóa hồ sơ chi trả an sinh xã hội.",
        neither="Xây dựng Khung kỹ năng nghề quốc gia."))
    assert clause(plan, "Triển khai bệnh án điện tử").lead == "Sở Y tế"
    assert clause(plan, "Số hóa hồ sơ chi trả").lead == "Sở Nội vụ"
    assert clause(plan, "Xây dựng Khung kỹ năng nghề").lead is None
