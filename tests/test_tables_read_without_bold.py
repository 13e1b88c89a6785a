"""A table reads the same whether or not the plan sets its header and part rows in bold.

The crawled dev plans bold a two-level header's second row and a table's part rows ("I. CÂY CÔNG NGHIỆP");
the reader used to know them by the bold alone, so a plan written without bold (benchmarks/perturb_layouts.py,
bold_removed) lost every column title of its year tables. A second header row is also known by its words (no
figure, no row number) when the titles admit one reading of the split, and a part row by its part label.
Layouts shaped like real appendices: an export plan (quantity and value per year), a provincial budget (the
year under way over what was decided and done, the three-year span over its years), a forecast of indicators.
"""
from __future__ import annotations

import pytest

from test_reading_table_rows import crawled, parse_md, row_with


def _unbold(rows: list[list[str]]) -> list[list[str]]:
    return [[c.replace("**", "") for c in row] for row in rows]


_EXPORT = [
    ["**TT**", "**Sản phẩm**", "**Kế hoạch 2026**", "**Kế hoạch 2027**", "**Kế hoạch 2028**"],
    ["**Lượng (Tấn)**", "**Giá trị (Nghìn USD)**", "**Lượng (Tấn)**", "**Giá trị (Nghìn USD)**",
     "**Lượng (Tấn)**", "**Giá trị (Nghìn USD)**"],
    ["**I. CÂY ĂN QUẢ**", "", "", "", "", "", "", ""],
    ["1", "Chanh leo", "2.200", "1.210", "2.400", "1.320", "2.600", "1.430"],
    ["2", "Xoài", "13.500", "7.000", "14.800", "7.800", "16.000", "8.600"],
]
_BUDGET = [
    ["**STT**", "**Nội dung**", "**Năm 2025**", "**Dự kiến 03 năm kế hoạch**"],
    ["**Dự toán HĐND tỉnh quyết định**", "**Đánh giá thực hiện**", "**Năm 2026**", "**Năm 2027**", "**Năm 2028**"],
    ["**C. KẾ HOẠCH VAY, TRẢ NỢ GỐC**", "", "", "", "", "", ""],
    ["1", "Chi đầu tư phát triển", "3.350.400", "3.012.000", "3.900.000", "4.200.000", "4.650.000"],
    ["2", "Chi thường xuyên", "9.120.500", "9.300.000", "9.800.000", "10.150.000", "10.600.000"],
]
_FORECAST = [
    ["**STT**", "**Nội dung**", "**Đơn vị tính**", "**Năm hiện hành 2025**", "**Năm 2026**", "**Năm 2027**",
     "**Năm 2028**"],
    ["**Kế hoạch**", "**Ước thực hiện**"],
    ["**II. CHỈ TIÊU XÃ HỘI**", "", "", "", "", "", "", ""],
    ["1", "Tổng sản phẩm trên địa bàn (GRDP)", "Tỷ đồng", "172.033", "172.500", "193.549", "218.628", "247.907"],
    ["2", "Tốc độ tăng trưởng GRDP", "%", "8,00", "8,10", "10,00", "10,50", "11,00"],
]


def _reading(rows: list[list[str]]) -> list[tuple[str, str, object]]:
    clauses = parse_md(crawled(rows))
    return [(c.kind, c.text, c.year_values) for c in clauses if c.kind in ("table_header", "table_row", "heading")]


@pytest.mark.parametrize("rows, words", [(_EXPORT, "Chanh leo"), (_BUDGET, "Chi thường xuyên"),
                                         (_FORECAST, "Tốc độ")])
def test_a_two_level_header_without_bold_reads_as_with_bold(rows, words):
    assert _reading(_unbold(rows)) == _reading(rows)
    row = row_with(parse_md(crawled(_unbold(rows))), words)
    assert row.text.count(":") >= 4  # every value under its column's title


def test_an_unbolded_export_table_keeps_each_years_quantity_title():
    fruit = row_with(parse_md(crawled(_unbold(_EXPORT))), "Chanh leo")
    assert "Kế hoạch 2028 Lượng (Tấn): 2.600" in fruit.text


@pytest.mark.parametrize("part, title, first", [
    (["I", "CÂY ĂN QUẢ"], "I. CÂY ĂN QUẢ", "Chanh leo"),
    (["C. KẾ HOẠCH VAY, TRẢ NỢ GỐC", ""], "C. KẾ HOẠCH VAY, TRẢ NỢ GỐC", "Vay trong năm"),
    (["II", "THU TỪ DẦU THÔ"], "II. THU TỪ DẦU THÔ", "Thuế tài nguyên"),
])
def test_a_part_row_without_bold_is_a_part_of_the_table_not_a_row(part, title, first):
    rows = [["STT", "Nội dung", "Năm 2026", "Năm 2027", "Năm 2028"],
            [*part, "", "", ""],
            ["1", first, "2.200", "2.400", "2.600"],
            ["2", "Khác", "1.000", "1.100", "1.200"]]
    clauses = parse_md(crawled(rows))
    assert [c.kind for c in clauses if c.text.startswith(title)] == ["heading"]
    assert row_with(clauses, first).year_values == {2026: "2.200", 2027: "2.400", 2028: "2.600"}


def test_a_lone_numbered_cell_of_words_stays_a_row():
    """Only a part label (Roman, capital letter) titles a part; "1. …" alone in its row is a task."""
    rows = [["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian"],
            ["1. Rà soát quy hoạch vùng trồng", "", "", ""],
            ["2", "Xây dựng mã số vùng trồng", "Sở Nông nghiệp và Môi trường", "2026"]]
    clauses = parse_md(crawled(rows))
    assert any(c.kind == "table_row" and "Rà soát quy hoạch" in c.text for c in clauses)


def test_a_first_body_row_of_figures_is_no_second_header_row():
    clauses = parse_md(crawled([
        ["STT", "Nội dung", "Năm 2026", "Năm 2027"],
        ["1", "Trồng rừng tập trung", "120", "150", "180"],
        ["2", "Tỷ lệ che phủ rừng", "45", "46", "47,5"],
    ]))
    assert row_with(clauses, "Trồng rừng").kind == "table_row"
    assert row_with(clauses, "che phủ").kind == "table_row"


def test_an_unbolded_second_row_the_titles_split_more_than_one_way_is_not_guessed():
    """Bold makes the reader guess the last titles are split; words alone must give one reading."""
    rows = [
        ["STT", "Nội dung", "Định mức A", "Định mức B"],
        ["Khu vực đô thị", "Khu vực còn lại", "Khu vực miền núi"],
        ["1", "Hỗ trợ xây dựng nhà văn hóa", "500", "350", "300", "250"],
    ]
    header = next(c for c in parse_md(crawled(rows)) if c.kind == "table_header")
    assert "Định mức A Khu vực đô thị" not in header.text
