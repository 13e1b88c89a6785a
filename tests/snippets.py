"""Parse a few lines of Markdown as a plan, and find a clause by its words: how the reading tests
state a wording taken from a real plan without the whole plan. Also a small in-memory clause store, how the
evidence tests put a few clauses of several plans before the real `Evidence`, and the store and retriever the list
orderings read."""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field

import numpy as np

from corpus.model import Clause, Document, Locality, SourceText
from corpus.parse import parse_source
from corpus.text import ABBREVIATIONS, folded
from index.backend import BM25Statistics
from index.lookups import SyllableCounts
from index.text import fold, normalize


def parse_md(text: str):
    """The parsed plan of a Markdown snippet (leading and trailing blank lines dropped)."""
    return parse_source(SourceText("snippet.md", text.strip("\n").splitlines(), fmt="md"))


def clause(plan, start: str) -> Clause:
    """The first clause whose text opens with ``start``, else the first that contains it (a task's clause
    holds its attribute lines' text too); the failure lists what the plan has instead."""
    hits = [c for c in plan.clauses if c.text.startswith(start)] or [c for c in plan.clauses if start in c.text]
    assert hits, f"no clause with {start!r}: {[c.text[:50] for c in plan.clauses]}"
    return hits[0]


@dataclass
class EvidenceStore:
    """The parts of a clause store `Evidence` reads: clauses, plans and their ranges, abbreviations, df."""

    clauses: list[Clause]
    documents: dict[str, Document]
    abbreviations: dict[str, str] = field(default_factory=dict)
    embedded: list[str] = field(default_factory=list)  # the queries the dense reads were asked to embed

    @property
    def doc_ranges(self) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        for i, c in enumerate(self.clauses):
            a, _ = out.get(c.doc_id, (i, i))
            out[c.doc_id] = (a, i + 1)
        return out

    def bm25_statistics(self) -> BM25Statistics:
        return BM25Statistics(document_frequency={}, n_docs=len(self.clauses))

    def syllable_counts(self) -> SyllableCounts:
        """The plans' accented syllables, as an index build stores them (`index.lookups`)."""
        return SyllableCounts.of(c.text for c in self.clauses)

    def dense_scores_at(self, query: str, positions) -> np.ndarray:
        """The dense search's cosine of the query with the clauses at ``positions`` (`bag_of_words` standing in for
        the model); what it was asked to embed is kept in ``embedded``."""
        self.embedded.append(query)
        return self._vectors()[list(positions)] @ bag_of_words(query) if len(positions) else np.zeros(0)

    def dense(self, query: str, k: int = 10, doc_filter=None) -> list[tuple[int, float]]:
        """The dense search's top ``k`` clauses by that cosine, over the whole store."""
        self.embedded.append(query)
        sims = self._vectors() @ bag_of_words(query)
        return [(int(i), float(sims[i])) for i in np.argsort(-sims, kind="stable")[:k]]

    def _vectors(self) -> np.ndarray:
        return np.array([bag_of_words(" ".join([*c.section_path, c.text])) for c in self.clauses])


EMBEDDING_DIMENSIONS = 1024


def bag_of_words(text: str) -> np.ndarray:
    """A stand-in for the index's sentence embedding: the text's folded words, each hashed to one dimension, as a unit
    vector (what the evidence tests read is how the cosines are used, not the model)."""
    v = np.zeros(EMBEDDING_DIMENSIONS)
    for w in re.findall(r"\w+", fold(text)):
        v[zlib.crc32(w.encode()) % EMBEDDING_DIMENSIONS] += 1.0
    return v / (np.linalg.norm(v) or 1.0)


def read_evidence(ev, name: str, question: str, answer_lines: list[tuple[str, int]],
                  plans: dict[str, Document]) -> float:
    """The evidence item ``name`` of ``ev`` (an `Evidence` over an `EvidenceStore`) for ``question`` answered by
    the clauses at (plan, first line), best first — one item read as the abstention decision reads it."""
    from retrieval.evidence import EVIDENCE
    from retrieval.query import analyse

    pos = {(c.doc_id, c.lines[0]): i for i, c in enumerate(ev.store.clauses)}
    ranked = [(pos[k], 0.9 - 0.1 * i, 1.0) for i, k in enumerate(answer_lines)]
    q = analyse(question, plans, [], words=ev.words)
    return EVIDENCE[name].read(ev, q, ranked)

def plan_clause(doc: str, n: int, text: str, path: list[str], kind: str = "bullet", **kw) -> Clause:
    """A one-line clause of plan ``doc`` at line ``n`` under the headings ``path``."""
    return Clause(id=f"{doc}:{n:04d}", doc_id=doc, kind=kind, label=None, section_path=path, text=text,
                  source=f"{doc}.md", lines=(n, n), **kw)


