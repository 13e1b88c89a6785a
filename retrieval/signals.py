"""The ranking signals, declared once: a name, a docstring that says why, and how it is read.

Each signal is a number per (question, candidate clause). The ranker (`retrieval.ranker`) weighs
them with weights learned on the development gold set; nothing here is a hand-set multiplier.
Question-aware signals are switched on by the question's strategy (`retrieval.strategies`): "the
clause carries a lead" only counts when the question asks who leads.

A signal reads the whole candidate set at once and returns one number per candidate (numpy over the
~100 candidates of a question): what a clause is (kind, facts carried, section role) is read once per
index into `ClauseTable`, so per question only the word matches are computed clause by clause.
"""
from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from corpus.model import Clause
from corpus.structure import APPENDIX_NAME, appendix_key
from corpus.timing import answers_time, sets_no_time
from corpus.text import ASSIGNING_SECTION
from retrieval.answer import states_amount
from retrieval.query import Question, folded, word_pairs
from retrieval.strategies import Strategy

if TYPE_CHECKING:
    from retrieval.search import Retriever


@dataclass(frozen=True)
class ClauseTable:
    """What each clause of an index is, one array per property, indexed by clause position: read once."""

    heading: np.ndarray
    letterhead: np.ndarray
    table_row: np.ndarray
    short: np.ndarray
    has_lead: np.ndarray
    lead_inferred: np.ndarray
    directed: np.ndarray
    has_target: np.ndarray
    states_amount: np.ndarray
    has_deadline: np.ndarray
    deadline_written: np.ndarray  # the clause's thời hạn is read from its own lines, not taken from another clause
    deadline_kinds: tuple[frozenset[str], ...]  # the kinds of time its thời hạn states (`Clause.deadline_kinds`)
    time_titled: np.ndarray  # a "Thời gian thực hiện" heading, or a clause right under one (`time_title`)
    section_assigns: np.ndarray
    section_targets: np.ndarray
    appendix: tuple[str | None, ...]  # the appendix / form the clause lies under ("phu luc 2"), or None


def appendices_named(q: Question) -> frozenset[str]:
    """The appendices / forms the question names ("Theo Phụ lục 02 …", "Mẫu biểu 01"), as `appendix_label` keys."""
    return frozenset(appendix_key(m) for m in APPENDIX_NAME.finditer(q.folded))


# a heading that titles the time of what it heads: "1. Thời gian thực hiện", "V. THỜI GIAN VÀ TRÁCH NHIỆM THỰC
# HIỆN", "3. Tiến độ thực hiện", "IV. LỘ TRÌNH THỰC HIỆN", "Thời hạn hoàn thành" (numbering and bold marks aside)
_TIME_TITLE = re.compile(r"^(?:[ivxl]+|\d+(?:\.\d+)*|[a-z])?[.)]?\s*(?:thoi gian|thoi han|tien do|lo trinh)\b")


def carries_time(c: Clause) -> bool:
    """The clause carries a thời hạn that sets a time: a "Không quy định" (`sets_no_time`) answers "trong bao lâu" of
    its procedure but sets none — counted as one, a procedure sheet's every step and heading would look like a task
    with the time asked."""
    return bool(c.deadline) and not sets_no_time(c.deadline_kinds)


def time_title(c: Clause) -> bool:
    """The clause states the time of its part of the plan: a heading titled by time ("1. Thời gian thực hiện"),
    or a clause whose innermost heading is one ("Đợt thi đua được triển khai thực hiện từ ngày ban hành …")."""
    # a numbered item labelled with the time ("2. Thời gian thực hiện: Từ tháng 10/2025 đến khi …") states it too
    titled = c.kind == "heading" or (c.kind == "item" and c.labelled_fields[:1] == ("deadline",)
                                     and not sets_no_time(c.deadline_kinds))
    own = titled and bool(_TIME_TITLE.match(folded(c.text).strip("* ")))
    return own or bool(c.section_path and _TIME_TITLE.match(folded(c.section_path[-1]).strip("* ")))


