"""A query-side lexical bridge: the plans' words a question's everyday words stand for, learned from gold.

Users write "hạn chót", "ai lo việc", "tiền đâu ra", "bao lâu một lần"; plans write "thời hạn", "chủ trì",
"kinh phí", "định kỳ". Such a vocabulary holds across every province's plans, so unlike ranking weights it may
carry to plans nobody tuned on. The table is learned from aligned pairs — a gold question's folded words and
word pairs (source units) against the folded syllables and syllable pairs of the clauses it cites (target
units) — by association over questions, counted per *document*: a pair seen in the questions of one plan only
is that plan's topic, not a paraphrase, so it needs ``MIN_DOCUMENTS`` plans behind it. A target already written
in the question is no translation and is never counted.

A table is saved with a version (`BridgeTable.save` / `load`), built from gold files, never edited by hand; the
index needs no rebuilding for it. Measured by `benchmarks/query_bridge_cv.py` (document-level cross-validation):
it did not help the hybrid ranking of held-out plans, so the product does not use it
(benchmarks/results/query-bridge.md).
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from corpus.text import FOLDED_STOPWORDS

FORMAT = 1
MIN_DOCUMENTS = 3  # a (question unit → plan unit) pair counts only when questions about this many plans show it
MIN_SOURCE_DOCUMENTS = 3  # a question unit asked about fewer plans has no reliable translation
MIN_SHARE = 0.3  # P(plan unit in the cited clause | question unit) must reach this …
MIN_LIFT = 2.0  # … and be this many times its rate over every question's cited clauses
MAX_TARGETS = 4  # translations kept per question unit, strongest first
COMMON_SHARE = 0.05  # a plan unit in more than this share of all clauses ("va cac", "thi", "de") points nowhere

_WORD = re.compile(r"[a-z0-9]+")


def units(words: Sequence[str]) -> set[str]:
    """Folded words (no digits, no one-letter words, no stop words) and adjacent word pairs ("chu tri")."""
    keep = [w for w in words if len(w) >= 2 and not w.isdigit() and w not in FOLDED_STOPWORDS]
    pairs = {f"{a} {b}" for a, b in zip(words, words[1:])
             if len(a) >= 2 and len(b) >= 2 and not (a.isdigit() or b.isdigit())
             and a not in FOLDED_STOPWORDS and b not in FOLDED_STOPWORDS}
    return set(keep) | pairs


@dataclass(frozen=True)
class Aligned:
    """One gold question aligned with what it cites: its units, the cited clauses' units, its plan."""

    source: frozenset[str]
    target: frozenset[str]
    document: str


@dataclass(frozen=True)
class BridgeTable:
    """Question unit → [(plan unit, strength)]; strength is P(plan unit | question unit) over the gold."""

    version: str
    table: Mapping[str, tuple[tuple[str, float], ...]]
    info: Mapping[str, object]

    def expansion(self, question_units: Iterable[str]) -> dict[str, float]:
        """Plan units the question's units stand for and are not already in it: unit → strongest strength."""
        have = set(question_units)
        written = have | {w for u in have for w in u.split()}
        out: dict[str, float] = {}
        for u in have:
            for t, s in self.table.get(u, ()):
                if t not in written and s > out.get(t, 0.0):
                    out[t] = s
        return out

    def to_dict(self) -> dict:
        return {"format": FORMAT, "version": self.version, "info": dict(self.info),
                "table": {s: [[t, round(v, 4)] for t, v in ts] for s, ts in sorted(self.table.items())}}

    def save(self, path: Path | str) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path | str) -> "BridgeTable":
        d = json.loads(Path(path).read_text(encoding="utf-8"))
        if d.get("format") != FORMAT:
            raise ValueError(f"bridge table {path} has format {d.get('format')}, this planqa reads {FORMAT}")
        table = {s: tuple((t, float(v)) for t, v in ts) for s, ts in d["table"].items()}
        return cls(str(d.get("version", "?")), table, d.get("info", {}))


def learn(pairs: Sequence[Aligned], min_documents: int = MIN_DOCUMENTS, min_share: float = MIN_SHARE,
          min_lift: float = MIN_LIFT, max_targets: int = MAX_TARGETS) -> BridgeTable:
    """Association over aligned questions, supported by several plans (module docstring)."""
    n = len(pairs)
    src_count: Counter[str] = Counter()
    src_docs: dict[str, set[str]] = defaultdict(set)
    tgt_count: Counter[str] = Counter()
    joint: Counter[tuple[str, str]] = Counter()
    joint_docs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for p in pairs:
        written = p.source | {w for u in p.source for w in u.split()}
        targets = p.target - written
        tgt_count.update(p.target)
        for s in p.source:
            src_count[s] += 1
            src_docs[s].add(p.document)
        for s in p.source:
            for t in targets:
                joint[s, t] += 1
                joint_docs[s, t].add(p.document)
    table: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for (s, t), c in joint.items():
        if len(joint_docs[s, t]) < min_documents or len(src_docs[s]) < MIN_SOURCE_DOCUMENTS:
            continue
        share = c / src_count[s]
        base = tgt_count[t] / n
        if share >= min_share and share >= min_lift * base:
            table[s].append((t, share))
    kept = {s: tuple(sorted(ts, key=lambda x: (-x[1], x[0]))[:max_targets]) for s, ts in table.items()}
    digest = hashlib.sha1(json.dumps(sorted((s, list(v)) for s, v in kept.items())).encode()).hexdigest()[:8]
    info = {"questions": n, "documents": len({p.document for p in pairs}), "min_documents": min_documents,
            "min_share": min_share, "min_lift": min_lift, "max_targets": max_targets}
    return BridgeTable(f"bridge-{digest}", kept, info)
