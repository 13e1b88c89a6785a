"""Abstention evidence that is exact by construction, and the fit that weighs it.

A near-miss names something the answering plan does not have: a unit that takes no part in the task found
(`named_unit_takes_part`), a kind of document the plan is not (`document_kind_agrees`); `exact_checks` is the
least of all such checks. The abstention fit (`train.fit_evidence`) never gives an evidence item a negative
weight. Wordings come from several plans (5G in industrial parks, personal-data law, culture network,
export plan); the store is a small in-memory one read by the real `Evidence`.
"""
from __future__ import annotations

import numpy as np

from corpus.model import Document
from retrieval.evidence import EVIDENCE, EXACT_CHECKS, Evidence
from retrieval.query import analyse
from retrieval.train import fit_evidence
from retrieval.strategies import strategy_for
from tests.snippets import EvidenceStore, duty_clause


PLANS = {
    "g5": Document("g5", "g5.md", title="Kế hoạch Phát triển hệ thống sóng viễn thông 5G trong các Khu công nghiệp",
                   kind="Kế hoạch"),
    "dl": Document("dl", "dl.md", title="Quyết định Ban hành kế hoạch triển khai thi hành Luật Bảo vệ dữ liệu cá nhân",
                   kind="Quyết định"),
    "vh": Document("vh", "vh.md", title="Quyết định Về việc ban hành kế hoạch thực hiện quy hoạch mạng lưới cơ sở "
                   "văn hóa và thể thao", kind="Quyết định"),
    "nq": Document("nq", "nq.md", title="Kế hoạch Thực hiện Nghị quyết số 48/NQ-CP của Chính phủ", kind="Kế hoạch"),
}
CLAUSES = [
    duty_clause("g5", 1, "KẾ HOẠCH Phát triển hệ thống sóng viễn thông 5G", kind="header"),
    duty_clause("g5", 176, "- Chủ trì hướng dẫn các doanh nghiệp viễn thông phát triển 5G.",
            lead="Sở Khoa học và Công nghệ", partners="các đơn vị liên quan"),
    duty_clause("dl", 1, "QUYẾT ĐỊNH Ban hành kế hoạch triển khai thi hành Luật Bảo vệ dữ liệu cá nhân", kind="header"),
    duty_clause("dl", 236, "6. Xây dựng Cổng thông tin quốc gia về bảo vệ dữ liệu cá nhân", lead="Bộ Công an"),
    duty_clause("dl", 202, "- Nghị định quy định chi tiết Luật Bảo vệ dữ liệu cá nhân", lead="Bộ Công an",
            partners="Văn phòng Chính phủ, Bộ Tư pháp và các cơ quan có liên quan"),
    duty_clause("vh", 1, "QUYẾT ĐỊNH Về việc ban hành kế hoạch thực hiện quy hoạch", kind="header"),
    duty_clause("vh", 370, "d) Chủ trì xây dựng, trình các đề án trọng điểm về mạng lưới cơ sở văn hóa, thể thao.",
            lead="Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam"),
    duty_clause("vh", 351, "a) Tổ chức tuyên truyền phổ biến nội dung quy hoạch đến các tổ chức, cá nhân.",
            lead="Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam", deadline="đến năm 2045"),
    duty_clause("nq", 1, "KẾ HOẠCH Thực hiện Nghị quyết số 48/NQ-CP", kind="header"),
    duty_clause("nq", 90, "- Phát triển kinh tế biển bền vững.", lead="Sở Nông nghiệp và Môi trường"),
]


def _evidence() -> Evidence:
    return Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for)  # type: ignore[arg-type]


def _read(ev: Evidence, name: str, question: str, answer_lines: list[tuple[str, int]]) -> float:
    """The evidence item for ``question`` answered by the clauses at (plan, first line), best first."""
    pos = {(c.doc_id, c.lines[0]): i for i, c in enumerate(CLAUSES)}
    ranked = [(pos[k], 0.9 - 0.1 * i, 1.0) for i, k in enumerate(answer_lines)]
    q = analyse(question, PLANS, [], words=ev.words)
    return EVIDENCE[name].read(ev, q, ranked)


