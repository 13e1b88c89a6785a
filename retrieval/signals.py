"""The ranking signals, declared once: a name, a docstring that says why, and how it is read.

Each signal is a number per (question, candidate clause). The ranker (`retrieval.ranker`) weighs
them with weights learned on the development gold set; nothing here is a hand-set multiplier.
Question-aware signals are switched on by the question's strategy (`retrieval.strategies`): "the
clause carries a lead" only counts when the question asks who leads.
"""
from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

import numpy as np

from corpus.model import Clause
from retrieval.answer import states_amount
from retrieval.query import Question, folded
from retrieval.strategies import Strategy

if TYPE_CHECKING:
    from retrieval.search import Retriever


@dataclass
class Candidates:
    """One question's candidate clauses and what the two retrievers said about them."""

    retriever: "Retriever"
    q: Question
    strategy: Strategy
    positions: list[int]
    bm25: np.ndarray  # BM25 score per candidate (0 when it has none of the query's tokens)
    bm25_rank: np.ndarray  # 0-based rank among the searched clauses
    dense: np.ndarray  # cosine of query and passage
    dense_rank: np.ndarray

    def clause(self, i: int) -> Clause:
        return self.retriever.store.clauses[self.positions[i]]


@dataclass(frozen=True)
class Signal:
    name: str
    doc: str
    read: Callable[[Candidates, int], float]


SIGNALS: dict[str, Signal] = {}


def signal(fn: Callable[[Candidates, int], float]) -> Callable[[Candidates, int], float]:
    """Register a signal under its function's name, with its docstring as the reason."""
    SIGNALS[fn.__name__] = Signal(fn.__name__, inspect.getdoc(fn) or "", fn)
    return fn


def _rr(rank: float) -> float:
    return 1.0 / (1.0 + rank / 10.0)


# ------------------------------------------------------------------ what the retrievers said

@signal
def bm25_norm(c: Candidates, i: int) -> float:
    """BM25 score relative to the best candidate's: how well the clause's words match, per question."""
    top = float(c.bm25.max()) if len(c.bm25) else 0.0
    return float(c.bm25[i]) / top if top > 0 else 0.0


@signal
def bm25_rank(c: Candidates, i: int) -> float:
    """BM25 rank as 1/(1 + rank/10): the order matters more than the raw score's scale."""
    return _rr(float(c.bm25_rank[i]))


@signal
def dense_cos(c: Candidates, i: int) -> float:
    """Cosine of question and passage embeddings (passages carry plan title and headings)."""
    return float(c.dense[i])


@signal
def dense_gap(c: Candidates, i: int) -> float:
    """How far the cosine is below the best candidate's: e5 cosines sit in a narrow band per question."""
    return float(c.dense[i] - c.dense.max()) * 10.0


@signal
def dense_rank(c: Candidates, i: int) -> float:
    """Dense rank as 1/(1 + rank/10)."""
    return _rr(float(c.dense_rank[i]))


# ------------------------------------------------------------------ what the clause is

def _kind(kinds: tuple[str, ...]) -> Callable[[Candidates, int], float]:
    return lambda c, i: 1.0 if c.clause(i).kind in kinds else 0.0


@signal
def kind_heading(c: Candidates, i: int) -> float:
    """A heading: names a topic; cited for who leads a section, rarely the answer itself."""
    return _kind(("heading",))(c, i)


@signal
def kind_letterhead(c: Candidates, i: int) -> float:
    """Letterhead or signature lines (header, footer): answer only questions about the document itself."""
    return _kind(("header", "footer"))(c, i)


@signal
def kind_table_row(c: Candidates, i: int) -> float:
    """A table row (a task with its columns) or a table's header row."""
    return _kind(("table_row", "table_header"))(c, i)


@signal
def short_clause(c: Candidates, i: int) -> float:
    """Clauses under 40 characters say little on their own ("a) Về y tế"), however well they match."""
    return 1.0 if len(c.clause(i).text) < 40 else 0.0


# ------------------------------------------------------------------ what the question's words find

@signal
def coverage(c: Candidates, i: int) -> float:
    """Rarity-weighted share of the question's content words found in the clause, its facts and title."""
    return c.retriever.evidence.coverage(c.q, c.positions[i], list(c.q.key_tokens))


@signal
def pair_share(c: Candidates, i: int) -> float:
    """Rarity-weighted share of the question's word pairs ("tuổi thọ", "lượt khách") in the clause."""
    return c.retriever.evidence.pair_share(c.q, c.positions[i])


@signal
def phrase(c: Candidates, i: int) -> float:
    """Longest run of the question's words, pair by pair, in the clause, over the question's longest run."""
    longest = max((len(r) for r in c.q.content_runs), default=0)
    if longest < 2:
        return 0.0
    return c.retriever.evidence.longest_phrase(c.q, [(c.positions[i], 0.0, 0.0)]) / longest


