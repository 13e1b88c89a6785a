"""Times a task's own clause states without a "Thời gian:" label, and the time a plan states for itself.

Wordings from a planning-data plan (001c610b, dev), a mine-clearance regulation (6d0e277c, dev), a plant-protection
decision (1796a553, dev), a sea-economy plan (bffd9da6, dev), two emulation drives (556b2fb4, 99c7d8ff, dev) and
synthetic plans in their layouts."""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

BRACKETED = [
    ("5. Đào tạo nhân lực, nâng cao nhận thức cộng đồng, huy động doanh nghiệp tham gia (xuyên suốt 2025 - 2035).",
     "xuyên suốt 2025 - 2035"),
    ("2. Số hóa, chuẩn hóa cơ sở dữ liệu đất đai của xã (giai đoạn 2026 - 2030).", "giai đoạn 2026 - 2030"),
    ("3. Tổ chức điểm cho vay vốn ưu đãi tại thôn (trong năm 2026).", "trong năm 2026"),
]


@pytest.mark.parametrize("task,deadline", BRACKETED)
def test_a_qualified_period_in_closing_brackets_is_the_deadline(task, deadline):
    plan = parse_md(f"**III. NHIỆM VỤ TRỌNG TÂM**\n\n{task}\n")
    assert clause(plan, task[:20]).deadline == deadline


BEFORE_EVENT = [
    ("4. Các tổ chức, đơn vị điều tra, khảo sát, rà phá bom mìn vật nổ phải tổ chức huấn luyện bổ sung cho các đối "
     "tượng trước khi điều tra, khảo sát, rà phá bom mìn vật nổ.", "trước khi điều tra, khảo sát, rà phá bom mìn vật nổ"),
    ("- Kiểm tra, xác minh tính chính xác của dữ liệu trước khi gửi về cấp trên.", "trước khi gửi về cấp trên"),
    ("- Các tổ chức, đơn vị phải tổ chức huấn luyện bổ sung cho lực lượng trực tiếp tham gia trước khi triển khai dự án.",
     "trước khi triển khai dự án"),
]


@pytest.mark.parametrize("task,deadline", BEFORE_EVENT)
def test_the_event_a_task_must_precede_closing_its_sentence_is_the_deadline(task, deadline):
    plan = parse_md(f"**Điều 26. Nội dung huấn luyện**\n\n{task}\n")
    assert clause(plan, task[:20]).deadline == deadline


def test_an_event_before_which_something_happens_mid_text_is_no_deadline():
    task = ("3. Bộ trưởng xem xét, lấy ý kiến các Bộ, ngành liên quan trước khi quyết định tạm ngừng nhập khẩu. "
            "Quyết định được gửi các cơ quan liên quan.")
    assert clause(parse_md(f"**Điều 9. Tạm ngừng**\n\n{task}\n"), "3. Bộ trưởng").deadline is None


ROUTINE = [
    # a unit's paragraph: the adverb after the act, before it, or after its object
    ("**IV. TỔ CHỨC THỰC HIỆN**\n\n**5. Các sở ngành liên quan**\n\n"
     "- Cập nhật, tích hợp cơ sở dữ liệu thường xuyên vào Hệ thống theo đúng quy chuẩn.\n", "- Cập nhật, tích hợp"),
    ("**VI. TỔ CHỨC THỰC HIỆN**\n\n2. Các sở, ban, ngành tỉnh có trách nhiệm thường xuyên phối hợp cùng các cơ quan "
     "chuyên môn thuộc các bộ, ngành Trung ương trong việc hỗ trợ vốn.\n", "2. Các sở, ban, ngành"),
    ("**Điều 2. Ủy ban nhân dân các tỉnh có trách nhiệm:**\n\n5. Báo cáo thường xuyên Bộ Nông nghiệp và Môi trường về "
     "tình hình dịch tại địa phương.\n", "5. Báo cáo thường xuyên"),
]


@pytest.mark.parametrize("text,start", ROUTINE)
def test_a_task_done_thuong_xuyen_mid_sentence_has_that_deadline(text, start):
    c = clause(parse_md(text), start)
    assert c.lead and c.deadline == "thường xuyên"


NOT_ROUTINE = [
    "- Sở Tài chính bố trí kinh phí chi thường xuyên theo quy định của pháp luật về ngân sách.",
    "- Sở Nông nghiệp và Môi trường quan trắc không khí tại nơi thường xuyên phát sinh bụi, khí thải.",
    "- Ủy ban nhân dân xã thiết lập các kênh đối thoại thường xuyên với Nhân dân, doanh nghiệp.",
]


@pytest.mark.parametrize("text", NOT_ROUTINE)
def test_recurrent_spending_places_and_set_ups_are_no_routine(text):
    c = clause(parse_md(f"**IV. TỔ CHỨC THỰC HIỆN**\n\n{text}\n"), text[:20])
    assert c.lead and c.deadline is None


DRIVE_LABELLED = """
**II. NỘI DUNG THI ĐUA**

**1. Chủ đề thi đua**

“Lập thành tích chào mừng Đại hội lần thứ XIV của Đảng”.

**2. Thời gian thực hiện: **Từ tháng 10/2025 đến khi tổ chức thành công Đại hội Đại biểu toàn quốc lần thứ XIV của Đảng.

**IV. TỔ CHỨC THỰC HIỆN**

**4. Sở Nội vụ**

- Chủ trì, phối hợp với các cơ quan, đơn vị tổ chức triển khai thực hiện Kế hoạch này.

- Tham mưu khen thưởng tổng kết Đợt thi đua trước ngày 30/6/2026.
"""

