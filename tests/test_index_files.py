"""build_index over real plan files (the corpus parser), and the session index of the sample plans."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from corpus import find_plans, parse_file
from index import BuildError, IndexStore, build_index
from index.text import passage_text

PLANS = Path(__file__).resolve().parent / "fixtures" / "index" / "plans"



@pytest.fixture(scope="module", autouse=True)
def _no_shared_vector_cache():
    """Embedding counts below assume only the index's own cache; ignore a PLANQA_VECTOR_CACHE."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("PLANQA_VECTOR_CACHE", raising=False)
        yield

@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> tuple[Path, object]:
    """One from-scratch build of the fixture plans; later tests start from a copy (vectors cached)."""
    root = tmp_path_factory.mktemp("seed")
    shutil.copytree(PLANS, root / "plans")
    report = build_index([root / "plans"], root / "idx", progress=False)
    return root / "idx", report


@pytest.fixture()
def plan_dir(tmp_path: Path) -> Path:
    d = tmp_path / "plans"
    shutil.copytree(PLANS, d)
    return d


@pytest.fixture()
def warm_idx(seed, copy_of) -> Path:
    """An existing index holding both fixture plans, so a rebuild only embeds what changed."""
    return copy_of(seed[0])


def _passages(path: Path) -> list[str]:
    p = parse_file(path)
    return [passage_text(c, p.document) for c in p.clauses]


def test_build_from_directory_indexes_every_plan_file(seed):
    idx, report = seed
    assert report.errors == []
    assert sorted(report.added) == ["dong_tien_antt", "hoa_son_ktxh"]
    assert report.clauses == report.embedded == sum(len(parse_file(f).clauses) for f in find_plans([PLANS]))
    s = IndexStore.load(idx)
    hit = s.clauses[s.sparse("diễn tập chữa cháy ở chợ", 1)[0][0]]
    assert hit.doc_id == "dong_tien_antt" and "diễn tập" in hit.text
    m = json.loads((idx / "manifest.json").read_text(encoding="utf-8"))
    assert all(Path(d["path"]).is_absolute() and len(d["file_sha256"]) == 64 for d in m["documents"])


def test_rebuild_from_moved_files_reuses_every_vector(plan_dir, warm_idx):
    report = build_index([plan_dir], warm_idx, progress=False)
    assert report.reparsed == 2  # new paths: parsed again, but nothing re-embedded
    assert report.embedded == 0 and report.reused == report.clauses
    assert sorted(report.unchanged) == ["dong_tien_antt", "hoa_son_ktxh"]


def test_unreadable_file_is_reported_and_the_rest_still_index(plan_dir, warm_idx):
    (plan_dir / "hong.docx").write_bytes(b"this is not a zip archive")
    report = build_index([plan_dir], warm_idx, progress=False)
    assert [Path(f).name for f, _ in report.errors] == ["hong.docx"]
    assert "DOCX" in report.errors[0][1]
    assert report.documents == 2
    assert "1 file(s) failed: " in report.summary()


def test_paths_may_mix_files_and_directories(plan_dir, warm_idx, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    shutil.move(str(plan_dir / "dong_tien_antt.txt"), other / "dong_tien_antt.txt")
    report = build_index([plan_dir, other / "dong_tien_antt.txt"], warm_idx, progress=False)
    assert report.documents == 2 and report.errors == []


def test_editing_one_file_reparses_and_reembeds_only_that_file(plan_dir, warm_idx):
    idx = warm_idx
    build_index([plan_dir], idx, progress=False)
    target = plan_dir / "dong_tien_antt.txt"
    old = set(_passages(target))
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("tại chợ Đông Tiến trong quý II", "tại chợ Đông Tiến và chợ Mới trong quý III"),
                      encoding="utf-8")
    changed = sum(1 for p in _passages(target) if p not in old)
    assert changed >= 1
    report = build_index([plan_dir], idx, progress=False)
    assert report.reparsed == 1
    assert report.updated == ["dong_tien_antt"] and report.unchanged == ["hoa_son_ktxh"]
    assert report.embedded == changed
    assert report.reused == report.clauses - changed
    s = IndexStore.load(idx)
    assert "chợ Mới" in s.clauses[s.sparse("chợ Mới quý III", 1)[0][0]].text


