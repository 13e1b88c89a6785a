"""What a task makes, when a lead-in ("Căn cứ …,") comes before the body that makes it; a bare citation
("Căn cứ Kế hoạch số 12/KH-UBND …") still makes nothing. Wordings from a training centre's regulation (c49a5afa,
dev), an inspection regulation (e13e31ec, dev) and a commune plan (synthetic)."""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

MADE = [
    ("1. Căn cứ vào nhu cầu bồi dưỡng hằng năm trên địa bàn, Trung tâm phối hợp với các cơ quan, đơn vị liên quan "
     "xây dựng kế hoạch bồi dưỡng trình cấp ủy cấp xã phê duyệt.", "kế hoạch bồi dưỡng"),
    ("2. Căn cứ chức năng, nhiệm vụ và yêu cầu tại khoản 1 Điều này, Thủ trưởng các đơn vị có thẩm quyền kiểm tra "
     "chuyên ngành xây dựng kế hoạch kiểm tra chuyên đề của đơn vị mình.", "kế hoạch kiểm tra chuyên đề của đơn vị mình"),
    ("3. Căn cứ kết quả rà soát hộ nghèo năm 2025, Phòng Văn hóa - Xã hội xây dựng Kế hoạch hỗ trợ sinh kế cho hộ "
     "nghèo, trình Ủy ban nhân dân xã trước ngày 30/6/2026.", "Kế hoạch hỗ trợ sinh kế cho hộ nghèo"),
]


@pytest.mark.parametrize("text, product", MADE)
def test_a_body_acting_after_a_lead_in_makes_its_product(text, product):
    c = clause(parse_md(f"**II. NHIỆM VỤ**\n\n{text}\n"), text[:25])
    assert c.product == product


def test_a_citation_alone_makes_nothing():
    c = clause(parse_md("**II. NHIỆM VỤ**\n\n1. Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2026 của Ủy ban nhân dân "
                        "tỉnh về xây dựng Đề án chuyển đổi số.\n"), "1. Căn cứ Kế hoạch")
    assert c.product is None
