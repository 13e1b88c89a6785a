"""Where out-of-fold ranking misses come from: the candidate pool, or the ranker's order.

    python benchmarks/rank_diagnosis.py eval/real_dev.jsonl [eval/real_dev2.jsonl …] --index DIR
        [--extra eval/gold.jsonl …] [--held eval/real_dev4.jsonl] [--misses]

Every answerable tuning question is ranked by a ranker that never saw its plan (document-level CV, as
`planqa train`). A question whose relevant clause is not in that top 5 is one of:

- *filtered out*: the locality or plan-title filter dropped the plan it is in;
- *not in pool*: neither retriever's top ``CANDIDATES`` holds it (the ranker never saw it);
- *misordered*: it was a candidate, and the ranker put it below 5.

It also prints the retrievers' own recall by depth (how far the pool is from losing a clause) and, with
``--held FILE``, the leave-a-set-out figure: the ranker trained on the other files (and ``--extra``) only,
each plan's questions of FILE ranked by a model that saw neither FILE nor that plan. Dev files only:
never run it on a test-half gold set.

``--weights`` prints each fold's ranker weights (standardised) and their spread over the folds: a weight whose sign
or size moves from fold to fold is fitted to the few plans that decide it. ``--why`` lists every question whose
relevant clause the out-of-fold ranking puts below second place, with the clause ranked first, the relevant one, the
five weights that lift the first above it (weight × standardised difference) and the family of the miss (a heading
over a clause of its topic, an appendix line against a body line, a sibling in the same section, a unit's section
over the body, another plan). Clause text is printed for development-half plans only.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.backend import open_store  # noqa: E402
from retrieval import train as T  # noqa: E402
from corpus.text import ASSIGNING_SECTION  # noqa: E402
from retrieval.query import folded  # noqa: E402
from retrieval.ranker import RankerModel  # noqa: E402
from retrieval.search import CANDIDATES, Retriever  # noqa: E402
from retrieval.signals import SIGNALS  # noqa: E402

DEPTHS = (5, 10, 20, 50, 100, 200)
SPLIT = Path(__file__).resolve().parent.parent / "eval" / "real_split.json"
WHY_BELOW = 0.5  # --why lists questions whose out-of-fold reciprocal rank is below this (relevant clause not first or second)
DEEP = max(DEPTHS)


def _relevant(retriever: Retriever, e: T.Example) -> set[int]:
    return {p for p, c in enumerate(retriever.store.clauses) if any(T._covers(c, r) for r in e.gold.relevant)}


def _first(order: list[int], wanted: set[int]) -> int:
    return next((i for i, p in enumerate(order) if p in wanted), DEEP + 1)


def miss_family(first, relevant) -> str:
    """What kind of ordering miss: the clause ranked first against the relevant one."""
    if first.doc_id != relevant.doc_id:
        return "another plan"
    if first.kind == "heading" and relevant.kind != "heading":
        return "heading over a clause"
    if (first.appendix is None) != (relevant.appendix is None):
        return "appendix against body"
    if first.section_path == relevant.section_path:
        return "sibling in the same section"
    if ASSIGNING_SECTION.search(folded(first.section)) and not ASSIGNING_SECTION.search(folded(relevant.section)):
        return "unit's section over the body"
    return "another section of the plan"


def print_weights(models: dict) -> None:
    """Each fold's standardised weights, and their spread (sd over |mean|) across the folds."""
    folds = sorted(models)
    w = np.array([models[k].weights for k in folds])
    print("| weight | " + " | ".join(f"fold {k}" for k in folds) + " | sd/|mean| |")
    print("|---|" + "---|" * (len(folds) + 1))
    for j, name in enumerate(models[folds[0]].weight_names()):
        col = w[:, j]
        print(f"| {name} | " + " | ".join(f"{v:+.2f}" for v in col) + f" | {col.std() / (abs(col.mean()) + 1e-9):.2f} |")


