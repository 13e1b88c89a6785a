"""Read an index directory and search it (dense FAISS, sparse bm25s).

Loading checks everything a later search would trip over — format version,
model, file presence, row counts — and fails with one clear line instead, so
``planqa ask`` on a stale or foreign index tells the user to rebuild.
"""
from __future__ import annotations

import functools
import json
import math
from pathlib import Path
from typing import Sequence

import numpy as np

from corpus.model import ParsedPlan

from . import layout as B
from . import text as T
from .backend import BM25Statistics, SnapshotStore
from .lookups import SyllableCounts, WordInitials
from .encoder import canonical_model_name, superseded

# A filtered dense search over at most this many rows is done exactly with numpy
# over the memory-mapped vectors (≤ ~10 ms); larger sets go through FAISS with an ID selector.
EXACT_FILTER_LIMIT = 50_000


class IndexLoadError(Exception):
    """An index that is missing, broken, outdated or built with another model; one line."""


class IndexStore(SnapshotStore):
    """A loaded index folder: the clause store plus dense and sparse search over it (a ``ClauseStore``)."""

    backend = "files"

    def __init__(self, index_dir: Path, manifest: dict, plans: list[ParsedPlan], faiss_index, bm25,
                 vectors: np.ndarray, abbreviations: dict[str, str], model: str) -> None:
        super().__init__(manifest, plans, abbreviations, model)
        self.index_dir = index_dir
        self.vectors = vectors
        self._faiss = faiss_index
        self._bm25 = bm25

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, index_dir: Path | str, model: str | None = None) -> "IndexStore":
        """Open ``index_dir``; ``model`` (default: the one it was built with) must match the build."""
        import bm25s
        import faiss

        B.quiet_bm25s()
        index_dir = Path(index_dir)
        mpath = index_dir / B.MANIFEST
        if not index_dir.is_dir():
            raise IndexLoadError(f"no index at {index_dir}: build one with `planqa index PLANS --index {index_dir}`")
        if not mpath.exists():
            raise IndexLoadError(f"{index_dir} is not an index (no {B.MANIFEST}); "
                                 f"rebuild with `planqa index PLANS --index {index_dir}`")
        try:
            manifest = json.loads(mpath.read_text(encoding="utf-8"))
            if not isinstance(manifest, dict):
                raise ValueError("not a JSON object")
        except (ValueError, UnicodeDecodeError) as exc:
            raise IndexLoadError(f"corrupt manifest {mpath}: {exc}; rebuild with `planqa index`") from None
        version = manifest.get("format_version")
        if version != B.FORMAT_VERSION:
            raise IndexLoadError(f"index at {index_dir} has format version {version}, this planqa reads "
                                 f"{B.FORMAT_VERSION}; rebuild with `planqa index`")
        if manifest.get("text_version") != T.TEXT_VERSION:
            raise IndexLoadError(f"index at {index_dir} holds BM25 tokens of text version "
                                 f"{manifest.get('text_version')}, this planqa reads {T.TEXT_VERSION}; "
                                 f"rebuild with `planqa index PLANS --index {index_dir}`")
        built_with = manifest.get("model")
        if not built_with:
            raise IndexLoadError(f"corrupt manifest {mpath}: no model recorded; rebuild with `planqa index`")
        if (now := superseded(built_with)) is not None:
            raise IndexLoadError(f"index at {index_dir} was built with model {built_with}, which this install now "
                                 f"builds as {now}; rebuild with `planqa index PLANS --index {index_dir}`")
        if model is not None and canonical_model_name(model) != built_with:
            raise IndexLoadError(f"index at {index_dir} was built with model {built_with}; you asked for "
                                 f"{canonical_model_name(model)} — rebuild with "
                                 f"`planqa index PLANS --index {index_dir} --model {model}`")
        try:
            with open(index_dir / B.PLANS, encoding="utf-8") as f:  # streamed: 200k clauses ≈ 150 MB
                plans = [ParsedPlan.from_dict(json.loads(line)) for line in f if line.strip()]
            vectors = np.load(index_dir / B.VECTORS, mmap_mode="r")
            fidx = faiss.read_index(str(index_dir / B.FAISS_FILE))
            bm25 = bm25s.BM25.load(str(index_dir / B.BM25_DIR), mmap=False, show_progress=False)
            abbreviations = json.loads((index_dir / B.ABBREVIATIONS).read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
            msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise IndexLoadError(f"broken index at {index_dir}: {msg}; rebuild with `planqa index`") from None
        n = sum(len(p.clauses) for p in plans)
        counts = manifest.get("counts", {})
        problems = []
        if counts.get("clauses") != n:
            problems.append(f"manifest says {counts.get('clauses')} clauses, store has {n}")
        if fidx.ntotal != n or vectors.shape[0] != n:
            problems.append(f"{fidx.ntotal} FAISS vectors / {vectors.shape[0]} stored vectors for {n} clauses")
        if int(bm25.scores.get("num_docs", -1)) != n:
            problems.append(f"BM25 holds {bm25.scores.get('num_docs')} clauses, store has {n}")
        if fidx.d != manifest.get("dimension"):
            problems.append(f"FAISS dimension {fidx.d} ≠ manifest {manifest.get('dimension')}")
        if problems:
            raise IndexLoadError(f"inconsistent index at {index_dir}: {'; '.join(problems)}; "
                                 f"rebuild with `planqa index`")
        params = manifest.get("faiss_params") or {}
        if params.get("nprobe") and hasattr(fidx, "nprobe"):
            fidx.nprobe = int(params["nprobe"])
        return cls(index_dir, manifest, plans, fidx, bm25, vectors, abbreviations, built_with)

    # ------------------------------------------------------------------ lookup tables

    def _stored(self, name: str, read):
        """A lookup table written by the build (`index.lookups`), read on first use; None in an index
        written before it was stored (the retriever then builds it)."""
        path = self.index_dir / name
        if not path.exists():
            return None
        try:
            return read(path)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise IndexLoadError(f"broken index at {self.index_dir}: {name}: {msg}; rebuild with `planqa index`") from None

    @functools.cached_property
    def _syllable_counts(self) -> SyllableCounts | None:
        return self._stored(B.SYLLABLES, SyllableCounts.load)

    @functools.cached_property
    def _word_initials(self) -> WordInitials | None:
        return self._stored(B.INITIALS, WordInitials.load)

    def syllable_counts(self) -> SyllableCounts | None:
        return self._syllable_counts

    def word_initials(self) -> WordInitials | None:
        return self._word_initials

    def bm25_statistics(self) -> BM25Statistics:
        """Document frequency of every BM25 token, read from bm25s's token-major (CSC) score matrix.

        Each token's column holds one entry per clause containing it, so its df is the column's
        length. (bm25s adds an empty "" token to the vocabulary that has no column: it gets none.)
        """
        vocab = self._bm25.vocab_dict
        counts = np.diff(np.asarray(self._bm25.scores["indptr"]))
        df = {tok: int(counts[i]) for tok, i in vocab.items() if i < len(counts)}
        return BM25Statistics(df, int(self._bm25.scores["num_docs"]))

    def health(self) -> dict:
        return {"backend": self.backend, "documents": len(self.documents), "clauses": len(self.clauses),
                "standby": False, "replication_lag_seconds": None}

    def _wrong_dimension(self, dim: int) -> Exception:
        return IndexLoadError(f"model {self.model} gives {dim}-d vectors, index has "
                              f"{self.manifest['dimension']}-d; rebuild with `planqa index`")

    # ------------------------------------------------------------------ search

    def ranges(self, doc_filter: set[str] | None) -> list[tuple[int, int]]:
        """[start, end) clause ranges of the given documents (unknown ids are ignored)."""
        return [self.doc_ranges[d] for d in sorted(doc_filter or ()) if d in self.doc_ranges]

    def positions(self, doc_filter: set[str] | None) -> np.ndarray:
        """Clause positions of the given documents (unknown ids are ignored)."""
        ranges = self.ranges(doc_filter)
        if not ranges:
            return np.zeros(0, dtype=np.int64)
        return np.concatenate([np.arange(a, b, dtype=np.int64) for a, b in ranges])

    def dense(self, query: str, k: int = 10, doc_filter: set[str] | None = None) -> list[tuple[int, float]]:
        """Top-k clauses by cosine similarity of the query and clause embeddings: [(position, score)].

        With ``doc_filter``, small filtered sets are scored exactly from the stored
        vectors (documents are contiguous row ranges, so no copying); large ones go
        through FAISS with an ID selector and a proportionally wider probe.
        """
        n = len(self.clauses)
        if k <= 0 or n == 0:
            return []
        q = self.search_vector(query)
        if doc_filter is None:
            scores, ids = self._faiss.search(q[None, :], min(k, n))
            return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]
        ranges = self.ranges(doc_filter)
        total = sum(b - a for a, b in ranges)
        if total == 0:
            return []
        k = min(k, total)
        if total <= EXACT_FILTER_LIMIT:
            sims = np.concatenate([np.asarray(self.vectors[a:b]) @ q for a, b in ranges])
            rows = np.concatenate([np.arange(a, b) for a, b in ranges])
            top = np.argpartition(-sims, k - 1)[:k] if k < sims.size else np.arange(sims.size)
            top = top[np.argsort(-sims[top], kind="stable")]
            return [(int(rows[t]), float(sims[t])) for t in top]
        import faiss

        sel = faiss.IDSelectorBatch(self.positions(doc_filter))
        if hasattr(self._faiss, "nprobe"):
            wider = math.ceil(self._faiss.nprobe * n / total)
            params = faiss.SearchParametersIVF(sel=sel, nprobe=min(self._faiss.nlist, wider))
        else:
            params = faiss.SearchParameters(sel=sel)
        scores, ids = self._faiss.search(q[None, :], k, params=params)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    def dense_scores_at(self, query: str, positions: Sequence[int]) -> np.ndarray:
        """Cosine similarity of the query to the clauses at ``positions``, in that order (float64)."""
        if len(positions) == 0:
            return np.zeros(0, dtype=np.float64)
        idx = np.asarray(positions, dtype=np.int64)
        return (np.asarray(self.vectors[idx]) @ self.search_vector(query)).astype(np.float64)

    def sparse_scores(self, query: str, doc_filter: set[str] | None = None) -> np.ndarray:
        """BM25 score of every clause (0 outside ``doc_filter`` and for clauses sharing no query token)."""
        n = len(self.clauses)
        tokens = [t for t in self.query_tokens(query) if t in self._bm25.vocab_dict]
        if not tokens or n == 0:
            return np.zeros(n, dtype=np.float32)
        mask = None
        if doc_filter is not None:
            mask = np.zeros(n, dtype=np.float32)
            rows = self.positions(doc_filter)
            mask[rows] = 1.0
        return np.asarray(self._bm25.get_scores(tokens, weight_mask=mask), dtype=np.float32)

    def query_tokens(self, query: str) -> list[str]:
        """The BM25 tokens of a query, abbreviations expanded with this index's table."""
        return T.bm25_tokens(query, self.abbreviations)

    def bm25_scorer(self, query: str, doc_filter: set[str] | None = None) -> "ScoreVector":
        """BM25 of ``query`` in ``doc_filter``: every clause scored once, on first read (`ScoreVector`)."""
        return ScoreVector(self, query, doc_filter)


