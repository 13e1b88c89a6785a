"""The store's query hook (`use_query_adapter` / `search_vector`): what the query-adapter measurement
(benchmarks/query_adapter_cv.py) applies a learned map through; no map means the plain dense search."""
from __future__ import annotations

from pathlib import Path

import numpy as np

QUESTION = "Ai chủ trì chỉ tiêu bảo hiểm y tế?"


def test_no_map_searches_with_the_plain_embedding(sample_index: Path) -> None:
    from index import IndexStore

    store = IndexStore.load(sample_index)
    assert np.array_equal(store.search_vector(QUESTION), store.query_vector(QUESTION))


def test_a_query_map_is_what_dense_search_compares_and_none_restores_it(sample_index: Path) -> None:
    from index import IndexStore

    store = IndexStore.load(sample_index)
    plain = store.dense(QUESTION, 5)
    target = np.asarray(store.vectors[plain[-1][0]], dtype=np.float32)  # the plain search's fifth clause
    store.use_query_adapter(lambda v: target)
    moved = store.dense(QUESTION, 5)
    assert np.allclose(store.vectors[moved[0][0]], target) and abs(moved[0][1] - 1.0) < 1e-4  # (or its twin)
    assert np.allclose(store.dense_scores_at(QUESTION, [moved[0][0]]), [moved[0][1]], atol=1e-5)
    assert np.array_equal(store.query_vector(QUESTION), IndexStore.load(sample_index).query_vector(QUESTION))
    store.use_query_adapter(None)
    assert [p for p, _ in store.dense(QUESTION, 5)] == [p for p, _ in plain]