SHORT_CLAUSE = 40  # characters: a clause shorter than this says little on its own ("a) Về y tế")
RANK_SCALE = 10.0  # a rank is read as 1/(1 + rank/RANK_SCALE): the first ten places stay well apart, the tail flat
DENSE_GAP_SCALE = 10.0  # e5 cosines of one question's candidates sit within about 0.1: the gap scaled to about 1
TITLE_PAIRS_MIN = 2  # a plan's title shares at least this many word pairs with the question to count as named
TITLE_PAIRS_FULL = 4.0  # ... and this many name it for certain (a share of 1)
INFERRED_LEAD = 0.5  # a lead guessed from the clause's topic answers "who leads" half as well as one the plan states
AMOUNT_IN_PASSING = 0.5  # an amount written in a clause's words answers a figure half as well as a parsed target
LED_TASK = 0.7  # a task led by the unit asked, under it rather than the heading assigning it (which counts 1)
_ROLE_TARGETS = re.compile(r"chi tieu|muc tieu")


def clause_table(clauses: Sequence[Clause]) -> ClauseTable:
    """The per-clause properties the signals read, for one index's clause snapshot. Read once per index
    by its owner (`Retriever.clause_table`), so the table goes when a reload replaces the index."""

    def arr(fn: Callable[[Clause], bool | float]) -> np.ndarray:
        return np.fromiter((float(fn(c)) for c in clauses), dtype=np.float64, count=len(clauses))

    return ClauseTable(
        heading=arr(lambda c: c.kind == "heading"),
        letterhead=arr(lambda c: c.kind in ("header", "footer")),
        table_row=arr(lambda c: c.kind in ("table_row", "table_header")),
        short=arr(lambda c: len(c.text) < SHORT_CLAUSE),
        has_lead=arr(lambda c: bool(c.lead)),
        lead_inferred=arr(lambda c: c.lead_source is not None and c.lead_source.inferred),
        directed=arr(lambda c: bool(c.directed_by)),
        has_target=arr(lambda c: c.target is not None and bool(c.target)),
        states_amount=arr(lambda c: states_amount(c.text)),
        has_deadline=arr(carries_time),
        deadline_written=arr(lambda c: carries_time(c) and c.deadline_source is not None
                             and c.deadline_source.clause_id == c.id),
        deadline_kinds=tuple(frozenset(c.deadline_kinds) for c in clauses),
        time_titled=arr(time_title),
        section_assigns=arr(lambda c: bool(ASSIGNING_SECTION.search(folded(c.section)))),
        section_targets=arr(lambda c: bool(_ROLE_TARGETS.search(folded(c.section)))),
        appendix=tuple(c.appendix for c in clauses),
    )


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

    @cached_property
    def at(self) -> np.ndarray:
        """The candidates' clause positions as an index array."""
        return np.asarray(self.positions, dtype=np.int64)

    @property
    def table(self) -> ClauseTable:
        return self.retriever.clause_table

    def prop(self, name: str) -> np.ndarray:
        """A `ClauseTable` property of every candidate."""
        return getattr(self.table, name)[self.at]

    def per_doc(self, fn: Callable[[str], float]) -> np.ndarray:
        """A value that depends only on the candidate's plan, computed once per plan."""
        clauses = self.retriever.store.clauses
        seen: dict[str, float] = {}
        out = np.zeros(len(self.positions))
        for i, p in enumerate(self.positions):
            d = clauses[p].doc_id
            if d not in seen:
                seen[d] = fn(d)
            out[i] = seen[d]
        return out

    def zeros(self) -> np.ndarray:
        return np.zeros(len(self.positions))


@dataclass(frozen=True)
class Signal:
    name: str
    doc: str
    read: Callable[[Candidates], np.ndarray]


SIGNALS: dict[str, Signal] = {}


def signal(fn: Callable[[Candidates], np.ndarray]) -> Callable[[Candidates], np.ndarray]:
    """Register a signal under its function's name, with its docstring as the reason."""
    SIGNALS[fn.__name__] = Signal(fn.__name__, inspect.getdoc(fn) or "", fn)
    return fn


def _rr(rank: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + rank / RANK_SCALE)


# ------------------------------------------------------------------ what the retrievers said

