"""The signals read every candidate at once (numpy) and give each candidate what it gives on its own."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from retrieval.signals import SIGNALS, read_signals

# one question of each type and each switch (director, number, years, partners, unit duties, no diacritics)
QUESTIONS = [
    "ai chủ trì chỉ tiêu BHYT?",
    "ai chu tri chi tieu bhyt",
    "Thời hạn rà soát, sửa đổi, bãi bỏ các VBQPPL cho phù hợp với sắp xếp bộ máy là khi nào?",
    "Phòng Kinh tế xã An Hưng được giao những nhiệm vụ gì?",
    "Giao đồng chí nào chỉ đạo công tác kiểm tra, giám sát, kỷ luật Đảng?",
    "tỷ lệ hộ nghèo năm 2026 đạt bao nhiêu?",
    "những xã nào đặt mục tiêu thu ngân sách?",
    "kế hoạch phát triển kinh tế xã hội có số hiệu là gì?",
    "Đơn vị nào phối hợp tuyên truyền chuyển đổi số?",
]
SET_RELATIVE = {"bm25_norm", "dense_gap"}  # relative to the best candidate of the question


def _alone(c, i: int):
    """The candidate set holding only candidate i, with what the retrievers said about it."""
    return dataclasses.replace(c, positions=[c.positions[i]], bm25=c.bm25[i:i + 1], bm25_rank=c.bm25_rank[i:i + 1],
                               dense=c.dense[i:i + 1], dense_rank=c.dense_rank[i:i + 1])


@pytest.mark.parametrize("question", QUESTIONS)
def test_each_candidates_signals_are_what_it_gives_on_its_own(retriever, question):
    names = list(SIGNALS)
    c = retriever.candidates(retriever.analyse(question), "hybrid")
    full = read_signals(c, names)
    assert full.shape == (len(c.positions), len(names)) and np.isfinite(full).all()
    own = [j for j, n in enumerate(names) if n not in SET_RELATIVE]
    for i in range(0, len(c.positions), 7):
        alone = read_signals(_alone(c, i), names)
        assert np.array_equal(alone[0, own], full[i, own]), [names[j] for j in own if alone[0, j] != full[i, j]]
    assert np.array_equal(full[:, names.index("bm25_norm")], c.bm25 / c.bm25.max())
    assert np.array_equal(full[:, names.index("dense_gap")], (c.dense - c.dense.max()) * 10.0)


def test_the_switched_signals_stay_off_when_the_question_does_not_ask(retriever):
    names = list(SIGNALS)
    c = retriever.candidates(retriever.analyse("Phòng Kinh tế xã An Hưng được giao những nhiệm vụ gì?"), "hybrid")
    x = read_signals(c, names)
    for off in ("lead_asked", "lead_missing", "target_asked", "deadline_asked", "number_line"):
        assert not x[:, names.index(off)].any(), off
    assert x[:, names.index("unit_leads")].max() > 0
