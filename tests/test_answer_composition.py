"""An answer is composed from the clauses' typed facts: the chỉ tiêu of the kind asked, the clause holding the
kind of value asked, what a heading heads, the partners and deadline a who question also asks, the signer of
the plan; and the question is read so that words of another meaning or of conversation do not count.
Wordings are from several of the real plans' layouts (a unit's own section, a table row, a labelled line)."""
from __future__ import annotations

import pytest

from corpus.model import Clause, Document, Target
from retrieval.answer import compose_by_plan, signed
from retrieval.query import analyse, answer_slot, folded, role_flags
from retrieval.strategies import STRATEGIES, answering_first, heading_body


def clause(n: int, text: str, section: list[str], doc: str = "d", **kw) -> Clause:
    return Clause(id=f"{doc}:{n:04d}", doc_id=doc, kind=kw.pop("kind", "bullet"), label=None, section_path=section,
                  text=text, source=f"{doc}.md", lines=(n, n), **kw)


def question(text: str):
    return analyse(text, {}, [])


def test_a_share_asked_is_answered_by_the_chi_tieu_in_percent_not_the_sum_beside_it():
    sec = ["4. Nguồn lực thực hiện"]
    total = clause(314, "Nhu cầu vốn đầu tư dự kiến khoảng 121.732 tỷ đồng.", sec,
                   target=Target([121732.0], "tỷ đồng", "=", None, "khoảng 121.732 tỷ đồng"))
    share = clause(320, "Trong đó, tỷ lệ vốn ngân sách nhà nước dự kiến: 85%-90% tổng vốn đầu tư.", sec,
                   target=Target([85.0, 90.0], "%", "range", None, "85%-90%"))
    q = question("Vốn ngân sách nhà nước dự kiến chiếm bao nhiêu % tổng vốn đầu tư?")
    assert STRATEGIES["target"].pick([total, share], q) is share
    # a sum asked: the sum, though the share is ranked first
    q = question("Tổng kinh phí đầu tư dự kiến là bao nhiêu tỷ đồng?")
    assert STRATEGIES["target"].pick([share, total], q) is total


def test_a_date_asked_comes_from_the_clause_the_questions_unit_leads():
    sec = ["2. Chế độ báo cáo"]
    theirs = clause(589, "- Sở Khoa học và Công nghệ tổng hợp, báo cáo UBND tỉnh trước ngày 30/11 hằng năm.", sec,
                    lead="Sở Khoa học và Công nghệ", deadline="trước ngày 30/11")
    general = clause(409, "- Định kỳ hằng năm, báo cáo UBND tỉnh kết quả thực hiện.", sec,
                     lead="Sở Khoa học và Công nghệ", deadline="Định kỳ hằng năm")
    ours = clause(584, "- Các sở, ban, ngành định kỳ báo cáo kết quả về Sở Khoa học và Công nghệ trước ngày 20/11.",
                  sec, lead="Các sở, ban, ngành, Ủy ban nhân dân xã, phường", deadline="trước ngày 20/11")
    q = analyse("Các sở, ngành báo cáo kết quả về Sở KH&CN trước ngày nào?", {},
                ["Các sở, ngành", "Sở Khoa học và Công nghệ"])
    assert q.answer_slot is not None and q.answer_slot.kind == "day"
    assert answering_first([general, theirs, ours], q)[0] is ours
    # no unit named: a clause stating a date still comes before one that states none
    q = question("Báo cáo kết quả trước ngày nào hằng năm?")
    assert answering_first([general, theirs], q)[0] is theirs


def test_a_heading_found_is_answered_with_what_it_heads():
    top = ["III. ĐỐI TƯỢNG, TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG"]
    heading = clause(206, "3. Hình thức khen thưởng", top, kind="heading")
    rule = clause(212, "Căn cứ thành tích đạt được, việc xét khen thưởng thực hiện theo quy định.",
                  top + ["3. Hình thức khen thưởng"], kind="paragraph")
    kinds = clause(208, "Các hình thức khen thưởng bao gồm: Huân chương Lao động; Bằng khen; Giấy khen.",
                   top + ["3. Hình thức khen thưởng"], kind="paragraph")
    other = clause(261, "- Tham mưu khen thưởng tổng kết Đợt thi đua.", ["4. Sở Nội vụ"])
    assert heading_body(heading, [heading, rule, other, kinds]) is kinds
    assert heading_body(kinds, [heading, rule, kinds]) is None  # only a heading heads anything
    q = question("Các hình thức khen thưởng trong đợt thi đua là gì?")
    doc = Document(id="d", source="d.md", title="Kế hoạch thi đua")
    answer = compose_by_plan(STRATEGIES["fact"], q, [(heading, 0.45, 1.0), (rule, 0.30, 1.0), (kinds, 0.28, 1.0)],
                             {"d": doc})
    assert "Huân chương Lao động" in answer


