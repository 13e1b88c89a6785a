"""A run-in title whose bold marker is left open after its last letter stays with the text it opens.

Crawled Markdown often garbles a run-in title's emphasis: "*- Các sản phẩm trái cây**:" closes its
italic and then opens a bold run that emphasises nothing on that line, so the next line of the same
paragraph reads as bold. That is no bold heading over plain text: the title and the figure on the next
line are one clause, and the figure is that clause's target. A real switch of emphasis (a bold title
line, then plain text) still starts a new line. Layouts shaped like real plans: an export plan's product
lines, a commune's crop targets under a lettered item, a livestock line with "+" bullets.
"""
from __future__ import annotations

from corpus.model import Clause

from test_reading_table_rows import parse_md


def _covering(clauses: list[Clause], words: str) -> Clause:
    found = [c for c in clauses if words in c.text]
    assert len(found) == 1, [c.text for c in clauses]
    return found[0]


def test_export_product_title_keeps_its_figure_on_the_next_line():
    clauses = parse_md([
        "*- Các sản phẩm trái cây**:",
        "*Tổng sản phẩm trái cây tham gia xuất khẩu phấn đấu đến năm 2030 đạt trên",
        "46.200 tấn; tổng giá trị dự kiến đạt trên 48,3 triệu USD.",
    ])
    fruit = _covering(clauses, "Các sản phẩm trái cây")
    assert fruit.lines == (7, 9)
    assert (fruit.target.values, fruit.target.unit, fruit.target.comparison, fruit.target.year) == \
        ([46200.0], "tấn", ">", 2030)


def test_lettered_crop_title_keeps_its_figure_on_the_next_line():
    clauses = parse_md([
        "b) Cây lúa**:",
        "Diện tích gieo trồng hằng năm đạt 25.000 ha trở lên**",
    ])
    rice = _covering(clauses, "Cây lúa")
    assert rice.label == "b"
    assert "25.000 ha" in rice.text
    assert (rice.target.values, rice.target.comparison) == ([25000.0], ">=")


def test_plus_bullet_livestock_title_keeps_its_figure_on_the_next_line():
    clauses = parse_md([
        "+ Chăn nuôi bò sữa: **",
        "tổng đàn đến năm 2030 đạt 29.000 con.**",
    ])
    herd = _covering(clauses, "Chăn nuôi bò sữa")
    assert "29.000 con" in herd.text
    assert (herd.target.values, herd.target.year) == ([29000.0], 2030)


def test_a_bold_title_line_over_plain_text_is_still_its_own_line():
    clauses = parse_md([
        "**a) Cây lúa**",
        "Diện tích gieo trồng hằng năm đạt 25.000 ha trở lên.",
    ])
    title = _covering(clauses, "Cây lúa")
    assert "25.000" not in title.text