def test_a_unit_the_question_opens_with_must_lead_or_coordinate_an_answer_clause_whatever_the_type():
    ev = _evidence()
    # a when-question: the Viện leads the task found, so the deadline asked is of its own task
    assert _read(ev, "named_unit_takes_part", "Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam phải trình "
                 "các đề án trọng điểm trước thời hạn nào?", [("vh", 370)]) == 1.0
    # … but a task another unit leads does not say what it must do
    assert _read(ev, "named_unit_takes_part", "Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam phải làm gì "
                 "về cổng thông tin dữ liệu cá nhân?", [("dl", 236)]) == 0.0
    # a unit no plan gives any role to ("Bộ Y tế"): read from the question's opening words
    assert _read(ev, "named_unit_takes_part", "Bộ Y tế chủ trì nhiệm vụ nào trong Kế hoạch triển khai thi hành "
                 "Luật Bảo vệ dữ liệu cá nhân?", [("dl", 236), ("dl", 202)]) == 0.0
    # a partner named after "phối hợp với" must be the task's lead
    assert _read(ev, "named_unit_takes_part", "Ai phối hợp với Bộ Công an xây dựng Nghị định quy định chi tiết?",
                 [("dl", 202)]) == 1.0


def test_a_question_asking_which_unit_or_naming_none_is_not_judged_by_the_unit_check():
    ev = _evidence()
    assert _read(ev, "named_unit_takes_part", "Sở nào chủ trì hướng dẫn doanh nghiệp viễn thông phát triển 5G?",
                 [("dl", 236)]) == 1.0
    assert _read(ev, "named_unit_takes_part", "Ai chủ trì xây dựng Cổng thông tin quốc gia về bảo vệ dữ liệu cá nhân?",
                 [("g5", 176)]) == 1.0


def test_a_question_about_a_resolution_or_directive_is_not_answered_by_a_plan_of_another_kind():
    ev = _evidence()
    assert _read(ev, "document_kind_agrees", "Nghị quyết của HĐND tỉnh về phát triển 5G đặt chỉ tiêu gì?",
                 [("g5", 176)]) == 0.0
    assert _read(ev, "document_kind_agrees", "Chỉ thị của UBND tỉnh về phát triển 5G trong khu công nghiệp yêu cầu "
                 "những gì?", [("g5", 176)]) == 0.0
    # a plan whose title names the resolution it carries out answers about it
    assert _read(ev, "document_kind_agrees", "Nghị quyết về phát triển kinh tế biển giao nhiệm vụ gì?",
                 [("nq", 90)]) == 1.0
    # a kind named as a task's topic, further on in the question, is not the document asked about
    assert _read(ev, "document_kind_agrees", "Ai chủ trì xây dựng Nghị định quy định chi tiết Luật Bảo vệ dữ liệu cá "
                 "nhân?", [("dl", 202)]) == 1.0


def test_a_deadline_stated_only_for_a_weaker_neighbour_lowers_the_evidence_for_the_task_found_first():
    ev = _evidence()
    asked = "Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam phải trình các đề án trọng điểm trước thời hạn nào?"
    # the task found first states no deadline; another task of the same unit does
    assert _read(ev, "slot_in_best", asked, [("vh", 370), ("vh", 351)]) < 1.0
    assert _read(ev, "slot_in_best", asked, [("vh", 351), ("vh", 370)]) == 1.0
    assert _read(ev, "slot_in_best", "Viện Văn hóa phải làm gì?", [("vh", 370)]) == 1.0  # no value asked


