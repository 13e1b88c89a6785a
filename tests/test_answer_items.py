"""A list answer gathers every item of the enumeration it found ("Hồ sơ … gồm các tài liệu sau đây:" and its
"a) … đ)"), and a who-question with no role word answers from the clause that names a unit."""
from __future__ import annotations

import pytest

from corpus.model import Clause, Document, Target
from retrieval.answer import compose_answer
from retrieval.query import AnswerSlot, Question, folded, role_flags
from retrieval.strategies import MAX_ITEMS, STRATEGIES, enumeration, heads, strategy_for


def clause(n: int, text: str, section: list[str], doc: str = "d", **kw) -> Clause:
    return Clause(id=f"{doc}:{n:04d}", doc_id=doc, kind=kw.pop("kind", "item"), label=None, section_path=section,
                  text=text, source=f"{doc}.md", lines=(n, n), **kw)


ARTICLE = ["Chương II", "Điều 11. Hồ sơ kiểm tra"]
OPENER = "2. Trưởng Đoàn kiểm tra lập hồ sơ kiểm tra theo quy định. Hồ sơ kiểm tra gồm có các văn bản, tài liệu sau đây:"
# a section title is stored cut short with "…" when it is long
UNDER = ARTICLE + [OPENER[:60] + "…"]


def _record() -> list[Clause]:
    opener = clause(405, OPENER, ARTICLE, kind="heading")
    items = [clause(409 + i, t, UNDER) for i, t in enumerate(
        ["a) Quyết định kiểm tra;", "b) Biên bản kiểm tra;", "c) Báo cáo kết quả kiểm tra;", "d) Tài liệu khác."])]
    after = clause(430, "3. Hồ sơ được lưu trữ theo quy định.", ARTICLE)
    return [opener, *items, after]


def test_an_opener_ending_in_a_colon_heads_its_items_though_its_title_is_stored_cut_short():
    plan = _record()
    assert all(heads(plan[0], c) for c in plan[1:5])
    assert not heads(plan[0], plan[5])
    assert enumeration(plan[0], plan) == plan[1:5]


def test_an_item_gathers_the_other_items_of_its_section_a_long_prose_section_gathers_none():
    sec = ["4. Nền tảng", "4.5. Nền tảng nhận diện, kiểm soát phương tiện tự động"]
    items = [clause(250 + 3 * i, f"- Hệ thống {w} tự động.", sec, doc="g")
             for i, w in enumerate(["giám sát hành trình", "kiểm tra tải trọng xe", "đo đếm lưu lượng"])]
    assert enumeration(items[1], items) == [items[0], items[2]]
    assert enumeration(items[1], items, under_only=True) == []
    prose = [clause(10 + i, f"Đoạn {i}.", ["I. TÌNH HÌNH"], doc="g") for i in range(MAX_ITEMS + 2)]
    assert enumeration(prose[0], prose) == []


@pytest.mark.parametrize("text", [
    "Hồ sơ kiểm tra chuyên ngành Công Thương gồm những văn bản, tài liệu gì?",
    "Các nội dung hỗ trợ thi hành Luật ở Lai Châu gồm những gì?",
    "Những hệ thống nhận diện, kiểm soát phương tiện tự động nào được nêu trong kế hoạch?",
    "Kế hoạch có những hình thức khen thưởng nào?",
    "doi tuong tham gia dot thi dua gom nhung ai",
])
def test_questions_asking_for_the_items_of_a_list(text):
    assert role_flags(folded(text)).asks_items, text


@pytest.mark.parametrize("text", [
    "Những xã nào đặt chỉ tiêu tỷ lệ hộ nghèo?",
    "Những cơ quan nào phối hợp tổ chức tập huấn?",
    "Các kế hoạch nào của Đồng Tháp có nhiệm vụ về biển?",
    "Ai chủ trì kế hoạch chuyển đổi số?",
])
def test_plans_places_and_units_are_not_items_of_a_list(text):
    assert not role_flags(folded(text)).asks_items, text


def test_a_fact_answer_quotes_every_item_when_the_question_asks_for_them():
    plan = _record()
    docs = {"d": Document(id="d", source="d.md", title="Thông tư kiểm tra")}
    ranked = [(plan[0], 0.9, 1.0), (plan[5], 0.5, 0.6)]
    text = "Hồ sơ kiểm tra gồm những văn bản, tài liệu gì?"
    asked = Question(text=text, folded=folded(text), qtype="fact", **role_flags(folded(text))._asdict())
    out = compose_answer(strategy_for(asked), asked, ranked, docs, plan=lambda d: plan)
    assert "Biên bản kiểm tra" in out and "Báo cáo kết quả kiểm tra" in out and "Tài liệu khác" in out
    other = "Ai lập hồ sơ kiểm tra?"
    not_asked = Question(text=other, folded=folded(other), qtype="fact", **role_flags(folded(other))._asdict())
    assert "Biên bản kiểm tra" not in compose_answer(strategy_for(not_asked), not_asked, ranked, docs, plan=lambda d: plan)


