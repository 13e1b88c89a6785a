"""A question asking where money comes from ("Kinh phí … lấy từ nguồn nào?", "Tiền … lấy từ đâu?", "ai bỏ tiền?")
asks a source of money (`query.asks_source`, the ``source`` answer slot): it is a fact question whatever "lộ trình" or
"ai" says, the sentence stating the source holds the value (not the section's title, not a task beside it sharing the
question's words), and the answer quotes that sentence rather than the task the ranker put above it. Wordings from the
Nghệ An and Hà Nội 5G plans, the Đồng Tháp technology roadmap and the culture-and-sport network plan, rebuilt as small
synthetic plans."""
from __future__ import annotations

import dataclasses

import pytest

from corpus.model import Clause, Document
from retrieval.answer import compose_answer
from retrieval.evidence import clause_holds_value
from retrieval.query import SOURCE, AnswerSlot, Question, asks_source, folded
from retrieval.strategies import asked_value, strategy_for
from tests.snippets import bare_question, spaced_clause




@pytest.mark.parametrize("text", [
    "Kinh phí thực hiện kế hoạch phát triển sóng 5G tại KCN Nghệ An lấy từ nguồn nào?",
    "Kinh phí thực hiện lộ trình đổi mới công nghệ Đồng Tháp lấy từ nguồn nào?",
    "tien thuc hien lo trinh doi moi cong nghe dong thap lay tu dau",
    "ở Hà Nội ai bỏ tiền làm ứng dụng IoT trong nhà máy ở khu công nghiệp?",
    "Công trình ngầm hạ tầng kỹ thuật dùng chung ở Hà Nội ưu tiên dùng nguồn vốn gì?",
])
def test_a_question_asking_where_money_comes_from_asks_a_source_as_a_fact(text):
    q = bare_question(text)
    assert q.qtype == "fact" and q.asks_source and asked_value(q) == SOURCE, (q.qtype, q.answer_slot)
    assert q.answer_slot is None or q.answer_slot.kind != "agency"  # who pays is no unit's chủ trì


@pytest.mark.parametrize("text", [
    "Dữ liệu quy hoạch được thu thập từ đâu?",  # no money named: a place or a body, not a source of money
    "Dự án nào được ưu tiên, lấy từ đâu?",  # "ưu tiên" is no money
])
def test_a_question_naming_no_money_asks_no_source(text):
    assert not asks_source(folded(text))


def test_a_sum_asked_beside_the_source_keeps_its_money_slot():
    q = bare_question("Cần bao nhiêu tiền để đầu tư mạng lưới cơ sở văn hóa, lấy từ nguồn nào?")
    assert q.asks_source and q.answer_slot == AnswerSlot("money") and asked_value(q) == AnswerSlot("money")


@pytest.mark.parametrize("text", [
    "Nguồn kinh phí thực hiện từ các doanh nghiệp viễn thông và huy động nguồn lực xã hội hóa.",
    "- Đối với các ứng dụng IoT trong quản lý, sản xuất của các nhà máy trong khu công nghiệp: Do các nhà đầu tư "
    "chủ động tự đảm bảo kinh phí.",
    "1. Kinh phí thực hiện lồng ghép từ các chương trình, dự án, đề án được phân bổ hằng năm cho các cơ quan, đơn vị.",
    "- Ngân sách địa phương: để thực hiện các dự án do địa phương quản lý, chiếm khoảng 10% tổng vốn đầu tư.",
])
def test_the_sentence_stating_a_source_of_money_holds_the_source(text):
    assert clause_holds_value(spaced_clause("p", 1, "paragraph", text, ["III. KINH PHÍ THỰC HIỆN"]), SOURCE)


@pytest.mark.parametrize("kind, text", [
    ("heading", "III. KINH PHÍ THỰC HIỆN"),
    ("bullet", "- Phối hợp chặt chẽ với các nhà mạng để xây dựng lộ trình triển khai trạm phát sóng 5G tại các KCN."),
    ("bullet", "- Thí điểm đầu tư ứng dụng 5G, IoT cho quản lý nhà máy thông minh cho tối thiểu 2 dự án."),
])
def test_a_title_or_a_task_beside_the_source_holds_no_source(kind, text):
    assert not clause_holds_value(spaced_clause("p", 1, kind, text, []), SOURCE)


def _answer(q: Question, ranked: list[Clause], plan: list[Clause]) -> str:
    docs = {plan[0].doc_id: Document(id=plan[0].doc_id, source=plan[0].source, title="Kế hoạch")}
    scored = [(c, s, 0.8) for c, s in zip(ranked, (0.40, 0.31, 0.29, 0.2))]
    asked = dataclasses.replace(q)
    return compose_answer(strategy_for(asked), asked, scored, docs, plan=lambda d: plan)