def plans_of(*rows: tuple[str, str, str]) -> dict[str, Document]:
    """Plans by id from (id, title, province) rows: each a "Kế hoạch" of that province."""
    return {d: Document(d, f"{d}.md", title=title, kind="Kế hoạch", locality=Locality(province=province))
            for d, title, province in rows}


def duty_clause(doc: str, n: int, text: str, kind: str = "bullet", **kw) -> Clause:
    """A clause of plan ``doc`` at line ``n`` under "Tổ chức thực hiện"."""
    return plan_clause(doc, n, text, ["IV. TỔ CHỨC THỰC HIỆN"], kind, **kw)


@dataclass
class OrderingStore:
    """What the list orderings read of a store: the clauses by position, each plan's range and document."""
    clauses: list[Clause]
    doc_ranges: dict[str, tuple[int, int]] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)


class FoldedWords:
    """The evidence's word reader as the orderings use it: folded words of a text."""

    def words(self, text: str) -> list[str]:
        return re.findall(r"[a-z0-9]+", folded(text))

    def title_words(self, title: str) -> frozenset[str]:
        return frozenset(self.words(title))


@dataclass
class OrderingRetriever:
    """What the list orderings (`items_heading_first`, `each_place_first`) read of a retriever."""
    store: OrderingStore
    evidence: FoldedWords = field(default_factory=FoldedWords)


# Plans issued by ministries (the issuer typed as the letterhead reads), for the checks that a question naming a
# ministry names the plan's issuer (tests/test_issuer_words.py, tests/test_issuer_takes_part.py)
MINISTRY_PLANS = {
    "vh": Document("vh", "vh.md", title="Kế hoạch thực hiện Quy hoạch mạng lưới cơ sở văn hóa và thể thao",
                   kind="Kế hoạch", issuer="Bộ Văn Hóa, Thể Thao và Du Lịch"),
    "nn": Document("nn", "nn.md", title="Quyết định công bố thủ tục hành chính nội bộ", kind="Quyết định",
                   issuer="Bộ Nông Nghiệp và Môi Trường"),
    "ct": Document("ct", "ct.md", title="Kế hoạch phát triển thị trường trong nước", kind="Kế hoạch",
                   issuer="Bộ Công Thương"),
    "tg": Document("tg", "tg.md", title="Kế hoạch giáo dục quốc phòng và an ninh", kind="Kế hoạch",
                   issuer="Bộ Quốc Phòng"),
}


_LONG = {fold(normalize(k)): fold(normalize(v)) for k, v in ABBREVIATIONS.items()}


def unit_words(text: str) -> list[str]:
    """Folded words with the curated abbreviations as long forms (what `Evidence.words` does per index): the words
    the unit-matching tests give `units_named` and `unit_match`."""
    out: list[str] = []
    for w in re.findall(r"[a-z0-9&]+", fold(normalize(text))):
        out += _LONG.get(w, w).split() if w in _LONG else re.findall(r"[a-z0-9]+", w)
    return out


class EvenWords(FoldedWords):
    """Every word equally rare: the share of a title's words is a plain count."""

    def idf(self, word: str) -> float:
        return 1.0


def catalogue_of(text: str, documents: dict[str, Document]) -> tuple[str, ...]:
    """The documents `catalogue_plans` lists for ``text`` over ``documents`` (no clauses, every word equally rare)."""
    from retrieval.query import analyse
    from retrieval.catalogue import catalogue_plans

    r = OrderingRetriever(OrderingStore(clauses=[], documents=documents), EvenWords())
    return catalogue_plans(r, analyse(text, documents, []))


def bare_question(text: str):
    """A question read without an index (no plans, units or abbreviations known): type, words, slot, roles."""
    from retrieval.query import Question, answer_slot, asks_source, content_runs, key_words, question_type, role_flags
    from retrieval.query import folded as q_folded

    f = q_folded(text)
    tokens, pairs = key_words(content_runs(text, set(), None))
    return Question(text=text, folded=f, qtype=question_type(f), key_tokens=tokens, key_bigrams=pairs,
                    answer_slot=answer_slot(f), asks_source=asks_source(f), **role_flags(f)._asdict())


def row_clauses(doc: str, rows: list[tuple[str, str, list[str]]]) -> list[Clause]:
    """Plan ``doc`` from (kind, text, headings) rows, the ``i``-th on line 10·i."""
    return [Clause(id=f"{doc}:{i}", doc_id=doc, kind=kind, label=None, section_path=path, text=text,
                   source=f"{doc}.md", lines=(10 * i, 10 * i)) for i, (kind, text, path) in enumerate(rows)]


def spaced_clause(doc: str, i: int, kind: str, text: str, path: list[str], **facts) -> Clause:
    """The ``i``-th clause of plan ``doc``, on line 10·i + 10 under the headings ``path``."""
    return Clause(id=f"{doc}:{i}", doc_id=doc, kind=kind, label=None, section_path=path, text=text,
                  source=f"{doc}.md", lines=(10 * i + 10, 10 * i + 10), **facts)
