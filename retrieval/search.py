"""Question → ranked clauses → a cited answer, over one loaded index.

Dense (e5) and BM25 candidates are fused by reciprocal rank, then re-ranked by
what the question asks (who leads → clauses that carry a lead; how much → clauses
with a target; when → clauses with a deadline). Whether the clauses found
answer the question at all is `retrieval.evidence`'s call; when they do not,
the answer says the plans do not cover it rather than quoting the nearest
unrelated clause.
"""
from __future__ import annotations

import re
import threading
from pathlib import Path

from corpus.model import Clause, Document
from index.backend import ClauseStore, open_store
from retrieval.answer import compose_answer, states_amount
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
from retrieval.evidence import Evidence, word_pairs
from retrieval.lead_source import lead_source
from retrieval.query import Question, analyse, folded

MODES = ("hybrid", "dense", "bm25")
CANDIDATES = 60
RRF_K = 60
DENSE_WEIGHT = 0.5  # relative to BM25 in the rank fusion
MAX_LISTED = 8  # a unit's tasks shown right after the heading that assigns them
_LEVEL_WORDS = {"xa", "phuong", "thi", "tran", "tinh", "thanh", "pho"}
_ASKS_NUMBER = re.compile(r"\bso hieu\b|\bso may\b|\bky hieu\b|\bquyet dinh nao\b|\bkem theo\b|\bso bao nhieu\b|\bngay ban hanh\b|\bban hanh ngay\b")


def _kind_weight(c: Clause) -> float:
    return {"header": 0.35, "footer": 0.2, "table_header": 0.2, "heading": 0.8}.get(c.kind, 1.0)


