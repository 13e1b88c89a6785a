"""Targets in every form Vietnamese plans write indicators in (issue #9, third round).

The forms were listed from first principles (bounds, ranges, levels, average growth, number formats,
units, the year a target is for), each with wordings from at least three different documents: real
dev-half plans and the sample plans, kept as written, and synthetic ones in the same forms.
"""
from __future__ import annotations

import pytest

from corpus.model import SourceText
from corpus.parse import parse_source
from corpus.targets import parse_target, plan_period_end, year_of_heading


def read(text: str):
    t = parse_target(text)
    assert t is not None, text
    return t


@pytest.mark.parametrize("text, values, cmp", [
    # at least
    ("Tỷ trọng kinh tế số đạt tối thiểu 30% GRDP;", [30.0], ">="),
    ("Lựa chọn ít nhất 01 doanh nghiệp, hợp tác xã có năng lực", [1.0], ">="),
    ("Tỷ lệ lao động qua đào tạo không dưới 75%.", [75.0], ">="),
    ("(9) Hằng năm, chỉ tiêu gia đình văn hóa đạt 95% trở lên; thôn văn hóa đạt trên 90%.", [95.0], ">="),
    ("Tỷ lệ tham gia bảo hiểm y tế đạt 95% dân số trở lên.", [95.0], ">="),
    ("Tỷ lệ dân số sử dụng nước sạch ≥95%.", [95.0], ">="),
    ("Tỷ lệ giải ngân vốn đầu tư công tối thiểu đạt 95% kế hoạch.", [95.0], ">="),
    # at most
    ("Tỷ lệ khen thưởng mỗi lớp không quá 10% số học viên có thành tích xuất sắc nhất.", [10.0], "<="),
    ("Tỷ lệ thất nghiệp ở khu vực thành thị tối đa 3%.", [3.0], "<="),
    ("Tỷ lệ nợ xấu không vượt quá 3% tổng dư nợ.", [3.0], "<="),
    ("Tỷ lệ tăng dân số tự nhiên ≤ 1%.", [1.0], "<="),
    # strictly above / below
    ("Phấn đấu trên 50% diện tích sản xuất nông nghiệp được ứng dụng công nghệ cao", [50.0], ">"),
    ("(7) Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều đến năm 2030 dưới 3(%).", [3.0], "<"),
    ("Tỷ lệ hộ nghèo đa chiều giảm xuống dưới 2%.", [2.0], "<"),
    ("Phấn đấu đến năm 2030 tỷ lệ suy dinh dưỡng ở trẻ em dưới 5 tuổi giảm xuống còn dưới 5%.", [5.0], "<"),
])
def test_bounds_read_as_comparisons_wherever_the_bound_word_stands(text, values, cmp):
    t = read(text)
    assert (t.values, t.comparison) == (values, cmp)


@pytest.mark.parametrize("text, values", [
    ("Trong đó, tỷ lệ vốn ngân sách nhà nước dự kiến: 85%-90% tổng vốn đầu tư.", [85.0, 90.0]),
    ("Tỷ lệ đô thị hóa từ 35-40%.", [35.0, 40.0]),
    ("Tỷ lệ che phủ rừng đạt từ 42% đến 43%.", [42.0, 43.0]),
    ("Đến năm 2030 có từ 01 đến 2 trường đạt chuẩn quốc gia mức độ 2.", [1.0, 2.0]),
])
def test_ranges_with_a_dash_or_written_out_from_to(text, values):
    t = read(text)
    assert (t.values, t.comparison) == (values, "range")


@pytest.mark.parametrize("text, values", [
    ("Giảm tỷ lệ hộ nghèo xuống còn 3%.", [3.0]),
    ("Nâng tỷ lệ bao phủ bảo hiểm y tế lên 95%.", [95.0]),
    ("Rút ngắn thời gian giải quyết từ 10 ngày làm việc xuống còn 09 ngày làm việc.", [9.0]),
])
def test_the_level_reached_after_giam_xuong_con_or_len_is_the_target(text, values):
    t = read(text)
    assert (t.values, t.comparison) == (values, "=")