def test_a_who_question_without_a_role_word_answers_from_the_clause_naming_a_unit():
    sec = ["IV. TỔ CHỨC THỰC HIỆN"]
    heading = clause(99, "a) Đối với tỉnh Nghệ An", ["1. Tiêu chí thi đua"], kind="heading", doc="n")
    unit = clause(277, "- Sở Nội vụ hướng dẫn khen thưởng Đợt thi đua.", sec, lead="Sở Nội vụ", doc="n")
    far = clause(300, "- Sở Tài chính bảo đảm kinh phí.", sec, lead="Sở Tài chính", doc="n")
    text = "cơ quan nào hướng dẫn khen thưởng đợt thi đua?"
    q = Question(text=text, folded=folded(text), qtype="who", **role_flags(folded(text))._asdict())
    assert STRATEGIES["who"].pick([heading, unit, far], q) is unit
    rule = clause(280, "- Khen thưởng theo quy định hiện hành.", sec, doc="n")
    assert STRATEGIES["who"].pick([heading, rule, unit], q) is heading  # the unit is too far below


@pytest.mark.parametrize("text", [
    "Sở Nội vụ TP.HCM chịu trách nhiệm gì trong Kế hoạch triển khai thi hành Luật Việc làm?",
    "Sở Khoa học và Công nghệ Lai Châu có trách nhiệm gì trong tổ chức thực hiện kế hoạch?",
    "UBND các tỉnh có trách nhiệm gì về kinh phí?",
])
def test_a_units_responsibilities_asked_are_its_duties(text):
    from retrieval.query import question_type
    assert question_type(folded(text)) == "duties", text


def test_a_period_asked_is_answered_by_a_row_only_when_it_has_a_column_for_each_year():
    sec = ["DỰ BÁO MỘT SỐ CHỈ TIÊU"]
    row = clause(589, "2. Tốc độ tăng trưởng GRDP", sec, kind="table_row", doc="c",
                 year_values={2026: "10,00", 2027: "10,00", 2028: "10,00"})
    sentence = clause(351, "Tốc độ tăng trưởng GRDP giai đoạn 2026 - 2030 khoảng 10 - 10,5%/năm.", ["III."], doc="c",
                      target=Target([10, 10.5], "%/năm", "range", 2030, "10 - 10,5%/năm"))
    period = "Tốc độ tăng trưởng GRDP giai đoạn 2026 - 2030 được dự báo khoảng bao nhiêu mỗi năm?"
    q = Question(text=period, folded=folded(period), qtype="target", years=("2026", "2030"),
                 answer_slot=AnswerSlot("percent"))
    assert STRATEGIES["target"].pick([row, sentence], q) is sentence
    year = "GRDP năm 2026-2028 của Cà Mau, năm 2028 dự báo bao nhiêu?"
    q = Question(text=year, folded=folded(year), qtype="target", years=("2026", "2028", "2028"))
    assert STRATEGIES["target"].pick([row, sentence], q) is row


def test_which_plans_asked_quotes_every_title_line_put_first_however_low_it_scores():
    a = clause(22, "PHÁT TRIỂN HẠ TẦNG 5G, IOT TRONG CÁC KHU CÔNG NGHIỆP THÀNH PHỐ HÀ NỘI", [], doc="hn", kind="header")
    b = clause(21, "PHÁT TRIỂN HẠ TẦNG 5G, IOT TRONG CÁC KHU CÔNG NGHIỆP TỈNH NGHỆ AN", [], doc="na", kind="header")
    task = clause(198, "a) Ưu tiên phát triển hạ tầng số 5G, IoT.", ["3. Ưu tiên"], doc="hn")
    docs = {d: Document(id=d, source=f"{d}.md", title="Kế hoạch") for d in ("hn", "na")}
    text = "Những tỉnh, thành nào có kế hoạch phát triển hạ tầng 5G, IoT trong khu công nghiệp?"
    q = Question(text=text, folded=folded(text), qtype="list", **role_flags(folded(text))._asdict())
    out = compose_answer(strategy_for(q), q, [(a, 0.31, 1.0), (b, 0.09, 0.4), (task, 0.3, 1.0)], docs)
    assert "NGHỆ AN" in out and "HÀ NỘI" in out
    text = "Tỉnh nào đặt chỉ tiêu phủ sóng 5G?"  # not which plans: a low-scoring line is not quoted
    q = Question(text=text, folded=folded(text), qtype="list", **role_flags(folded(text))._asdict())
    assert "NGHỆ AN" not in compose_answer(strategy_for(q), q, [(a, 0.31, 1.0), (b, 0.09, 0.4), (task, 0.3, 1.0)], docs)