@signal
def bm25_norm(c: Candidates) -> np.ndarray:
    """BM25 score relative to the best candidate's: how well the clause's words match, per question."""
    top = float(c.bm25.max()) if len(c.bm25) else 0.0
    return c.bm25 / top if top > 0 else c.zeros()


@signal
def bm25_rank(c: Candidates) -> np.ndarray:
    """BM25 rank as 1/(1 + rank/10): the order matters more than the raw score's scale."""
    return _rr(np.asarray(c.bm25_rank, dtype=np.float64))


@signal
def dense_cos(c: Candidates) -> np.ndarray:
    """Cosine of question and passage embeddings (passages carry plan title and headings)."""
    return np.asarray(c.dense, dtype=np.float64)


@signal
def dense_gap(c: Candidates) -> np.ndarray:
    """How far the cosine is below the best candidate's: e5 cosines sit in a narrow band per question."""
    return (c.dense - c.dense.max()) * DENSE_GAP_SCALE


@signal
def dense_rank(c: Candidates) -> np.ndarray:
    """Dense rank as 1/(1 + rank/10)."""
    return _rr(np.asarray(c.dense_rank, dtype=np.float64))


# ------------------------------------------------------------------ what the clause is

@signal
def kind_heading(c: Candidates) -> np.ndarray:
    """A heading: names a topic; cited for who leads a section, rarely the answer itself."""
    return c.prop("heading")


@signal
def kind_letterhead(c: Candidates) -> np.ndarray:
    """Letterhead or signature lines (header, footer): answer only questions about the document itself."""
    return c.prop("letterhead")


@signal
def kind_table_row(c: Candidates) -> np.ndarray:
    """A table row (a task with its columns) or a table's header row."""
    return c.prop("table_row")


@signal
def short_clause(c: Candidates) -> np.ndarray:
    """Clauses under 40 characters say little on their own ("a) Về y tế"), however well they match."""
    return c.prop("short")


# ------------------------------------------------------------------ what the question's words find

@signal
def coverage(c: Candidates) -> np.ndarray:
    """Rarity-weighted share of the question's content words found in the clause, its facts and title."""
    ev, key = c.retriever.evidence, list(c.q.key_tokens)
    if not key:
        return np.ones(len(c.positions))
    idf = [ev.idf(t) for t in key]
    total = sum(idf)
    if not total:
        return np.ones(len(c.positions))
    out = c.zeros()
    for i, p in enumerate(c.positions):
        have = ev.found_tokens(c.q, p)  # a time asked counts as found where the clause states one of its kind
        out[i] = sum(w for t, w in zip(key, idf) if t in have) / total
    return out


@signal
def pair_share(c: Candidates) -> np.ndarray:
    """Rarity-weighted share of the question's word pairs ("tuổi thọ", "lượt khách") in the clause."""
    ev, pairs = c.retriever.evidence, c.q.key_bigrams
    if not pairs:
        return c.zeros()
    weight = [sum(ev.idf(w) for w in b.split()) for b in pairs]
    total = sum(weight)
    if not total:
        return c.zeros()
    out = c.zeros()
    for i, p in enumerate(c.positions):
        have = ev.clause_bigrams(p)
        out[i] = sum(w for b, w in zip(pairs, weight) if b in have) / total
    return out


@signal
def phrase(c: Candidates) -> np.ndarray:
    """Longest run of the question's words, pair by pair, in the clause, over the question's longest run."""
    longest = max((len(r) for r in c.q.content_runs), default=0)
    if longest < 2:
        return c.zeros()
    runs = [word_pairs(run) for run in c.q.content_runs]
    ev = c.retriever.evidence
    out = c.zeros()
    for i, p in enumerate(c.positions):
        have = ev.clause_bigrams(p)
        best = 1
        for pairs in runs:
            n = 1
            for pair in pairs:
                n = n + 1 if pair in have else 1
                best = max(best, n)
        out[i] = best / longest
    return out


