"""A "which plans" question answered by what the plans' clauses say cites each plan's title line followed by the clause
that answers for it, not every plan's title first (they filled the results and pushed out every clause saying it);
a question asking for the plans by their titles keeps its titles first. "Những tỉnh nào đã ban hành kế hoạch …" asks
for the plans as "Những tỉnh nào ban hành kế hoạch …" does. A who question naming several laws hears from each one's
plan first. Wordings from the Đồng Tháp plan on chuyển đổi số in giao thông (its "4. Sở Nông nghiệp và Môi trường"),
the Nghệ An 5G, IoT plan ("2. Ban Quản lý Khu kinh tế Đông Nam"), the Đồng Tháp lộ trình đổi mới công nghệ plan
("6. Ban Quản lý khu Kinh tế") and the thi đua plans of Nghệ An and Đắk Lắk, rebuilt as small synthetic plans."""
from __future__ import annotations

from dataclasses import dataclass, replace

from corpus.model import Clause, Document, Locality
from retrieval.query import analyse
from retrieval.catalogue import catalogue_plans
from retrieval.strategies import STRATEGIES, asks_plans, titles_with_evidence
from tests.snippets import EvenWords, OrderingRetriever, OrderingStore

GT, KT, CN = "gt", "kt", "cn"
TITLES = {GT: "CHUYỂN ĐỔI SỐ TRONG HOẠT ĐỘNG XÂY DỰNG, QUẢN LÝ, KHAI THÁC KẾT CẤU HẠ TẦNG GIAO THÔNG",
          KT: "PHÁT TRIỂN HỆ THỐNG SÓNG VIỄN THÔNG 5G, INTERNET VẠN VẬT (IOT) TẠI CÁC KHU CÔNG NGHIỆP",
          CN: "THỰC HIỆN LỘ TRÌNH ĐỔI MỚI CÔNG NGHỆ ĐẾN NĂM 2035 ĐỐI VỚI CÁC NGÀNH KINH TẾ MŨI NHỌN"}
UNITS = {GT: "4. Ban Quản lý Khu kinh tế", KT: "2. Ban Quản lý Khu kinh tế Đông Nam", CN: "6. Ban Quản lý khu Kinh tế"}


def plans() -> tuple[list[Clause], dict[str, Document]]:
    """Each plan: its place-and-date line, its title line, the heading of the unit's duties and one duty."""
    clauses: list[Clause] = []
    docs: dict[str, Document] = {}
    for d in (GT, KT, CN):
        docs[d] = Document(id=d, source=f"{d}.md", title=TITLES[d], kind="Kế hoạch", locality=Locality())
        rows = [("header", "Đồng Tháp, ngày 20 tháng 11 năm 2025", []), ("header", TITLES[d], []),
                ("heading", UNITS[d], ["V. TỔ CHỨC THỰC HIỆN"]),
                ("bullet", "- Chủ trì theo dõi, đôn đốc việc triển khai trong khu kinh tế.",
                 ["V. TỔ CHỨC THỰC HIỆN", UNITS[d]])]
        for i, (kind, text, path) in enumerate(rows):
            clauses.append(Clause(id=f"{d}:{i}", doc_id=d, kind=kind, label=None, section_path=path, text=text,
                                  source=f"{d}.md", lines=(10 * i + 10, 10 * i + 10)))
    return clauses, docs


def retriever() -> tuple[OrderingRetriever, dict[str, Document]]:
    clauses, docs = plans()
    ranges = {d: (4 * i, 4 * i + 4) for i, d in enumerate((GT, KT, CN))}
    return OrderingRetriever(OrderingStore(clauses, ranges, docs), EvenWords()), docs


def pos(d: str, i: int) -> int:
    return 4 * (GT, KT, CN).index(d) + i


def test_plans_found_by_their_clauses_cite_each_title_followed_by_its_best_clause():
    r, docs = retriever()
    q = analyse("Những kế hoạch nào giao nhiệm vụ cho Ban Quản lý khu kinh tế?", docs, [])
    assert asks_plans(q)
    titles = [(pos(d, 1), s, 1.0) for d, s in ((GT, 0.5), (KT, 0.4), (CN, 0.3))]
    clauses = [(pos(d, 2), s, 1.0) for d, s in ((GT, 0.5), (KT, 0.4), (CN, 0.3))]
    rest = [(pos(GT, 3), 0.2, 1.0), (pos(KT, 3), 0.1, 1.0)]
    got = titles_with_evidence(r, q, titles + clauses + rest)  # type: ignore[arg-type]
    assert got == [titles[0], clauses[0], titles[1], clauses[1], titles[2], clauses[2]] + rest
    # the unit's heading of every plan is within the first six results, not behind three titles
    assert all(t in got[:6] for t in clauses)


