"""BM25 inside PostgreSQL as a sparse inner product, scored exactly as bm25s scores it.

bm25s (method "lucene", the file back end) scores a clause d for query tokens q₁…qₙ (repeats count) as
Σᵢ idf(qᵢ)·tf/(tf + k1·(1 − b + b·|d|/avgdl)), idf = ln(1 + (N − df + 0.5)/(df + 0.5)).
The clause half — the saturated term frequency — is stored per clause as a ``sparsevec``; the query half —
idf × how often the token occurs in the query — is built at query time from the live statistics, so
``-(bm25 <#> query)`` is the BM25 score. The stored half depends on avgdl, so writes record the avgdl they
weighted with, and ``reweigh`` recomputes every clause once the mean length has drifted.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Iterable, Mapping

from ..build import BM25_PARAMS
from .schema import SPARSE_DIM

K1 = float(BM25_PARAMS["k1"])
B = float(BM25_PARAMS["b"])
# Re-weigh every clause when the corpus's mean clause length moved more than this since the stored
# weights were computed: at 2% the saturation term moves < 1% for any clause, so rankings hold.
AVGDL_TOLERANCE = 0.02


def idf(df: int, n_docs: int) -> float:
    return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))


def saturated(tf: float, length: int, avgdl: float) -> float:
    return tf / (tf + K1 * (1 - B + B * length / avgdl))


def sparse_literal(weights: Mapping[int, float]) -> str:
    """pgvector text form (1-based ids): ``{3:0.5,17:0.25}/1000000000``."""
    body = ",".join(f"{i}:{float(w)!r}" for i, w in sorted(weights.items()) if w)
    return "{" + body + "}/" + str(SPARSE_DIM)


def parse_sparse(text: str) -> dict[int, float]:
    body = text[text.index("{") + 1:text.index("}")]
    out: dict[int, float] = {}
    for part in body.split(","):
        if part:
            i, w = part.split(":")
            out[int(i)] = float(w)
    return out


def clause_weights(counts: Mapping[int, int], length: int, avgdl: float) -> dict[int, float]:
    return {t: saturated(c, length, avgdl) for t, c in counts.items()}


def query_weights(tokens: Iterable[str], term_ids: Mapping[str, int], df: Mapping[str, int],
                  n_docs: int) -> dict[int, float]:
    """idf × count per known query token (bm25s sums a repeated query token once per occurrence)."""
    out: dict[int, float] = {}
    for tok, count in Counter(tokens).items():
        tid = term_ids.get(tok)
        if tid is not None and df.get(tok, 0) > 0:
            out[tid] = idf(df[tok], n_docs) * count
    return out


def needs_reweigh(weighted_avgdl: float, avgdl: float) -> bool:
    if weighted_avgdl <= 0:
        return avgdl > 0
    return abs(avgdl - weighted_avgdl) / weighted_avgdl > AVGDL_TOLERANCE
