"""The one store interface retrieval talks to, and the factory that opens either back end.

Two back ends implement :class:`ClauseStore`:

- ``index.store.IndexStore`` — the embedded default: an index folder (FAISS + bm25s files);
- ``index.postgres.PostgresStore`` — PostgreSQL + pgvector, the shared database of record that many
  writers update and hot standbys serve.

Retrieval works on clause *positions* (0 … n-1, plans in document-id order, clauses in plan
order) over an immutable snapshot of documents and clauses; searches return ``[(position, score)]``.
``open_store(target)`` picks the back end from the target: a ``postgresql://`` DSN or a folder.
"""
from __future__ import annotations

import re
import threading
from abc import ABC, abstractmethod
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Mapping, Protocol, Sequence, runtime_checkable

import numpy as np

from corpus.model import Clause, Document, ParsedPlan

from .encoder import Encoder, load_encoder
from .lookups import SyllableCounts, WordInitials

QUERY_VECTORS_KEPT = 1024  # query embeddings memoised per store: a bot's repeated questions skip the encoder

DSN_SCHEMES = ("postgresql://", "postgres://")
_PASSWORD_IN_URL = re.compile(r"(postgres(?:ql)?://[^:/@\s]+):[^@\s]*@")
_PASSWORD_KV = re.compile(r"(password\s*=\s*)(\S+)", re.IGNORECASE)


@dataclass(frozen=True)
class BM25Statistics:
    """Term statistics of the indexed clauses: how many clauses hold each BM25 token, and how many there are."""

    document_frequency: Mapping[str, int]
    n_docs: int


class BM25Scorer(Protocol):
    """BM25 of one query over the clauses (in a ``doc_filter``, if given), asked for in parts: the store scores the
    query once, however many parts a question reads (`ClauseStore.bm25_scorer`)."""

    def top(self, k: int) -> list[tuple[int, float]]:
        """Top-k clauses: [(position, score)], only clauses sharing a query token, best first, ties to the earlier
        position (what `ClauseStore.sparse` returns)."""

    def at(self, positions: Sequence[int]) -> np.ndarray:
        """Scores of the clauses at ``positions``, in that order (float64; 0 outside the filter and for clauses
        sharing no query token: what `ClauseStore.sparse_scores_at` returns)."""


@runtime_checkable
class ClauseStore(Protocol):
    """What retrieval needs from an index, whichever back end holds it."""

    backend: str  # "files" | "postgres"
    model: str  # the embedding model the clauses were embedded with
    manifest: dict  # model, dimension, built_at, format_version, counts
    documents: dict[str, Document]
    clauses: list[Clause]  # the snapshot, by position
    clause_index: dict[str, int]  # clause id → position
    doc_ranges: dict[str, tuple[int, int]]  # doc id → [start, end) positions
    abbreviations: dict[str, str]

    @property
    def encoder(self) -> Encoder: ...

    def dense(self, query: str, k: int = 10, doc_filter: set[str] | None = None) -> list[tuple[int, float]]:
        """Top-k clauses by cosine similarity to the query embedding, optionally only in ``doc_filter``."""

    def sparse(self, query: str, k: int = 10, doc_filter: set[str] | None = None) -> list[tuple[int, float]]:
        """Top-k clauses by BM25 over planqa's tokens, optionally only in ``doc_filter``: only clauses
        sharing a query token, best first, ties to the earlier position."""

    def bm25_scorer(self, query: str, doc_filter: set[str] | None = None) -> BM25Scorer:
        """BM25 of ``query`` in ``doc_filter`` for one question's several reads (its top clauses, then its scores
        at the candidates found by every route): ``sparse`` and ``sparse_scores_at`` in one, the query scored once."""

    def query_vector(self, query: str) -> np.ndarray:
        """The query's embedding with this index's model (float32, memoised per store)."""

    def search_vector(self, query: str) -> np.ndarray:
        """What the dense search compares with the clause vectors: the query's embedding through the query
        adapter the retriever set (`use_query_adapter`), or the embedding itself when none is set."""

    def use_query_adapter(self, adapter: Callable[[np.ndarray], np.ndarray] | None) -> None:
        """Map every query embedding through ``adapter`` (a unit vector in, a unit vector out) before the dense
        search; None searches with the plain embedding."""

    def dense_scores_at(self, query: str, positions: Sequence[int]) -> np.ndarray:
        """Cosine similarity of the query embedding to the clauses at ``positions``, in that order
        (float64): the ranker's dense signal for candidates found by any route."""

    def sparse_scores_at(self, query: str, positions: Sequence[int],
                         doc_filter: set[str] | None = None) -> np.ndarray:
        """BM25 scores of the clauses at ``positions``, in that order (float64; 0 outside
        ``doc_filter`` and for clauses sharing no query token)."""

    def bm25_statistics(self) -> BM25Statistics:
        """Document frequency per token and the number of clauses (for rarity weights)."""

    def health(self) -> dict:
        """Back end, counts and, for a database, whether it is a standby and its replication lag."""

    def syllable_counts(self) -> SyllableCounts | None:
        """The plans' syllable counts stored with the index (`index.lookups`), or None: build them."""

    def word_initials(self) -> WordInitials | None:
        """The plans' word initials stored with the index (`index.lookups`), or None: build them."""


