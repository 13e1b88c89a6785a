"""Does the question's semantic agreement with the clauses found add to the abstention evidence out of fold?

Candidate evidence items, each read from the same out-of-fold rankings `planqa train` reads (the questions and
rankings cached by benchmarks/abstention_cv.py --cache), are added one at a time (and in the pairs named by --pair)
to the declared evidence (`retrieval.evidence.EVIDENCE`); the abstention is then fitted and its threshold chosen out
of fold exactly as `planqa train` does (`retrieval.train.out_of_fold_abstention`, `choose_threshold`). Reported per
candidate: its own separation (AUC over the questions not vetoed, all and the topic near-misses' reading,
`abstention_cv.near_miss_kind`), the out-of-fold threshold, false refusals / false answers, each document fold at the
other folds' threshold, topic near-misses answered, decisions wrong, false refusals at matched false-answer rates
(threshold-free: a threshold that merely slides along the curve gains nothing there), and from how many distinct
documents the answerable questions it moves come.

Candidates (none is declared evidence; they are measured here):

- dense: the cosine of the question's embedding (`Retriever.dense_text`) with the first clause (``cos_first``), the
  best of the top clauses (``cos_best``), and that best cosine over the question's typical cosine: the median of its
  candidates (``cos_over_pool``), its 5th / 10th / 50th nearest clause over the whole index (``cos_over_5`` …),
  standardised over its 50 nearest (``cos_z50``), its nearest anywhere (``cos_gap_top1``);
- words: the rarity-weighted share of the question's subject words (`Evidence.subject_words`: no asking words, no
  place, no plan name) the best top clause writes itself (``subject_words_own``: text, facts, two nearest headings)
  or with its section (``subject_words_section``: every clause under the same headings), of its subject pairs
  (``subject_pairs_own``), minus the rarity of the rarest subject word the best clause or section lacks
  (``missing_rarity_own`` / ``_section``), the longest run of question words over its longest (``phrase_share``)
  and the share of its word pairs one top clause writes (``run_pairs_share``);
- ``--gated``: each also read only for questions asking no kind of value (`Question.answer_slot` None: the topic
  near-misses' questions), a high constant otherwise.

    python benchmarks/abstention_semantic.py eval/real_dev.jsonl … --extra eval/gold.jsonl --index DIR \
        --cache /tmp/x-abst.pkl [--gated] [--pair a,b] [--without ITEM]
"""
from __future__ import annotations

import argparse
import contextlib
import pickle
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from abstention_cv import near_miss_kind  # noqa: E402
from index import IndexStore  # noqa: E402
from retrieval import train as T  # noqa: E402
from retrieval.evidence import EVIDENCE, NEAR_HEADINGS, TOP  # noqa: E402
from retrieval.query import word_pairs  # noqa: E402
from retrieval.ranker import RankerModel  # noqa: E402
from retrieval.search import CANDIDATES, Retriever  # noqa: E402
from retrieval.strategies import weighed_clauses  # noqa: E402

MATCHED_FALSE_ANSWERS = (0.03, 0.04, 0.05, 0.06)  # false-answer rates at which false refusals are compared
NEAREST = (5, 10, CANDIDATES)  # the typical cosines: the question's k-th nearest clause over the whole index
GATED_VALUE = 0.95  # a gated item reads as its 95th percentile for a question asking a value: no reason to refuse


