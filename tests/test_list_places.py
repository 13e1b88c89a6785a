"""Which places have a plan ("Những tỉnh nào …", "tỉnh, thành nào có kế hoạch …", "nhung dia phuong nao …"): the
answer cites each plan by the letterhead line stating where it was issued, beside its title line."""
from __future__ import annotations

import pytest

from corpus.model import Clause, Document, Locality
from retrieval.query import analyse
from corpus.letterhead_lines import place_line
from retrieval.strategies import asks_places


def header(n: int, text: str, doc: str) -> Clause:
    return Clause(id=f"{doc}:{n:04d}", doc_id=doc, kind="header", label=None, section_path=[], text=text,
                  source=f"{doc}.md", lines=(n, n))


@pytest.mark.parametrize("text, asked", [
    ("Những tỉnh nào ban hành kế hoạch thi đua chào mừng Đại hội?", True),
    ("Tỉnh, thành nào có kế hoạch phát triển hạ tầng 5G trong khu công nghiệp?", True),
    ("nhung dia phuong nao co ke hoach chuyen doi so", True),
    ("Có những kế hoạch nào về phát triển hạ tầng 5G?", False),  # the plans, not their places
    ("Tỉnh nào đặt chỉ tiêu phủ sóng 5G 100%?", False),  # a figure's places, not which plans exist
])
def test_a_question_asks_for_the_places_of_the_plans_only_when_it_asks_which_places_have_one(text, asked):
    assert asks_places(analyse(text, {}, [])) is asked


@pytest.mark.parametrize("doc, lines, expected", [
    # a province's plan: issuer on two lines, then number and place-date lines
    (Document(id="na", source="na.md", locality=Locality(None, None, "Nghệ An")),
     ["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 982/KH-UBND",
      "Nghệ An, ngày 19 tháng 11 năm 2025", "KẾ HOẠCH"], 4),
    # a commune's plan, typed without the province
    (Document(id="lm", source="lm.md", locality=Locality("xã", "Lương Minh", "Quảng Ninh")),
     ["UBND XÃ LƯƠNG MINH", "Số: 12/KH-UBND", "Lương Minh, ngày 02 tháng 01 năm 2026", "KẾ HOẠCH"], 2),
    # a national text dated in the capital: its place-and-date line (where and when issued; `issued_where` does not
    # cite it for a places question, the plan has no place of its own)
    (Document(id="tw", source="tw.md", locality=Locality()),
     ["BAN CHẤP HÀNH TRUNG ƯƠNG", "Hà Nội, ngày 01 tháng 12 năm 2025", "QUYẾT ĐỊNH"], 1),
    # no date in full: no place line
    (Document(id="tw2", source="tw2.md", locality=Locality()),
     ["BAN CHẤP HÀNH TRUNG ƯƠNG", "Hà Nội, tháng 12/2025", "QUYẾT ĐỊNH"], None),
])
def test_the_place_line_is_the_letterhead_line_opening_on_the_plans_place_with_a_date(doc, lines, expected):
    plan = [header(i + 1, t, doc.id) for i, t in enumerate(lines)]
    assert place_line(plan, doc) == expected
