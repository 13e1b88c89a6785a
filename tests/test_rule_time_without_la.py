"""A point that opens with the time a rule sets for an act, said without "là": a bounded length ("- Thời gian đào tạo
tối thiểu 03 tháng.") or a term set by another's ("b) Thời hạn của chương trình … phù hợp với thời hạn …"), is the
clause's own thời hạn, typed as a duration when bounded. Wordings modelled on a ministry's circular on mine clearance
(6d0e277c…), a training centre's rules and a housing programme, synthetic."""
from __future__ import annotations

import pytest

from corpus import parse_file
from corpus.timing import deadline_kinds


def _clauses(tmp_path, lines):
    f = tmp_path / "quy-dinh.md"
    f.write_text("**Điều 1. Quy định chung**\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    return {c.text: c for c in parse_file(f).clauses}


@pytest.mark.parametrize("line, value", [
    ("- Thời gian đào tạo tối thiểu 03 tháng.", "tối thiểu 03 tháng"),
    ("b) Thời gian bồi dưỡng ít nhất 05 ngày làm việc.", "ít nhất 05 ngày làm việc"),
    ("- Thời gian tập huấn không quá 10 ngày.", "không quá 10 ngày"),
])
def test_a_bounded_length_after_the_act_is_the_clauses_duration(tmp_path, line, value):
    c = _clauses(tmp_path, [line])[line]
    assert c.deadline == value and "duration" in c.deadline_kinds


@pytest.mark.parametrize("line, value", [
    ("b) Thời hạn của chương trình khắc phục hậu quả cấp tỉnh phù hợp với thời hạn chương trình quốc gia.",
     "phù hợp với thời hạn chương trình quốc gia"),
    ("- Thời gian thực hiện kế hoạch phát triển nhà ở phù hợp với thời kỳ quy hoạch tỉnh.",
     "phù hợp với thời kỳ quy hoạch tỉnh"),
    ("2. Thời hạn của đề án phù hợp với thời gian thực hiện Nghị quyết của Tỉnh ủy.",
     "phù hợp với thời gian thực hiện Nghị quyết của Tỉnh ủy"),
])
def test_a_term_set_by_anothers_is_the_clauses_thoi_han(tmp_path, line, value):
    assert _clauses(tmp_path, [line])[line].deadline == value


def test_the_validity_of_a_paper_is_no_time_of_a_task(tmp_path):
    line = "- Thời hạn hiệu lực của chứng chỉ tối thiểu 05 năm."
    assert _clauses(tmp_path, [line])[line].deadline is None


@pytest.mark.parametrize("value", ["tối thiểu 03 tháng", "Trong thời hạn tối đa 10 ngày", "ít nhất 40 giờ"])
def test_bounded_lengths_are_durations(value):
    assert "duration" in deadline_kinds(value)
