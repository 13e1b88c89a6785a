"""Target wordings the fourth round of blind dev facts showed (areas, depths, terms, numbers spelled out),
each read on wordings from a dev document and synthetic ones in the layouts other plans use."""
from __future__ import annotations

import pytest

from corpus.targets import parse_target

FORMS = [
    # 6d0e277c (dev): a threshold area is a target; only "trên 01 ha" is per hectare
    ("khu vực có tổng diện tích cần phải điều tra, khảo sát, rà phá bom mìn vật nổ trên 500ha;", [500.0], "ha", ">"),
    ("Phấn đấu diện tích trồng rừng mới trên 1.200 ha.", [1200.0], "ha", ">"),
    # "lớn hơn" / "nhỏ hơn" compare as "trên" / "dưới"; metres are a unit
    ("dưới biển nơi có độ sâu nước lớn hơn 30m.", [30.0], "m", ">"),
    ("Tỷ lệ hộ nghèo đa chiều nhỏ hơn 1,5%.", [1.5], "%", "<"),
    ("Đường giao thông nông thôn có mặt cắt ngang lớn hơn 5 mét.", [5.0], "mét", ">"),
    # a number spelled out in brackets after its figure
    ("a) Không quá 30 (ba mươi) ngày đối với dự án, hạng mục thuộc nhóm I;", [30.0], "ngày", "<="),
    ("Thời gian tập huấn tối thiểu 05 (năm) ngày.", [5.0], "ngày", ">="),
    # the length of a term
    ("a) Chứng chỉ năng lực của các tổ chức có hiệu lực trong thời hạn 03 (ba) năm;", [3.0], "năm", "="),
    ("b) Chứng chỉ đội trưởng, giám sát viên và kỹ thuật viên có thời hạn 05 năm.", [5.0], "năm", "="),
    ("Giấy chứng nhận cơ sở đủ điều kiện có thời hạn 24 tháng.", [24.0], "tháng", "="),
]


@pytest.mark.parametrize("text,values,unit,comparison", FORMS)
def test_target_forms_read(text, values, unit, comparison):
    t = parse_target(text)
    assert t is not None, text
    assert (t.values, t.unit, t.comparison) == (values, unit, comparison)


NOT_TARGETS = [
    "Năng suất lúa trên 01 ha canh tác.",  # per hectare
    "Xây dựng kế hoạch 5 năm 2026-2030.",  # a plan's length
    "Hỗ trợ giảng viên nữ có con nhỏ dưới 12 tháng.",  # a condition, not a target
]


@pytest.mark.parametrize("text", NOT_TARGETS)
def test_figures_that_are_no_target(text):
    assert parse_target(text) is None


YEAR_PARTS = [
    ("Năm 2026: tỷ lệ người dân tham gia BHYT đạt 95%; đến năm 2030 đạt 98%.", 95.0, 2026),
    ("Đến năm 2030: tỷ lệ hộ dùng nước sạch đạt 100%; tỷ lệ thu gom rác đạt 95%.", 100.0, 2030),
    ("- Năm 2027 có 02 thôn đạt chuẩn nông thôn mới kiểu mẫu; năm 2030 có 05 thôn.", 2.0, 2027),
]


@pytest.mark.parametrize("text,value,year", YEAR_PARTS)
def test_a_figure_takes_the_year_of_its_own_part_of_the_sentence(text, value, year):
    t = parse_target(text)
    assert t is not None and (t.values, t.year) == ([value], year)


from corpus.targets import parse_cell_target  # noqa: E402


@pytest.mark.parametrize("cell,values,comparison", [
    ("Trên 45", [45.0], ">"),
    ("Tối thiểu 80", [80.0], ">="),
    ("Không quá 2", [2.0], "<="),
    ("95 trở lên", [95.0], ">="),
    ("Đạt 100%", [100.0], "="),
    ("≥ 94", [94.0], ">="),
    ("12-14", [12.0, 14.0], "range"),
])
def test_a_value_cell_may_state_its_bound_in_words(cell, values, comparison):
    t = parse_cell_target(cell, "%", 2030)
    assert t is not None and (t.values, t.comparison, t.year) == (values, comparison, 2030)


@pytest.mark.parametrize("cell", ["x", "-", "Hoàn thành", "5/12 thôn"])
def test_a_value_cell_without_one_figure_is_no_target(cell):
    assert parse_cell_target(cell, None, 2030) is None


@pytest.mark.parametrize("text", [
    "Thực hiện Nghị quyết Đại hội nhiệm kỳ 2025 - 2030 ngày 11/8/2025 và Chương trình số 15-Ctr/ĐU",
    "Căn cứ Kế hoạch giai đoạn 2026-2030 tháng 6 năm 2026 của UBND tỉnh",
    "Nghị quyết nhiệm kỳ 2020–2025, ngày 05 tháng 5 năm 2021 của Đảng ủy",
])
def test_a_span_of_years_followed_by_a_date_is_no_range_of_days(text):
    assert parse_target(text) is None


def test_a_range_of_days_is_still_read():
    t = parse_target("rút ngắn thời gian giải quyết từ 20 - 30 ngày")
    assert (t.values, t.unit, t.comparison) == ([20.0, 30.0], "ngày", "range")


# A count written in words after a bound is a figure: a data plan's drill "tối thiểu một lần/năm", an
# inspection plan's "ít nhất hai lần", a regulation's "không quá ba lần"; the phrase quotes the words.
@pytest.mark.parametrize("text,values,unit,comparison,phrase", [
    ("tổ chức diễn tập phương án phòng ngừa, ứng phó sự cố tối thiểu một lần/năm.", [1.0], "lần", ">=",
     "tối thiểu một lần"),
    ("Mỗi xã kiểm tra ít nhất hai lần trong năm.", [2.0], "lần", ">=", "ít nhất hai lần"),
    ("Thời hạn gia hạn không quá ba lần, mỗi lần không quá 30 ngày.", [3.0], "lần", "<=", "không quá ba lần"),
    ("Mỗi xã có ít nhất một sản phẩm OCOP.", [1.0], "sản phẩm", ">=", "ít nhất một sản phẩm"),
])
def test_a_bounded_count_in_words_is_a_figure(text, values, unit, comparison, phrase):
    t = parse_target(text)
    assert t is not None and (t.values, t.unit, t.comparison, t.text) == (values, unit, comparison, phrase)


@pytest.mark.parametrize("text", ["Thời gian học tối thiểu năm năm.", "Một lần nữa nhấn mạnh vai trò của các sở.",
                                  "Các xã có ít nhất một phần diện tích bị ảnh hưởng"])
def test_a_number_word_without_a_bound_or_a_counted_noun_is_no_figure(text):
    assert parse_target(text) is None
