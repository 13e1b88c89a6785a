"""Do the declared everyday words (`corpus.text.EVERYDAY_WORDS`) help ranking out of fold?

For each variant (the BM25 weight of the plans' words added, `retrieval.search.EVERYDAY_WEIGHT`) the candidates and
signals of every question are read again and the ranker is cross-validated by document as `planqa train` does it
(extra gold always in training). Printed: pooled and per-set hit@5 / MRR@10, and how many held-out questions the
variant ranks better / worse than the first variant. (A dense variant embedding the plans' words after the question
was measured and dropped, benchmarks/results/everyday-words.md; its switch is gone from the query path.)

    python benchmarks/everyday_words_cv.py --index /work/var/real-index-z eval/real_dev.jsonl … eval/real_dev11.jsonl \\
        --extra eval/gold.jsonl --extra eval/heldout.jsonl --variant 0 --variant 0.5 --variant 1
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from retrieval import search as S  # noqa: E402
from retrieval import train as T  # noqa: E402
from retrieval.signals import SIGNALS  # noqa: E402


def measure(retriever: S.Retriever, sets: list[str], extra: list[str]) -> dict[str, tuple[str, float, float]]:
    """Question id → (set, hit@5, reciprocal rank) out of fold, answerable questions only."""
    tune = [e for p in sets for e in T.collect(retriever, p)]
    ext = [e for p in extra for e in T.collect(retriever, p)]
    cv = T.cross_validate(retriever, tune, ext, list(SIGNALS))
    out = {}
    for i, ranked in cv.ranked.items():
        e = tune[i]
        if e.gold.answerable:
            h, rr = T._rank_metrics(retriever, e, ranked)
            out[f"{e.source}:{e.gold.id}"] = (e.source, h, rr)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--extra", action="append", default=[])
    ap.add_argument("--index", required=True)
    ap.add_argument("--variant", action="append", default=[], help="the plans' words' BM25 weight, e.g. 0.5")
    args = ap.parse_args()
    retriever = S.Retriever.load(args.index)
    results = []
    for v in args.variant or ["0", "0.5"]:
        S.EVERYDAY_WEIGHT = float(v)
        res = measure(retriever, args.sets, args.extra)
        results.append((v, res))
        per = defaultdict(list)
        for s, h, rr in res.values():
            per[s].append((h, rr))
        pooled = list(res.values())
        print(f"## variant weight {v}: hit@5 {sum(h for _, h, _ in pooled) / len(pooled):.3f} "
              f"MRR {sum(r for _, _, r in pooled) / len(pooled):.3f} ({len(pooled)} answerable)")
        for s in args.sets:
            rows = per[s]
            print(f"  {s}: hit@5 {sum(h for h, _ in rows) / len(rows):.3f} MRR {sum(r for _, r in rows) / len(rows):.3f}")
        if len(results) > 1:
            base = results[0][1]
            better = sum(1 for k in res if res[k][2] > base[k][2] + 1e-9)
            worse = sum(1 for k in res if res[k][2] < base[k][2] - 1e-9)
            print(f"  against {results[0][0]}: {better} questions ranked better, {worse} worse")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
