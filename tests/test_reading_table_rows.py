"""Table rows with no number of their own: a sub-row is its own clause, a continuation joins the row above.

A crawled table (one cell per line between "|" walls) leaves out a number cell merged with the row above
(rowspan), or leaves it empty. The reader decides from the row's cells: a row with its own task text and
its own lead / deadline cells is its own clause under its numbered row, with the table's column titles;
a row whose only text is the task cell carrying on a sentence is the rest of the row above.

The fixtures are synthetic, shaped like the tables of several real plans (their column titles and
layouts: "TT | Nhiệm vụ | Cơ quan chủ trì | …", "STT | NHIỆM VỤ VÀ GIẢI PHÁP | CHỦ TRÌ | …",
"STT | Nhiệm vụ, giải pháp | Đơn vị thực hiện | …", "STT | Nội dung | Đơn vị tính | Năm …").
"""
from __future__ import annotations

import pytest

from corpus.model import Clause, SourceText
from corpus.parse import parse_source


def crawled(rows: list[list[str]]) -> list[str]:
    """Rows → the crawled form: a wall, then each cell's text (none when empty) and a wall."""
    out: list[str] = []
    for row in rows:
        out.append("|")
        for cell in row:
            if cell:
                out.extend(cell.split("\n"))
            out.append("|")
    return out


def parse_md(lines: list[str]) -> list[Clause]:
    head = ["**ỦY BAN NHÂN DÂN XÃ AN HƯNG**", "", "**KẾ HOẠCH**", "", "**I. NHIỆM VỤ**", ""]
    return parse_source(SourceText(source="bang.md", lines=head + lines + [""], fmt="md")).clauses


def rows_of(clauses: list[Clause]) -> list[Clause]:
    return [c for c in clauses if c.kind == "table_row"]


def row_with(clauses: list[Clause], words: str) -> Clause:
    found = [c for c in rows_of(clauses) if words in (c.columns or {}).get("noi_dung", "")]
    assert len(found) == 1, [c.text for c in rows_of(clauses)]
    return found[0]


# --- a sub-row with its own task, lead and partner cells after a row that leaves cells out ---------------

def test_sub_row_with_its_own_task_and_lead_is_its_own_clause_seven_columns():
    """The layout of a provincial appendix: row 2 leaves its result and funding cells out, its number and
    deadline span the sub-row below, which names its own task, lead and partner."""
    clauses = parse_md(crawled([
        ["**TT**", "**Nhiệm vụ**", "**Cơ quan chủ trì**", "**Cơ quan phối hợp**",
         "**Thời gian dự kiến hoàn thành**", "**Kết quả dự kiến**", "**Nguồn kinh phí**"],
        ["1", "Xây dựng và thực hiện các biện pháp bảo đảm an toàn thông tin mạng", "Công an tỉnh",
         "Sở Khoa học và Công nghệ", "Quý IV/2026", "Đảm bảo an toàn hệ thống", "Ngân sách tỉnh"],
        ["2", "Quản lý, vận hành Hệ thống thông tin\nliên tục 24/7.", "Sở Tài chính",
         "Các sở, ngành, UBND xã, phường", "Quý IV/2026"],
        ["Thực hiện sao lưu dữ liệu\nvà đảm bảo có khả năng phục hồi hệ thống sau sự cố.",
         "Sở Khoa học và Công nghệ", "Sở Tài chính"],
        ["3", "Cập nhật, chia sẻ và đồng bộ dữ liệu", "Sở Tài chính", "Các sở, ngành", "Quý IV/2026",
         "Cơ sở dữ liệu được chia sẻ", ""],
    ]))
    above = row_with(clauses, "Quản lý, vận hành")
    sub = row_with(clauses, "Thực hiện sao lưu dữ liệu")
    assert "sao lưu" not in above.text  # not glued into the row above
    assert (above.lead, sub.lead) == ("Sở Tài chính", "Sở Khoa học và Công nghệ")
    assert sub.partners == "Sở Tài chính"
    assert sub.deadline == "Quý IV/2026"  # the deadline cell spans both rows
    assert sub.label is None and "Cơ quan chủ trì: Sở Khoa học và Công nghệ" in sub.text  # header titles kept
    assert sub.lines[0] > above.lines[1]
    assert "sao lưu" not in row_with(clauses, "Cập nhật, chia sẻ").text