def test_a_who_question_also_asking_partners_is_answered_by_the_row_that_names_them():
    unit_section = clause(484, "- Đổi mới chương trình, nội dung giảng dạy theo hướng kỹ năng số.",
                          ["5. Sở Giáo dục và Đào tạo"], lead="Sở Giáo dục và Đào tạo")
    row = clause(854, "2. Đổi mới chương trình, nội dung giảng dạy, kỹ năng số.", ["PHỤ LỤC"], kind="table_row",
                 lead="Sở Giáo dục và Đào tạo", partners="Viện, Trường; Sở, ban, ngành có liên quan",
                 deadline="2025 - 2030")
    asks_both = question("Ai chủ trì đổi mới chương trình giảng dạy theo hướng kỹ năng số, ai phối hợp?")
    assert STRATEGIES["who"].pick([unit_section, row], asks_both) is row
    asks_when = question("Ai chủ trì đổi mới chương trình giảng dạy, làm đến khi nào?")
    assert STRATEGIES["who"].pick([unit_section, row], asks_when) is row
    # only the lead asked: the ranker's first clause stating it
    assert STRATEGIES["who"].pick([unit_section, row], question("Ai chủ trì đổi mới chương trình giảng dạy?")) \
        is unit_section


def test_the_signer_is_read_from_the_plans_typed_fact():
    doc = Document(id="p", source="p.md", kind="Kế hoạch", number="172/KH-UBND", date="2025-11-18",
                   signer="Trần Thị Diệu Thúy")
    assert signed(doc) == "Người ký: Trần Thị Diệu Thúy; ngày 18 tháng 11 năm 2025 (Kế hoạch 172/KH-UBND)."
    # the number as cited (`corpus.metadata.cited_number`): spaces out, a draft's blank number left off
    spaced = Document(id="p", source="p.md", kind="Chương trình", number="08 - CTr/ĐUUB", signer="Nguyễn Văn A")
    assert signed(spaced) == "Người ký: Nguyễn Văn A (Chương trình 08-CTr/ĐUUB)."
    blank = Document(id="p", source="p.md", kind="Kế hoạch", number="/KH - UBND", signer="Nguyễn Văn A")
    assert signed(blank) == "Người ký: Nguyễn Văn A."
    for text in ("Ai ký Kế hoạch 172/KH-UBND?", "Kế hoạch 0204/KH-UBND của Cà Mau do ai ký?",
                 "Quyết định 2623/QĐ-TTg được ký ngày nào và ai ký?"):
        assert role_flags(folded(text)).asks_signer, text
    assert not role_flags(folded("Phường ký kết hợp tác chuyển đổi số với đơn vị nào?")).asks_signer
    q = question("Kế hoạch 0204/KH-UBND của Cà Mau do ai ký?")
    first = clause(13, "Số: 0204/KH-UBND", [], doc="p", kind="header")
    assert compose_by_plan(STRATEGIES["who"], q, [(first, 0.3, 1.0)], {"p": doc}).split(": ", 1)[1].startswith(
        "Người ký: Trần Thị Diệu Thúy")


@pytest.mark.parametrize("text, explicit_role", [
    ("Đơn vị tôi là UBND xã, kế hoạch chuyển đổi số hạ tầng giao thông có yêu cầu gì?", False),
    ("Sở Giáo dục và Đào tạo đổi mới chương trình giáo dục thế nào?", False),
    ("Phòng Kinh tế được giao những nhiệm vụ gì?", True),
    ("Việc này giao cho ai?", True),
])
def test_giao_thong_and_giao_duc_are_not_an_assignment(text, explicit_role):
    assert role_flags(folded(text)).explicit_role is explicit_role


