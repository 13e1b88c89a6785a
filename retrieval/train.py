"""Fit the ranker and the abstention decision on gold questions, with document-level cross-validation.

Training pairs: for each answerable gold question, the candidate clauses of BM25 and the dense search
(`Retriever.candidates`, top ~50 each), labelled 1 when the clause covers one of the question's
relevant lines. The ranker is a logistic regression over the declared signals (`retrieval.signals`), a
pointwise fit plus a pairwise one over within-question differences, calibrated to a probability;
the abstention decision a logistic regression over the declared evidence (`retrieval.evidence`),
read from rankings by a ranker that never saw the question (out of fold). Folds split by document:
a question is held out together with every other question about the same plan, so the figures are
those of plans nobody tuned on. The abstention threshold refuses at most ``MAX_FALSE_REFUSALS`` of the
tuning set's answerable questions and, within that, answers as few unanswerable ones as it can (the
target is ≤ ``MAX_FALSE_ANSWERS``; the report says when that is not reached).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence

import numpy as np

from retrieval.evaluate import GoldQuestion, load_gold
from retrieval.evidence import EVIDENCE
from retrieval.ranker import Linear, RankerModel, within_question
from retrieval.search import Retriever
from retrieval.signals import SIGNALS, read_signals
from retrieval.strategies import weighed_clauses

FOLDS = 5
PAIRWISE_SHARE = 1.0  # weight of the pairwise fit added to the pointwise one (0: pointwise alone); 1 ranks
# held-out plans and question sets better at no out-of-fold abstention cost, the pairwise fit alone ranks better
# still but costs out-of-fold false refusals (benchmarks/results/ranking-generalisation.md)
C_RANKER = 1.0  # pointwise inverse L2 strength; the CV figure moved by < 0.01 between 0.1 and 10
C_PAIRWISE = 0.1  # pairwise inverse L2 strength (each question's pairs weigh 1): best out of fold, left-out set and
# cross-collection between 0.1 and 0.3; 0.01 and 10 lose 0.01–0.03 there (benchmarks/results/ranking-generalisation.md)
C_CALIBRATION = 100.0  # the one-feature calibration of a scoring direction to a probability: barely regularised
C_ABSTAIN = 0.1  # inverse L2 strength of the abstention fit (`fit_evidence`), chosen by document-grouped CV on the
# development half (benchmarks/abstention_cv.py --c …): questions decided right out of fold / leaving one tuning set
# out were 0.959 / 0.959 at 0.03, 0.962 / 0.960 at 0.1, 0.955 / 0.962 at 0.3, 0.950 / 0.954 at 1.0
MAX_FALSE_REFUSALS = 0.05  # the stated balance: refuse at most 5% of answerable questions …
MAX_FALSE_ANSWERS = 0.05  # … and, when that allows it, answer at most 5% of unanswerable ones
VERSION_PREFIX = "ranker"
RANKER_WITHIN_QUESTION = "z+"  # the ranker reads each signal as it is and standardised within the question's
# candidates (`retrieval.ranker.WITHIN_QUESTION`): document-level CV on dev1–7 hit@5 0.947 → 0.954, MRR 0.869 →
# 0.888, least fold 0.915 / 0.809 → 0.923 / 0.834; half the plans held out 0.944 / 0.869 → 0.953 / 0.885
# (benchmarks/results/ranker-variants.md, benchmarks/ranker_variants.py)


@dataclass
class Example:
    """One gold question with its candidates, every signal, and the labels."""

    gold: GoldQuestion
    source: str  # the gold file it came from
    group: str  # the document it is about: held out together
    q: object  # retrieval.query.Question
    positions: list[int]
    x: np.ndarray  # [candidates × all signals]
    y: np.ndarray  # 1 when the candidate covers a relevant line
    strategy: object = None
    extra: dict = field(default_factory=dict)


def _covers(clause, rel) -> bool:
    return clause.source == rel.source and clause.lines[0] <= rel.line <= clause.lines[1]


def _group(g: GoldQuestion) -> str:
    if g.relevant:
        return g.relevant[0].source
    # an unanswerable question belongs to no plan: spread them over the folds by id
    return "none:" + str(int(hashlib.sha1(g.id.encode()).hexdigest(), 16) % FOLDS)


def collect(retriever: Retriever, gold_path: Path | str) -> list[Example]:
    """Candidates, signals and labels for every question of a gold file."""
    names = list(SIGNALS)
    out = []
    for g in load_gold(gold_path):
        q = retriever.analyse(g.question)
        cands = retriever.candidates(q, "hybrid")
        positions = cands.positions if cands else []
        x = read_signals(cands, names) if cands else np.zeros((0, len(names)))
        clauses = [retriever.store.clauses[p] for p in positions]
        y = np.array([1.0 if any(_covers(c, r) for r in g.relevant) else 0.0 for c in clauses])
        out.append(Example(g, str(gold_path), _group(g), q, positions, x, y, cands.strategy if cands else None))
    return out


# ----------------------------------------------------------------------------- fitting

def _fit(x: np.ndarray, y: np.ndarray, w: np.ndarray | None, c: float, features: Sequence[str]) -> Linear:
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    lr = LogisticRegression(C=c, max_iter=2000)
    lr.fit((x - mean) / scale, y, sample_weight=w)
    return Linear(tuple(features), mean, scale, lr.coef_[0].astype(np.float64), float(lr.intercept_[0]))


def _ranker_rows(examples: Sequence[Example], features: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    """(signals, labels) of every answerable question with a positive candidate: what the ranker learns from."""
    cols = [list(SIGNALS).index(f) for f in features]
    return [(e.x[:, cols], e.y) for e in examples if e.gold.answerable and e.y.sum() > 0]


def fit_ranker(examples: Sequence[Example], features: Sequence[str]) -> Linear:
    """The ranker: a pointwise logistic regression, plus PAIRWISE_SHARE times a pairwise one, calibrated.

    The pointwise fit says how likely a clause is the one cited across questions: absolute match quality,
    which the abstention evidence reads through the ranker's probability. The pairwise fit
    (`_fit_pairwise`) only orders one question's candidates, and that ordering carries to plans and
    question sets nobody tuned on. Their sum, recalibrated to a probability, keeps the first and gains
    most of the second (benchmarks/results/ranking-generalisation.md). Both read each question's candidates
    as `RANKER_WITHIN_QUESTION` says, and the model records it, so it reads a new question the same way."""
    rows = [(within_question(x, RANKER_WITHIN_QUESTION), y) for x, y in _ranker_rows(examples, features)]
    pointwise = _fit_pointwise(rows, features)
    if PAIRWISE_SHARE <= 0:
        return replace(pointwise, within=RANKER_WITHIN_QUESTION)
    pairwise = _fit_pairwise(rows, features)
    return replace(_calibrated(rows, features, pointwise.mean, pointwise.scale,
                               pointwise.weights + PAIRWISE_SHARE * pairwise.weights), within=RANKER_WITHIN_QUESTION)


def _fit_pointwise(rows: list[tuple[np.ndarray, np.ndarray]], features: Sequence[str]) -> Linear:
    """Logistic regression on every candidate; each question weighs the same whatever its number of candidates."""
    xs = [x for x, _ in rows]
    ys = [y for _, y in rows]
    ws = [np.full(len(y), 1.0 / len(y)) for y in ys]
    return _fit(np.vstack(xs), np.concatenate(ys), np.concatenate(ws), C_RANKER, features)


def _fit_pairwise(rows: list[tuple[np.ndarray, np.ndarray]], features: Sequence[str]) -> Linear:
    """Logistic regression on within-question differences (relevant − other candidate), then calibrated.

    Differences within a question cancel whatever lifts or lowers all of a question's candidates at once
    (a plan whose clauses all match well, a question whose cosines all sit high), so the weights learn
    contrasts, not levels. Each question's pairs weigh 1 in total; standardised as the pointwise fit."""
    mean, scale, direction = pairwise_direction(rows, C_PAIRWISE)
    return _calibrated(rows, features, mean, scale, direction.astype(np.float64))