class Retriever:
    """Loaded once per process; `ask` is thread-safe (read-only state, locked caches)."""

    def __init__(self, store: ClauseStore) -> None:
        self.store = store
        self._lock = threading.Lock()
        self.evidence = Evidence(store)
        # dict assignment is atomic, so threads may race to fill this harmlessly
        self._director_cache: dict[int, set[str]] = {}
        self._number_cache: dict[str, list[int]] = {}
        self._lead_source_index: dict[int, list[int]] | None = None
        self.units = sorted({c.lead for c in store.clauses if c.lead} | {c.partners for c in store.clauses if c.partners})

    @classmethod
    def load(cls, index: Path | str, model: str | None = None) -> "Retriever":
        """Open an index folder or a ``postgresql://`` DSN; the ranking does not know which."""
        return cls(open_store(index, model=model))

    # -------------------------------------------------------------- helpers
    def _director_words(self, pos: int) -> set[str]:
        got = self._director_cache.get(pos)
        if got is None:
            got = self._director_cache[pos] = set(self.evidence.words(self.store.clauses[pos].directed_by or ""))
        return got

    # -------------------------------------------------------------- search
    def _candidates(self, q: Question, mode: str, doc_filter: set[str] | None) -> dict[int, float]:
        fused: dict[int, float] = {}
        text = q.text
        if mode in ("hybrid", "dense"):
            weight = DENSE_WEIGHT if mode == "hybrid" else 1.0
            for rank, (pos, _) in enumerate(self.store.dense(text, CANDIDATES, doc_filter)):
                fused[pos] = fused.get(pos, 0.0) + weight / (RRF_K + rank)
        if mode in ("hybrid", "bm25"):
            for rank, (pos, _) in enumerate(self.store.sparse(text, CANDIDATES, doc_filter)):
                fused[pos] = fused.get(pos, 0.0) + 1.0 / (RRF_K + rank)
        return fused

    def rank(self, q: Question, mode: str = "hybrid") -> list[tuple[int, float, float]]:
        """[(clause position, score, coverage)] best first."""
        doc_filter = q.doc_filter if q.doc_filter else None
        if q.doc_filter is not None and not q.doc_filter:
            return []
        fused = self._candidates(q, mode, doc_filter)
        if mode != "hybrid":
            # baselines: the plain retriever's order, nothing question-aware on top
            key = self.evidence.key_tokens(q)
            plain = [(pos, s, self.evidence.coverage(q, pos, key)) for pos, s in fused.items()]
            plain.sort(key=lambda t: (-t[1], t[0]))
            return plain
        if q.qtype == "duties" and q.unit_key:
            for pos in self._led_by(q.unit_key, doc_filter):
                fused[pos] = fused.get(pos, 0.0) + 1.0 / RRF_K
        asks_number = bool(_ASKS_NUMBER.search(q.folded))
        if asks_number:
            # "số hiệu", "kèm theo quyết định nào": the header line that carries the plan's number,
            # too short to be found by its words; the plan's title in the question picks the plan
            best = max(fused.values(), default=1.0 / RRF_K)
            for doc_id in doc_filter or self.store.documents:
                for pos in self._number_lines(doc_id):
                    fused[pos] = max(fused.get(pos, 0.0), best)
        key = self.evidence.key_tokens(q)
        scored = []
        for pos, s in fused.items():
            c = self.store.clauses[pos]
            cov = self.evidence.coverage(q, pos, key)
            w = _kind_weight(c) * (0.5 + cov)
            if q.qtype == "who":
                strong = 1.0 if q.explicit_role else 0.35  # "đơn vị nào" alone may not ask who leads
                if c.directed_by and (q.asks_director or self._mentions(q, self._director_words(pos))):
                    w *= 1.6
                elif q.asks_director:
                    w *= 0.8
                elif c.lead:
                    w *= 1 + strong * (0.35 if not c.lead_from_elsewhere else 0.2)
                else:
                    w *= 1 - strong * 0.25
            elif q.qtype == "target":
                # a parsed target first; an amount written in passing ("đã quy hoạch 4,6 ha") still answers
                w *= 1.35 if c.target else 1.2 if states_amount(c.text) else 0.8
            elif q.qtype == "when":
                w *= 1.3 if c.deadline else 0.85
            elif q.qtype == "duties" and q.unit_key:
                if c.lead and q.unit_key in folded(c.lead):
                    # the heading that states the unit's lead ("1. Phòng Kinh tế xã chủ trì, ...") first
                    w *= 2.0 if (c.kind == "heading" and not c.lead_from_elsewhere) else 1.5
                else:
                    w *= 0.7
            if c.kind == "header" and asks_number:
                # the number line itself is the answer, not a header to play down
                w *= 3.0 / _kind_weight(c) if pos in self._number_lines(c.doc_id) else 3.0
            w *= self._title_boost(q, c.doc_id)
            if q.years:
                blob = folded(" ".join(filter(None, [c.text, c.deadline, c.section])))
                w *= 1.15 if all(y in blob for y in q.years) else 0.9
            scored.append((pos, s * w, cov))
        scored.sort(key=lambda t: (-t[1], t[0]))
        if q.qtype == "who":
            scored = self._with_lead_sources(scored)
        elif q.qtype == "duties" and q.unit_key:
            scored = self._assignments_first(q, scored)
        elif q.qtype == "list" or len(self._localities(q.doc_filter)) > 1:
            scored = self._one_per_plan_first(scored)
        return scored

    def _localities(self, doc_filter: set[str] | None) -> set[str]:
        return {self.store.documents[d].locality.label() or d for d in doc_filter or ()}

    def _one_per_plan_first(self, scored: list[tuple[int, float, float]]) -> list[tuple[int, float, float]]:
        """Lists and comparisons: each plan's best clause first, then the rest in score order."""
        if not scored:
            return scored
        top = scored[0][1]
        firsts: dict[str, tuple[int, float, float]] = {}
        for item in scored:
            doc = self.store.clauses[item[0]].doc_id
            if doc not in firsts and item[2] >= 0.5 and item[1] >= 0.45 * top:
                firsts[doc] = item
        head = list(firsts.values())
        return head + [item for item in scored if item not in head]

    def _assignments_first(self, q: Question, scored: list[tuple[int, float, float]]) -> list[tuple[int, float, float]]:
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
            mine = [p for p in self._taking_lead_from(pos) if q.unit_key in folded(self.store.clauses[p].lead or "")]
            head += [(p, score * 0.99, cov) for p in mine[:MAX_LISTED]]
        seen = {item[0] for item in head}
        return head + [item for item in scored if item[0] not in seen]

    def _taking_lead_from(self, pos: int) -> list[int]:
        """Clauses whose chủ trì was read from the clause at `pos` (a heading's items, a footer's section)."""
        index = self._lead_source_index
        if index is None:
            index = {}
            for p, c in enumerate(self.store.clauses):
                src = self.store.clause_index.get(c.lead_source.clause_id) if c.lead_from_elsewhere else None
                if src is not None:
                    index.setdefault(src, []).append(p)
            self._lead_source_index = index
        return index.get(pos, [])

    def _mentions(self, q: Question, mine: set[str]) -> bool:
        """Half the question's content words occur in the clause's words `mine` ("Bí thư Đảng ủy UBND xã là ai?"),
        and they add no "phó" the question lacks (a Phó Bí thư is not the Bí thư)."""
        key = q.cache.get("content_words")
        if key is None:
            key = q.cache["content_words"] = [w for run in self.evidence.content_runs(q) for w in run]
        if "pho" in mine and "pho" not in key:
            return False
        return bool(key) and sum(w in mine for w in key) / len(key) >= 0.5

    def _number_lines(self, doc_id: str) -> list[int]:
        """Header clauses that state the document's number ("Số: 08 - CTr/ĐUUB")."""
        hit = self._number_cache.get(doc_id)
        if hit is None:
            number = folded(self.store.documents[doc_id].number or "")
            a, b = self.store.doc_ranges.get(doc_id, (0, 0)) if any(ch.isdigit() for ch in number) else (0, 0)
            hit = self._number_cache[doc_id] = [
                p for p in range(a, b)
                if self.store.clauses[p].kind == "header" and number in folded(self.store.clauses[p].text)]
        return hit

    def _led_by(self, unit_folded: str, doc_filter: set[str] | None) -> list[int]:
        with self._lock:
            cache = self.__dict__.setdefault("_led_cache", {})
            hit = cache.get(unit_folded)
        if hit is None:
            hit = [p for p, c in enumerate(self.store.clauses) if c.lead and unit_folded in folded(c.lead)]
            with self._lock:
                cache[unit_folded] = hit
        return [p for p in hit if not doc_filter or self.store.clauses[p].doc_id in doc_filter]

    def _title_boost(self, q: Question, doc_id: str) -> float:
        """A question that names the plan ("chương trình hành động", "kế hoạch CCHC") prefers it."""
        with self._lock:
            cache = self.__dict__.setdefault("_title_bigrams", {})
            tb = cache.get(doc_id)
        if tb is None:
            d = self.store.documents[doc_id]
            drop = set(self.evidence.words(d.locality.label() or "")) | _LEVEL_WORDS
            ws = [w for w in self.evidence.words(f"{d.title or ''} {d.number or ''}") if w not in drop]
            tb = set(word_pairs(ws))
            with self._lock:
                cache[doc_id] = tb
        qb = q.cache.get("all_bigrams")
        if qb is None:
            drop = set((q.locality_named or "").split()) | set((q.unit_key or "").split()) | _LEVEL_WORDS
            ws = [w for w in self.evidence.words(q.text) if w not in drop]
            qb = q.cache["all_bigrams"] = set(word_pairs(ws))
        matched = len(qb & tb)
        return 1.0 + 0.6 * min(1.0, matched / 4) if matched >= 2 else 1.0


    def _with_lead_sources(self, scored: list[tuple[int, float, float]]) -> list[tuple[int, float, float]]:
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
            if src is not None and src not in seen and len(out) < 12:
                out.append((src, s * 0.99, cov))
                seen.add(src)
        return out

    def ask(self, question: str, top_k: int = 5, locality: str | None = None, offset: int = 0,
            mode: str = "hybrid") -> AskResponse:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}")
        question = (question or "").strip()
        if not question:
            return AskResponse(question=question, found=False, answer=None, results=[])
        q = analyse(question, self.store.documents, self.units, locality)
        ranked = self.rank(q, mode)
        found = self.evidence.found(q, ranked)
        window = ranked[offset: offset + max(1, top_k)]
        results = [self.result(pos, score) for pos, score, _ in window]
        if not found:
            return AskResponse(question=question, found=False, answer=no_answer(q, self.store.documents), results=results)
        answer = compose_answer(q, [(self.store.clauses[p], s, cov) for p, s, cov in ranked[:max(10, top_k)]],
                                self.store.documents)
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


