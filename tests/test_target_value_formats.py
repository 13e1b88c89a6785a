"""Target values written in the formats the dev plans rarely or never use (benchmarks/perturb_facts.py): thousands set
apart by spaces, a percentage in words, "hơn" as a bound, a count bounded by a symbol, units spelled out, and a time
limit bounded by any of the words (or the symbol) that bound a figure from above. Each is read on wordings modelled on
three or more different dev documents."""
from __future__ import annotations

import pytest

from corpus.targets import parse_cell_target, parse_target
from tests.snippets import clause, parse_md

THOUSANDS_SPACED = [
    # f1e098 (export products), 192068 (training), ceb89a-like land use, 9b7eeb-like table cell
    ("+ Tổng sản phẩm Xoài tham gia xuất khẩu phấn đấu đến năm 2030 đạt 18 000 tấn;", [18000.0], "tấn", "="),
    ("Tổ chức đào tạo, bồi dưỡng 3 000 lượt nhân lực về ứng dụng công nghệ.", [3000.0], "lượt", "="),
    ("d) Tổng hợp nhu cầu sử dụng đất đến năm 2030 dự kiến là 43 346 068 m2 (diện tích cụ thể …)", [43346068.0], "m2", "="),
    ("- Các sản phẩm trái cây: phấn đấu đến năm 2030 đạt trên 46 200 tấn;", [46200.0], "tấn", ">"),
]


@pytest.mark.parametrize("text,values,unit,comparison", THOUSANDS_SPACED)
def test_thousands_set_apart_by_spaces_are_one_figure(text, values, unit, comparison):
    t = parse_target(text)
    assert t is not None and (t.values, t.unit, t.comparison) == (values, unit, comparison), t


def test_a_cell_with_thousands_set_apart_by_spaces_is_one_figure():
    assert parse_cell_target("193 549", "Tỷ đồng", 2026).values == [193549.0]
    assert parse_cell_target("1 100", None, 2026).values == [1100.0]


@pytest.mark.parametrize("text", [
    "Đến năm 2030 100% xã có điểm phục vụ.",  # a year before a figure is no thousands group
    "Quyết định số 15 năm 2025 đạt 95%.",
])
def test_a_year_before_a_figure_is_not_read_as_its_thousands(text):
    t = parse_target(text)
    assert t is not None and t.values in ([100.0], [95.0]), t


PERCENT_IN_WORDS = [
    ("- Tổng sản phẩm trong tỉnh (GRDP) tăng khoảng 10 phần trăm.", [10.0], "increase"),  # 9b7eeb
    ("Trong đó, tỷ lệ vốn ngân sách nhà nước dự kiến: 85 phần trăm-90 phần trăm tổng vốn đầu tư.", [85.0, 90.0], "range"),  # 448306
    ("- 100 phần trăm các khu công nghệ cao, khu công nghiệp có tối thiểu 1 trạm phát sóng 5G.", [100.0], "="),  # 31786b
    ("(1) Tỷ trọng kinh tế số đạt tối thiểu 30 phần trăm GRDP;", [30.0], ">="),  # f004d9
]


@pytest.mark.parametrize("text,values,comparison", PERCENT_IN_WORDS)
def test_a_percentage_in_words_is_a_percentage(text, values, comparison):
    t = parse_target(text)
    assert t is not None and (t.values, t.unit, t.comparison) == (values, "%", comparison), t


MORE_THAN = [
    ("Phấn đấu hơn 50% diện tích sản xuất nông nghiệp chủ lực ứng dụng công nghệ thông minh.", [50.0], "%"),  # 192068
    ("(3) Tỷ lệ dân số từ 15 tuổi trở lên có chữ ký số đạt hơn 70%;", [70.0], "%"),  # f004d9
    ("+ Tổng sản phẩm Chè xuất khẩu đến năm 2030 phấn đấu đạt hơn 12.000 tấn; tốc độ tăng bình quân 03 - 04%/năm.",
     [12000.0], "tấn"),  # f1e098
    ("b) Dự án tại khu vực có tổng diện tích cần phải điều tra, khảo sát hơn 500ha;", [500.0], "ha"),  # 6d0e27
]


@pytest.mark.parametrize("text,values,unit", MORE_THAN)
def test_hon_before_a_figure_bounds_it_from_below(text, values, unit):
    t = parse_target(text)
    assert t is not None and (t.values, t.unit, t.comparison) == (values, unit, ">"), t


SYMBOL_BOUNDED = [
    ("(5) Phát triển và triển khai ≥ 01 sàn giao dịch dữ liệu;", [1.0], None, ">="),  # f004d9
    ("Hình thành ≥ 02 vùng nuôi thủy sản thông minh đạt tiêu chuẩn quốc tế.", [2.0], None, ">="),  # 192068
    ("- Thời gian đào tạo ≥ 03 tháng.", [3.0], "tháng", ">="),  # 6d0e27
    ("d) Có kinh nghiệm hoạt động trực tiếp ≥ 02 năm trong lĩnh vực điều tra, khảo sát.", [2.0], "năm", ">="),  # 6d0e27
    ("mỗi lớp ≤ 30 học viên; tổ chức lễ bế giảng", [30.0], "học viên", "<="),  # c49a5a
]


