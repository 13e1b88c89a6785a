"""Real text at scale: parse the legal crawl, index ≥ 200k real clauses on both back ends, measure.

Stages (each bounded; figures land in benchmarks/results/scale.json and scale.md):

  parse   unpack ../shared/scale-corpus/legal-crawl.tar.xz OUTSIDE the repo (--work, default
          /work/var/scale), parse every document with planqa's parser (timed), keep the parsed plans
  index   take real clauses up to --clauses, embed them with the bulk encoder below, write a file index
          (FAISS + bm25s, the production writer) and a PostgreSQL index (the production writer, a server
          started from the wheel), and measure build time, disk, memory, ask latency p50/p95 with and
          without a locality filter, and recall@10 of the approximate search against exact search.

Encoder: the default e5 model embeds ~13 clauses/s on these 2 shared cores (200k clauses ≈ 4 h), so the
scale run uses a bulk *hashing* encoder: each clause's BM25 tokens (unigrams + bigrams) hashed into 4096
buckets and projected to 384 dimensions by a fixed random matrix, L2-normalised. Clauses that share words
get near vectors, templated near-duplicates stay near-duplicates — the property that decides ANN recall —
and the latency, memory and recall figures do not depend on the model's answer quality. It is a
benchmark instrument, not a retrieval model.

Run: PYTHONPATH=. .venv/bin/python benchmarks/bench_scale.py parse|index [--clauses N]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import sys
import tarfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
TARBALL_ENV = "PLANQA_SCALE_CORPUS"
DIM = 384
HASH_BUCKETS = 4096
QUESTIONS = [
    "ai chủ trì thực hiện cải cách hành chính?",
    "tỷ lệ dân số tham gia bảo hiểm y tế đạt bao nhiêu?",
    "thời hạn hoàn thành chuyển đổi số",
    "đơn vị nào phối hợp xây dựng nông thôn mới",
    "trách nhiệm của ủy ban nhân dân cấp xã trong quản lý đất đai",
    "xử phạt vi phạm hành chính trong lĩnh vực giao thông",
    "mức hỗ trợ hộ nghèo",
    "kế hoạch phòng chống thiên tai",
    "quy định về thuế thu nhập cá nhân",
    "giáo dục mầm non phổ cập",
    "bảo vệ môi trường khu công nghiệp",
    "tiêu chuẩn cán bộ công chức cấp xã",
]


def _tarball() -> Path:
    return Path(os.environ.get(TARBALL_ENV) or ROOT.parent / "shared" / "scale-corpus" / "legal-crawl.tar.xz")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _save(key: str, value: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "scale.json"
    data = json.loads(path.read_text()) if path.exists() else {}
    data[key] = value
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


# ----------------------------------------------------------------------------- parse

def stage_parse(work: Path) -> None:
    from corpus import PlanError, parse_file

    src = work / "crawl"
    if not src.is_dir() or not any(src.iterdir()):
        src.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        with tarfile.open(_tarball()) as tar:
            tar.extractall(src, filter="data")
        print(f"unpacked in {time.perf_counter() - t:.1f}s", flush=True)
    files = sorted(p for p in src.rglob("*") if p.is_file() and p.suffix in (".md", ".txt", ".html"))
    out = work / "parsed.jsonl"
    started = time.perf_counter()
    cpu_started = time.process_time()  # CPU seconds: fair on a box shared with other jobs
    per_file: list[float] = []
    clauses = errors = 0
    with open(out, "w", encoding="utf-8") as f:
        for i, path in enumerate(files):
            t = time.process_time()
            try:
                plan = parse_file(path)
            except PlanError:
                errors += 1
                continue
            per_file.append(time.process_time() - t)
            clauses += len(plan.clauses)
            f.write(json.dumps(plan.to_dict(), ensure_ascii=False) + "\n")
            if i % 500 == 0:
                print(f"{i}/{len(files)} files, {clauses} clauses, {time.perf_counter() - started:.0f}s", flush=True)
    total = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    per_file.sort()
    result = {"files": len(files), "parsed": len(per_file), "refused": errors, "clauses": clauses,
              "wall_seconds": round(total, 1), "cpu_seconds": round(cpu, 1),
              "files_per_cpu_second": round(len(files) / cpu, 1), "load_average": os.getloadavg()[0],
              "cpu_ms_per_file_p50": round(1000 * per_file[len(per_file) // 2], 1),
              "cpu_ms_per_file_p95": round(1000 * per_file[int(len(per_file) * 0.95)], 1),
              "cpu_ms_per_file_max": round(1000 * per_file[-1], 1), "peak_rss_mb": round(_rss_mb())}
    _save("parse", result)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("stage", choices=["parse", "index"])
    ap.add_argument("--work", type=Path, default=Path("/work/var/scale"))
    ap.add_argument("--clauses", type=int, default=200_000)
    args = ap.parse_args()
    if args.stage == "parse":
        stage_parse(args.work)
    else:
        stage_index(args.work, args.clauses)  # noqa: F821  (defined below when the index stage lands)
