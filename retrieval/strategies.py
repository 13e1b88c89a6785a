"""Question types as strategies: what each type changes, in one place per type.

A type changes three things and nothing else: which question-aware signals it switches on
(``asks_lead``, ``asks_target`` …, read by `retrieval.signals`), how the ranked clauses are ordered
after scoring (``order``: a lead's source after the clause it governs, a unit's assignment before its
tasks, one clause per plan first), and how the answer is composed (``pick`` the clause of a plan that
carries what is asked, ``line`` the way it is quoted, ``compose`` for a unit's duties). The learned
ranker's weights are the same for every type; a type only says which facts are *asked for*.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from corpus.model import Clause
from retrieval.answer import _facts, _quote, _who_line, cite, compose_by_plan, compose_duties, states_amount
from retrieval.query import Question

if TYPE_CHECKING:
    from corpus.model import Document
    from retrieval.search import Retriever

Scored = list[tuple[int, float, float]]  # (clause position, score, coverage), best first


class Strategy:
    """The default (a fact asked in words): nothing asked for, best clause first."""

    name: ClassVar[str] = "fact"

    def asks_lead(self, q: Question) -> bool:
        """The question wants who leads (chủ trì) — clauses carrying a lead answer it."""
        return False

    def maybe_lead(self, q: Question) -> bool:
        """"Đơn vị nào …" without a role word: a lead may be what is asked, or the text itself."""
        return False

    def asks_target(self, q: Question) -> bool:
        return False

    def asks_deadline(self, q: Question) -> bool:
        return False

    def asks_director(self, q: Question) -> bool:
        return False

    def asks_unit_duties(self, q: Question) -> bool:
        return False

    def order(self, r: "Retriever", q: Question, scored: Scored) -> Scored:
        """After scoring: a comparison across several named places shows each plan's best clause first."""
        if len(r.localities(q.doc_filter)) > 1:
            return r.one_per_plan_first(scored)
        return scored

    def pick(self, cs: list[Clause], q: Question) -> Clause:
        """The clause of one plan that carries what is asked (default: the best ranked)."""
        return cs[0]

    def line(self, c: Clause, q: Question) -> str:
        facts = _facts(c, q)
        return f"«{_quote(c.text, q)}»" + (f" — {facts}" if facts else "") + f" {cite(c)}"

    def adds(self, first: Clause, c: Clause, q: Question) -> bool:
        """Whether a plan's next clause is quoted too: it adds a lead or a figure the first lacks."""
        return bool((c.lead and not first.lead) or (c.target and not first.target))

    def compose(self, q: Question, ranked: list[tuple[Clause, float, float]],
                documents: dict[str, "Document"]) -> str:
        return compose_by_plan(self, q, ranked, documents)


class Fact(Strategy):
    name = "fact"

    def adds(self, first: Clause, c: Clause, q: Question) -> bool:
        return True  # an aim or a rule in words: the next clause usually continues it


class Who(Strategy):
    name = "who"

    def asks_lead(self, q: Question) -> bool:
        return q.explicit_role and not q.asks_director

    def maybe_lead(self, q: Question) -> bool:
        return not q.explicit_role and not q.asks_director

    def asks_director(self, q: Question) -> bool:
        return q.asks_director

    def order(self, r: "Retriever", q: Question, scored: Scored) -> Scored:
        return r.with_lead_sources(scored)

    def pick(self, cs: list[Clause], q: Question) -> Clause:
        if q.asks_director:
            return next((c for c in cs if c.directed_by), cs[0])
        if q.explicit_role:
            return next((c for c in cs if c.lead), cs[0])
        return cs[0]

    def line(self, c: Clause, q: Question) -> str:
        if q.explicit_role or q.asks_director or c.directed_by:
            return _who_line(c, q)
        return super().line(c, q)

    def adds(self, first: Clause, c: Clause, q: Question) -> bool:
        # "báo cáo lên những cơ quan nào": the answer is in the text, so the next clause may hold it
        return super().adds(first, c, q) or not q.explicit_role


class Target(Strategy):
    name = "target"

    def asks_target(self, q: Question) -> bool:
        return True

    def pick(self, cs: list[Clause], q: Question) -> Clause:
        if not cs[0].target and states_amount(cs[0].text):
            return cs[0]
        # a sentence states the figure with its unit; a table cell often only "> 90"
        return next((c for c in cs if c.target and c.kind != "table_row"), next((c for c in cs if c.target), cs[0]))


class When(Strategy):
    name = "when"

    def asks_deadline(self, q: Question) -> bool:
        return True

    def pick(self, cs: list[Clause], q: Question) -> Clause:
        return next((c for c in cs if c.deadline), cs[0])

    def line(self, c: Clause, q: Question) -> str:
        if c.deadline:
            facts = _facts(c, q)
            return f"Thời hạn: {c.deadline}. «{_quote(c.text, q)}»" + (f" ({facts})" if facts else "") + f" {cite(c)}"
        return super().line(c, q)


class Duties(Strategy):
    name = "duties"

    def asks_unit_duties(self, q: Question) -> bool:
        return q.unit_key is not None

    def order(self, r: "Retriever", q: Question, scored: Scored) -> Scored:
        if q.unit_key:
            return r.assignments_first(q, scored)
        return super().order(r, q, scored)

    def compose(self, q: Question, ranked: list[tuple[Clause, float, float]],
                documents: dict[str, "Document"]) -> str:
        if q.unit_key:
            out = compose_duties(q, [c for c, _, _ in ranked])
            if out:
                return out
        return super().compose(q, ranked, documents)


class PlanList(Target):
    """"Những xã nào …", "so sánh …": one clause per plan, the figures each plan sets."""

    name = "list"

    def order(self, r: "Retriever", q: Question, scored: Scored) -> Scored:
        return r.one_per_plan_first(scored)

    def adds(self, first: Clause, c: Clause, q: Question) -> bool:
        return True


STRATEGIES: dict[str, Strategy] = {s.name: s for s in (Fact(), Who(), Target(), When(), Duties(), PlanList())}


def strategy_for(q: Question) -> Strategy:
    """The strategy of the question's type (the analysis names the type, `retrieval.query._TYPES`)."""
    return STRATEGIES[q.qtype]
