"""A question asking for a list's items whose plan's clauses found hold the heading announcing that list ("… bao
gồm:", "… tập trung vào các lĩnh vực:") is answered with the announced items, though another clause carries the
answer's first line (`answer.announced_items`); not when the answer already quotes an announced list with its items,
nor when the question asks for no items; and a clause covering every word of such a question is quoted beside a first
line covering part of it (`answer.whole_question_clause`). Wordings modelled on plans: a law plan's support contents, a ministry
plan's priority fields, a procedure's dossier."""
from __future__ import annotations

from corpus.model import Clause, Document
from retrieval.answer import announced_items, compose_answer, whole_question_clause
from retrieval.query import Question, folded, role_flags
from retrieval.strategies import strategy_for


def clause(n: int, text: str, section: list[str], doc: str = "d", **kw) -> Clause:
    return Clause(id=f"{doc}:{n:04d}", doc_id=doc, kind=kw.pop("kind", "bullet"), label=None, section_path=section,
                  text=text, source=f"{doc}.md", lines=(n, n), **kw)


def ask(text: str, qtype: str = "list") -> Question:
    return Question(text=text, folded=folded(text), qtype=qtype, **role_flags(folded(text))._asdict())


def _law_support() -> list[Clause]:
    sec = ["II. NỘI DUNG KẾ HOẠCH", "5. Tổ chức các nội dung hỗ trợ thi hành Luật"]
    opener = "- Các nội dung hỗ trợ thi hành Luật bao gồm:"
    head = clause(188, opener, sec, doc="lc", kind="heading")
    items = [clause(191 + 3 * i, t, sec + [opener], doc="lc") for i, t in enumerate(
        ["+ Hướng dẫn áp dụng các văn bản quy định chi tiết thi hành Luật;",
         "+ Tổ chức tiếp nhận và xử lý các kiến nghị, đề xuất trong quá trình thực hiện Luật;",
         "+ Tổ chức rà soát, đánh giá và cập nhật hệ thống cơ sở dữ liệu liên quan."])]
    who = clause(206, "- Cơ quan thực hiện: Các sở, ngành có liên quan theo chức năng, nhiệm vụ được giao.", sec,
                 doc="lc", lead="Các sở, ngành có liên quan")
    return [head, *items, who]


def _sport_fields() -> list[Clause]:
    sec = ["III. NHIỆM VỤ", "c) Danh mục các dự án dự kiến ưu tiên đầu tư"]
    opener = "- Các dự án về thể thao ưu tiên tập trung vào các lĩnh vực:"
    head = clause(256, opener, sec, doc="vh", kind="heading")
    items = [clause(259 + 3 * i, t, sec + [opener], doc="vh") for i, t in enumerate(
        ["+ Đầu tư hoàn thiện cơ sở vật chất phục vụ thi đấu, huấn luyện đạt tiêu chuẩn quốc tế;",
         "+ Đầu tư cho đào tạo, huấn luyện và phát hiện tài năng thể thao."])]
    other = clause(375, "Chủ trì, phối hợp với các Bộ, ngành ưu tiên bố trí nguồn lực để thực hiện các dự án thể thao.",
                   ["IV. TỔ CHỨC THỰC HIỆN"], doc="vh")
    return [head, *items, other]


def test_a_list_announced_below_the_first_line_is_quoted_with_its_items():
    plan = _law_support()
    docs = {"lc": Document(id="lc", source="lc.md", title="Kế hoạch thi hành Luật")}
    ranked = [(plan[4], 0.9, 1.0), (plan[0], 0.85, 1.0)]
    q = ask("Các nội dung hỗ trợ thi hành Luật gồm những gì, ai làm?", "who")
    out = compose_answer(strategy_for(q), q, ranked, docs, plan=lambda d: plan)
    assert "Hướng dẫn áp dụng" in out and "tiếp nhận và xử lý các kiến nghị" in out and "cơ sở dữ liệu" in out
    assert out.count("«- Các nội dung hỗ trợ thi hành Luật bao gồm:»") == 1  # quoted once, its items after it


def test_the_fields_a_project_list_announces_are_quoted_when_another_task_is_found_first():
    plan = _sport_fields()
    docs = {"vh": Document(id="vh", source="vh.md", title="Kế hoạch thực hiện quy hoạch")}
    ranked = [(plan[3], 0.9, 0.8), (plan[0], 0.7, 0.8)]
    q = ask("Các dự án thể thao được ưu tiên vào những lĩnh vực nào?")
    out = compose_answer(strategy_for(q), q, ranked, docs, plan=lambda d: plan)
    assert "tiêu chuẩn quốc tế" in out and "tài năng thể thao" in out


