"""How much the evaluation moves when the embeddings move a little.

Another CPU, BLAS build or model quantisation changes embeddings in their last
digits; a retriever whose answers flip on that is tuned to noise. This adds
Gaussian noise (σ per coordinate, then re-normalises) to every clause vector and
every query vector, rebuilds an exact FAISS index in memory, and re-runs the
hybrid evaluation for a few seeds. Nothing on disk is changed.

Run: .venv/bin/python benchmarks/robustness.py INDEX_DIR [eval/gold.jsonl] [--sigma 0.01] [--seeds 4]
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import faiss
import numpy as np

from retrieval import Retriever
from retrieval.evaluate import evaluate

RESULTS = Path(__file__).parent / "results" / "robustness.md"
METRICS = ("recall@5", "mrr", "answer_accuracy", "abstention_accuracy")


def perturb(retriever: Retriever, base_vectors: np.ndarray, encode, sigma: float, seed: int | None) -> None:
    """Swap the store's vectors and query encoder for noisy copies (seed None: the originals)."""
    store = retriever.store
    vectors = base_vectors
    if seed is not None:
        noise = np.random.default_rng(seed).normal(0, sigma, base_vectors.shape).astype(np.float32)
        vectors = base_vectors + noise
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    flat = faiss.IndexFlatIP(vectors.shape[1])
    flat.add(vectors)
    store._faiss, store.vectors = flat, vectors

    def noisy(text: str) -> np.ndarray:
        e = np.asarray(encode(text), dtype=np.float32)
        if seed is None:
            return e
        # the same question gets the same noise within a seed, whichever mode asks it
        h = int(hashlib.sha1(f"{seed}:{text}".encode()).hexdigest()[:8], 16)
        e = e + np.random.default_rng(h).normal(0, sigma, e.shape).astype(np.float32)
        return e / np.linalg.norm(e)

    store._encode_query = noisy


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("index")
    ap.add_argument("gold", nargs="?", default="eval/gold.jsonl")
    ap.add_argument("--sigma", type=float, default=0.01)
    ap.add_argument("--seeds", type=int, default=4)
    args = ap.parse_args()

    retriever = Retriever.load(args.index)
    base = np.asarray(retriever.store.vectors, dtype=np.float32).copy()
    encode = retriever.store._encode_query
    rows = []
    for seed in [None, *range(args.seeds)]:
        perturb(retriever, base, encode, args.sigma, seed)
        report = evaluate(retriever, args.gold, modes=("hybrid",), k=10)
        m = report.overall["hybrid"].to_dict()
        missed = [r.question.id for r in report.results["hybrid"] if not r.question.answerable and r.found]
        rows.append(("as built" if seed is None else f"noise seed {seed}", m, missed))
        print(rows[-1][0], {k: round(m[k], 3) for k in METRICS}, "answered unanswerable:", missed or "none",
              file=sys.stderr)

    noisy = [m for label, m, _ in rows[1:]]
    lines = [
        "# Robustness to embedding noise",
        "",
        f"`benchmarks/robustness.py`, hybrid mode, {args.gold}, Gaussian noise σ = {args.sigma} per coordinate on "
        f"every clause and query vector (re-normalised), {args.seeds} seeds.",
        "",
        "| run | R@5 | MRR@10 | answer acc | abstain acc | unanswerable answered |",
        "|---|---|---|---|---|---|",
    ]
    for label, m, missed in rows:
        lines.append(f"| {label} | " + " | ".join(f"{m[k]:.3f}" for k in METRICS) + f" | {', '.join(missed) or '–'} |")
    if noisy:
        lines += ["", "Range under noise: " + "; ".join(
            f"{k} {min(m[k] for m in noisy):.3f}–{max(m[k] for m in noisy):.3f}" for k in METRICS) + "."]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