@signal
def title_match(c: Candidates, i: int) -> float:
    """The question names the plan ("chương trình hành động", "kế hoạch CCHC"): share of its title's pairs."""
    got = len(c.q.all_bigrams & c.retriever.title_bigrams(c.clause(i).doc_id))
    return min(1.0, got / 4.0) if got >= 2 else 0.0


@signal
def place_match(c: Candidates, i: int) -> float:
    """The question names the plan's province or commune (a named commune also filters; a province only ranks)."""
    return 1.0 if c.retriever.place_named(c.q, c.clause(i).doc_id) else 0.0


@signal
def year_match(c: Candidates, i: int) -> float:
    """+1 when the clause (text, deadline, headings) states every year the question names, -1 when not."""
    if not c.q.years:
        return 0.0
    cl = c.clause(i)
    blob = folded(" ".join(filter(None, [cl.text, cl.deadline, cl.section])))
    return 1.0 if all(y in blob for y in c.q.years) else -1.0


# ------------------------------------------------------------------ the facts the question asks for

@signal
def lead_asked(c: Candidates, i: int) -> float:
    """Who leads is asked and the clause carries a lead the plan states (1) or one guessed from its topic (0.5)."""
    if not c.strategy.asks_lead(c.q):
        return 0.0
    cl = c.clause(i)
    return 0.0 if not cl.lead else 0.5 if (cl.lead_source is not None and cl.lead_source.inferred) else 1.0


@signal
def lead_missing(c: Candidates, i: int) -> float:
    """Who leads is asked and the clause has no lead at all."""
    return 1.0 if c.strategy.asks_lead(c.q) and not c.clause(i).lead else 0.0


@signal
def lead_maybe(c: Candidates, i: int) -> float:
    """"Đơn vị nào …" without a role word: a lead may answer it; weaker evidence than an explicit role."""
    return 1.0 if c.strategy.maybe_lead(c.q) and c.clause(i).lead else 0.0


@signal
def director_asked(c: Candidates, i: int) -> float:
    """The question asks who directs (chỉ đạo), or names the person, and the clause states a director."""
    cl = c.clause(i)
    if not cl.directed_by:
        return 0.0
    if c.strategy.asks_director(c.q):
        return 1.0
    return 1.0 if c.retriever.mentions_director(c.q, c.positions[i]) else 0.0


@signal
def target_asked(c: Candidates, i: int) -> float:
    """A figure is asked and the clause carries a parsed target (1) or an amount written in passing (0.5)."""
    if not c.strategy.asks_target(c.q):
        return 0.0
    cl = c.clause(i)
    return 1.0 if cl.target else 0.5 if states_amount(cl.text) else 0.0


@signal
def deadline_asked(c: Candidates, i: int) -> float:
    """When is asked and the clause carries a deadline (thời hạn)."""
    return 1.0 if c.strategy.asks_deadline(c.q) and c.clause(i).deadline else 0.0


@signal
def unit_leads(c: Candidates, i: int) -> float:
    """A unit's duties are asked and the clause is led by that unit (1 when it is the assigning heading)."""
    if not c.strategy.asks_unit_duties(c.q):
        return 0.0
    cl = c.clause(i)
    if not (cl.lead and c.q.unit_key in folded(cl.lead)):
        return 0.0
    return 1.0 if cl.kind == "heading" and not cl.lead_from_elsewhere else 0.7


@signal
def number_line(c: Candidates, i: int) -> float:
    """The plan's number is asked ("số hiệu", "kèm theo quyết định nào") and the clause is the line stating it."""
    if not c.q.asks_number:
        return 0.0
    cl = c.clause(i)
    return 1.0 if c.positions[i] in c.retriever.number_lines(cl.doc_id) else 0.0


_ROLE_ASSIGN = re.compile(r"to chuc thuc hien|phan cong|trach nhiem|nhiem vu cu the|giao nhiem vu")
_ROLE_TARGETS = re.compile(r"chi tieu|muc tieu")


@signal
def section_assigns(c: Candidates, i: int) -> float:
    """The clause sits in a section that assigns work (tổ chức thực hiện, phân công, trách nhiệm)."""
    return 1.0 if _ROLE_ASSIGN.search(folded(c.clause(i).section)) else 0.0


@signal
def section_targets_asked(c: Candidates, i: int) -> float:
    """A figure is asked and the clause sits under chỉ tiêu / mục tiêu."""
    if not c.strategy.asks_target(c.q):
        return 0.0
    return 1.0 if _ROLE_TARGETS.search(folded(c.clause(i).section)) else 0.0


def signal_names() -> list[str]:
    return list(SIGNALS)


def read_signals(c: Candidates, names: list[str]) -> np.ndarray:
    """The [candidates × signals] matrix, in the order of ``names``."""
    fns = [SIGNALS[n].read for n in names]
    out = np.zeros((len(c.positions), len(fns)), dtype=np.float64)
    for i in range(len(c.positions)):
        for j, fn in enumerate(fns):
            out[i, j] = fn(c, i)
    return out

