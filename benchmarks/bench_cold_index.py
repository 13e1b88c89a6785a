"""Cold index of the sample plans, code trees side by side: before/after a change, in ONE run, interleaved.

Each round runs ``planqa index PLANS --index TMP --quiet`` once per tree, in a fresh process with an
empty vector cache (``PLANQA_VECTOR_CACHE`` pointing to a new empty folder) and the ONNX model
already built, so it times what a first index costs: start-up, parsing, embedding, BM25, FAISS, write.
Other work shares the cores: the 1-minute load average is recorded before every run, and ``uptime``
at the start and the end. Each run's CPU time (user + sys of the child process) is recorded beside its
wall time: on a shared machine the wall time is mostly the neighbours' load, the CPU time much less.

Run: .venv/bin/python benchmarks/bench_cold_index.py --tree before=/work/main --tree after=. [--rounds 3]
Writes benchmarks/results/cold_index.json and puts this run's table at the top of
benchmarks/results/cold_index.md, above the earlier runs (kept); ``--results DIR`` writes elsewhere.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cold_index(tree: Path, plans: Path, model: str | None) -> tuple[float, float, float]:
    """(wall seconds, 1-min load before, CPU seconds) of one cold `planqa index` in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PYTHONPATH=str(tree), PLANQA_VECTOR_CACHE=str(Path(tmp) / "vc"))
        cmd = [sys.executable, "-m", "planqa.cli", "index", str(plans), "--index", str(Path(tmp) / "idx"), "--quiet"]
        if model:
            cmd += ["--model", model]
        load = os.getloadavg()[0]
        cpu = _children_cpu()
        t = time.perf_counter()
        subprocess.run(cmd, check=True, env=env, cwd=str(tree), stdout=subprocess.DEVNULL)
        return time.perf_counter() - t, load, _children_cpu() - cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("plans", nargs="?", default=os.environ.get("PLANQA_SAMPLE_PLANS", str(REPO.parent / "shared" / "plans")))
    ap.add_argument("--tree", action="append", required=True, help="LABEL=PATH of a planqa checkout (repeatable)")
    ap.add_argument("--model", action="append", default=[], help="LABEL=MODEL for a tree (default: its default)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--note", default="", help="a line under the table: what the trees are")
    ap.add_argument("--results", type=Path, default=RESULTS, help="folder for cold_index.md/.json")
    args = ap.parse_args()
    trees = dict(t.split("=", 1) for t in args.tree)
    models = dict(m.split("=", 1) for m in args.model)
    start = uptime()
    runs: dict[str, list[tuple[float, float, float]]] = {k: [] for k in trees}
    for r in range(args.rounds):
        for label, path in trees.items():
            runs[label].append(cold_index(Path(path).resolve(), Path(args.plans), models.get(label)))
            wall, load, cpu = runs[label][-1]
            print(f"round {r + 1} {label}: {wall:.1f} s wall, {cpu:.1f} CPU-s (load {load:.1f})", flush=True)
    result = {"when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cores": os.cpu_count(),
              "uptime_start": start, "uptime_end": uptime(), "rounds": args.rounds,
              "trees": {k: {"path": str(Path(v).resolve()), "model": models.get(k), "seconds": [s for s, _, _ in runs[k]],
                            "load": [x for _, x, _ in runs[k]], "cpu_seconds": [c for _, _, c in runs[k]],
                            "median_s": statistics.median(s for s, _, _ in runs[k]),
                            "min_s": min(s for s, _, _ in runs[k]),
                            "median_cpu_s": statistics.median(c for _, _, c in runs[k])} for k, v in trees.items()}}
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "cold_index.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    title = "# Cold index of the sample plans, interleaved (`benchmarks/bench_cold_index.py`)"
    lines = [title, "",
             f"{result['when']}, {result['cores']} cores shared with other work. `uptime` at the start: "
             f"{result['uptime_start']}; at the end: {result['uptime_end']}.", "",
             *([args.note, ""] if args.note else []),
             "| tree | model | median wall | min wall | median CPU (user+sys) | each run: wall / CPU (1-min load before it) |",
             "|---|---|---|---|---|---|"]
    for k, t in result["trees"].items():
        each = ", ".join(f"{s:.1f} / {c:.1f} s ({x:.1f})" for s, c, x in zip(t["seconds"], t["cpu_seconds"], t["load"]))
        lines.append(f"| {k} | {t['model'] or 'default'} | {t['median_s']:.1f} s | {t['min_s']:.1f} s | "
                     f"{t['median_cpu_s']:.1f} s | {each} |")
    md = args.results / "cold_index.md"
    earlier = md.read_text(encoding="utf-8") if md.exists() else ""
    earlier = earlier[len(title):].lstrip("\n") if earlier.startswith(title) else earlier
    history = ["", "## The run before", "", earlier.rstrip("\n")] if earlier.strip() else []
    md.write_text("\n".join(lines + history) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
