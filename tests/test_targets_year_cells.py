"""The year of an indicator row read from the row itself or from a period column (issue #9, targets in tables).

A row may state its year in a cell of its own ("| Tỷ lệ hộ nghèo | % | 2027 | 3 |" under "Năm"), and a table of
single years may close with a period column ("Năm 2025 | Năm 2026 | Giai đoạn 2026-2030"). The same indicator
rendered with each title must read the same year and value. Synthetic tables, wordings of real plans' tables.
"""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

YEAR_CELL_TITLES = ["Năm", "Thời gian", "Năm đạt", "Mốc thời gian"]
YEAR_CELLS = ["2027", "Năm 2027"]
INDICATORS = [  # (indicator, unit, value cell, values, comparison)
    ("Tỷ lệ hộ nghèo theo chuẩn đa chiều", "%", "3", [3.0], "="),
    ("Tỷ lệ lao động qua đào tạo", "%", "≥70", [70.0], ">="),
    ("Số xã đạt chuẩn nông thôn mới nâng cao", "xã", "12", [12.0], "="),
]


@pytest.mark.parametrize("cell", YEAR_CELLS)
@pytest.mark.parametrize("title", YEAR_CELL_TITLES)
@pytest.mark.parametrize("name,unit,value,values,comparison", INDICATORS)
def test_a_row_states_its_year_in_its_own_cell(cell, title, name, unit, value, values, comparison):
    plan = parse_md(f"""
## 2. Các chỉ tiêu chủ yếu

| STT | Chỉ tiêu | Đơn vị tính | {title} | Chỉ tiêu |
|---|---|---|---|---|
| 1 | {name} | {unit} | {cell} | {value} |
""")
    t = clause(plan, name).target
    assert (t.values, t.comparison, t.year) == (values, comparison, 2027)


def test_a_number_under_a_year_title_is_no_year():
    """A count under "Năm" that is no year (a duration, "5") leaves the year to the headings."""
    plan = parse_md("""
## 2. Các chỉ tiêu chủ yếu

| STT | Chỉ tiêu | Đơn vị tính | Năm | Chỉ tiêu |
|---|---|---|---|---|
| 1 | Tỷ lệ hộ nghèo | % | 5 | 3 |
""")
    assert clause(plan, "Tỷ lệ hộ nghèo").target.year is None


SPAN_TITLES = ["Giai đoạn 2026-2030", "2026 - 2030", "Giai đoạn 2026 – 2030 (%)", "Kế hoạch 2026-2030"]


@pytest.mark.parametrize("span", SPAN_TITLES)
def test_a_period_column_beside_single_years_sets_its_last_year(span):
    plan = parse_md(f"""
## 2. Các chỉ tiêu chủ yếu

| STT | Chỉ tiêu | ĐVT | Năm 2025 | Năm 2026 | {span} |
|---|---|---|---|---|---|
| 1 | Tỷ lệ hộ nghèo | % | 3 | 2,5 | 1 |
""")
    c = clause(plan, "Tỷ lệ hộ nghèo")
    assert [(t.year, t.values) for t in c.year_targets] == [(2025, [3.0]), (2026, [2.5]), (2030, [1.0])]
    assert (c.target.year, c.target.values) == (2030, [1.0])


def test_a_period_whose_last_year_has_its_column_adds_nothing():
    plan = parse_md("""
## 2. Các chỉ tiêu chủ yếu

| STT | Chỉ tiêu | ĐVT | Năm 2026 | Năm 2030 | Giai đoạn 2026-2030 |
|---|---|---|---|---|---|
| 1 | Tỷ lệ hộ nghèo | % | 3 | 1 | 1-3 |
""")
    assert [(t.year, t.values) for t in clause(plan, "Tỷ lệ hộ nghèo").year_targets] == [(2026, [3.0]), (2030, [1.0])]


def test_a_baseline_period_beside_single_years_sets_nothing():
    plan = parse_md("""
## 2. Các chỉ tiêu chủ yếu

| STT | Chỉ tiêu | ĐVT | Thực hiện 2021-2025 | Năm 2026 | Năm 2027 |
|---|---|---|---|---|---|
| 1 | Tỷ lệ hộ nghèo | % | 5 | 3 | 2 |
""")
    assert [t.year for t in clause(plan, "Tỷ lệ hộ nghèo").year_targets] == [2026, 2027]
