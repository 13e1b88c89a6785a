"""A question about two or more provinces ("So sánh số trạm 5G … trong khu công nghiệp Hà Nội và Nghệ An") is about every one it
names: what a plan must write of the question (the evidence items declared `EvidenceFeature.per_plan`) is read of each
province's first plan and the least counts, so one province's plan does not speak for a province whose plans never write the subject.
The verb asking to set figures side by side ("so sánh") is the question's frame, which no plan writes. Wordings
modelled on the Hà Nội and Nghệ An 5G plans, the Đắk Lắk and Nghệ An emulation plans and a Sơn La export plan
(synthetic)."""
from __future__ import annotations

import numpy as np
import pytest

from retrieval.evidence import EVIDENCE, Evidence, EvidenceFeature
from retrieval.query import analyse
from retrieval.strategies import strategy_for
from tests.snippets import EvidenceStore, plan_clause, plans_of

PLANS = plans_of(
    ("hn", "Kế hoạch phát triển hạ tầng 5G trong các khu công nghiệp thành phố Hà Nội", "Hà Nội"),
    ("na", "Kế hoạch phát triển hệ thống sóng viễn thông 5G tại các khu công nghiệp", "Nghệ An"),
    ("sl", "Kế hoạch xuất khẩu sản phẩm hàng hóa giai đoạn 2026 - 2030", "Sơn La"),
    ("dl", "Kế hoạch tổ chức đợt thi đua chào mừng Đại hội Đảng bộ tỉnh", "Đắk Lắk"),
)
CLAUSES = [
    plan_clause("hn", 10, "Hiện nay tại các khu công nghiệp có khoảng 180 trạm, trong đó có 22 trạm 5G.", ["I. THỰC TRẠNG"]),
    plan_clause("na", 20, "Trong các khu công nghiệp có 87 trạm, trong đó có 28 trạm 5G.", ["1. Hiện trạng"]),
    plan_clause("sl", 30, "- Thu hút đầu tư vào các khu công nghiệp chế biến nông sản xuất khẩu.", ["II. GIẢI PHÁP"]),
    plan_clause("dl", 40, "- Đợt thi đua chào mừng Đại hội diễn ra từ ngày 01/6 đến ngày 30/9.", ["II. NỘI DUNG"]),
]
IN_PLAN = ["rare_words_in_plan", "subject_runs_in_plan"]


def _features(text: str, answers: list[str]) -> dict[str, float]:
    ev = Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for)  # type: ignore[arg-type]
    pos = {c.doc_id: i for i, c in enumerate(CLAUSES)}
    ranked = [(pos[d], 0.9 - 0.1 * i, 1.0) for i, d in enumerate(answers)]
    q = analyse(text, PLANS, [], words=ev.words)
    return dict(zip(IN_PLAN, ev.features(q, ranked, IN_PLAN)))


@pytest.mark.parametrize("text, answers", [
    ("Số trạm 5G trong khu công nghiệp Hà Nội và Nghệ An là bao nhiêu?", ["hn", "na"]),
    ("Nghệ An và Hà Nội có bao nhiêu trạm 5G trong khu công nghiệp?", ["na", "hn"]),
])
def test_each_province_whose_plan_writes_the_subject_keeps_the_evidence(text, answers):
    assert all(v == 1.0 for v in _features(text, answers).values()), text


@pytest.mark.parametrize("text, answers", [
    ("Số trạm 5G trong khu công nghiệp Hà Nội và Sơn La là bao nhiêu?", ["hn", "sl"]),
    ("Số trạm 5G trong khu công nghiệp Hà Nội và Đắk Lắk là bao nhiêu?", ["hn", "dl"]),
    ("Sơn La và Nghệ An có bao nhiêu trạm 5G trong khu công nghiệp?", ["na", "sl"]),
])
def test_a_province_whose_plans_never_write_the_subject_lowers_it(text, answers):
    one = _features(text.replace(" và Sơn La", "").replace(" và Đắk Lắk", "").replace("Sơn La và ", ""), answers[:1])
    both = _features(text, answers)
    assert min(both.values()) < 1.0 and all(one[k] >= both[k] for k in IN_PLAN), text


def test_one_province_named_reads_its_first_plan_only():
    assert _features("Số trạm 5G trong khu công nghiệp Hà Nội là bao nhiêu?", ["hn", "sl"]) == {k: 1.0 for k in IN_PLAN}


@pytest.mark.parametrize("text", ["So sánh số trạm 5G trong khu công nghiệp Hà Nội và Nghệ An",
                                  "so sanh so tram 5G o KCN Ha Noi va Nghe An",
                                  "Đối chiếu số trạm 5G trong khu công nghiệp của Hà Nội với Nghệ An"])
def test_asking_to_compare_is_no_content_of_the_question(text):
    q = analyse(text, PLANS, [])
    assert not {"sanh", "chieu"} & set(q.key_tokens), q.key_tokens


def test_the_items_read_of_each_province_are_those_declared_per_plan():
    per_plan = {n for n, f in EVIDENCE.items() if f.per_plan}
    assert set(IN_PLAN) <= per_plan
    assert {"subject_in_plan", "document_in_plan", "unit_in_plan", "rarest_compound_in_plan"} <= per_plan
    assert "rare_words_found" not in per_plan and "place_agrees" not in per_plan  # of the best clause or the first plan
    assert not any(EVIDENCE[n].of_items for n in per_plan)  # a composite takes its items' values, read each their way


@pytest.mark.parametrize("per_plan, wanted", [(True, 0.0), (False, 1.0)])
def test_an_item_is_read_of_each_province_by_its_declaration_not_its_name(monkeypatch, per_plan, wanted):
    def first_plan_is_hanoi(ev, q, ranked):
        return 1.0 if CLAUSES[ranked[0][0]].doc_id == "hn" else 0.0

    monkeypatch.setitem(EVIDENCE, "probe", EvidenceFeature("probe", "", first_plan_is_hanoi, per_plan=per_plan))
    ev = Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for)  # type: ignore[arg-type]
    pos = {c.doc_id: i for i, c in enumerate(CLAUSES)}
    q = analyse("Số trạm 5G trong khu công nghiệp Hà Nội và Nghệ An là bao nhiêu?", PLANS, [], words=ev.words)
    assert ev.features(q, [(pos["hn"], 0.9, 1.0), (pos["na"], 0.8, 1.0)], ["probe"])[0] == wanted