class ScoreVector:
    """One query's BM25 score of every clause (bm25s scores the whole index at once, ~0.3 ms over 44 plans),
    computed on the first read and kept for the next: a question's top clauses and its scores at the candidates
    found by every route come from one pass (a `BM25Scorer`)."""

    def __init__(self, store: IndexStore, query: str, doc_filter: set[str] | None) -> None:
        self._store = store
        self._query = query
        self._filter = doc_filter

    @functools.cached_property
    def scores(self) -> np.ndarray:
        return self._store.sparse_scores(self._query, self._filter)

    def top(self, k: int) -> list[tuple[int, float]]:
        """Top-k clauses by BM25 (bm25s) over folded syllables and compounds: [(position, score)].

        Only clauses sharing a query token (score > 0); ties go to the earlier position, as in the
        PostgreSQL back end, so both return the same list."""
        n = len(self._store.clauses)
        if k <= 0 or n == 0:
            return []
        if self._filter is not None and self._store.positions(self._filter).size == 0:
            return []
        scores = self.scores
        k = min(k, int((scores > 0).sum()))
        if k == 0:
            return []
        top = np.argpartition(-scores, k - 1)[:k] if k < n else np.arange(n)
        top = sorted(top.tolist(), key=lambda p: (-float(scores[p]), p))
        return [(int(p), float(scores[p])) for p in top]

    def at(self, positions: Sequence[int]) -> np.ndarray:
        """BM25 scores of the clauses at ``positions``, in that order (0 outside the filter; float64)."""
        if len(positions) == 0:
            return np.zeros(0, dtype=np.float64)
        return np.asarray(self.scores[np.asarray(positions, dtype=np.int64)], dtype=np.float64)
