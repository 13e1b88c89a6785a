"""A thời hạn the plan says in words it does not set ("Thời hạn giải quyết: Không quy định", "Thời gian thực hiện:
Chưa quy định") is the task's thời hạn (`corpus.responsibilities.not_stated`), typed as the kind "unset"
(`corpus.timing.deadline_kinds`). Ranking does not count it as a time carried: a procedure sheet's headings and steps
that inherit it are no task with the time asked (`ClauseTable.has_deadline`, `deadline_written`, `time_title`).
Wordings modelled on a ministry's procedure decision, a province's internal-procedure decision and a training
centre's rules, synthetic."""
from __future__ import annotations

import pytest

from corpus.model import Clause, DeadlineSource
from corpus.timing import deadline_kinds, sets_no_time
from retrieval.signals import clause_table, time_title


@pytest.mark.parametrize("value", ["Không quy định", "Không quy định.", "không quy định;", "Chưa quy định"])
def test_a_time_said_not_to_be_set_is_typed_unset(value):
    assert deadline_kinds(value) == ("unset",) and sets_no_time(deadline_kinds(value))


@pytest.mark.parametrize("value", ["Tối đa 30 ngày, kể từ ngày nhận đủ hồ sơ hợp lệ", "Quý IV/2026", "Thường xuyên",
                                   "Không quá 05 ngày làm việc", "theo quy định của pháp luật"])
def test_a_time_that_is_set_is_not_unset(value):
    assert not sets_no_time(deadline_kinds(value))


def _clause(cid: str, text: str, line: int, kind: str, deadline: str | None, own: bool,
            labelled: tuple[str, ...] = ()) -> Clause:
    doc = cid.split(":")[0]
    ds = DeadlineSource("labelled_line", cid if own else f"{doc}:9999", (line, line)) if deadline else None
    return Clause(id=cid, doc_id=doc, kind=kind, label=None, section_path=[], text=text, source=f"{doc}.md",
                  lines=(line, line), deadline=deadline, deadline_kinds=deadline_kinds(deadline),
                  deadline_source=ds, labelled_fields=labelled)


def test_a_time_not_set_is_no_deadline_carried_for_ranking():
    clauses = [
        # a ministry's procedure sheet: the procedure, a step and the labelled line, all "Không quy định"
        _clause("bo:0074", "1. Công bố dịch hại thực vật thuộc thẩm quyền của Bộ", 74, "heading", "Không quy định",
                False),
        _clause("bo:0080", "- Bước 3: Công bố Quyết định", 80, "bullet", "Không quy định", False),
        _clause("bo:0088", "d) Thời hạn giải quyết: Không quy định.", 88, "item", "Không quy định", True,
                ("deadline",)),
        # a province's internal procedures: a time set
        _clause("tinh:0031", "d) Thời hạn giải quyết: Tối đa 30 ngày, kể từ ngày nhận đủ hồ sơ hợp lệ", 31, "item",
                "Tối đa 30 ngày, kể từ ngày nhận đủ hồ sơ hợp lệ", True, ("deadline",)),
        # a training centre's rules: "Chưa quy định", and a time set
        _clause("tt:0040", "- Thời gian thực hiện: Chưa quy định", 40, "bullet", "Chưa quy định", True,
                ("deadline",)),
        _clause("tt:0041", "- Thời gian đào tạo tối thiểu 03 tháng.", 41, "bullet", "tối thiểu 03 tháng", True),
    ]
    table = clause_table(clauses)
    assert table.has_deadline.tolist() == [0.0, 0.0, 0.0, 1.0, 0.0, 1.0]
    assert table.deadline_written.tolist() == [0.0, 0.0, 0.0, 1.0, 0.0, 1.0]
    assert [time_title(c) for c in clauses[2:4]] == [False, True]
    assert all(c.deadline for c in clauses)  # the answer still quotes "Không quy định" as the procedure's thời hạn