def test_the_line_stating_where_a_plan_was_issued_stays_with_its_title():
    r, docs = retriever()
    q = analyse("Những kế hoạch nào giao việc cho Ban Quản lý Khu kinh tế?", docs, [])
    head = [(pos(GT, 0), 0.5, 1.0), (pos(GT, 1), 0.5, 1.0), (pos(CN, 0), 0.3, 1.0), (pos(CN, 1), 0.3, 1.0)]
    found = [(pos(CN, 2), 0.3, 1.0), (pos(GT, 3), 0.25, 1.0), (pos(GT, 2), 0.2, 1.0)]
    got = titles_with_evidence(r, q, head + found)  # type: ignore[arg-type]
    assert got == [head[0], head[1], found[1], head[2], head[3], found[0], found[2]]  # each plan's best: first found


def test_plans_asked_for_by_their_titles_keep_every_title_first():
    r, docs = retriever()
    q = analyse("Có những kế hoạch nào phát triển hệ thống sóng viễn thông 5G tại các khu công nghiệp?", docs, [])
    q = replace(q, catalogue=catalogue_plans(r, q))  # as `Retriever.analyse` reads it once
    ranked = [(pos(KT, 1), 0.6, 1.0), (pos(GT, 1), 0.2, 1.0), (pos(KT, 3), 0.6, 1.0)]
    assert titles_with_evidence(r, q, ranked) == ranked  # type: ignore[arg-type]  # the catalogue's titles answer


def test_a_question_not_asking_for_plans_keeps_the_ranked_order():
    r, docs = retriever()
    q = analyse("Ban Quản lý Khu kinh tế Đông Nam có nhiệm vụ gì?", docs, [])
    ranked = [(pos(KT, 1), 0.6, 1.0), (pos(GT, 1), 0.2, 1.0), (pos(KT, 2), 0.6, 1.0)]
    assert not asks_plans(q)
    assert titles_with_evidence(r, q, ranked) == ranked  # type: ignore[arg-type]


def test_a_tense_word_before_the_verb_still_asks_which_plans():
    docs: dict[str, Document] = {}
    for text in ("Những tỉnh nào đã ban hành kế hoạch thi đua lập thành tích chào mừng Đại hội XIV của Đảng?",
                 "Tỉnh nào cũng có kế hoạch phát triển hạ tầng 5G, IoT trong khu công nghiệp?",
                 "Những địa phương nào đang ban hành kế hoạch chuyển đổi số giao thông?",
                 "Những tỉnh nào ban hành kế hoạch thi đua chào mừng Đại hội XIV?"):
        assert asks_plans(analyse(text, docs, [])), text
    assert not asks_plans(analyse("Sở Nội vụ đã hướng dẫn khen thưởng đợt thi đua thế nào?", docs, []))


@dataclass
class LeadRetriever(OrderingRetriever):
    """An ordering retriever whose tasks take no lead from elsewhere (`with_lead_sources` keeps the order)."""

    def with_lead_sources(self, scored):
        return scored


def test_a_who_question_naming_several_plans_hears_from_each_first():
    clauses, docs = plans()
    ranges = {d: (4 * i, 4 * i + 4) for i, d in enumerate((GT, KT, CN))}
    r = LeadRetriever(OrderingStore(clauses, ranges, docs), EvenWords())
    q = analyse("Kế hoạch chuyển đổi số giao thông và kế hoạch 5G khu công nghiệp giao đơn vị nào chủ trì?", docs, [])
    q = replace(q, qtype="who", subject_plans=(("chuyen doi so", frozenset({GT})), ("5g", frozenset({KT}))))
    # the 5G plan's clauses score highest several times over; the other named plan's below all of them
    scored = [(pos(KT, 2), 0.6, 0.8), (pos(KT, 3), 0.5, 0.8), (pos(CN, 3), 0.3, 0.8), (pos(GT, 3), 0.05, 0.7)]
    got = STRATEGIES["who"].order(r, q, scored)  # type: ignore[arg-type]
    assert {r.store.clauses[p].doc_id for p, _, _ in got[:2]} == {GT, KT}
    assert sorted(got) == sorted(scored)
    alone = replace(q, subject_plans=())
    assert STRATEGIES["who"].order(r, alone, scored) == scored  # type: ignore[arg-type]  # one plan asked: as ranked