def print_why(retriever: Retriever, tune: list, cv, dev: set[str]) -> None:
    """Each low out-of-fold reciprocal rank whose relevant clause was a candidate: first vs relevant, and why."""
    clauses = retriever.store.clauses
    names = list(SIGNALS)
    folds = T._folds(tune)
    families: Counter[str] = Counter()

    def show(c) -> str:
        if c.doc_id + ".md" not in dev:
            return f"(a test-half plan's {c.kind})"
        return f"[{c.id}] {c.kind} under {' > '.join(h[:40] for h in c.section_path[-2:])}: {c.text[:140]}"

    for i, e in enumerate(tune):
        if not e.gold.answerable or i not in cv.ranked:
            continue
        ranked = [p for p, _, _ in cv.ranked[i] if p in e.positions]
        at = next((k for k, p in enumerate(ranked) if any(T._covers(clauses[p], r) for r in e.gold.relevant)), None)
        if at is None or 1.0 / (at + 1) >= WHY_BELOW:
            continue
        model = cv.models[folds[i]]
        z = model.standardised(e.x[:, [names.index(f) for f in model.features]])
        first, rel = e.positions.index(ranked[0]), e.positions.index(ranked[at])
        lift = (z[first] - z[rel]) * model.weights
        family = miss_family(clauses[ranked[0]], clauses[ranked[at]])
        families[family] += 1
        wn = model.weight_names()
        print(f"  {e.gold.id} ({Path(e.source).name}, {e.gold.type}) relevant at {at + 1}, {family}: {e.gold.question}\n"
              f"    first:    {show(clauses[ranked[0]])}\n    relevant: {show(clauses[ranked[at]])}\n    lifted by: "
              + ", ".join(f"{wn[j]} {lift[j]:+.2f}" for j in np.argsort(-lift)[:5]))
    print("families: " + ", ".join(f"{k} {v}" for k, v in families.most_common()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("tune", nargs="+", type=Path)
    ap.add_argument("--index", required=True)
    ap.add_argument("--extra", action="append", type=Path, default=[])
    ap.add_argument("--held", type=Path, default=None, help="a tuning file to leave out as a pseudo-blind set")
    ap.add_argument("--misses", action="store_true", help="list each out-of-fold miss")
    ap.add_argument("--weights", action="store_true", help="each fold's ranker weights and their spread")
    ap.add_argument("--why", action="store_true", help="first vs relevant clause of each low reciprocal rank, and why")
    args = ap.parse_args()

    retriever = Retriever(open_store(args.index), RankerModel.untrained())
    store = retriever.store
    tune = [e for p in args.tune for e in T.collect(retriever, p)]
    extra = [e for p in args.extra for e in T.collect(retriever, p)]
    features = list(SIGNALS)
    cv = T.cross_validate(retriever, tune, extra, features)
    print(f"out of fold (by document): hit@5 {cv.hit5:.3f}, MRR@10 {cv.mrr:.3f} ({cv.n} answerable)")

    kinds: Counter[str] = Counter()
    bm_at, dense_at = [], []
    rows = []
    for i, e in enumerate(tune):
        if not e.gold.answerable:
            continue
        q = e.q
        doc_filter = set(q.doc_filter) if q.doc_filter else None
        wanted = _relevant(retriever, e)
        bm = _first([p for p, _ in store.sparse(q.text, DEEP, doc_filter)], wanted)
        dense = _first([p for p, _ in store.dense(retriever.dense_text(q), DEEP, doc_filter)], wanted)
        bm_at.append(bm)
        dense_at.append(dense)
        hit, _ = T._rank_metrics(retriever, e, cv.ranked[i])
        if hit:
            continue
        plans = {store.clauses[p].doc_id for p in wanted}
        if doc_filter is not None and not plans & doc_filter:
            kind = "filtered out"
        elif e.y.sum() > 0:
            kind = "misordered"
        else:
            kind = "not in pool"
        kinds[kind] += 1
        rank = next((k for k, (p, _, _) in enumerate(cv.ranked[i]) if p in wanted), None)
        rows.append((kind, e.gold.id, Path(e.source).name, e.gold.type, rank, bm, dense, e.gold.question))
    n = len(bm_at)
    misses = sum(kinds.values())
    print(f"misses (relevant clause not in the out-of-fold top 5): {misses} of {n} — "
          + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    pool = np.mean([e.y.sum() > 0 for e in tune if e.gold.answerable])
    print(f"candidate pool (top {CANDIDATES} of each retriever + strategy extras) holds a relevant clause: "
          f"{pool:.3f}; mean pool size {np.mean([len(e.positions) for e in tune if e.gold.answerable]):.0f}")
    bm_arr, dense_arr = np.array(bm_at), np.array(dense_at)
    print("| depth | BM25 | dense | either |\n|---|---|---|---|")
    for k in DEPTHS:
        print(f"| {k} | {np.mean(bm_arr < k):.3f} | {np.mean(dense_arr < k):.3f} | "
              f"{np.mean((bm_arr < k) | (dense_arr < k)):.3f} |")
    if args.misses:
        for kind, qid, source, qtype, rank, bm, dense, text in sorted(rows):
            print(f"  [{kind}] {qid} ({source}, {qtype}) ranked {rank}, BM25 {bm}, dense {dense}: {text}")
    if args.weights:
        print_weights(cv.models)
    if args.why:
        print_why(retriever, tune, cv, set(json.loads(SPLIT.read_text(encoding="utf-8"))["dev"]))
    if args.held is not None:
        held_name = str(args.held)
        folds = T._folds(tune)
        hits, rrs = [], []
        for k in range(T.FOLDS):
            train = [e for e, f in zip(tune, folds) if f != k and e.source != held_name] + extra
            test = [e for e, f in zip(tune, folds) if f == k and e.source == held_name and e.gold.answerable]
            if not test:
                continue
            model = T.fit_ranker(train, features)
            for e in test:
                h, rr = T._rank_metrics(retriever, e, T._ranked(retriever, e, model))
                hits.append(h)
                rrs.append(rr)
        print(f"{held_name} left out (trained on the other files, its plans out of fold too): "
              f"hit@5 {np.mean(hits):.3f}, MRR@10 {np.mean(rrs):.3f} ({len(hits)} answerable)")


if __name__ == "__main__":
    main()