def test_deleted_file_drops_its_document(plan_dir, warm_idx):
    idx = warm_idx
    build_index([plan_dir], idx, progress=False)
    (plan_dir / "hoa_son_ktxh.txt").unlink()
    report = build_index([plan_dir], idx, progress=False)
    assert report.removed == ["hoa_son_ktxh"] and report.embedded == 0 and report.reparsed == 0
    assert list(IndexStore.load(idx).documents) == ["dong_tien_antt"]


def test_remove_without_paths_keeps_other_documents(warm_idx):
    idx = warm_idx
    report = build_index([], idx, progress=False, remove=["hoa_son_ktxh"])
    assert report.removed == ["hoa_son_ktxh"] and report.unchanged == ["dong_tien_antt"]
    assert list(IndexStore.load(idx).documents) == ["dong_tien_antt"]


def test_nothing_to_index_fails_without_touching_the_index(plan_dir, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(BuildError, match="no plans to index"):
        build_index([empty], tmp_path / "idx", progress=False)
    assert not (tmp_path / "idx").exists()


# ----------------------------------------------------------------------------- the real sample plans

def test_sample_index_holds_every_sample_plan(sample_index, plan_files):
    s = IndexStore.load(sample_index)
    assert len(s.documents) == len(plan_files)
    assert len(s.clauses) == s.manifest["counts"]["clauses"] > 500
    assert {"TTHC", "KNTC", "VBQPPL"} <= set(s.abbreviations)


def test_sample_index_dense_and_sparse_find_health_insurance_target(sample_index):
    s = IndexStore.load(sample_index)
    for hits in (s.sparse("tỷ lệ dân số tham gia bảo hiểm y tế năm 2030", 3),
                 s.dense("tỷ lệ dân số tham gia bảo hiểm y tế năm 2030", 3)):
        assert any("bảo hiểm y tế" in s.clauses[i].text.lower() for i, _ in hits)


def test_sample_index_locality_filter_keeps_to_that_commune(sample_index):
    s = IndexStore.load(sample_index)
    an_hung = {d for d, doc in s.documents.items() if doc.locality.name == "An Hưng"}
    assert an_hung
    for hits in (s.sparse("thu ngân sách", 5, doc_filter=an_hung), s.dense("thu ngân sách", 5, doc_filter=an_hung)):
        assert hits and all(s.clauses[i].doc_id in an_hung for i, _ in hits)


def test_a_bm25_scorer_scores_the_index_once_for_all_its_reads(sample_index, monkeypatch):
    """A question reads BM25 twice (its top clauses, then its scores at every candidate): the whole index is scored
    once per query, and each read gives what `sparse` and `sparse_scores_at` give."""
    s = IndexStore.load(sample_index)
    passes = []
    scores = s._bm25.get_scores
    monkeypatch.setattr(s._bm25, "get_scores", lambda *a, **kw: passes.append(1) or scores(*a, **kw))
    an_hung = {d for d, doc in s.documents.items() if doc.locality.name == "An Hưng"}
    for q in ("tỷ lệ dân số tham gia bảo hiểm y tế năm 2030", "thu ngân sách", "ai chu tri cai cach hanh chinh"):
        for doc_filter in (None, an_hung):
            top, positions = s.sparse(q, 50, doc_filter), list(range(0, len(s.clauses), 5))
            at = s.sparse_scores_at(q, positions, doc_filter)
            passes.clear()
            scorer = s.bm25_scorer(q, doc_filter)
            assert scorer.top(50) == top and scorer.at(positions).tolist() == at.tolist()
            assert scorer.at([p for p, _ in top]).tolist() == [score for _, score in top]
            assert len(passes) == 1, q
