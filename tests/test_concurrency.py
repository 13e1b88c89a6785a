"""The thread-safety contract of `retrieval.Retriever` (stated in retrieval/__init__.py).

The Telegram bot and the HTTP API call `ask` from worker threads without a lock, so
many threads asking at once must get exactly the answers one thread gets alone. The
threads share a freshly loaded retriever, so every lazily filled cache (encoder,
per-clause words, per-unit lists) is filled while they race.
"""
from __future__ import annotations

import json
import random
import threading
from pathlib import Path
from typing import Callable

from retrieval import Retriever

THREADS = 8
QUESTIONS = 30
GOLD = Path(__file__).resolve().parent.parent / "eval" / "gold.jsonl"


def _questions(localities: list[str]) -> list[tuple[str, str | None]]:
    """Gold questions of every type (answerable and not); every fifth scoped to a commune."""
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    step = max(1, len(rows) // QUESTIONS)
    picked = rows[::step][:QUESTIONS]
    return [(r["question"], localities[i % len(localities)] if i % 5 == 0 else None)
            for i, r in enumerate(picked)]


def _answer(retriever: Retriever, question: str, locality: str | None) -> str:
    return retriever.ask(question, top_k=5, locality=locality).model_dump_json()


def _in_threads(work: Callable[[int], list]) -> list[list]:
    """``work(n)`` in THREADS threads released at one barrier, so they race; each thread's result, in order."""
    start = threading.Barrier(THREADS)
    got: dict[int, list] = {}
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            start.wait()
            got[n] = work(n)
        except BaseException as exc:  # reported below; a thread's exception would otherwise vanish
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert sorted(got) == list(range(THREADS))
    return [got[n] for n in range(THREADS)]


def _shuffled(items: list, n: int) -> list:
    order = list(items)
    random.Random(n).shuffle(order)  # threads ask different questions at the same moment
    return order


def test_ask_from_many_threads_gives_the_sequential_answers(sample_index: Path):
    alone = Retriever.load(sample_index)
    questions = _questions(sorted({d.locality.name for d in alone.documents() if d.locality.name}))
    assert len(questions) == QUESTIONS
    expected = {q: _answer(alone, *q) for q in questions}

    shared = Retriever.load(sample_index)  # cold: its caches fill while the threads race
    for answers in _in_threads(lambda n: [(q, _answer(shared, *q)) for q in _shuffled(questions, n)]):
        assert len(answers) == QUESTIONS
        for q, answer in answers:
            assert answer == expected[q], q
    assert any(json.loads(a)["found"] for a in expected.values())
    assert not all(json.loads(a)["found"] for a in expected.values())


def test_catalog_comparisons_from_many_threads_give_the_sequential_tables(sample_index: Path):
    """The catalog shares one retriever across API requests; its indicator words fill while threads race."""
    from retrieval.catalog import Catalog

    retriever = Retriever.load(sample_index)
    alone = Catalog.of(retriever)
    indicators = [c.id for c in retriever.store.clauses if c.target is not None and c.target.values][:QUESTIONS]
    asks = [("bảo hiểm y tế", None), ("bao hiem y te", None), ("BHYT", None)] + [(None, i) for i in indicators]
    expected = {a: alone.compare(*a).model_dump_json() for a in asks}

    shared = Catalog.of(retriever)  # cold
    for tables in _in_threads(lambda n: [(a, shared.compare(*a).model_dump_json()) for a in _shuffled(asks, n)]):
        assert len(tables) == len(asks)
        assert all(table == expected[a] for a, table in tables)
    assert any(json.loads(expected[a])["points"] for a in asks)
