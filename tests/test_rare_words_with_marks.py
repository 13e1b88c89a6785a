"""A question's rarest words are read with the marks it was typed with (`Evidence.rarest_as_typed`).

Folded, the words of a topic no plan is about collide with common plan words: "đội tuyển" is "đội ngũ" and
"tuyên truyền"'s "tuyen", "bóng đá" the "đa dạng" every plan writes; the rarest folded words were then found in
the answering plan and a football question was answered with p .70 against a threshold of .74. With marks, the
rarest words are ones no plan writes. A question typed without marks is still read folded. Wordings from a commune
plan, a culture plan and a fruit-growing plan (synthetic, modelled on the development half).
"""
from __future__ import annotations

from functools import partial

from retrieval.evidence import Evidence
from retrieval.strategies import strategy_for
from tests.snippets import EvidenceStore, plan_clause, plans_of, read_evidence

PLANS = plans_of(
    ("xa", "Kế hoạch phát triển kinh tế - xã hội xã An Hưng năm 2026", "Hải Phòng"),
    ("vh", "Kế hoạch phát triển văn hóa, thể thao giai đoạn 2026 - 2030", "Đắk Lắk"),
    ("sr", "Kế hoạch phát triển cây sầu riêng giai đoạn 2026 - 2030", "Sơn La"),
)
CLAUSES = [
    plan_clause("xa", 20, "- Đẩy mạnh công tác tuyên truyền, nâng cao chất lượng đội ngũ cán bộ, kết quả tối thiểu "
                "đạt 90% kế hoạch.", ["II. NHIỆM VỤ"]),
    plan_clause("xa", 21, "- Đa dạng hóa các hình thức tuyên truyền qua hệ thống truyền thanh cơ sở.", ["II. NHIỆM VỤ"]),
    plan_clause("vh", 40, "- Tổ chức các giải thể thao quần chúng, đội văn nghệ tuyển chọn tham gia hội diễn; đa dạng "
                "hóa hoạt động văn hóa cơ sở.", ["III. NHIỆM VỤ"]),
    plan_clause("vh", 41, "- Tuyển chọn vận động viên năng khiếu, kết quả thi đấu được báo cáo hằng năm.",
                ["III. NHIỆM VỤ"]),
    plan_clause("sr", 60, "- Diện tích sầu riêng đạt 1.200 ha; đa dạng hóa giống, tuyển chọn cây đầu dòng.",
                ["II. MỤC TIÊU"]),
    plan_clause("sr", 61, "- Tuyên truyền cho nông dân về quy trình kỹ thuật, kết quả đánh giá đội sản xuất.",
                ["II. MỤC TIÊU"]),
]
FOOTBALL = "Kết quả trận bóng đá của đội tuyển Việt Nam tối qua thế nào?"


def _evidence() -> Evidence:
    return Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for)  # type: ignore[arg-type]


_read = partial(read_evidence, plans=PLANS)


def test_an_off_topic_question_typed_with_marks_lacks_its_rarest_words_in_every_plan():
    ev = _evidence()
    for plan, line in (("xa", 20), ("vh", 40), ("sr", 61)):
        assert _read(ev, "rare_words_in_plan", FOOTBALL, [(plan, line)]) == 0.0, plan
        assert _read(ev, "rare_words_found", FOOTBALL, [(plan, line)]) == 0.0, plan


def test_the_rarest_words_with_marks_are_not_the_folded_collisions():
    ev = _evidence()
    q = ev_question(ev, FOOTBALL)
    rare, marked = ev.rarest_as_typed(q)
    assert marked and "bóng" in rare and not {"tuyển", "đá", "đội", "kết"} & set(rare)
    assert not any(ev.writes(w, True, p) for w in rare for p in range(len(CLAUSES)))  # no clause writes them
    assert ev.rarest(q) != rare  # folded, the rarest words include ones the plans write ("bong" aside)


def test_a_question_the_plan_answers_keeps_its_rarest_words_with_marks():
    ev = _evidence()
    assert _read(ev, "rare_words_in_plan", "Diện tích sầu riêng của Sơn La đạt bao nhiêu ha?", [("sr", 60)]) == 1.0
    assert _read(ev, "rare_words_found", "Hội diễn văn nghệ quần chúng tuyển chọn đội nào?", [("vh", 40)]) == 1.0
    assert _read(ev, "rare_words_found", "Hệ thống truyền thanh cơ sở của xã An Hưng tuyên truyền gì?",
                 [("xa", 21)]) == 1.0


def test_a_question_typed_without_marks_is_read_folded():
    ev = _evidence()
    q = ev_question(ev, "dien tich sau rieng cua son la dat bao nhieu ha")
    rare, marked = ev.rarest_as_typed(q)
    assert not marked and rare == ev.rarest(q)
    assert _read(ev, "rare_words_in_plan", "dien tich sau rieng cua son la dat bao nhieu ha", [("sr", 60)]) == 1.0


def ev_question(ev: Evidence, text: str):
    from retrieval.query import analyse

    return analyse(text, PLANS, [], words=ev.words)


def test_the_rarest_words_are_read_once_for_both_items_of_a_question(monkeypatch):
    # rare_words_found and rare_words_in_plan read the same words: the question's marked words are paired up once
    ev = _evidence()
    paired = []
    content = ev.marked_content
    monkeypatch.setattr(ev, "marked_content", lambda q: paired.append(q.text) or content(q))
    for text, answer in ((FOOTBALL, 20), ("Diện tích sầu riêng của Sơn La đạt bao nhiêu ha?", 60),
                         ("Hội diễn văn nghệ quần chúng tuyển chọn đội nào?", 40)):
        q = ev_question(ev, text)
        pos = next(i for i, c in enumerate(CLAUSES) if c.lines[0] == answer)
        found, in_plan = ev.features(q, [(pos, 0.9, 1.0)], ["rare_words_found", "rare_words_in_plan"])
        assert (found, in_plan) == (_read(ev, "rare_words_found", text, [(CLAUSES[pos].doc_id, answer)]),
                                    _read(ev, "rare_words_in_plan", text, [(CLAUSES[pos].doc_id, answer)]))
        assert paired.count(text) == 1, text
