"""Targets: value(s), unit, comparison and the year from the sentence or its heading, in text and tables."""
from __future__ import annotations

import pytest

from corpus.model import SourceText
from corpus.parse import parse_source
from corpus.targets import parse_target, year_of_heading


@pytest.mark.parametrize("text, values, unit, cmp", [
    ("Đến năm 2030, tốc độ truy cập Internet quốc tế đạt 350 Tbps", [350.0], "Tbps", "="),
    ("tỷ lệ hoạt động trực tuyến ≥ 30%", [30.0], "%", ">="),
    ("Tỷ lệ lực lượng dân quân, tự vệ so với dân số: 1,16%.", [1.16], "%", "="),
    ("100% điểm đến du lịch trọng điểm ứng dụng công nghệ số; có ít nhất 10 sản phẩm du lịch số", [100.0], "%", "="),
    ("Tỷ trọng kinh tế số đạt tối thiểu 30% GRDP;", [30.0], "%", ">="),
    ("Tỷ lệ doanh nghiệp ứng dụng thương mại điện tử phấn đấu đạt trên 70%;", [70.0], "%", ">"),
])
def test_numbers_units_and_comparisons_as_real_plans_write_them(text, values, unit, cmp):
    t = parse_target(text)
    assert (t.values, t.unit, t.comparison) == (values, unit, cmp)


@pytest.mark.parametrize("text, year", [
    ("Đến năm 2030, tỷ lệ hộ dân dùng nước sạch đạt 95%", 2030),
    ("b) Mục tiêu giai đoạn 2026-2030", 2030),
    ("2. Mục tiêu đến năm 2035", 2035),
    ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", None),
])
def test_the_year_is_read_from_the_sentence_or_heading_not_from_cited_dates(text, year):
    assert year_of_heading(text) == year


def test_indicators_take_the_year_of_their_heading():
    plan = parse_source(SourceText("s.md", """**II. MỤC TIÊU**

**1. Mục tiêu đến năm 2030**

a) Về kinh tế số

(1) Tỷ trọng kinh tế số đạt tối thiểu 30% GRDP;

**2. Mục tiêu giai đoạn 2026 - 2028**

- 100% các khu công nghiệp có tối thiểu 1 trạm phát sóng 5G.
""".splitlines(), fmt="md"))
    by_text = {c.text[:20]: c.target for c in plan.clauses if c.target}
    econ = next(t for k, t in by_text.items() if k.startswith("(1) Tỷ trọng"))
    assert (econ.values, econ.comparison, econ.year) == ([30.0], ">=", 2030)
    parks = next(t for k, t in by_text.items() if "100%" in k)
    assert (parks.values, parks.year) == ([100.0], 2028)
