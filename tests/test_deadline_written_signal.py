"""When is asked, the line where the thời hạn is written outranks the heading or task that takes it from that line:
`retrieval.signals.deadline_written_asked` reads `ClauseTable.deadline_written` (the deadline's source is the
clause itself)."""
from __future__ import annotations

from corpus.model import Clause, DeadlineSource
from retrieval.signals import SIGNALS, clause_table


def _clause(cid: str, text: str, line: int, kind: str, deadline: str | None = None,
            source: tuple[str, str, int] | None = None) -> Clause:
    doc = cid.split(":")[0]
    ds = DeadlineSource(source[0], source[1], (source[2], source[2])) if source else None
    return Clause(id=cid, doc_id=doc, kind=kind, label=None, section_path=[], text=text, source=f"{doc}.md",
                  lines=(line, line), deadline=deadline, deadline_source=ds)


def test_the_line_stating_a_deadline_is_told_from_the_clauses_that_take_it():
    clauses = [
        # a law-implementation plan: heading, then its labelled lines
        _clause("luat:0032", "4. Tổ chức kiểm tra việc thi hành Luật Việc làm", 128, "heading",
                "Năm 2026 và các năm tiếp theo", ("labelled_line", "luat:0034", 136)),
        _clause("luat:0034", "- Thời gian thực hiện: Năm 2026 và các năm tiếp theo.", 136, "bullet",
                "Năm 2026 và các năm tiếp theo", ("labelled_line", "luat:0034", 136)),
        # a roadmap: a stage heading gives its period to the tasks under it
        _clause("csdl:0089", "Giai đoạn 2025 - 2030: chuẩn hóa, chuyển đổi dữ liệu", 298, "heading",
                "2025 - 2030", ("in_text", "csdl:0089", 298)),
        _clause("csdl:0090", "- Đào tạo nhân lực, nâng cao nhận thức cộng đồng", 300, "bullet",
                "2025 - 2030", ("in_text", "csdl:0089", 298)),
        # a task table: the thời hạn column of the row itself
        _clause("5g:0120", "Xây dựng kế hoạch phát triển hạ tầng 5G — Thời gian: Quý IV/2025", 171, "table_row",
                "Quý IV/2025", ("table_column", "5g:0120", 171)),
        _clause("5g:0121", "Tuyên truyền, phổ biến", 172, "paragraph"),
    ]
    assert clause_table(clauses).deadline_written.tolist() == [0.0, 1.0, 1.0, 0.0, 1.0, 0.0]


def test_the_signal_is_declared_with_its_reason():
    assert "thời hạn" in SIGNALS["deadline_written_asked"].doc
