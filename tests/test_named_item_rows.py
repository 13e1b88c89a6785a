"""A task whose lead a unit's claim on its section gave, and that deploys an item an appendix row of the same unit
lists by name among others ("Triển khai các nền tảng: Nền tảng …; Nền tảng quản lý tiêm chủng …; …"), takes that
row's phối hợp and thời hạn (`corpus.paraphrase_links.NamedItemRows`; issue #9, twelfth fact round). Synthetic, in
the wordings of a digital-economy plan's health, agriculture and tourism sections and their appendix rows.
"""
from __future__ import annotations

import pytest

from corpus.paraphrase_links import named_items
from snippets import clause, parse_md

PLAN = """
**KẾ HOẠCH**

**II. NHIỆM VỤ, GIẢI PHÁP**

**1. {field}**

a) {task}

b) Đẩy mạnh tuyên truyền về chuyển đổi số cho người dân trên địa bàn tỉnh.

**III. TỔ CHỨC THỰC HIỆN**

1. {unit}: Chủ trì, phối hợp triển khai các nhiệm vụ chuyển đổi số trong lĩnh vực {claim} của Kế hoạch.

**PHỤ LỤC**

| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện |
|---|---|---|---|---|
| 1 | {cell} | {unit} | Các sở, ban, ngành; UBND các phường xã | 2026 - 2030 |
| 2 | Tổ chức hội nghị chuyển đổi số hằng năm | Sở Khoa học và Công nghệ | Hiệp hội doanh nghiệp | Hằng năm |
"""

CASES = [
    # a health section's bullet naming one platform of the row's list
    dict(field="Y tế", claim="y tế", unit="Sở Y tế",
         task="Nền tảng quản lý tiêm chủng; tích hợp thông tin về tiêm chủng của toàn dân.",
         cell="Triển khai các nền tảng: Nền tảng hỗ trợ tư vấn khám, chữa bệnh từ xa; Nền tảng quản lý tiêm chủng "
              "thống nhất trên toàn quốc; Nền tảng hồ sơ sức khỏe cá nhân"),
    # an agriculture task deploying the row's third platform
    dict(field="Nông nghiệp và môi trường", claim="nông nghiệp và môi trường", unit="Sở Nông nghiệp và Môi trường",
         task="Xây dựng và tổ chức triển khai Nền tảng truy xuất nguồn gốc nông sản, bảo đảm minh bạch chuỗi cung ứng "
              "từ trang trại đến bàn ăn, gắn mã QR cho sản phẩm OCOP.",
         cell="Triển khai Nền tảng dữ liệu số nông nghiệp; Nền tảng số kết nối người nông dân với chuyên gia nông "
              "nghiệp; Nền tảng truy xuất nguồn gốc nông sản"),
    # a tourism task naming a system of the row's list
    dict(field="Văn hóa và du lịch", claim="văn hóa và du lịch", unit="Sở Văn hóa, Thể thao và Du lịch",
         task="Phát triển Hệ thống thuyết minh tự động đa ngôn ngữ tại bảo tàng, làng nghề truyền thống, phục vụ "
              "khách quốc tế qua điện thoại thông minh và mã QR.",
         cell="Xây dựng Cổng thông tin du lịch thông minh; Hệ thống thuyết minh tự động đa ngôn ngữ; Bản đồ số di tích"),
]


@pytest.mark.parametrize("case", CASES)
def test_a_task_naming_an_item_its_units_row_lists_takes_the_rows_partners_and_deadline(case):
    plan = parse_md(PLAN.format(**case))
    c = clause(plan, case["task"][:30])
    assert c.lead == case["unit"] and c.lead_source.mechanism == "field"
    assert c.partners == "Các sở, ban, ngành; UBND các phường xã" and c.deadline == "2026 - 2030"
    assert c.deadline_source.mechanism == "appendix_table"
    # the section's other task names no item: its field lead, nothing more
    other = clause(plan, "b) Đẩy mạnh tuyên truyền")
    assert other.lead == case["unit"] and other.deadline is None


def test_a_row_stating_one_task_lists_no_items():
    case = dict(CASES[0], cell="Triển khai Nền tảng quản lý tiêm chủng thống nhất trên toàn quốc")
    assert named_items(case["cell"]) == []
    assert clause(parse_md(PLAN.format(**case)), case["task"][:30]).deadline is None


def test_an_item_two_rows_list_gives_the_task_neither_rows_facts():
    case = CASES[0]
    text = PLAN.format(**case).replace(
        "| 2 | Tổ chức hội nghị chuyển đổi số hằng năm |",
        "| 2 | Vận hành Nền tảng hồ sơ sức khỏe cá nhân; Nền tảng quản lý tiêm chủng thống nhất trên toàn quốc |")
    c = clause(parse_md(text), case["task"][:30])
    assert c.deadline is None and c.partners is None


def test_items_are_read_by_their_names_without_the_rows_act():
    items = named_items("Triển khai Nền tảng dữ liệu số nông nghiệp; Nền tảng số kết nối người nông dân với chuyên gia")
    assert items == [("nen", "tang", "du", "lieu", "so"), ("nen", "tang", "so", "ket", "noi")]
