"""Learner choices for the ranker, compared by document-level cross-validation on the development half.

    python benchmarks/ranker_variants.py eval/real_dev.jsonl … eval/real_dev7.jsonl \
        --extra eval/gold.jsonl --extra eval/heldout.jsonl --index /work/var/real-index-v [--variants a,b] [--nested]

Candidates and signals are read once (`retrieval.train.collect`); each variant is then fitted and measured on
two splits of the tuning documents, the extra gold always in training:

- ``doc5``: the 5 document folds `planqa train` uses (`retrieval.train._folds`);
- ``half``: half of the tuning documents held out at once, three random halvings (6 folds): larger groups of
  plans nobody tuned on, closer to "a whole new province".

For each split: hit@5, MRR@10 and R@5 over the held-out answerable questions (mean over all questions), and
the least per-fold hit@5 / MRR. Ordering after the ranker is the question's strategy's, as in `Retriever.rank`.
``--nested`` chooses the pairwise regularisation by an inner document CV inside each outer training fold.
Dev files only: never run it on a test-half gold set.
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.backend import open_store  # noqa: E402
from retrieval import train as T  # noqa: E402
from retrieval.ranker import Linear, RankerModel  # noqa: E402
from retrieval.search import Retriever  # noqa: E402
from retrieval.signals import SIGNALS  # noqa: E402

HALVINGS = 3  # random halvings of the tuning documents for the ``half`` split
C_GRID = (0.03, 0.1, 0.3, 1.0)  # pairwise inverse L2 strengths the nested CV chooses among
INNER_FOLDS = 3


# ----------------------------------------------------------------------------- learners

Scorer = Callable[[np.ndarray], np.ndarray]  # one question's candidate matrix → scores (higher first)


def _z(x: np.ndarray) -> np.ndarray:
    """Each signal standardised within one question's candidate list (constant columns → 0)."""
    if not len(x):
        return x
    sd = x.std(axis=0)
    return np.where(sd > 1e-9, (x - x.mean(axis=0)) / np.where(sd > 1e-9, sd, 1.0), 0.0)


def _rank01(x: np.ndarray) -> np.ndarray:
    """Each signal as its within-question rank in [0, 1] (ties share the mean rank)."""
    from scipy.stats import rankdata

    if len(x) < 2:
        return np.zeros_like(x)
    return (rankdata(x, axis=0) - 1) / (len(x) - 1)


NORMS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "none": lambda x: x,
    "z+": lambda x: np.hstack([x, _z(x)]),
    "z": _z,
    "rank+": lambda x: np.hstack([x, _rank01(x)]),
}


@dataclass(frozen=True)
class Variant:
    name: str
    objective: str = "shipped"  # shipped (pointwise + pairwise), pairwise, pointwise, lambdarank
    c_pair: float = T.C_PAIRWISE
    c_point: float = T.C_RANKER
    balanced: bool = False  # pointwise: positives and negatives of a question weigh half each
    norm: str = "none"
    drop: tuple[str, ...] = ()
    nested: bool = False  # choose c_pair by inner CV


def _rows(examples: Sequence[T.Example], cols: list[int], norm: str) -> list[tuple[np.ndarray, np.ndarray]]:
    f = NORMS[norm]
    return [(f(e.x[:, cols]), e.y) for e in examples if e.gold.answerable and e.y.sum() > 0]


def _pointwise(rows, c: float, balanced: bool) -> Linear:
    xs, ys, ws = [], [], []
    for x, y in rows:
        xs.append(x)
        ys.append(y)
        if balanced:
            npos, nneg = y.sum(), len(y) - y.sum()
            ws.append(np.where(y > 0, 0.5 / max(npos, 1), 0.5 / max(nneg, 1)))
        else:
            ws.append(np.full(len(y), 1.0 / len(y)))
    feats = tuple(str(i) for i in range(rows[0][0].shape[1]))
    return T._fit(np.vstack(xs), np.concatenate(ys), np.concatenate(ws), c, feats)


def _lambdarank(rows) -> Scorer:
    import lightgbm as lgb

    x = np.vstack([x for x, _ in rows])
    y = np.concatenate([y for _, y in rows]).astype(int)
    model = lgb.LGBMRanker(objective="lambdarank", n_estimators=200, learning_rate=0.05, num_leaves=15,
                           min_child_samples=20, subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                           reg_lambda=1.0, verbose=-1, random_state=0, n_jobs=1)
    model.fit(x, y, group=[len(r[1]) for r in rows])
    return lambda m: model.predict(m) if len(m) else np.zeros(0)


