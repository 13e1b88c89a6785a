"""Deadlines stated as an amount of time or as an event (issue #9, time limits in regulation-style text).

"Không quá 30 (ba mươi) ngày", "Trong thời hạn tối đa 10 ngày", "Trong ngày tiếp nhận đề nghị …": wordings from
several real documents, synthetic here, each rendered as a list item under the line that introduces it, a bullet
and a paragraph; every rendering must read the same deadline. Amounts that are no time limit stay none.
"""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

# (clause as written, the deadline it states)
DURATIONS = [
    # a regulation's appraisal times (the event counted from is in the introducing line); number also in words
    ("Không quá 30 (ba mươi) ngày đối với dự án thuộc Nhóm I quy định tại khoản 1 Điều 3;",
     "Không quá 30 (ba mươi) ngày"),
    ("Không quá 10 (mười) ngày làm việc đối với nhiệm vụ đột xuất;", "Không quá 10 (mười) ngày làm việc"),
    # a procedure sheet's steps
    ("Trong thời hạn tối đa 10 ngày, Sở Xây dựng có văn bản trả lời tổ chức đề nghị.",
     "Trong thời hạn tối đa 10 ngày"),
    # a housing programme: the time limit after a lead-in
    ("Sau khi Hội đồng nhân dân tỉnh thông qua chương trình, trong thời gian tối đa 15 ngày, Ủy ban nhân dân tỉnh "
     "phê duyệt kế hoạch.", "trong thời gian tối đa 15 ngày"),
    # a training centre's rules: done on the day of an event
    ("Trong ngày tiếp nhận đề nghị cấp bản sao hoặc trong ngày làm việc tiếp theo (nếu tiếp nhận sau 15 giờ), "
     "Trung tâm đối chiếu sổ gốc và cấp bản sao.",
     "Trong ngày tiếp nhận đề nghị cấp bản sao hoặc trong ngày làm việc tiếp theo"),
    ("Ngay sau khi có kết quả kiểm tra, Đoàn kiểm tra báo cáo Thủ trưởng cơ quan.", "Ngay sau khi có kết quả kiểm tra"),
]

LAYOUTS = {
    "item under its introducing line": "**4. Thời hạn giải quyết**\n\nThời hạn kể từ khi nhận đủ hồ sơ như sau:\n\na) {t}\n",
    "bullet": "**II. NHIỆM VỤ**\n\n- {t}\n",
    "paragraph": "**Điều 5. Trình tự thực hiện**\n\n{t}\n",
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("text,deadline", DURATIONS)
def test_a_duration_or_event_the_clause_opens_with_is_its_deadline(layout, text, deadline):
    plan = parse_md(LAYOUTS[layout].format(t=text))
    assert clause(plan, text[:18]).deadline == deadline


NO_TIME_LIMIT = [
    "Chứng chỉ năng lực của tổ chức có hiệu lực trong thời hạn 03 (ba) năm kể từ ngày cấp.",  # how long it is valid
    "Không quá 05 cá nhân được đề nghị khen thưởng trong một đợt.",  # an amount of people, no time
    "Sau khi kết thúc dự án, tổ chức báo cáo kết quả.",  # an event alone, no time limit
]


@pytest.mark.parametrize("text", NO_TIME_LIMIT)
def test_amounts_and_events_that_are_no_time_limit(text):
    plan = parse_md(f"**II. NỘI DUNG**\n\n- {text}\n")
    assert clause(plan, text[:18]).deadline is None


def test_an_aside_in_brackets_does_not_hide_the_subject_after_the_lead_in():
    """"Trong ngày …(nếu …), Trung tâm thực hiện …": the "nếu" in brackets qualifies the time, not the task."""
    plan = parse_md("**II. NHIỆM VỤ**\n\n- Trong ngày tiếp nhận hồ sơ (nếu tiếp nhận trước 15 giờ), Trung tâm "
                    "thực hiện đối chiếu, kiểm tra hồ sơ.\n")
    assert clause(plan, "Trong ngày tiếp nhận").lead == "Trung tâm"
