"""Questions across several named plans: each law a question names picks out its own plan, the evidence reads each
name in the plan that writes it, the ordering and the answer hear from every named plan, and a plan is named by its
number. Wordings from the TP.HCM Luật Việc làm plan, the Lai Châu Luật Tiêu chuẩn và quy chuẩn kỹ thuật plan and
the Thủ tướng's Luật Bảo vệ dữ liệu cá nhân plan, rebuilt as small synthetic plans."""
from __future__ import annotations

from dataclasses import replace

from corpus.model import Clause, Document, Locality
from retrieval.evidence import Evidence
from retrieval.query import analyse
from retrieval.strategies import each_place_first, strategy_for
from tests.snippets import EvidenceStore, OrderingRetriever, OrderingStore

VL, TC, DL = "vl", "tc", "dl"
TITLES = {VL: "TRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH",
          TC: "TRIỂN KHAI THI HÀNH LUẬT SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT TIÊU CHUẨN VÀ QUY CHUẨN KỸ THUẬT",
          DL: "TRIỂN KHAI THI HÀNH LUẬT BẢO VỆ DỮ LIỆU CÁ NHÂN"}
BODIES = {VL: ["8. Kiểm tra việc thi hành Luật Việc làm", "- Thời gian thực hiện: Năm 2026 và các năm tiếp theo."],
          TC: ["4. Phối hợp kiểm tra việc thi hành Luật", "- Thời gian thực hiện: Năm 2026 và các năm tiếp theo."],
          DL: ["8. Tổ chức kiểm tra việc thi hành Luật", "- Thời gian thực hiện: năm 2026 và các năm tiếp theo."]}
NUMBERS = {VL: "172/KH-UBND", TC: "263/KH-UBND", DL: "2138/QĐ-TTg"}
ISSUERS = {VL: "Ủy ban nhân dân Thành phố Hồ Chí Minh", TC: "Ủy ban nhân dân tỉnh Lai Châu", DL: "Thủ tướng Chính phủ"}


def three_plans() -> tuple[list[Clause], dict[str, Document]]:
    clauses, docs = [], {}
    for d in (VL, TC, DL):
        docs[d] = Document(id=d, source=f"{d}.md", title=TITLES[d], kind="Kế hoạch", number=NUMBERS[d],
                           issuer=ISSUERS[d], locality=Locality())
        clauses.append(Clause(id=f"{d}:1", doc_id=d, kind="header", label=None, section_path=[], text=TITLES[d],
                              source=f"{d}.md", lines=(20, 21)))
        for i, text in enumerate(BODIES[d]):
            clauses.append(Clause(id=f"{d}:{i + 2}", doc_id=d, kind="bullet", label=None,
                                  section_path=["II. NỘI DUNG"], text=text, source=f"{d}.md",
                                  lines=(100 + 10 * i, 100 + 10 * i)))
    return clauses, docs


ACROSS = ("Các kế hoạch triển khai thi hành Luật Việc làm, Luật Tiêu chuẩn và quy chuẩn kỹ thuật, Luật Bảo vệ dữ liệu "
          "cá nhân tổ chức kiểm tra việc thi hành luật từ năm nào?")


def evidence() -> tuple[Evidence, dict[str, Document]]:
    clauses, docs = three_plans()
    return Evidence(EvidenceStore(clauses, docs), strategy_for), docs


def test_each_law_named_picks_out_the_plan_whose_title_writes_it():
    ev, docs = evidence()
    q = analyse(ACROSS, docs, [], words=ev.words)
    got = dict(ev.subject_plans(q))
    assert {docs for docs in got.values()} == {frozenset({VL}), frozenset({TC}), frozenset({DL})}
    one = analyse("Luật Bảo vệ dữ liệu cá nhân kiểm tra từ năm nào?", docs, [], words=ev.words)
    assert [d for _, d in ev.subject_plans(one)] == [frozenset({DL})]  # the name runs on into "kiểm tra": its start counts


