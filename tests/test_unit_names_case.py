"""A unit's name with every word capitalised ("Công An Thành phố", "Ủy Ban nhân dân xã", "Văn Phòng HĐND và UBND
xã") is still a unit's name. Wordings from a city's plan (001c610b, dev) and commune plans (synthetic)."""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

CASES = [
    ("**IV. TỔ CHỨC THỰC HIỆN**\n\n**3. Công An Thành phố, Bộ Tư lệnh Thành phố**\n\n"
     "Định kỳ kiểm tra, đánh giá an toàn hệ thống.\n", "3. Công An", "Công An Thành phố, Bộ Tư lệnh Thành phố"),
    ("**III. TỔ CHỨC THỰC HIỆN**\n\n1. Ủy Ban nhân dân xã chủ trì tổ chức tuyên truyền về bảo hiểm y tế.\n",
     "1. Ủy Ban", "Ủy Ban nhân dân xã"),
    ("**III. NHIỆM VỤ**\n\n2. Giao Văn Phòng HĐND và UBND xã tổng hợp, báo cáo kết quả thực hiện.\n",
     "2. Giao Văn Phòng", "Văn Phòng HĐND và UBND xã"),
]


@pytest.mark.parametrize("snippet, start, lead", CASES)
def test_a_unit_name_with_every_word_capitalised_leads(snippet, start, lead):
    assert clause(parse_md(snippet), start).lead == lead
