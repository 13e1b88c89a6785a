"""When-questions over time layouts plans write rarely: a span of quarters or months across two years, a year alone
in a task table's time column, a plan's stage named beside its vision's horizon, and everyday wordings of a
when-question ("chia làm mấy giai đoạn", "tháng mấy hằng năm", "bao lâu thì … một lần", "chậm nhất mấy ngày").
Wordings modelled on several dev documents (a telecom-infrastructure plan's task table, a technology roadmap's table,
a digital-economy plan's table, a 5G plan's opening, a culture-network plan's land-use stages, a training centre's
rules, an inspection regulation), synthetic here.
"""
from __future__ import annotations

import pytest

from corpus.timing import answers_time, deadline_kinds, stages_asked, time_asked
from retrieval.query import folded, question_type
from snippets import clause, parse_md


@pytest.mark.parametrize("value", [
    "Quý IV/2025- Quý II/2026",  # a telecom plan's time column
    "Quý III - Quý IV/2026",
    "tháng 10/2025 - tháng 6/2026",
    "Quý I/2026 đến Quý IV/2027",
])
def test_a_span_of_quarters_or_months_across_years_is_a_period(value):
    assert "period" in deadline_kinds(value)
    assert answers_time(deadline_kinds(value), time_asked(folded("kéo dài từ quý nào đến quý nào?")))


@pytest.mark.parametrize("value", ["Quý IV/2026", "trong tháng 6/2026", "Quý III Năm 2026"])
def test_one_quarter_or_month_stays_the_time_it_is_done_by(value):
    assert deadline_kinds(value) == ("end",)


@pytest.mark.parametrize("value", ["2026", "2025"])
def test_a_year_alone_in_a_time_column_is_the_year_it_is_done_by(value):
    # a roadmap's and a digital-economy plan's "Thời gian thực hiện" cells write the year alone
    assert deadline_kinds(value) == ("end",)


def test_a_year_cell_of_a_task_table_reads_as_an_end():
    plan = parse_md(
        "| STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian thực hiện |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Xây dựng kế hoạch thúc đẩy sử dụng nền tảng số | Sở Khoa học và Công nghệ | Các sở, ngành | 2026 |\n")
    c = clause(plan, "1. Xây dựng kế hoạch")
    assert c.deadline == "2026" and c.deadline_kinds == ("end",)


@pytest.mark.parametrize("text,deadline", [
    # a 5G plan's opening: the stage, not the vision's horizon
    ("Ủy ban nhân dân tỉnh ban hành Kế hoạch phát triển hệ thống sóng viễn thông 5G tại các Khu công nghiệp "
     "giai đoạn 2026 - 2030, tầm nhìn đến năm 2045 như sau:", "giai đoạn 2026 - 2030"),
    # a culture-network plan's land-use stage, citing a national plan's vision in passing
    ("b) Kế hoạch sử dụng đất giai đoạn 2026-2030: Thực hiện theo Quy hoạch tổng thể quốc gia thời kỳ 2021-2030, "
     "tầm nhìn đến năm 2050.", "giai đoạn 2026-2030"),
    # a closing paragraph naming the plan
    ("Trên đây là Kế hoạch chuyển đổi số giai đoạn 2025 - 2030, tầm nhìn đến năm 2045. Các sở, ngành triển khai "
     "thực hiện.", "giai đoạn 2025 - 2030"),
])
def test_a_stage_named_beside_a_vision_is_the_clauses_time(text, deadline):
    plan = parse_md("**II. NỘI DUNG**\n\n" + text + "\n")
    c = clause(plan, text[:20])
    assert c.deadline == deadline and c.deadline_kinds == ("period",)


def test_a_vision_alone_is_still_read_as_the_clauses_time():
    plan = parse_md("**I. MỤC TIÊU**\n\n**1. Mục tiêu chung**\n\nPhát triển mạng lưới cơ sở văn hóa.\n\n"
                    "b) Tầm nhìn đến năm 2045\n")
    assert clause(plan, "b) Tầm nhìn").deadline == "đến năm 2045"


