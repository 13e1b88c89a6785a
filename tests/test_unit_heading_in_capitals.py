"""A numbered heading naming a unit in capitals makes the unit the lead of its section, as in sentence case.

Plans set the units of "TỔ CHỨC THỰC HIỆN" as "1. SỞ TÀI CHÍNH" as often as "1. Sở Tài chính"; the unit words
("Sở", "Công an", "Trung tâm") were matched in their usual case only, so a plan with its headings in capitals
lost the leads of every duty under them (benchmarks/perturb_layouts.py, headings_upper: 12 dev documents).
Only a numbered heading is read so: a signature's "CHỦ TỊCH" or a form's "BỘ TRƯỞNG" names no section's lead.
"""
from __future__ import annotations

import pytest

from corpus.model import SourceText
from corpus.parse import parse_source
from corpus.responsibilities import unit_name

_HEAD = ["**ỦY BAN NHÂN DÂN TỈNH AN GIANG**", "", "**KẾ HOẠCH**", "", "**IV. TỔ CHỨC THỰC HIỆN**", ""]


def _clauses(lines: list[str]):
    return parse_source(SourceText(source="ke-hoach.md", lines=_HEAD + lines + [""], fmt="md")).clauses


@pytest.mark.parametrize("heading, duty, lead", [
    ("**1. SỞ TÀI CHÍNH**", "- Tham mưu bố trí kinh phí thực hiện Kế hoạch.", "sở tài chính"),
    ("**2. CÔNG AN TỈNH**", "- Bảo đảm an ninh, trật tự trong quá trình triển khai.", "công an tỉnh"),
    ("**3. TRUNG TÂM CHUYỂN ĐỔI SỐ TỈNH**", "- Vận hành hệ thống thông tin quy hoạch.", "trung tâm chuyển đổi số tỉnh"),
])
def test_a_unit_heading_in_capitals_leads_the_duties_under_it(heading, duty, lead):
    clauses = _clauses([heading, "", duty, "", "- Báo cáo kết quả thực hiện hằng năm."])
    task = next(c for c in clauses if c.text.startswith(duty[:12]))
    assert (task.lead or "").casefold() == lead


def test_capitals_are_read_only_for_a_numbered_heading():
    assert unit_name("CHỦ TỊCH") is None
    assert unit_name("SỞ TÀI CHÍNH") is None
    assert unit_name("SỞ TÀI CHÍNH", capitals=True) == "Sở Tài Chính"


def test_an_acronym_in_a_capitalised_name_is_kept():
    assert unit_name("UBND CÁC XÃ, PHƯỜNG", capitals=True).startswith("UBND")
