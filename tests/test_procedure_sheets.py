"""A procedure sheet (thủ tục hành chính) lists attribute lines under each procedure: "e) Cơ quan thực hiện thủ tục
hành chính: X", "Cơ quan giải quyết TTHC: X", "Thời hạn giải quyết: …". Each states a fact of the line and of the
procedure it is listed under (not of the steps and papers before it); "Không", "—" state none, a thời hạn "Không
quy định" states that no time is set;
and a step that states its own time limit keeps it whatever a labelled line says. Wordings from the procedure
sheets of a ministry's decision (1796a553…), a housing programme and a training centre's rules, synthetic."""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus import parse_file
from corpus.responsibilities import labelled, not_stated

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "reading"


@pytest.fixture(scope="module")
def sheet():
    plan = parse_file(FIXTURES / "procedure_sheet.md")
    return {c.lines[0]: c for c in plan.clauses}


@pytest.mark.parametrize("line, lead", [
    ("e) Cơ quan thực hiện thủ tục hành chính: Bộ Nông nghiệp và Môi trường", "Bộ Nông nghiệp và Môi trường"),
    ("Cơ quan giải quyết TTHC: Ủy ban nhân dân cấp tỉnh.", "Ủy ban nhân dân cấp tỉnh."),
    ("Cơ quan giải quyết thủ tục hành chính nội bộ: Trung tâm Chính trị xã", "Trung tâm Chính trị xã"),
])
def test_procedure_agency_labels_state_a_lead(line, lead):
    body = line.split(") ", 1)[-1]
    assert labelled(body) == ("lead", lead)


def test_the_agency_line_leads_itself_and_its_procedure_not_the_papers(sheet):
    assert sheet[25].lead == "Bộ Nông nghiệp và Môi trường" and sheet[25].labelled_fields == ("lead",)
    assert sheet[28].lead == "Bộ Nông nghiệp và Môi trường"  # never the label "Cơ quan giải quyết …" itself
    assert sheet[7].lead == "Bộ Nông nghiệp và Môi trường"  # the procedure
    assert sheet[19].lead is None and sheet[21].lead is None  # the papers of the file are no tasks of it
    assert sheet[11].lead == "Cục Trồng trọt và Bảo vệ thực vật"  # a step keeps the unit it names
    assert sheet[41].lead == "Ủy ban nhân dân cấp tỉnh" and sheet[49].lead == "Trung tâm Chính trị xã"


@pytest.mark.parametrize("value", ["Không quy định.", "Không", "—", "không quy định;", "Chưa quy định"])
def test_not_stated_values_are_no_value(value):
    assert not_stated(value)


@pytest.mark.parametrize("value", ["Tối đa 30 ngày, kể từ ngày nhận đủ hồ sơ hợp lệ.", "Không quá 10 ngày làm việc",
                                   "Bộ Nông nghiệp và Môi trường"])
def test_a_stated_value_is_not_taken_for_not_stated(value):
    assert not not_stated(value)


def test_time_limit_lines_give_the_procedure_its_deadline_and_a_blank_gives_none(sheet):
    # "Thời hạn giải quyết: Không quy định." says in words that no time is set: that is the procedure's thời hạn
    # (what "thời hạn giải quyết bao lâu" is answered with); a blank "—" states none
    assert sheet[23].deadline == "Không quy định" and sheet[23].labelled_fields == ("deadline",)
    assert sheet[7].deadline == "Không quy định" and sheet[7].deadline_kinds == ("unset",)
    assert sheet[13].deadline == "Trong thời hạn 24 giờ kể từ khi công bố dịch"  # a step keeps its own limit
    assert sheet[47].deadline is None  # "Thời hạn giải quyết: —"
    assert sheet[39].deadline == "Tối đa 30 ngày, kể từ ngày nhận đủ hồ sơ hợp lệ"
    assert sheet[31].deadline == "Tối đa 30 ngày, kể từ ngày nhận đủ hồ sơ hợp lệ"  # the procedure
    assert sheet[13].deadline == "Trong thời hạn 24 giờ kể từ khi công bố dịch"
    assert sheet[37].deadline.startswith("Trong thời hạn 15 ngày kể từ ngày Hội đồng nhân dân cấp tỉnh")


def test_a_labelled_deadline_never_overrides_a_task_s_own_time_limit(tmp_path):
    """"- Thời gian hoàn thành: Quý IV/2026" after a section's tasks is theirs, except for a task that
    states its own limit ("Trong thời hạn 05 ngày làm việc kể từ …"); a year in passing is no own limit."""
    f = tmp_path / "ke-hoach.md"
    f.write_text(
        "**II. NHIỆM VỤ**\n\n**1. Rà soát hồ sơ đất đai**\n\n"
        "- Trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ, Phòng Kinh tế thẩm định và trình UBND xã.\n\n"
        "- Cập nhật cơ sở dữ liệu đất đai theo Chiến lược dữ liệu đến năm 2030.\n\n"
        "- Cơ quan chủ trì: Phòng Kinh tế.\n\n- Thời gian hoàn thành: Quý IV/2026.\n", encoding="utf-8")
    by_text = {c.text.split(",")[0]: c for c in parse_file(f).clauses}
    own = by_text["- Trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ"]
    assert own.deadline == "Trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ"
    in_passing = next(c for k, c in by_text.items() if k.startswith("- Cập nhật"))
    assert in_passing.deadline == "Quý IV/2026"
    assert own.lead == "Phòng Kinh tế" and in_passing.lead == "Phòng Kinh tế"
