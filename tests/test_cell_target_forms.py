"""Target cells of indicator tables written the ways plans write figures in text: a unit in the cell itself
("350 Tbps"), a range with its unit on both ends ("45% - 50%") or in words ("Từ 60% đến 70%"), a bound
with a unit ("≥ 350 Tbps", "98% trở lên"). Synthetic cells and tables modelled on the forms plans use."""
from __future__ import annotations

import pytest

from corpus.model import SourceText
from corpus.parse import parse_source
from corpus.targets import parse_cell_target


@pytest.mark.parametrize("cell, values, unit, cmp", [
    ("350 Tbps", [350.0], "Tbps", "="),
    ("≥ 350 Tbps", [350.0], "Tbps", ">="),
    ("1.000 doanh nghiệp", [1000.0], "doanh nghiệp", "="),
    ("Tối thiểu 100 Mbps", [100.0], "Mbps", ">="),
])
def test_a_cell_states_its_own_unit_when_the_table_has_no_unit_column(cell, values, unit, cmp):
    t = parse_cell_target(cell, None, 2030)
    assert (t.values, t.unit, t.comparison, t.year) == (values, unit, cmp, 2030)


@pytest.mark.parametrize("cell, unit_column, values, unit", [
    ("Từ 60% đến 70%", None, [60.0, 70.0], "%"),
    ("từ 60 đến 65", "%", [60.0, 65.0], "%"),
    ("45% - 50%", None, [45.0, 50.0], "%"),
    ("1,5% – 2%", None, [1.5, 2.0], "%"),
    ("60–70%", None, [60.0, 70.0], "%"),
])
def test_a_range_cell_is_read_with_its_unit_at_either_end_or_in_words(cell, unit_column, values, unit):
    t = parse_cell_target(cell, unit_column, 2030)
    assert (t.values, t.unit, t.comparison) == (values, unit, "range")


@pytest.mark.parametrize("cell, values, unit, cmp", [
    ("98% trở lên", [98.0], "%", ">="),
    ("Không dưới 45%", [45.0], "%", ">="),
    ("≥ 30%", [30.0], "%", ">="),
    ("1,16%", [1.16], "%", "="),
    ("Từ 20%", [20.0], "%", ">="),
])
def test_a_bounded_cell_keeps_its_percent_sign_as_the_unit(cell, values, unit, cmp):
    t = parse_cell_target(cell, None, None)
    assert (t.values, t.unit, t.comparison) == (values, unit, cmp)


def test_cells_that_state_no_figure_give_no_target():
    for cell in ("Hoàn thành", "-", "x", "Theo kế hoạch"):
        assert parse_cell_target(cell, None, 2030) is None


def _targets(text: str) -> dict[str, tuple]:
    plan = parse_source(SourceText("t.md", text.splitlines(), fmt="md"))
    return {c.text.split(" — ")[0]: (c.target.values, c.target.unit, c.target.comparison, c.target.year)
            for c in plan.clauses if c.kind == "table_row" and c.target}


def test_a_value_column_titled_by_its_year_reads_units_and_ranges_in_its_cells():
    got = _targets("""**2. Chỉ tiêu đến năm 2030**

| STT | Chỉ tiêu | Mục tiêu đến năm 2030 |
|---|---|---|
| 1 | Băng thông kết nối quốc tế | 350 Tbps |
| 2 | Tỷ lệ lao động qua đào tạo | Từ 60% đến 70% |
| 3 | Tỷ lệ đô thị hóa | 45% - 50% |
| 4 | Tỷ lệ hộ dân dùng nước sạch | 98% trở lên |
""")
    assert got["1. Băng thông kết nối quốc tế"] == ([350.0], "Tbps", "=", 2030)
    assert got["2. Tỷ lệ lao động qua đào tạo"] == ([60.0, 70.0], "%", "range", 2030)
    assert got["3. Tỷ lệ đô thị hóa"] == ([45.0, 50.0], "%", "range", 2030)
    assert got["4. Tỷ lệ hộ dân dùng nước sạch"] == ([98.0], "%", ">=", 2030)


def test_a_table_with_a_column_per_year_reads_worded_ranges_per_year():
    plan = parse_source(SourceText("t.md", """**2. Các chỉ tiêu cụ thể**

| STT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2030 |
|---|---|---|---|---|
| 1 | Tỷ lệ lao động qua đào tạo | % | từ 60 đến 65 | từ 65 đến 70 |
| 2 | Tốc độ tăng năng suất lao động | %/năm | 1,16 | 1,5 |
""".splitlines(), fmt="md"))
    rows = [c for c in plan.clauses if c.kind == "table_row"]
    trained = {t.year: (t.values, t.comparison) for t in rows[0].year_targets}
    assert trained == {2026: ([60.0, 65.0], "range"), 2030: ([65.0, 70.0], "range")}
    assert [(t.year, t.values) for t in rows[1].year_targets] == [(2026, [1.16]), (2030, [1.5])]


@pytest.mark.parametrize("text, values, unit", [
    ("Tổng vốn đầu tư toàn xã hội giai đoạn 2026 - 2030 đạt 15 nghìn tỷ đồng", [15.0], "nghìn tỷ đồng"),
    ("Tốc độ truy cập Internet băng rộng cố định đạt 10 Gbit/s", [10.0], "Gbit/s"),
    ("Phấn đấu đạt 35 giường bệnh/vạn dân", [35.0], "giường bệnh/vạn dân"),
    ("Thu ngân sách nhà nước trên địa bàn đạt 1.500 tỷ đồng", [1500.0], "tỷ đồng"),
])
def test_units_of_large_budgets_speeds_and_beds_are_read_whole(text, values, unit):
    from corpus.targets import parse_target
    t = parse_target(text)
    assert (t.values, t.unit) == (values, unit)


@pytest.mark.parametrize("cell, unit_column, values, unit, cmp", [
    ("100% (tương đương 50 xã)", None, [100.0], "%", "="),
    ("Đạt trên 95% số hộ", None, [95.0], "%", ">"),
    ("Tăng bình quân 8%/năm", None, [8.0], "%", "increase_avg"),
    ("Tối thiểu 02 mô hình/xã", "mô hình", [2.0], "mô hình", ">="),
])
def test_a_cell_worded_as_a_sentence_is_read_as_text_with_the_columns_year(cell, unit_column, values, unit, cmp):
    t = parse_cell_target(cell, unit_column, 2030)
    assert (t.values, t.unit, t.comparison, t.year) == (values, unit, cmp, 2030)


@pytest.mark.parametrize("cell", ["Quý IV/2026", "Năm 2027", "30/4/2026", "Hoàn thành", "Theo lộ trình"])
def test_a_cell_of_dates_or_words_gives_no_target(cell):
    assert parse_cell_target(cell, None, 2030) is None