def test_exact_checks_fail_when_any_one_check_fails():
    ev = _evidence()
    near_miss = "Chỉ thị của UBND tỉnh về phát triển 5G trong khu công nghiệp yêu cầu những gì?"
    assert _read(ev, "exact_checks", near_miss, [("g5", 176)]) == 0.0
    answered = "Ai chủ trì hướng dẫn các doanh nghiệp viễn thông phát triển 5G?"
    assert _read(ev, "exact_checks", answered, [("g5", 176)]) == 1.0
    assert set(EXACT_CHECKS) <= set(EVIDENCE) and "exact_checks" not in EXACT_CHECKS


def test_the_abstention_fit_never_gives_an_evidence_item_a_negative_weight():
    rng = np.random.default_rng(7)
    n = 600
    k = len(EVIDENCE)
    x = rng.normal(size=(n, k))
    # the first two items overlap; the label follows the first and falls with the second beyond it: an
    # unconstrained fit weighs the second negatively
    x[:, 1] = x[:, 0] + 0.3 * rng.normal(size=n)
    y = ((x[:, 0] - 0.8 * x[:, 1] + 0.2 * rng.normal(size=n)) > 0).astype(float)
    model = fit_evidence(x, y, c=1.0)
    assert (model.weights >= 0).all()
    assert model.weights[0] > 0.1
    # where the unconstrained optimum has no negative weight, the fit is sklearn's logistic regression
    from sklearn.linear_model import LogisticRegression

    x2 = rng.normal(size=(n, k))
    y2 = ((x2 @ np.linspace(0.5, 1.5, k) + rng.normal(size=n)) > 0).astype(float)
    mine = fit_evidence(x2, y2, c=1.0)
    theirs = LogisticRegression(C=1.0, max_iter=5000).fit((x2 - mine.mean) / mine.scale, y2)
    np.testing.assert_allclose(mine.probability(x2), theirs.predict_proba((x2 - mine.mean) / mine.scale)[:, 1],
                               atol=0.02)


def test_features_read_each_item_once_and_agree_with_each_item_read_alone(monkeypatch):
    """`Evidence.features` reads every item once per question, however many composites (`exact_checks`,
    `value_stated_or_confident`) are made of it, and gives each the value it has read alone (questions on the 5G,
    personal-data and culture-network plans; an asked value, a named unit, a named kind of document)."""
    import dataclasses

    import retrieval.evidence as E

    ev = _evidence()
    names = [n for n in EVIDENCE if n != "exact_checks"] + ["exact_checks"]  # the composite last, as a model reads it
    cases = [("Chỉ thị của UBND tỉnh về phát triển 5G trong khu công nghiệp yêu cầu những gì?", [("g5", 176)]),
             ("Ai chủ trì hướng dẫn các doanh nghiệp viễn thông phát triển 5G?", [("g5", 176)]),
             ("Bộ Công an chủ trì xây dựng Nghị định nào?", [("dl", 202), ("dl", 236)]),
             ("Viện Văn hóa phải trình các đề án trọng điểm trước thời hạn nào?", [("vh", 370), ("vh", 351)])]
    for question, lines in cases:
        alone = [_read(ev, n, question, lines) for n in names]
        reads: dict[str, int] = {}
        counting = {n: dataclasses.replace(f, read=_counted(f.read, n, reads)) for n, f in EVIDENCE.items()}
        monkeypatch.setattr(E, "EVIDENCE", counting)
        pos = {(c.doc_id, c.lines[0]): i for i, c in enumerate(CLAUSES)}
        ranked = [(pos[k], 0.9 - 0.1 * i, 1.0) for i, k in enumerate(lines)]
        together = ev.features(analyse(question, PLANS, [], words=ev.words), ranked, names)
        monkeypatch.undo()
        assert list(together) == alone, question
        assert reads and max(reads.values()) == 1 and "exact_checks" not in reads, question


def _counted(read, name, reads):
    def counted(*args):
        reads[name] = reads.get(name, 0) + 1
        return read(*args)
    return counted
