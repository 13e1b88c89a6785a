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


# A '#' heading wrapped with no mark at all: "## I. MỤC" over a plain "ĐÍCH, YÊU CẦU" (benchmarks/perturb_layouts.py,
# hash_headings_plain: 70 answers over 7 dev documents). The plain line goes on with the heading when it opens in
# lower case, matches the heading's capitals, follows a one-word title, or is a stub of a word or two.
@pytest.mark.parametrize("lines, heading, item", [
    (["## I. MỤC", "ĐÍCH, YÊU CẦU", "", "1. Xác định cụ thể nội dung công việc."],
     "I. MỤC ĐÍCH, YÊU CẦU", "Xác định cụ thể"),
    (["### 1. Mục", "tiêu tổng quát", "", "Nâng cao chất lượng dịch vụ công trực tuyến."],
     "1. Mục tiêu tổng quát", "Nâng cao chất lượng"),
    (["## V. TỔ CHỨC THỰC HIỆN", "", "### 1. Sở", "Khoa học và Công nghệ", "", "- Chủ trì hướng dẫn triển khai."],
     "1. Sở Khoa học và Công nghệ", "Chủ trì hướng dẫn"),
    (["### 7. Các doanh nghiệp hoạt động", "trên địa bàn Tỉnh", "", "- Chủ động đầu tư hạ tầng số."],
     "7. Các doanh nghiệp hoạt động trên địa bàn Tỉnh", "Chủ động đầu tư"),
    (["### 6. Sở Ngoại", "Vụ", "", "- Tăng cường hợp tác quốc tế."], "6. Sở Ngoại Vụ", "Tăng cường"),
    (["### 2. Kế hoạch phát triển giai đoạn", "2026 - 2030", "", "- Xây dựng trạm 5G."],
     "2. Kế hoạch phát triển giai đoạn 2026 - 2030", "Xây dựng trạm"),
])
def test_a_hash_heading_wrapped_onto_a_plain_line_is_one_heading(lines, heading, item):
    clauses = _clauses(lines)
    under = next(c for c in clauses if c.text.lstrip("-1. ").startswith(item))
    assert under.section.endswith(heading)


@pytest.mark.parametrize("lines", [
    ["## II. NHIỆM VỤ", "Các sở, ngành triển khai đồng bộ các giải pháp sau đây."],
    ["### 1. Mục đích", "Nâng cao nhận thức của cán bộ, công chức về chuyển đổi số."],
])
def test_a_sentence_under_a_hash_heading_stays_a_paragraph(lines):
    clauses = _clauses(lines)
    assert any(c.text.startswith(lines[1][:12]) for c in clauses)
    assert any(c.kind == "heading" and c.text == lines[0].lstrip("# ") for c in clauses)
