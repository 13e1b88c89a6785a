"""Question → ranked clauses → a cited answer, over one loaded index.

Candidates are the top clauses of BM25 and of the dense (e5) search; each is described by the
declared signals (`retrieval.signals`) and scored by the learned ranker (`retrieval.ranker`, weights
fitted on gold questions by `planqa train`). The question's strategy (`retrieval.strategies`) then
orders the result (a lead's source after the clause it governs, a unit's assignment before its tasks,
one clause per plan for lists). Whether the clauses found answer the question at all is
`retrieval.evidence`'s call with the learned abstention model; when they do not, the answer says the
plans do not cover it rather than quoting the nearest unrelated clause.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import numpy as np

from corpus.model import Clause, Document, FieldLine
from corpus.metadata import cited_number
from index.backend import BM25Scorer, ClauseStore, open_store
from retrieval.accents import AccentRestorer, typed_without_marks
from retrieval.answer import ANSWERING_COVERAGE, compose_answer
from retrieval.contract import (
    AskResponse,
    Citation,
    ClauseView,
    DocumentInfo,
    DocumentOutline,
    IndexInfo,
    LocalityModel,
    OutlineSection,
    Result,
    TargetModel,
)
from retrieval.evidence import Evidence
from retrieval.lead_source import deadline_source, lead_source
from retrieval.query import (LEVEL_WORDS, Question, analyse, capitalised_codes, document_facts_asked, folded, has_marks,
                             numbered_documents, word_pairs)
from retrieval.ranker import RankerModel, default_model_path
from retrieval.signals import Candidates, ClauseTable, clause_table, read_signals
from retrieval.catalogue import catalogue_plans
from retrieval.strategies import (LIST_PLAN_SHARE, PlanList, asks_plans, lead_segments, lead_units, strategy_for,
                                  unit_bodies, unit_known, weighed_clauses)

RETRIEVAL_MODES = ("hybrid", "dense", "bm25")  # how the retriever ranks: both retrievers fused, or either alone
CANDIDATES = 50  # from each retriever: the gold sets' relevant clauses sit within the top 50 of one of them
# how much the plans' words added for a question's everyday words (`Question.plan_words`) count in BM25 against the
# question's own words: a down-weighted expansion, so they widen what is found and the question's words still lead
EVERYDAY_WEIGHT = 0.5  # (the dense search does not embed them: measured, no gain, MRR lower on two sets)
MAX_LISTED = 8  # a unit's tasks shown right after the heading that assigns them
TITLE_PAIRS_NAMING = 2  # word pairs of one plan's title, shared by no other plan of the place, that name it
MAX_CITED_SOURCES = 12  # lead sources interleaved after the clauses they govern, up to this length
FOLLOWER_SCORE = 0.99  # a clause placed right after the one it goes with (the tasks under an assigning heading, a
# lead's source) shows that one's score a shade lower: the answer lists it second, never above it
DIRECTOR_SHARE = 0.5  # of the question's content words in a clause's director, for the question to name that person
PLACE_NAME_CHARS = 3  # a locality's or province's folded name shorter than this matches inside too many words
OUTLINE_LEADS = 3  # a section heading that names no lead shows the leads of its content, up to this many


class Retriever:
    """Loaded once per process; `ask` is thread-safe (the contract in `retrieval/__init__.py`).

    What it caches is a pure function of the immutable store: per-plan and per-clause facts are
    `functools.cached_property` tables over all plans (`clause_table`, what each clause is, for the
    signals); a lead's word runs, asked by lead, go through an `lru_cache` bounded by the number of
    units the plans name (`lead_segments`, over the typed `Clause.lead_units`). All of it lives on this object, so a reload that replaces
    the retriever lets the old index go.
    """

    def __init__(self, store: ClauseStore, ranker: RankerModel | None = None) -> None:
        self.store = store
        self.model = ranker if ranker is not None else RankerModel.load(default_model_path(store.model))
        # the evidence reads what a question's type asks through it, and the question as the dense search embeds it
        self.evidence = Evidence(store, strategy_for, self.dense_text)
        self.units = sorted({c.lead for c in store.clauses if c.lead} | {c.partners for c in store.clauses if c.partners})
        self.lead_units = lead_units(store.clauses)  # each lead with its units, as the corpus read them
        self.lead_segments = functools.lru_cache(maxsize=max(len(self.units), 1))(
            functools.partial(lead_segments, self.evidence.words))

    @classmethod
    def load(cls, index: Path | str, model: str | None = None, ranker: Path | str | None = None) -> "Retriever":
        """Open an index folder or a ``postgresql://`` DSN (the ranking does not know which) and the
        ranking model (default: the repo's, the one trained for the index's encoder)."""
        store = open_store(index, model=model)
        return cls(store, RankerModel.load(ranker or default_model_path(store.model)))

    def unit_listed(self, q: Question) -> bool:
        """The unit a duties question opens with that no plan names as a whole lead (`Question.unknown_unit`) is a unit
        of a lead's list in the plans of the place asked (`Clause.lead_units`, `strategies.unit_known`): "Hội Nông dân
        Sơn La …" with "…, Hội nông dân tỉnh, …"; or is named by everyday words whose plan words name one ("Đoàn thanh
        niên …": "đoàn thanh niên cộng sản hồ chí minh")."""
        leads = {lead: self.lead_units[lead] for lead in self.clauses_by_lead(q.doc_filter)}
        bodies = unit_bodies(leads, self.evidence.words)
        return any(unit_known(self.evidence.words(u), bodies) for u in (q.unknown_unit or "", *q.plan_words))

    def analyse(self, question: str, locality: str | None = None) -> Question:
        """The question read once (`retrieval.query.analyse`), codes the plans spell out written in full;
        of the named place's plans, the one the question names by its title's own words (`plan_named`); the laws
        and events it names with the plans whose titles write them (`Question.subject_plans`), and the plans it
        asks for by their titles and places (`Question.catalogue`)."""
        marked = has_marks(question)  # as typed: the codes spelled out below bring marks into an unmarked question
        question = self.evidence.spell_out_initials(capitalised_codes(question))
        q = analyse(question, self.store.documents, self.units, locality,
                    long_forms=self.evidence.long_forms, words=self.evidence.words, marked=marked)
        if q.unknown_unit and self.unit_listed(q):
            q = dataclasses.replace(q, unknown_unit=None)
        named = self.plan_numbered(q) or self.plan_named(q) or self.plan_citing(q)
        q = dataclasses.replace(q, doc_filter=frozenset({named})) if named else q
        q = dataclasses.replace(q, subject_plans=self.evidence.subject_plans(q))
        catalogue = catalogue_plans(self, q)
        # the plans the catalogue names are the answer, listed as such (`PlanList`), whatever the question's type read
        # from its wording ("tỉnh nào phát động …", "lần lượt do ai ban hành, số hiệu là gì")
        # — when it was read for a question not asking "which plans" (those keep the type their wording says)
        q = dataclasses.replace(q, catalogue=catalogue)
        return dataclasses.replace(q, qtype=PlanList.name) if catalogue and not asks_plans(q) else q

    def plan_numbered(self, q: Question) -> str | None:
        """The one document of the corpus whose own number the question names ("KH 982/KH-UBND",
        "QĐ 2954", "Kế hoạch 7360"), when the place it names (if any) admits it: the question is about
        that plan, its signature block, its sections, not a plan of the same place with another number."""
        found = numbered_documents(q.numbers_named, q.named_documents, self.store.documents)
        if len(found) != 1:
            return None
        (doc,) = found
        return doc if q.doc_filter is None or doc in q.doc_filter else None

    def plan_citing(self, q: Question) -> str | None:
        """The one plan whose title or references name the document the question names by number, when no document
        of the corpus has that number ("Kế hoạch thực hiện NQ 48/NQ-CP của Đồng Tháp số mấy?": the plan whose title
        and "Căn cứ Nghị quyết số 48/NQ-CP …" name it). Not for a question asking which plans: an act several plans
        cite is asked across them, and one that only one plan cites does not make the list one plan."""
        if not q.named_documents or strategy_for(q).gathers_tasks:
            return None
        docs = q.doc_filter if q.doc_filter is not None else self.store.documents
        found = {d for d in docs if any(name in self._cited_names[d] for name in self._name_patterns(q))}
        return next(iter(found)) if len(found) == 1 else None

    def _name_patterns(self, q: Question) -> tuple[str, ...]:
        """The named documents as their words are written in a plan, "số" allowed before the number."""
        return tuple(" " + n + " " for n in q.named_documents)

    @functools.cached_property
    def _cited_names(self) -> dict[str, str]:
        """Per plan, the folded words " a b " of its title and of the lines stating what it carries out and rests on
        (`Document.field_lines`), "số" before a number left out, as `named_documents` writes a document (read once per
        retriever: a method cache would keep every retriever alive)."""
        clauses = self.store.clauses
        out: dict[str, str] = {}
        for doc_id, doc in self.store.documents.items():
            texts = [doc.title or ""] + [clauses[p].text for p in self.reference_lines(doc_id, ("implements", "basis"))]
            words = re.findall(r"[a-z0-9]+", folded(" ".join(texts)))
            out[doc_id] = " " + " ".join(w for i, w in enumerate(words) if not (w == "so" and i + 1 < len(words)
                                                                                 and words[i + 1].isdigit())) + " "
        return out

    def plan_named(self, q: Question) -> str | None:
        """The one plan of the place named that the question names by words of its title no other plan
        of that place has in its title ("kế hoạch KT-XH" of a commune that also has a CCHC plan and a
        chương trình hành động): at least TITLE_PAIRS_NAMING word pairs, while the others have none.
        Words every plan's title has ("kế hoạch", "thực hiện") tell them apart not, so they never count."""
        if not q.doc_filter or len(q.doc_filter) < 2:
            return None
        # only among one place's own plans: a province's filter also keeps the national documents
        if len({self.store.documents[d].locality.label() for d in q.doc_filter} - {None, ""}) != 1 or not all(
                self.store.documents[d].locality.label() for d in q.doc_filter):
            return None
        shared = {d: q.all_bigrams & self.title_bigrams(d) for d in sorted(q.doc_filter)}
        own = {d: pairs - set().union(*(v for o, v in shared.items() if o != d)) for d, pairs in shared.items()}
        naming = [d for d, pairs in own.items() if len(pairs) >= TITLE_PAIRS_NAMING]
        if len(naming) == 1 and not any(own[d] for d in own if d != naming[0]):
            return naming[0]
        return None

    # -------------------------------------------------------------- candidates
    def candidates(self, q: Question, mode: str = "hybrid") -> Candidates | None:
        """The clauses worth scoring: BM25's and the dense search's top CANDIDATES (one of them for a
        baseline mode), plus, for a hybrid question, the clauses its facts point at (a named unit's
        tasks, the plan's number line, its signature block). None when the question names a place no plan is about.
        BM25 scores each clause once: the pool BM25 ranks (`sparse_pool`) with every other candidate, and each query
        text once (`question_bm25`)."""
        if q.doc_filter is not None and not q.doc_filter:
            return None
        doc_filter = set(q.doc_filter) if q.doc_filter else None
        store = self.store
        bm = self.question_bm25(q, doc_filter)
        pool = self.sparse_pool(bm) if mode in ("hybrid", "bm25") else []
        dense_text = self.dense_text(q)
        dense = [p for p, _ in store.dense(dense_text, CANDIDATES, doc_filter)] if mode in ("hybrid", "dense") else []
        strategy = strategy_for(q)
        extra: list[int] = []
        if mode == "hybrid":
            extra += strategy.extra_candidates(self, q, doc_filter)
            if q.asks_number or q.asks_reference or q.asks_period:
                for d in doc_filter or store.documents:
                    extra += self.document_fact_lines(q, d)
            if q.asks_signer:
                for d in doc_filter or store.documents:
                    extra += self.signature_lines(d)
        read = list(dict.fromkeys(pool + dense + extra))
        bm25 = dict(zip(read, self.sparse_scores_at(bm, read).tolist()))
        order = dict.fromkeys(self.sparse_ranked(bm, pool, bm25))
        bm_rank = {p: r for r, p in enumerate(order)}
        dense_rank = {p: r for r, p in enumerate(dense)}
        order.update(dict.fromkeys(p for p in dense + extra if p not in order))
        positions = list(order)
        return Candidates(self, q, strategy, positions,
                          bm25=np.array([bm25[p] for p in positions], dtype=np.float64),
                          bm25_rank=np.array([bm_rank.get(p, CANDIDATES) for p in positions], dtype=np.float64),
                          dense=store.dense_scores_at(dense_text, positions),
                          dense_rank=np.array([dense_rank.get(p, CANDIDATES) for p in positions], dtype=np.float64))

    def question_bm25(self, q: Question, doc_filter: set[str] | None) -> "QuestionBM25":
        """The question's BM25 scorers (`ClauseStore.bm25_scorer`): its own words, and the plans' words for its
        everyday words (`Question.plan_words`) when EVERYDAY_WEIGHT counts them, each scored once for all its reads."""
        own = self.store.bm25_scorer(q.text, doc_filter)
        everyday = (self.store.bm25_scorer(plan_words_text(q), doc_filter)
                    if q.plan_words and EVERYDAY_WEIGHT else None)
        return QuestionBM25(own, everyday)

    def sparse_top(self, q: Question, doc_filter: set[str] | None) -> list[int]:
        """BM25's top CANDIDATES for the question: its own words, and the plans' words for its everyday words
        (`Question.plan_words`) at EVERYDAY_WEIGHT, over the union of what either finds (`sparse_pool`)."""
        bm = self.question_bm25(q, doc_filter)
        pool = self.sparse_pool(bm)
        return self.sparse_ranked(bm, pool, dict(zip(pool, self.sparse_scores_at(bm, pool).tolist())))

    @staticmethod
    def sparse_pool(bm: "QuestionBM25") -> list[int]:
        """What BM25 finds for the question, best first: its own words' top CANDIDATES, then, for its everyday words
        (`Question.plan_words`, when EVERYDAY_WEIGHT counts them), the plans' words' top CANDIDATES not among those."""
        found = [p for p, _ in bm.own.top(CANDIDATES)]
        if bm.everyday is None:
            return found
        return list(dict.fromkeys(found + [p for p, _ in bm.everyday.top(CANDIDATES)]))

    @staticmethod
    def sparse_ranked(bm: "QuestionBM25", pool: list[int], scores: Mapping[int, float]) -> list[int]:
        """The pool (`sparse_pool`) as BM25 ranks it: as found for a question with no everyday words counted (the
        store's order), else by the question's BM25 (`sparse_scores_at`, read into ``scores``), the top
        CANDIDATES scoring above 0."""
        if bm.everyday is None:
            return pool
        ranked = sorted(pool, key=lambda p: (-scores[p], p))
        return [p for p in ranked[:CANDIDATES] if scores[p] > 0]

    @staticmethod
    def sparse_scores_at(bm: "QuestionBM25", positions: list[int]) -> np.ndarray:
        """BM25 of the question's own words plus EVERYDAY_WEIGHT × BM25 of the plans' words for its everyday ones."""
        scores = bm.own.at(positions)
        if bm.everyday is not None:
            scores = scores + EVERYDAY_WEIGHT * bm.everyday.at(positions)
        return scores

    def dense_text(self, q: Question) -> str:
        """What the dense search embeds: the question, its marks put back from the plans' words when it was
        typed without them (`retrieval.accents`; BM25 folds both sides and needs no such help), its abbreviations
        followed by their long forms (`Evidence.with_long_forms`; BM25 expands them both ways itself)."""
        text = self.accents.restore(q.text) if typed_without_marks(q.text) else q.text
        return self.evidence.with_long_forms(text)

    @functools.cached_property
    def accents(self) -> AccentRestorer:
        """The plans' accented forms of each folded syllable (`Evidence.syllable_counts`: the index's stored counts,
        or for an index or back end storing none read from the clauses once, about a second for 44 plans)."""
        return AccentRestorer(self.evidence.syllable_counts)

    def rank(self, q: Question, mode: str = "hybrid") -> list[tuple[int, float, float]]:
        """[(clause position, ranker probability, coverage)] best first.

        ``hybrid`` orders by the learned ranker, then as the question's strategy says; ``dense`` and
        ``bm25`` keep the plain retriever's order (the evaluation's baselines) but carry the same
        probabilities, so abstention and answers are judged alike in every mode."""
        cands = self.candidates(q, mode)
        if cands is None or not cands.positions:
            return []
        names = list(self.model.ranker.features)
        x = read_signals(cands, names)
        prob = self.model.ranker.probability(x)
        if "coverage" in names:
            cov = x[:, names.index("coverage")]
        else:
            cov = np.array([self.evidence.coverage(q, p, list(q.key_tokens)) for p in cands.positions])
        scored = [(p, float(prob[i]), float(cov[i])) for i, p in enumerate(cands.positions)]
        if mode == "hybrid":
            scored.sort(key=lambda t: (-t[1], t[0]))
            return self.tasks_for_their_lines(cands.strategy.order(self, q, scored))
        plain = cands.dense if mode == "dense" else cands.bm25
        keyed = sorted(range(len(scored)), key=lambda i: (-plain[i], scored[i][0]))
        return [scored[i] for i in keyed]

    @functools.cached_property
    def _task_of_line(self) -> dict[int, int]:
        return task_of_line(self.store.clauses, self.store.clause_index)

    def tasks_for_their_lines(self, scored: list[tuple[int, float, float]]) -> list[tuple[int, float, float]]:
        return tasks_for_their_lines(scored, self._task_of_line)

    def found(self, q: Question, ranked: list[tuple[int, float, float]]) -> bool:
        """The learned abstention decision over the declared evidence (`retrieval.evidence.EVIDENCE`)."""
        ranked = weighed_clauses(q, ranked, self.store.clauses)
        if self.evidence.vetoed(q, ranked):
            return False
        if strategy_for(q).settles(self, q):
            return True
        x = self.evidence.features(q, ranked, list(self.model.abstention.features))
        return bool(self.model.abstention.probability(x[None, :])[0] >= self.model.threshold)

    # -------------------------------------------------------------- ordering helpers (used by strategies)
    def localities(self, doc_filter: frozenset[str] | set[str] | None) -> set[str]:
        return {self.store.documents[d].locality.label() or d for d in doc_filter or ()}

    def one_per_plan_first(self, scored: list[tuple[int, float, float]]) -> list[tuple[int, float, float]]:
        """Lists and comparisons: each plan's best clause first, then the rest in score order."""
        if not scored:
            return scored
        top = scored[0][1]
        firsts: dict[str, tuple[int, float, float]] = {}
        for item in scored:
            doc = self.store.clauses[item[0]].doc_id
            if doc not in firsts and item[2] >= ANSWERING_COVERAGE and item[1] >= LIST_PLAN_SHARE * top:
                firsts[doc] = item
        head = list(firsts.values())
        return head + [item for item in scored if item not in head]

    def assignments_first(self, q: Question, scored: list[tuple[int, float, float]]) -> list[tuple[int, float, float]]:
        """Across plans, first the clause where each plan assigns the unit, then its duties."""
        firsts: dict[str, tuple[int, float, float]] = {}
        for item in scored:
            c = self.store.clauses[item[0]]
            if c.lead and not c.lead_from_elsewhere and q.unit_key in folded(c.lead) and q.unit_key in folded(c.text):
                # several rows may assign the unit: cite the plan's first one
                if c.doc_id not in firsts or item[0] < firsts[c.doc_id][0]:
                    firsts[c.doc_id] = item
        head = sorted(firsts.values(), key=lambda t: -t[1])
        if len(head) == 1:
            # one plan: the tasks listed under the assigning heading follow it, in the plan's order
            # ("5. Công an xã chủ trì …" then "(1) …", "(2) …")
            pos, score, cov = head[0]
            mine = [p for p in self.taking_lead_from(pos) if q.unit_key in folded(self.store.clauses[p].lead or "")]
            head += [(p, score * FOLLOWER_SCORE, cov) for p in mine[:MAX_LISTED]]
        seen = {item[0] for item in head}
        return head + [item for item in scored if item[0] not in seen]

    @functools.cached_property
    def _lead_takers(self) -> dict[int, list[int]]:
        """Source clause position → the clauses whose chủ trì was read from it, in plan order."""
        index: dict[int, list[int]] = {}
        for p, c in enumerate(self.store.clauses):
            src = self.store.clause_index.get(c.lead_source.clause_id) if c.lead_from_elsewhere else None
            if src is not None:
                index.setdefault(src, []).append(p)
        return index

    def taking_lead_from(self, pos: int) -> list[int]:
        """Clauses whose chủ trì was read from the clause at `pos` (a heading's items, a footer's section)."""
        return self._lead_takers.get(pos, [])

    def with_lead_sources(self, scored: list[tuple[int, float, float]]) -> list[tuple[int, float, float]]:
        """Cite where a lead is stated (footer, heading, assignment) right after the clause it governs."""
        out: list[tuple[int, float, float]] = []
        seen: set[int] = set()
        for pos, s, cov in scored:
            if pos in seen:
                continue
            out.append((pos, s, cov))
            seen.add(pos)
            c = self.store.clauses[pos]
            src = self.store.clause_index.get(c.lead_source.clause_id) if c.lead_from_elsewhere else None
            if src is not None and src not in seen and len(out) < MAX_CITED_SOURCES:
                out.append((src, s * FOLLOWER_SCORE, cov))
                seen.add(src)
        return out

    # -------------------------------------------------------------- per-clause / per-plan facts (used by signals)
    def mentions_director(self, q: Question, pos: int) -> bool:
        """Half the question's content words occur in the clause's director ("Bí thư Đảng ủy UBND xã là ai?"),
        and they add no "phó" the question lacks (a Phó Bí thư is not the Bí thư)."""
        mine = self._directors.get(pos, frozenset())
        key = [w for run in q.content_runs for w in run]
        if "pho" in mine and "pho" not in key:
            return False
        return bool(key) and sum(w in mine for w in key) / len(key) >= DIRECTOR_SHARE

    def number_lines(self, doc_id: str) -> tuple[int, ...]:
        """Header clauses that state the document's number ("Số: 08 - CTr/ĐUUB"): `Document.field_lines`."""
        return self._positions(f.clause_id for f in self.store.documents[doc_id].field_lines.number)

    def reference_lines(self, doc_id: str, roles: Iterable[str]) -> tuple[int, ...]:
        """The lines stating the plan's references of ``roles`` ("Căn cứ …", "Thực hiện Quyết định …", "Theo đề nghị
        của …", "Kế hoạch này thay thế …"), in the roles' order: `Document.field_lines`."""
        lines = self.store.documents[doc_id].field_lines
        return tuple(dict.fromkeys(p for role in roles for p in self._positions(f.clause_id for f in lines.references(role))))

    def document_fact_lines(self, q: Question, doc_id: str) -> tuple[int, ...]:
        """The lines stating what the question asks of the plan document itself (`query.document_facts_asked`): its
        number line ("số mấy"), with its place-and-date line when the date is asked too, and the lines of the
        references it asks (`Question.asks_reference`: what the plan carries out, rests on, replaces, or
        on whose proposal it was issued); its title line when its own period is asked (`Question.asks_period`)."""
        return self._positions(f.clause_id for f in document_facts_asked(q, self.store.documents[doc_id]))

    def signature_lines(self, doc_id: str) -> tuple[int, ...]:
        """The plan's signature block ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Hoàng Phú Hiền"): `Document.field_lines`."""
        return self._positions(f.clause_id for f in self.store.documents[doc_id].field_lines.signature)

    def field_line(self, line: FieldLine | None) -> int | None:
        """The position of a letterhead field's clause (`Document.field_lines`), None when the plan has none."""
        return self.store.clause_index.get(line.clause_id) if line is not None else None

    def _positions(self, clause_ids: Iterable[str]) -> tuple[int, ...]:
        index = self.store.clause_index
        return tuple(index[i] for i in clause_ids if i in index)

    @functools.cached_property
    def _lead_positions(self) -> dict[str, tuple[int, ...]]:
        """Each lead (the typed ``Clause.lead``) with the positions of the clauses it leads, in plan order."""
        index: dict[str, list[int]] = {}
        for p, c in enumerate(self.store.clauses):
            if c.lead:
                index.setdefault(c.lead, []).append(p)
        return {lead: tuple(ps) for lead, ps in index.items()}

    def clauses_by_lead(self, doc_filter: frozenset[str] | set[str] | None) -> dict[str, list[int]]:
        """Each lead with the clauses it leads, in ``doc_filter``'s plans if given, in plan order."""
        if not doc_filter:
            return {lead: list(ps) for lead, ps in self._lead_positions.items()}
        out: dict[str, list[int]] = {}
        for lead, ps in self._lead_positions.items():
            mine = [p for p in ps if self.store.clauses[p].doc_id in doc_filter]
            if mine:
                out[lead] = mine
        return out

    def title_bigrams(self, doc_id: str) -> frozenset[str]:
        """Word pairs of the plan's title and number, its own place and level words left out."""
        return self._title_pairs[doc_id]

    def place_named(self, q: Question, doc_id: str) -> bool:
        """The question names the plan's commune or province (folded, as whole words)."""
        keys = self._place_names[doc_id]
        return any(re.search(rf"(?<![a-z0-9]){re.escape(k)}(?![a-z0-9])", q.folded) for k in keys)

    # the per-clause and per-plan tables behind the facts above, each built once on first use
    @functools.cached_property
    def clause_table(self) -> ClauseTable:
        """What each clause is (kind, facts carried, section role), one array per property, for the signals."""
        return clause_table(self.store.clauses)

    @functools.cached_property
    def _directors(self) -> dict[int, frozenset[str]]:
        """Folded words of each clause's director (the person directing it), for clauses naming one."""
        return {p: frozenset(self.evidence.words(c.directed_by))
                for p, c in enumerate(self.store.clauses) if c.directed_by}

    @functools.cached_property
    def _title_pairs(self) -> dict[str, frozenset[str]]:
        """Per plan, the word pairs of its title and number without its own place and level words."""
        table: dict[str, frozenset[str]] = {}
        for doc_id, d in self.store.documents.items():
            drop = set(self.evidence.words(d.locality.label() or "")) | LEVEL_WORDS
            ws = [w for w in self.evidence.words(f"{d.title or ''} {d.number or ''}") if w not in drop]
            table[doc_id] = frozenset(word_pairs(ws))
        return table

    @functools.cached_property
    def _place_names(self) -> dict[str, tuple[str, ...]]:
        """Per plan, its commune's and province's folded names (PLACE_NAME_CHARS letters or more)."""
        return {doc_id: tuple(folded(n) for n in (d.locality.name, d.locality.province)
                              if n and len(n) >= PLACE_NAME_CHARS)
                for doc_id, d in self.store.documents.items()}

    def ask(self, question: str, top_k: int = 5, locality: str | None = None, offset: int = 0,
            mode: str = "hybrid") -> AskResponse:
        if mode not in RETRIEVAL_MODES:
            raise ValueError(f"mode must be one of {', '.join(RETRIEVAL_MODES)}")
        question = (question or "").strip()
        if not question:
            return AskResponse(question=question, found=False, answer=None, results=[])
        q = self.analyse(question, locality)
        ranked = self.rank(q, mode)
        found = self.found(q, ranked)
        strategy = strategy_for(q)
        cited = strategy.cited(self, q, ranked) if mode == "hybrid" else ranked
        window = cited[offset: offset + max(1, top_k)]
        results = [self.result(pos, score) for pos, score, _ in window]
        if not found:
            return AskResponse(question=question, found=False, answer=no_answer(q, self.store.documents), results=results)
        answer = compose_answer(strategy, q, [(self.store.clauses[p], s, cov) for p, s, cov in ranked[:max(10, top_k)]],
                                self.store.documents, self.evidence.words,
                                lambda d: self.store.clauses[slice(*self.store.doc_ranges.get(d, (0, 0)))])
        return AskResponse(question=question, found=True, answer=answer, results=results)

    # -------------------------------------------------------------- views
    def result(self, pos: int, score: float = 0.0) -> Result:
        c = self.store.clauses[pos]
        doc = self.store.documents[c.doc_id]
        return clause_result(c, doc, score)

    def documents(self) -> list[DocumentInfo]:
        counts: dict[str, int] = {}
        for c in self.store.clauses:
            counts[c.doc_id] = counts.get(c.doc_id, 0) + 1
        return [document_info(d, counts.get(d.id, 0)) for d in self.store.documents.values()]

    def outline(self, doc_id: str) -> DocumentOutline | None:
        doc = self.store.documents.get(doc_id)
        if doc is None:
            return None
        clauses = [c for c in self.store.clauses if c.doc_id == doc_id]
        sections = []
        for i, c in enumerate(clauses):
            if c.kind != "heading":
                continue
            lead = c.lead or _leads_within(clauses, i)
            sections.append(OutlineSection(
                clause_id=c.id, title=c.text if len(c.text) <= 160 else c.text[:159] + "…",
                depth=len(c.section_path), lines=list(c.lines), lead=lead, partners=c.partners,
                directed_by=c.directed_by))
        return DocumentOutline(document=document_info(doc, len(clauses)), sections=sections)

    def clause(self, clause_id: str) -> ClauseView | None:
        pos = self.store.clause_index.get(clause_id)
        if pos is None:
            return None
        c = self.store.clauses[pos]
        prev = self.result(pos - 1) if pos > 0 and self.store.clauses[pos - 1].doc_id == c.doc_id else None
        nxt = (self.result(pos + 1) if pos + 1 < len(self.store.clauses)
               and self.store.clauses[pos + 1].doc_id == c.doc_id else None)
        return ClauseView(result=self.result(pos), section_path=list(c.section_path), previous=prev, next=nxt)

    def info(self) -> IndexInfo:
        m = self.store.manifest
        return IndexInfo(model=m["model"], dimension=int(m["dimension"]), clause_count=len(self.store.clauses),
                         document_count=len(self.store.documents), built_at=str(m.get("built_at", "")),
                         format_version=int(m["format_version"]))