def test_a_name_every_plans_title_writes_picks_out_no_plan():
    ev, docs = evidence()
    q = analyse("Luật thi hành từ năm nào?", docs, [], words=ev.words)
    assert all(len(d) <= 1 for _, d in ev.subject_plans(q))  # "luật thi hành" is in every title: their genre
    assert not [s for s, d in ev.subject_plans(q) if s.startswith("luat thi")]


def test_each_law_named_is_read_in_the_answering_plan_that_writes_it():
    ev, docs = evidence()
    first = {d: next(i for i, c in enumerate(ev.store.clauses) if c.doc_id == d and c.kind == "bullet")
             for d in docs}
    names = ("luat viec lam", "luat bao ve du lieu ca nhan")
    across = [(first[VL], 0.5, 1.0), (first[DL], 0.4, 1.0)]
    assert ev.names_in_plan(names, across) == 1.0  # each law in its own plan: both named plans answer
    alone = [(first[VL], 0.5, 1.0), (first[TC], 0.4, 1.0)]
    assert ev.names_in_plan(names, alone) < 0.9  # no answering plan writes "Luật Bảo vệ dữ liệu cá nhân"
    assert ev.names_in_plan(("luat viec lam",), [(first[DL], 0.5, 1.0)]) < 0.5  # one name: as before


def ordering(q_subjects: tuple[tuple[str, frozenset[str]], ...]):
    clauses, docs = three_plans()
    ranges = {d: (i, i + 3) for i, d in zip((0, 3, 6), (VL, TC, DL))}
    r = OrderingRetriever(OrderingStore(clauses, ranges, docs))
    ev, _ = evidence()
    q = replace(analyse(ACROSS, docs, [], words=ev.words), subject_plans=q_subjects)
    return r, q


def test_each_named_law_answers_with_its_own_plans_best_clause():
    ev, docs = evidence()
    r, q = ordering(ev.subject_plans(analyse(ACROSS, docs, [], words=ev.words)))
    # Lai Châu's plan scores highest on several clauses; the other two laws' plans far below
    scored = [(4, 0.6, 0.8), (5, 0.5, 0.8), (3, 0.4, 0.7), (1, 0.05, 0.7), (8, 0.03, 0.7), (0, 0.02, 0.2)]
    got = each_place_first(r, q, scored)  # type: ignore[arg-type]
    assert {r.store.clauses[p].doc_id for p, _, _ in got[:3]} == {VL, TC, DL}
    assert sorted(got) == sorted(scored)


def test_one_law_named_keeps_the_rankers_order():
    r, q = ordering((("luat viec lam", frozenset({VL})),))
    scored = [(4, 0.6, 0.8), (5, 0.5, 0.8), (1, 0.05, 0.7)]
    assert each_place_first(r, q, scored) == scored  # type: ignore[arg-type]


def test_the_answer_speaks_for_each_named_law_and_names_each_plan_by_its_number():
    from retrieval.answer import compose_answer

    ev, docs = evidence()
    q = analyse(ACROSS, docs, [], words=ev.words)
    q = replace(q, subject_plans=ev.subject_plans(q))
    cs = ev.store.clauses
    ranked = [(cs[4], 0.6, 0.8), (cs[5], 0.5, 0.8), (cs[1], 0.05, 0.7), (cs[8], 0.03, 0.7)]
    out = compose_answer(strategy_for(q), q, ranked, docs)
    for d in (VL, TC, DL):
        assert NUMBERS[d] in out  # every named plan speaks, by its number, though two scored far lower
    assert "Thủ tướng Chính phủ (Kế hoạch 2138/QĐ-TTg)" in out
    unnamed = replace(q, subject_plans=())
    only = compose_answer(strategy_for(unnamed), unnamed, ranked, docs)
    assert NUMBERS[VL] not in only  # without the named laws, the low-scored plans stay out