DRIVE_HEADING = """
**V. THỜI GIAN VÀ TRÁCH NHIỆM THỰC HIỆN**

**1. Thời gian thực hiện**

Đợt thi đua được triển khai thực hiện từ ngày ban hành Kế hoạch đến khi tổ chức thành công Đại hội đại biểu toàn quốc.

**2. Trách nhiệm thực hiện**

- Sở Nội vụ hướng dẫn khen thưởng Đợt thi đua; phối hợp với các cơ quan, đơn vị liên quan đôn đốc thực hiện.
"""

PLAN_PART = """
**III. NHIỆM VỤ**

1. Phòng Văn hóa - Xã hội chủ trì tổ chức tuyên truyền về chuyển đổi số.

**IV. THỜI GIAN THỰC HIỆN**: Năm 2026.
"""


@pytest.mark.parametrize("text,task,deadline", [
    (DRIVE_LABELLED, "- Chủ trì, phối hợp", "Từ tháng 10/2025 đến khi tổ chức thành công Đại hội Đại biểu toàn quốc "
                                             "lần thứ XIV của Đảng"),
    (DRIVE_HEADING, "- Sở Nội vụ hướng dẫn", "từ ngày ban hành Kế hoạch đến khi tổ chức thành công Đại hội đại biểu "
                                              "toàn quốc"),
    (PLAN_PART, "1. Phòng Văn hóa", "Năm 2026"),
])
def test_the_plans_own_time_is_the_deadline_of_a_led_task_with_none(text, task, deadline):
    c = clause(parse_md(text), task)
    assert c.lead and c.deadline == deadline
    assert c.deadline_source.mechanism == "plan_time"


def test_a_task_keeps_its_own_time_over_the_plans():
    c = clause(parse_md(DRIVE_LABELLED), "- Tham mưu khen thưởng")
    assert c.deadline == "trước ngày 30/6/2026"


def test_a_tasks_time_attribute_is_no_time_of_the_plan():
    """"- Thời gian thực hiện: Năm 2025" under one task dates that task, not its siblings."""
    plan = parse_md("""
**II. NHIỆM VỤ**

1. Sở Tư pháp tổ chức phổ biến Luật Việc làm.

- Thời gian thực hiện: Năm 2025

2. Sở Nội vụ rà soát văn bản quy phạm pháp luật về việc làm.
""")
    assert clause(plan, "2. Sở Nội vụ").deadline is None


def test_a_time_per_phase_is_no_time_of_the_whole_plan():
    plan = parse_md("""
**II. NHIỆM VỤ**

1. Thời gian thực hiện: Năm 2026

2. Thời gian thực hiện: Năm 2027

**III. TỔ CHỨC THỰC HIỆN**

1. Sở Nội vụ hướng dẫn các cơ quan, đơn vị thực hiện Kế hoạch.
""")
    assert clause(plan, "1. Sở Nội vụ").deadline is None


@pytest.mark.parametrize("stage,task", [
    ("1. Giai đoạn 2025 - 2030", "- Tập trung hỗ trợ doanh nghiệp nhỏ và vừa ứng dụng công nghệ số, phấn đấu đến năm "
                                 "2030 đạt 30% doanh nghiệp thực hiện."),
    ("2. Giai đoạn 2026 - 2028", "- Xây dựng cơ sở dữ liệu đất đai, hoàn thành đến năm 2028."),
    ("a) Giai đoạn 2026 - 2030", "- Phấn đấu tới năm 2030 có 100% hồ sơ công việc được xử lý trên môi trường mạng."),
])
def test_a_task_restating_its_stages_end_year_is_done_in_the_stage(stage, task):
    plan = parse_md(f"**III. LỘ TRÌNH THỰC HIỆN**\n\n**{stage}**\n\n{task}\n")
    assert clause(plan, task[:20]).deadline == stage.split(" ", 1)[1]


def test_a_time_inside_the_stage_is_kept():
    task = "- Hoàn thành số hóa hồ sơ địa chính trong năm 2027."
    plan = parse_md(f"**III. LỘ TRÌNH THỰC HIỆN**\n\n**1. Giai đoạn 2026 - 2030**\n\n{task}\n")
    assert clause(plan, task[:20]).deadline == "trong năm 2027"


@pytest.mark.parametrize("text,deadline", [
    ("Thời hạn đánh giá chương trình, kế hoạch khắc phục hậu quả bom mìn vật nổ cấp quốc gia là 3 năm và đánh giá "
     "giữa kỳ đối với chương trình cấp tỉnh.", "3 năm"),
    ("Thời gian giải quyết hồ sơ đề nghị cấp chứng chỉ là 15 ngày làm việc.", "15 ngày làm việc"),
    ("Thời hạn báo cáo kết quả kiểm tra là không quá 10 ngày.", "không quá 10 ngày"),
])
def test_the_time_a_rule_names_for_an_act_is_its_deadline(text, deadline):
    plan = parse_md(f"**Điều 6. Đánh giá, điều chỉnh**\n\n1. Chương trình được đánh giá định kỳ.\n\n{text}\n")
    assert clause(plan, text[:20]).deadline == deadline


def test_a_papers_validity_is_no_deadline():
    text = "Thời hạn hiệu lực của chứng chỉ năng lực là 05 năm."
    plan = parse_md(f"**Điều 29. Thời hạn hiệu lực**\n\n{text}\n")
    assert clause(plan, text[:20]).deadline is None
