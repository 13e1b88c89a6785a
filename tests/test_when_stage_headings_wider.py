"""A stage heading over a group of tasks gives them its time in more of the shapes plans write it: a numbered stage
named with its work as well as its years, in either order ("Giai đoạn 1 (2026 - 2027): Thí điểm", "Giai đoạn 2 -
Nhân rộng (2028 - 2030)", "Đợt 1 (Quý II/2026): Rà soát"), a span of bare years ("Từ 2026 đến 2027"), the rest of
a year ("Từ nay đến hết năm 2025") and its first or last months ("6 tháng cuối năm 2025"). The time read is the
stage and its years, typed as the kind of time it is (a period, or the end a point sets), never the work's name.
Layouts: a roadmap's numbered headings, a Markdown heading over lettered items, a bold stage over a sub-heading."""
from __future__ import annotations

import pytest

from corpus.timing import deadline_kinds
from snippets import clause, parse_md
from test_audit_gaps import STAGE_LAYOUTS

WIDER_STAGES = [
    ("Giai đoạn 1 (2026 - 2027): Thí điểm", "Giai đoạn 1 (2026 - 2027)", ("period",)),
    ("Giai đoạn 2 - Nhân rộng mô hình (2028 - 2030)", "Giai đoạn 2 (2028 - 2030)", ("period",)),
    ("Giai đoạn I: từ năm 2026 đến năm 2027 - Xây dựng nền tảng", "Giai đoạn I (từ năm 2026 đến năm 2027)",
     ("period", "start", "end")),
    ("Đợt 1 (Quý II/2026): Rà soát, thống kê", "Quý II/2026", ("end",)),
    ("Từ 2026 đến 2027", "Từ 2026 đến 2027", ("period", "start")),
    ("Từ nay đến hết năm 2025", "Từ nay đến hết năm 2025", ("start", "end")),
    ("6 tháng cuối năm 2025", "6 tháng cuối năm 2025", ("period",)),
]


@pytest.mark.parametrize("stage,want,kinds", WIDER_STAGES)
@pytest.mark.parametrize("layout", STAGE_LAYOUTS)
def test_tasks_under_a_stage_named_with_its_work_or_a_part_of_a_year_take_its_time(layout, stage, want, kinds):
    plan = parse_md(layout.format(label="1", stage=stage))
    for task in ("Rà soát, bổ sung", "Trung tâm đổi mới sáng tạo"):
        c = clause(plan, task)
        assert c.deadline == want
        assert c.deadline_kinds == kinds


@pytest.mark.parametrize("heading", [
    # a numbered part whose long title only mentions a year is a part of the plan, not a stage
    "Giai đoạn 1: Hoàn thiện thể chế, ban hành các văn bản hướng dẫn thi hành luật và đề án phát triển hạ tầng số "
    "đồng bộ (2026)",
    "Giai đoạn sinh trưởng, phát triển",  # a crop's growth stage, no time
])
def test_a_stage_word_without_a_short_stage_and_its_years_gives_no_time(heading):
    plan = parse_md(STAGE_LAYOUTS[0].format(label="1", stage=heading))
    assert clause(plan, "Rà soát, bổ sung").deadline is None


def test_a_stage_with_its_work_under_the_objectives_sets_no_deadline():
    plan = parse_md("""
**I. MỤC TIÊU**

**1. Giai đoạn 1 (2026 - 2027): Thí điểm**

- Xây dựng 50% cơ sở dữ liệu chuyên ngành.
""")
    assert clause(plan, "cơ sở dữ liệu chuyên ngành").deadline is None


def test_the_first_or_last_months_of_a_year_and_a_span_of_bare_years_are_periods():
    assert deadline_kinds("6 tháng đầu năm 2026") == ("period",)
    assert deadline_kinds("những tháng cuối năm 2025") == ("period",)
    assert "period" in deadline_kinds("từ 2026 đến 2028")
