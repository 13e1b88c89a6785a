"""A time asked in everyday names — a milestone, an occasion, a month opening the question, a cycle, the time of an
act named by the act, a schedule ("tiến độ"), a year asked by "bao nhiêu" — makes a "when" question; "lộ trình",
which names a plan or a programme ("lộ trình đổi mới công nghệ", "lộ trình số hóa hạ tầng", "lộ trình triển khai
trạm 5G"), does not, so a who, target or list question about a roadmap keeps its type. Wordings modelled on the
plans of several provinces (a budget plan, a technology roadmap, an emulation drive, a data-system plan, a 5G plan).
"""
from __future__ import annotations

import pytest

from retrieval.query import analyse


def question(text: str):
    return analyse(text, {}, [])


@pytest.mark.parametrize("text", [
    "Kinh phí chi thường xuyên chưa phân bổ bị thu hồi nếu quá mốc nào trong năm?",  # a budget plan
    "Mốc thời gian nào phải hoàn thành việc tích hợp dữ liệu quy hoạch?",  # a data-system plan
    "Các đơn vị gửi báo cáo kết quả đợt thi đua vào dịp nào?",  # an emulation drive
    "Tháng mấy phải gửi báo cáo về Sở Nội vụ?",
    "thang may cac xa gui bao cao so ket",  # unmarked
    "Báo cáo tình hình triển khai trạm 5G theo chu kỳ nào?",  # a 5G plan
    "Thời gian tổ chức hội nghị sơ kết kế hoạch?",
    "thoi gian nop ho so de nghi khen thuong",
    "Tiến độ xây dựng chương trình đào tạo nhân lực chất lượng cao?",  # a technology roadmap
    "Nhận chuyển giao công nghệ tiên tiến theo tiến độ nào?",
    "Việc lắp đặt trạm 5G trong khu công nghiệp dự kiến hoàn thành năm bao nhiêu?",
    "cong thong tin du lieu quy hoach hoan thanh nam bao nhieu",
    "Hạn nộp báo cáo sơ kết đợt thi đua?",
    "han gui ket qua kiem tra chuyen nganh ve so cong thuong",  # an inspection plan
    "Ngày hết hạn gửi hồ sơ đề nghị khen thưởng?",
    "Xây dựng đề án hỗ trợ doanh nghiệp đổi mới công nghệ thuộc giai đoạn mấy?",
    "Đào tạo nhân lực số được thực hiện hằng năm hay một lần?",
    "viec kiem tra an toan thong tin thuc hien thuong xuyen hay dinh ky",
])
def test_a_time_asked_by_its_everyday_name_is_a_when_question(text):
    q = question(text)
    assert q.qtype == "when"
    assert q.answer_slot is not None and q.answer_slot.kind in ("day", "year", "time")


@pytest.mark.parametrize("text, qtype", [
    # "lộ trình" names the plan asked about, not a time asked
    ("Cơ quan nào là thường trực theo dõi, tổng hợp tình hình thực hiện lộ trình đổi mới công nghệ?", "who"),
    ("Lộ trình số hóa hạ tầng khu công nghiệp giao cho đơn vị nào chủ trì, ai phối hợp?", "who"),
    ("Sở Khoa học và Công nghệ phối hợp với những nhà mạng nào để xây dựng lộ trình triển khai trạm 5G?", "who"),
    ("Theo lộ trình đổi mới công nghệ, tỉnh phấn đấu bao nhiêu % doanh nghiệp ứng dụng công nghệ tiên tiến?",
     "target"),
    # a report of the schedule is its topic, not a time asked; a yearly figure is a figure; a count of times is a count
    ("Đơn vị nào báo cáo tiến độ thực hiện kế hoạch?", "who"),
    ("Mỗi năm bao nhiêu sản phẩm đổi mới sáng tạo được thương mại hóa?", "target"),
    ("Có những biện pháp hạn chế ô nhiễm nào?", "fact"),  # "hạn chế", not a deadline
])
def test_a_roadmap_named_or_a_schedule_reported_keeps_the_question_type(text, qtype):
    assert question(text).qtype == qtype


@pytest.mark.parametrize("text", [
    "Lộ trình đổi mới công nghệ chia làm mấy giai đoạn, là những giai đoạn nào?",
    "Lộ trình triển khai trạm 5G thực hiện trong thời gian nào?",
    "lo trinh chuyen doi du lieu quy hoach keo dai giai doan nao",
])
def test_a_roadmap_asked_for_its_time_is_still_a_when_question(text):
    assert question(text).qtype == "when"


@pytest.mark.parametrize("text, qtype", [
    ("Các xã phải báo cáo kết quả rà soát trước ngày nào?", "when"),  # communes doing a task: its time is asked
    ("Chậm nhất ngày nào các phường gửi báo cáo sơ kết đợt thi đua?", "when"),
    ("cac dia phuong hoan thanh cap nhat du lieu quy hoach khi nao", "when"),
    ("Những xã nào phải hoàn thành trước ngày nào?", "list"),  # which communes: a list still
    ("Các kế hoạch nào có thời hạn đến năm 2030?", "list"),
])
def test_places_named_as_the_doers_of_a_timed_task_ask_its_time_not_a_list(text, qtype):
    assert question(text).qtype == qtype
