"""A unit heading in capitals (or typed without diacritics) with the unit's role noted in brackets after its name leads
the tasks under it, as the same heading in sentence case does ("1. Sở Tài chính (cơ quan chủ trì)", 001c610b); the
capitals were read only without the note (benchmarks/perturb_facts.py headings_upper)."""
from __future__ import annotations

import pytest

from tests.snippets import clause, parse_md

PLAN = "# KẾ HOẠCH\n\n**IV. TỔ CHỨC THỰC HIỆN**\n\n{heading}\n\n- Chủ trì xây dựng, tổ chức thực hiện, theo dõi Kế hoạch.\n"


@pytest.mark.parametrize("heading,lead", [
    ("**1. SỞ\nTÀI CHÍNH **(cơ quan chủ trì)", "Sở Tài Chính"),  # 001c610b, its bold wrapped
    ("**2. SỞ NỘI VỤ (CƠ QUAN THƯỜNG TRỰC)**", "Sở Nội Vụ"),  # 556b2fb4 names its standing body so
    ("**3. PHÒNG KINH TẾ** (đơn vị đầu mối)", "Phòng Kinh Tế"),  # a commune's plan
    ("**1. SO TAI CHINH** (co quan chu tri)", "So Tai Chinh"),  # typed without diacritics
])
def test_a_unit_heading_in_capitals_with_its_role_noted_leads_its_tasks(heading, lead):
    plan = parse_md(PLAN.format(heading=heading))
    assert clause(plan, "- Chủ trì xây dựng").lead == lead


def test_a_heading_in_capitals_that_names_no_unit_still_leads_nothing():
    plan = parse_md(PLAN.format(heading="**1. NHIỆM VỤ TRỌNG TÂM (chủ trì thực hiện)**"))
    assert clause(plan, "- Chủ trì xây dựng").lead is None
