"""Would a candidate evidence item help the abstention on questions written later? Measured before declaring it.

Reads the cache `benchmarks/abstention_cv.py --cache` writes (the tuning questions with their out-of-fold rankings),
reads the declared evidence once, then for each candidate (a function ``(Evidence, Question, ranked) -> float``, named
``module:function``, higher meaning more reason to answer, as every declared item) appends its column and reports, next
to the declared items alone: out of fold over all tuning sets (threshold, FR, FA), leave one tuning set out pooled
(FR, FA), and the left-out row of each set named with ``--show``:

    python benchmarks/abstention_candidates.py --cache /tmp/x-abst.pkl --index DIR \
        --candidate mymodule:my_item [--candidate …] [--combine] [--show real_dev14.jsonl]

``--combine`` also reports all candidates together. The candidate module is imported from the working directory
or PYTHONPATH; nothing is registered in `retrieval.evidence.EVIDENCE`.
"""
from __future__ import annotations

import argparse
import importlib
import pickle
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index import IndexStore  # noqa: E402
from retrieval import train as T  # noqa: E402
from retrieval.evidence import EVIDENCE, Evidence  # noqa: E402
from retrieval.ranker import RankerModel  # noqa: E402
from retrieval.search import Retriever  # noqa: E402
from retrieval.strategies import weighed_clauses  # noqa: E402


def column(r: Retriever, fn, examples, ranked) -> np.ndarray:
    """The candidate's value for each question, on the clauses the abstention reads (`weighed_clauses`)."""
    return np.array([fn(r.evidence, e.q, weighed_clauses(e.q, ranked.get(i, []), r.store.clauses))
                     for i, e in enumerate(examples)], dtype=np.float64)


def rates(p, answerable, vetoed, t):
    answered = (p >= t) & ~vetoed
    return (float((~answered & answerable).sum() / max(1, answerable.sum())),
            float((answered & ~answerable).sum() / max(1, (~answerable).sum())))


def measure(tune, tx, ex, ey, names: list[str], show: list[str]) -> str:
    """OOF and left-one-set-out figures of the abstention over ``tx``'s columns (named ``names``)."""
    declared = dict(EVIDENCE)
    EVIDENCE.clear()
    EVIDENCE.update({n: declared.get(n) for n in names})  # `fit_evidence` names its weights after EVIDENCE
    try:
        ta = T._answerable(tune).astype(bool)
        tv = np.array([Evidence.vetoed(e.q, [(0, 0, 0)]) for e in tune])
        src = np.array([Path(e.source).name for e in tune])
        oof = T.out_of_fold_abstention(tune, tx, tv, [ex], [ey])
        t, fr, fa = T.choose_threshold(oof, ta, tv)
        out, sums = [], np.zeros(2)
        for s in dict.fromkeys(src):
            m = src == s
            idx = np.where(~m)[0]
            p_rest = T.out_of_fold_abstention([tune[i] for i in idx], tx[idx], tv[idx], [ex], [ey])
            lt, _, _ = T.choose_threshold(p_rest, ta[idx], tv[idx])
            keep = ~tv[idx]
            model = T.fit_evidence(np.vstack([tx[idx][keep], ex]), np.concatenate([ta[idx][keep].astype(float), ey]))
            lfr, lfa = rates(model.probability(tx[m]), ta[m], tv[m], lt)
            sums += (lfr * ta[m].sum(), lfa * (~ta[m]).sum())
            if s in show:
                out.append(f"{s} left out: threshold {lt:.3f}, FR {lfr:.3f}, FA {lfa:.3f}")
        full = T.fit_abstention(np.vstack([tx, ex]), np.concatenate([ta.astype(float), ey]),
                                np.r_[tv, np.zeros(len(ey), dtype=bool)])
        weights = ", ".join(f"{n} {w:+.2f}" for n, w in zip(names, full.weights) if n not in declared)
        return (f"OOF threshold {t:.3f}, FR {fr:.3f}, FA {fa:.3f}; left-one-set-out pooled FR {sums[0] / ta.sum():.3f}, "
                f"FA {sums[1] / (~ta).sum():.3f}" + (f"; weights {weights}" if weights else "")
                + "".join("\n  " + o for o in out))
    finally:
        EVIDENCE.clear()
        EVIDENCE.update(declared)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", required=True, help="the pickle `benchmarks/abstention_cv.py --cache` wrote")
    ap.add_argument("--index", required=True)
    ap.add_argument("--candidate", action="append", default=[], help="module:function (repeatable)")
    ap.add_argument("--combine", action="store_true", help="also report all candidates together")
    ap.add_argument("--show", action="append", default=[], help="a tuning file's name whose left-out row to print")
    a = ap.parse_args()
    r = Retriever(IndexStore.load(a.index), RankerModel.untrained())
    with open(a.cache, "rb") as f:
        tune, extra, tune_ranked, extra_ranked = pickle.load(f)
    tx, ex = T._evidence_matrix(r, tune, tune_ranked), T._evidence_matrix(r, extra, extra_ranked)
    ey = T._answerable(extra)
    declared = list(EVIDENCE)
    print("declared items:", measure(tune, tx, ex, ey, declared, a.show))
    cols = {}
    for spec in a.candidate:
        module, name = spec.split(":")
        fn = getattr(importlib.import_module(module), name)
        cols[name] = (column(r, fn, tune, tune_ranked), column(r, fn, extra, extra_ranked))
        print(f"+ {name}:", measure(tune, np.column_stack([tx, cols[name][0]]), np.column_stack([ex, cols[name][1]]),
                                    ey, declared + [name], a.show))
    if a.combine and len(cols) > 1:
        print("+ all:", measure(tune, np.column_stack([tx] + [c[0] for c in cols.values()]),
                                np.column_stack([ex] + [c[1] for c in cols.values()]), ey, declared + list(cols), a.show))


if __name__ == "__main__":
    main()
