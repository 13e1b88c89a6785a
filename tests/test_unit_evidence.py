"""Evidence that the unit a question names takes part in the answer's task: a plan that gives its tasks to
others, or states a task with its lead alone, does not answer "X được giao gì" / "ai phối hợp với X"."""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.model import Clause
from retrieval.evidence import EVIDENCE
from retrieval.query import AnswerSlot, Question, folded, role_flags
from retrieval.strategies import strategy_for


@dataclass
class _Store:
    clauses: list[Clause]


@dataclass
class _Evidence:
    """What the features read: the index's clauses by position, and folded words with the one abbreviation
    these wordings use written out (`Evidence.words` reads the index's table)."""
    store: _Store

    def words(self, text: str) -> list[str]:
        return re.findall(r"[a-z0-9]+", folded(re.sub(r"(?i)\bubnd\b", "ủy ban nhân dân", text)))

    def named_plans(self, q: Question) -> None:
        """These wordings name no plan: the duties count in any plan (`Evidence.named_plans`)."""
        return None

    def strategy_of(self, q: Question):
        """The question's type, as the retriever hands it to the evidence (`Evidence.strategy_of`)."""
        return strategy_for(q)


def clause(n: int, text: str, doc: str = "d", **kw) -> Clause:
    return Clause(id=f"{doc}:{n:04d}", doc_id=doc, kind="bullet", label=None, section_path=["IV. TỔ CHỨC THỰC HIỆN"],
                  text=text, source=f"{doc}.md", lines=(n, n), **kw)


def _read(name: str, q: Question, clauses: list[Clause]) -> float:
    ranked = [(i, 1.0 - 0.1 * i, 1.0) for i in range(len(clauses))]
    return EVIDENCE[name].read(_Evidence(_Store(clauses)), q, ranked)  # type: ignore[arg-type]


def _question(text: str, qtype: str, unit_key: str | None, slot: AnswerSlot | None = None) -> Question:
    return Question(text=text, folded=folded(text), qtype=qtype, unit_key=unit_key, answer_slot=slot,
                    **role_flags(folded(text))._asdict())


def test_a_unit_whose_duties_are_asked_must_lead_or_coordinate_an_answer_clause():
    q = _question("Công an Thành phố được giao nhiệm vụ gì?", "duties", "cong an thanh pho")
    others = [clause(345, "4. Các Sở, ban, ngành của Thành phố, UBND phường, xã",
                     lead="Các Sở, ban, ngành của Thành phố, UBND phường, xã"),
              clause(348, "- Phối hợp tổ chức thực hiện kế hoạch.", lead="Các Sở, ban, ngành của Thành phố")]
    assert _read("unit_in_answer", q, others) == 0.0
    ours = [clause(428, "5. Công an Tỉnh", doc="g", lead="Công an Tỉnh")]
    assert _read("unit_in_answer", q, ours) == 1.0
    partner = [clause(371, "- Phối hợp Công an Thành phố bảo đảm an ninh mạng.", lead="Sở Xây dựng",
                      partners="Công an Thành phố")]
    assert _read("unit_in_answer", q, partner) == 1.0


def test_partners_asked_of_a_named_units_task_must_be_stated_in_that_task():
    slot = AnswerSlot("partners")
    q = _question("Ai phối hợp với Công an tỉnh trong xử lý vi phạm giao thông?", "who", "cong an tinh", slot)
    lead_alone = [clause(430, "- Chủ trì ứng dụng công nghệ số trong xử lý vi phạm giao thông.", lead="Công an Tỉnh"),
                  clause(371, "- Phối hợp Sở Khoa học và Công nghệ đề xuất ứng dụng GIS.", lead="Sở Xây dựng",
                         partners="Sở Khoa học và Công nghệ")]
    assert _read("partners_in_answer", q, lead_alone) == 0.0
    stated = [clause(430, "- Chủ trì, phối hợp với Sở Xây dựng xử lý vi phạm giao thông.", lead="Công an Tỉnh",
                     partners="Sở Xây dựng")]
    assert _read("partners_in_answer", q, stated) == 1.0


def test_which_unit_asked_names_no_unit_and_other_questions_are_not_judged():
    slot = AnswerSlot("partners")
    # "Cơ quan nào phối hợp …": "cơ quan" is what is asked, not a unit named
    q = _question("Cơ quan nào phối hợp khảo sát hạ tầng viễn thông?", "who", "co quan", slot)
    task = [clause(442, "2. Khảo sát hạ tầng viễn thông.", lead="Ban Quản lý các khu công nghiệp",
                   partners="Sở Công Thương")]
    assert _read("partners_in_answer", q, task) == 1.0
    assert _read("unit_in_answer", _question("Ai chủ trì khảo sát?", "who", None), task) == 1.0


def test_a_unit_named_by_its_abbreviation_takes_part_where_the_plan_spells_it_out():
    # Sơn La: "Ủy ban nhân dân các xã, phường"; Đồng Tháp: "Ủy ban nhân dân các xã: Gia Thuận, …"; TP.HCM: "UBND
    # phường, xã" — the question's "UBND xã" is the same authority
    q = _question("UBND xã, phường ở Sơn La phải làm gì để thúc đẩy xuất khẩu?", "duties", "ubnd xa,")
    for lead in ("Ủy ban nhân dân các xã, phường", "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền",
                 "UBND phường, xã"):
        assert _read("unit_in_answer", q, [clause(610, "10. " + lead, lead=lead)]) == 1.0, lead
    assert _read("unit_in_answer", q, [clause(600, "9. Sở Công Thương", lead="Sở Công Thương")]) == 0.0
