"""A Markdown '#' heading wrapped over lines is one heading, as a bold heading without '#' is.

A plan converted with '#' headings keeps the hard wraps of its source: "## **I. MỤC ĐÍCH," over "YÊU CẦU**".
The reader used to end a '#' heading at its line, so the section became "I. MỤC ĐÍCH," and its wrapped words
a paragraph (benchmarks/perturb_layouts.py, hash_headings: 1,499 dev clauses filed under a cut heading).
A heading goes on to the next line when its bold run is left open or its last word is unfinished ("và", ",").
Wordings of three plans: a plan's purpose part, a law-dissemination task, an emulation movement's criteria.
"""
from __future__ import annotations

import pytest

from corpus.model import SourceText
from corpus.parse import parse_source

_HEAD = ["**ỦY BAN NHÂN DÂN TỈNH AN GIANG**", "", "**KẾ HOẠCH**", ""]


def _clauses(lines: list[str]):
    return parse_source(SourceText(source="ke-hoach.md", lines=_HEAD + lines + [""], fmt="md")).clauses


@pytest.mark.parametrize("lines, heading, item", [
    (["## **I. MỤC ĐÍCH,", "YÊU CẦU**", "", "1. Xác định cụ thể nội dung công việc."],
     "I. MỤC ĐÍCH, YÊU CẦU", "Xác định cụ thể"),
    (["### **1. Phổ biến, giáo dục Luật", "Việc làm năm 2025**", "", "- Cơ quan thực hiện: Sở Nội vụ."],
     "1. Phổ biến, giáo dục Luật Việc làm năm 2025", "Cơ quan thực hiện"),
    (["## III. TIÊU CHÍ THI ĐUA VÀ", "HÌNH THỨC KHEN THƯỞNG", "", "1. Hoàn thành vượt mức các chỉ tiêu."],
     "III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG", "Hoàn thành vượt mức"),
])
def test_a_wrapped_hash_heading_is_one_heading_over_its_items(lines, heading, item):
    clauses = _clauses(lines)
    under = next(c for c in clauses if c.text.lstrip("-1. ").startswith(item))
    assert under.section.endswith(heading)
    assert not any(c.text == lines[1].strip("*") for c in clauses)  # the wrapped words are no paragraph


def test_a_finished_hash_heading_does_not_swallow_the_paragraph_under_it():
    clauses = _clauses(["## I. MỤC TIÊU", "Nâng cao chất lượng dịch vụ công trực tuyến."])
    assert [c.text for c in clauses if c.kind == "heading" and c.text.startswith("I.")] == ["I. MỤC TIÊU"]
    assert any(c.text.startswith("Nâng cao") for c in clauses)


def test_a_hash_heading_closing_its_bold_on_its_own_line_ends_there():
    clauses = _clauses(["## **II. NỘI DUNG**", "**1. Tổ chức tập huấn**", "", "a) Tập huấn cho cán bộ."])
    item = next(c for c in clauses if c.text.startswith("a)"))
    assert item.section == "II. NỘI DUNG › 1. Tổ chức tập huấn"
