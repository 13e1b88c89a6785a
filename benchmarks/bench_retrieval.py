"""In-process latency of `Retriever.ask` on the sample plans (target p95 ≤ 25 ms).

Asks every gold question (warm-up pass first, so model loading is not counted),
then reports p50/p95 over several passes.
Run: .venv/bin/python benchmarks/bench_retrieval.py INDEX_DIR [eval/gold.jsonl]
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from retrieval import Retriever

RESULTS = Path(__file__).parent / "results" / "retrieval.md"


def percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main() -> None:
    index_dir = Path(sys.argv[1])
    gold = Path(sys.argv[2] if len(sys.argv) > 2 else "eval/gold.jsonl")
    questions = [json.loads(x)["question"] for x in gold.read_text(encoding="utf-8").splitlines() if x.strip()]
    t = time.perf_counter()
    r = Retriever.load(index_dir)
    load = time.perf_counter() - t
    for q in questions:  # warm-up: model load, segmentation caches
        r.ask(q)
    times: list[float] = []
    for _ in range(3):
        for q in questions:
            t = time.perf_counter()
            r.ask(q)
            times.append((time.perf_counter() - t) * 1000)
    cold = []
    for q in questions:  # a warm server meets a question it has not seen: embedding, segmentation uncached
        t = time.perf_counter()
        r.ask(q + " nhé")
        cold.append((time.perf_counter() - t) * 1000)
    embed = []
    for q in questions:
        t = time.perf_counter()
        r.store.encoder.encode_queries([q + " ạ"])
        embed.append((time.perf_counter() - t) * 1000)
    table = (
        "# Retrieval benchmark\n\n`benchmarks/bench_retrieval.py`, 2 cores, default offline model, "
        f"{len(r.store.clauses)} clauses, {len(questions)} gold questions.\n\n"
        "| measure | p50 | p95 | max |\n|---|---|---|---|\n"
        f"| `ask`, questions seen before (3 passes) | {statistics.median(times):.1f} ms | {percentile(times, 95):.1f} ms | {max(times):.1f} ms |\n"
        f"| `ask`, new questions on a warm retriever | {statistics.median(cold):.1f} ms | {percentile(cold, 95):.1f} ms | {max(cold):.1f} ms |\n"
        f"| of which: query embedding alone (default encoder) | {statistics.median(embed):.1f} ms | {percentile(embed, 95):.1f} ms | {max(embed):.1f} ms |\n"
        f"\nIndex load: {load:.2f} s.\n"
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