def pairwise_direction(rows: list[tuple[np.ndarray, np.ndarray]],
                       c: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The standardisation (mean, scale) and the direction a logistic regression with inverse L2 strength ``c``
    fits on within-question differences (relevant − other candidate, both orientations, no intercept); each
    question's pairs weigh 1 in total. One function for the shipped fit and the variants benchmark."""
    from sklearn.linear_model import LogisticRegression

    x_all = np.vstack([x for x, _ in rows])
    mean = x_all.mean(axis=0)
    scale = x_all.std(axis=0)
    scale[scale < 1e-9] = 1.0
    diffs, weights = [], []
    for x, y in rows:
        z = (x - mean) / scale
        pos, neg = z[y > 0], z[y <= 0]
        if not len(neg):
            continue
        d = (pos[:, None, :] - neg[None, :, :]).reshape(-1, z.shape[1])
        diffs.append(d)
        weights.append(np.full(len(d), 1.0 / len(d)))
    d, w = np.vstack(diffs), np.concatenate(weights)
    # both orientations of every pair: a symmetric problem, no intercept
    pair = LogisticRegression(C=c, max_iter=3000, fit_intercept=False)
    pair.fit(np.vstack([d, -d]), np.r_[np.ones(len(d)), np.zeros(len(d))], sample_weight=np.r_[w, w])
    return mean, scale, pair.coef_[0]


def _calibrated(rows: list[tuple[np.ndarray, np.ndarray]], features: Sequence[str], mean: np.ndarray,
                scale: np.ndarray, direction: np.ndarray) -> Linear:
    """A scoring direction made a probability again: a one-feature logistic fit of the candidates' labels on
    the score (each question weighing 1). Monotone, so the ordering is the direction's."""
    from sklearn.linear_model import LogisticRegression

    score = np.concatenate([((x - mean) / scale) @ direction for x, _ in rows])
    labels = np.concatenate([y for _, y in rows])
    per_question = np.concatenate([np.full(len(y), 1.0 / len(y)) for _, y in rows])
    calibration = LogisticRegression(C=C_CALIBRATION, max_iter=1000)
    calibration.fit(score[:, None], labels, sample_weight=per_question)
    a, b = float(calibration.coef_[0][0]), float(calibration.intercept_[0])
    return Linear(tuple(features), mean, scale, direction * a, b)


def _ranked(retriever: Retriever, e: Example, ranker: Linear) -> list[tuple[int, float, float]]:
    if not e.positions:
        return []
    cols = [list(SIGNALS).index(f) for f in ranker.features]
    prob = ranker.probability(e.x[:, cols])
    cov = e.x[:, list(SIGNALS).index("coverage")]
    scored = sorted(((p, float(prob[i]), float(cov[i])) for i, p in enumerate(e.positions)), key=lambda t: (-t[1], t[0]))
    return e.strategy.order(retriever, e.q, scored)


def _rank_metrics(retriever: Retriever, e: Example, ranked: list[tuple[int, float, float]]) -> tuple[float, float]:
    """(hit@5, reciprocal rank within 10) of one answerable question."""
    clauses = [retriever.store.clauses[p] for p, _, _ in ranked[:10]]
    for i, c in enumerate(clauses):
        if any(_covers(c, r) for r in e.gold.relevant):
            return (1.0 if i < 5 else 0.0), 1.0 / (i + 1)
    return 0.0, 0.0


def _folds(examples: Sequence[Example]) -> list[int]:
    """Fold of each example: documents dealt round-robin in sorted order (deterministic)."""
    groups = sorted({e.group for e in examples})
    fold_of = {g: i % FOLDS for i, g in enumerate(groups)}
    return [fold_of[e.group] for e in examples]


@dataclass
class CVResult:
    hit5: float
    mrr: float
    n: int
    ranked: dict[int, list[tuple[int, float, float]]]  # example index → out-of-fold ranking
    models: dict[int, Linear] = field(default_factory=dict)  # fold → the ranker that fold's questions were ranked by


def cross_validate(retriever: Retriever, tune: Sequence[Example], extra: Sequence[Example],
                   features: Sequence[str]) -> CVResult:
    """Document-level CV over the tuning set; ``extra`` examples are always in the training folds."""
    folds = _folds(tune)
    hits, rrs, ranked, models = [], [], {}, {}
    for k in range(FOLDS):
        train = [e for e, f in zip(tune, folds) if f != k] + list(extra)
        held = [i for i, f in enumerate(folds) if f == k]
        if not held or not any(e.gold.answerable for e in train):
            continue
        model = models[k] = fit_ranker(train, features)
        for i in held:
            e = tune[i]
            ranked[i] = _ranked(retriever, e, model)
            if e.gold.answerable:
                # scored in the order the results cite (`Strategy.cited`); the abstention reads ``ranked`` itself
                h, rr = _rank_metrics(retriever, e, e.strategy.cited(retriever, e.q, ranked[i]))
                hits.append(h)
                rrs.append(rr)
    n = len(hits)
    return CVResult(float(np.mean(hits)) if n else 0.0, float(np.mean(rrs)) if n else 0.0, n, ranked, models)


def _evidence_matrix(retriever: Retriever, examples: Sequence[Example],
                     ranked: dict[int, list[tuple[int, float, float]]]) -> np.ndarray:
    names = list(EVIDENCE)
    clauses = retriever.store.clauses
    return np.vstack([retriever.evidence.features(e.q, weighed_clauses(e.q, ranked.get(i, []), clauses), names)
                      for i, e in enumerate(examples)])


def choose_threshold(prob: np.ndarray, answerable: np.ndarray, vetoed: np.ndarray) -> tuple[float, float, float]:
    """The threshold for the stated balance: refuse at most MAX_FALSE_REFUSALS of the answerable questions
    and answer at most MAX_FALSE_ANSWERS of the unanswerable ones (vetoed questions are refused whatever
    the threshold). False refusals only grow and false answers only shrink as the threshold rises, so the
    thresholds meeting both bounds form one run; the middle of it leaves room on both sides for plans
    nobody tuned on. When no threshold meets both, refusing a question the plans answer is the worse harm
    (the user is told the plan is silent when it is not): that bound comes first and, within it, the
    fewest false answers (the middle of the thresholds that do equally well); the report says what is left.
    Returns (threshold, false refusals, false answers)."""
    def rates(t: float) -> tuple[float, float]:
        answered = (prob >= t) & ~vetoed
        fr = float((~answered & answerable).sum() / max(1, answerable.sum()))
        fa = float((answered & ~answerable).sum() / max(1, (~answerable).sum()))
        return fr, fa

    rows = [(t, *rates(t)) for t in sorted(set(np.round(prob, 6).tolist()) | {0.0})]
    both = [r for r in rows if r[1] <= MAX_FALSE_REFUSALS + 1e-9 and r[2] <= MAX_FALSE_ANSWERS + 1e-9]
    if both:
        mid = (both[0][0] + both[-1][0]) / 2
        return float(mid), *rates(mid)
    feasible = [r for r in rows if r[1] <= MAX_FALSE_REFUSALS + 1e-9] or rows[:1]
    best_fa = min(r[2] for r in feasible)
    same = [r for r in feasible if r[2] == best_fa]
    # every threshold in [lo, hi] behaves alike on these questions; the middle of the run is the safest
    mid = (same[0][0] + same[-1][0]) / 2
    return float(mid), *rates(mid)


def fold_thresholds(tune: Sequence[Example], oof: np.ndarray, answerable: np.ndarray,
                    vetoed: np.ndarray) -> list[float]:
    """The threshold `choose_threshold` picks on each document fold's out-of-fold probabilities alone: how far
    the choice moves with the plans it is made on. A wide spread says the one threshold is set by a few
    questions near it, and a new plan's questions will fall either side of it."""
    folds = np.array(_folds(tune))
    return [choose_threshold(oof[folds == k], answerable[folds == k], vetoed[folds == k])[0]
            for k in range(FOLDS) if (folds == k).any()]


def spread_line(thresholds: Sequence[float], oof: np.ndarray | None = None, vetoed: np.ndarray | None = None) -> str:
    """One line reporting the thresholds of the folds: least, median, greatest; with the out-of-fold probabilities,
    also how many questions lie between the least and the greatest (those whose decision depends on which plans
    the threshold was chosen on: a count, comparable between models whose probabilities are spread differently)."""
    t = np.array(thresholds)
    line = (f"threshold per document fold: {', '.join(f'{x:.3f}' for x in t)} (min {t.min():.3f}, median "
            f"{np.median(t):.3f}, max {t.max():.3f}, spread {t.max() - t.min():.3f})")
    if oof is not None:
        between = (oof >= t.min()) & (oof < t.max()) & (~vetoed if vetoed is not None else True)
        line += f"; questions between them {int(between.sum())} of {len(oof)}"
    return line


def other_folds_rates(tune: Sequence[Example], oof: np.ndarray, answerable: np.ndarray,
                      vetoed: np.ndarray) -> tuple[float, float]:
    """(false refusals, false answers) when each document fold is decided at the threshold `choose_threshold`
    picks on the other folds' out-of-fold probabilities: the threshold as a plan nobody tuned on meets it, chosen
    without its questions (the pooled threshold is chosen with them)."""
    folds = np.array(_folds(tune))
    fr = fa = 0
    for k in range(FOLDS):
        held = folds == k
        if not held.any() or held.all():
            continue
        t = choose_threshold(oof[~held], answerable[~held], vetoed[~held])[0]
        answered = (oof[held] >= t) & ~vetoed[held]
        fr += int((~answered & answerable[held]).sum())
        fa += int((answered & ~answerable[held]).sum())
    return fr / max(1, int(answerable.sum())), fa / max(1, int((~answerable).sum()))


@dataclass(frozen=True)
class Decision:
    """One tuning question's out-of-fold abstention: what a plan nobody tuned on would have got."""

    id: str
    source: str
    qtype: str
    answerable: bool
    probability: float
    vetoed: bool
    answered: bool

    @property
    def wrong(self) -> str | None:
        """"false refusal", "false answer" or None."""
        if self.answerable and not self.answered:
            return "false refusal"
        if self.answered and not self.answerable:
            return "false answer"
        return None

    def to_dict(self) -> dict:
        return {"id": self.id, "source": self.source, "type": self.qtype, "answerable": self.answerable,
                "probability": round(self.probability, 4), "vetoed": self.vetoed, "answered": self.answered,
                "wrong": self.wrong}


def decisions(tune: Sequence[Example], oof: np.ndarray, vetoed: np.ndarray, threshold: float) -> list[Decision]:
    """Each tuning question's out-of-fold decision at the chosen threshold."""
    return [Decision(e.gold.id, e.source, e.gold.type, bool(e.gold.answerable), float(p), bool(v),
                     bool(p >= threshold and not v)) for e, p, v in zip(tune, oof, vetoed)]


def decision_lines(rows: Sequence[Decision]) -> list[str]:
    """Out-of-fold false refusals and false answers per tuning file, so a change is judged on plans it was
    not fitted on, file by file."""
    lines = []
    for source in dict.fromkeys(r.source for r in rows):
        mine = [r for r in rows if r.source == source]
        n_ans = sum(r.answerable for r in mine)
        fr = sum(r.wrong == "false refusal" for r in mine)
        fa = sum(r.wrong == "false answer" for r in mine)
        lines.append(f"  out of fold, {source}: false refusals {fr}/{n_ans}, false answers {fa}/{len(mine) - n_ans}")
    return lines


@dataclass
class TrainReport:
    model: RankerModel
    lines: list[str]
    decisions: list[Decision] = field(default_factory=list)  # out-of-fold abstention per tuning question


def choose_extra(retriever: Retriever, tune: Sequence[Example], extra: Sequence[Example], include_extra: str,
                 features: Sequence[str], lines: list[str]) -> tuple[bool, CVResult]:
    """Whether to train on the extra gold sets, and the CV result the abstention is then read from.
    Extra questions are kept only when document-level CV on the tuning set says they help (or the
    caller says "yes"): other gold sets may be worded unlike the questions the ranker must serve."""
    cv_alone = cross_validate(retriever, tune, [], features)
    lines.append(f"CV (by document) on the tuning set, trained on it alone: hit@5 {cv_alone.hit5:.3f}, "
                 f"MRR@10 {cv_alone.mrr:.3f} ({cv_alone.n} answerable)")
    if not extra:
        return False, cv_alone
    cv_with = cross_validate(retriever, tune, extra, features)
    lines.append(f"CV on the tuning set, extra gold always in training: hit@5 {cv_with.hit5:.3f}, "
                 f"MRR@10 {cv_with.mrr:.3f}")
    use_extra = include_extra == "yes" or (include_extra == "auto"
                                           and (cv_with.hit5 + cv_with.mrr) >= (cv_alone.hit5 + cv_alone.mrr))
    lines.append(f"extra gold {'included' if use_extra else 'left out'} ({include_extra})")
    return use_extra, (cv_with if use_extra else cv_alone)


def _answerable(examples: Sequence[Example]) -> np.ndarray:
    return np.array([e.gold.answerable for e in examples], dtype=float)


def _vetoed(retriever: Retriever, examples: Sequence[Example]) -> np.ndarray:
    """Questions the evidence vetoes whatever the ranking: refused anyway, so not fitted on."""
    return np.array([retriever.evidence.vetoed(e.q, [(0, 0, 0)]) for e in examples])


def extra_evidence(retriever: Retriever, extra: Sequence[Example], features: Sequence[str]
                   ) -> tuple[np.ndarray, np.ndarray]:
    """(evidence, answerable) of the extra gold set, its evidence read from its own out-of-fold rankings,
    so that the abstention learns from rankings as good as a new question gets."""
    cv_extra = cross_validate(retriever, extra, [], features)
    return _evidence_matrix(retriever, extra, cv_extra.ranked), _answerable(extra)


def fit_evidence(x: np.ndarray, y: np.ndarray, c: float | None = None) -> Linear:
    """A logistic regression over the declared evidence whose weights are never negative (L2, inverse strength
    ``c``, default C_ABSTAIN). Every evidence item is declared so that a higher value is more reason to answer
    (more of the question found, the value asked stated, the plan named the one that answers); an unconstrained
    fit over items that overlap (`top_score` and `slot_score` are equal whenever no kind of value is asked) may
    give one a negative weight to offset the other, and a near-miss with a low top score is then answered on a
    plan nobody tuned on. Non-negative weights keep each item's meaning and are fitted by L-BFGS-B."""
    from scipy.optimize import minimize

    c = C_ABSTAIN if c is None else c
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    sign = 2.0 * y - 1.0

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        m = sign * (z @ w + b)
        value = float(np.logaddexp(0.0, -m).sum()) * c + 0.5 * float(w @ w)
        g = -sign / (1.0 + np.exp(m)) * c  # d(loss)/d(logit)
        return value, np.r_[z.T @ g + w, g.sum()]

    k = z.shape[1]
    res = minimize(loss, np.zeros(k + 1), jac=True, method="L-BFGS-B",
                   bounds=[(0.0, None)] * k + [(None, None)], options={"maxiter": 5000})
    return Linear(tuple(EVIDENCE), mean, scale, res.x[:-1].astype(np.float64), float(res.x[-1]))


def fit_abstention(x: np.ndarray, y: np.ndarray, vetoed: np.ndarray) -> Linear:
    """The abstention model over the declared evidence, fitted on every question not vetoed."""
    keep = ~vetoed
    return fit_evidence(x[keep], y[keep])


def out_of_fold_abstention(tune: Sequence[Example], tune_x: np.ndarray, tune_vetoed: np.ndarray,
                           extra_x: Sequence[np.ndarray], extra_y: Sequence[np.ndarray]) -> np.ndarray:
    """Abstention probability of each tuning question from a model that never saw its document: the
    threshold must be set on probabilities like those of a new plan's questions, not on fitted ones.
    A fold whose training side holds one class only answers every held-out question (probability 1)."""
    folds = _folds(tune)
    ta = _answerable(tune)
    oof = np.zeros(len(tune))
    for k in range(FOLDS):
        tr = [i for i, f in enumerate(folds) if f != k and not tune_vetoed[i]]
        te = [i for i, f in enumerate(folds) if f == k]
        if not te:
            continue
        fx = np.vstack([tune_x[tr]] + list(extra_x))
        fy = np.concatenate([ta[tr]] + list(extra_y))
        if len(set(fy.tolist())) < 2:
            oof[te] = 1.0
            continue
        oof[te] = fit_evidence(fx, fy).probability(tune_x[te])
    return oof


def build_model(retriever: Retriever, ranker: Linear, abstention: Linear, threshold: float, cv: CVResult,
                fr: float, fa: float, tune_label: str, extra_gold: Sequence[Path | str], use_extra: bool,
                features: Sequence[str]) -> RankerModel:
    """The saved model: its version names the time and a digest of the weights, so two models with the
    same version are the same model; ``info`` records what it was trained on and its CV figures."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M")
    digest = hashlib.sha1(repr((ranker.to_dict(), abstention.to_dict(), threshold)).encode()).hexdigest()[:8]
    info = {"tuning_set": tune_label, "extra_gold": [str(p) for p in extra_gold] if use_extra else [],
            "index_documents": len(retriever.store.documents), "cv_hit@5": round(cv.hit5, 4),
            "cv_mrr@10": round(cv.mrr, 4), "cv_false_refusals": round(fr, 4), "cv_false_answers": round(fa, 4),
            "ranker_variant": {"within_question": ranker.within, "pairwise_share": PAIRWISE_SHARE,
                               "c_pointwise": C_RANKER, "c_pairwise": C_PAIRWISE},
            "signals": {n: SIGNALS[n].doc for n in features}, "evidence": {n: EVIDENCE[n].doc for n in EVIDENCE}}
    return RankerModel(f"{VERSION_PREFIX}-{stamp}-{digest}", ranker, abstention, threshold, info)


def train(retriever: Retriever, tune_gold: Path | str | Sequence[Path | str], extra_gold: Sequence[Path | str] = (),
          include_extra: str = "auto", features: Sequence[str] | None = None) -> TrainReport:
    """Fit ranker and abstention; CV figures on the tuning set decide whether the extra gold sets help.
    ``tune_gold`` may be several files: their questions form one tuning set, folded by document.

    Steps: load gold (candidates and signals) → choose whether extra gold helps (CV by document) → fit
    the ranker → abstention evidence from out-of-fold rankings → fit abstention → out-of-fold abstention
    probabilities → threshold → model."""
    features = list(features or SIGNALS)
    tune_files = [tune_gold] if isinstance(tune_gold, (str, Path)) else list(tune_gold)
    tune = [e for p in tune_files for e in collect(retriever, p)]
    tune_label = ", ".join(map(str, tune_files))
    extra = [e for p in extra_gold for e in collect(retriever, p)]
    lines = [f"tuning set {tune_label}: {len(tune)} questions over {len({e.group for e in tune if e.gold.answerable})} "
             f"documents; extra: {', '.join(map(str, extra_gold)) or 'none'} ({len(extra)} questions)"]
    use_extra, cv = choose_extra(retriever, tune, extra, include_extra, features, lines)
    train_set = list(tune) + (list(extra) if use_extra else [])
    ranker = fit_ranker(train_set, features)

    # abstention: evidence read from out-of-fold rankings (as for a question never trained on)
    tune_x = _evidence_matrix(retriever, tune, cv.ranked)
    extra_xs: list[np.ndarray] = []
    extra_ys: list[np.ndarray] = []
    if use_extra:
        extra_x, extra_y = extra_evidence(retriever, extra, features)
        extra_xs, extra_ys = [extra_x], [extra_y]
    abstention = fit_abstention(np.vstack([tune_x] + extra_xs), np.concatenate([_answerable(tune)] + extra_ys),
                                _vetoed(retriever, train_set))
    # threshold on the tuning set, from out-of-fold abstention probabilities
    tune_vetoed = _vetoed(retriever, tune)
    oof = out_of_fold_abstention(tune, tune_x, tune_vetoed, extra_xs, extra_ys)
    ta = np.array([e.gold.answerable for e in tune])
    threshold, fr, fa = choose_threshold(oof, ta, tune_vetoed)
    lines.append(f"abstention threshold {threshold:.3f} (out-of-fold on the tuning set): false refusals {fr:.3f}, "
                 f"false answers {fa:.3f} ({int(ta.sum())} answerable, {int((~ta).sum())} unanswerable)")
    lines.append(spread_line(fold_thresholds(tune, oof, ta, tune_vetoed), oof, tune_vetoed))
    lines.append("each document fold at the threshold chosen on the other folds: false refusals %.3f, false answers "
                 "%.3f" % other_folds_rates(tune, oof, ta, tune_vetoed))
    rows = decisions(tune, oof, tune_vetoed, threshold)
    lines += decision_lines(rows)
    model = build_model(retriever, ranker, abstention, threshold, cv, fr, fa, tune_label, extra_gold, use_extra,
                        features)
    return TrainReport(model, lines, rows)


def ablate(retriever: Retriever, tune_gold: Path | str, extra_gold: Sequence[Path | str] = ()) -> list[str]:
    """What each signal adds: the CV figure with every signal, then with each one left out."""
    tune = collect(retriever, tune_gold)
    extra = [e for p in extra_gold for e in collect(retriever, p)]
    names = list(SIGNALS)
    full = cross_validate(retriever, tune, extra, names)
    rows = [f"| all signals | {full.hit5:.3f} | {full.mrr:.3f} | | |"]
    for n in names:
        cv = cross_validate(retriever, tune, extra, [m for m in names if m != n])
        rows.append(f"| without {n} | {cv.hit5:.3f} | {cv.mrr:.3f} | {cv.hit5 - full.hit5:+.3f} | {cv.mrr - full.mrr:+.3f} |")
    return ["| signals | CV hit@5 | CV MRR@10 | Δ hit@5 | Δ MRR |", "|---|---|---|---|---|"] + rows