@pytest.mark.parametrize("question,kinds", [
    ("Lộ trình đổi mới công nghệ chia làm mấy giai đoạn?", ("period",)),
    ("Kế hoạch sử dụng đất áp dụng cho thời kỳ nào?", ("period",)),
    ("Việc khảo sát hạ tầng viễn thông kéo dài từ quý nào đến quý nào?", ("period",)),
    ("Tháng mấy hằng năm Trung tâm báo cáo cấp ủy xã?", ("recurring",)),
    ("Bao lâu thì các sở báo cáo kết quả một lần?", ("recurring",)),
    ("Mấy tháng các cơ quan báo cáo một lần?", ("recurring",)),
    ("Quý mấy hoàn thành việc điều chỉnh quy hoạch hạ tầng viễn thông?", ("end",)),
    ("Giảng viên nộp điểm bài thu hoạch chậm nhất mấy ngày?", ("end", "duration")),
    ("Vào tháng mấy Trung tâm gửi báo cáo?", ()),
    ("Deadline nộp báo cáo kết quả kiểm tra là khi nào?", ()),
])
def test_everyday_wordings_of_a_when_question_are_when_questions(question, kinds):
    f = folded(question)
    assert question_type(f) == "when"
    assert time_asked(f) == kinds


@pytest.mark.parametrize("question,qtype", [
    ("Mục tiêu tăng trưởng hằng năm của tỉnh là bao nhiêu phần trăm?", "target"),  # an aim, not a time
    ("Thang máy của trụ sở được lắp mấy chiếc?", "fact"),  # "thang máy", a lift
    ("Đổi giấy phép lái xe trực tuyến mất mấy ngày?", "fact"),  # a procedure's length, a fact
])
def test_figures_and_lengths_stay_what_they_were(question, qtype):
    assert question_type(folded(question)) == qtype


@pytest.mark.parametrize("question,asked", [
    ("Lộ trình đổi mới công nghệ chia làm mấy giai đoạn, là những giai đoạn nào?", True),
    ("Chương trình chuyển đổi số gồm bao nhiêu giai đoạn?", True),
    ("Các giai đoạn của lộ trình số hóa là gì?", True),
    ("Trung tâm đổi mới sáng tạo cấp tỉnh được xây dựng trong giai đoạn nào?", False),  # one task's stage
])
def test_a_question_asking_the_stages_themselves_is_told_from_one_tasks_stage(question, asked):
    assert stages_asked(folded(question)) is asked


def test_the_stages_asked_are_every_stage_heading_beside_the_one_found():
    from retrieval.query import Question
    from retrieval.strategies import When
    plan = parse_md(
        "**III. LỘ TRÌNH THỰC HIỆN**\n\n**1. Giai đoạn 2025 - 2030**\n\n"
        "1.1. Hoàn thiện cơ chế, chính sách hỗ trợ doanh nghiệp đổi mới công nghệ\n\n"
        "**2. Giai đoạn 2031 - 2035**\n\n2.1. Mở rộng và đổi mới cơ chế, chính sách\n\n"
        "**IV. TỔ CHỨC THỰC HIỆN**\n\n1. Sở Khoa học và Công nghệ chủ trì.\n")
    second = clause(plan, "2. Giai đoạn 2031")
    f = folded("Lộ trình chia làm mấy giai đoạn?")
    q = Question(text="Lộ trình chia làm mấy giai đoạn?", folded=f, qtype="when", time_asked=time_asked(f),
                 stages_asked=True)
    assert [c.text for c in When().items(second, plan.clauses, q)] == ["1. Giai đoạn 2025 - 2030"]
    one = Question(text="x", folded="x", qtype="when", time_asked=("period",))
    assert "1. Giai đoạn 2025 - 2030" not in [c.text for c in When().items(second, plan.clauses, one)]


@pytest.mark.parametrize("question,qtype", [
    # a deadline asked makes a when-question though it also asks whom to report to (a 5G plan, an export plan, a
    # transport digitisation plan, a telecom plan)
    ("Các sở, UBND phường xã báo cáo kết quả phát triển hạ tầng 5G trước ngày nào, qua đơn vị nào?", "when"),
    ("Sơn La: các sở, ngành báo cáo tình hình thực hiện kế hoạch xuất khẩu hàng tháng trước ngày nào, gửi ai?", "when"),
    ("dong thap bao cao ket qua chuyen doi so ha tang giao thong truoc ngay nao hang nam, gui ai?", "when"),
    ("han dieu chinh quy hoach vien thong KCN Ha Noi?", "when"),  # a question opening on "hạn"
    # "Ai …" first asks who, the day besides
    ("Ai chịu trách nhiệm trình Bộ Quốc phòng kế hoạch khắc phục hậu quả bom mìn trước ngày nào?", "who"),
])
def test_a_deadline_asked_with_whom_to_report_to_is_a_when_question(question, qtype):
    assert question_type(folded(question)) == qtype
