"""A table whose unit is written once above it ("Đơn vị: Triệu đồng.", "*Đơn vị tính:ha*", "ĐVT: tỷ đồng")
gives that unit to every figure of its rows that has none of its own (no unit column, none in the name)."""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

TABLES = [
    # 9b7eebad (dev): the unit line is wrapped and in italics, under the table's title
    ("""
**BIỂU TỔNG HỢP DỰ TOÁN THU NSNN GIAI ĐOẠN 2026 – 2028**

*Đơn
vị: Triệu đồng.*

| STT | Nội dung | Năm 2026 | Năm 2027 | Năm 2028 |
|---|---|---|---|---|
| 1 | Thuế tài nguyên | 5.000 | 5.000 | 5.000 |
| 2 | Thuế giá trị gia tăng | 72.000 | 74.000 | 76.000 |
""", "Thuế giá trị gia tăng", {2026: 72000.0, 2028: 76000.0}, "Triệu đồng"),
    # 1796a553 (dev): "Đơn vị tính:" without a space
    ("""
**Biểu tổng hợp diện tích chuyển đổi**

*Đơn vị tính:ha*

| STT | Nội dung | Năm 2026 | Năm 2027 |
|---|---|---|---|
| 1 | Diện tích đất lúa chuyển đổi | 120 | 150 |
""", "Diện tích đất lúa", {2026: 120.0, 2027: 150.0}, "ha"),
    ("""
PHỤ LỤC: CHỈ TIÊU THU, CHI NGÂN SÁCH XÃ

ĐVT: tỷ đồng

| TT | Chỉ tiêu | Kế hoạch 2030 |
|---|---|---|
| 1 | Tổng thu ngân sách trên địa bàn | 45,5 |
""", "Tổng thu ngân sách", {2030: 45.5}, "tỷ đồng"),
]


@pytest.mark.parametrize("snippet,row,values,unit", TABLES)
def test_the_unit_written_above_a_table_is_its_rows_unit(snippet, row, values, unit):
    c = clause(parse_md(snippet), row)
    assert c.target is not None and c.target.unit == unit
    by_year = {t.year: t for t in c.year_targets} if c.year_targets else {year: c.target for year in values}
    for year, value in values.items():
        assert by_year[year].values == [value] and by_year[year].unit == unit


def test_a_unit_column_or_a_unit_in_the_name_wins_over_the_table_line():
    plan = parse_md("""
*Đơn vị: Triệu đồng.*

| STT | Chỉ tiêu | ĐVT | Năm 2026 | Năm 2027 |
|---|---|---|---|---|
| 1 | Tỷ lệ hộ nghèo | % | 1,2 | 1,0 |
| 2 | Thu nhập bình quân (triệu đồng/người) |  | 80 | 90 |
""")
    assert clause(plan, "Tỷ lệ hộ nghèo").target.unit == "%"
    assert clause(plan, "Thu nhập bình quân").target.unit == "triệu đồng/người"


def test_a_unit_line_far_above_belongs_to_no_table():
    plan = parse_md("""
Đơn vị: Triệu đồng.

Nội dung thứ nhất của kế hoạch.

Nội dung thứ hai của kế hoạch.

| STT | Nội dung | Năm 2026 | Năm 2027 |
|---|---|---|---|
| 1 | Số lớp tập huấn | 12 | 14 |
""")
    assert clause(plan, "Số lớp tập huấn").target.unit is None