class Reader:
    """The candidate items of one question, from its out-of-fold ranking."""

    def __init__(self, r: Retriever) -> None:
        self.r, self.ev, self.clauses = r, r.evidence, r.store.clauses
        self.sections: dict[tuple, list[int]] = {}
        for i, c in enumerate(self.clauses):
            self.sections.setdefault((c.doc_id, tuple(c.section_path)), []).append(i)
        self._own: dict[int, frozenset[str]] = {}
        self._section: dict[tuple, frozenset[str]] = {}

    def own_words(self, p: int) -> frozenset[str]:
        """Folded words a clause writes itself, as `Evidence.own_pairs` reads its pairs."""
        if p not in self._own:
            c = self.clauses[p]
            parts = [c.text, *(c.columns or {}).values(), c.target.text if c.target else None, c.lead, c.partners,
                     c.deadline, c.product, *c.section_path[-NEAR_HEADINGS:]]
            self._own[p] = frozenset(self.ev.words("\n".join(filter(None, parts))))
        return self._own[p]

    def section_words(self, p: int) -> frozenset[str]:
        c = self.clauses[p]
        key = (c.doc_id, tuple(c.section_path))
        if key not in self._section:
            self._section[key] = frozenset().union(*(self.own_words(x) for x in self.sections[key]))
        return self._section[key]

    def dense(self, q, ranked) -> dict[str, float]:
        text = self.r.dense_text(q)
        store = self.r.store
        top = store.dense_scores_at(text, [p for p, _, _ in ranked[:TOP]])
        pool = store.dense_scores_at(text, [p for p, _, _ in ranked])
        near = np.array([s for _, s in store.dense(text, max(NEAREST))])
        best = float(top.max())
        out = {"cos_first": float(top[0]), "cos_best": best, "cos_over_pool": best - float(np.median(pool)),
               "cos_z50": (best - near.mean()) / (near.std() + 1e-6), "cos_gap_top1": best - float(near[0])}
        out.update({f"cos_over_{k}": best - float(near[min(k, len(near)) - 1]) for k in NEAREST})
        return out

    def words(self, q, ranked) -> dict[str, float]:
        ev, top = self.ev, [p for p, _, _ in ranked[:TOP]]
        subject = list(dict.fromkeys(ev.subject_words(q)))
        out = {}
        if subject:
            w = {x: ev.idf(x) for x in subject}
            total = sum(w.values())
            for name, have in (("own", self.own_words), ("section", self.section_words)):
                out[f"subject_words_{name}"] = max(sum(v for x, v in w.items() if x in have(p)) / total for p in top)
                out[f"missing_rarity_{name}"] = -min(max([v for x, v in w.items() if x not in have(p)], default=0.0)
                                                     for p in top)
        else:
            out.update({k: 1.0 for k in ("subject_words_own", "subject_words_section")})
            out.update({k: 0.0 for k in ("missing_rarity_own", "missing_rarity_section")})
        pairs = ev.subject_pairs(q)
        if pairs:
            pw = {x: sum(ev.idf(y) for y in x.split()) for x in pairs}
            out["subject_pairs_own"] = max(sum(v for x, v in pw.items() if x in ev.own_pairs(p)) / sum(pw.values())
                                           for p in top)
        else:
            out["subject_pairs_own"] = 1.0
        longest = max((len(run) for run in q.content_runs), default=0)
        every = [b for run in q.content_runs for b in word_pairs(run)]
        out["phrase_share"] = (max(ev.longest_phrase(q, [t]) for t in ranked[:TOP]) / longest
                               if longest >= 2 else 1.0)
        out["run_pairs_share"] = (max(sum(b in ev.clause_bigrams(p) for b in every) / len(every) for p in top)
                                  if every else 1.0)
        return out

    def read(self, examples, ranked_map) -> tuple[list[str], np.ndarray]:
        rows = []
        for i, e in enumerate(examples):
            ranked = weighed_clauses(e.q, ranked_map.get(i, []), self.clauses)
            rows.append({**self.dense(e.q, ranked), **self.words(e.q, ranked)} if ranked else None)
        names = list(next(r for r in rows if r))
        return names, np.array([[r[n] for n in names] if r else [0.0] * len(names) for r in rows])


@contextlib.contextmanager
def declared(names: list[str]):
    """EVIDENCE as the fitted model's names read it for one run (`Linear` takes them from it)."""
    saved = dict(EVIDENCE)
    EVIDENCE.clear()
    EVIDENCE.update({n: saved.get(n) for n in names})
    try:
        yield
    finally:
        EVIDENCE.clear()
        EVIDENCE.update(saved)


