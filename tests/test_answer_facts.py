"""Who and when answers read the task's own facts: partners stated on another line of the same task, and
the deadline of its table row or labelled line rather than a year the text mentions in passing."""
from __future__ import annotations

from corpus.model import Clause, DeadlineSource, LeadSource
from retrieval.answer import deadline_stated, task_partners
from retrieval.query import Question, folded
from retrieval.strategies import STRATEGIES


def clause(n: int, text: str, section: list[str], doc: str = "d", **kw) -> Clause:
    return Clause(id=f"{doc}:{n:04d}", doc_id=doc, kind=kw.pop("kind", "bullet"), label=None, section_path=section,
                  text=text, source=f"{doc}.md", lines=(n, n), **kw)


def src(doc: str, n: int) -> LeadSource:
    return LeadSource("labelled_line", f"{doc}:{n:04d}", (n, n))


def test_partners_on_the_task_heading_answer_for_its_lead_line():
    # a task heading and its "- Cơ quan chủ trì" line share the lead's source (one plan's layout)
    sec = ["3.1. Tham gia góp ý kiến", "b) Nghị định quy định về điều kiện kinh doanh"]
    heading = clause(127, "b) Nghị định quy định về điều kiện kinh doanh.", sec[:1], kind="heading",
                     lead="Sở Khoa học và Công nghệ", partners="Các sở, ngành và UBND các xã, phường", lead_source=src("d", 130))
    line = clause(130, "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.", sec, lead="Sở Khoa học và Công nghệ",
                  lead_source=src("d", 130))
    assert task_partners(line, [line, heading]) == "Các sở, ngành và UBND các xã, phường"
    q = Question(text="ai chủ trì, ai phối hợp?", folded=folded("ai chủ trì, ai phối hợp?"), qtype="who",
                 explicit_role=True)
    assert "phối hợp: Các sở, ngành và UBND các xã, phường" in STRATEGIES["who"].line(line, q, [line, heading])


def test_a_partner_line_of_the_same_section_answers_but_not_another_plans_or_sections():
    sec = ["II. NỘI DUNG", "2. Tổ chức tập huấn"]
    lead = clause(107, "- Cơ quan chủ trì: Sở Nội vụ.", sec, lead="Sở Nội vụ", lead_source=src("x", 107), doc="x")
    partner = clause(110, "- Cơ quan phối hợp: Bảo hiểm xã hội Thành phố.", sec, partners="Bảo hiểm xã hội Thành phố",
                     doc="x")
    elsewhere = clause(140, "- Cơ quan phối hợp: Sở Y tế.", ["II. NỘI DUNG", "3. Kiểm tra"], partners="Sở Y tế", doc="x")
    other_plan = clause(110, "- Cơ quan phối hợp: Công an.", sec, partners="Công an", doc="y")
    assert task_partners(lead, [elsewhere, other_plan, partner]) == "Bảo hiểm xã hội Thành phố"
    assert task_partners(lead, [elsewhere, other_plan]) is None


def test_a_table_rows_deadline_cell_is_stated_a_year_in_passing_is_not():
    row = clause(429, "1. Tổ chức điều chỉnh quy hoạch hạ tầng viễn thông đến năm 2030", ["PHỤ LỤC"], kind="table_row",
                 deadline="Quý III Năm 2026", columns={"noi_dung": "…", "thoi_han": "Quý III Năm 2026"},
                 deadline_source=DeadlineSource("table_column", "d:0429", (429, 429)))
    passing = clause(309, "- Triển khai phương án … tầm nhìn đến năm 2050", ["V. TỔ CHỨC THỰC HIỆN"],
                     deadline="đến năm 2050", deadline_source=DeadlineSource("in_text", "d:0309", (309, 309)))
    labelled = clause(115, "- Thời gian thực hiện: Năm 2025 và các năm tiếp theo.", ["2. Tập huấn"],
                      deadline="Năm 2025 và các năm tiếp theo", labelled_fields=("deadline",),
                      deadline_source=DeadlineSource("labelled_line", "d:0115", (115, 115)))
    linked = clause(96, "2. Tổ chức tập huấn, bồi dưỡng", ["II. NỘI DUNG"], kind="heading",
                    deadline="Năm 2025 và các năm tiếp theo",
                    deadline_source=DeadlineSource("labelled_line", "d:0115", (115, 115)))
    assert deadline_stated(row) and deadline_stated(labelled) and deadline_stated(linked)
    assert not deadline_stated(passing)
    q = Question(text="thời hạn là khi nào?", folded="thoi han la khi nao", qtype="when")
    assert STRATEGIES["when"].pick([passing, row], q) is row
