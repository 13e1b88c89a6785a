"""Tables with one column per year keep each indicator's values by year, as typed data.

"Chỉ tiêu | ĐVT | 2026 | 2027 | … | 2030": a row's cells under the year columns become
``Clause.year_values`` (year → cell text as written), so one target per year can be read from them
without parsing the row's display text. A column of the baseline ("ƯTH Năm 2025", "Năm hiện hành")
or a comparison is no year the plan sets; a two-level header whose split cannot be read from its titles
leaves the years' columns a guess, so the table gets none (tests/test_reading_two_level_headers.py). Fixtures shaped like real plans' tables: a crawled
appendix of agricultural targets with "GIAI ĐOẠN 2026 - 2030" over the years, a Markdown table of
indicators, a Word table (tab-separated) of yearly plan figures, and a budget table with a split year.
"""
from __future__ import annotations

from corpus.model import Clause, SourceText
from corpus.parse import parse_source
from corpus.tables import column_year

from test_reading_table_rows import crawled, parse_md, row_with


def test_crawled_two_level_header_gives_each_row_its_values_by_year():
    clauses = parse_md(crawled([
        ["**TT**", "**Chỉ tiêu**", "**ĐVT**", "**ƯTH Năm 2025**", "**GIAI ĐOẠN 2026 - 2030**"],
        ["**Năm 2026**", "**Năm 2027**", "**Năm 2028**", "**Năm 2029**", "**Năm 2030**"],
        ["**I**", "**CÂY CÔNG NGHIỆP**", "", "", "", "", "", "", ""],
        ["1", "Cà phê", "", "", "", "", "", "", ""],
        ["-", "Diện tích", "Ha", "26.120", "27.000", "27.500", "28.000", "29.000", "30.000"],
        ["-", "Sản lượng cà phê nhân", "Tấn", "37.724", "39.800", "40.602", "45.225", "50.500", "54.468"],
    ]))
    area = row_with(clauses, "Diện tích")
    assert area.year_values == {2026: "27.000", 2027: "27.500", 2028: "28.000", 2029: "29.000", 2030: "30.000"}
    assert row_with(clauses, "Sản lượng").year_values[2030] == "54.468"
    assert area.columns["don_vi_tinh"] == "Ha"
    assert row_with(clauses, "Cà phê").year_values is None  # no values of its own


def test_markdown_table_of_indicators_by_year():
    clauses = parse_md([
        "| STT | Chỉ tiêu | Đơn vị | 2026 | 2027 | 2028 | 2029 | 2030 |",
        "|---|---|---|---|---|---|---|---|",
        "| 1 | Tỷ lệ dân số tham gia bảo hiểm y tế | % | 93 | 94 | 95 | ≥ 95 | ≥ 95 |",
        "| 2 | Thu nhập bình quân đầu người | Triệu đồng | 80 | 88 | 96 | 105 | 115 |",
        "| 3 | Số xã đạt chuẩn nông thôn mới nâng cao | Xã | 2 | | 3 | | 5 |",
    ])
    bhyt = row_with(clauses, "bảo hiểm y tế")
    assert bhyt.year_values == {2026: "93", 2027: "94", 2028: "95", 2029: "≥ 95", 2030: "≥ 95"}
    assert row_with(clauses, "nông thôn mới").year_values == {2026: "2", 2028: "3", 2030: "5"}


def test_word_table_of_yearly_plan_figures_keeps_columns_the_same_meaning_would_merge():
    """"KH 2026 | KH 2027 | KH 2028" all read as the target column; by year they stay apart."""
    lines = [
        "ỦY BAN NHÂN DÂN XÃ LẠC PHƯỢNG", "KẾ HOẠCH", "I. CHỈ TIÊU",
        "STT\tNội dung\tĐVT\tKế hoạch 2026\tKế hoạch 2027\tKế hoạch 2028",
        "1\tTrồng rừng tập trung\tha\t120\t150\t180",
        "2\tTỷ lệ che phủ rừng\t%\t45\t46\t47,5",
        "",
        "II. TỔ CHỨC THỰC HIỆN",
    ]
    clauses = parse_source(SourceText(source="chi-tieu.docx", lines=lines, fmt="docx")).clauses
    forest = row_with(clauses, "Tỷ lệ che phủ")
    assert forest.year_values == {2026: "45", 2027: "46", 2028: "47,5"}
    assert row_with(clauses, "Trồng rừng").year_values == {2026: "120", 2027: "150", 2028: "180"}


def test_an_ambiguous_two_level_header_gives_no_years():
    """Two years either of which "Phương án 1 | Phương án 2" could split: which one is a guess, and a
    wrong guess would shift every year one column; such a table gets no year values."""
    clauses = parse_md(crawled([
        ["**STT**", "**Nội dung**", "**Đơn vị tính**", "**Năm 2026**", "**Năm 2027**", "**Năm 2028**"],
        ["**Phương án 1**", "**Phương án 2**"],
        ["1", "Tốc độ tăng trưởng GRDP", "%", "8,00", "8,50", "10,00", "10,00"],
        ["2", "Thu ngân sách trên địa bàn", "Tỷ đồng", "9.415", "9.900", "10.643", "11.580"],
    ]))
    assert row_with(clauses, "Tốc độ tăng trưởng").year_values is None


def test_one_year_in_a_header_is_no_table_of_years():
    clauses = parse_md([
        "| STT | Chỉ tiêu | Đơn vị tính | Chỉ tiêu đến năm 2030 |",
        "|---|---|---|---|",
        "| 1 | Tỷ lệ hộ nghèo | % | dưới 1 |",
        "| 2 | Tỷ lệ trường đạt chuẩn quốc gia | % | 100 |",
    ])
    assert row_with(clauses, "hộ nghèo").year_values is None


def test_column_year_reads_one_year_and_refuses_baselines_spans_and_comparisons():
    assert column_year("2027") == 2027
    assert column_year("Năm 2027") == 2027
    assert column_year("KH 2028") == 2028
    assert column_year("GIAI ĐOẠN 2026 - 2030 Năm 2029") == 2029
    assert column_year("Dự kiến năm 2028 Dự toán") == 2028
    assert column_year("ƯTH Năm 2025") is None
    assert column_year("Năm hiện hành 2025") is None
    assert column_year("So sánh năm 2026 với ƯTH năm 2025") is None
    assert column_year("Giai đoạn 2026 - 2030") is None
    assert column_year("Đơn vị tính") is None


def test_year_values_survive_the_clause_store_round_trip():
    c = Clause(id="p:0001", doc_id="p", kind="table_row", label="1", section_path=[], text="Diện tích",
               source="p.md", lines=(1, 1), columns={"noi_dung": "Diện tích"}, year_values={2026: "27.000"})
    d = c.to_dict()
    assert d["year_values"] == {"2026": "27.000"}  # JSON object keys are strings
    assert Clause.from_dict(d, "p").year_values == {2026: "27.000"}
    assert Clause.from_dict({**d, "year_values": None}, "p").year_values is None
