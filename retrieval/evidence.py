"""Does the plan say it? The evidence a question's answer needs in the clauses found for it.

Retrieval always returns *some* clauses; this decides whether they answer the question or the
plans are silent on it. The evidence is lexical and cheap: the question's content words (question
words recognised with their accents), how many of them a top clause contains weighted by rarity,
their word pairs, and for a long specific term three of its words in a row. Thresholds sit midway
between the gold set's answerable and unanswerable questions (README, Evaluation).
"""
from __future__ import annotations

import math
import re
import threading

from index.backend import ClauseStore
from index.text import expand_abbreviations, fold, normalize, passage_text
from retrieval.query import Question, content_segments, folded

PAIR_SHARE_MIN = 0.38  # rarity-weighted share of the question's word pairs a top clause must contain


def word_pairs(words: list[str]) -> list[str]:
    """Adjacent words as "a b" strings: the unit all phrase evidence is counted in."""
    return [f"{a} {b}" for a, b in zip(words, words[1:])]


class Evidence:
    """Per-index word statistics and per-clause word sets, computed once and shared by all questions."""

    def __init__(self, store: ClauseStore) -> None:
        self.store = store
        self._lock = threading.Lock()
        # per-clause derived sets; dict assignment is atomic, so threads may race to fill them harmlessly
        self._tokens_cache: dict[int, set[str]] = {}
        self._bigram_cache: dict[int, set[str]] = {}
        self._plan_bigram_cache: dict[str, frozenset[str]] = {}
        self._df, self._ndocs = self._document_frequencies()

    def _document_frequencies(self) -> tuple[dict[str, int], int]:
        stats = self.store.bm25_statistics()
        return dict(stats.document_frequency), stats.n_docs

    def _idf(self, tok: str) -> float:
        df = self._df.get(tok, 0)
        return math.log(1 + (self._ndocs + 1) / (df + 0.5))

    def _clause_tokens(self, pos: int) -> set[str]:
        with self._lock:
            got = self._tokens_cache.get(pos)
        if got is None:
            c = self.store.clauses[pos]
            doc = self.store.documents[c.doc_id]
            extra = " ".join(filter(None, [c.deadline, c.product, c.directed_by, doc.title or ""]))
            got = self.syllables(passage_text(c, doc) + "\n" + extra)
            with self._lock:
                self._tokens_cache[pos] = got
        return got

    def syllables(self, text: str) -> set[str]:
        """Folded syllables with abbreviations expanded: cheap (no segmentation), for coverage."""
        return set(re.findall(r"[a-z0-9]+", fold(normalize(expand_abbreviations(text, self.store.abbreviations)))))

    def _abbreviations(self) -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
        """Folded abbreviation pattern, and each abbreviation's long form folded and with accents."""
        with self._lock:
            rx = getattr(self, "_abbr_rx", None)
            if rx is None:
                items = [(fold(normalize(a)), normalize(v)) for a, v in self.store.abbreviations.items()]
                alts = "|".join(re.escape(a) for a, _ in sorted(items, key=lambda t: -len(t[0]))) or "(?!)"
                rx = self._abbr_rx = (re.compile(rf"(?<![a-z0-9])({alts})(?![a-z0-9])"),
                                      {a: fold(v) for a, v in items}, dict(items))
        return rx

    def words(self, text: str) -> list[str]:
        """Folded words with every abbreviation replaced by its long form ("BHYT" → "bao hiem y te")."""
        pattern, table, _ = self._abbreviations()
        return re.findall(r"[a-z0-9]+", pattern.sub(lambda m: table[m.group(1)], fold(normalize(text))))

    def long_forms(self, norm: str) -> str:
        """Normalised text with abbreviations replaced by their long forms, accents kept."""
        pattern, _, accented = self._abbreviations()
        f = fold(norm)
        if len(f) != len(norm):
            return norm
        out, last = [], 0
        for m in pattern.finditer(f):
            out += [norm[last:m.start()], accented[m.group(1)]]
            last = m.end()
        return "".join(out) + norm[last:]

    def content_runs(self, q: Question) -> list[list[str]]:
        """The question's content words in runs between question words and the place it names."""
        cached = q.cache.get("content_runs")
        if cached is None:
            place = set((q.locality_named or "").split())
            cached = []
            for run in content_segments(q.text, self.long_forms):
                cur: list[str] = []
                for w in run + [""]:
                    if w and w not in place:
                        cur.append(w)
                    elif cur:
                        cached.append(cur)
                        cur = []
            q.cache["content_runs"] = cached
        return cached

    def key_bigrams(self, q: Question) -> list[str]:
        """Adjacent content-word pairs of the question: what a relevant clause should say too."""
        cached = q.cache.get("key_bigrams")
        if cached is None:
            pairs = [p for run in self.content_runs(q) for p in word_pairs(run) if not any(w.isdigit() for w in p.split())]
            cached = q.cache["key_bigrams"] = list(dict.fromkeys(pairs))
        return cached

    def clause_bigrams(self, pos: int) -> set[str]:
        """Word pairs of a clause with its headings, facts and its plan's title ("kế hoạch KT-XH" names
        the plan, not a topic the clause must repeat); computed once per clause."""
        got = self._bigram_cache.get(pos)
        if got is None:
            c = self.store.clauses[pos]
            text = " ".join([c.text, *c.section_path[-2:], c.lead or "", c.partners or "", c.deadline or ""])
            got = self._bigram_cache[pos] = set(word_pairs(self.words(text))) | self._plan_bigrams(c.doc_id)
        return got

    def _plan_bigrams(self, doc_id: str) -> frozenset[str]:
        got = self._plan_bigram_cache.get(doc_id)
        if got is None:
            got = frozenset(word_pairs(self.words(self.store.documents[doc_id].title or "")))
            self._plan_bigram_cache[doc_id] = got
        return got

    def key_tokens(self, q: Question) -> list[str]:
        key = [w for run in self.content_runs(q) for w in run if not w.isdigit() and len(w) >= 2]
        return list(dict.fromkeys(key))

    def coverage(self, q: Question, pos: int, key: list[str]) -> float:
        """IDF-weighted share of the question's key words that the clause contains."""
        if not key:
            return 1.0
        have = self._clause_tokens(pos)
        total = sum(self._idf(t) for t in key)
        got = sum(self._idf(t) for t in key if t in have)
        return got / total if total else 1.0

    def found(self, q: Question, ranked: list[tuple[int, float, float]]) -> bool:
        """Whether the top clauses say what the question asks about (else: "the plans do not cover it")."""
        if not ranked or q.unknown_locality:
            return False
        top = ranked[:5]
        best_cov = max(cov for _, _, cov in top)
        if best_cov < 0.55:
            return False
        # The question's word pairs ("tuổi thọ", "sân bay", "lượt khách") must appear in a top clause,
        # weighted by how rare their words are; and a long specific term ("lao động qua đào tạo",
        # four words or more) needs three of its words in a row there, not just two of them apart.
        # Thresholds sit midway between the gold set's answerable and unanswerable questions.
        pairs = self.key_bigrams(q)
        if len(pairs) >= 2:
            weight = {b: sum(self._idf(w) for w in b.split()) for b in pairs}
            total = sum(weight.values())
            share = max(sum(weight[b] for b in pairs if b in self.clause_bigrams(p)) / total for p, _, _ in top)
            if share < PAIR_SHARE_MIN:
                return False
            if max(map(len, self.content_runs(q))) >= 4 and self.longest_phrase(q, top) < 3:
                return False
        elif len(pairs) == 1 and not any(pairs[0] in self.clause_bigrams(p) for p, _, _ in ranked[:10]):
            return False
        if q.unknown_unit:
            return False
        if q.years:
            # a period the question names ("2026-2030") may be the plan's own, in its title; a single year
            # ("đến 2030") is a target date the clause itself must state
            period = len(q.years) > 1
            blobs = [folded(" ".join(filter(None, [c.text, c.deadline, c.section,
                                                   self.store.documents[c.doc_id].title if period else None])))
                     for c in (self.store.clauses[p] for p, _, _ in top)]
            if not any(all(y in b for y in q.years) for b in blobs):
                return False
        return True

    def longest_phrase(self, q: Question, top: list[tuple[int, float, float]]) -> int:
        """Most consecutive question words whose every adjacent pair one top clause contains."""
        best = 1
        for p, _, _ in top:
            have = self.clause_bigrams(p)
            for run in self.content_runs(q):
                n = 1
                for pair in word_pairs(run):
                    n = n + 1 if pair in have else 1
                    best = max(best, n)
        return best