def fr_at_matched_fa(oof: np.ndarray, ta: np.ndarray, tv: np.ndarray) -> list[float]:
    """False refusals at the lowest threshold whose false answers are at most each MATCHED_FALSE_ANSWERS rate."""
    out = []
    for rate in MATCHED_FALSE_ANSWERS:
        for t in np.unique(oof[~tv]):
            answered = (oof >= t) & ~tv
            if (answered & ~ta).sum() / (~ta).sum() <= rate:
                out.append(float((~answered & ta).sum() / ta.sum()))
                break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tune", nargs="+")
    ap.add_argument("--extra", action="append", default=[])
    ap.add_argument("--index", required=True)
    ap.add_argument("--cache", required=True, help="benchmarks/abstention_cv.py's pickle (made there when missing)")
    ap.add_argument("--gated", action="store_true", help="also each item read only for questions asking no value")
    ap.add_argument("--pair", action="append", default=[], help="two candidates added together: a,b (repeatable)")
    ap.add_argument("--without", action="append", default=[],
                    help="declared evidence items to leave out of the base (repeatable): measure one as a candidate")
    a = ap.parse_args()
    from sklearn.metrics import roc_auc_score

    r = Retriever(IndexStore.load(a.index), RankerModel.untrained())
    if Path(a.cache).is_file():
        with open(a.cache, "rb") as f:
            tune, extra, tune_ranked, extra_ranked = pickle.load(f)
    else:
        features = list(T.SIGNALS)
        tune = [e for p in a.tune for e in T.collect(r, p)]
        extra = [e for p in a.extra for e in T.collect(r, p)]
        tune_ranked = T.cross_validate(r, tune, extra, features).ranked
        extra_ranked = T.cross_validate(r, extra, [], features).ranked if extra else {}
        with open(a.cache, "wb") as f:
            pickle.dump((tune, extra, tune_ranked, extra_ranked), f)
    base = [n for n in EVIDENCE if n not in a.without]
    with declared(base):
        tx, ex = T._evidence_matrix(r, tune, tune_ranked), T._evidence_matrix(r, extra, extra_ranked)
    ey, ta, tv = T._answerable(extra), T._answerable(tune).astype(bool), T._vetoed(r, tune)
    reader = Reader(r)
    names, cx = reader.read(tune, tune_ranked)
    _, cex = reader.read(extra, extra_ranked)
    kind = np.array([near_miss_kind(r.evidence, e.q) for e in tune])
    topic = kind == "topic"
    groups = np.array([e.group for e in tune])
    no_value = (np.array([e.q.answer_slot is None for e in tune]), np.array([e.q.answer_slot is None for e in extra]))

    def run(label: str, add: list[tuple[str, np.ndarray, np.ndarray]], reference=None):
        x = np.column_stack([tx] + [c for _, c, _ in add])
        xe = np.column_stack([ex] + [c for _, _, c in add])
        with declared(base + [n for n, _, _ in add]):
            oof = T.out_of_fold_abstention(tune, x, tv, [xe], [ey])
            t, fr, fa = T.choose_threshold(oof, ta, tv)
            ofr, ofa = T.other_folds_rates(tune, oof, ta, tv)
        answered = (oof >= t) & ~tv
        own = ""
        if len(add) == 1:
            c = add[0][1]
            own = (f"{roc_auc_score(ta[~tv], c[~tv]):.3f} | "
                   f"{roc_auc_score(ta[~tv & topic], c[~tv & topic]):.3f}")
        moved = ""
        if reference is not None:
            gained, lost = ta & answered & ~reference, ta & ~answered & reference
            moved = f"+{gained.sum()} −{lost.sum()} ({len(set(groups[gained]))} / {len(set(groups[lost]))} docs)"
        matched = " / ".join(f"{v:.3f}" for v in fr_at_matched_fa(oof, ta, tv))
        print(f"| {label} | {own or '–'} | {t:.3f} | {fr:.3f} | {fa:.3f} | {ofr:.3f} / {ofa:.3f} | "
              f"{(answered & ~ta & topic).sum()}/{(~ta & topic).sum()} | {(answered != ta).sum()} | {matched} | "
              f"{moved or '–'} |")
        return answered

    print(f"{len(tune)} tuning questions ({int(ta.sum())} answerable), {len(extra)} extra; "
          f"false refusals at false answers ≤ {', '.join(map(str, MATCHED_FALSE_ANSWERS))}")
    print("| added | AUC all / topic | threshold | FR | FA | other folds FR / FA | topic NM answered | wrong | "
          "FR at matched FA | answerable answered / refused vs base |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    ref = run("(declared evidence)", [])
    for j, n in enumerate(names):
        run(n, [(n, cx[:, j], cex[:, j])], ref)
    if a.gated:
        for j, n in enumerate(names):
            high = np.quantile(cx[:, j], GATED_VALUE)
            run(n + " (no value asked)", [(n, np.where(no_value[0], cx[:, j], high),
                                           np.where(no_value[1], cex[:, j], high))], ref)
    for pair in a.pair:
        items = pair.split(",")
        run(" + ".join(items), [(n, cx[:, names.index(n)], cex[:, names.index(n)]) for n in items], ref)


if __name__ == "__main__":
    main()
