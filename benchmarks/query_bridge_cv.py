"""Does a learned query-side lexical bridge (`benchmarks/query_bridge.py`) help questions about plans it was not learned on?

Document-level cross-validation on the development half (dev files given with --dev): the dev documents are
dealt round-robin (sorted) into folds, as `planqa train` deals them. For held-out fold k the bridge table is
learned from the questions about the other folds' documents only; measured on the held-out questions:

- bm25: the plain BM25 ranking within the question's scope, hit@5 / MRR@10, without and with the bridge's plan
  units added to the query at weight ``--weight`` × strength (a down-weighted query expansion);
- hybrid: the learned ranker retrained out of fold with one more signal, ``bridge`` (rarity-weighted share of
  the expansion's units a candidate holds), against the same procedure without it. The ranker's training
  questions get their bridge values from a table that never saw their own fold either (nested), so the weight
  it learns is that of an out-of-sample table.

``--heldout FILE`` (real_dev7): table learned from every --dev file, ranker trained on them (+ --extra), the file
measured as a whole.

    python benchmarks/query_bridge_cv.py --index /work/var/real-index-u --dev eval/real_dev.jsonl … \\
        --extra eval/gold.jsonl --extra eval/heldout.jsonl --heldout eval/real_dev7.jsonl [--out FILE.md]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import query_bridge as B  # noqa: E402
from retrieval import train as T  # noqa: E402
from retrieval.search import Retriever  # noqa: E402
from retrieval.signals import SIGNALS, Signal  # noqa: E402

# the candidate signal, registered for this measurement only (the product's registry does not hold it): its
# values are filled per fold by `Bridged.signal`, from a table that never saw the question's plan
SIGNALS.setdefault("bridge", Signal("bridge", "rarity-weighted share of the bridge's plan units in the clause",
                                    lambda c: c.zeros()))

FOLDS = T.FOLDS

# --seed: a small hand-vetted list of everyday words and the plans' words for them (folded), written from the
# issue's examples and the plans' standard vocabulary, not from the gold questions; strength 1 each
SEED: dict[str, tuple[str, ...]] = {
    "han chot": ("thoi han",),  # a deadline: plans write thời hạn
    "lo viec": ("chu tri",),  # who takes care of it: the lead, chủ trì
    "ai lo": ("chu tri",),
    "tien": ("kinh phi", "ngan sach"),  # money: kinh phí, ngân sách
    "bao lau": ("dinh ky",),  # how often: định kỳ
    "mot lan": ("dinh ky",),
    "lam xong": ("hoan thanh",),  # done: hoàn thành
    "bao gio": ("thoi han", "thoi gian"),  # when: thời hạn, thời gian thực hiện
    "khi nao": ("thoi han", "thoi gian"),
    "dan": ("nguoi dan", "nhan dan"),  # the people: người dân, nhân dân
    "truong hoc": ("co so giao duc",),  # schools: cơ sở giáo dục
    "nguoi gia": ("nguoi cao tuoi",),  # the old: người cao tuổi
    "benh vien": ("co so y te",),  # hospitals: cơ sở y tế
    "giup": ("ho tro",),  # help: hỗ trợ
    "lam gi": ("nhiem vu",),  # what must X do: its nhiệm vụ
}


class Bridged:
    """Per-question units, the cited clauses' units, and the bridge signal for any table."""

    def __init__(self, retriever: Retriever, common_share: float = B.COMMON_SHARE):
        self.r = retriever
        self.common_share = common_share
        self.ev = retriever.evidence
        self.by_source: dict[str, list[int]] = {}
        for p, c in enumerate(retriever.store.clauses):
            self.by_source.setdefault(c.source, []).append(p)

    def q_units(self, e: T.Example) -> frozenset[str]:
        return frozenset(B.units(self.ev.words(e.gold.question)))

    def clause_units(self, p: int) -> frozenset[str]:
        toks = {t for t in self.ev.clause_tokens(p) if len(t) >= 2 and not t.isdigit()}
        return frozenset(t for t in toks | set(self.ev.clause_bigrams(p)) if not self.common(t))

    def common(self, unit: str) -> bool:
        df = self.ev._df.get(unit.replace(" ", "__"), 0)
        return df > self.common_share * self.ev._ndocs

    def relevant(self, e: T.Example) -> list[int]:
        out = []
        for rel in e.gold.relevant:
            for p in self.by_source.get(rel.source, []):
                c = self.r.store.clauses[p]
                if c.lines[0] <= rel.line <= c.lines[1]:
                    out.append(p)
        return out

    def aligned(self, e: T.Example) -> B.Aligned | None:
        rel = self.relevant(e)
        if not e.gold.answerable or not rel:
            return None
        target = frozenset().union(*(self.clause_units(p) for p in rel))
        return B.Aligned(self.q_units(e), target, e.group)

    def weight(self, unit: str) -> float:
        return sum(self.ev.idf(w) for w in unit.split())

    def signal(self, e: T.Example, table: B.BridgeTable) -> np.ndarray:
        exp = table.expansion(self.q_units(e))
        out = np.zeros(len(e.positions))
        if not exp:
            return out
        w = {t: s * self.weight(t) for t, s in exp.items()}
        total = sum(w.values())
        for i, p in enumerate(e.positions):
            have = self.clause_units(p)
            out[i] = sum(v for t, v in w.items() if t in have) / total
        return out

    def expanded_example(self, e: T.Example, table: B.BridgeTable, names: list[str]) -> T.Example:
        """The question's candidates and signals with the BM25 query carrying the bridge's plan units."""
        extra = [t.replace(" ", "__") for t in table.expansion(self.q_units(e))]
        store = self.r.store
        orig = type(store).query_tokens
        store.query_tokens = lambda query: orig(store, query) + (extra if query == e.q.text else [])
        try:
            cands = self.r.candidates(e.q, "hybrid")
        finally:
            del store.query_tokens
        positions = cands.positions if cands else []
        x = T.read_signals(cands, names) if cands else np.zeros((0, len(names)))
        clauses = [store.clauses[p] for p in positions]
        y = np.array([1.0 if any(T._covers(c, rr) for rr in e.gold.relevant) else 0.0 for c in clauses])
        return T.Example(e.gold, e.source, e.group, e.q, positions, x, y, cands.strategy if cands else e.strategy)

    def bm25_rank(self, e: T.Example, table: B.BridgeTable | None, weight: float) -> tuple[float, float]:
        store = self.r.store
        doc_filter = set(e.q.doc_filter) if e.q.doc_filter else None
        scores = store.sparse_scores(e.q.text, doc_filter).astype(np.float64)
        if table is not None:
            for t, s in table.expansion(self.q_units(e)).items():
                tok = t.replace(" ", "__")
                if tok in store._bm25.vocab_dict:
                    mask = None
                    if doc_filter is not None:
                        mask = np.zeros(len(store.clauses), dtype=np.float32)
                        mask[store.positions(doc_filter)] = 1.0
                    scores += weight * s * np.asarray(store._bm25.get_scores([tok], weight_mask=mask), dtype=np.float64)
        top = np.argsort(-scores, kind="stable")[:10]
        top = [p for p in top if scores[p] > 0]
        rel = set(self.relevant(e))
        for i, p in enumerate(top):
            if p in rel:
                return (1.0 if i < 5 else 0.0), 1.0 / (i + 1)
        return 0.0, 0.0


