"""Targets on lines with several numbers: which figure the indicator is about (second dev round).

Wordings are from different real plans (dev half) and synthetic ones in the same forms.
"""
from __future__ import annotations

import pytest

from corpus.targets import parse_target


@pytest.mark.parametrize("text,values,unit", [
    ("Trong đó, tỷ lệ vốn ngân sách nhà nước dự kiến: 85%-90% tổng vốn đầu tư.", [85.0, 90.0], "%"),
    ("Tỷ lệ hộ nghèo giảm hàng năm 1%-1,5%.", [1.0, 1.5], "%"),
    ("Tổng vốn huy động đạt 91.299 tỷ đồng - 97.386 tỷ đồng.", [91299.0, 97386.0], "tỷ đồng"),
])
def test_a_range_that_repeats_its_unit_is_one_range(text, values, unit):
    t = parse_target(text)
    assert (t.values, t.unit, t.comparison) == (values, unit, "range")


@pytest.mark.parametrize("text,values,unit", [
    ("Vốn ngoài ngân sách và các nguồn vốn hợp pháp khác dự kiến 10%-15% (khoảng 12.173 tỷ đồng - "
     "18.260 tỷ đồng).", [10.0, 15.0], "%"),
    ("Tiếp tục vận hành các dự án điện gió đã đầu tư (02 dự án nhà máy điện gió). Mời gọi đầu tư "
     "Khu vực điện gió Tân Thành với công suất 100 MW.", [100.0], "MW"),
    ("Ngân sách địa phương chiếm khoảng 10% tổng vốn đầu tư (khoảng 12.173 tỷ đồng).", [10.0], "%"),
])
def test_a_figure_in_parentheses_is_an_aside_not_the_target(text, values, unit):
    t = parse_target(text)
    assert (t.values, t.unit) == (values, unit)


@pytest.mark.parametrize("text,values,unit", [
    ("Tổng sản phẩm trong tỉnh (GRDP) tăng khoảng 10%. Quy mô GRDP theo giá hiện hành đạt 660.085 tỷ "
     "đồng, GRDP bình quân đầu người đạt khoảng 91 triệu đồng.", [10.0], "%"),
    ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi giảm còn 18%. Số trẻ được tiêm chủng đầy "
     "đủ đạt 12.000 trẻ.", [18.0], "%"),
])
def test_the_first_sentence_names_the_indicator_s_figure(text, values, unit):
    t = parse_target(text)
    assert (t.values, t.unit) == (values, unit)


@pytest.mark.parametrize("text,values,comparison", [
    ("Kim ngạch xuất khẩu đạt khoảng 8,95 tỷ USD.", [8.95], "="),
    ("Tỷ lệ che phủ rừng dự kiến 45%.", [45.0], "="),
    ("Số doanh nghiệp thành lập mới trên khoảng 1.200 doanh nghiệp.", [1200.0], ">"),
])
def test_a_hedge_is_no_comparison_and_keeps_the_word_before_it(text, values, comparison):
    t = parse_target(text)
    assert (t.values, t.comparison) == (values, comparison)
