"""Which year a row with one column per year states, when the plan says it: the year its chỉ tiêu
headings name ("1. Dự báo các chỉ tiêu kinh tế - xã hội đến năm 2026" in a three-year budget plan,
"II. CHỈ TIÊU XUẤT KHẨU ĐẾN NĂM 2030" in an export plan, "2. Mục tiêu cụ thể đến năm 2028"); the last year
when the headings name none or disagree. ``Clause.year_targets`` keeps every year either way. Also the
pieces a table row's target needs around it: a group row inside a table keeps the table's unit line, and
"ngày làm việc" (working days) is a unit of its own."""
from __future__ import annotations

import pytest

from corpus.targets import indicator_year, parse_target
from snippets import clause, parse_md

TABLE = """
*Đơn vị: Triệu đồng.*

| STT | Nội dung | Năm 2025 | Năm 2026 | Năm 2027 | Năm 2028 |
|---|---|---|---|---|---|
| 1 | Thu nội địa | 10.000 | 11.132 | 12.900 | 14.600 |
"""


def _plan(headings: list[str]) -> str:
    return "**KẾ HOẠCH**\n\n" + "\n\n".join(f"**{h}**\n\nNội dung của mục." for h in headings) + "\n\n" + TABLE


@pytest.mark.parametrize("headings, year, value", [
    # 9b7eebad (dev): a three-year budget plan forecasts its chỉ tiêu for the coming year
    (["II. DỰ BÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 03 NĂM 2026 - 2028",
      "1. Dự báo các chỉ tiêu kinh tế - xã hội đến năm 2026"], 2026, 11132.0),
    # f1e09814 (dev): an export plan's chỉ tiêu are for the end of its period
    (["I. MỤC ĐÍCH, YÊU CẦU", "II. CHỈ TIÊU XUẤT KHẨU ĐẾN NĂM 2028"], 2028, 14600.0),
    # a commune plan's "Mục tiêu cụ thể đến năm …" (689f49d2, bffd9da6 (dev) write it so)
    (["1. Mục tiêu chung", "2. Mục tiêu cụ thể đến năm 2027"], 2027, 12900.0),
    # the headings disagree (31786b08 (dev): "Mục tiêu đến hết năm 2026", "Mục tiêu đến năm 2030"): the last year
    (["1. Mục tiêu đến hết năm 2026", "2. Mục tiêu đến năm 2030"], 2028, 14600.0),
    # no chỉ tiêu heading names a year: the last year
    (["I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ"], 2028, 14600.0),
])
def test_a_year_row_states_the_year_its_plan_s_chi_tieu_headings_name(headings, year, value):
    row = clause(parse_md(_plan(headings)), "Thu nội địa")
    assert (row.target.year, row.target.values, row.target.unit) == (year, [value], "Triệu đồng")
    assert [t.year for t in row.year_targets] == [2025, 2026, 2027, 2028]


@pytest.mark.parametrize("heading, year", [
    ("1. Dự báo các chỉ tiêu kinh tế - xã hội đến năm 2026", 2026),
    ("II. CHỈ TIÊU XUẤT KHẨU ĐẾN NĂM 2030", 2030),
    ("2. Mục tiêu cụ thể đến năm 2030", 2030),
    ("II. DỰ BÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 03 NĂM 2026 - 2028", None),  # a span names no one year
    ("2. Nhiệm vụ đến năm 2030", None),  # no chỉ tiêu
    ("Đến năm 2030, các chỉ tiêu về chuyển đổi số của tỉnh phấn đấu đạt và vượt so với mức bình quân chung của "
     "cả nước, trong đó có nhiều chỉ tiêu thuộc nhóm dẫn đầu vùng Đông Nam Bộ theo đánh giá hằng năm", None),
])
def test_indicator_year_reads_only_a_chi_tieu_heading_with_one_year(heading, year):
    assert indicator_year(heading) == year


def test_a_group_row_inside_a_table_keeps_the_table_s_unit():
    """9b7eebad (dev): "C. KẾ HOẠCH VAY, TRẢ NỢ GỐC", bold with no figures, sits between the rows."""
    plan = parse_md("""
*Đơn vị: Triệu đồng.*

| STT | Nội dung | Năm 2026 | Năm 2027 |
|---|---|---|---|
| **A** | **MỨC DƯ NỢ VAY TỐI ĐA** | **2.126.234** | **2.276.658** |
| **C** | **KẾ HOẠCH VAY, TRẢ NỢ GỐC** | | |
| I | Tổng dư nợ đầu năm | 292.434 | 239.934 |
""")
    assert clause(plan, "Tổng dư nợ đầu năm").target.unit == "Triệu đồng"
    assert clause(plan, "MỨC DƯ NỢ VAY").target.unit == "Triệu đồng"


@pytest.mark.parametrize("text, values, unit", [
    # 24ac05c2 (dev): a procedure's time cut
    ("Giảm thời gian giải quyết thủ tục hành chính từ 10 ngày làm việc xuống còn 09 ngày làm việc.", [9.0],
     "ngày làm việc"),
    # e13e31ec (dev): a report's time limit
    ("Thời hạn xây dựng báo cáo kết quả kiểm tra là không quá 10 ngày làm việc kể từ ngày kết thúc kiểm tra.",
     [10.0], "ngày làm việc"),
    ("Thông báo cho học viên ít nhất 03 ngày làm việc trước khi khai giảng.", [3.0], "ngày làm việc"),
    ("Trong 03 ngày kể từ ngày nhận đơn, Trung tâm cấp lại giấy chứng nhận.", [3.0], "ngày"),  # calendar days
])
def test_working_days_are_a_unit_of_their_own(text, values, unit):
    t = parse_target(text)
    assert t is not None and (t.values, t.unit) == (values, unit)
