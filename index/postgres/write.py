"""Write plans into PostgreSQL: one transaction per plan, writers committing one at a time.

Parsing and embedding — the slow part — run outside any transaction, so many writers (several
provinces ingesting at once) work in parallel; each plan is then swapped in by one short
transaction that holds the writers' advisory lock: it removes the plan's old clauses and their term
counts, inserts the new ones, and updates the statistics. Readers see the old plan or the new one,
never a mix, and no two writers interleave their statistics.

Unlike an index folder, the database is shared: a run adds or replaces the plans it is given and
removes only the ids in ``remove``; other writers' plans stay.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np

from corpus.model import ParsedPlan

from .. import text as T
from ..layout import FORMAT_VERSION
from ..build import (BM25_PARAMS, BuildError, BuildReport, changed_plans, no_plans_error, parser_signature,
                     vector_key)
from ..cache import VectorCache
from ..encoder import Encoder, canonical_model_name, load_encoder
from . import bm25 as W
from .connection import connect, redact
from .schema import create_vector_index, ensure_embedding_column, migrate
from .store import vector_literal

# Every write transaction takes this advisory lock first: writers commit one at a time (their
# parse and embed steps still overlap), so statistics and term ids never interleave or deadlock.
WRITER_LOCK = 0x706C616E  # "plan"
# A first load of at least this many clauses builds the HNSW index after the rows are in.
BULK_LOAD_CLAUSES = 20_000


@dataclass
class PlanToWrite:
    plan: ParsedPlan
    path: str | None
    file_sha256: str


def _sort_key(item: PlanToWrite) -> str:
    return item.path or item.plan.document.source


def _refuse_duplicates(items: Sequence[PlanToWrite]) -> None:
    """Two plans with one id in one run would overwrite each other: refuse before connecting."""
    ids = [i.plan.document.id for i in items]
    dupes = sorted({d for d in ids if ids.count(d) > 1})
    if dupes:
        raise BuildError(f"duplicate document id(s) {', '.join(dupes)} in one run")


class PostgresWriter:
    """Index plans into the database at ``dsn`` with one embedding model."""

    def __init__(self, dsn: str, model: str | None = None, encoder: Encoder | None = None,
                 tokenize: Callable[[str, Mapping[str, str]], list[str]] = T.bm25_tokens) -> None:
        self.dsn = dsn
        self.tokenize = tokenize  # the scale benchmark swaps in a cheaper one; queries use T.bm25_tokens
        self._defer_index = False
        self.where = redact(dsn, dsn)
        self.encoder = encoder
        self.model = encoder.name if encoder is not None else canonical_model_name(model)
        self._model_arg = model

    # ------------------------------------------------------------------ entry points

    def index_paths(self, paths: Sequence[Path | str], remove: Iterable[str] = (),
                    progress: bool = False) -> BuildReport:
        """Parse the plan files under ``paths`` (unchanged files are skipped) and write them."""
        report = BuildReport(index_dir=self.where, model=self.model)  # type: ignore[arg-type]
        started = time.perf_counter()
        conn = connect(self.dsn)
        try:
            migrate(conn)
            indexed = {row[0]: row[1:] for row in conn.execute(
                "SELECT path, file_sha256, data->>'id' FROM documents WHERE path IS NOT NULL")}
            signature = conn.execute("SELECT value #>> '{}' FROM planqa_meta WHERE key = 'parser_signature'"
                                     ).fetchone()
        finally:
            conn.close()
        same_parser = signature is not None and signature[0] == parser_signature()
        known = {path: sha for path, (sha, _) in indexed.items()} if same_parser else {}
        items: list[PlanToWrite] = []
        for f in changed_plans(paths, known, report) if paths else []:
            if f.plan is None:
                report.unchanged.append(indexed[f.path][1])
            else:
                items.append(PlanToWrite(f.plan, f.path, f.file_sha256))
        report = self.write(items, remove=remove, progress=progress, report=report)
        report.seconds = time.perf_counter() - started
        return report

    def write(self, items: Sequence[PlanToWrite] | Sequence[ParsedPlan], remove: Iterable[str] = (),
              progress: bool = False, report: BuildReport | None = None, reweigh: str = "exact") -> BuildReport:
        """Add or replace ``items`` and drop ``remove``; each plan in its own transaction.

        ``reweigh``: "exact" re-weighs BM25 with the final mean clause length (a full load scores exactly as
        bm25s would), "drift" only past ``bm25.AVGDL_TOLERANCE`` (cheap for one plan into a large
        corpus), "none" leaves it to a later ``reweigh()``.
        """
        started = time.perf_counter()
        items = [i if isinstance(i, PlanToWrite) else PlanToWrite(i, None, i.document.fingerprint) for i in items]
        report = report or BuildReport(index_dir=self.where, model=self.model)  # type: ignore[arg-type]
        remove = list(remove)
        _refuse_duplicates(items)
        conn = connect(self.dsn)
        try:
            migrate(conn)
            existing = self._check(conn, items, remove, report)
            harvested, table = self._abbreviations(conn, items, remove)
            vectors = self._vectors(conn, items, progress, report)
            self._write_plans(conn, items, remove, harvested, table, vectors, existing, reweigh, report)
            self._finish(conn, reweigh, report)
        finally:
            conn.close()
        report.faiss_index = "pgvector HNSW"
        report.seconds = report.seconds or time.perf_counter() - started
        return report

    # ------------------------------------------------------------------ steps

    def _check(self, conn, items: list[PlanToWrite], remove: list[str], report: BuildReport) -> dict[str, str]:
        """Refuse the run before anything is written (an unknown id to remove, another model, nothing to do);
        returns the fingerprint of every plan already in the database."""
        existing = dict(conn.execute("SELECT id, fingerprint FROM documents").fetchall())
        ids = {i.plan.document.id for i in items}
        unknown = [d for d in remove if d not in existing and d not in ids]
        if unknown:
            raise BuildError(f"cannot remove {', '.join(unknown)}: not in the database at {self.where}")
        self._check_model(conn)
        if not items and not remove and not report.unchanged:
            raise no_plans_error(report)
        return existing

    def _abbreviations(self, conn, items: list[PlanToWrite], remove: list[str]) -> tuple[dict, dict[str, str]]:
        """Each plan's harvested abbreviations (by id) and the table they make once this run is in.

        The table merges every plan's harvest in plan order, first definition winning, as an index
        folder's build does over all its clauses.
        """
        harvested = dict(conn.execute("SELECT id, abbreviations FROM documents ORDER BY sort_key, id").fetchall())
        for item in sorted(items, key=_sort_key):
            harvested[item.plan.document.id] = T.harvest_abbreviations(c.text for c in item.plan.clauses)
        for d in remove:
            harvested.pop(d, None)
        return harvested, T.abbreviation_table(T.merge_harvests(harvested.values()))

    def _write_plans(self, conn, items: list[PlanToWrite], remove: list[str], harvested: dict,
                     table: dict[str, str], vectors: dict[str, np.ndarray], existing: dict[str, str],
                     reweigh: str, report: BuildReport) -> None:
        """Swap each plan in (then each removal) in its own transaction, recording what changed."""
        empty = conn.execute("SELECT n_docs = 0 FROM corpus_stats WHERE id = 1").fetchone()[0]
        # a bulk load into an empty database builds HNSW once at the end: far faster than insert by insert
        self._defer_index = empty and sum(len(i.plan.clauses) for i in items) >= BULK_LOAD_CLAUSES
        prepared = [self._prepare(item, table) for item in items]
        avgdl = self._weighting_length(conn, prepared, remove, reweigh)
        for item, rows in zip(items, prepared):
            doc_id = item.plan.document.id
            fp = item.plan.document.fingerprint or item.file_sha256
            if doc_id not in existing:
                report.added.append(doc_id)
            elif existing[doc_id] == fp:
                report.unchanged.append(doc_id)
            else:
                report.updated.append(doc_id)
            self._write_plan(conn, item, rows, harvested[doc_id], vectors, avgdl)
        for doc_id in remove:
            self._remove_plan(conn, doc_id)
            report.removed.append(doc_id)

    def _finish(self, conn, reweigh: str, report: BuildReport) -> None:
        """After the plans: the deferred vector index, BM25 re-weighing, the parser signature, the counts."""
        if self._defer_index:
            create_vector_index(conn)
            self._defer_index = False
        if reweigh != "none":
            self.reweigh(conn, exact=reweigh == "exact")
        conn.execute("INSERT INTO planqa_meta VALUES ('parser_signature', to_jsonb(%s::text)) "
                     "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", (parser_signature(),))
        report.documents, report.clauses = conn.execute(
            "SELECT (SELECT count(*) FROM documents), n_docs FROM corpus_stats WHERE id = 1").fetchone()

    def _check_model(self, conn) -> None:
        meta = dict(conn.execute("SELECT key, value FROM planqa_meta").fetchall())
        if meta.get("model") and meta["model"] != self.model:
            raise BuildError(f"the database at {self.where} holds vectors of model {meta['model']}; "
                             f"you asked for {self.model}")
        if meta.get("model"):
            self._check_formats(meta)

    def _check_formats(self, meta: dict) -> None:
        """Plans written with another clause record or tokenisation would sit beside the old ones unread: refuse."""
        for key, now in (("format_version", FORMAT_VERSION), ("text_version", T.TEXT_VERSION)):
            if meta.get(key) != now:
                raise BuildError(f"the database at {self.where} holds an index of {key.replace('_', ' ')} "
                                 f"{meta.get(key)}, this planqa writes {now}; index into a new database")

    def _encoder(self) -> Encoder:
        if self.encoder is None:
            self.encoder = load_encoder(self._model_arg)
        return self.encoder

    def _vectors(self, conn, items: Sequence[PlanToWrite], progress: bool, report: BuildReport) -> dict[str, np.ndarray]:
        """Passage key → vector: from the database, the shared vector cache, or the encoder (each passage once)."""
        keys: dict[str, str] = {}
        for item in items:
            for c in item.plan.clauses:
                passage = T.passage_text(c, item.plan.document)
                keys.setdefault(vector_key(self.model, passage), passage)
        have: dict[str, np.ndarray] = {}
        wanted = list(keys)
        for start in range(0, len(wanted), 5000):
            chunk = wanted[start:start + 5000]
            has_col = conn.execute("SELECT 1 FROM information_schema.columns WHERE table_name = 'clauses' "
                                   "AND column_name = 'embedding'").fetchone()
            if not has_col:
                break
            for key, text in conn.execute("SELECT DISTINCT ON (passage_key) passage_key, embedding::text "
                                          "FROM clauses WHERE passage_key = ANY(%s)", (chunk,)):
                have[key] = np.asarray(text.strip("[]").split(","), dtype=np.float32)
        shared = VectorCache.from_env()
        try:
            if shared is not None:
                have.update(shared.get_many([k for k in keys if k not in have]))
            missing = [k for k in keys if k not in have]
            report.embedded += len(missing)
            report.reused += len(keys) - len(missing)
            if missing:
                enc = self._encoder()
                fresh = dict(zip(missing, enc.encode_passages([keys[k] for k in missing], progress=progress)))
                if shared is not None:
                    shared.put_many(fresh)
                have.update(fresh)
        finally:
            if shared is not None:
                shared.close()
        return have

    def _prepare(self, item: PlanToWrite, table: dict[str, str]) -> list[tuple]:
        """(clause, passage key, BM25 tokens) per clause, before any transaction starts."""
        doc = item.plan.document
        rows = []
        for c in item.plan.clauses:
            passage = T.passage_text(c, doc)
            rows.append((c, vector_key(self.model, passage), self.tokenize(passage, table)))
        return rows

    def _weighting_length(self, conn, prepared: list[list[tuple]], remove: list[str], reweigh: str) -> float:
        """The mean clause length to weigh new clauses with.

        "exact": the mean this run will leave (projected from the rows replaced and added), so a load
        into an empty database needs no re-weighing afterwards; otherwise the length the stored weights
        already use, so they stay comparable until a re-weigh.
        """
        n, total, weighted = conn.execute(
            "SELECT n_docs, total_length, weighted_avgdl FROM corpus_stats WHERE id = 1").fetchone()
        if reweigh != "exact" and weighted > 0:
            return float(weighted)
        ids = [rows[0][0].doc_id for rows in prepared if rows] + list(remove)
        gone_n, gone_len = conn.execute("SELECT count(*), coalesce(sum(length), 0) FROM clauses "
                                        "WHERE doc_id = ANY(%s::text[])", (ids,)).fetchone()
        n_after = n - gone_n + sum(len(rows) for rows in prepared)
        total_after = total - gone_len + sum(len(t) for rows in prepared for _, _, t in rows)
        return total_after / n_after if n_after else 1.0

    def _write_plan(self, conn, item: PlanToWrite, rows: list[tuple], harvest: dict[str, str],
                    vectors: dict[str, np.ndarray], avgdl: float) -> None:
        from psycopg.types.json import Jsonb

        doc = item.plan.document
        dim = int(next(iter(vectors.values())).shape[0]) if vectors else 0
        vocab = sorted({t for _, _, toks in rows for t in toks})
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
            self._init_meta(conn, dim)
            self._delete_plan(conn, doc.id)
            conn.execute("INSERT INTO terms (token) SELECT unnest(%s::text[]) ON CONFLICT (token) DO NOTHING", (vocab,))
            term_id = dict(conn.execute("SELECT token, id FROM terms WHERE token = ANY(%s)", (vocab,)).fetchall())
            n_docs, total = conn.execute("SELECT n_docs, total_length FROM corpus_stats WHERE id = 1").fetchone()
            lengths = sum(len(toks) for _, _, toks in rows)
            n_after, total_after = n_docs + len(rows), total + lengths
            loc = doc.locality
            conn.execute(
                "INSERT INTO documents (id, sort_key, source, path, file_sha256, fingerprint, locality_level, "
                "locality_name, locality_folded, province, data, abbreviations, clause_count) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (doc.id, _sort_key(item), doc.source, item.path, item.file_sha256, doc.fingerprint, loc.level,
                 loc.name, T.fold(loc.name) if loc.name else None, loc.province, Jsonb(doc.to_dict()),
                 Jsonb(harvest), len(rows)))
            df_delta: Counter[int] = Counter()
            with conn.cursor().copy("COPY clauses (id, doc_id, ordinal, kind, text, facts, passage_key, length, "
                                    "term_ids, tf, bm25, embedding) FROM STDIN") as copy:
                for n, (c, key, toks) in enumerate(rows):
                    counts = Counter(term_id[t] for t in toks)
                    df_delta.update(counts.keys())
                    copy.write_row((c.id, doc.id, n, c.kind, c.text, Jsonb(c.to_dict()), key, len(toks),
                                    sorted(counts), W.sparse_literal(counts),
                                    W.sparse_literal(W.clause_weights(counts, len(toks), avgdl)),
                                    vector_literal(vectors[key])))
            if df_delta:
                ids = sorted(df_delta)
                conn.execute("UPDATE terms SET df = terms.df + d.n FROM (SELECT unnest(%s::int[]) AS id, "
                             "unnest(%s::int[]) AS n) d WHERE terms.id = d.id", (ids, [df_delta[i] for i in ids]))
            conn.execute("UPDATE corpus_stats SET n_docs = %s, total_length = %s, weighted_avgdl = %s, "
                         "generation = generation + 1, updated_at = now() WHERE id = 1",
                         (n_after, total_after, avgdl))

    def _init_meta(self, conn, dim: int) -> None:
        from psycopg.types.json import Jsonb

        have = dict(conn.execute("SELECT key, value FROM planqa_meta").fetchall())
        if have.get("model") and have["model"] != self.model:
            raise BuildError(f"the database at {self.where} holds vectors of model {have['model']}; "
                             f"you asked for {self.model}")
        if not have.get("model"):
            ensure_embedding_column(conn, dim, with_index=not self._defer_index)
            for key, value in (("model", self.model), ("dimension", dim), ("bm25", dict(BM25_PARAMS)),
                               ("text_version", T.TEXT_VERSION), ("format_version", FORMAT_VERSION)):
                conn.execute("INSERT INTO planqa_meta VALUES (%s, %s) ON CONFLICT (key) DO UPDATE "
                             "SET value = EXCLUDED.value", (key, Jsonb(value)))

    def _delete_plan(self, conn, doc_id: str) -> None:
        """Take a plan's clauses and their term counts out (inside the caller's transaction)."""
        conn.execute("UPDATE terms SET df = terms.df - x.n FROM (SELECT unnest(term_ids) AS id, count(*) AS n "
                     "FROM clauses WHERE doc_id = %s GROUP BY 1) x WHERE terms.id = x.id", (doc_id,))
        gone = conn.execute("SELECT count(*), coalesce(sum(length), 0) FROM clauses WHERE doc_id = %s",
                            (doc_id,)).fetchone()
        conn.execute("DELETE FROM documents WHERE id = %s", (doc_id,))
        if gone[0]:
            conn.execute("UPDATE corpus_stats SET n_docs = n_docs - %s, total_length = total_length - %s "
                         "WHERE id = 1", gone)

    def _remove_plan(self, conn, doc_id: str) -> None:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
            self._delete_plan(conn, doc_id)
            conn.execute("UPDATE corpus_stats SET generation = generation + 1, updated_at = now() WHERE id = 1")

    def reweigh(self, conn=None, exact: bool = False) -> bool:
        """Recompute every clause's BM25 weights with the current mean length, if it drifted (one transaction)."""
        own = conn is None
        conn = conn or connect(self.dsn)
        try:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
                n_docs, total, weighted = conn.execute(
                    "SELECT n_docs, total_length, weighted_avgdl FROM corpus_stats WHERE id = 1").fetchone()
                if not n_docs:
                    return False
                avgdl = total / n_docs
                if weighted == avgdl or (not exact and not W.needs_reweigh(weighted, avgdl)):
                    return False
                rows = conn.execute("SELECT id, length, tf::text FROM clauses").fetchall()
                conn.execute("CREATE TEMP TABLE reweighed (id text PRIMARY KEY, bm25 sparsevec) ON COMMIT DROP")
                with conn.cursor().copy("COPY reweighed (id, bm25) FROM STDIN") as copy:
                    for cid, length, tf in rows:
                        copy.write_row((cid, W.sparse_literal(W.clause_weights(W.parse_sparse(tf), length, avgdl))))
                del rows
                conn.execute("UPDATE clauses SET bm25 = r.bm25 FROM reweighed r WHERE clauses.id = r.id")
                conn.execute("UPDATE corpus_stats SET weighted_avgdl = %s, generation = generation + 1, "
                             "updated_at = now() WHERE id = 1", (avgdl,))
            return True
        finally:
            if own:
                conn.close()