def test_no_items_are_added_when_the_question_asks_for_none():
    plan = _sport_fields()
    q = ask("Ai chủ trì bố trí nguồn lực cho các dự án thể thao?", "who")
    assert not q.asks_items
    assert announced_items(q, [plan[3], plan[0]], [plan[3]], plan) == []


def test_a_sibling_procedures_dossier_is_not_added_to_a_dossier_already_quoted_with_its_items():
    root = ["A. THỦ TỤC CẤP TRUNG ƯƠNG"]
    first_sec, second_sec = root + ["1. Công bố dịch hại thực vật"], root + ["2. Công bố hết dịch hại thực vật"]
    opener = "c) Thành phần, số lượng hồ sơ:"
    one = clause(1040, opener, first_sec, doc="nn", kind="heading")
    one_items = [clause(1042 + 2 * i, t, first_sec + [opener], doc="nn") for i, t in enumerate(
        ["- Tờ trình đề nghị công bố dịch.", "- Dự thảo Quyết định công bố dịch."])]
    two = clause(1084, opener, second_sec, doc="nn", kind="heading")
    two_items = [clause(1086 + 2 * i, t, second_sec + [opener], doc="nn") for i, t in enumerate(
        ["- Tờ trình đề nghị công bố hết dịch.", "- Báo cáo kết quả chống dịch."])]
    plan = [one, *one_items, two, *two_items]
    q = ask("Thủ tục công bố dịch hại thực vật: hồ sơ gồm những gì?", "fact")
    assert q.asks_items
    assert announced_items(q, [one, two], [one, *one_items], plan) == []
    # nothing quoted yet of any list: the announcement found is quoted with its items
    assert announced_items(q, [two], [], plan) == [(two, two_items)]


# --- a clause covering every word of a question asking for items is quoted beside a partial first line


def _covered(first_text: str, whole_text: str, doc: str) -> tuple[Clause, Clause]:
    return (clause(127, first_text, ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"], doc=doc, kind="item"),
            clause(337, whole_text, ["III. GIẢI PHÁP THỰC HIỆN"], doc=doc, kind="paragraph"))


CASES = [  # (question, the partial first line, the clause covering the whole question, a word only the latter has)
    ("Kế hoạch thực hiện quy hoạch có những nhóm giải pháp nào?",
     "b) Cụ thể hóa các nhiệm vụ, chính sách, giải pháp gắn với trách nhiệm của các cơ quan.",
     "Triển khai đồng bộ 08 nhóm giải pháp, bao gồm: Giải pháp về cơ chế, chính sách; Giải pháp về hợp tác quốc tế.",
     "hợp tác quốc tế", "vh"),
    ("Đợt thi đua triển khai những phong trào thi đua trọng tâm nào của Thủ tướng?",
     "- Nội bộ đoàn kết, tham gia tích cực các phong trào thi đua do Thủ tướng Chính phủ phát động.",
     "- Tập trung triển khai các phong trào thi đua trọng tâm do Thủ tướng Chính phủ phát động như Chung tay xóa nhà tạm.",
     "Chung tay xóa nhà tạm", "na"),
    ("Kế hoạch tuyên truyền Luật Việc làm bằng những hình thức nào?",
     "- Sở Nội vụ chủ trì tuyên truyền, phổ biến Luật.",
     "Tuyên truyền Luật Việc làm bằng các hình thức: hội nghị, tọa đàm, pa nô, áp phích và trên cổng thông tin.",
     "áp phích", "hcm"),
]


def test_a_clause_covering_the_whole_question_is_quoted_beside_a_first_line_covering_part_of_it():
    for text, part, whole, word, doc in CASES:
        first, full = _covered(part, whole, doc)
        q = ask(text, "fact")
        assert q.asks_items, text
        docs = {doc: Document(id=doc, source=f"{doc}.md", title="Kế hoạch")}
        out = compose_answer(strategy_for(q), q, [(first, 0.32, 0.86), (full, 0.30, 1.0)], docs, plan=lambda d: [first, full])
        assert word in out, text


def test_no_whole_question_clause_is_added_when_the_first_line_covers_it_all_or_no_items_are_asked():
    text, part, whole, _, doc = CASES[0]
    first, full = _covered(part, whole, doc)
    q = ask(text, "fact")
    assert whole_question_clause(q, first, [first, full], [first], {id(first): 0.86, id(full): 1.0}) is full
    assert whole_question_clause(q, first, [first, full], [first], {id(first): 1.0, id(full): 1.0}) is None
    assert whole_question_clause(q, first, [first, full], [first, full], {id(first): 0.86, id(full): 1.0}) is None
    other = ask("Ai chủ trì thực hiện quy hoạch?", "who")
    assert whole_question_clause(other, first, [first, full], [first], {id(first): 0.86, id(full): 1.0}) is None
