"""The same task or indicator rendered in the layouts real plans use must give the same facts (issue #9:
reading that holds on layouts the development documents never showed).

Metamorphic tests: each content (wordings of tasks and indicators as real plans write them, synthetic here)
is rendered in several layouts — tables with other column orders and header synonyms, labelled lines after
the task, unit sections, sentences — and every rendering must read the same lead, partners, deadline or target.
"""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

# ------------------------------------------------------------------ indicators in a table of one value column

INDICATORS = [  # (indicator, unit column, cell, expected values, unit, comparison)
    ("Tỷ lệ lao động qua đào tạo", "%", "≥70", [70.0], "%", ">="),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "Trên 95", [95.0], "%", ">"),
    ("Thu nhập bình quân đầu người", "Triệu đồng", "120 - 130", [120.0, 130.0], "Triệu đồng", "range"),
    ("Diện tích trồng rừng mới", "Ha", "1.200", [1200.0], "Ha", "="),
]
# value columns titled by the year or the period alone, with the year each names
VALUE_TITLES = [("Năm 2030", 2030), ("2030", 2030), ("Giai đoạn 2026-2030", 2030), ("Đến năm 2028", 2028),
                ("Mục tiêu 2030", 2030), ("Kế hoạch năm 2026", 2026)]
UNIT_TITLES = ["Đơn vị tính", "ĐVT", "Đơn vị"]


@pytest.mark.parametrize("value_title,year", VALUE_TITLES)
@pytest.mark.parametrize("unit_title", UNIT_TITLES)
@pytest.mark.parametrize("name,unit,cell,values,want_unit,comparison", INDICATORS)
def test_indicator_table_value_column_titled_by_its_year(value_title, year, unit_title, name, unit, cell, values,
                                                        want_unit, comparison):
    plan = parse_md(f"""
## 2. Các chỉ tiêu chủ yếu

| STT | Chỉ tiêu | {unit_title} | {value_title} |
|---|---|---|---|
| 1 | {name} | {unit} | {cell} |
""")
    t = clause(plan, name).target
    assert t is not None
    assert (t.values, t.unit, t.comparison, t.year) == (values, want_unit, comparison, year)


def test_bare_unit_title_over_tasks_stays_the_acting_body():
    """"Đơn vị" over tasks (no figures column) names who acts, it is no unit of measure."""
    plan = parse_md("""
## III. NHIỆM VỤ

| STT | Nội dung | Đơn vị chủ trì | Đơn vị | Thời gian |
|---|---|---|---|---|
| 1 | Rà soát quy hoạch sử dụng đất | Phòng Kinh tế | Phòng Văn hóa - Xã hội | Năm 2026 |
""")
    c = clause(plan, "Rà soát quy hoạch")
    assert c.lead == "Phòng Kinh tế" and c.target is None


def test_two_year_columns_stay_a_table_of_years():
    """A table with one column per year keeps its per-year targets; no column becomes the single value."""
    plan = parse_md("""
## 2. Các chỉ tiêu

| STT | Chỉ tiêu | ĐVT | Năm 2026 | Năm 2030 |
|---|---|---|---|---|
| 1 | Tỷ lệ hộ nghèo | % | 3 | 1 |
""")
    c = clause(plan, "Tỷ lệ hộ nghèo")
    assert [(t.year, t.values) for t in c.year_targets] == [(2026, [3.0]), (2030, [1.0])]
