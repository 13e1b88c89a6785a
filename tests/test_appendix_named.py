"""A question naming an appendix or form ("Theo Phụ lục 02 …", "Mẫu biểu 01") ranks the clauses under it:
`retrieval.signals.appendix_named`, over the appendix each clause lies under (`appendix_of`)."""
from __future__ import annotations

from corpus.model import Clause
from retrieval.query import analyse
from retrieval.signals import appendices_named, appendix_label, appendix_of


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
    assert appendix_of(clauses) == (None, "mau bieu 1", "mau bieu 1", "mau bieu 2", "mau bieu 2",
                                    None, "phu luc 2", "phu luc 2", "phu luc i", "phu luc i")


def test_a_question_names_its_appendix_however_it_is_typed():
    def named(question: str) -> frozenset[str]:
        return appendices_named(analyse(question, {}, []))

    assert named("Theo Mẫu biểu 01 kế hoạch tài chính - NSNN 3 năm của Cà Mau, tỷ trọng công nghiệp năm 2028?") \
        == {"mau bieu 1"}
    assert named("theo phu luc 02 qd 2954 son la ke hoach 2027 co bao nhieu tan xoai") == {"phu luc 2"}
    assert named("Phụ lục II của Quyết định có những thủ tục nào?") == {"phu luc ii"}
    assert named("Tổng thu NSNN trên địa bàn Cà Mau dự kiến năm 2027 là bao nhiêu?") == frozenset()
