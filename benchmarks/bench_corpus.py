"""Parse time of the sample plans (target: all five well under a second).

Run: .venv/bin/python benchmarks/bench_corpus.py [PLANS_DIR]
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from corpus import find_plans, parse_file

RESULTS = Path(__file__).parent / "results" / "corpus.md"


def main() -> None:
    plans = find_plans(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/plans"))
    parse_file(plans[0])  # warm imports
    runs = []
    for _ in range(20):
        t = time.perf_counter()
        clauses = sum(len(parse_file(p).clauses) for p in plans)
        runs.append(time.perf_counter() - t)
    lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in plans)
    table = (
        "# Corpus benchmark\n\n`benchmarks/bench_corpus.py`, 2 cores.\n\n"
        "| plans | lines | clauses | median (20 runs) | max |\n|---|---|---|---|---|\n"
        f"| {len(plans)} | {lines} | {clauses} | {statistics.median(runs) * 1000:.0f} ms | {max(runs) * 1000:.0f} ms |\n"
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
