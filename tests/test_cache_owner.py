"""Retrieval's caches belong to the retriever that owns the index: a reload lets the old index go.

A module-level cache keyed on one index's objects (its clause snapshot, its `Evidence`) would keep
the old index alive after `/admin/reload` or an upload replaced it. The real app reloads a real
index here, and the old retriever's tables must be unreachable afterwards.
"""
from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.api import ApiSettings, create_app
from index import build_index

ADMIN_TOKEN = "test-admin-token-cache-owner"
DUTIES = "Phòng Kinh tế được giao những nhiệm vụ gì?"  # a duties question: reads the leads' word runs
WHO = "Ai chủ trì chỉ tiêu BHYT?"


@pytest.fixture()
def two_indexes(sample_index: Path, copy_of) -> tuple[Path, Path, str]:
    """A copy of the sample index, and a second copy with the plan answering WHO removed."""
    first, second = copy_of(sample_index), copy_of(sample_index)
    from retrieval import Retriever

    cited = Retriever.load(first).ask(WHO, top_k=1).results[0].citation.doc_id
    build_index([], second, progress=False, remove=[cited])
    return first, second, cited


def test_a_reload_lets_the_old_index_tables_go_and_answers_from_the_new_index(two_indexes):
    first, second, removed = two_indexes
    app = create_app(first, settings=ApiSettings(rate_limit=None, admin_token=ADMIN_TOKEN))
    client = TestClient(app)
    for question in (DUTIES, WHO):
        assert client.post("/ask", json={"question": question}).status_code == 200
    old = app.state.planqa.current.retriever
    assert old.lead_segments.cache_info().currsize > 0  # the duties question filled it
    watched = [weakref.ref(old), weakref.ref(old.evidence), weakref.ref(old.store), weakref.ref(old.clause_table)]
    del old

    r = client.post("/admin/reload", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
                    json={"index_dir": str(second)})
    assert r.status_code == 200, r.text
    gc.collect()
    assert [ref() for ref in watched] == [None] * len(watched)

    answer = client.post("/ask", json={"question": WHO, "top_k": 10}).json()
    assert answer["results"] and all(res["citation"]["doc_id"] != removed for res in answer["results"])
    assert removed not in {d["id"] for d in client.get("/documents").json()}