def with_bridge(e: T.Example, col: int, values: np.ndarray) -> T.Example:
    x = e.x.copy()
    x[:, col] = values
    return T.Example(e.gold, e.source, e.group, e.q, e.positions, x, e.y, e.strategy, e.extra)


def learn_from(b: Bridged, examples, keep, **kw) -> B.BridgeTable:
    pairs = [a for e, k in zip(examples, keep) if k and (a := b.aligned(e)) is not None]
    return B.learn(pairs, **kw)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", required=True)
    ap.add_argument("--dev", action="append", required=True)
    ap.add_argument("--extra", action="append", default=[])
    ap.add_argument("--heldout")
    ap.add_argument("--weight", type=float, action="append", default=None, help="BM25 expansion weight(s)")
    ap.add_argument("--min-documents", type=int, default=B.MIN_DOCUMENTS)
    ap.add_argument("--min-share", type=float, default=B.MIN_SHARE)
    ap.add_argument("--min-lift", type=float, default=B.MIN_LIFT)
    ap.add_argument("--common-share", type=float, default=B.COMMON_SHARE,
                    help="plan units in more than this share of clauses are no target (1: keep every unit)")
    ap.add_argument("--seed", action="store_true", help="the hand-vetted SEED list instead of a learned table")
    ap.add_argument("--save-table", help="write the table learned from every --dev file here (with --heldout)")
    ap.add_argument("--out")
    a = ap.parse_args()
    kw = dict(min_documents=a.min_documents, min_share=a.min_share, min_lift=a.min_lift)
    weights = a.weight or [0.3]
    t0 = time.time()
    r = Retriever.load(a.index)
    b = Bridged(r, a.common_share)
    names = list(T.SIGNALS)
    col = names.index("bridge")
    base_features = [n for n in names if n != "bridge"]
    tune = [e for p in a.dev for e in T.collect(r, p)]
    extra = [e for p in a.extra for e in T.collect(r, p)]
    print(f"collected {len(tune)} + {len(extra)} questions in {time.time() - t0:.0f} s", flush=True)
    folds = T._folds(tune)
    tables: dict[frozenset[int], B.BridgeTable] = {}

    seed = B.BridgeTable("seed", {s: tuple((t, 1.0) for t in ts) for s, ts in SEED.items()}, {})

    def table_without(out: frozenset[int]) -> B.BridgeTable:
        if a.seed:
            return seed
        if out not in tables:
            tables[out] = learn_from(b, tune, [f not in out for f in folds], **kw)
        return tables[out]

    def measure(e, table: B.BridgeTable, m0, m1, into: dict[str, tuple[list, list]]) -> None:
        """One answerable question's hit@5 and reciprocal rank under every ranking compared: the hybrid without
        the bridge, with its signal, with the expanded query; BM25 alone at each expansion weight."""
        eb = with_bridge(e, col, b.signal(e, table))
        ex = b.expanded_example(e, table, names)
        for key, model, example in (("hyb0", m0, e), ("hyb1", m1, eb), ("hybx", m0, ex)):
            h, rr = T._rank_metrics(r, example, T._ranked(r, example, model))
            into[key][0].append(h)
            into[key][1].append(rr)
        for w in [0.0] + weights:
            h, rr = b.bm25_rank(e, table if w > 0 else None, w)
            into[f"bm{w}"][0].append(h)
            into[f"bm{w}"][1].append(rr)

    lines = []
    res = {k: ([], []) for k in ["hyb0", "hyb1", "hybx"] + [f"bm{w}" for w in [0.0] + weights]}
    sizes = []
    for k in range(FOLDS):
        held = [i for i, f in enumerate(folds) if f == k]
        tk = table_without(frozenset({k}))
        sizes.append(len(tk.table))
        # training questions: values from a table that saw neither their fold nor k
        train_b = [with_bridge(e, col, b.signal(e, table_without(frozenset({k, f}))))
                   for e, f in zip(tune, folds) if f != k]
        extra_b = [with_bridge(e, col, b.signal(e, tk)) for e in extra]
        m0 = T.fit_ranker([e for e, f in zip(tune, folds) if f != k] + extra, base_features)
        m1 = T.fit_ranker(train_b + extra_b, names)
        for i in held:
            e = tune[i]
            if not e.gold.answerable:
                continue
            measure(e, tk, m0, m1, res)
        print(f"fold {k}: table {len(tk.table)} question units", flush=True)
    lines.append(f"## Document-level CV on {', '.join(a.dev)} ({len(res['hyb0'][0])} answerable held-out questions; "
                 f"table sizes {sizes}; {kw})")
    lines.append("")
    lines.append("| ranking | hit@5 | MRR@10 |")
    lines.append("|---|---|---|")
    labels = {"hyb0": "hybrid, no bridge", "hyb1": "hybrid + bridge signal",
              "hybx": "hybrid, BM25 candidates and signals from the expanded query", "bm0.0": "BM25, no bridge"}
    for key, (h, rr) in res.items():
        lines.append(f"| {labels.get(key, 'BM25 + bridge expansion × ' + key[2:])} | {np.mean(h):.3f} | {np.mean(rr):.3f} |")
    # per-question changes, for diagnosis
    h0, h1 = np.array(res["hyb0"][1]), np.array(res["hyb1"][1])
    lines.append(f"\nhybrid RR better / worse per question: {(h1 > h0 + 1e-9).sum()} / {(h1 < h0 - 1e-9).sum()}")

    if a.heldout:
        full = seed if a.seed else learn_from(b, tune, [True] * len(tune), **kw)
        if a.save_table:
            full.save(a.save_table)
        train_b = [with_bridge(e, col, b.signal(e, table_without(frozenset({f})))) for e, f in zip(tune, folds)]
        extra_b = [with_bridge(e, col, b.signal(e, full)) for e in extra]
        m0 = T.fit_ranker(tune + extra, base_features)
        m1 = T.fit_ranker(train_b + extra_b, names)
        held = T.collect(r, a.heldout)
        hr = {k: ([], []) for k in res}
        for e in held:
            if not e.gold.answerable:
                continue
            measure(e, full, m0, m1, hr)
        lines.append(f"\n## {a.heldout} held out (table from every dev file: {len(full.table)} question units; "
                     f"{len(hr['hyb0'][0])} answerable)\n")
        lines.append("| ranking | hit@5 | MRR@10 |")
        lines.append("|---|---|---|")
        for key, (h, rr) in hr.items():
            lines.append(f"| {labels.get(key, 'BM25 + bridge expansion × ' + key[2:])} | {np.mean(h):.3f} | {np.mean(rr):.3f} |")
        h0, h1 = np.array(hr["hyb0"][1]), np.array(hr["hyb1"][1])
        lines.append(f"\nhybrid RR better / worse per question: {(h1 > h0 + 1e-9).sum()} / {(h1 < h0 - 1e-9).sum()}")
        lines.append("\nstrongest translations of the full table:")
        top = sorted(((s, t, v) for s, ts in full.table.items() for t, v in ts), key=lambda x: -x[2])[:40]
        lines.append("; ".join(f"{s} → {t} ({v:.2f})" for s, t, v in top))
    text = "\n".join(lines)
    print(text)
    print(f"\n({time.time() - t0:.0f} s)")
    if a.out:
        Path(a.out).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
