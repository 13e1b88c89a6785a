"""How the abstention decision holds on questions and plans it was not fitted on.

Reads the tuning gold sets once (candidates, out-of-fold rankings by a ranker that never saw the question's
plan, exactly as `planqa train`), then for the abstention model (`retrieval.train.C_ABSTAIN`, every declared
evidence item) reports:

- out of fold (document-grouped folds over all tuning sets, the threshold chosen on those probabilities):
  false refusals / false answers / abstention accuracy per tuning file;
- leave one tuning set out: abstention fitted and its threshold chosen (document-grouped, out of fold) on the
  other sets (+ extra gold), measured on the set left out — the proxy for questions written by someone else
  about plans nobody tuned on.

    python benchmarks/abstention_cv.py eval/real_dev.jsonl … --extra eval/gold.jsonl --index DIR [--dump F]

``--dump F`` writes each question's evidence, out-of-fold probability and near-miss kind as JSON lines (diagnosis).

The near-misses are also reported by kind (`near_miss_kind`): the gold files do not label the kind, so it is read from
the question by a fixed order of rules (a document number or kind named; a place no plan is about; a unit named as
acting; a year; a value of a kind asked; else the topic) — an approximation for diagnosis, never an input.
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index import IndexStore  # noqa: E402
from retrieval.evidence import _KIND_NAMED, EVIDENCE, Evidence, _unit_words  # noqa: E402
from retrieval.ranker import RankerModel  # noqa: E402
from retrieval.search import Retriever  # noqa: E402
from retrieval import train as T  # noqa: E402


KINDS = ("number/kind", "place", "unit", "year", "attribute", "topic")


def near_miss_kind(ev: Evidence, q) -> str:
    """Which of the six near-miss kinds a question reads as (first rule that holds, `KINDS` order)."""
    if q.named_documents or _KIND_NAMED.search(q.folded):
        return "number/kind"
    if q.unknown_locality or (q.provinces_named and not any(p in ev.provinces_with_plans for p in q.provinces_named)):
        return "place"
    if ev.named_unit(q) or (q.qtype == "duties" and _unit_words(q)):
        return "unit"
    if q.years:
        return "year"
    if q.answer_slot is not None or q.also_asks:
        return "attribute"
    return "topic"


def rates(prob: np.ndarray, answerable: np.ndarray, vetoed: np.ndarray, t: float) -> tuple[float, float, float]:
    """(false refusals, false answers, abstention accuracy) at threshold ``t``."""
    answered = (prob >= t) & ~vetoed
    fr = float((~answered & answerable).sum() / max(1, answerable.sum()))
    fa = float((answered & ~answerable).sum() / max(1, (~answerable).sum()))
    acc = float((answered == answerable).mean())
    return fr, fa, acc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tune", nargs="+")
    ap.add_argument("--extra", action="append", default=[])
    ap.add_argument("--index", required=True)
    ap.add_argument("--dump", default=None)
    ap.add_argument("--c", type=float, action="append", default=[],
                    help="report these regularisation strengths (C_ABSTAIN) instead of the declared one")
    ap.add_argument("--without", action="append", default=[], help="evidence items to leave out (repeatable)")
    ap.add_argument("--cache", default=None, help="pickle of the questions and their out-of-fold rankings: "
                    "reused when it exists (the evidence is read again, so evidence changes show)")
    a = ap.parse_args()
    r = Retriever(IndexStore.load(a.index), RankerModel.untrained())
    features = list(T.SIGNALS)
    if a.cache and Path(a.cache).is_file():
        with open(a.cache, "rb") as f:
            tune, extra, tune_ranked, extra_ranked = pickle.load(f)
    else:
        tune = [e for p in a.tune for e in T.collect(r, p)]
        extra = [e for p in a.extra for e in T.collect(r, p)]
        tune_ranked = T.cross_validate(r, tune, extra, features).ranked
        extra_ranked = T.cross_validate(r, extra, [], features).ranked if extra else {}
        if a.cache:
            with open(a.cache, "wb") as f:
                pickle.dump((tune, extra, tune_ranked, extra_ranked), f)
    tx = T._evidence_matrix(r, tune, tune_ranked)
    ex = T._evidence_matrix(r, extra, extra_ranked) if extra else np.zeros((0, tx.shape[1]))
    ey = T._answerable(extra)
    if a.without:  # the model reads what EVIDENCE declares: leave items out of it for this run
        keep = [i for i, n in enumerate(EVIDENCE) if n not in a.without]
        for n in a.without:
            del EVIDENCE[n]
        tx, ex = tx[:, keep], ex[:, keep]
    for c in a.c or [T.C_ABSTAIN]:
        T.C_ABSTAIN = c
        report(a, tune, tx, ex, ey)
        kinds_report(r, tune, tx, ex, ey)
    if a.dump:
        ta, tv = T._answerable(tune).astype(bool), T._vetoed(r, tune)
        oof = T.out_of_fold_abstention(tune, tx, tv, [ex], [ey])
        with open(a.dump, "w", encoding="utf-8") as f:
            for i, e in enumerate(tune):
                f.write(json.dumps({"id": e.gold.id, "source": e.source, "type": e.gold.type,
                                    "kind": near_miss_kind(r.evidence, e.q),
                                    "answerable": bool(ta[i]), "vetoed": bool(tv[i]), "oof": round(float(oof[i]), 4),
                                    "ev": {k: round(float(v), 3) for k, v in zip(EVIDENCE, tx[i])}},
                                   ensure_ascii=False) + "\n")


def report(a, tune, tx, ex, ey) -> None:
    """The out-of-fold and left-one-set-out table for the abstention model as declared now."""
    ta = T._answerable(tune).astype(bool)
    tv = np.array([Evidence.vetoed(e.q, [(0, 0, 0)]) for e in tune])  # as `planqa train` reads them
    src = np.array([e.source for e in tune])

    oof = T.out_of_fold_abstention(tune, tx, tv, [ex], [ey])
    t, fr, fa = T.choose_threshold(oof, ta, tv)
    full = T.fit_abstention(np.vstack([tx, ex]), np.concatenate([ta.astype(float), ey]),
                            np.r_[tv, np.zeros(len(ey), dtype=bool)])
    print(f"C_ABSTAIN {T.C_ABSTAIN}; weights: " + ", ".join(f"{n} {w:+.2f}" for n, w in zip(EVIDENCE, full.weights)))
    print(f"out of fold, all tuning sets: threshold {t:.3f}, FR {fr:.3f}, FA {fa:.3f}, "
          f"acc {rates(oof, ta, tv, t)[2]:.3f}")
    print(T.spread_line(T.fold_thresholds(tune, oof, ta, tv), oof, tv))
    print("each document fold at the threshold chosen on the other folds: FR %.3f, FA %.3f"
          % T.other_folds_rates(tune, oof, ta, tv))
    folds = np.array(T._folds(tune))
    print("at that threshold, per document fold (FR/FA): " + ", ".join(
        "%.3f/%.3f" % rates(oof[folds == k], ta[folds == k], tv[folds == k], t)[:2] for k in range(T.FOLDS)))
    print("| set | OOF FR | OOF FA | OOF acc | left out: threshold | FR | FA | acc |")
    print("|---|---|---|---|---|---|---|---|")
    tot = []
    for s in a.tune:
        m = src == s
        ofr, ofa, oacc = rates(oof[m], ta[m], tv[m], t)
        rest = [e for e, k in zip(tune, m) if not k]
        idx = np.where(~m)[0]
        p_rest = T.out_of_fold_abstention(rest, tx[idx], tv[idx], [ex], [ey])
        lt, _, _ = T.choose_threshold(p_rest, ta[idx], tv[idx])
        keep = ~tv[idx]
        model = T.fit_evidence(np.vstack([tx[idx][keep], ex]), np.concatenate([ta[idx][keep].astype(float), ey]))
        p = model.probability(tx[m])
        lfr, lfa, lacc = rates(p, ta[m], tv[m], lt)
        tot.append((m.sum(), lfr, lfa, lacc, ta[m].sum(), (~ta[m]).sum()))
        print(f"| {Path(s).name} | {ofr:.3f} | {ofa:.3f} | {oacc:.3f} | {lt:.3f} | {lfr:.3f} | {lfa:.3f} | {lacc:.3f} |")
    n = sum(x[0] for x in tot)
    na, nu = sum(x[4] for x in tot), sum(x[5] for x in tot)
    print(f"left-one-set-out pooled: FR {sum(x[1]*x[4] for x in tot)/na:.3f}, FA {sum(x[2]*x[5] for x in tot)/nu:.3f}, "
          f"acc {sum(x[3]*x[0] for x in tot)/n:.3f}")


def kinds_report(r: Retriever, tune, tx, ex, ey) -> None:
    """Out of fold, per near-miss kind: how many of that kind's near-misses are answered, and how many answerable
    questions of the same reading are refused."""
    ta = T._answerable(tune).astype(bool)
    tv = np.array([Evidence.vetoed(e.q, [(0, 0, 0)]) for e in tune])
    oof = T.out_of_fold_abstention(tune, tx, tv, [ex], [ey])
    t, _, _ = T.choose_threshold(oof, ta, tv)
    answered = (oof >= t) & ~tv
    kind = np.array([near_miss_kind(r.evidence, e.q) for e in tune])
    print("| read as | near-misses | answered (false answers) | answerable read so | refused (false refusals) |")
    print("|---|---|---|---|---|")
    for k in KINDS:
        u, a = (kind == k) & ~ta, (kind == k) & ta
        print(f"| {k} | {u.sum()} | {(answered & u).sum()} | {a.sum()} | {(~answered & a).sum()} |")
    if "exact_checks" in EVIDENCE:  # the near-misses no exact check catches: decided by the graded evidence alone
        left = (tx[:, list(EVIDENCE).index("exact_checks")] >= 1) & ~tv
        print(f"near-misses every exact check passes: {(left & ~ta).sum()} of {(~ta).sum()}, answered out of fold "
              f"{(answered & left & ~ta).sum()} (FA among them {(answered & left & ~ta).sum() / max(1, (left & ~ta).sum()):.3f}); "
              f"answerable questions an exact check fails: {(~left & ~tv & ta).sum()}, refused {(~answered & ~left & ta).sum()}")


if __name__ == "__main__":
    main()