@pytest.mark.parametrize("text, values, cmp", [
    ("Thu ngân sách nhà nước trên địa bàn tăng bình quân 12%/năm.", [12.0], "increase_avg"),
    ("Tốc độ tăng trưởng kinh tế (GRDP) bình quân đạt 10%/năm.", [10.0], "increase_avg"),
    ("Giai đoạn 2026-2030, bình quân mỗi năm tăng 8%.", [8.0], "increase_avg"),
    # a per-capita average is a level, not growth
    ("GRDP bình quân đầu người đạt 8.500 USD/người.", [8500.0], "="),
    ("GRDP bình quân đầu người ước đạt 80 triệu đồng/người/năm.", [80.0], "="),
])
def test_average_growth_is_read_without_the_literal_tang_binh_quan(text, values, cmp):
    t = read(text)
    assert (t.values, t.comparison) == (values, cmp)


@pytest.mark.parametrize("text, values, unit", [
    ("Tỷ lệ lực lượng dân quân, tự vệ so với dân số: 1,16%.", [1.16], "%"),
    ("Tổng vốn đầu tư toàn xã hội đạt 1.200 tỷ đồng.", [1200.0], "tỷ đồng"),
    ("Tổng sản phẩm Xoài tham gia xuất khẩu đạt 18.000 tấn.", [18000.0], "tấn"),
    ("Kim ngạch xuất khẩu đạt 2.5 tỷ USD vào năm 2030.", [2.5], "tỷ USD"),
    ("Đến năm 2030, tốc độ truy cập Internet quốc tế đạt 350 Tbps", [350.0], "Tbps"),
    ("Xây dựng mới 120 km đường giao thông nông thôn.", [120.0], "km"),
    ("Diện tích trồng rừng mới ít nhất 500 ha/năm.", [500.0], "ha/năm"),
    ("Có 15 xã đạt chuẩn nông thôn mới nâng cao.", [15.0], "xã"),
    ("Giải quyết việc làm cho khoảng 59.000 người.", [59000.0], "người"),
    ("Hỗ trợ 1.200 hộ cải tạo nhà ở.", [1200.0], "hộ"),
    ("Giải quyết việc làm mới cho 2.500 lao động.", [2500.0], "lao động"),
    ("Lắp đặt mới trạm 3G/4G: 58 trạm", [58.0], "trạm"),
    ("GRDP bình quân đầu người đạt 8.500 USD/người.", [8500.0], "USD/người"),
    ("Thu nhập bình quân đầu người đạt 120 triệu đồng/người/năm.", [120.0], "triệu đồng/người/năm"),
    ("- (3) Tốc độ tăng thu nhập bình quân đầu người: tăng 1,8 lần so với đầu nhiệm kỳ", [1.8], "lần"),
])
def test_number_formats_and_units_as_plans_write_them(text, values, unit):
    t = read(text)
    assert (t.values, t.unit) == (values, unit)


@pytest.mark.parametrize("text, values, unit", [
    ("(5) Phát triển và triển khai tối thiểu 01 sàn giao dịch dữ liệu;", [1.0], None),
    ("Hình thành ít nhất 02 vùng nuôi thủy sản thông minh đạt tiêu chuẩn quốc tế.", [2.0], None),
    ("- Thời gian đào tạo tối thiểu 03 tháng.", [3.0], "tháng"),
    ("Tài liệu khác liên quan đến bồi dưỡng được lưu trữ, bảo quản tối thiểu 5 năm", [5.0], "năm"),
])
def test_a_bounded_count_or_duration_is_a_target_without_a_unit_word(text, values, unit):
    t = read(text)
    assert (t.values, t.unit, t.comparison) == (values, unit, ">=")