def test_a_source_answer_quotes_the_sentence_stating_it_not_the_task_ranked_above():
    # Nghệ An 5G: a unit's task sharing "5G", "KCN" ranked first, the title and its one sentence after it
    kp = "III. KINH PHÍ THỰC HIỆN"
    task = spaced_clause("na", 5, "bullet", "- Phối hợp chặt chẽ với các nhà mạng để xây dựng lộ trình, kế hoạch cụ thể "
                  "triển khai trạm phát sóng 5G và ứng dụng IoT tại các KCN.", ["IV. TỔ CHỨC THỰC HIỆN", "1. Sở Khoa học"])
    title = spaced_clause("na", 1, "heading", kp, [])
    body = spaced_clause("na", 2, "paragraph", "Nguồn kinh phí thực hiện từ các doanh nghiệp viễn thông và huy động nguồn "
                  "lực xã hội hóa.", [kp])
    out = _answer(bare_question("Tiền làm 5G ở khu công nghiệp Nghệ An lấy từ đâu?"), [task, title, body],
                  [title, body, task])
    assert "doanh nghiệp viễn thông" in out and "Phối hợp chặt chẽ" not in out, out


def test_a_source_answer_quotes_every_source_of_the_section():
    # Đồng Tháp roadmap: "lộ trình" no longer makes it a when question; both sources of the section are quoted
    kp = "IV. KINH PHÍ VÀ NGUỒN LỰC THỰC HIỆN"
    stage = spaced_clause("lt", 1, "heading", "2. Giai đoạn 2031 - 2035", ["III. LỘ TRÌNH THỰC HIỆN"], deadline="2031 - 2035")
    title = spaced_clause("lt", 4, "heading", kp, [])
    one = spaced_clause("lt", 5, "item", "1. Kinh phí thực hiện lồng ghép từ các chương trình, dự án, đề án.", [kp])
    two = spaced_clause("lt", 6, "item", "2. Kinh phí đóng góp của người dân, doanh nghiệp và các hình thức hợp tác công tư "
                 "khác (nếu có).", [kp])
    out = _answer(bare_question("Kinh phí lộ trình đổi mới công nghệ đến 2035 của Đồng Tháp lấy từ đâu?"),
                  [stage, title, one, two], [stage, title, one, two])
    assert "lồng ghép" in out and "hợp tác công tư" in out, out


def test_who_pays_is_answered_by_the_sentence_saying_who_funds_it():
    # Hà Nội 5G: "ai bỏ tiền" names no unit's chủ trì; the sentence saying the investors fund it answers
    kp = "IV. KINH PHÍ THỰC HIỆN"
    target = spaced_clause("hn", 1, "bullet", "- Thí điểm đầu tư ứng dụng 5G, IoT cho quản lý nhà máy thông minh cho tối "
                    "thiểu 2 dự án trong các khu công nghiệp.", ["1. Mục tiêu đến hết năm 2026"])
    own = spaced_clause("hn", 3, "bullet", "- Đối với các ứng dụng IoT trong quản lý, sản xuất của các nhà máy trong khu công "
                 "nghiệp: Do các nhà đầu tư chủ động tự đảm bảo kinh phí.", [kp])
    q = bare_question("Ứng dụng IoT trong nhà máy ở khu công nghiệp Hà Nội thì ai bỏ tiền?")
    assert q.qtype == "fact"
    out = _answer(q, [target, own], [target, own])
    assert "tự đảm bảo kinh phí" in out and "Thí điểm" not in out, out


def test_the_question_is_read_for_a_source_of_money_once(monkeypatch):
    """`query.analyse` reads `asks_source` once and passes it to the type and the answer slot, which read the same
    as alone (a source asked of the Nghệ An 5G plan and the Đồng Tháp roadmap, who pays in Hà Nội, a sum beside a
    source for the culture network, a plain who question)."""
    import retrieval.query as Q

    for text in ("Kinh phí thực hiện kế hoạch phát triển sóng 5G tại KCN Nghệ An lấy từ nguồn nào?",
                 "Kinh phí thực hiện lộ trình đổi mới công nghệ Đồng Tháp lấy từ nguồn nào?",
                 "ở Hà Nội ai bỏ tiền làm ứng dụng IoT trong nhà máy ở khu công nghiệp?",
                 "Cần bao nhiêu tiền để đầu tư mạng lưới cơ sở văn hóa, lấy từ nguồn nào?",
                 "Ai chủ trì phát triển sóng 5G?"):
        f = folded(text)
        alone = (Q.question_type(f), Q.answer_slot(f), asks_source(f))
        reads = []
        monkeypatch.setattr(Q, "asks_source", lambda f, _read=asks_source: reads.append(f) or _read(f))
        q = Q.analyse(text, {}, [])
        monkeypatch.undo()
        assert len(reads) == 1, text
        assert (q.qtype, q.answer_slot, q.asks_source) == alone, text
