"""A question naming an appendix or form ("Theo Phụ lục 02 …", "Mẫu biểu 01") ranks the clauses under it:
`retrieval.signals.appendix_named`, over the appendix each clause lies under (the typed `Clause.appendix`, `corpus.structure.mark_appendices`)."""
from __future__ import annotations

from corpus.model import Clause
from retrieval.query import analyse
from corpus.structure import appendix_label, mark_appendices
from retrieval.signals import appendices_named
from tests.snippets import clause, parse_md


def _clause(doc: str, text: str, line: int, kind: str = "paragraph") -> Clause:
    return Clause(id=f"{doc}:{line:04d}", doc_id=doc, kind=kind, label=None, section_path=[], text=text,
                  source=f"{doc}.md", lines=(line, line))


def test_an_appendix_opening_is_read_in_every_spelling_one_key_per_number():
    # a finance plan's forms, an export plan's appendices, a procedures decision's roman-numbered appendices
    assert appendix_label("Mẫu biểu số 01") == "mau bieu 1"
    assert appendix_label("**Biểu mẫu số 1**") == "mau bieu 1"
    assert appendix_label("PHỤ LỤC 02") == "phu luc 2"
    assert appendix_label("Phụ lục II") == "phu luc ii"
    assert appendix_label("Phụ lục 01: Danh mục nhiệm vụ trọng tâm") == "phu luc 1"


def test_a_sentence_citing_an_appendix_does_not_open_it():
    assert appendix_label("Dự kiến tổng thu NSNN trên địa bàn 03 năm 2026 - 2028 như Mẫu biểu số 02, 03 đính kèm.") is None
    assert appendix_label("Các nhiệm vụ cụ thể tại Phụ lục 01 kèm theo Kế hoạch này") is None
    assert appendix_label("Đại biểu 2026") is None


def test_clauses_lie_under_the_last_appendix_opened_in_their_own_plan():
    clauses = [
        _clause("camau", "I. MỤC TIÊU", 10, "heading"),
        _clause("camau", "Mẫu biểu số 01", 526, "heading"),
        _clause("camau", "- Công nghiệp, xây dựng — Năm 2028: 26,70", 633, "table_row"),
        _clause("camau", "Mẫu biểu số 02", 1244, "heading"),
        _clause("camau", "TỔNG THU NSNN TRÊN ĐỊA BÀN — Dự kiến năm 2027: 13.286.400", 1295, "table_row"),
        _clause("sonla", "1. Xoài — 2027: 14.800", 20, "table_row"),
        _clause("sonla", "PHỤ LỤC 02", 1339, "heading"),
        _clause("sonla", "1. Xoài — Kế hoạch 2027: 14.800", 1446, "table_row"),
        _clause("noivu", "Phụ lục I", 300, "heading"),
        _clause("noivu", "Thủ tục 1. Cấp giấy phép", 310),
    ]
    for doc in ("camau", "sonla", "noivu"):
        mark_appendices([c for c in clauses if c.doc_id == doc])
    assert tuple(c.appendix for c in clauses) == (None, "mau bieu 1", "mau bieu 1", "mau bieu 2", "mau bieu 2",
                                                 None, "phu luc 2", "phu luc 2", "phu luc i", "phu luc i")


def test_a_parsed_plan_carries_the_appendix_each_clause_lies_under_and_the_store_keeps_it():
    """The corpus sets `Clause.appendix` (retrieval only reads it): the body has none, and an appendix runs to
    the next one whatever Roman parts it holds; the clause record round-trips it."""
    plan = parse_md("""ỦY BAN NHÂN DÂN
XÃ AN HƯNG

KẾ HOẠCH
Phát triển kinh tế - xã hội năm 2026

I. MỤC TIÊU

1. Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%.

PHỤ LỤC 02

I. TÌNH HÌNH THỰC HIỆN

1. Báo cáo tổng diện tích gieo trồng trong năm.

Phụ lục III

1. Danh mục nhiệm vụ trọng tâm của các phòng.
""")
    assert clause(plan, "1. Tỷ lệ dân số").appendix is None
    assert clause(plan, "I. TÌNH HÌNH").appendix == "phu luc 2"
    assert clause(plan, "1. Báo cáo tổng").appendix == "phu luc 2"
    assert clause(plan, "1. Danh mục").appendix == "phu luc iii"
    stored = Clause.from_dict(clause(plan, "1. Danh mục").to_dict(), plan.document.id)
    assert stored.appendix == "phu luc iii"


def test_a_question_names_its_appendix_however_it_is_typed():
    def named(question: str) -> frozenset[str]:
        return appendices_named(analyse(question, {}, []))

    assert named("Theo Mẫu biểu 01 kế hoạch tài chính - NSNN 3 năm của Cà Mau, tỷ trọng công nghiệp năm 2028?") \
        == {"mau bieu 1"}
    assert named("theo phu luc 02 qd 2954 son la ke hoach 2027 co bao nhieu tan xoai") == {"phu luc 2"}
    assert named("Phụ lục II của Quyết định có những thủ tục nào?") == {"phu luc ii"}
    assert named("Tổng thu NSNN trên địa bàn Cà Mau dự kiến năm 2027 là bao nhiêu?") == frozenset()
