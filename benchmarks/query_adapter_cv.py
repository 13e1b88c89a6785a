"""Does a learned query adapter (`benchmarks/query_adapter.py`) help questions about plans it was not trained on?

Document-level cross-validation on the development half: the dev documents are dealt round-robin (sorted) into
folds; for each fold the adapter is fitted on the questions about the other folds' documents (plus the extra
gold sets over the sample plans, always in training) and measured on the questions about the held-out documents.

- dense: the plain dense search (exact cosine within the question's scope, as `planqa eval`'s dense row),
  hit@5 and MRR@10, base (identity) against the fold's adapter, for each identity pull given;
- hybrid (``--hybrid``): the learned ranker retrained out of fold on candidates and signals read *with the
  fold's adapter* (its dense signals move with it), hit@5 and MRR@10 of the held-out questions, against the same
  procedure with no adapter — the ranker in `retrieval/models` saw every dev question, so it is not used.

    python benchmarks/query_adapter_cv.py --index /work/var/real-index-t --dev eval/real_dev.jsonl … \\
        --extra eval/gold.jsonl --extra eval/heldout.jsonl [--pull 0.1 --pull 1] [--hybrid] [--out FILE.md]
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import query_adapter as A  # noqa: E402
from retrieval.search import Retriever  # noqa: E402

FOLDS = 5


def dense_metrics(store, pairs, adapter: A.QueryAdapter | None) -> tuple[np.ndarray, np.ndarray]:
    """(hit@5, reciprocal rank within 10) of each pair under the plain dense search with ``adapter``."""
    vectors = np.asarray(store.vectors)
    hits, rrs = [], []
    for p in pairs:
        q = p.vector if adapter is None else adapter.apply(p.vector)
        if p.scope:
            rows = np.concatenate([np.arange(*store.doc_ranges[d]) for d in sorted(p.scope) if d in store.doc_ranges])
        else:
            rows = np.arange(len(store.clauses))
        sims = vectors[rows] @ q
        order = rows[np.argsort(-sims, kind="stable")[:10]]
        rank = next((i for i, r in enumerate(order) if r in p.relevant), None)
        hits.append(1.0 if rank is not None and rank < 5 else 0.0)
        rrs.append(0.0 if rank is None else 1.0 / (rank + 1))
    return np.array(hits), np.array(rrs)


def hybrid_cv(retriever: Retriever, dev_files, extra_files, fold_of: dict[str, int],
              adapters: dict[int, A.QueryAdapter | None]) -> dict[int, tuple[list[float], list[float]]]:
    """Per fold, the ranker retrained on the other folds' questions (+ extra) with candidates and signals read
    under that fold's adapter; (hit@5, RR@10) of the held-out answerable questions."""
    from retrieval import train as T

    features = list(T.SIGNALS)
    out: dict[int, tuple[list[float], list[float]]] = {}
    for k in range(FOLDS):
        adapter = adapters.get(k)
        retriever.store.use_query_adapter(adapter.apply if adapter is not None else None)
        tune = [e for f in dev_files for e in T.collect(retriever, f)]
        extra = [e for f in extra_files for e in T.collect(retriever, f)]
        train = [e for e in tune if fold_of.get(e.group, -1) != k and e.group in fold_of] + extra
        held = [e for e in tune if fold_of.get(e.group) == k and e.gold.answerable]
        model = T.fit_ranker(train, features)
        hs, rs = [], []
        for e in held:
            h, rr = T._rank_metrics(retriever, e, T._ranked(retriever, e, model))
            hs.append(h)
            rs.append(rr)
        out[k] = (hs, rs)
        print(f"  hybrid fold {k}: {'adapter' if adapter else 'base'} hit@5 {np.mean(hs):.3f} n={len(hs)}", flush=True)
    retriever.store.use_query_adapter(None)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", required=True)
    ap.add_argument("--dev", nargs="+", required=True)
    ap.add_argument("--extra", action="append", default=[])
    ap.add_argument("--pull", action="append", type=float, default=[])
    ap.add_argument("--temperature", type=float, default=A.TEMPERATURE)
    ap.add_argument("--random-negatives", type=int, default=A.RANDOM_NEGATIVES)
    ap.add_argument("--bias", action=argparse.BooleanOptionalAction, default=A.BIAS)
    ap.add_argument("--diagonal", action=argparse.BooleanOptionalAction, default=A.DIAGONAL)
    ap.add_argument("--cache", help="keep the (question, clauses) pairs in this pickle between runs")
    ap.add_argument("--hybrid", action="store_true", help="also the ranker's out-of-fold figures (slow)")
    ap.add_argument("--hybrid-pull", type=float, default=A.IDENTITY_PULL)
    ap.add_argument("--out")
    args = ap.parse_args()
    pulls = args.pull or [A.IDENTITY_PULL]

    t0 = time.time()
    retriever = Retriever.load(args.index)
    store = retriever.store
    encoder = store.model
    if args.cache and Path(args.cache).exists():
        dev_pairs, extra_pairs = pickle.loads(Path(args.cache).read_bytes())
    else:
        dev_pairs = [p for f in args.dev for p in A.pairs(retriever, [f])]
        extra_pairs = A.pairs(retriever, args.extra) if args.extra else []
        if args.cache:
            Path(args.cache).write_bytes(pickle.dumps((dev_pairs, extra_pairs)))
    docs = sorted({p.group for p in dev_pairs})
    fold_of = {d: i % FOLDS for i, d in enumerate(docs)}
    folds = np.array([fold_of[p.group] for p in dev_pairs])
    print(f"{len(dev_pairs)} dev pairs over {len(docs)} documents, {len(extra_pairs)} extra; "
          f"read in {time.time() - t0:.0f}s", flush=True)
    vectors = np.asarray(store.vectors)

    base_h, base_r = dense_metrics(store, dev_pairs, None)
    lines = ["# Query adapter: document-level CV on the development half", "",
             f"Index `{args.index}` (encoder `{encoder}`); dev gold {', '.join(map(str, args.dev))}; extra (always in "
             f"training) {', '.join(args.extra) or 'none'}. {len(dev_pairs)} answerable dev questions over {len(docs)} "
             f"documents in {FOLDS} folds (documents dealt round-robin in sorted order), {len(extra_pairs)} extra.",
             f"Temperature {args.temperature}, hard negatives {A.HARD_NEGATIVES}, epochs {A.EPOCHS}, batch {A.BATCH}, "
             f"lr {A.LEARNING_RATE}, random negatives per batch {args.random_negatives}, "
             f"bias {'yes' if args.bias else 'no'}, W {'diagonal' if args.diagonal else 'full'}.", "",
             "## Dense only (held-out documents' questions; base = no adapter)", "",
             "| pull | fold | n | base hit@5 | adapter hit@5 | base MRR@10 | adapter MRR@10 |",
             "|---|---|---|---|---|---|---|"]
    fold_adapters: dict[float, dict[int, A.QueryAdapter]] = {}
    summary = {}
    for pull in pulls:
        ad_h, ad_r = np.zeros(len(dev_pairs)), np.zeros(len(dev_pairs))
        fold_adapters[pull] = {}
        for k in range(FOLDS):
            tr = [p for p, f in zip(dev_pairs, folds) if f != k] + extra_pairs
            te = [i for i in range(len(dev_pairs)) if folds[i] == k]
            W, b = A.fit(tr, vectors, encoder, pull=pull, temperature=args.temperature,
                         random_negatives=args.random_negatives, bias=args.bias, diagonal=args.diagonal)
            ad = A.QueryAdapter(f"cv-{k}", encoder, W, b)
            fold_adapters[pull][k] = ad
            h, r = dense_metrics(store, [dev_pairs[i] for i in te], ad)
            ad_h[te], ad_r[te] = h, r
            lines.append(f"| {pull:g} | {k} | {len(te)} | {base_h[te].mean():.3f} | {h.mean():.3f} | "
                         f"{base_r[te].mean():.3f} | {r.mean():.3f} |")
            print(lines[-1], f"‖W−I‖={np.linalg.norm(W - np.eye(len(W))):.2f}", flush=True)
        lines.append(f"| {pull:g} | **pooled** | {len(dev_pairs)} | {base_h.mean():.3f} | {ad_h.mean():.3f} | "
                     f"{base_r.mean():.3f} | {ad_r.mean():.3f} |")
        print(lines[-1], flush=True)
        summary[pull] = {"base_hit5": base_h.mean(), "adapter_hit5": ad_h.mean(), "base_mrr": base_r.mean(),
                         "adapter_mrr": ad_r.mean(), "gained": int(((ad_h > 0) & (base_h == 0)).sum()),
                         "lost": int(((ad_h == 0) & (base_h > 0)).sum())}
        lines.append(f"| {pull:g} | questions gained / lost in top 5 | | | {summary[pull]['gained']} / "
                     f"{summary[pull]['lost']} | | |")
        # in-sample: the fit on all pairs, measured on them (how far it can fit, not what it generalises to)
    if args.hybrid:
        pull = args.hybrid_pull
        ads = fold_adapters.get(pull) or {k: A.QueryAdapter(f"cv-{k}", encoder, *A.fit(
            [p for p, f in zip(dev_pairs, folds) if f != k] + extra_pairs, vectors, encoder, pull=pull,
            temperature=args.temperature, random_negatives=args.random_negatives, bias=args.bias,
            diagonal=args.diagonal)) for k in range(FOLDS)}
        base = hybrid_cv(retriever, args.dev, args.extra, fold_of, {})
        adapted = hybrid_cv(retriever, args.dev, args.extra, fold_of, ads)
        lines += ["", f"## Hybrid (learned ranker retrained out of fold with each arm's dense signals; pull {pull:g})",
                  "", "| fold | n | base hit@5 | adapter hit@5 | base MRR@10 | adapter MRR@10 |", "|---|---|---|---|---|---|"]
        for k in range(FOLDS):
            (bh, br), (ah, ar) = base[k], adapted[k]
            lines.append(f"| {k} | {len(bh)} | {np.mean(bh):.3f} | {np.mean(ah):.3f} | {np.mean(br):.3f} | {np.mean(ar):.3f} |")
        bh = [v for k in base for v in base[k][0]]
        br = [v for k in base for v in base[k][1]]
        ah = [v for k in adapted for v in adapted[k][0]]
        ar = [v for k in adapted for v in adapted[k][1]]
        lines.append(f"| **pooled** | {len(bh)} | {np.mean(bh):.3f} | {np.mean(ah):.3f} | {np.mean(br):.3f} | {np.mean(ar):.3f} |")
        summary["hybrid"] = {"base_hit5": np.mean(bh), "adapter_hit5": np.mean(ah), "base_mrr": np.mean(br),
                             "adapter_mrr": np.mean(ar)}
    text = "\n".join(lines) + "\n"
    print(text)
    print(json.dumps(summary, default=float))
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    print(f"done in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
