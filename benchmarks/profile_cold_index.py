"""Where a cold index of the sample plans goes: each step of `planqa index` timed in one process, CPU and wall.

The steps are the build's own (index/build.py), run one after the other with no vector cache: imports,
parsing, passage texts, loading underthesea and the encoder, e5 tokenisation, embedding, BM25 tokens,
writing. CPU time (``time.process_time``: user + sys of this process, all its threads) is the figure that
holds on a shared machine; wall time is the neighbours' as much as ours. ``--ops`` adds onnxruntime's
own per-operator profile of the embedding (one thread, one passage in ten).

Run: .venv/bin/python benchmarks/profile_cold_index.py [PLANS] [--ops]
"""
from __future__ import annotations

import time

_wall, _cpu = time.perf_counter(), time.process_time()
_steps: list[tuple[str, float, float]] = []


def _step(name: str) -> None:
    global _wall, _cpu
    w, c = time.perf_counter(), time.process_time()
    _steps.append((name, w - _wall, c - _cpu))
    _wall, _cpu = w, c


import argparse  # noqa: E402 - the imports are the first step timed
import collections  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

import corpus  # noqa: E402
from index import build as B  # noqa: E402
from index import text as T  # noqa: E402
from index.encoder import load_encoder  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def operator_profile(encoder, passages: list[str]) -> list[tuple[str, float]]:
    """onnxruntime's per-operator kernel time for one passage in ten, one thread (share of the total)."""
    import onnxruntime as ort

    from index import e5_onnx

    ids = encoder.token_ids(["passage: " + p for p in passages[::10]])
    with tempfile.TemporaryDirectory() as tmp:
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.enable_profiling = True
        opts.profile_file_prefix = str(Path(tmp) / "ops")
        model = encoder.directory / encoder.info["variants"][encoder.variant]["file"]
        session = ort.InferenceSession(str(model), opts, providers=["CPUExecutionProvider"],
                                       disabled_optimizers=list(e5_onnx.DISABLED_OPTIMIZERS))
        for row in ids:
            x = np.array([[encoder._tok.bos, *row, encoder._tok.eos]], dtype=np.int64)
            session.run(None, {"input_ids": x, "attention_mask": np.ones_like(x)})
        events = json.loads(Path(session.end_profiling()).read_text(encoding="utf-8"))
    per_op: collections.Counter = collections.Counter()
    for e in events:
        if e.get("cat") == "Node" and e["name"].endswith("_kernel_time"):
            per_op[e["args"]["op_name"]] += e["dur"]
    total = sum(per_op.values()) or 1
    return [(op, t / total) for op, t in per_op.most_common()]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("plans", nargs="?", default=os.environ.get("PLANQA_SAMPLE_PLANS", str(REPO.parent / "shared" / "plans")))
    ap.add_argument("--model", default=None)
    ap.add_argument("--ops", action="store_true", help="also onnxruntime's per-operator profile")
    args = ap.parse_args()
    load = os.getloadavg()[0]
    _step("imports")
    plans = [corpus.parse_file(f) for f in corpus.find_plans([Path(args.plans)])]
    _step("parse")
    abbreviations = T.abbreviation_table(T.harvest_abbreviations([c.text for p in plans for c in p.clauses]))
    passages = [T.passage_text(c, p.document) for p in plans for c in p.clauses]
    _step("passage texts")
    T._word_tokenize()
    _step("import underthesea")
    encoder = load_encoder(args.model)
    _step("load encoder")
    from index import e5_onnx

    budget = e5_onnx.PASSAGE_MAX_TOKENS or 10**9  # the tokens the model runs: a passage's first PASSAGE_MAX_TOKENS
    tokens = sum(min(len(i), budget) + 2 for i in encoder.token_ids(["passage: " + p for p in passages])) \
        if hasattr(encoder, "token_ids") else None
    _step("e5 tokenisation")
    vectors = encoder.encode_passages(passages)
    _step("embedding (tokenisation again + ONNX runs)")
    token_lists = [T.bm25_tokens(p, abbreviations) for p in passages]
    _step("BM25 tokens (underthesea)")
    with tempfile.TemporaryDirectory() as tmp:
        entries = [B._Entry(p, None, p.document.fingerprint) for p in plans]
        keys = [B.vector_key(encoder.name, p) for p in passages]
        B.write_index_dir(Path(tmp) / "index", entries, vectors, keys, token_lists, abbreviations, encoder.name)
    _step("write (FAISS, BM25, files)")
    print(f"{len(passages)} passages ({len(set(passages))} distinct), {tokens} encoder tokens, model {encoder.name}, "
          f"1-min load before {load:.2f}, after {os.getloadavg()[0]:.2f}")
    print("| step | wall s | CPU s |\n|---|---|---|")
    for name, w, c in _steps:
        print(f"| {name} | {w:.2f} | {c:.2f} |")
    print(f"| total | {sum(s[1] for s in _steps):.2f} | {sum(s[2] for s in _steps):.2f} |")
    if args.ops:
        print("\n| onnxruntime operator | share of kernel time |\n|---|---|")
        for op, share in operator_profile(encoder, passages):
            if share >= 0.001:
                print(f"| {op} | {100 * share:.1f}% |")


if __name__ == "__main__":
    main()
