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
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.backend import open_store  # noqa: E402
from retrieval import train as T  # noqa: E402
from retrieval.ranker import RankerModel  # noqa: E402
from retrieval.search import CANDIDATES, Retriever  # noqa: E402
from retrieval.signals import SIGNALS  # noqa: E402

DEPTHS = (5, 10, 20, 50, 100, 200)
DEEP = max(DEPTHS)


def _relevant(retriever: Retriever, e: T.Example) -> set[int]:
    return {p for p, c in enumerate(retriever.store.clauses) if any(T._covers(c, r) for r in e.gold.relevant)}


def _first(order: list[int], wanted: set[int]) -> int:
    return next((i for i, p in enumerate(order) if p in wanted), DEEP + 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("tune", nargs="+", type=Path)
    ap.add_argument("--index", required=True)
    ap.add_argument("--extra", action="append", type=Path, default=[])
    ap.add_argument("--held", type=Path, default=None, help="a tuning file to leave out as a pseudo-blind set")
    ap.add_argument("--misses", action="store_true", help="list each out-of-fold miss")
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