@dataclasses.dataclass(frozen=True)
class QuestionBM25:
    """One question's BM25 (`Retriever.question_bm25`): the scorer of its own words, and of the plans' words for its
    everyday words (None when it has none or EVERYDAY_WEIGHT is 0)."""
    own: BM25Scorer
    everyday: BM25Scorer | None


def plan_words_text(q: Question) -> str:
    """The plans' words for a question's everyday words as one query, a comma between phrases so that no word pair
    joins two of them."""
    return ", ".join(q.plan_words)


def task_of_line(clauses: Sequence[Clause], clause_index: Mapping[str, int]) -> dict[int, int]:
    """A task's attribute line → the position of the task's clause, which took it in: the typed `Clause.owning_task`
    the corpus stage writes (`corpus.structure.take_in_attribute_lines`)."""
    return {k: clause_index[c.owning_task] for k, c in enumerate(clauses)
            if c.owning_task is not None and c.owning_task in clause_index}


def tasks_for_their_lines(scored: list[tuple[int, float, float]], task_of: dict[int, int]
                          ) -> list[tuple[int, float, float]]:
    """A task's attribute line found is its task found: the result is the task's clause, which cites the task with
    its lead, partners and time together, at the place its best line or itself ranked, once."""
    out: list[tuple[int, float, float]] = []
    seen: set[int] = set()
    for pos, s, cov in scored:
        pos = task_of.get(pos, pos)
        if pos not in seen:
            seen.add(pos)
            out.append((pos, s, cov))
    return out


