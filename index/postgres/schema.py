"""The PostgreSQL schema, versioned: each migration runs once, in order, inside one transaction.

Tables
  documents      one row per plan: metadata columns the filters use (locality, province) + the whole
                 ``Document`` as JSONB, its harvested abbreviations, source path and file hash
  clauses        one row per clause: text, position in its plan, the typed facts (chủ trì, phối hợp,
                 thời hạn, chỉ tiêu …) as JSONB, BM25 term counts (``tf``) and weights (``bm25``) as
                 pgvector ``sparsevec``, the term ids (GIN-indexed, so BM25 only scores clauses that
                 hold a query term) and the embedding (``vector(dim)``, HNSW, added once the model is known)
  terms          BM25 vocabulary: token → id, document frequency
  corpus_stats   one row: clause count, total length, the mean length the weights were computed with,
                 a generation counter bumped by every write
  planqa_meta    model, dimension, BM25 parameters, text version
"""
from __future__ import annotations

import psycopg

SCHEMA_VERSION = 2
# pgvector's sparsevec needs a declared dimension for the inner product; term ids are far below it
SPARSE_DIM = 1_000_000_000
# HNSW build parameters: m=16/ef_construction=64 are pgvector's defaults; 128 gives better recall on
# the near-duplicate clauses templated plans produce, at ~1.5x build time
HNSW_M = 16
HNSW_EF_CONSTRUCTION = 128

MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "documents, clauses, BM25 terms and statistics", """
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE planqa_meta (key text PRIMARY KEY, value jsonb NOT NULL);
CREATE TABLE documents (
    id text PRIMARY KEY,
    sort_key text NOT NULL,
    source text NOT NULL,
    path text,
    file_sha256 text NOT NULL DEFAULT '',
    fingerprint text NOT NULL DEFAULT '',
    locality_level text,
    locality_name text,
    locality_folded text,
    province text,
    data jsonb NOT NULL,
    abbreviations jsonb NOT NULL DEFAULT '{}',
    clause_count integer NOT NULL,
    indexed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_locality ON documents (locality_folded);
CREATE TABLE clauses (
    id text PRIMARY KEY,
    doc_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal integer NOT NULL,
    kind text NOT NULL,
    text text NOT NULL,
    facts jsonb NOT NULL,
    passage_key text NOT NULL,
    length integer NOT NULL,
    term_ids integer[] NOT NULL,
    tf sparsevec NOT NULL,
    bm25 sparsevec NOT NULL,
    UNIQUE (doc_id, ordinal)
);
CREATE INDEX clauses_terms ON clauses USING gin (term_ids);
CREATE INDEX clauses_passage_key ON clauses (passage_key);
CREATE TABLE terms (
    id serial PRIMARY KEY,
    token text NOT NULL UNIQUE,
    df integer NOT NULL DEFAULT 0
);
CREATE TABLE corpus_stats (
    id integer PRIMARY KEY CHECK (id = 1),
    n_docs bigint NOT NULL DEFAULT 0,
    total_length bigint NOT NULL DEFAULT 0,
    weighted_avgdl double precision NOT NULL DEFAULT 0,
    generation bigint NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO corpus_stats (id) VALUES (1);
"""),
    (2, "filters by province as well as locality", """
CREATE INDEX documents_province ON documents (province);
"""),
]


def current_version(conn: psycopg.Connection) -> int:
    exists = conn.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()[0]
    if not exists:
        return 0
    return int(conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0])


def migrate(conn: psycopg.Connection) -> int:
    """Bring the schema to ``SCHEMA_VERSION``; concurrent callers wait on one advisory lock. Returns it."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('planqa:migrate'))")
        conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
                     "description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")
        have = current_version(conn)
        for version, description, sql in MIGRATIONS:
            if version > have:
                conn.execute(sql)
                conn.execute("INSERT INTO schema_migrations (version, description) VALUES (%s, %s)",
                             (version, description))
    return SCHEMA_VERSION


def ensure_embedding_column(conn: psycopg.Connection, dim: int, with_index: bool = True) -> None:
    """The embedding column typed by the model's dimension, and its HNSW index (once per database)."""
    has = conn.execute("SELECT 1 FROM information_schema.columns WHERE table_name = 'clauses' "
                       "AND column_name = 'embedding'").fetchone()
    if not has:
        conn.execute(f"ALTER TABLE clauses ADD COLUMN embedding vector({int(dim)}) NOT NULL")
    if with_index:
        create_vector_index(conn)


def create_vector_index(conn: psycopg.Connection) -> None:
    conn.execute(f"CREATE INDEX IF NOT EXISTS clauses_embedding ON clauses USING hnsw (embedding vector_ip_ops) "
                 f"WITH (m = {HNSW_M}, ef_construction = {HNSW_EF_CONSTRUCTION})")
