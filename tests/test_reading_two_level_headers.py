"""Two-level headers: which first-row title a second header row splits is read from the titles.

A crawled table leaves merged header cells out, so "Năm hiện hành 2025 | Năm 2026 | …" over
"Kế hoạch | Ước thực hiện" says nothing of where the split is. The titles do: the numbering, content,
unit and role columns span both rows; a year's sub-titles must be that year (a span's within it); an
estimate ("Ước thực hiện", "Đánh giá thực hiện") exists only for the year under way, the earliest the
header names. One reading that fits gives each column its title, and a split year's sub-columns that
name no year of their own no year; more than one leaves the table without years. Layouts shaped like
real appendices: a provincial forecast of socio-economic indicators and its budget tables, an export
plan by product with quantity and value per year, a table of spending norms by area.
"""
from __future__ import annotations

import pytest

from test_reading_table_rows import crawled, parse_md, row_with


def test_estimate_splits_the_year_under_way_not_the_last_year():
    clauses = parse_md(crawled([
        ["**STT**", "**Nội dung**", "**Đơn vị tính**", "**Năm hiện hành 2025**", "**Năm 2026**", "**Năm 2027**",
         "**Năm 2028**"],
        ["**Kế hoạch**", "**Ước thực hiện**"],
        ["1", "Tổng sản phẩm trên địa bàn (GRDP)", "Tỷ đồng", "172.033", "172.500", "193.549", "218.628",
         "247.907"],
        ["2", "Tốc độ tăng trưởng GRDP", "%", "8,00", "8,10", "10,00", "10,50", "11,00"],
    ]))
    grdp = row_with(clauses, "GRDP)")
    assert grdp.year_values == {2026: "193.549", 2027: "218.628", 2028: "247.907"}
    assert (grdp.target.values, grdp.target.year) == ([247907.0], 2028)
    assert grdp.columns["don_vi_tinh"] == "Tỷ đồng"
    assert "chi_tieu" not in grdp.columns  # the current year's plan is a baseline, not the target column
    assert row_with(clauses, "Tốc độ").year_values[2026] == "10,00"


def test_budget_table_splits_the_current_year_and_the_three_year_span():
    """"Năm 2025" over what was decided and done, "Dự kiến 03 năm kế hoạch" over the three years."""
    clauses = parse_md(crawled([
        ["**STT**", "**Nội dung**", "**Năm 2025**", "**Dự kiến 03 năm kế hoạch**"],
        ["**Dự toán HĐND tỉnh quyết định**", "**Đánh giá thực hiện**", "**Năm 2026**", "**Năm 2027**",
         "**Năm 2028**"],
        ["1", "Chi đầu tư phát triển", "3.350.400", "3.012.000", "3.900.000", "4.200.000", "4.650.000"],
        ["2", "Chi thường xuyên", "9.120.500", "9.300.000", "9.800.000", "10.150.000", "10.600.000"],
    ]))
    assert row_with(clauses, "Chi đầu tư").year_values == {2026: "3.900.000", 2027: "4.200.000", 2028: "4.650.000"}
    assert "Năm 2025 Đánh giá thực hiện" in row_with(clauses, "Chi thường xuyên").text


def test_quantity_and_value_per_year_title_every_column_and_give_no_single_year_value():
    clauses = parse_md(crawled([
        ["**TT**", "**Sản phẩm**", "**Kế hoạch 2026**", "**Kế hoạch 2027**", "**Kế hoạch 2028**"],
        ["**Lượng (Tấn)**", "**Giá trị (Nghìn USD)**", "**Lượng (Tấn)**", "**Giá trị (Nghìn USD)**",
         "**Lượng (Tấn)**", "**Giá trị (Nghìn USD)**"],
        ["1", "Xoài", "13.500", "7.000", "14.800", "7.800", "16.000", "8.600"],
        ["2", "Sầu riêng", "20.000", "45.000", "22.000", "50.000", "25.000", "56.000"],
    ]))
    mango = row_with(clauses, "Xoài")
    assert mango.year_values is None  # two values a year: neither is the year's one value
    header = next(c for c in clauses if c.kind == "table_header")
    assert header.text.startswith("TT | Sản phẩm | Kế hoạch")  # the product column is not split
    assert "san_pham" not in mango.columns  # the figures are no product


def test_norms_split_by_area_keep_the_unit_column_whole():
    clauses = parse_md(crawled([
        ["**STT**", "**Nội dung**", "**Đơn vị tính**", "**Định mức**"],
        ["**Khu vực đô thị**", "**Khu vực còn lại**"],
        ["1", "Hỗ trợ xây dựng nhà văn hóa", "Triệu đồng/công trình", "500", "350"],
        ["2", "Hỗ trợ lắp đặt đèn chiếu sáng", "Triệu đồng/km", "120", "90"],
    ]))
    hall = row_with(clauses, "nhà văn hóa")
    assert hall.columns["don_vi_tinh"] == "Triệu đồng/công trình"
    assert "Định mức Khu vực còn lại: 350" in hall.text
    assert hall.year_values is None