@pytest.mark.parametrize("text", [
    "Triển khai thực hiện các mục tiêu kế hoạch phát triển kinh tế - xã hội 5 năm 2026 - 2030.",
    "Giảng dạy lớp có học viên là người có con nhỏ dưới 12 tháng tuổi.",
    "Nghiệm thu theo quy định tại Mục 2.7 Thông tư số 59/2022/TT-BQP ngày 30 tháng 8 năm 2022.",
    "Thực hiện theo Điều 3 Thông tư này.",
])
def test_spans_ages_and_cited_articles_are_no_targets(text):
    assert parse_target(text) is None


def test_an_indicator_that_is_itself_a_minimum_gives_its_comparison():
    t = read("Thời gian tối thiểu cho 01 (một) đợt tập huấn là 40 giờ.")
    assert (t.values, t.unit, t.comparison) == ([40.0], "giờ", ">=")
    t = read("Mức hỗ trợ tối đa cho mỗi mô hình là 50 triệu đồng.")
    assert (t.values, t.comparison) == ([50.0], "<=")


@pytest.mark.parametrize("text, year", [
    ("Tăng thu ngân sách 10% so với năm 2025.", None),
    ("Thu nhập bình quân đầu người tăng 1,8 lần so với cùng kỳ năm 2025.", None),
    ("Căn cứ Quyết định số 15/QĐ-UBND ngày 5 tháng 6 năm 2024, tỷ lệ trường đạt chuẩn đạt 80%.", None),
    ("Thực hiện Luật Đất đai năm 2024, tỷ lệ hồ sơ cấp giấy chứng nhận đúng hạn đạt 100%.", None),
    ("Phấn đấu 100% xã có trạm y tế đạt chuẩn vào năm 2027.", 2027),
    ("Năm 2026: tỷ lệ hồ sơ trực tuyến toàn trình đạt 80%.", 2026),
])
def test_baselines_dates_and_cited_laws_set_no_target_year(text, year):
    assert read(text).year == year


@pytest.mark.parametrize("text", [
    "Đến cuối giai đoạn, tỷ lệ hộ dân dùng điện đạt 100%.",
    "Phấn đấu đến hết giai đoạn tỷ lệ xã đạt chuẩn nông thôn mới đạt 90%.",
    "Cuối kỳ kế hoạch, 100% hồ sơ được số hóa.",
])
def test_the_end_of_the_period_is_the_plan_s_last_year(text):
    assert year_of_heading(text, period_end=2030) == 2030
    assert year_of_heading(text) is None  # without the plan's period, no year
    assert parse_target(text, period_end=2030).year == 2030


@pytest.mark.parametrize("title, year", [
    ("KẾ HOẠCH Xuất khẩu sản phẩm hàng hóa tỉnh Sơn La giai đoạn 2026 - 2030", 2030),
    ("Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu Đảng bộ xã, nhiệm kỳ 2025 - 2030", 2030),
    ("Kế hoạch phát triển kinh tế số và xã hội số thời kỳ 2026-2035", 2035),
    ("Kế hoạch tổ chức Đợt thi đua", None),
])
def test_the_plan_period_is_read_from_its_title(title, year):
    assert plan_period_end(title) == year


def test_a_plan_for_a_period_gives_its_end_year_to_end_of_period_targets():
    plan = parse_source(SourceText("p.md", """**KẾ HOẠCH**

**PHÁT TRIỂN NĂNG LƯỢNG TỈNH X GIAI ĐOẠN 2026 - 2030**

**I. MỤC TIÊU**

1. Đến cuối giai đoạn, tỷ lệ hộ dân sử dụng điện lưới quốc gia đạt 100%.

2. Năm 2026, tỷ lệ hộ dân dùng điện an toàn đạt 95%.
""".splitlines(), fmt="md"))
    years = {c.text[:5]: c.target.year for c in plan.clauses if c.target}
    assert years == {"1. Đế": 2030, "2. Nă": 2026}
