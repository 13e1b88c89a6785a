"""A value asked ("còn bao nhiêu ngày", "đạt bao nhiêu điểm", "bao nhiêu phần trăm") of a plan whose best ranked
clause is a heading holding none itself, above every clause found that holds one: the value the heading heads (among
its first clauses, through a sub-heading) answers (`strategies.headed_answer`), not the heading's bare title, a
sibling heading's body, nor a figure of another section ranked lower. Wordings modelled on the Đồng Nai simplified
procedures, the commune political centre's rules and a province's three-year budget plan, rebuilt as small synthetic
plans."""
from __future__ import annotations

import pytest

from corpus.model import Clause, Document
from retrieval.answer import compose_answer
from retrieval.query import Question
from retrieval.strategies import headed_answer, strategy_for
from tests.snippets import bare_question, spaced_clause




def answer(q: Question, ranked: list[Clause], plan: list[Clause]) -> str:
    docs = {plan[0].doc_id: Document(id=plan[0].doc_id, source=plan[0].source, title="Kế hoạch")}
    scored = [(c, 0.4 - 0.02 * i, 0.8) for i, c in enumerate(ranked)]
    return compose_answer(strategy_for(q), q, scored, docs, plan=lambda d: plan)


def procedure(doc: str, n: int, name: str, days: tuple[str, str]) -> list[Clause]:
    """A simplified procedure of the Đồng Nai plan: its title, "n.1. Nội dung đơn giản hóa" over the days cut,
    "n.2. Kiến nghị thực thi" over the rule to amend."""
    root = ["PHỤ LỤC", "LĨNH VỰC BẢO TRỢ XÃ HỘI"]
    title = f"{n}. Thủ tục {name}"
    at = 20 * n
    content, rec = f"{n}.1. Nội dung đơn giản hóa", f"{n}.2. Kiến nghị thực thi"
    return [
        spaced_clause(doc, at, "heading", title, root),
        spaced_clause(doc, at + 1, "heading", content, root + [title]),
        spaced_clause(doc, at + 2, "paragraph", f"Giảm thời gian giải quyết thủ tục hành chính từ {days[0]} ngày làm việc "
               f"còn {days[1]} ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ, cụ thể:", root + [title, content]),
        spaced_clause(doc, at + 3, "paragraph", "Lý do: Rút ngắn thời gian giải quyết thủ tục hành chính.",
               root + [title, content]),
        spaced_clause(doc, at + 4, "heading", rec, root + [title]),
        spaced_clause(doc, at + 5, "paragraph", "Sửa đổi khoản 2 Điều 5 Thông tư của Bộ Lao động - Thương binh và Xã hội "
               "quy định về việc xác định mức độ khuyết tật.", root + [title, rec]),
    ]


def test_a_sibling_heading_ranked_first_yields_to_the_value_its_neighbour_heads():
    # Đồng Nai: "1.2. Kiến nghị thực thi" ranked above "1.1. Nội dung đơn giản hóa", which heads the days
    plan = procedure("dn", 1, "Xác định mức độ khuyết tật và cấp Giấy xác nhận khuyết tật", ("25", "23"))
    title, content, days, _, rec, _ = plan
    out = answer(bare_question("Thủ tục xác định mức độ khuyết tật được rút ngắn còn bao nhiêu ngày?"),
                 [rec, content, title], plan)
    assert "còn 23 ngày làm việc" in out and "Sửa đổi khoản 2" not in out, out


def test_a_procedure_title_ranked_first_answers_with_its_own_days_not_another_procedures():
    # Đồng Nai: "3. Thủ tục Đổi, cấp lại …" ranked first; a line of procedure 1 holding days is ranked below it
    one = procedure("dn", 1, "Xác định mức độ khuyết tật", ("25", "23"))
    three = procedure("dn", 3, "Đổi, cấp lại Giấy xác nhận khuyết tật", ("05", "03"))
    plan = one + three
    out = answer(bare_question("doi cap lai giay xac nhan khuyet tat con may ngay"),
                 [three[0], one[4], three[1], one[2]], plan)
    assert "còn 03 ngày làm việc" in out and "23 ngày" not in out, out


def test_a_rule_heading_answers_with_the_score_it_heads():
    # the commune political centre: "3. Đánh giá, công nhận kết quả" over its rule's sentence with the score
    root = ["Chương II. TỔ CHỨC BỒI DƯỠNG"]
    head = spaced_clause("tt", 1, "heading", "3. Đánh giá, công nhận hoàn thành chương trình bồi dưỡng", root)
    path = root + [head.text]
    rule = spaced_clause("tt", 2, "item", "a) Học viên có bài thu hoạch đạt từ 5,0 điểm trở lên được công nhận hoàn thành "
                  "chương trình bồi dưỡng.", path)
    other = spaced_clause("tt", 5, "item", "b) Giáo vụ theo dõi việc học tập của học viên các lớp bồi dưỡng.",
                   ["Chương III. NHIỆM VỤ"])
    q = bare_question("Học viên cần đạt bao nhiêu điểm thì được công nhận hoàn thành chương trình bồi dưỡng?")
    assert headed_answer([head, other], q, [head, rule, other]) is rule
    assert "5,0 điểm" in answer(q, [head, other], [head, rule, other])