# A year over two measures, each stating its unit: the row that fills one of them has that year's value,
# in that measure's unit. Shapes of an export plan (total and group rows leave their number and quantity
# cells empty), a harvest plan in tonnes and hectares, and a budget in million dong beside a count.
_MEASURE_TABLES = [
    (["**TT**", "**Sản phẩm**", "**Kế hoạch 2026**", "**Kế hoạch 2030**"],
     ["**Lượng (Tấn)**", "**Giá trị tham gia xuất khẩu (Nghìn USD)**", "**Lượng (Tấn)**",
      "**Giá trị tham gia xuất khẩu (Nghìn USD)**"],
     ["", "**Tổng I + II**", "", "**240.000**", "", "**400.000**"], "Tổng I + II", [400000.0], "Nghìn USD"),
    (["**STT**", "**Cây trồng**", "**Năm 2027**", "**Năm 2028**"],
     ["**Diện tích (ha)**", "**Sản lượng (tấn)**", "**Diện tích (ha)**", "**Sản lượng (tấn)**"],
     ["", "Cộng", "", "12.500", "", "13.200"], "Cộng", [13200.0], "tấn"),
    (["**TT**", "**Nội dung**", "**Năm 2026**", "**Năm 2027**"],
     ["**Số lượng (người)**", "**Kinh phí (triệu đồng)**", "**Số lượng (người)**", "**Kinh phí (triệu đồng)**"],
     ["I", "Đào tạo nghề", "", "1.500", "", "1.800"], "Đào tạo nghề", [1800.0], "triệu đồng"),
]


@pytest.mark.parametrize("titles,measures,row,name,values,unit", _MEASURE_TABLES)
def test_a_row_filling_one_measure_of_each_year_reads_its_value_and_unit(titles, measures, row, name, values, unit):
    clauses = parse_md(crawled([titles, measures, ["*1*", "*2*", "*3*", "*4*", "*5*"], row,
                                ["1", "Mục khác", "10", "20", "30", "40"], ["2", "Mục sau", "11", "21", "31", "41"]]))
    found = next(c for c in clauses if name in c.text and c.kind == "table_row")
    assert (found.target.values, found.target.unit, found.target.year) == (values, unit, int(titles[-1][-6:-2]))
    assert sorted(found.year_values) == [int(titles[2][-6:-2]), int(titles[3][-6:-2])]


def test_a_row_filling_both_measures_of_a_year_states_no_one_value_but_a_target_per_measure():
    clauses = parse_md(crawled([_MEASURE_TABLES[0][0], _MEASURE_TABLES[0][1],
                                ["1", "Xoài", "13.500", "7.000", "18.000", "10.000"],
                                ["2", "Chè", "", "26.700", "", "33.040"]]))
    mango = row_with(clauses, "Xoài")
    assert mango.year_values is None
    assert [(t.year, t.values, t.unit) for t in mango.year_targets] == [
        (2026, [13500.0], "Tấn"), (2026, [7000.0], "Nghìn USD"), (2030, [18000.0], "Tấn"), (2030, [10000.0], "Nghìn USD")]
    assert (mango.target.values, mango.target.unit, mango.target.year) == ([18000.0], "Tấn", 2030)  # the first measure
    assert row_with(clauses, "Chè").target.values == [33040.0]


# Years titled as plans ("Kế hoạch 2026" … "Kế hoạch 2030"), a word that alone names a plan's value column: each
# year keeps a column of its own, so a row says every year's cell under that year's title, never all of them under
# the last one. Shapes of an export plan (two measures a year), a budget plan and a harvest plan (one value a year).
_PLAN_YEAR_TABLES = [
    (["**TT**", "**Sản phẩm**", "**Kế hoạch 2026**", "**Kế hoạch 2027**", "**Kế hoạch 2028**"],
     ["**Lượng (Tấn)**", "**Giá trị tham gia xuất khẩu (Nghìn USD)**"] * 3,
     ["1", "Xoài", "13.500", "7.000", "14.800", "7.800", "16.000", "8.600"], "Xoài",
     "Kế hoạch 2027 Lượng (Tấn): 14.800"),
    (["**STT**", "**Nội dung**", "**Kế hoạch 2026**", "**Kế hoạch 2027**", "**Kế hoạch 2028**"], None,
     ["1", "Chi sự nghiệp giáo dục", "1.200", "1.350", "1.500"], "Chi sự nghiệp", "Kế hoạch 2027: 1.350"),
    (["**TT**", "**Cây trồng**", "**KH 2026**", "**KH 2027**", "**KH 2028**"], None,
     ["1", "Chè búp tươi", "26.700", "28.000", "29.500"], "Chè búp", "KH 2028: 29.500"),
]


@pytest.mark.parametrize("titles,measures,row,name,says", _PLAN_YEAR_TABLES)
def test_years_titled_as_plans_keep_a_column_each(titles, measures, row, name, says):
    rows = [titles] + ([measures] if measures else []) + [row, ["2", "Mục khác"] + ["1"] * (len(row) - 2)]
    found = row_with(parse_md(crawled(rows)), name)
    assert says in found.text
    if measures is None:  # one value a year: the year's cell is typed
        year = int(says.split(":")[0][-4:])
        assert found.year_values[year] == says.split(": ")[1]