def _leads_within(clauses: list[Clause], i: int) -> str | None:
    """The units that lead a section's content, when its heading names none (at most three)."""
    depth = len(clauses[i].section_path)
    leads: list[str] = []
    for c in clauses[i + 1:]:
        if len(c.section_path) <= depth:
            break
        if c.lead and c.lead not in leads:
            leads.append(c.lead)
    return "; ".join(leads[:3]) + (" …" if len(leads) > 3 else "") if leads else None


def document_info(doc: Document, clause_count: int) -> DocumentInfo:
    loc = doc.locality
    return DocumentInfo(id=doc.id, source=doc.source, title=doc.title, kind=doc.kind, number=doc.number,
                        issuer=doc.issuer, locality=LocalityModel(level=loc.level, name=loc.name,
                                                                  province=loc.province, label=loc.label()),
                        date=doc.date, signer=doc.signer, clause_count=clause_count)


def clause_result(c: Clause, doc: Document, score: float) -> Result:
    cit = Citation(source=c.source, document=doc.title, doc_id=doc.id, clause_id=c.id,
                   locality=doc.locality.label(), section=c.section, label=c.label, lines=list(c.lines),
                   page=c.page, locator=c.locator, number=doc.number, kind=doc.kind)
    target = TargetModel(**c.target.to_dict()) if c.target else None
    return Result(text=c.text, score=round(float(score), 6), citation=cit, lead=c.lead, partners=c.partners,
                  directed_by=c.directed_by, target=target, deadline=c.deadline, product=c.product,
                  lead_source=lead_source(c))


def no_answer(q: Question, documents: dict[str, Document]) -> str:
    if q.unknown_unit:
        return f"Các kế hoạch hiện có không giao nhiệm vụ nào cho {q.unknown_unit}."
    if q.unknown_locality:
        known = ", ".join(sorted({d.locality.label() for d in documents.values() if d.locality.label()}))
        return (f"Không có kế hoạch nào của {q.unknown_locality} trong dữ liệu. "
                f"Các kế hoạch hiện có: {known}.")
    return "Các kế hoạch hiện có không đề cập nội dung này."
