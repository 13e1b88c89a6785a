"""A row of a task table with no product column makes the document its task cell names (issue #9): "Ban hành Kế hoạch
chuyển đổi cơ cấu cây trồng … | Ủy ban nhân dân cấp tỉnh" makes that Kế hoạch, as a task of the text does.
`corpus.facts._row_products`, read after the leads, from the task cell alone.

Layouts modelled on three development plans: a decision's list of procedures with the body that handles each ("Tên
thủ tục hành chính | Cơ quan thực hiện"), a province's technology appendix ("NHIỆM VỤ VÀ GIẢI PHÁP | CHỦ TRÌ | PHỐI HỢP |
THỜI GIAN"), a city's infrastructure plan's task table ("Nội dung | Đơn vị chủ trì | Thời gian").
"""
from __future__ import annotations

from snippets import clause, parse_md

PROCEDURES = """
**QUYẾT ĐỊNH**

**Điều 1.** Công bố kèm theo Quyết định này danh mục thủ tục hành chính.

**PHỤ LỤC**

| STT | Tên thủ tục hành chính | Lĩnh vực | Cơ quan thực hiện |
|---|---|---|---|
| 1 | Ban hành Kế hoạch chuyển đổi cơ cấu cây trồng, vật nuôi trên đất trồng lúa phạm vi toàn tỉnh | Trồng trọt | Ủy ban nhân dân cấp tỉnh |
| 2 | Cấp giấy chứng nhận cơ sở đủ điều kiện buôn bán phân bón | Trồng trọt | Sở Nông nghiệp và Môi trường |
"""

TECHNOLOGY = """
**KẾ HOẠCH**

**I. NHIỆM VỤ**

Các sở, ngành thực hiện các nhiệm vụ tại Phụ lục.

**PHỤ LỤC**

| STT | NHIỆM VỤ VÀ GIẢI PHÁP | CHỦ TRÌ | PHỐI HỢP | THỜI GIAN |
|---|---|---|---|---|
| 1 | Xây dựng chương trình hỗ trợ nghiên cứu, chuyển giao công nghệ cao cho doanh nghiệp, hợp tác xã. | Sở Khoa học và Công nghệ | Sở, ban, ngành có liên quan | 2026 |
| 2 | Tổ chức hội chợ công nghệ và thiết bị hằng năm | Sở Công Thương | Hiệp hội Doanh nghiệp | Hằng năm |
"""

INFRASTRUCTURE = """
**KẾ HOẠCH**

**IV. NHIỆM VỤ**

| STT | Nội dung | Đơn vị chủ trì | Thời gian | Sản phẩm |
|---|---|---|---|---|
| 1 | Xây dựng Đề án phát triển hạ tầng số tại các khu công nghiệp | Sở Khoa học và Công nghệ | Quý III/2026 | Đề án được phê duyệt |

| STT | Nội dung | Đơn vị chủ trì | Thời gian |
|---|---|---|---|
| 1 | Ban hành Quy chế quản lý, chia sẻ dữ liệu hạ tầng viễn thông thụ động | Sở Xây dựng | Năm 2026 |
"""


def test_a_procedure_row_makes_the_document_its_name_issues():
    plan = parse_md(PROCEDURES)
    row = clause(plan, "1. Ban hành Kế hoạch chuyển đổi")
    assert row.product == "Kế hoạch chuyển đổi cơ cấu cây trồng, vật nuôi trên đất trồng lúa phạm vi toàn tỉnh"


def test_a_task_row_makes_the_programme_its_cell_names_and_a_row_making_nothing_has_no_product():
    plan = parse_md(TECHNOLOGY)
    made = clause(plan, "1. Xây dựng chương trình hỗ trợ")
    assert made.product == "chương trình hỗ trợ nghiên cứu, chuyển giao công nghệ cao cho doanh nghiệp, hợp tác xã"
    assert clause(plan, "2. Tổ chức hội chợ").product is None


def test_a_product_column_keeps_its_cell_and_a_table_without_one_reads_the_task_cell():
    plan = parse_md(INFRASTRUCTURE)
    assert clause(plan, "1. Xây dựng Đề án").product == "Đề án được phê duyệt"
    assert clause(plan, "1. Ban hành Quy chế").product == "Quy chế quản lý, chia sẻ dữ liệu hạ tầng viễn thông thụ động"
