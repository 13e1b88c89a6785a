"""The question's type read from what its wording asks for (`retrieval.query.question_type`, `unit_named`): a figure
the plan aims at (target) or one it states (fact), a time (when), a unit's tasks (duties) or where money comes from
(fact). Wordings modelled on dev questions about several plans: a national culture-and-sports network plan, a
provincial 5G plan for industrial zones, the political-centre training rules, a provincial budget plan, an export plan,
a commune's socio-economic plan, an administrative-procedure simplification decision, a demining circular and a
provincial digital-economy plan."""
from __future__ import annotations

import pytest

from retrieval.query import analyse, question_type
from corpus.text import folded


@pytest.mark.parametrize("text", [
    "Ngân sách địa phương chiếm bao nhiêu trong vốn đầu tư mạng lưới cơ sở văn hóa, thể thao?",
    "tong so tram 5G o cac khu cong nghiep sau khi chuyen doi tu 3G/4G la bao nhieu",
    "Phúc tra bài thu hoạch chênh lệch bao nhiêu điểm thì được điều chỉnh?",
    "Toàn tỉnh hiện có bao nhiêu hợp tác xã?",
])
def test_a_figure_asked_with_no_aim_nor_year_is_a_fact_the_plan_states(text):
    assert question_type(folded(text)) == "fact", text


@pytest.mark.parametrize("text", [
    "son la nam 2028 ke hoach xuat khau chanh leo bao nhieu tan",  # a year asked
    "Tỉnh đặt mục tiêu giảm tỷ lệ hộ nghèo mỗi năm bao nhiêu?",  # an aim named
    "thu ngan sach xa tang binh quan bao nhieu moi nam",  # a yearly rate
    "Đơn giản hóa thủ tục này cắt giảm bao nhiêu phần trăm chi phí?",  # a share
    "Số doanh nghiệp công nghệ số đến năm 2030 đạt bao nhiêu?",
])
def test_a_figure_asked_for_a_year_or_named_as_an_aim_is_a_target(text):
    assert question_type(folded(text)) == "target", text


@pytest.mark.parametrize("text", [
    "Giấy chứng nhận bị lỗi do trung tâm thì trong mấy ngày phải cấp lại?",
    "Sau khi nhận kết quả chấm bài, giáo vụ phải công bố điểm trong mấy ngày?",
    "Cục Tài chính phải hoàn chỉnh chương trình trong bao nhiêu ngày sau khi có kết quả thẩm định?",
    "UBND xã phải trả kết quả trong may ngay ke tu khi nhan ho so?",
])
def test_a_number_of_days_within_which_a_task_is_done_is_a_when_question(text):
    assert analyse(text, {}, ["Cục Tài chính", "Ủy ban nhân dân xã"]).qtype == "when", text


@pytest.mark.parametrize("text", [
    "Thủ tục xác định mức độ khuyết tật được rút ngắn còn mấy ngày?",
    "Thời gian giải quyết thủ tục còn bao nhiêu ngày?",
])
def test_a_number_of_days_a_procedure_is_cut_to_is_no_deadline(text):
    assert question_type(folded(text)) != "when", text


UNITS = ["Doanh nghiệp", "Cơ sở giáo dục", "Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ"]


@pytest.mark.parametrize("text", [
    "Hà Nội KH 5G: ai bỏ tiền thực hiện các nhiệm vụ do doanh nghiệp triển khai?",
    "Doanh nghiệp, cơ sở giáo dục lấy tiền từ đâu để làm nhiệm vụ được giao?",
    "Kinh phí cho các nhiệm vụ Sở Văn hóa, Thể thao và Du lịch được giao lấy từ nguồn nào?",
])
def test_where_the_money_for_a_units_tasks_comes_from_is_a_fact_not_its_duties(text):
    q = analyse(text, {}, UNITS)
    assert q.qtype == "fact" and q.asks_source, text


def test_a_named_units_tasks_asked_in_a_fact_wording_are_still_its_duties():
    q = analyse("Sở Nội vụ được giao nhiệm vụ ra sao?", {}, UNITS)
    assert q.qtype == "duties" and q.unit == "Sở Nội vụ"