@signal
def title_match(c: Candidates) -> np.ndarray:
    """The question names the plan ("chương trình hành động", "kế hoạch CCHC"): share of its title's pairs."""
    def share(doc_id: str) -> float:
        got = len(c.q.all_bigrams & c.retriever.title_bigrams(doc_id))
        return min(1.0, got / TITLE_PAIRS_FULL) if got >= TITLE_PAIRS_MIN else 0.0
    return c.per_doc(share)


@signal
def place_match(c: Candidates) -> np.ndarray:
    """The question names the plan's province or commune (a named commune also filters; a province only ranks)."""
    return c.per_doc(lambda d: 1.0 if c.retriever.place_named(c.q, d) else 0.0)


@signal
def year_match(c: Candidates) -> np.ndarray:
    """+1 when the clause (text, deadline, headings) states every year the question names, -1 when not."""
    if not c.q.years:
        return c.zeros()
    out = c.zeros()
    for i in range(len(c.positions)):
        cl = c.clause(i)
        blob = folded(" ".join(filter(None, [cl.text, cl.deadline, cl.section])))
        out[i] = 1.0 if all(y in blob for y in c.q.years) else -1.0
    return out


@signal
def appendix_named(c: Candidates) -> np.ndarray:
    """The question names an appendix or form ("Theo Phụ lục 02", "Mẫu biểu 01") and the clause lies under it
    (the typed `Clause.appendix` the corpus sets)."""
    named = appendices_named(c.q)
    if not named:
        return c.zeros()
    at = c.table.appendix
    return np.fromiter((1.0 if at[p] in named else 0.0 for p in c.positions),
                       dtype=np.float64, count=len(c.positions))


# ------------------------------------------------------------------ the facts the question asks for

@signal
def lead_asked(c: Candidates) -> np.ndarray:
    """Who leads is asked and the clause carries a lead the plan states (1) or one guessed from its topic (0.5)."""
    if not c.strategy.asks_lead(c.q):
        return c.zeros()
    return np.where(c.prop("has_lead") > 0, np.where(c.prop("lead_inferred") > 0, INFERRED_LEAD, 1.0), 0.0)


@signal
def lead_missing(c: Candidates) -> np.ndarray:
    """Who leads is asked and the clause has no lead at all."""
    return 1.0 - c.prop("has_lead") if c.strategy.asks_lead(c.q) else c.zeros()


@signal
def lead_maybe(c: Candidates) -> np.ndarray:
    """"Đơn vị nào …" without a role word: a lead may answer it; weaker evidence than an explicit role."""
    return c.prop("has_lead") if c.strategy.maybe_lead(c.q) else c.zeros()


@signal
def director_asked(c: Candidates) -> np.ndarray:
    """The question asks who directs (chỉ đạo), or names the person, and the clause states a director."""
    directed = c.prop("directed")
    if c.strategy.asks_director(c.q):
        return directed
    out = c.zeros()
    for i in np.flatnonzero(directed):
        out[i] = 1.0 if c.retriever.mentions_director(c.q, c.positions[i]) else 0.0
    return out


@signal
def target_asked(c: Candidates) -> np.ndarray:
    """A figure is asked and the clause carries a parsed target (1) or an amount written in passing (0.5)."""
    if not c.strategy.asks_target(c.q):
        return c.zeros()
    return np.where(c.prop("has_target") > 0, 1.0, np.where(c.prop("states_amount") > 0, AMOUNT_IN_PASSING, 0.0))


@signal
def deadline_asked(c: Candidates) -> np.ndarray:
    """When is asked and the clause carries a deadline (thời hạn)."""
    return c.prop("has_deadline") if c.strategy.asks_deadline(c.q) else c.zeros()


@signal
def deadline_written_asked(c: Candidates) -> np.ndarray:
    """When is asked and the clause is where its thời hạn is written ("- Thời gian thực hiện: Năm 2026 và các năm
    tiếp theo", a stage's own period), not a heading or task that takes it from such a line (`DeadlineSource`):
    the line that states the time is the one to cite."""
    return c.prop("deadline_written") if c.strategy.asks_deadline(c.q) else c.zeros()


