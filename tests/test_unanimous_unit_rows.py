"""A task whose lead a unit's claim on its section gave, in a plan whose appendix lists that unit's tasks in rows
that all state the same phối hợp or the same thời hạn, takes that cell even when no one row restates the task
closely enough to be linked (`corpus.paraphrase_links.UnanimousUnitRows`; thirteenth fact round). Synthetic, in
three layouts modelled on the development half: a field claim with a "Đơn vị chủ trì | Đơn vị phối hợp | Thời gian
thực hiện" appendix, a claim by section number ("tại mục II.2") with a "Cơ quan chủ trì | Cơ quan phối hợp | Thời
hạn hoàn thành" appendix, and a unit's numbered paragraph claiming a field with rows grouped by topic.
"""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

FIELD_PLAN = """
**KẾ HOẠCH**

**II. NHIỆM VỤ, GIẢI PHÁP**

**1. Y tế**

a) {task}

**III. TỔ CHỨC THỰC HIỆN**

1. Sở Y tế: Chủ trì, phối hợp triển khai các nhiệm vụ chuyển đổi số trong lĩnh vực y tế của Kế hoạch.

**PHỤ LỤC**

| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện |
|---|---|---|---|---|
| 1 | Triển khai hồ sơ bệnh án điện tử | Sở Y tế | {partners} | 2026 - 2030 |
| 2 | Triển khai các nền tảng hỗ trợ tư vấn khám, chữa bệnh từ xa | Sở Y tế | Các sở, ban, ngành; UBND các phường xã | 2026 - 2030 |
| 3 | Xây dựng cơ sở dữ liệu y tế dùng chung | Sở Y tế | Các sở, ban, ngành; UBND các phường xã | 2026 - 2030 |
| 4 | Tổ chức hội nghị chuyển đổi số hằng năm | Sở Khoa học và Công nghệ | Hiệp hội doanh nghiệp | Hằng năm |
"""
FIELD_TASK = "Đào tạo kỹ năng số cho đội ngũ nhân viên y tế tuyến xã, bảo đảm sử dụng thành thạo các ứng dụng."

REFERENCE_PLAN = """
**II. NHIỆM VỤ**

1. Hoàn thiện thể chế.

2. Phát triển hạ tầng số

a) Phủ sóng mạng di động 5G tới các khu công nghiệp và cụm công nghiệp.

b) Xây dựng trung tâm dữ liệu dự phòng của tỉnh.

**III. TỔ CHỨC THỰC HIỆN**

1. Sở Khoa học và Công nghệ chủ trì thực hiện các nhiệm vụ tại mục II.2 của Kế hoạch.

**PHỤ LỤC**

| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn hoàn thành |
|---|---|---|---|---|
| 1 | Nâng cấp mạng truyền số liệu chuyên dùng | Sở Khoa học và Công nghệ | Các doanh nghiệp viễn thông | Năm 2026 |
| 2 | Triển khai nền tảng định danh số | Sở Khoa học và Công nghệ | Các doanh nghiệp viễn thông | Năm 2026 |
| 3 | Hướng dẫn bảo đảm an toàn thông tin mạng | Sở Khoa học và Công nghệ | Các doanh nghiệp viễn thông | Năm 2026 |
"""

TOPIC_PLAN = """
**II. NHIỆM VỤ, GIẢI PHÁP**

**3. Thương mại và công nghiệp**

- Triển khai Chương trình hỗ trợ các nhà máy, khu công nghiệp chuyển đổi số, phát triển nhà máy thông minh.

**IV. TỔ CHỨC THỰC HIỆN**

**2. Sở Công Thương**

Chủ trì, phối hợp triển khai các nhiệm vụ trong lĩnh vực thương mại và công nghiệp của Kế hoạch.

**PHỤ LỤC**

| STT | Nhiệm vụ, giải pháp | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian thực hiện | Sản phẩm |
|---|---|---|---|---|---|
| I | **Thương mại điện tử** | | | | |
| 1 | Xây dựng Chương trình thúc đẩy thương mại điện tử | Sở Công Thương | Các sở, ban, ngành; UBND các phường, xã | 2026 - 2030 | Chương trình |
| 2 | Quản lý hoạt động của các sàn thương mại điện tử | Sở Công Thương | Các sở, ban, ngành; UBND các phường, xã | 2026 - 2030 | Báo cáo |
| 3 | Theo dõi, đôn đốc ngành điện phát triển lưới điện | Sở Công Thương | Các sở, ban, ngành; UBND các phường, xã | 2026 - 2030 | Kế hoạch |
"""


@pytest.mark.parametrize("plan_text,task,lead,mechanism,partners,deadline", [
    (FIELD_PLAN.format(task=FIELD_TASK, partners="Các sở, ban, ngành; UBND các phường xã"), FIELD_TASK[:30],
     "Sở Y tế", "field", "Các sở, ban, ngành; UBND các phường xã", "2026 - 2030"),
    (REFERENCE_PLAN, "Phủ sóng mạng di động 5G", "Sở Khoa học và Công nghệ", "cross_reference",
     "Các doanh nghiệp viễn thông", "Năm 2026"),
    (TOPIC_PLAN, "Triển khai Chương trình hỗ trợ các nhà máy", "Sở Công Thương", "field",
     "Các sở, ban, ngành; UBND các phường, xã", "2026 - 2030"),
], ids=["field-claim", "section-reference", "unit-heading-claim"])
def test_a_section_task_takes_the_cells_all_its_units_rows_state_alike(plan_text, task, lead, mechanism, partners,
                                                                      deadline):
    c = clause(parse_md(plan_text), task)
    assert c.lead == lead and c.lead_source.mechanism == mechanism
    assert c.partners == partners and c.deadline == deadline
    assert c.deadline_source.mechanism == "appendix_table"
    assert c.product is None  # a product differs row by row: none is the task's


def test_rows_that_disagree_on_partners_give_only_the_deadline_they_agree_on():
    c = clause(parse_md(FIELD_PLAN.format(task=FIELD_TASK, partners="Bảo hiểm xã hội tỉnh")), FIELD_TASK[:30])
    assert c.lead == "Sở Y tế" and c.partners is None and c.deadline == "2026 - 2030"


def test_two_rows_of_a_unit_are_too_few_to_be_its_rule():
    text = FIELD_PLAN.format(task=FIELD_TASK, partners="Các sở, ban, ngành; UBND các phường xã").replace(
        "| 3 | Xây dựng cơ sở dữ liệu y tế dùng chung | Sở Y tế |", "| 3 | Xây dựng cơ sở dữ liệu y tế dùng chung | Sở Nội vụ |")
    c = clause(parse_md(text), FIELD_TASK[:30])
    assert c.lead == "Sở Y tế" and c.partners is None and c.deadline is None


def test_a_section_title_and_a_task_stating_its_own_time_take_no_row_cell():
    task = "Thường xuyên rà soát, cập nhật danh mục dữ liệu y tế dùng chung trên địa bàn tỉnh."
    plan = parse_md(FIELD_PLAN.format(task=task, partners="Các sở, ban, ngành; UBND các phường xã"))
    c = clause(plan, task[:30])
    assert c.lead == "Sở Y tế" and c.deadline == "Thường xuyên"
    assert c.partners == "Các sở, ban, ngành; UBND các phường xã"
    title = clause(plan, "1. Y tế")
    assert title.deadline is None and title.partners is None
