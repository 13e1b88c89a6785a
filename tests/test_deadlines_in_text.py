"""The time a task is done in, by or from, written inside its sentence (no "Thời gian:" label, no table
column): quarters, months, dates and years after "trong/vào/từ/trước/đến", recurrences, "thường xuyên"."""
from __future__ import annotations

import pytest

from snippets import clause, parse_md

IN_TEXT = [
    ("Xây dựng đề án phát triển nông nghiệp, trình UBND tỉnh trong tháng 6/2026.", "trong tháng 6/2026"),
    ("Hoàn thành chậm nhất trong Quý III/2026.", "Hoàn thành chậm nhất trong Quý III/2026"),
    ("Hoàn thành xong việc sắp xếp trụ sở trước 31/12/2026.", "trước 31/12/2026"),
    ("Tổ chức tổng kết, đánh giá việc thực hiện Kế hoạch vào cuối năm 2030.", "vào cuối năm 2030"),
    ("Đưa Trung tâm điều hành thông minh vào vận hành từ ngày 01/7/2026.", "từ ngày 01/7/2026"),
    ("Tổ chức kiểm tra, đánh giá vào Quý IV hằng năm.", "vào Quý IV hằng năm"),
    ("Tổ chức lễ phát động phong trào vào tháng 3 năm 2026.", "vào tháng 3 năm 2026"),
    ("Hoàn thành trong 6 tháng đầu năm 2026.", "Hoàn thành trong 6 tháng đầu năm 2026"),
    ("Tổ chức giao ban, đánh giá tiến độ hằng tháng.", "hằng tháng"),
    ("Cập nhật dữ liệu lên hệ thống thường xuyên, liên tục.", "thường xuyên, liên tục"),
    # 6a406c1f and 86367f2d (dev)
    ("2. Đối với các nhiệm vụ triển khai trong năm 2025, các sở, ngành liên quan và Ủy ban nhân dân các xã, "
     "phường chủ động bố trí kinh phí.", "trong năm 2025"),
]


@pytest.mark.parametrize("task,deadline", IN_TEXT)
def test_a_time_in_the_task_sentence_is_its_deadline(task, deadline):
    plan = parse_md(f"**II. NHIỆM VỤ**\n\n1. {task}\n")
    assert clause(plan, task[:20]).deadline == deadline


NO_DEADLINE = [
    # 6d0e277c (dev): when a text takes effect
    "1. Thông tư này có hiệu lực từ ngày 11 tháng 02 năm 2020 và thay thế Thông tư số 146/2007/TT-BQP.",
    "2. Quyết định này có hiệu lực thi hành kể từ ngày 01/01/2026.",
    # 9b7eebad (dev): recurrent spending is no recurrence
    "b) Chi thường xuyên",
    # a time already past
    "- Từ năm 2021 đến nay, kinh tế của xã tăng trưởng khá.",
]


@pytest.mark.parametrize("text", NO_DEADLINE)
def test_times_that_are_no_deadline(text):
    plan = parse_md(f"**II. NỘI DUNG**\n\n{text}\n")
    assert clause(plan, text[3:20]).deadline is None


def test_a_citation_gives_no_deadline():
    """689f49d2 (dev): "Căn cứ … đến cuối năm 2025" cites what others decided."""
    plan = parse_md("""
**I. CĂN CỨ**

Căn cứ Quyết định số 03-QĐ/BCĐ ngày 13/8/2025 của Ban Chỉ đạo về hoàn thành các nhiệm vụ đến cuối năm 2025;
""")
    assert clause(plan, "Căn cứ Quyết định").deadline is None
