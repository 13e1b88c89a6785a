"""A row of a table with one column per year gives one typed target per year.

``Clause.year_targets`` holds them in year order (value, unit from the unit column or the indicator's
name, comparison from the cell: "≥ 95" → >=, "12-14" → range); ``Clause.target`` is the last year's, so
what reads one target per clause keeps working. Layouts shaped like real plans' tables: a crawled
appendix with "GIAI ĐOẠN 2026 - 2030" over the years, a Markdown table of indicators with bounds in
the cells, and a Word table (tab-separated) whose indicator names carry their unit.
"""
from __future__ import annotations

from corpus.model import Clause, SourceText
from corpus.parse import parse_source
from corpus.targets import unit_in_name, year_targets

from test_reading_table_rows import crawled, parse_md, row_with


def _by_year(c: Clause) -> dict[int, tuple[list[float], str | None, str]]:
    return {t.year: (t.values, t.unit, t.comparison) for t in c.year_targets or []}


def test_crawled_appendix_row_gives_a_target_per_year_and_the_last_as_its_target():
    clauses = parse_md(crawled([
        ["**TT**", "**Chỉ tiêu**", "**ĐVT**", "**ƯTH Năm 2025**", "**GIAI ĐOẠN 2026 - 2030**"],
        ["**Năm 2026**", "**Năm 2027**", "**Năm 2028**", "**Năm 2029**", "**Năm 2030**"],
        ["1", "Cà phê", "", "", "", "", "", "", ""],
        ["-", "Diện tích", "Ha", "26.120", "27.000", "27.500", "28.000", "29.000", "30.000"],
    ]))
    area = row_with(clauses, "Diện tích")
    assert _by_year(area)[2026] == ([27000.0], "Ha", "=")
    assert [t.year for t in area.year_targets] == [2026, 2027, 2028, 2029, 2030]  # the baseline 2025 is none
    assert (area.target.values, area.target.year) == ([30000.0], 2030)
    assert row_with(clauses, "Cà phê").year_targets is None


def test_markdown_indicator_cells_keep_their_bounds_and_skip_empty_years():
    clauses = parse_md([
        "| STT | Chỉ tiêu | Đơn vị tính | 2026 | 2027 | 2028 | 2029 | 2030 |",
        "|---|---|---|---|---|---|---|---|",
        "| 1 | Tỷ lệ dân số tham gia bảo hiểm y tế | % | 93 | 94 | 95 | ≥ 95 | ≥ 95 |",
        "| 2 | Số xã đạt chuẩn nông thôn mới nâng cao | Xã | 2 | - | 3 | | 5 |",
    ])
    bhyt = _by_year(row_with(clauses, "bảo hiểm y tế"))
    assert bhyt[2026] == ([93.0], "%", "=")
    assert bhyt[2030] == ([95.0], "%", ">=")
    ntm = row_with(clauses, "nông thôn mới")
    assert sorted(_by_year(ntm)) == [2026, 2028, 2030]  # "-" and an empty cell state no figure
    assert (ntm.target.values, ntm.target.unit, ntm.target.year) == ([5.0], "Xã", 2030)


def test_word_table_reads_the_unit_from_the_indicator_name():
    lines = [
        "ỦY BAN NHÂN DÂN XÃ LẠC PHƯỢNG", "KẾ HOẠCH", "I. CHỈ TIÊU",
        "STT\tNội dung\tKế hoạch 2026\tKế hoạch 2027\tKế hoạch 2028",
        "1\tTỷ lệ che phủ rừng (%)\t45\t46\t47,5",
        "2\tTỷ lệ lao động qua đào tạo (%)\t70-72\t73\t>75",
        "",
        "II. TỔ CHỨC THỰC HIỆN",
    ]
    clauses = parse_source(SourceText(source="chi-tieu.docx", lines=lines, fmt="docx")).clauses
    forest = row_with(clauses, "che phủ rừng")
    assert _by_year(forest)[2028] == ([47.5], "%", "=")
    labour = _by_year(row_with(clauses, "lao động qua đào tạo"))
    assert labour[2026] == ([70.0, 72.0], "%", "range")
    assert labour[2028] == ([75.0], "%", ">")


def test_unit_in_name_reads_a_closing_parenthesis_only():
    assert unit_in_name("Thu ngân sách nhà nước trên địa bàn (tỷ đồng)") == "tỷ đồng"
    assert unit_in_name("GRDP bình quân đầu người (triệu đồng/người)") == "triệu đồng/người"
    assert unit_in_name("Tỷ lệ hộ nghèo (%)") == "%"
    assert unit_in_name("Số xã (phường) đạt chuẩn") is None


def test_year_targets_are_in_year_order_and_skip_cells_without_a_figure():
    ts = year_targets({2030: "≤ 1", 2026: "3,5", 2027: "Hoàn thành"}, "%")
    assert [(t.year, t.values, t.comparison) for t in ts] == [(2026, [3.5], "="), (2030, [1.0], "<=")]


def test_year_targets_survive_the_clause_store_round_trip():
    c = Clause(id="p:0001", doc_id="p", kind="table_row", label="1", section_path=[], text="Diện tích",
               source="p.md", lines=(1, 1), year_values={2026: "27.000"},
               year_targets=year_targets({2026: "27.000"}, "ha"))
    back = Clause.from_dict(c.to_dict(), "p")
    assert back.year_targets == c.year_targets
    assert Clause.from_dict({**c.to_dict(), "year_targets": None}, "p").year_targets is None
