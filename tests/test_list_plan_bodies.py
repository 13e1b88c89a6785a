""""Which plans …" answers: each plan opens with its title line (`strategies.plans_first`), and what the plan says on
the subject follows. The abstention weighs the clauses found after the title lines, and each plan's body is composed
from them as any plan's answer is — a unit's own section heading found there ("6. Ban Quản lý khu Kinh tế", "11. Ban
Quản lý Khu kinh tế tỉnh", "3. Sở Tài chính") is quoted with the tasks it heads. Wordings modelled on the Đồng Tháp
roadmap for technology renewal, the Đồng Tháp plan for Nghị quyết 48/NQ-CP on the sea and the Hà Nội 5G plan,
rebuilt as small synthetic plans."""
from __future__ import annotations

from corpus.model import Clause, Document, Locality
from retrieval.answer import compose_by_plan
from retrieval.query import analyse
from retrieval.strategies import STRATEGIES, weighed_clauses
from tests.snippets import plan_clause

ORG = "V. TỔ CHỨC THỰC HIỆN"
PLANS = {
    "dmcn": ("THỰC HIỆN LỘ TRÌNH ĐỔI MỚI CÔNG NGHỆ ĐẾN NĂM 2035", "6. Ban Quản lý khu Kinh tế",
             ["- Phối hợp xây dựng hạ tầng số, cơ sở dữ liệu quản lý trong các khu công nghiệp, khu kinh tế.",
              "- Thu hút, kêu gọi đầu tư vào các dự án công nghệ cao trong khu công nghiệp."]),
    "bien": ("THỰC HIỆN NGHỊ QUYẾT SỐ 48/NQ-CP VỀ BIỂN VÀ HẢI ĐẢO", "11. Ban Quản lý Khu kinh tế tỉnh",
             ["- Quản lý chặt chẽ việc khai thác tài nguyên trong khu kinh tế ven biển.",
              "- Kiểm soát ô nhiễm môi trường tại các khu công nghiệp ven biển."]),
    "5g": ("PHÁT TRIỂN HẠ TẦNG 5G, IOT TRONG CÁC KHU CÔNG NGHIỆP", "3. Ban Quản lý các khu công nghiệp",
           ["- Bố trí mặt bằng lắp đặt trạm 5G trong khu công nghiệp."]),
}


def plans() -> tuple[dict[str, list[Clause]], dict[str, Document]]:
    out, docs = {}, {}
    for d, (title, unit, tasks) in PLANS.items():
        docs[d] = Document(id=d, source=f"{d}.md", title=title, kind="Kế hoạch", number=f"{len(docs) + 1}/KH-UBND",
                           issuer="Ủy ban nhân dân tỉnh", locality=Locality())
        out[d] = [plan_clause(d, 21, title, [], kind="header"),
                  plan_clause(d, 400, unit, [ORG], kind="heading", lead=unit.split(". ", 1)[1]),
                  *(plan_clause(d, 402 + 2 * i, t, [ORG, unit]) for i, t in enumerate(tasks))]
    return out, docs


def test_a_which_plans_answer_is_weighed_on_the_clauses_found_not_the_title_lines():
    by_doc, docs = plans()
    clauses = [c for cs in by_doc.values() for c in cs]
    pos = {c.id: i for i, c in enumerate(clauses)}
    titles = [(pos[f"{d}:0021"], 0.6 - 0.1 * i, 1.0) for i, d in enumerate(by_doc)]
    body = [(pos[f"{d}:0400"], 0.6 - 0.1 * i, 1.0) for i, d in enumerate(by_doc)]
    which = analyse("Ban Quản lý Khu kinh tế có nhiệm vụ trong những kế hoạch nào?", docs, [])
    assert weighed_clauses(which, titles + body, clauses) == body
    assert weighed_clauses(which, titles, clauses) == titles  # nothing found after them: the titles are all there is
    who = analyse("Ai chủ trì thu hút đầu tư vào khu công nghiệp?", docs, [])
    assert weighed_clauses(who, titles + body, clauses) == titles + body  # no plans asked: the order as ranked


def test_a_unit_heading_after_a_plans_title_is_quoted_with_the_tasks_it_heads():
    by_doc, docs = plans()
    q = analyse("Ban Quản lý Khu kinh tế có nhiệm vụ trong những kế hoạch nào?", docs, [])
    ranked = [(by_doc[d][0], 0.6 - 0.1 * i, 1.0) for i, d in enumerate(by_doc)]
    ranked += [(by_doc[d][1], 0.6 - 0.1 * i, 1.0) for i, d in enumerate(by_doc)]
    out = compose_by_plan(STRATEGIES["list"], q, ranked, docs, lambda d: by_doc[d])
    for d, (title, unit, tasks) in PLANS.items():
        assert title in out and unit in out
        for task in tasks:  # every plan's tasks for the unit, not its heading alone
            assert task in out
    assert out.index(PLANS["dmcn"][0]) < out.index(PLANS["dmcn"][1]) < out.index(PLANS["dmcn"][2][0])


def test_a_plan_found_by_its_title_alone_still_answers_with_it():
    by_doc, docs = plans()
    q = analyse("Những kế hoạch nào phát triển hạ tầng 5G trong khu công nghiệp?", docs, [])
    out = compose_by_plan(STRATEGIES["list"], q, [(by_doc["5g"][0], 0.6, 1.0)], docs, lambda d: by_doc[d])
    assert PLANS["5g"][0] in out