def _calibrate(raw: Scorer, rows) -> Scorer:
    """A raw score made a probability by a one-feature logistic fit (each question weighing 1), as
    `retrieval.train._calibrated` does: the strategies' orderings read probability levels."""
    from sklearn.linear_model import LogisticRegression

    score = np.concatenate([raw(x) for x, _ in rows])
    labels = np.concatenate([y for _, y in rows])
    w = np.concatenate([np.full(len(y), 1.0 / len(y)) for _, y in rows])
    cal = LogisticRegression(C=T.C_CALIBRATION, max_iter=1000).fit(score[:, None], labels, sample_weight=w)
    a, b = float(cal.coef_[0][0]), float(cal.intercept_[0])
    return lambda x: 1.0 / (1.0 + np.exp(-(a * raw(x) + b)))


def fit_variant(v: Variant, train: Sequence[T.Example], c_pair: float | None = None) -> tuple[Scorer, float]:
    cols = [i for i, n in enumerate(SIGNALS) if n not in v.drop]
    rows = _rows(train, cols, v.norm)
    norm = NORMS[v.norm]
    c_pair = v.c_pair if c_pair is None else c_pair
    if v.objective == "lambdarank":
        raw = _lambdarank(rows)
    elif v.objective == "pointwise":
        lin = _pointwise(rows, v.c_point, v.balanced)
        raw = lin.logits
    else:
        mean, scale, direction = T.pairwise_direction(rows, c_pair)
        if v.objective == "pairwise":
            raw = lambda m: ((m - mean) / scale) @ direction  # noqa: E731
        else:  # shipped: pointwise + calibrated pairwise on the same standardisation, recalibrated
            point = _pointwise(rows, v.c_point, v.balanced)
            pair_cal = T._calibrated(rows, point.features, mean, scale, direction)
            lin = Linear(point.features, point.mean, point.scale, point.weights + T.PAIRWISE_SHARE * pair_cal.weights,
                         0.0)
            raw = lin.logits
    prob = _calibrate(raw, rows)
    return (lambda x: prob(norm(x[:, cols]))), c_pair


# ----------------------------------------------------------------------------- measuring

def measure(retriever: Retriever, e: T.Example, scorer: Scorer) -> tuple[float, float, float]:
    """(hit@5, RR@10, R@5) of one answerable question ranked by ``scorer`` then its strategy's order."""
    if not e.positions:
        return 0.0, 0.0, 0.0
    s = scorer(e.x)
    cov = e.x[:, list(SIGNALS).index("coverage")]
    scored = sorted(((p, float(s[i]), float(cov[i])) for i, p in enumerate(e.positions)), key=lambda t: (-t[1], t[0]))
    ranked = e.strategy.order(retriever, e.q, scored)
    h, rr = T._rank_metrics(retriever, e, ranked)
    top5 = [retriever.store.clauses[p] for p, _, _ in ranked[:5]]
    rel = e.gold.relevant
    r5 = sum(1 for r in rel if any(T._covers(c, r) for c in top5)) / len(rel) if rel else 0.0
    return h, rr, r5