@signal
def time_kind_asked(c: Candidates) -> np.ndarray:
    """When is asked for a kind of time ("giai đoạn nào", "bắt đầu từ khi nào", "lúc nào kết thúc", "bao lâu một
    lần", "trong mấy ngày": `Question.time_asked`) and the clause's thời hạn is of that kind (`Clause.deadline_kinds`,
    `corpus.timing.answers_time`: a start and an end answer "từ khi nào đến khi nào"):
    "Giai đoạn 2025 - 2030" answers "giai đoạn nào", "Hằng năm" does not; a stage heading does not answer "bao lâu
    một lần". 0 when no kind is asked."""
    asked = frozenset(c.q.time_asked)
    if not asked or not c.strategy.asks_deadline(c.q):
        return c.zeros()
    kinds = c.table.deadline_kinds
    return np.fromiter((1.0 if answers_time(kinds[p], asked) else 0.0 for p in c.positions),
                       dtype=np.float64, count=len(c.positions))


@signal
def time_section_asked(c: Candidates) -> np.ndarray:
    """When is asked and the clause states the time of its part of the plan (`time_title`): the heading "1. Thời
    gian thực hiện" or what it heads ("Đợt thi đua được triển khai thực hiện từ ngày ban hành Kế hoạch đến khi …").
    A campaign's or a plan's period is written there once, in words the question rarely shares."""
    return c.prop("time_titled") if c.strategy.asks_deadline(c.q) else c.zeros()


@signal
def unit_leads(c: Candidates) -> np.ndarray:
    """A unit's duties are asked and the clause is led by that unit (1 when it is the assigning heading)."""
    if not c.strategy.asks_unit_duties(c.q):
        return c.zeros()
    out = c.zeros()
    for i in np.flatnonzero(c.prop("has_lead")):
        cl = c.clause(i)
        if c.q.unit_key in folded(cl.lead):
            out[i] = 1.0 if cl.kind == "heading" and not cl.lead_from_elsewhere else LED_TASK
    return out


def _plan_lines(c: Candidates, asked: bool, lines_of) -> np.ndarray:
    """1 for a candidate among the lines `lines_of(doc_id)` gives for its plan, when the question asks for them."""
    out = c.zeros()
    if asked:
        for i, p in enumerate(c.positions):
            out[i] = 1.0 if p in lines_of(c.clause(i).doc_id) else 0.0
    return out


@signal
def number_line(c: Candidates) -> np.ndarray:
    """A fact of the plan document itself is asked and the clause is the line stating it: its number ("số hiệu",
    "kèm theo quyết định nào"), or a document it carries out, rests on, replaces, or was proposed by ("thực hiện quyết
    định nào", "thay thế kế hoạch nào", "theo đề nghị của cơ quan nào": `Retriever.document_fact_lines`), or the
    title stating its own period ("Kế hoạch … áp dụng cho những năm nào": `Question.asks_period`)."""
    return _plan_lines(c, c.q.asks_number or bool(c.q.asks_reference) or c.q.asks_period,
                       lambda d: c.retriever.document_fact_lines(c.q, d))


@signal
def signer_line(c: Candidates) -> np.ndarray:
    """Who signed the plan is asked ("do ai ký") and the clause is its signature block (the signer's name)."""
    return _plan_lines(c, c.q.asks_signer, c.retriever.signature_lines)


@signal
def section_assigns(c: Candidates) -> np.ndarray:
    """The clause sits in a section that assigns work (tổ chức thực hiện, phân công, trách nhiệm)."""
    return c.prop("section_assigns")


@signal
def section_targets_asked(c: Candidates) -> np.ndarray:
    """A figure is asked and the clause sits under chỉ tiêu / mục tiêu."""
    return c.prop("section_targets") if c.strategy.asks_target(c.q) else c.zeros()


def signal_names() -> list[str]:
    return list(SIGNALS)


def read_signals(c: Candidates, names: list[str]) -> np.ndarray:
    """The [candidates × signals] matrix, in the order of ``names``: each signal over all candidates at once."""
    out = np.zeros((len(c.positions), len(names)), dtype=np.float64)
    if len(c.positions):
        for j, n in enumerate(names):
            out[:, j] = SIGNALS[n].read(c)
    return out
