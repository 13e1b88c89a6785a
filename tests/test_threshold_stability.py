"""How stable the abstention threshold is across plans, in counts (issue #10).

`train.spread_line` counts the questions lying between the least and greatest threshold the document folds choose
(their decision depends on the plans the threshold was chosen on); `train.other_folds_rates` decides each document
fold at the threshold chosen on the other folds alone, as a plan nobody tuned on meets it.
"""
from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from retrieval import train as T


def _tune(groups: list[str]) -> list[SimpleNamespace]:
    return [SimpleNamespace(group=g) for g in groups]


def test_the_spread_line_counts_the_questions_between_the_fold_thresholds_and_leaves_vetoed_ones_out():
    oof = np.array([0.1, 0.45, 0.5, 0.55, 0.7, 0.9])
    vetoed = np.array([False, False, True, False, False, False])
    line = T.spread_line([0.4, 0.6], oof, vetoed)
    assert "spread 0.200" in line and line.endswith("questions between them 2 of 6")  # 0.45 and 0.55; 0.5 is vetoed
    assert "questions between" not in T.spread_line([0.4, 0.6])


def test_each_fold_is_decided_at_the_threshold_the_other_folds_choose():
    # five plans, one per fold; answerable questions score high and near-misses low, except one plan whose
    # answerable questions all score 0.4: the other folds' threshold (about 0.5) refuses them, which the pooled
    # threshold, chosen with them, would not show as plainly
    groups, oof, answerable = [], [], []
    for k, doc in enumerate(["a.md", "b.md", "c.md", "d.md", "e.md"]):
        for i in range(20):
            groups.append(doc)
            oof.append(0.4 if doc == "e.md" else 0.9)
            answerable.append(True)
        for i in range(20):
            groups.append(f"none:{k}")
            oof.append(0.1)
            answerable.append(False)
    tune = _tune(groups)
    oof_a, ans = np.array(oof), np.array(answerable)
    vetoed = np.zeros(len(oof_a), dtype=bool)
    fr, fa = T.other_folds_rates(tune, oof_a, ans, vetoed)  # type: ignore[arg-type]
    folds = np.array(T._folds(tune))  # type: ignore[arg-type]
    refused_plan = {g for g, f in zip(groups, folds) if f == folds[groups.index("e.md")] and g.endswith(".md")}
    assert refused_plan == {"e.md"}
    assert fr == pytest.approx(20 / 100) and fa == 0.0
    pooled_t, pooled_fr, _ = T.choose_threshold(oof_a, ans, vetoed)
    assert pooled_fr == 0.0 and pooled_t <= 0.4  # chosen with the plan's own questions, the threshold bends to them
