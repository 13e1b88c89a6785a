"""Read a planqa index from PostgreSQL: a ``ClauseStore`` over a primary or a hot standby.

Loading reads one consistent snapshot (REPEATABLE READ) of documents, clauses, vocabulary and
statistics; searches then run in SQL — HNSW kNN over the embeddings with ``hnsw.iterative_scan`` on
(a WHERE filter would otherwise silently return fewer rows than asked), BM25 as a sparse inner
product over the clauses that hold a query term — and map the rows back to snapshot positions.
Rows written after the snapshot are skipped until the store is reloaded (``generation`` tells).
"""
from __future__ import annotations

import functools
from typing import Sequence

import numpy as np

from corpus.model import ParsedPlan

from .. import text as T
from ..backend import BM25Statistics, SnapshotStore
from ..encoder import canonical_model_name, superseded
from ..layout import FORMAT_VERSION
from . import bm25 as W
from .connection import Connection, DatabaseError, redact
from .schema import SCHEMA_VERSION, current_version

# Filtered or small searches over at most this many clauses are exact (a sequential scan of the
# rows the filter keeps); above it HNSW answers. The file back end draws the same line.
EXACT_LIMIT = 50_000
# HNSW candidate list: pgvector's default is 40; clauses from templated plans are near-duplicates,
# and 200 keeps recall@10 ≥ 0.95 on them (benchmarks/results/scale.md) for ~2 ms more.
EF_SEARCH = 200


def vector_literal(v: np.ndarray) -> str:
    """pgvector text form; float32 values written in full so the server reads back the same bits."""
    return "[" + ",".join(map(repr, np.asarray(v, dtype=np.float32).tolist())) + "]"


def _setup_reader(conn) -> None:
    conn.execute(f"SET hnsw.ef_search = {EF_SEARCH}")
    conn.execute("SET hnsw.iterative_scan = relaxed_order")