def test_a_budget_heading_answers_with_the_share_it_heads_through_a_sub_heading():
    # a three-year budget plan: "2. Thu ngân sách" > "a) Thu tiền sử dụng đất" > the sentence stating the share
    root = ["II. ƯỚC THỰC HIỆN NĂM 2025"]
    head = spaced_clause("cm", 1, "heading", "2. Thu ngân sách nhà nước trên địa bàn", root)
    sub = spaced_clause("cm", 2, "heading", "a) Thu tiền sử dụng đất", root + [head.text])
    share = spaced_clause("cm", 3, "paragraph", "Thu tiền sử dụng đất ước đạt 560 tỷ đồng, bằng 81% dự toán.",
                   root + [head.text, sub.text])
    q = bare_question("Thu tiền sử dụng đất năm 2025 ước đạt bao nhiêu phần trăm dự toán?")
    assert headed_answer([head], q, [head, sub, share]) is share


def test_a_clause_holding_the_value_ranked_above_the_heading_keeps_the_answer():
    plan = procedure("dn", 1, "Xác định mức độ khuyết tật", ("25", "23"))
    three = procedure("dn", 3, "Đổi, cấp lại Giấy xác nhận khuyết tật", ("05", "03"))
    q = bare_question("doi cap lai giay xac nhan khuyet tat con may ngay")
    assert headed_answer([three[2], plan[0]], q, plan + three) is None


@pytest.mark.parametrize("text", [
    "Nội dung kiến nghị thực thi của thủ tục xác định mức độ khuyết tật là gì?",  # no value asked
    "Kinh phí thực hiện kế hoạch lấy từ nguồn nào?",  # a source: the heading is quoted with all its sources
])
def test_no_value_asked_leaves_the_heading_found_to_answer(text):
    plan = procedure("dn", 1, "Xác định mức độ khuyết tật", ("25", "23"))
    assert headed_answer([plan[4], plan[1]], bare_question(text), plan) is None


def test_a_value_beyond_the_headings_first_clauses_is_not_its_answer():
    # a chapter title whose figure lies many clauses below it: the chapter is no answer to the figure
    root = ["III. NHIỆM VỤ, GIẢI PHÁP"]
    head = spaced_clause("ch", 1, "heading", "1. Hoàn thiện thể chế, chính sách", root)
    body = [spaced_clause("ch", 2 + i, "item", f"- Rà soát văn bản thứ {i} thuộc lĩnh vực được giao.", root + [head.text])
            for i in range(4)]
    far = spaced_clause("ch", 9, "item", "- Giảm thời gian giải quyết còn 10 ngày làm việc.", root + [head.text])
    q = bare_question("Thời gian giải quyết được rút ngắn còn bao nhiêu ngày?")
    assert headed_answer([head], q, [head, *body, far]) is None


def test_a_value_found_under_the_heading_is_preferred_to_its_first_line():
    # Đồng Nai "1.3. Lợi ích phương án đơn giản hóa": its first line states a wage in đồng, the ranker found the
    # line stating the sum saved; the commune political centre's "d) Thực hiện định mức giờ chuẩn" likewise
    root = ["PHỤ LỤC", "1. Thủ tục Xác định mức độ khuyết tật"]
    head = spaced_clause("dn", 1, "heading", "1.3. Lợi ích phương án đơn giản hóa", root)
    path = root + [head.text]
    wage = spaced_clause("dn", 2, "paragraph", "Giảm được 02 ngày làm việc giải quyết hồ sơ (01 giờ làm việc = 40.000 đồng), "
                  "cụ thể:", path)
    saved = spaced_clause("dn", 3, "bullet", "- Chi phí tiết kiệm: 6.400.000 đồng/năm.", path)
    q = bare_question("Đơn giản hóa thủ tục xác định mức độ khuyết tật tiết kiệm bao nhiêu tiền mỗi năm?")
    assert headed_answer([head, saved], q, [head, wage, saved]) is saved


def test_a_time_asked_is_not_read_through_a_heading():
    # "dành bao nhiêu thời gian": "Hằng năm …" under the heading holds a time as loosely as any routine line
    root = ["Điều 13. Nhiệm vụ và quyền hạn của giảng viên", "1. Nhiệm vụ của giảng viên"]
    head = spaced_clause("tt", 1, "heading", "d) Thực hiện định mức giờ chuẩn nghiên cứu khoa học", root)
    yearly = spaced_clause("tt", 2, "bullet", "- Hằng năm, giảng viên hoàn thành nhiệm vụ nghiên cứu khoa học được giao.",
                    root + [head.text])
    q = bare_question("Giảng viên phải dành bao nhiêu thời gian cho nghiên cứu khoa học?")
    assert q.answer_slot is not None and q.answer_slot.kind == "time"
    assert headed_answer([head], q, [head, yearly]) is None