def test_a_document_asked_for_is_not_an_agency_and_how_long_asks_a_time():
    slot = answer_slot(folded("Đồng Nai kiến nghị sửa đổi văn bản nào?"))
    assert slot is None or slot.kind != "agency"
    assert answer_slot(folded("Ban nào chủ trì?")).kind == "agency"
    assert answer_slot(folded("thủ tục này có thời hạn giải quyết bao lâu")).kind == "time"
    assert question("Thủ tục công bố hết dịch hại giải quyết trong bao lâu?").qtype == "when"


def test_conversational_words_and_a_plans_number_are_not_topic_words():
    words = {w for run in question("Kế hoạch 0204/KH-UBND của Cà Mau do ai ký?").content_runs for w in run}
    assert not words & {"0204", "kh", "ubnd", "do", "ky"}
    words = {w for run in question("Doanh nghiệp muốn được xét thi đua đợt này thì cần đạt tiêu chí gì vậy?")
             .content_runs for w in run}
    assert not words & {"nay", "vay"} and {"thi", "dua", "tieu", "chi"} <= words


def test_a_code_the_plans_spell_out_is_read_as_its_words(retriever):
    # the sample plans write "xã hội chủ nghĩa" and never define "XHCN"; "BHYT" is a known abbreviation and
    # "XIV" a Roman numeral, both kept as written
    spelled = retriever.evidence.spell_out_initials("Mô hình con người XHCN, chỉ tiêu BHYT, Đại hội XIV")
    assert "xã hội chủ nghĩa" in spelled and "BHYT" in spelled and "XIV" in spelled
    assert retriever.evidence.spell_out_initials("Mã QWZX không có trong kế hoạch") == "Mã QWZX không có trong kế hoạch"


def test_a_year_asked_is_read_from_the_rows_column_for_that_year_unless_a_sentence_states_it_first():
    row = clause(571, "1. GRDP giá hiện hành — Đơn vị tính: Tỷ đồng; Năm 2026: 195.000; Năm 2028: 247.907",
                 ["PHỤ LỤC"], kind="table_row", year_values={2026: "195.000", 2027: "220.000", 2028: "247.907"},
                 target=Target([247907.0], None, "=", 2028, "247.907"))
    sentence = clause(271, "- Tổng sản phẩm trong tỉnh (GRDP) tăng khoảng 10%.", ["3. Dự báo năm 2026"],
                      target=Target([10.0], "%", "=", None, "tăng khoảng 10%"))
    q = question("GRDP giá hiện hành năm 2028 dự báo bao nhiêu?")
    assert STRATEGIES["target"].pick([row, sentence], q) is row
    assert STRATEGIES["target"].line(row, q).startswith("năm 2028: 247.907. ")
    # the ranker puts the sentence first: it states the figure asked
    assert STRATEGIES["target"].pick([sentence, row], question("GRDP năm 2026 tăng bao nhiêu?")) is sentence


def test_a_question_asking_who_coordinates_is_answered_only_by_a_task_stating_its_phoi_hop():
    from retrieval.evidence import clause_holds_value

    q = question("Cơ quan nào phối hợp với Bộ Công an biên soạn tài liệu phổ biến Luật?")
    assert q.answer_slot is not None and q.answer_slot.kind == "partners"
    lead_only = clause(163, "3. Biên soạn tài liệu phục vụ công tác phổ biến Luật", ["II. NHIỆM VỤ"], kind="heading",
                       lead="Bộ Công an")
    row = clause(482, "5. Bảo đảm kinh phí thực hiện kế hoạch", ["PHỤ LỤC"], kind="table_row",
                 lead="Doanh nghiệp", partners="Sở Công Thương, Sở Khoa học và Công nghệ")
    sentence = clause(405, "- Phối hợp với các sở, ngành, địa phương xây dựng cơ chế chính sách.", ["1. Sở Khoa học"],
                      lead="Sở Khoa học và Công nghệ")
    assert not clause_holds_value(lead_only, q.answer_slot)
    assert clause_holds_value(row, q.answer_slot) and clause_holds_value(sentence, q.answer_slot)
    # "ai chủ trì" names no partners: any unit answers it
    assert question("Cơ quan nào chủ trì biên soạn tài liệu phổ biến Luật?").answer_slot.kind == "agency"