class PostgresStore(SnapshotStore):
    """A loaded PostgreSQL index (a ``ClauseStore``)."""

    backend = "postgres"

    def __init__(self, conn: Connection, manifest: dict, plans: list[ParsedPlan], abbreviations: dict[str, str],
                 term_ids: dict[str, int], df: dict[str, int], n_docs: int, generation: int) -> None:
        super().__init__(manifest, plans, abbreviations, manifest["model"])
        self._db = conn
        self.dsn_redacted = redact(conn.dsn, conn.dsn)
        self._term_ids = term_ids
        self._df = df
        self._n_docs = n_docs
        self.generation = generation

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, dsn: str, model: str | None = None) -> "PostgresStore":
        conn = Connection(dsn, setup=_setup_reader)
        try:
            return conn.run(lambda c: cls._read_snapshot(c, conn, model))
        except BaseException:
            conn.close()
            raise

    @classmethod
    def _read_snapshot(cls, c, conn: Connection, model: str | None) -> "PostgresStore":
        where = redact(conn.dsn, conn.dsn)
        with c.transaction():
            c.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            version = current_version(c)
            if version == 0:
                raise DatabaseError(f"no planqa index in the database at {where}: build one with "
                                    f"`planqa index PLANS --backend postgres --dsn …`")
            if version > SCHEMA_VERSION:
                raise DatabaseError(f"the database at {where} has schema version {version}, this planqa "
                                    f"reads up to {SCHEMA_VERSION}; upgrade planqa")
            meta = dict(c.execute("SELECT key, value FROM planqa_meta").fetchall())
            built_with = meta.get("model")
            if not built_with:
                raise DatabaseError(f"the planqa index at {where} is empty: index some plans first")
            if (now := superseded(built_with)) is not None:
                raise DatabaseError(f"the index at {where} was built with model {built_with}, which this install "
                                    f"now builds as {now}; re-index")
            if model is not None and canonical_model_name(model) != built_with:
                raise DatabaseError(f"the index at {where} was built with model {built_with}; you asked for "
                                    f"{canonical_model_name(model)}")
            if meta.get("text_version") != T.TEXT_VERSION:
                raise DatabaseError(f"the index at {where} was tokenised with text version "
                                    f"{meta.get('text_version')}, this planqa uses {T.TEXT_VERSION}; re-index")
            if meta.get("format_version") != FORMAT_VERSION:
                raise DatabaseError(f"the index at {where} keeps clauses in format {meta.get('format_version')}, "
                                    f"this planqa reads format {FORMAT_VERSION}; re-index")
            docs = c.execute("SELECT data FROM documents ORDER BY sort_key, id").fetchall()
            by_doc: dict[str, list[dict]] = {}
            for doc_id, facts in c.execute("SELECT doc_id, facts FROM clauses ORDER BY doc_id, ordinal"):
                by_doc.setdefault(doc_id, []).append(facts)
            terms = c.execute("SELECT token, id, df FROM terms WHERE df > 0").fetchall()
            n_docs, generation, updated_at = c.execute(
                "SELECT n_docs, generation, updated_at FROM corpus_stats WHERE id = 1").fetchone()
            harvested = [a for (a,) in c.execute("SELECT abbreviations FROM documents ORDER BY sort_key, id")]
        plans = [ParsedPlan.from_dict({"document": d, "clauses": by_doc.get(d["id"], [])}) for (d,) in docs]
        n_clauses = sum(len(p.clauses) for p in plans)
        manifest = {"format_version": version, "model": built_with, "dimension": int(meta["dimension"]),
                    "built_at": updated_at.isoformat(timespec="seconds"), "backend": "postgres",
                    "counts": {"documents": len(plans), "clauses": n_clauses}, "bm25": meta.get("bm25")}
        return cls(conn, manifest, plans, T.abbreviation_table(T.merge_harvests(harvested)), {t: i for t, i, _ in terms},
                   {t: df for t, _, df in terms}, int(n_docs), int(generation))

    def _wrong_dimension(self, dim: int) -> Exception:
        return DatabaseError(f"model {self.model} gives {dim}-d vectors, the database holds "
                             f"{self.manifest['dimension']}-d; re-index")

    # ------------------------------------------------------------------ search

    def _filter_size(self, doc_filter: set[str] | None) -> int:
        if doc_filter is None:
            return len(self.clauses)
        return sum(b - a for d, (a, b) in self.doc_ranges.items() if d in doc_filter)

    def _rows_to_positions(self, rows: list[tuple[str, float]], k: int) -> list[tuple[int, float]]:
        out = [(self.clause_index[cid], float(s)) for cid, s in rows if cid in self.clause_index]
        out.sort(key=lambda t: (-t[1], t[0]))  # iterative scans may return rows slightly out of order
        return out[:k]

    def dense(self, query: str, k: int = 10, doc_filter: set[str] | None = None) -> list[tuple[int, float]]:
        """Top-k by inner product (cosine: vectors are L2-normalised); exact up to ``EXACT_LIMIT`` rows."""
        if k <= 0 or not self.clauses:
            return []
        if doc_filter is not None:
            doc_filter = {d for d in doc_filter if d in self.doc_ranges}
            if not doc_filter:
                return []
        return self.dense_vector(self.search_vector(query), k, doc_filter)

    def dense_vector(self, q: np.ndarray, k: int, doc_filter: set[str] | None = None,
                     exact: bool | None = None) -> list[tuple[int, float]]:
        """Dense search for a ready query vector (``exact`` forces a scan or HNSW; default by size)."""
        if exact is None:
            exact = self._filter_size(doc_filter) <= EXACT_LIMIT
        q = np.asarray(q, dtype=np.float32)
        # "+ 0" keeps the planner off the HNSW index: an exact scan of the (filtered) rows
        order = "(embedding <#> %(q)s::vector) + 0" if exact else "embedding <#> %(q)s::vector"
        where = "WHERE doc_id = ANY(%(docs)s::text[])" if doc_filter is not None else ""
        sql = f"SELECT id, -(embedding <#> %(q)s::vector) FROM clauses {where} ORDER BY {order} LIMIT %(k)s"
        params = {"q": vector_literal(q), "k": int(k), "docs": sorted(doc_filter or ())}
        rows = self._db.run(lambda c: c.execute(sql, params).fetchall())
        return self._rows_to_positions(rows, k)

    def query_tokens(self, query: str) -> list[str]:
        return T.bm25_tokens(query, self.abbreviations)

    def bm25_scorer(self, query: str, doc_filter: set[str] | None = None) -> "SQLScorer":
        """BM25 of ``query`` in ``doc_filter`` in SQL (`SQLScorer`): each read is one query, as before."""
        return SQLScorer(self, query, doc_filter)

    def _ids_at(self, positions: Sequence[int]) -> list[str]:
        return [self.clauses[int(p)].id for p in positions]

    def dense_scores_at(self, query: str, positions: Sequence[int]) -> np.ndarray:
        """Inner product (cosine) of the query and the clauses at ``positions``, in that order: one
        primary-key look-up per clause, no index scan."""
        if len(positions) == 0:
            return np.zeros(0, dtype=np.float64)
        q = self.search_vector(query)
        sql = "SELECT id, -(embedding <#> %(q)s::vector) FROM clauses WHERE id = ANY(%(ids)s::text[])"
        params = {"q": vector_literal(q), "ids": self._ids_at(positions)}
        got = dict(self._db.run(lambda c: c.execute(sql, params).fetchall()))
        return np.array([float(got.get(cid, 0.0)) for cid in params["ids"]], dtype=np.float64)

    # ------------------------------------------------------------------ look-ups

    def bm25_statistics(self) -> BM25Statistics:
        return BM25Statistics(self._df, self._n_docs)

    def health(self) -> dict:
        """Back end, counts, standby or primary, replication lag (seconds since the last replayed write)."""
        def probe(c):
            standby = c.execute("SELECT pg_is_in_recovery()").fetchone()[0]
            lag = None
            if standby:
                lag = c.execute("SELECT CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 "
                                "ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END").fetchone()[0]
            gen = c.execute("SELECT generation FROM corpus_stats WHERE id = 1").fetchone()[0]
            return bool(standby), (float(lag) if lag is not None else None), int(gen)

        standby, lag, gen = self._db.run(probe)
        return {"backend": self.backend, "database": self.dsn_redacted, "documents": len(self.documents),
                "clauses": len(self.clauses), "standby": standby, "replication_lag_seconds": lag,
                "generation": self.generation, "database_generation": gen}

    def close(self) -> None:
        self._db.close()


