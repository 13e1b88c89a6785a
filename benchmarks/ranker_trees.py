"""Gradient-boosted trees over the ranker's signals against the shipped linear ranker, out of fold (round 14).

    python benchmarks/ranker_trees.py eval/real_dev.jsonl … eval/real_dev12.jsonl \
        --extra eval/gold.jsonl --extra eval/heldout.jsonl --index DIR [--cache F] [--abstention]

Candidates and signals are read once (`retrieval.train.collect`; ``--cache`` keeps them in a pickle keyed by gold
file). Each learner replaces `retrieval.train.fit_ranker` for the run and is measured by
`retrieval.train.cross_validate` itself (the 5 document folds of `planqa train`, the extra gold always in training):
hit@5 and MRR@10 overall and per tuning file. Learners: "linear" (shipped); "trees" (LightGBM lambdarank on the
signals read as the linear ranker reads them, `RANKER_WITHIN_QUESTION`, each question one query group, calibrated
as `_calibrated` does), every size of `GRID`; "residual" (the same trees boosted from the linear ranker's logit,
LightGBM's init_score: they learn only what the linear model misses), sizes of `RESIDUAL`. ``--abstention`` also
reads the abstention out of fold from each learner's out-of-fold rankings as `planqa train` does. Needs lightgbm
(not a planqa dependency: no learner here was kept, benchmarks/results/ranker-variants.md §5). Dev files only.
"""
from __future__ import annotations

import argparse
import importlib.util
import itertools
import pickle
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.backend import open_store  # noqa: E402
from retrieval import train as T  # noqa: E402
from retrieval.ranker import Linear, RankerModel, within_question  # noqa: E402
from retrieval.search import Retriever  # noqa: E402
from retrieval.signals import SIGNALS  # noqa: E402

# the sizes the CV chooses among: small trees (few leaves, many questions per leaf) and a modest number of rounds,
# so that scoring a question's 100–300 candidates stays well under a millisecond
GRID = {"num_leaves": (7, 15), "min_data_in_leaf": (20, 100), "learning_rate": (0.05,), "num_boost_round": (100, 300)}
RESIDUAL = ({"num_leaves": 7, "min_data_in_leaf": 100, "learning_rate": 0.05, "num_boost_round": 100},
            {"num_leaves": 7, "min_data_in_leaf": 100, "learning_rate": 0.05, "num_boost_round": 30},
            {"num_leaves": 15, "min_data_in_leaf": 20, "learning_rate": 0.05, "num_boost_round": 100})
FIXED = {"objective": "lambdarank", "deterministic": True, "force_row_wise": True, "num_threads": 1, "seed": 0,
         "verbose": -1}  # one thread and a fixed seed: the same examples give the same trees
LINEAR = T.fit_ranker


@dataclass(frozen=True)
class Boosted:
    """Trees (plus, for "residual", the linear ranker's logit), calibrated: what `cross_validate` ranks with."""

    features: tuple[str, ...]
    booster: object
    base: Linear | None
    slope: float
    intercept: float

    def score(self, x: np.ndarray) -> np.ndarray:
        s = self.booster.predict(within_question(x, T.RANKER_WITHIN_QUESTION), num_threads=1)
        return s + self.base.logits(x) if self.base is not None else s

    def probability(self, x: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(self.slope * self.score(x) + self.intercept)))


def _calibration(scores, rows) -> tuple[float, float]:
    """(slope, intercept) of the one-feature logistic fit of the labels on the scores, each question weighing 1,
    as `retrieval.train._calibrated` makes the linear direction a probability."""
    from sklearn.linear_model import LogisticRegression

    w = np.concatenate([np.full(len(y), 1.0 / len(y)) for _, y in rows])
    cal = LogisticRegression(C=T.C_CALIBRATION, max_iter=1000).fit(
        np.concatenate(scores)[:, None], np.concatenate([y for _, y in rows]), sample_weight=w)
    return float(cal.coef_[0][0]), float(cal.intercept_[0])


def trees_fit(params: dict, residual: bool):
    """A `fit_ranker` stand-in fitting trees of size ``params`` (from the linear ranker's logit when ``residual``)."""
    def fit(examples, features, *_):
        import lightgbm

        raw = T._ranker_rows(examples, features)
        rows = [(within_question(x, T.RANKER_WITHIN_QUESTION), y) for x, y in raw]
        base = LINEAR(examples, features) if residual else None
        init = np.concatenate([base.logits(x) for x, _ in raw]) if base is not None else None
        data = lightgbm.Dataset(np.vstack([z for z, _ in rows]), np.concatenate([y for _, y in rows]),
                                group=[len(y) for _, y in rows], init_score=init, params={"verbose": -1})
        p = {**FIXED, **params}
        booster = lightgbm.train(p, data, num_boost_round=p.pop("num_boost_round"))
        model = Boosted(tuple(features), booster, base, 1.0, 0.0)
        slope, intercept = _calibration([model.score(x) for x, _ in raw], rows)
        return Boosted(tuple(features), booster, base, slope, intercept)
    return fit