def test_sub_row_after_a_short_row_is_its_own_clause_upper_case_titles():
    """A commune plan's table in capitals: row 2 names only its lead; the sub-row names its own."""
    clauses = parse_md(crawled([
        ["STT", "NHIỆM VỤ VÀ GIẢI PHÁP", "CHỦ TRÌ", "PHỐI HỢP", "THỜI GIAN"],
        ["1", "Tuyên truyền pháp luật về an toàn giao thông", "Phòng Văn hóa - Xã hội", "UBND các thôn",
         "Năm 2026"],
        ["2", "Rà soát hạ tầng giao thông nông thôn", "Phòng Kinh tế"],
        ["Kiểm tra, xử lý vi phạm hành lang an toàn giao thông", "Công an xã", "Thường xuyên"],
        ["3", "Sơ kết, tổng kết thực hiện kế hoạch", "Văn phòng HĐND và UBND", "Các phòng chuyên môn",
         "Tháng 12/2026"],
    ]))
    above = row_with(clauses, "Rà soát hạ tầng")
    sub = row_with(clauses, "Kiểm tra, xử lý vi phạm")
    assert above.lead == "Phòng Kinh tế" and "Kiểm tra" not in above.text
    assert sub.lead == "Công an xã" and sub.deadline == "Thường xuyên"


def test_sub_row_whose_number_cell_is_empty_keeps_its_columns():
    """A row that opens on an empty number cell ("| | - Nông, lâm nghiệp | % | 34,48 | …") keeps every
    value in its own column instead of shifting them one column left."""
    clauses = parse_md(crawled([
        ["**STT**", "**Nội dung**", "**Đơn vị tính**", "**Năm 2026**", "**Năm 2027**", "**Năm 2028**"],
        ["1", "Tốc độ tăng trưởng GRDP", "%", "8,00", "10,00", "10,00"],
        ["2", "Cơ cấu kinh tế", "", "", "", ""],
        ["", "- Nông, lâm nghiệp, thủy sản", "%", "34,48", "33,31", "31,76"],
        ["", "- Công nghiệp, xây dựng", "%", "24,23", "25,09", "25,92"],
        ["3", "Thu nhập bình quân đầu người", "Triệu đồng", "80", "88", "96"],
    ]))
    farm = row_with(clauses, "Nông, lâm nghiệp")
    industry = row_with(clauses, "Công nghiệp, xây dựng")
    assert farm.columns["don_vi_tinh"] == "%" and industry.columns["don_vi_tinh"] == "%"
    assert farm.label is None and "34,48" not in farm.columns["noi_dung"]
    assert [farm.columns[k] for k in ("col4", "col5", "col6")] == ["34,48", "33,31", "31,76"]


def test_sub_row_with_its_own_unit_and_product_in_a_six_column_table():
    """"Đơn vị thực hiện / Sản phẩm đầu ra" titles: the sub-row's own unit leads it."""
    clauses = parse_md(crawled([
        ["STT", "Nhiệm vụ, giải pháp", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện",
         "Sản phẩm đầu ra"],
        ["1", "Chuyển đổi số trong quản lý đất đai", "Phòng Kinh tế", "Trung tâm Phục vụ hành chính công",
         "2026", "Cơ sở dữ liệu đất đai"],
        ["2", "Nâng cao chất lượng dịch vụ công trực tuyến", "Văn phòng HĐND và UBND"],
        ["Tập huấn kỹ năng số cho cán bộ, công chức", "Phòng Văn hóa - Xã hội", "2026 - 2027",
         "Cán bộ được tập huấn"],
        ["3", "Sơ kết việc thực hiện", "Văn phòng HĐND và UBND", "Các phòng", "Tháng 12/2027", "Báo cáo"],
    ]))
    sub = row_with(clauses, "Tập huấn kỹ năng số")
    assert sub.lead == "Phòng Văn hóa - Xã hội"
    assert "Tập huấn" not in row_with(clauses, "Nâng cao chất lượng").text


# --- a continuation row: only the task cell, carrying on the sentence above ----------------------------

def test_continuation_row_in_a_crawled_table_joins_the_row_above():
    clauses = parse_md(crawled([
        ["STT", "NHIỆM VỤ VÀ GIẢI PHÁP", "CHỦ TRÌ", "PHỐI HỢP", "THỜI GIAN"],
        ["1", "Sơ kết, tổng kết thực hiện kế hoạch", "Văn phòng HĐND và UBND", "Các phòng chuyên môn",
         "Tháng 12/2026"],
        ["", "và báo cáo kết quả về UBND tỉnh", "", "", ""],
        ["2", "Bồi dưỡng cán bộ", "Phòng Nội vụ", "Các phòng", "Năm 2027"],
    ]))
    assert len(rows_of(clauses)) == 2
    first = row_with(clauses, "Sơ kết, tổng kết")
    assert first.columns["noi_dung"].endswith("thực hiện kế hoạch và báo cáo kết quả về UBND tỉnh")
    assert first.lead == "Văn phòng HĐND và UBND"


