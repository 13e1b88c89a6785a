"""The window baseline: what a generic RAG setup does with the same plans and the same encoder.

Each document's text is cut into fixed windows of about ``WINDOW_TOKENS`` tokens (whole lines,
``OVERLAP_TOKENS`` carried over, like LlamaIndex's default splitter), every window is embedded with
the index's encoder, and a question gets the windows closest to it. The top window's text is the
answer and it never abstains. A window "hits" a gold line when its line span covers it, exactly
as a clause does, so the evaluation compares like with like. Only the evaluation uses this.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index import IndexStore
from index.build import vector_key
from index.cache import VectorCache
from retrieval.contract import AskResponse, Citation, Result

WINDOW_TOKENS = 1000  # LlamaIndex's default chunk size is 1,024 tokens
OVERLAP_TOKENS = 200  # and its default overlap 200
TOKENS_PER_WORD = 1.3  # XLM-R pieces per Vietnamese syllable, measured on the plans (≈1.2–1.4)
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Window:
    doc_id: str
    source: str
    lines: tuple[int, int]  # 1-based, inclusive
    text: str


def _tokens(line: str) -> float:
    return len(_WORD.findall(line)) * TOKENS_PER_WORD


def cut_windows(doc_id: str, source: str, lines: list[str]) -> list[Window]:
    """Consecutive whole lines up to ~WINDOW_TOKENS tokens; the next window starts OVERLAP_TOKENS back."""
    out: list[Window] = []
    n = len(lines)
    start = 0
    while start < n:
        while start < n and not lines[start].strip():
            start += 1
        if start >= n:
            break
        end, size = start, 0.0
        while end < n and (size == 0 or size + _tokens(lines[end]) <= WINDOW_TOKENS):
            size += _tokens(lines[end])
            end += 1
        text = "\n".join(x for x in lines[start:end] if x.strip())
        out.append(Window(doc_id, source, (start + 1, end), text))
        if end >= n:
            break
        back, carried = end, 0.0
        while back - 1 > start and carried + _tokens(lines[back - 1]) <= OVERLAP_TOKENS:
            back -= 1
            carried += _tokens(lines[back])
        start = back
    return out


class WindowBaseline:
    """Fixed windows of every indexed document, embedded once (through the shared vector cache)."""

    mode = "window"

    def __init__(self, store: IndexStore, progress: bool = False) -> None:
        import corpus

        self.store = store
        self.windows: list[Window] = []
        for meta in store.manifest.get("documents", []):
            path = meta.get("path")
            doc = store.documents.get(meta["id"])
            if not path or doc is None or not Path(path).exists():
                continue
            src, _ = corpus.read_source(Path(path))
            self.windows += cut_windows(doc.id, doc.source, list(src.lines))
        texts = [w.text for w in self.windows]
        keys = [vector_key(store.model, "window\n" + t) for t in texts]
        cache = VectorCache.from_env()
        got: dict[str, np.ndarray] = {}
        try:
            if cache is not None:
                got = cache.get_many(keys)
            missing = [i for i, k in enumerate(keys) if k not in got]
            if missing:
                # whole windows: an encoder that cuts passages (e5_onnx.PASSAGE_MAX_TOKENS) reads these to the end
                embed = getattr(store.encoder, "encode_whole_passages", store.encoder.encode_passages)
                vecs = embed([texts[i] for i in missing], progress=progress)
                fresh = {keys[i]: v for i, v in zip(missing, vecs)}
                got.update(fresh)
                if cache is not None:
                    cache.put_many(fresh)
        finally:
            if cache is not None:
                cache.close()
        dim = int(store.manifest["dimension"])
        self.vectors = np.stack([got[k] for k in keys]).astype(np.float32) if keys else np.zeros((0, dim), np.float32)

    def ask(self, question: str, top_k: int = 5, locality: str | None = None, offset: int = 0,
            mode: str = "window") -> AskResponse:
        if not question.strip() or not self.windows:
            return AskResponse(question=question, found=False, answer=None, results=[])
        q = self.store.query_vector(question)
        sims = self.vectors @ q
        order = np.argsort(-sims, kind="stable")[offset: offset + max(1, top_k)]
        results = []
        for i in order:
            w = self.windows[int(i)]
            doc = self.store.documents[w.doc_id]
            cit = Citation(source=w.source, document=doc.title, doc_id=w.doc_id, clause_id=f"{w.doc_id}:w{int(i)}",
                           locality=doc.locality.label(), section="", label=None, lines=list(w.lines))
            results.append(Result(text=w.text, score=round(float(sims[int(i)]), 6), citation=cit))
        return AskResponse(question=question, found=True, answer=results[0].text if results else None,
                           results=results)
