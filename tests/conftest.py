"""Shared fixtures: the real sample plans, one real index built once per session."""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Callable

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# Vectors embedded once are reused by later runs (var/ is git-ignored); CI sets its own per-run folder.
os.environ.setdefault("PLANQA_VECTOR_CACHE", str(Path(__file__).resolve().parent.parent / "var" / "vector-cache"))

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _find_shared_plans() -> Path | None:
    env = os.environ.get("PLANQA_SAMPLE_PLANS")
    candidates = [Path(env)] if env else []
    candidates += [REPO.parent / "shared" / "plans", REPO / ".." / "shared" / "plans"]
    for c in candidates:
        if c.is_dir() and any(c.iterdir()):
            return c.resolve()
    return None


@pytest.fixture(scope="session")
def plans_dir() -> Path:
    """The real sample plans in ../shared/plans (never copied into the repo)."""
    d = _find_shared_plans()
    if d is None:
        pytest.fail("sample plans not found: expected ../shared/plans beside the repo "
                    "(or set PLANQA_SAMPLE_PLANS)")
    return d


@pytest.fixture(scope="session")
def plan_files(plans_dir: Path) -> list[Path]:
    from corpus import find_plans

    return find_plans(plans_dir)


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def sample_index(plans_dir: Path, tmp_path_factory) -> Path:
    """A real index of the sample plans, built once with the default offline model."""
    from index import build_index

    out = tmp_path_factory.mktemp("index") / "idx"
    build_index([plans_dir], out, progress=False)
    return out


@pytest.fixture(scope="session")
def copy_of(tmp_path_factory) -> Callable[[Path], Path]:
    """A fresh copy of an index folder, to change or break without touching the shared one:
    ``own = copy_of(sample_index)``; every call makes a new copy (named like the original)."""

    def copy(index_dir: Path) -> Path:
        target = tmp_path_factory.mktemp("copy") / Path(index_dir).name
        shutil.copytree(index_dir, target)
        return target

    return copy


@pytest.fixture(scope="session")
def retriever(sample_index: Path):
    from retrieval import Retriever

    return Retriever.load(sample_index)
