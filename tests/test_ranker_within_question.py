"""The ranker reads each signal as it is and standardised within the question's candidates ("z+").

A cosine of 0.86 or a BM25 share of 0.4 means different things on different plans and questions; a
candidate's place among its question's other candidates does not. The model file records the reading, so
the same index and file give the same ranking.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from retrieval.ranker import Linear, ModelError, RankerModel, within_question
from retrieval.signals import SIGNALS, read_signals

# wordings over three different sample plans: who coordinates a field, who directs, who leads an indicator
WORDINGS = (
    "Trong kế hoạch phát triển kinh tế - xã hội của xã Lạc Phượng, cơ quan nào chủ trì lĩnh vực kinh tế?",
    "Ai chỉ đạo triển khai đổi mới phương thức lãnh đạo của Đảng ủy UBND xã và các chi bộ trực thuộc?",
    "ai chu tri chi tieu BHYT cua xa An Hung?",
)


def _signals(retriever, question: str) -> tuple[list[int], np.ndarray]:
    q = retriever.analyse(question)
    cands = retriever.candidates(q, "hybrid")
    return cands.positions, read_signals(cands, list(SIGNALS))


@pytest.mark.parametrize("question", WORDINGS)
def test_each_signal_is_standardised_within_the_questions_candidates(retriever, question):
    positions, x = _signals(retriever, question)
    assert len(positions) > 10
    z = within_question(x, "z+")
    n = x.shape[1]
    assert z.shape == (len(positions), 2 * n) and np.array_equal(z[:, :n], x)  # the signals as they are, kept
    varying = x.std(axis=0) > 1e-9
    assert varying.sum() >= 5
    assert np.allclose(z[:, n:][:, varying].mean(axis=0), 0, atol=1e-9)
    assert np.allclose(z[:, n:][:, varying].std(axis=0), 1, atol=1e-9)
    assert np.all(z[:, n:][:, ~varying] == 0)  # a signal every candidate shares says nothing within the question
    # a plan or question whose cosines all sit higher and spread wider reads the same within the question
    dense = list(SIGNALS).index("dense_cos")
    shifted = x.copy()
    shifted[:, dense] = 3.0 * shifted[:, dense] + 0.2
    assert np.allclose(within_question(shifted, "z+")[:, n + dense], z[:, n + dense])


def _questions_on_different_scales(seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Synthetic questions: column 0 tells the relevant candidate from the others within its question, but its
    scale differs tenfold between questions (as cosines between plans); column 1 is a noisy clue on one scale."""
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(150):
        n = 30
        y = np.zeros(n)
        y[0] = 1.0
        scale = 10 ** rng.uniform(-1.5, 1.0)
        sharp = scale * (1.5 * y + rng.normal(0, 0.5, n)) + rng.normal(0, 3)
        noisy = y + rng.normal(0, 1.0, n)
        rows.append((np.column_stack([sharp, noisy]), y))
    return rows


def _top1(model: Linear, rows) -> float:
    return float(np.mean([y[np.argmax(model.probability(x))] for x, y in rows]))


def test_within_question_reading_finds_a_contrast_whose_scale_differs_between_questions(monkeypatch):
    from retrieval import train

    rows, held = _questions_on_different_scales(0), _questions_on_different_scales(1)
    monkeypatch.setattr(train, "_ranker_rows", lambda examples, features: rows)
    with_z = train.fit_ranker([], ["sharp", "noisy"])
    monkeypatch.setattr(train, "RANKER_WITHIN_QUESTION", "none")
    without = train.fit_ranker([], ["sharp", "noisy"])
    assert with_z.within == "z+" and without.within == "none"
    assert _top1(with_z, held) > _top1(without, held) + 0.1
    assert _top1(with_z, held) > 0.85


def test_the_saved_model_reproduces_its_ranking(retriever, tmp_path: Path):
    rng = np.random.default_rng(3)
    n = len(SIGNALS)
    ranker = Linear(tuple(SIGNALS), rng.normal(size=2 * n), rng.uniform(0.5, 2, 2 * n), rng.normal(size=2 * n),
                    -1.0, "z+")
    model = RankerModel("test-z", ranker, retriever.model.abstention, retriever.model.threshold, {})
    model.save(tmp_path / "m.json")
    assert '"within_question": "z+"' in (tmp_path / "m.json").read_text(encoding="utf-8")
    again = RankerModel.load(tmp_path / "m.json")
    assert again.ranker.within == "z+"
    for question in WORDINGS:
        _, x = _signals(retriever, question)
        a, b = model.ranker.probability(x), again.ranker.probability(x)
        assert np.allclose(a, b, atol=1e-4)
        assert list(np.argsort(-a, kind="stable")[:10]) == list(np.argsort(-b, kind="stable")[:10])


def test_a_model_with_an_unknown_or_mismatched_reading_is_refused(tmp_path: Path):
    import json

    n = 3
    d = Linear(("a", "b", "c"), np.zeros(2 * n), np.ones(2 * n), np.ones(2 * n), 0.0, "z+").to_dict()
    assert Linear.from_dict(d).within == "z+"
    with pytest.raises(ModelError, match="unknown per-question"):
        Linear.from_dict({**d, "within_question": "rank"})
    with pytest.raises(ModelError, match="do not match"):
        Linear.from_dict({**d, "within_question": "none"})  # twice the weights its features read plainly
    assert json.loads(json.dumps(d)) == d