class SQLScorer:
    """One query's BM25 in SQL (a `BM25Scorer`): the top clauses and the scores at given positions are each one
    statement, only over the clauses holding a query term; the query's term weights are worked out once."""

    def __init__(self, store: PostgresStore, query: str, doc_filter: set[str] | None) -> None:
        self._store = store
        self._query = query
        self._filter = doc_filter

    @functools.cached_property
    def weights(self) -> dict[int, float]:
        s = self._store
        return W.query_weights(s.query_tokens(self._query), s._term_ids, s._df, s._n_docs)

    def top(self, k: int) -> list[tuple[int, float]]:
        """Top-k by BM25: only clauses holding a query term (GIN on term ids) are scored, exactly."""
        store, doc_filter = self._store, self._filter
        if k <= 0 or not store.clauses:
            return []
        weights = self.weights
        if not weights:
            return []
        where = "term_ids && %(ids)s::int[]"
        if doc_filter is not None:
            doc_filter = {d for d in doc_filter if d in store.doc_ranges}
            if not doc_filter:
                return []
            where += " AND doc_id = ANY(%(docs)s::text[])"
        sql = (f"SELECT id, -(bm25 <#> %(q)s::sparsevec) AS s FROM clauses WHERE {where} "
               f"ORDER BY s DESC LIMIT %(k)s")
        params = {"q": W.sparse_literal(weights), "ids": sorted(weights), "k": int(k) + 16,
                  "docs": sorted(doc_filter or ())}
        rows = store._db.run(lambda c: c.execute(sql, params).fetchall())
        return [(p, s) for p, s in store._rows_to_positions(rows, k) if s > 0]

    def at(self, positions: Sequence[int]) -> np.ndarray:
        """BM25 scores of the clauses at ``positions``, in that order (0 outside the filter and for clauses sharing
        no query token)."""
        store, doc_filter = self._store, self._filter
        out = np.zeros(len(positions), dtype=np.float64)
        if len(positions) == 0:
            return out
        weights = self.weights
        if not weights:
            return out
        ids = store._ids_at(positions)
        keep = [i for i, cid in enumerate(ids)
                if doc_filter is None or store.clauses[int(positions[i])].doc_id in doc_filter]
        if not keep:
            return out
        sql = ("SELECT id, -(bm25 <#> %(q)s::sparsevec) FROM clauses "
               "WHERE id = ANY(%(ids)s::text[]) AND term_ids && %(terms)s::int[]")
        params = {"q": W.sparse_literal(weights), "ids": [ids[i] for i in keep], "terms": sorted(weights)}
        got = dict(store._db.run(lambda c: c.execute(sql, params).fetchall()))
        for i in keep:
            out[i] = max(float(got.get(ids[i], 0.0)), 0.0)
        return out