def splits(tune: Sequence[T.Example]) -> dict[str, list[list[int]]]:
    """Held-out index lists per split."""
    out: dict[str, list[list[int]]] = {}
    folds = T._folds(tune)
    out["doc5"] = [[i for i, f in enumerate(folds) if f == k] for k in range(T.FOLDS)]
    groups = sorted({e.group for e in tune if not e.group.startswith("none:")})
    halves = []
    for seed in range(HALVINGS):
        order = list(np.random.default_rng(seed).permutation(groups))
        first = set(order[: len(order) // 2])
        # unanswerable questions (no plan) go with the half their hash bucket falls in
        side = [(e.group in first) if not e.group.startswith("none:") else (int(e.group[5:]) % 2 == seed % 2)
                for e in tune]
        halves.append([i for i, s in enumerate(side) if s])
        halves.append([i for i, s in enumerate(side) if not s])
    out["half"] = halves
    return out


def nested_c(v: Variant, train: Sequence[T.Example], retriever: Retriever) -> float:
    """The pairwise C with the best inner document-CV hit@5 + MRR on the training side alone."""
    groups = sorted({e.group for e in train})
    fold_of = {g: i % INNER_FOLDS for i, g in enumerate(groups)}
    best, best_c = -1.0, v.c_pair
    for c in C_GRID:
        hs, rs = [], []
        for k in range(INNER_FOLDS):
            tr = [e for e in train if fold_of[e.group] != k]
            scorer, _ = fit_variant(v, tr, c)
            for e in train:
                if fold_of[e.group] == k and e.gold.answerable and e.source != "extra":
                    h, rr, _ = measure(retriever, e, scorer)
                    hs.append(h)
                    rs.append(rr)
        score = float(np.mean(hs) + np.mean(rs))
        if score > best + 1e-9:
            best, best_c = score, c
    return best_c


def evaluate(retriever: Retriever, v: Variant, tune, extra, split: list[list[int]]) -> dict:
    per_fold, all_rows, chosen = [], [], []
    for held in split:
        held_set = set(held)
        train = [e for i, e in enumerate(tune) if i not in held_set] + list(extra)
        c = nested_c(v, train, retriever) if v.nested else None
        scorer, c_used = fit_variant(v, train, c)
        chosen.append(c_used)
        rows = [measure(retriever, tune[i], scorer) for i in held if tune[i].gold.answerable]
        if rows:
            per_fold.append(np.mean(rows, axis=0))
            all_rows += rows
    a, f = np.array(all_rows), np.array(per_fold)
    return {"hit5": a[:, 0].mean(), "mrr": a[:, 1].mean(), "r5": a[:, 2].mean(), "min_hit5": f[:, 0].min(),
            "min_mrr": f[:, 1].min(), "min_r5": f[:, 2].min(), "folds": f, "c": chosen}


VARIANTS = {
    "shipped": Variant("shipped"),
    "shipped-nested": Variant("shipped-nested", nested=True),
    "pairwise": Variant("pairwise", "pairwise"),
    "pointwise": Variant("pointwise", "pointwise"),
    "pointwise-balanced": Variant("pointwise-balanced", "pointwise", balanced=True),
    "shipped-balanced": Variant("shipped-balanced", balanced=True),
    "shipped-z+": Variant("shipped-z+", norm="z+"),
    "shipped-z+-nested": Variant("shipped-z+-nested", norm="z+", nested=True),
    "shipped-z": Variant("shipped-z", norm="z"),
    "shipped-rank+": Variant("shipped-rank+", norm="rank+"),
    "pairwise-z+": Variant("pairwise-z+", "pairwise", norm="z+"),
    "lambdarank": Variant("lambdarank", "lambdarank"),
    "lambdarank-z+": Variant("lambdarank-z+", "lambdarank", norm="z+"),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("tune", nargs="+", type=Path)
    ap.add_argument("--extra", action="append", type=Path, default=[])
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--variants", default=",".join(VARIANTS))
    ap.add_argument("--drop", default="", help="comma-separated signals: add a 'shipped' variant without them")
    ap.add_argument("--split", default="doc5,half")
    a = ap.parse_args()
    retriever = Retriever(open_store(a.index), RankerModel.untrained())
    t0 = time.time()
    tune = [e for p in a.tune for e in T.collect(retriever, p)]
    extra = [e for p in a.extra for e in T.collect(retriever, p)]
    for e in extra:
        e.source = "extra"
    print(f"collected {len(tune)} tuning + {len(extra)} extra questions in {time.time() - t0:.0f}s", flush=True)
    answerable = [e for e in tune if e.gold.answerable]
    in_pool = sum(e.y.sum() > 0 for e in answerable)
    # the ceiling of any ranker: a question whose pool holds no relevant clause is missed whatever the weights
    print(f"candidate pool holds a relevant clause for {in_pool}/{len(answerable)} answerable tuning questions "
          f"({in_pool / max(1, len(answerable)):.3f})", flush=True)
    variants = [VARIANTS[n] for n in a.variants.split(",") if n]
    if a.drop:
        drop = tuple(a.drop.split(","))
        variants.append(Variant("shipped-drop:" + a.drop, drop=drop))
    sp = splits(tune)
    print("| variant | split | hit@5 | MRR@10 | R@5 | min-fold hit@5 | min-fold MRR | min-fold R@5 | C |")
    print("|---|---|---|---|---|---|---|---|---|")
    for v in variants:
        for name in a.split.split(","):
            t0 = time.time()
            r = evaluate(retriever, v, tune, extra, sp[name])
            cs = ",".join(f"{c:g}" for c in r["c"]) if v.nested else ""
            print(f"| {v.name} | {name} | {r['hit5']:.3f} | {r['mrr']:.3f} | {r['r5']:.3f} | {r['min_hit5']:.3f} | "
                  f"{r['min_mrr']:.3f} | {r['min_r5']:.3f} | {cs} |  ({time.time() - t0:.0f}s; per fold hit@5 "
                  f"{' '.join(f'{x:.3f}' for x in r['folds'][:, 0])})", flush=True)


if __name__ == "__main__":
    main()
