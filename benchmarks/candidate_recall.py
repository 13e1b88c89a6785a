"""Candidate recall of the base retrievers and of the pool the ranker sees, per gold file.

    python benchmarks/candidate_recall.py eval/real_dev.jsonl [eval/real_dev2.jsonl …] --index DIR [--misses]

For every answerable question: the rank of the first relevant clause (a clause covering one of the gold
lines, as `planqa train` labels them) in BM25's list, in the dense list, in their reciprocal-rank fusion, and
whether the pool the ranker scores (`Retriever.candidates`, hybrid: each retriever's top
``CANDIDATES`` plus the strategy's extras) holds one. No ranker is involved, so it measures only the base
retrievers and the pool; the figures follow whatever the working tree's retrieval code does (query form,
BM25 tokens, pool depth), so rerunning it after a change shows what the change did. Dev files only: never
run it on a test-half gold set.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.backend import open_store  # noqa: E402
from retrieval.evaluate import load_gold  # noqa: E402
from retrieval.ranker import RankerModel  # noqa: E402
from retrieval.search import Retriever  # noqa: E402
from retrieval.train import _covers  # noqa: E402

DEPTHS = (1, 5, 10, 20, 50, 100)
DEEP = 200  # each list is read this deep; a clause below it counts as not found
RRF_K = 60  # the usual reciprocal-rank-fusion constant (Cormack et al. 2009)


def first_rank(order: list[int], wanted: set[int]) -> int:
    """0-based rank of the first wanted position in ``order``; DEEP when none is there."""
    return next((i for i, p in enumerate(order) if p in wanted), DEEP)


def fused(bm: list[int], dense: list[int], k: int = RRF_K) -> list[int]:
    """Reciprocal-rank fusion of two ranked lists (ties to the earlier position)."""
    score: dict[int, float] = {}
    for order in (bm, dense):
        for r, p in enumerate(order):
            score[p] = score.get(p, 0.0) + 1.0 / (k + r + 1)
    return sorted(score, key=lambda p: (-score[p], p))


def measure(retriever: Retriever, gold_path: Path) -> list[dict]:
    """One row per answerable question: ranks of its first relevant clause and whether the pool holds it."""
    store = retriever.store
    rows = []
    for g in load_gold(gold_path):
        if not g.answerable:
            continue
        q = retriever.analyse(g.question)
        wanted = {p for p, c in enumerate(store.clauses) if any(_covers(c, r) for r in g.relevant)}
        doc_filter = set(q.doc_filter) if q.doc_filter is not None else None
        if doc_filter is not None and not doc_filter:
            bm, dense = [], []
        else:
            bm = [p for p, _ in store.sparse(q.text, DEEP, doc_filter)]
            dense = [p for p, _ in store.dense(retriever.dense_text(q), DEEP, doc_filter)]
        cands = retriever.candidates(q, "hybrid")
        pool = set(cands.positions) if cands else set()
        filtered = doc_filter is not None and not {store.clauses[p].doc_id for p in wanted} & doc_filter
        rows.append({"id": g.id, "type": g.type, "question": g.question, "bm25": first_rank(bm, wanted),
                     "dense": first_rank(dense, wanted), "rrf": first_rank(fused(bm, dense)[:DEEP], wanted),
                     "pool": bool(pool & wanted), "pool_size": len(pool), "filtered": filtered})
    return rows


def table(name: str, rows: list[dict]) -> list[str]:
    bm = np.array([r["bm25"] for r in rows])
    de = np.array([r["dense"] for r in rows])
    rrf = np.array([r["rrf"] for r in rows])
    out = [f"### {name}: {len(rows)} answerable, pool holds a relevant clause {np.mean([r['pool'] for r in rows]):.3f} "
           f"(mean pool {np.mean([r['pool_size'] for r in rows]):.0f}; plan filtered out {sum(r['filtered'] for r in rows)})",
           "", "| depth | BM25 | dense | either | RRF |", "|---|---|---|---|---|"]
    for k in DEPTHS:
        out.append(f"| {k} | {np.mean(bm < k):.3f} | {np.mean(de < k):.3f} | {np.mean((bm < k) | (de < k)):.3f} "
                   f"| {np.mean(rrf < k):.3f} |")
    mrr = lambda a: np.mean(np.where(a < 10, 1.0 / (a + 1), 0.0))  # noqa: E731
    out.append(f"| MRR@10 | {mrr(bm):.3f} | {mrr(de):.3f} | | {mrr(rrf):.3f} |")
    return out + [""]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--index", required=True)
    ap.add_argument("--misses", action="store_true", help="list the questions whose pool holds no relevant clause "
                                                           "or whose BM25 and dense ranks are both 5 or below")
    args = ap.parse_args()
    retriever = Retriever(open_store(args.index), RankerModel.untrained())
    every: list[dict] = []
    for path in args.gold:
        rows = measure(retriever, path)
        every += rows
        print("\n".join(table(path.name, rows)))
        if args.misses:
            for r in rows:
                if not r["pool"] or min(r["bm25"], r["dense"]) >= 5:
                    print(f"  {r['id']} ({r['type']}) pool {'yes' if r['pool'] else 'NO'}, BM25 {r['bm25']}, "
                          f"dense {r['dense']}, RRF {r['rrf']}: {r['question']}")
            print()
    if len(args.gold) > 1:
        print("\n".join(table("all", every)))


if __name__ == "__main__":
    main()
