"""A table row asked by its label and a year answers with that year's value and its unit (target questions over
appendix tables). A year over several measures, each titled with its unit ("Kế hoạch 2027" over "Lượng (Tấn)" and
"Giá trị (Nghìn USD)"), keeps one target per measure when the row fills them all; the answer shows the measure the
question asks ("bao nhiêu tấn" → the quantity), all of them when it asks none of their kinds. A year's single value
shows the unit of its ĐVT cell or its column's title. Synthetic tables in the shapes of an export plan, a harvest
plan, a training budget and a three-year socio-economic forecast."""
from __future__ import annotations

import pytest

from retrieval.query import analyse
from retrieval.strategies import STRATEGIES
from test_reading_table_rows import crawled, parse_md, row_with

# (year titles, measure titles, a row filling every measure, its label, (question, the year's value shown) pairs)
MEASURE_LAYOUTS = [
    (["**TT**", "**Sản phẩm**", "**Kế hoạch 2026**", "**Kế hoạch 2027**"],
     ["**Lượng (Tấn)**", "**Giá trị tham gia xuất khẩu (Nghìn USD)**"] * 2,
     ["1", "Sản phẩm sắn", "105.000", "40.160", "120.000", "47.000"], "Sản phẩm sắn",
     [("Kế hoạch lượng xuất khẩu sản phẩm sắn năm 2027 là bao nhiêu tấn?", "năm 2027: 120.000 Tấn. "),
      ("Giá trị xuất khẩu sản phẩm sắn năm 2027 đạt bao nhiêu USD?", "năm 2027: 47.000 Nghìn USD. ")]),
    (["**STT**", "**Cây trồng**", "**Năm 2027**", "**Năm 2028**"],
     ["**Diện tích (ha)**", "**Sản lượng (tấn)**"] * 2,
     ["1", "Cây ăn quả", "12.000", "96.000", "12.500", "101.000"], "Cây ăn quả",
     [("Diện tích cây ăn quả năm 2028 dự kiến bao nhiêu ha?", "năm 2028: 12.500 ha. "),
      ("Sản lượng cây ăn quả năm 2028 là bao nhiêu tấn?", "năm 2028: 101.000 tấn. ")]),
    (["**TT**", "**Nội dung**", "**Năm 2026**", "**Năm 2027**"],
     ["**Số lượng (người)**", "**Kinh phí (triệu đồng)**"] * 2,
     ["1", "Đào tạo nghề cho lao động nông thôn", "1.200", "1.500", "1.300", "1.800"], "Đào tạo nghề",
     [("Kinh phí đào tạo nghề cho lao động nông thôn năm 2027 là bao nhiêu triệu đồng?", "năm 2027: 1.800 triệu đồng. "),
      ("Năm 2027 đào tạo nghề cho lao động nông thôn bao nhiêu?", "năm 2027: 1.300 người; 1.800 triệu đồng. ")]),
]


@pytest.mark.parametrize("years,measures,row,label,asked", MEASURE_LAYOUTS)
def test_a_row_filling_every_measure_keeps_a_target_per_measure_with_its_unit(years, measures, row, label, asked):
    found = row_with(parse_md(crawled([years, measures, row, ["2", "Mục khác", "1", "2", "3", "4"]])), label)
    units = [m.strip("*").split("(")[1].rstrip(")") for m in measures[:2]]
    assert [(t.year, t.text, t.unit) for t in found.year_targets] == [
        (int(years[2][-6:-2]), row[2], units[0]), (int(years[2][-6:-2]), row[3], units[1]),
        (int(years[3][-6:-2]), row[4], units[0]), (int(years[3][-6:-2]), row[5], units[1])]
    assert found.year_values is None  # no one value a year


@pytest.mark.parametrize("years,measures,row,label,asked", MEASURE_LAYOUTS)
def test_the_answer_shows_the_measure_of_the_kind_asked_for_the_year_asked(years, measures, row, label, asked):
    found = row_with(parse_md(crawled([years, measures, row, ["2", "Mục khác", "1", "2", "3", "4"]])), label)
    target = STRATEGIES["target"]
    for question, shown in asked:
        q = analyse(question, {}, [])
        assert target.pick([found], q) is found
        assert target.line(found, q).startswith(shown), question


# one value a year, the unit in a ĐVT cell or in the row's label: a forecast of a three-year plan, a harvest plan's
# row under its crop, a share in percent
UNIT_ROWS = [
    ("| STT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2027 | Năm 2028 |\n|---|---|---|---|---|---|\n"
     "| 1 | Học sinh dân tộc nội trú | Người | 724 | 760 | 782 |", "Học sinh dân tộc nội trú",
     "Số học sinh dân tộc nội trú năm 2028 là bao nhiêu?", "năm 2028: 782 Người. "),
    ("| TT | Chỉ tiêu | ĐVT | Năm 2026 | Năm 2027 | Năm 2028 |\n|---|---|---|---|---|---|\n"
     "| 1 | Diện tích sắn | Ha | 43.600 | 43.800 | 44.000 |", "Diện tích sắn",
     "Diện tích sắn năm 2028 dự kiến bao nhiêu ha?", "năm 2028: 44.000 Ha. "),
    ("| TT | Chỉ tiêu | Năm 2026 | Năm 2027 |\n|---|---|---|---|\n"
     "| 1 | Tỷ lệ hộ nghèo (%) | 2,5 | 2 |", "Tỷ lệ hộ nghèo",
     "Tỷ lệ hộ nghèo năm 2027 là bao nhiêu?", "năm 2027: 2%. "),
]


@pytest.mark.parametrize("table,label,question,shown", UNIT_ROWS)
def test_a_years_value_is_shown_with_the_rows_unit(table, label, question, shown):
    found = row_with(parse_md(table.splitlines()), label)
    q = analyse(question, {}, [])
    assert STRATEGIES["target"].line(found, q).startswith(shown)
