"""Real text at scale: parse the legal crawl, index ≥ 200k real clauses on both back ends, measure.

Stages (each bounded; figures land in benchmarks/results/scale.json and scale.md):

  parse   unpack ../shared/scale-corpus/legal-crawl.tar.xz OUTSIDE the repo (--work, default
          $TMPDIR/planqa-scale), parse every document with planqa's parser (timed), keep the parsed plans
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
import tempfile
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



# ----------------------------------------------------------------------------- index

_STOP = None


def fast_tokens(text: str, abbreviations=None) -> list[str]:
    """Benchmark BM25 tokens: folded syllables + adjacent-syllable pairs (no underthesea: 6 ms/clause)."""
    import re

    from index import text as T

    global _STOP
    if _STOP is None:
        _STOP = {T.fold(w) for w in T.STOPWORDS}
    syl = [w for w in re.findall(r"\w+", T.fold(T.expand_abbreviations(text, abbreviations))) if w not in _STOP]
    return syl + [f"{a}_{b}" for a, b in zip(syl, syl[1:])]


class HashingEncoder:
    """Token hashing + a fixed random projection to 384-d (see the module docstring: an instrument, not a model)."""

    name = "bench-hashing-384"
    dim = DIM

    def __init__(self) -> None:
        rng = np.random.default_rng(0)
        self.proj = (rng.standard_normal((HASH_BUCKETS, DIM)) / np.sqrt(DIM)).astype(np.float32)

    def _encode(self, texts) -> np.ndarray:
        import zlib

        out = np.empty((len(texts), DIM), dtype=np.float32)
        for start in range(0, len(texts), 4096):
            chunk = texts[start:start + 4096]
            m = np.zeros((len(chunk), HASH_BUCKETS), dtype=np.float32)
            for i, t in enumerate(chunk):
                for tok in fast_tokens(t):
                    m[i, zlib.crc32(tok.encode()) % HASH_BUCKETS] += 1.0
            np.log1p(m, out=m)
            v = m @ self.proj
            v /= np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)
            out[start:start + len(chunk)] = v
        return out

    def encode_passages(self, texts, *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
        return self._encode(list(texts))

    def encode_queries(self, texts) -> np.ndarray:
        return self._encode(list(texts))


def _load_plans(work: Path, limit: int):
    from corpus.model import ParsedPlan

    plans, n = [], 0
    with open(work / "parsed.jsonl", encoding="utf-8") as f:
        for line in f:
            plan = ParsedPlan.from_dict(json.loads(line))
            if not plan.clauses:
                continue
            plans.append(plan)
            n += len(plan.clauses)
            if n >= limit:
                break
    return plans, n


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return round(1000 * xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))], 2)


def _du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _measure(store, label: str, exact_fn, queries: list[str], qvecs: np.ndarray, locality: str | None) -> dict:
    """Ask latency (full Retriever.ask), back-end search latency, recall@10 of ANN vs exact."""
    import psutil

    from retrieval import Retriever

    store._encoder = HashingEncoder()  # queries embed with the same instrument as the clauses
    rss0 = psutil.Process().memory_info().rss
    t = time.perf_counter()
    r = Retriever(store)
    init_s = time.perf_counter() - t
    out: dict = {"retriever_init_s": round(init_s, 1)}
    for name, loc in (("ask", None), ("ask_locality", locality)):
        lat = []
        for q in QUESTIONS * 3:
            t = time.perf_counter()
            r.ask(q, top_k=5, locality=loc)
            lat.append(time.perf_counter() - t)
        out[name] = {"p50_ms": _pct(lat, 0.5), "p95_ms": _pct(lat, 0.95), "n": len(lat)}
    for name, fn in (("dense", store.dense), ("sparse", store.sparse)):
        lat = []
        for q in QUESTIONS * 3:
            t = time.perf_counter()
            fn(q, 60)
            lat.append(time.perf_counter() - t)
        out[f"{name}_search"] = {"p50_ms": _pct(lat, 0.5), "p95_ms": _pct(lat, 0.95)}
    recalls, ann_lat, exact_lat = [], [], []
    for q, v in zip(queries, qvecs):
        t = time.perf_counter()
        approx = {p for p, _ in exact_fn(v, False)}
        ann_lat.append(time.perf_counter() - t)
        t = time.perf_counter()
        truth = {p for p, _ in exact_fn(v, True)}
        exact_lat.append(time.perf_counter() - t)
        recalls.append(len(approx & truth) / max(1, len(truth)))
    out["recall@10_ann_vs_exact"] = round(float(np.mean(recalls)), 4)
    out["ann_knn_p50_ms"] = _pct(ann_lat, 0.5)
    out["exact_knn_p50_ms"] = _pct(exact_lat, 0.5)
    out["reader_rss_delta_mb"] = round((psutil.Process().memory_info().rss - rss0) / 2**20)
    print(label, json.dumps(out), flush=True)
    return out


def stage_index(work: Path, limit: int) -> None:
    import shutil

    import psutil

    from index import text as T
    from index.build import vector_key, write_index_dir
    from index.store import IndexStore

    os.environ.pop("PLANQA_VECTOR_CACHE", None)  # never fill the shared cache with benchmark vectors
    t = time.perf_counter()
    plans, n = _load_plans(work, limit)
    result: dict = {"documents": len(plans), "clauses": n, "load_parsed_s": round(time.perf_counter() - t, 1)}
    print(f"{len(plans)} documents, {n} clauses", flush=True)
    enc = HashingEncoder()
    t = time.perf_counter()
    texts = [c.text for p in plans for c in p.clauses]
    table = T.abbreviation_table(T.harvest_abbreviations(texts))
    passages = [T.passage_text(c, p.document) for p in plans for c in p.clauses]
    tokens = [fast_tokens(x, table) for x in passages]
    result["tokenize_s"] = round(time.perf_counter() - t, 1)
    t = time.perf_counter()
    vectors = enc.encode_passages(passages)
    result["embed_s"] = round(time.perf_counter() - t, 1)
    keys = [vector_key(enc.name, x) for x in passages]
    rng = np.random.default_rng(1)
    sample = rng.choice(len(passages), 40, replace=False)
    queries = [passages[i][:200] for i in sample]
    qvecs = enc.encode_queries(queries)
    localities = {}
    for p in plans:
        lab = p.document.locality.label()
        if lab:
            localities[lab] = localities.get(lab, 0) + len(p.clauses)
    locality = max(localities, key=localities.get) if localities else None
    result["locality_filter"] = {"locality": locality, "clauses": localities.get(locality, 0)}

    # ---- files
    out = work / "files-index"
    shutil.rmtree(out, ignore_errors=True)
    t = time.perf_counter()
    manifest = write_index_dir(out, plans, vectors, keys, tokens, table, enc.name)
    files: dict = {"build_s": round(time.perf_counter() - t, 1), "disk_mb": round(_du(out) / 2**20),
                   "index": manifest["faiss_index"], "params": manifest["faiss_params"]}
    t = time.perf_counter()
    rss0 = psutil.Process().memory_info().rss
    store = IndexStore.load(out)
    files["load_s"] = round(time.perf_counter() - t, 1)
    files["load_rss_mb"] = round((psutil.Process().memory_info().rss - rss0) / 2**20)

    def files_knn(v, exact):
        if exact:
            sims = np.asarray(store.vectors) @ v
            top = np.argpartition(-sims, 10)[:10]
            return [(int(i), float(sims[i])) for i in top]
        s, i = store._faiss.search(v[None, :], 10)
        return list(zip(i[0].tolist(), s[0].tolist()))

    files.update(_measure(store, "files", files_knn, queries, qvecs, locality))
    result["files"] = files
    del store
    _save(f"index_{n}", result)

    # ---- postgres
    from index.postgres import PostgresStore, PostgresWriter
    from index.postgres.server import LocalServer

    root = Path("/var/tmp/planqa-bench")
    if root.exists():
        try:
            LocalServer.open(root).destroy()
        except Exception:
            shutil.rmtree(root, ignore_errors=True)
    server = LocalServer.create(root)
    try:
        server.start()
        dsn = server.dsn()
        writer = PostgresWriter(dsn, encoder=enc, tokenize=fast_tokens)
        t = time.perf_counter()
        writer.write(plans)
        pg: dict = {"build_s": round(time.perf_counter() - t, 1), "includes_hashing_embed_s": result["embed_s"]}
        import psycopg

        with psycopg.connect(dsn) as conn:
            pg["database_mb"] = round(conn.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 2**20)
            for rel in ("clauses", "clauses_embedding", "clauses_terms", "terms", "documents"):
                pg[f"{rel}_mb"] = round(conn.execute("SELECT pg_total_relation_size(%s)" if rel in ("clauses", "documents", "terms")
                                                     else "SELECT pg_relation_size(%s)", (rel,)).fetchone()[0] / 2**20)
        t = time.perf_counter()
        rss0 = psutil.Process().memory_info().rss
        store = PostgresStore.load(dsn)
        pg["load_s"] = round(time.perf_counter() - t, 1)
        pg["load_rss_mb"] = round((psutil.Process().memory_info().rss - rss0) / 2**20)
        pg.update(_measure(store, "postgres", lambda v, exact: store.dense_vector(v, 10, exact=exact),
                           queries, qvecs, locality))
        result["postgres"] = pg
        result["load_average"] = os.getloadavg()[0]
        _save(f"index_{n}", result)
        store.close()
    finally:
        server.destroy()
    print(json.dumps(result, indent=1), flush=True)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("stage", choices=["parse", "index"])
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "planqa-scale")
    ap.add_argument("--clauses", type=int, default=200_000)
    args = ap.parse_args()
    if args.stage == "parse":
        stage_parse(args.work)
    else:
        stage_index(args.work, args.clauses)
