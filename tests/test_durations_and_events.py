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


# ------------------------------------------------------------------ enterprises, schools, investors as the lead

ACTORS = [  # (task sentence, the lead it names)
    # a digital-economy plan's closing points
    ("Các doanh nghiệp nhà nước, Tổng Công ty tiên phong, dẫn dắt sự phát triển kinh tế số của ngành, lĩnh vực.",
     "Các doanh nghiệp nhà nước, Tổng Công ty"),
    ("Các cơ sở đào tạo đại học mở thêm chuyên ngành đào tạo về chuyển đổi số, kinh tế số.",
     "Các cơ sở đào tạo đại học"),
    # a telecoms infrastructure plan's funding
    ("Doanh nghiệp viễn thông bảo đảm kinh phí thực hiện các nhiệm vụ của kế hoạch do doanh nghiệp triển khai.",
     "Doanh nghiệp viễn thông"),
    ("Các doanh nghiệp viễn thông trên địa bàn tỉnh, các nhà đầu tư trong các khu công nghiệp chủ động bố trí kinh "
     "phí để thực hiện nhiệm vụ được phân công.",
     "Các doanh nghiệp viễn thông trên địa bàn tỉnh, các nhà đầu tư trong các khu công nghiệp"),
    # an agricultural plan's cooperatives
    ("Các hợp tác xã nông nghiệp xây dựng phương án sản xuất theo chuỗi giá trị.", "Các hợp tác xã nông nghiệp"),
]

ACTOR_LAYOUTS = {
    "numbered point": "**V. TỔ CHỨC THỰC HIỆN**\n\n20. {t}\n",
    "lettered point": "**IV. GIẢI PHÁP**\n\n**4. Huy động nguồn lực**\n\nb) {t}\n",
    "bullet": "**IV. NHIỆM VỤ**\n\n- {t}\n",
    "paragraph": "**4. Huy động nguồn lực**\n\n{t}\n",
}


@pytest.mark.parametrize("layout", ACTOR_LAYOUTS)
@pytest.mark.parametrize("text,lead", ACTORS)
def test_an_enterprise_or_school_opening_a_task_sentence_leads_it(layout, text, lead):
    plan = parse_md(ACTOR_LAYOUTS[layout].format(t=text))
    assert clause(plan, text[:18]).lead == lead


def test_an_actor_that_coordinates_names_its_partners():
    plan = parse_md("**V. TỔ CHỨC THỰC HIỆN**\n\nc) Các doanh nghiệp công nghệ số phối hợp với các trường đại học "
                    "xây dựng chương trình đào tạo kỹ năng.\n")
    c = clause(plan, "Các doanh nghiệp công nghệ")
    assert (c.lead, c.partners) == ("Các doanh nghiệp công nghệ số", "các trường đại học")


NOT_ACTOR_TASKS = [
    "Các doanh nghiệp đã đầu tư hạ tầng số tại 95% số xã.",  # what they did, not a task
    "Doanh nghiệp nhỏ và vừa chiếm 97% tổng số doanh nghiệp của tỉnh.",  # what they are
    "Khuyến khích các doanh nghiệp đầu tư vào nông nghiệp công nghệ cao.",  # encouraged, not named as lead
    "Doanh nghiệp, tổ chức kinh tế được hỗ trợ kinh phí chuyển đổi số.",  # who benefits
]


@pytest.mark.parametrize("text", NOT_ACTOR_TASKS)
def test_actors_described_or_encouraged_lead_nothing(text):
    plan = parse_md(f"**I. KẾT QUẢ**\n\n- {text}\n")
    assert clause(plan, text[:18]).lead is None