def load(paths: list[str], retriever: Retriever, cache: str | None) -> dict[str, list[T.Example]]:
    stored: dict[str, list[T.Example]] = {}
    if cache and Path(cache).is_file():
        with open(cache, "rb") as f:
            stored = pickle.load(f)
    missing = [p for p in paths if p not in stored]
    for p in missing:
        stored[p] = T.collect(retriever, p)
    if missing and cache:
        with open(cache, "wb") as f:
            pickle.dump(stored, f)
    return stored


def per_file(retriever: Retriever, tune: list[T.Example], cv: T.CVResult) -> dict[str, tuple[float, float, int]]:
    """(hit@5, MRR@10, answerable) per tuning file of the out-of-fold rankings, scored as `cross_validate` does."""
    rows: dict[str, list[tuple[float, float]]] = {}
    for i, e in enumerate(tune):
        if e.gold.answerable and i in cv.ranked:
            rows.setdefault(e.source, []).append(
                T._rank_metrics(retriever, e, e.strategy.cited(retriever, e.q, cv.ranked[i])))
    return {s: (float(np.mean([h for h, _ in r])), float(np.mean([m for _, m in r])), len(r)) for s, r in rows.items()}


def abstention(retriever: Retriever, tune, extra, cv: T.CVResult) -> list[str]:
    """The abstention out of fold, read from ``cv``'s rankings as `retrieval.train.train` reads them."""
    features = list(SIGNALS)
    tune_x = T._evidence_matrix(retriever, tune, cv.ranked)
    extra_x, extra_y = T.extra_evidence(retriever, extra, features)
    vetoed = T._vetoed(retriever, tune)
    oof = T.out_of_fold_abstention(tune, tune_x, vetoed, [extra_x], [extra_y])
    ta = np.array([e.gold.answerable for e in tune])
    t, fr, fa = T.choose_threshold(oof, ta, vetoed)
    lines = [f"  abstention out of fold: threshold {t:.3f}, false refusals {fr:.3f}, false answers {fa:.3f} "
             f"({int(((oof >= t) & ~vetoed & ~ta).sum())} of {int((~ta).sum())})",
             "  " + T.spread_line(T.fold_thresholds(tune, oof, ta, vetoed), oof, vetoed),
             "  each fold at the other folds' threshold: false refusals %.3f, false answers %.3f"
             % T.other_folds_rates(tune, oof, ta, vetoed)]
    return lines + ["  " + ln for ln in T.decision_lines(T.decisions(tune, oof, vetoed, t))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("tune", nargs="+")
    ap.add_argument("--extra", action="append", default=[])
    ap.add_argument("--index", required=True)
    ap.add_argument("--cache", default=None)
    ap.add_argument("--learners", default="linear,trees,residual")
    ap.add_argument("--abstention", action="store_true")
    a = ap.parse_args()
    if a.learners != "linear" and importlib.util.find_spec("lightgbm") is None:
        sys.exit("ranker_trees: the tree learners need lightgbm (pip install lightgbm); --learners linear runs without")
    retriever = Retriever(open_store(a.index), RankerModel.untrained())
    stored = load(a.tune + a.extra, retriever, a.cache)
    tune = [e for p in a.tune for e in stored[p]]
    extra = [e for p in a.extra for e in stored[p]]
    runs = [("linear", LINEAR)] if "linear" in a.learners else []
    if "trees" in a.learners.split(","):
        runs += [("trees " + str(dict(zip(GRID, v))), trees_fit(dict(zip(GRID, v)), False))
                 for v in itertools.product(*GRID.values())]
    if "residual" in a.learners.split(","):
        runs += [("linear + residual trees " + str(p), trees_fit(p, True)) for p in RESIDUAL]
    short = {p: Path(p).stem.replace("real_", "") for p in a.tune}
    print("| learner | hit@5 | MRR@10 | " + " | ".join(short.values()) + " |")
    print("|---|---|---|" + "---|" * len(short))
    for name, fit in runs:
        T.fit_ranker = fit  # cross_validate and extra_evidence fit with it
        t0 = time.time()
        cv = T.cross_validate(retriever, tune, extra, list(SIGNALS))
        files = per_file(retriever, tune, cv)
        print(f"| {name} | {cv.hit5:.3f} | {cv.mrr:.3f} | "
              + " | ".join(f"{files[p][0]:.3f}/{files[p][1]:.3f}" for p in a.tune if p in files)
              + f" | ({time.time() - t0:.0f}s)", flush=True)
        if a.abstention:
            print("\n".join(abstention(retriever, tune, extra, cv)), flush=True)
    T.fit_ranker = LINEAR

if __name__ == "__main__":
    main()