def is_dsn(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(DSN_SCHEMES)


def open_store(target: str | Path, model: str | None = None) -> ClauseStore:
    """Open the index at ``target``: a PostgreSQL DSN (``postgresql://…``) or an index folder."""
    if is_dsn(target):
        from .postgres import PostgresStore

        return PostgresStore.load(str(target), model=model)
    from .store import IndexStore

    return IndexStore.load(target, model=model)


def redact(text: str, dsn: str | None = None) -> str:
    """``text`` with every password replaced by ``***`` (URL and key=value forms, and ``dsn``'s own)."""
    out = _PASSWORD_KV.sub(r"\1***", _PASSWORD_IN_URL.sub(r"\1:***@", text))
    if dsn:
        secret = None
        try:
            from psycopg.conninfo import conninfo_to_dict

            secret = conninfo_to_dict(dsn).get("password")
        except Exception:  # no psycopg, or a DSN it cannot parse: the patterns above still apply
            pass
        if secret:
            out = out.replace(str(secret), "***")
    return out


@dataclass(frozen=True)
class ClauseSnapshot:
    """The plans of an index laid out by position: what every store serves clauses and documents from."""

    documents: dict[str, Document]
    clauses: list[Clause]
    clause_index: dict[str, int]
    doc_ranges: dict[str, tuple[int, int]]  # a plan's clauses are one contiguous row range

    @classmethod
    def of(cls, plans: Sequence[ParsedPlan]) -> "ClauseSnapshot":
        clauses = [c for p in plans for c in p.clauses]
        ranges: dict[str, tuple[int, int]] = {}
        start = 0
        for p in plans:
            ranges[p.document.id] = (start, start + len(p.clauses))
            start += len(p.clauses)
        return cls({p.document.id: p.document for p in plans}, clauses,
                   {c.id: i for i, c in enumerate(clauses)}, ranges)


class SnapshotStore(ABC):
    """What both back ends share: the plans laid out by position, the query encoder and query vectors.

    The encoder is loaded on first use (BM25-only callers never pay for it) and once, however many
    threads ask first; query vectors are memoised in a bounded ``lru_cache`` — both pure functions
    of the store's model, so a loaded store stays safe to share between threads.
    """

    def __init__(self, manifest: dict, plans: list[ParsedPlan], abbreviations: dict[str, str], model: str) -> None:
        self.manifest = manifest
        self.model = model
        self.plans = plans
        snap = ClauseSnapshot.of(plans)
        self.documents: dict[str, Document] = snap.documents
        self.clauses: list[Clause] = snap.clauses
        self.clause_index: dict[str, int] = snap.clause_index
        self.doc_ranges: dict[str, tuple[int, int]] = snap.doc_ranges
        self.abbreviations = abbreviations
        self._encoder: Encoder | None = None
        self._encoder_lock = threading.Lock()
        self._encode_query = lru_cache(maxsize=QUERY_VECTORS_KEPT)(self._encode_query_uncached)
        self._query_adapter: Callable[[np.ndarray], np.ndarray] | None = None

    def syllable_counts(self) -> SyllableCounts | None:
        """None: this back end stores no lookup tables, the retriever reads them from the clauses."""
        return None

    @abstractmethod
    def bm25_scorer(self, query: str, doc_filter: set[str] | None = None) -> BM25Scorer:
        """BM25 of ``query`` in ``doc_filter``, read in parts (`BM25Scorer`), scored once."""

    def sparse(self, query: str, k: int = 10, doc_filter: set[str] | None = None) -> list[tuple[int, float]]:
        """Top-k clauses by BM25 (one read of `bm25_scorer`)."""
        return self.bm25_scorer(query, doc_filter).top(k)

    def sparse_scores_at(self, query: str, positions: Sequence[int],
                         doc_filter: set[str] | None = None) -> np.ndarray:
        """BM25 scores of the clauses at ``positions`` (one read of `bm25_scorer`)."""
        return self.bm25_scorer(query, doc_filter).at(positions)

    def word_initials(self) -> WordInitials | None:
        """None: this back end stores no lookup tables, the retriever reads them from the clauses."""
        return None

    @abstractmethod
    def _wrong_dimension(self, dim: int) -> Exception:
        """The error for a model whose vectors do not fit the stored ones (each back end words its own)."""

    @property
    def encoder(self) -> Encoder:
        """The query encoder, loaded on first use."""
        if self._encoder is None:
            with self._encoder_lock:  # many threads may ask first: load the model once, not once each
                if self._encoder is None:
                    enc = load_encoder(self.model)
                    if enc.dim != self.manifest["dimension"]:
                        raise self._wrong_dimension(enc.dim)
                    self._encoder = enc
        return self._encoder

    def _encode_query_uncached(self, query: str) -> np.ndarray:
        return self.encoder.encode_queries([query])[0]

    def query_vector(self, query: str) -> np.ndarray:
        """The query's embedding with this index's model (float32, memoised per store)."""
        return np.asarray(self._encode_query(query), dtype=np.float32)

    def use_query_adapter(self, adapter: Callable[[np.ndarray], np.ndarray] | None) -> None:
        """Map every query embedding through ``adapter`` before the dense search (set once, when the retriever
        is built; the memoised embeddings stay the encoder's own, so nothing cached goes stale)."""
        self._query_adapter = adapter

    def search_vector(self, query: str) -> np.ndarray:
        """The query's embedding through the query adapter, if one is set: what dense search compares."""
        v = self.query_vector(query)
        return v if self._query_adapter is None else np.asarray(self._query_adapter(v), dtype=np.float32)