def _leads_within(clauses: list[Clause], i: int) -> str | None:
    """The units that lead a section's content, when its heading names none (at most OUTLINE_LEADS)."""
    depth = len(clauses[i].section_path)
    leads: list[str] = []
    for c in clauses[i + 1:]:
        if len(c.section_path) <= depth:
            break
        if c.lead and c.lead not in leads:
            leads.append(c.lead)
    return "; ".join(leads[:OUTLINE_LEADS]) + (" …" if len(leads) > OUTLINE_LEADS else "") if leads else None


def document_info(doc: Document, clause_count: int) -> DocumentInfo:
    loc = doc.locality
    return DocumentInfo(id=doc.id, source=doc.source, title=doc.title, kind=doc.kind, number=doc.number,
                        cited_number=cited_number(doc.number),
                        issuer=doc.issuer, locality=LocalityModel(level=loc.level, name=loc.name,
                                                                  province=loc.province, label=loc.label()),
                        date=doc.date, signer=doc.signer, clause_count=clause_count)


def clause_result(c: Clause, doc: Document, score: float) -> Result:
    cit = Citation(source=c.source, document=doc.title, doc_id=doc.id, clause_id=c.id,
                   locality=doc.locality.label(), section=c.section, label=c.label, lines=list(c.lines),
                   page=c.page, locator=c.locator, number=doc.number,
                   cited_number=cited_number(doc.number), kind=doc.kind)
    target = TargetModel(**c.target.to_dict()) if c.target else None
    return Result(text=c.text, score=round(float(score), 6), citation=cit, lead=c.lead, partners=c.partners,
                  directed_by=c.directed_by, target=target, deadline=c.deadline, product=c.product,
                  lead_source=lead_source(c), deadline_source=deadline_source(c))


def no_answer(q: Question, documents: dict[str, Document]) -> str:
    if q.unknown_unit:
        return f"Các kế hoạch hiện có không giao nhiệm vụ nào cho {q.unknown_unit}."
    if q.unknown_locality:
        known = ", ".join(sorted({d.locality.label() for d in documents.values() if d.locality.label()}))
        return (f"Không có kế hoạch nào của {q.unknown_locality} trong dữ liệu. "
                f"Các kế hoạch hiện có: {known}.")
    return "Các kế hoạch hiện có không đề cập nội dung này."