def test_continuation_row_in_a_markdown_pipe_table_joins_the_row_above():
    clauses = parse_md([
        "| TT | Nội dung/nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |",
        "|---|---|---|---|---|",
        "| 1 | Rà soát, sắp xếp các cơ sở giáo dục | Phòng Văn hóa - Xã hội | Các trường | Quý II/2026 |",
        "| | theo quy hoạch mạng lưới đã phê duyệt | | | |",
        "| | - Lập danh mục trường cần sáp nhập | | | |",
        "| 2 | Kiểm tra cơ sở vật chất | Phòng Kinh tế | | Quý III/2026 |",
    ])
    first = row_with(clauses, "Rà soát, sắp xếp")
    assert first.columns["noi_dung"].endswith("giáo dục theo quy hoạch mạng lưới đã phê duyệt")
    assert first.lines[1] > first.lines[0]
    # a task of its own under the row stays its own clause, its lead carried down from the row above
    sub = row_with(clauses, "Lập danh mục")
    assert sub.lead == "Phòng Văn hóa - Xã hội"


def test_continuation_row_in_a_tab_separated_table_joins_the_row_above():
    clauses = parse_md([
        "STT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn",
        "1\tXây dựng kế hoạch tuyên truyền\tPhòng Văn hóa - Xã hội\tĐoàn Thanh niên\tTháng 3/2026",
        "\tvề phòng, chống tác hại của thuốc lá\t\t\t",
        "\tTổ chức hội thi tìm hiểu pháp luật\tĐoàn Thanh niên\tCác trường\tTháng 5/2026",
        "2\tBáo cáo kết quả\tVăn phòng HĐND và UBND\t\tTháng 12/2026",
    ])
    first = row_with(clauses, "Xây dựng kế hoạch tuyên truyền")
    assert first.columns["noi_dung"].endswith("tuyên truyền về phòng, chống tác hại của thuốc lá")
    sub = row_with(clauses, "Tổ chức hội thi")
    assert sub.lead == "Đoàn Thanh niên" and sub.deadline == "Tháng 5/2026"


# A row opening on its own name leaves its number cell out; an empty cell before its figures is still a
# cell. Shapes of a forecast of insured people (a "+" sub-group), an export plan's total, a budget's sum.
@pytest.mark.parametrize("name,unit,figures", [
    ("+ Người thuộc hộ gia đình cận nghèo", "Người", ["15.529", "15.529"]),
    ("**Tổng I + II**", "Nghìn USD", ["**270.000**", "**400.000**"]),
    ("Cộng", "Triệu đồng", ["1.200", "1.350"]),
])
def test_a_row_without_its_number_keeps_the_empty_cell_before_its_figures(name, unit, figures):
    clauses = parse_md(crawled([
        ["**STT**", "**Chỉ tiêu**", "**Đơn vị tính**", "**Năm 2026**", "**Năm 2027**", "**Năm 2028**"],
        ["1", "Chỉ tiêu thứ nhất", unit, "10", "11", "12"],
        ["2", "Chỉ tiêu thứ hai", unit, "20", "21", "22"],
        [name, unit, "", *figures],
    ]))
    row = next(c for c in rows_of(clauses) if name.strip("*") in c.text)
    assert row.columns["don_vi_tinh"] == unit
    assert row.year_values == {2027: figures[0].strip("*"), 2028: figures[1].strip("*")}


# A sub-row that leaves its number cell empty ("| | + Người hiến bộ phận cơ thể | Người | | 55 | 60 |") keeps an
# empty cell before its figures too: the walls are its cells when the figures after them fit the row. Shapes of a
# forecast of insured people (9b7eebad, dev), a school-network plan and a budget table.
@pytest.mark.parametrize("name,unit,figures", [
    ("+ Người hiến bộ phận cơ thể", "Người", ["60", "65"]),
    ("- Trường đạt chuẩn quốc gia", "Trường", ["12", "14"]),
    ("Trong đó: chi thường xuyên", "Triệu đồng", ["1.200", "1.350"]),
])
def test_a_sub_row_with_an_empty_number_keeps_the_empty_cell_before_its_figures(name, unit, figures):
    clauses = parse_md(crawled([
        ["**STT**", "**Chỉ tiêu**", "**Đơn vị tính**", "**Năm 2026**", "**Năm 2027**", "**Năm 2028**"],
        ["1", "Chỉ tiêu thứ nhất", unit, "10", "11", "12"],
        ["", name, unit, "", *figures],
        ["", "Chỉ tiêu con tiếp theo", unit, "", "31", "32"],
        ["2", "Chỉ tiêu thứ hai", unit, "20", "21", "22"],
    ]))
    row = next(c for c in rows_of(clauses) if name in c.text)
    assert row.columns["don_vi_tinh"] == unit
    assert row.year_values == {2027: figures[0], 2028: figures[1]}
    assert row_with(clauses, "Chỉ tiêu thứ hai").year_values == {2026: "20", 2027: "21", 2028: "22"}
