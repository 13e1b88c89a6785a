"""A unit's duty in "Tổ chức thực hiện" restated by that unit's own appendix row (issue #9): only the unit's own rows
can restate its duty, so a row of another unit sharing as many words is no rival, and the duty takes its row's phối
hợp and thời hạn (`corpus.paraphrase_links.ParaphrasedDuties._own_unit_row`, `DUTY_ROW_MIN_SHARE`).

Wordings modelled on three development plans (a technology-renewal plan's Sở Công Thương and Sở Nông nghiệp duties,
a 5G/IoT plan's Ban Quản lý duty, a digital-economy plan's field claims), synthetic here.
"""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

PLAN = """**ỦY BAN NHÂN DÂN TỈNH**

**KẾ HOẠCH**

**Đổi mới công nghệ giai đoạn 2025 - 2035**

**I. NHIỆM VỤ VÀ GIẢI PHÁP**

- Rà soát, bổ sung, hoàn thiện các chính sách hỗ trợ đổi mới công nghệ, tạo môi trường thuận lợi cho doanh nghiệp.

**II. TỔ CHỨC THỰC HIỆN**

**1. Sở Công Thương**

- Chủ trì triển khai các chương trình khuyến công nhằm hỗ trợ các doanh nghiệp đổi mới máy móc, thiết bị và công nghệ trong chế biến nông sản, thực phẩm.

**2. Sở Nông nghiệp và Môi trường**

- Hướng dẫn, hỗ trợ nông dân, hợp tác xã ứng dụng công nghệ cao, công nghệ số trong sản xuất, quản lý chuỗi giá trị nông sản; quan trắc tài nguyên, môi trường.

- Chủ trì, phối hợp triển khai các nhiệm vụ về nông nghiệp công nghệ cao trong lĩnh vực nông nghiệp của Kế hoạch.

**3. Ban Quản lý các khu công nghệ cao và khu công nghiệp**

- Tổ chức triển khai xây dựng hạ tầng 5G, IoT tại các khu công nghệ cao, khu công nghiệp theo quy hoạch, kế hoạch phát triển hạ tầng viễn thông thụ động.

**PHỤ LỤC**

NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN

| STT | Nhiệm vụ và giải pháp | Chủ trì | Phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Hỗ trợ doanh nghiệp tiếp cận chính sách khuyến công để đổi mới máy móc, thiết bị và công nghệ trong chế biến | Sở Công Thương | Doanh nghiệp, Sở, ban, ngành có liên quan | 2025 - 2035 |
| 2 | Đổi mới máy móc, thiết bị chế biến nông sản, thực phẩm tại các hợp tác xã | Liên minh Hợp tác xã tỉnh | Sở, ban, ngành có liên quan | 2026 |
| 3 | Hướng dẫn hợp tác xã, nông dân ứng dụng công nghệ số, truy xuất nguồn gốc, quan trắc tài nguyên, môi trường | Sở Nông nghiệp và Môi trường | Viện, Trường; Sở, ban, ngành có liên quan | 2025 - 2030 |
| 4 | Ứng dụng công nghệ cao trong sản xuất nông nghiệp, chuỗi giá trị nông sản | Sở Nông nghiệp và Môi trường | Doanh nghiệp | 2027 |
| 5 | Phát triển hạ tầng 5G, IoT đồng bộ tại các khu công nghệ cao, khu công nghiệp | Ban Quản lý các khu công nghệ cao và khu công nghiệp | Các doanh nghiệp đầu tư hạ tầng | Thường xuyên |
| 6 | Xây dựng hạ tầng 5G tại các khu dân cư theo quy hoạch | Sở Khoa học và Công nghệ | Các doanh nghiệp viễn thông | 2026 - 2030 |
"""

OWN_ROW = [  # (the unit's duty, its row's phối hợp, the row's thời hạn)
    ("- Chủ trì triển khai các chương trình khuyến công", "Doanh nghiệp, Sở, ban, ngành có liên quan", "2025 - 2035"),
    ("- Tổ chức triển khai xây dựng hạ tầng 5G", "Các doanh nghiệp đầu tư hạ tầng", "Thường xuyên"),
]


@pytest.mark.parametrize("duty,partners,deadline", OWN_ROW)
def test_a_units_duty_takes_the_phoi_hop_and_thoi_han_of_its_own_row_whatever_other_units_rows_share(
        duty, partners, deadline):
    c = clause(parse_md(PLAN), duty)
    assert (c.partners, c.deadline) == (partners, deadline)
    assert c.deadline_source is not None and c.deadline_source.mechanism == "appendix_table"


def test_a_row_of_another_unit_is_never_a_units_duty_restatement():
    """Row 2 (Liên minh Hợp tác xã) shares as many of Sở Công Thương's duty's words as its own row 1: the duty still
    takes row 1's cells, never row 2's."""
    c = clause(parse_md(PLAN), "- Chủ trì triển khai các chương trình khuyến công")
    assert c.deadline != "2026" and c.partners != "Sở, ban, ngành có liên quan"


def test_a_duty_claiming_a_field_of_the_plan_restates_no_one_row():
    """"… các nhiệm vụ về nông nghiệp công nghệ cao trong lĩnh vực nông nghiệp của Kế hoạch" claims every task of
    the field: no one row of the unit is its restatement."""
    c = clause(parse_md(PLAN), "- Chủ trì, phối hợp triển khai các nhiệm vụ về nông nghiệp")
    assert c.partners is None and c.deadline is None