@pytest.mark.parametrize("text,values,unit,comparison", SYMBOL_BOUNDED)
def test_a_count_or_length_bounded_by_a_symbol_is_a_target(text, values, unit, comparison):
    t = parse_target(text)
    assert t is not None and (t.values, t.unit, t.comparison) == (values, unit, comparison), t


def test_a_length_after_less_than_stays_no_target():
    assert parse_target("Hỗ trợ lao động nữ có con nhỏ < 12 tháng tuổi.") is None


UNITS_SPELLED = [
    ("Phục hồi rừng ngập mặn, diện tích rừng ngập mặn đến năm 2030 đạt 1.700 hécta.", [1700.0], "hécta"),  # bffd9d
    ("b) … khu vực có tổng diện tích cần phải rà phá bom mìn vật nổ trên 500 héc-ta;", [500.0], "héc-ta"),  # 6d0e27
    ("Nhu cầu vốn đầu tư mạng lưới cơ sở văn hóa dự kiến khoảng 121.732 tỷ VNĐ (số vốn cụ thể …)", [121732.0], "tỷ VNĐ"),
    ("- Tổng vốn đầu tư xã hội đạt khoảng 270.000 tỷ VND.", [270000.0], "tỷ VND"),  # 9b7eeb
    ("dự kiến là 43.346.068 mét vuông (diện tích sử dụng đất cụ thể …)", [43346068.0], "mét vuông"),
    ("- Kim ngạch xuất khẩu đạt khoảng 8,95 tỷ đô la Mỹ.", [8.95], "tỷ đô la Mỹ"),  # 9b7eeb
]


@pytest.mark.parametrize("text,values,unit", UNITS_SPELLED)
def test_a_unit_spelled_out_is_the_targets_unit(text, values, unit):
    t = parse_target(text)
    assert t is not None and (t.values, t.unit) == (values, unit), t


def test_a_rate_per_spelled_hectare_is_no_target():
    assert parse_target("Hỗ trợ trên 01 hécta đất trồng lúa.") is None


LIMITS = """# KẾ HOẠCH

1. Thời hạn thẩm định hồ sơ kể từ khi nhận đủ hồ sơ như sau:

a) Không vượt quá 30 (ba mươi) ngày đối với dự án thuộc Nhóm I;

b) ≤ 20 (hai mươi) ngày đối với dự án thuộc Nhóm II;

c) Nhiều nhất 10 (mười) ngày đối với dự án thuộc Nhóm III;
"""


@pytest.mark.parametrize("start,limit", [
    ("Không vượt quá 30", "Không vượt quá 30 (ba mươi) ngày"),  # 6d0e27 writes "Không quá"
    ("≤ 20", "≤ 20 (hai mươi) ngày"),
    ("Nhiều nhất 10", "Nhiều nhất 10 (mười) ngày"),
])
def test_a_point_opening_with_any_at_most_bound_states_its_time_limit(start, limit):
    assert clause(parse_md(LIMITS), start).deadline == limit


@pytest.mark.parametrize("text,values,unit", [
    ("- Kim ngạch xuất khẩu đạt khoảng\n8.95 tỷ USD.", [8.95], "tỷ USD"),  # 9b7eeb
    ("(1) Tỷ trọng kinh tế số đạt tối thiểu\n30.5% GRDP;", [30.5], "%"),  # f004d9 (read before too: "%" is no title)
    ("+ Tổng sản phẩm Chè tham gia xuất khẩu đến năm 2030 phấn đấu tăng\n1.5 lần so với năm 2025;", [1.5], "lần"),  # f1e098
    ("- Thu nhập bình quân đầu người của lao động nông thôn đạt\n2.5 triệu đồng/người/tháng.", [2.5], "triệu đồng/người/tháng"),
])
def test_a_wrapped_line_opening_with_a_decimal_figure_goes_on_the_sentence(text, values, unit):
    plan = parse_md("# KẾ HOẠCH\n\nI. MỤC TIÊU\n\n" + text)
    c = clause(plan, text.split("\n")[0])
    assert c.target is not None and (c.target.values, c.target.unit) == (values, unit), c.target


def test_a_decimal_label_before_a_capitalised_title_still_numbers_a_heading():
    plan = parse_md("# KẾ HOẠCH\n\n1.2 Nông nghiệp\n\n- Sở Nông nghiệp và Môi trường chủ trì xây dựng nền tảng số.")
    assert clause(plan, "Sở Nông nghiệp").section_path[-1].startswith("1.2 Nông nghiệp")
