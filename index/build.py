"""Build (or incrementally rebuild) an index directory from plan files.

The index is written into a temporary directory beside ``index_dir`` and
swapped in with renames, so readers and crashes only ever see the old index or
the new one. Vectors are cached by sha1(model + passage text): a rebuild embeds
only clauses whose passage text is new, which is what makes re-indexing after
editing one plan take seconds instead of minutes.
"""
from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import math
import os
import shutil
import sys
import threading
import time
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence

import numpy as np

from corpus.model import ParsedPlan

from . import text as T
from .cache import VectorCache
from .encoder import Encoder, canonical_model_name, encoder_record, load_encoder
from .layout import (ABBREVIATIONS, BM25_DIR, FAISS_FILE, FORMAT_VERSION, INITIALS, MANIFEST, PLANS,  # noqa: F401
                     SYLLABLES, VECTOR_KEYS, VECTORS, file_sha256, quiet_bm25s)
from .lookups import write_lookups

FLAT_LIMIT = 50_000  # below: exact IndexFlatIP; above: IVF (see benchmarks/results/index.md)
IVF_NPROBE = 32
BM25_PARAMS = {"k1": 1.2, "b": 0.75, "method": "lucene"}
# While the BM25 tokens are read beside the embedding, the thread that feeds onnxruntime waits for the GIL
# after every passage; Python's default 5 ms hand-over would leave both cores to the tokenizer for a fifth
# of each int8 run (≈ 25 ms), so the build asks for a faster hand-over while the two overlap.
GIL_SWITCH_SECONDS = 0.0005



class BuildError(Exception):
    """A build that cannot proceed (no plans, a concurrent build, ...); one line."""


@dataclass
class BuildReport:
    index_dir: Path
    model: str
    documents: int = 0
    clauses: int = 0
    embedded: int = 0
    reused: int = 0
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    reparsed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    faiss_index: str = ""
    seconds: float = 0.0

    def summary(self) -> str:
        s = (f"{self.documents} documents, {self.clauses} clauses → {self.index_dir} "
             f"({self.faiss_index}, model {self.model}); embedded {self.embedded}, reused {self.reused}; "
             f"added {len(self.added)}, updated {len(self.updated)}, removed {len(self.removed)}, "
             f"unchanged {len(self.unchanged)}; {self.seconds:.1f}s")
        if self.errors:
            s += f"; {len(self.errors)} file(s) failed: " + "; ".join(f"{f}: {m}" for f, m in self.errors)
        return s


@dataclass
class _Entry:
    """One document going into the index, with where it came from."""

    plan: ParsedPlan
    path: str | None  # absolute source path, None for plans handed in directly
    file_sha256: str


def vector_key(model: str, passage: str) -> str:
    return hashlib.sha1(f"{model}\n{passage}".encode("utf-8")).hexdigest()


def parser_signature() -> str:
    """Hash of the corpus package source: a changed parser invalidates cached parses."""
    import corpus

    root = Path(corpus.__file__).resolve().parent
    h = hashlib.sha1()
    for p in sorted(root.rglob("*.py")):
        h.update(p.relative_to(root).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()


# ----------------------------------------------------------------------------- index parts

def ivf_nlist(n: int) -> int:
    """IVF list count: ~2·sqrt(n) (894 at 200k clauses), so nprobe=32 scans ~3.5% of the vectors."""
    return int(max(1, min(4096, 2 * math.sqrt(n), n // 39)))  # k-means wants ≥ 39 points per list


def make_faiss_index(vectors: np.ndarray, kind: str | None = None):
    """Exact inner-product search for small corpora, IVF-Flat above ``FLAT_LIMIT`` clauses.

    IVF beat HNSW at 200k clauses on this workload: plans repeat the same
    templates across communes, and HNSW's graph search lost half the true
    neighbours among such near-duplicates while IVF kept recall ≈ 1.
    """
    import faiss

    n, d = vectors.shape
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    kind = kind or ("flat" if n < FLAT_LIMIT else "ivf")
    if kind == "flat":
        index = faiss.IndexFlatIP(d)
    elif kind == "ivf":
        nlist = ivf_nlist(n)
        quantizer = faiss.IndexFlatIP(d)
        index = faiss.IndexIVFFlat(quantizer, d, nlist, faiss.METRIC_INNER_PRODUCT)
        index.own_fields = True
        quantizer.this.disown()  # the IVF index now owns (and frees) its quantizer
        sample = vectors
        if n > 64 * nlist:  # k-means on a sample: enough for the centroids, much faster
            rng = np.random.default_rng(0)
            sample = vectors[np.sort(rng.choice(n, 64 * nlist, replace=False))]
        index.train(sample)
        index.nprobe = min(IVF_NPROBE, nlist)
    else:
        raise ValueError(f"unknown FAISS index kind {kind!r}")
    if n:
        index.add(vectors)
    return index


def faiss_params(index) -> dict:
    if hasattr(index, "nprobe"):
        return {"nlist": int(index.nlist), "nprobe": int(index.nprobe)}
    return {}


def faiss_description(index) -> str:
    import faiss

    if isinstance(index, faiss.IndexIVFFlat):
        return f"IndexIVFFlat(nlist={index.nlist},IP)"
    return type(index).__name__


def make_bm25(token_lists: Sequence[list[str]], progress: bool = False):
    """A bm25s index over pre-tokenised clauses (tokens from ``text.bm25_tokens``)."""
    import bm25s

    quiet_bm25s()
    bm25 = bm25s.BM25(**BM25_PARAMS)
    # bm25s numbers its vocabulary in set order, which changes with Python's hash seed and, with it,
    # the order of tied scores; a sorted vocabulary makes the same plans give the same index every time
    vocab = {tok: i for i, tok in enumerate(sorted({t for tokens in token_lists for t in tokens}))}
    ids = [[vocab[t] for t in tokens] for tokens in token_lists]
    bm25.index(bm25s.tokenization.Tokenized(ids=ids, vocab=vocab), show_progress=progress)
    return bm25


def _fsync_tree(root: Path) -> None:
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            fd = os.open(os.path.join(dirpath, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _fsync_dir(Path(dirpath))


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_index_dir(out: Path, entries: Sequence[_Entry] | Sequence[ParsedPlan], vectors: np.ndarray,
                    keys: Sequence[str], token_lists: Sequence[list[str]], abbreviations: dict[str, str],
                    model: str, *, faiss_kind: str | None = None, progress: bool = False,
                    extra: dict | None = None) -> dict:
    """Write every index file into ``out`` (a fresh directory) and return the manifest.

    Split out of :func:`build_index` so the scale benchmark can write a 200k-clause
    index from synthetic vectors through exactly the same code.
    """
    import faiss

    entries = [e if isinstance(e, _Entry) else _Entry(e, None, e.document.fingerprint) for e in entries]
    n_clauses = sum(len(e.plan.clauses) for e in entries)
    if vectors.shape[0] != n_clauses or len(keys) != n_clauses or len(token_lists) != n_clauses:
        raise ValueError("vectors, keys and tokens must have one row per clause")
    out.mkdir(parents=True, exist_ok=False)
    with open(out / PLANS, "w", encoding="utf-8") as f:
        for e in entries:
            f.write(json.dumps(e.plan.to_dict(), ensure_ascii=False) + "\n")
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    np.save(out / VECTORS, vectors)
    (out / VECTOR_KEYS).write_text("".join(k + "\n" for k in keys), encoding="ascii")
    index = make_faiss_index(vectors, faiss_kind)
    faiss.write_index(index, str(out / FAISS_FILE))
    faiss_info = (faiss_description(index), faiss_params(index))
    del index  # at 200k clauses FAISS and bm25s's indexing buffers together would top 2 GB
    bm25 = make_bm25(token_lists, progress=progress)
    bm25.save(str(out / BM25_DIR), show_progress=False)
    del bm25
    (out / ABBREVIATIONS).write_text(json.dumps(abbreviations, ensure_ascii=False, indent=1), encoding="utf-8")
    write_lookups(out, [c for e in entries for c in e.plan.clauses], SYLLABLES, INITIALS)
    corpus_fp = hashlib.sha256("".join(sorted(e.plan.document.fingerprint or e.file_sha256
                                              for e in entries)).encode()).hexdigest()
    manifest = {
        "format_version": FORMAT_VERSION,
        "model": model,
        "dimension": int(vectors.shape[1]),
        "corpus_fingerprint": corpus_fp,
        "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "counts": {"documents": len(entries), "clauses": n_clauses},
        "documents": [
            {
                "id": e.plan.document.id,
                "source": e.plan.document.source,
                "path": e.path,
                "fingerprint": e.plan.document.fingerprint,
                "file_sha256": e.file_sha256,
                "clauses": len(e.plan.clauses),
            }
            for e in entries
        ],
        "faiss_index": faiss_info[0],
        "faiss_params": faiss_info[1],
        "bm25": dict(BM25_PARAMS),
        "text_version": T.TEXT_VERSION,
    }
    manifest.update(extra or {})
    # The manifest is written last: a directory without one is never a valid index.
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    _fsync_tree(out)
    return manifest


# ----------------------------------------------------------------------------- previous index

@dataclass
class _Previous:
    manifest: dict
    plans: list[ParsedPlan]
    cache: dict[str, np.ndarray]


def _read_previous(index_dir: Path, model: str) -> _Previous | None:
    """The existing index, if it is readable; otherwise None (and we rebuild from scratch)."""
    try:
        manifest = json.loads((index_dir / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("format_version") != FORMAT_VERSION:
            return None
        plans = [ParsedPlan.from_dict(json.loads(line))
                 for line in (index_dir / PLANS).read_text(encoding="utf-8").splitlines() if line.strip()]
        cache: dict[str, np.ndarray] = {}
        if manifest.get("model") == model:
            vectors = np.load(index_dir / VECTORS, mmap_mode="r")
            keys = (index_dir / VECTOR_KEYS).read_text(encoding="ascii").split()
            if len(keys) == vectors.shape[0]:
                cache = {k: vectors[i] for i, k in enumerate(keys)}
        return _Previous(manifest, plans, cache)
    except (OSError, ValueError, KeyError, TypeError):
        return None


# ----------------------------------------------------------------------------- locking / swap

@contextmanager
def _short_gil_switches() -> Iterator[None]:
    """GIL_SWITCH_SECONDS for the duration (never longer than the process's own setting), then restored."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, GIL_SWITCH_SECONDS))
    try:
        yield
    finally:
        sys.setswitchinterval(before)


@contextmanager
def _build_lock(index_dir: Path) -> Iterator[None]:
    lock_path = index_dir.parent / f".{index_dir.name}.lock"
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise BuildError(f"another build of {index_dir} is running (lock {lock_path})") from None
            raise
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        yield
    finally:
        os.close(fd)  # releases the flock


def _siblings(index_dir: Path, kind: str) -> list[Path]:
    return sorted(index_dir.parent.glob(f".{index_dir.name}.{kind}-*"))


def _recover(index_dir: Path) -> None:
    """Finish or undo what a crashed build left behind (called under the lock)."""
    for tmp in _siblings(index_dir, "tmp"):
        shutil.rmtree(tmp, ignore_errors=True)
    olds = _siblings(index_dir, "old")
    if not index_dir.exists() and olds:
        # Crashed between "old aside" and "new in": the old index is the good one.
        newest = max(olds, key=lambda p: p.stat().st_mtime)
        if (newest / MANIFEST).exists():
            os.rename(newest, index_dir)
            _fsync_dir(index_dir.parent)
    for old in _siblings(index_dir, "old"):
        shutil.rmtree(old, ignore_errors=True)


def _swap_in(tmp: Path, index_dir: Path) -> None:
    if index_dir.exists():
        old = index_dir.parent / f".{index_dir.name}.old-{uuid.uuid4().hex[:8]}"
        os.rename(index_dir, old)
        os.rename(tmp, index_dir)
        _fsync_dir(index_dir.parent)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(tmp, index_dir)
        _fsync_dir(index_dir.parent)


# ----------------------------------------------------------------------------- build

@dataclass(frozen=True)
class PlanFile:
    """One plan file found under the paths: where it is, its bytes' identity, its parse (None: unchanged)."""

    path: str  # resolved, as indexes record it
    file_sha256: str
    plan: ParsedPlan | None


def changed_plans(paths: Sequence[Path | str], known: Mapping[str, str | None], report: BuildReport,
                  progress: bool = False) -> list[PlanFile]:
    """The plan files under ``paths``, each parsed unless its bytes are the ones already indexed.

    ``known`` maps a resolved path to the sha256 of the bytes indexed from it (give it only when the
    index was parsed by this same parser). Parsing is the slow step of an update, so both back ends
    skip a file whose bytes and parser are unchanged; a file that cannot be read or parsed goes to
    ``report.errors`` and the others go on.
    """
    import corpus
    from tqdm import tqdm

    found: list[PlanFile] = []
    for f in tqdm(corpus.find_plans([Path(p) for p in paths]), desc="parse", unit="file", disable=not progress):
        path = str(Path(f).resolve())
        try:
            sha = file_sha256(Path(f))
        except OSError as exc:
            report.errors.append((str(f), f"cannot read: {exc.strerror or exc}"))
            continue
        if known.get(path) == sha:
            found.append(PlanFile(path, sha, None))
            continue
        try:
            plan = corpus.parse_file(Path(f))
        except corpus.PlanError as exc:
            report.errors.append((str(f), str(exc).splitlines()[0] if str(exc) else type(exc).__name__))
            continue
        report.reparsed += 1
        found.append(PlanFile(path, sha, plan))
    return found


def no_plans_error(report: BuildReport) -> BuildError:
    """Nothing left to index: say so, with every file that failed and why."""
    return BuildError("no plans to index" + (": " + "; ".join(f"{f}: {m}" for f, m in report.errors)
                                            if report.errors else ""))


def _parse_files(paths: Sequence[Path], previous: _Previous | None, report: BuildReport,
                 progress: bool) -> list[_Entry]:
    """Parse plan files, reusing the previous index's parse of files whose bytes are unchanged."""
    prev_by_path: dict[str, tuple[dict, ParsedPlan]] = {}
    if previous is not None and previous.manifest.get("parser_signature") == parser_signature():
        for meta, plan in zip(previous.manifest.get("documents", []), previous.plans):
            if meta.get("path"):
                prev_by_path[meta["path"]] = (meta, plan)
    known = {path: meta.get("file_sha256") for path, (meta, _) in prev_by_path.items()}
    return [_Entry(f.plan if f.plan is not None else prev_by_path[f.path][1], f.path, f.file_sha256)
            for f in changed_plans(paths, known, report, progress)]


def _previous_entries(previous: _Previous) -> list[_Entry]:
    """The documents the index already holds, as entries (a pure "remove" run keeps them)."""
    return [_Entry(p, m.get("path"), m.get("file_sha256", ""))
            for m, p in zip(previous.manifest["documents"], previous.plans)]


def _one_per_document(entries: list[_Entry], report: BuildReport) -> list[_Entry]:
    """One entry per document id: a second file claiming an id already taken is reported, not indexed."""
    seen: dict[str, _Entry] = {}
    for e in entries:
        doc_id = e.plan.document.id
        if doc_id in seen:
            report.errors.append((e.path or doc_id, f"duplicate document id {doc_id} "
                                                    f"(also {seen[doc_id].path or doc_id})"))
            continue
        seen[doc_id] = e
    return list(seen.values())


def _record_changes(entries: list[_Entry], prev_docs: dict[str, dict], report: BuildReport) -> None:
    """Which documents are added, updated, unchanged or removed against the previous index (for the report)."""
    for e in entries:
        doc_id = e.plan.document.id
        before = prev_docs.get(doc_id)
        fp = e.plan.document.fingerprint or e.file_sha256
        if before is None:
            report.added.append(doc_id)
        elif (before.get("fingerprint") or before.get("file_sha256")) == fp:
            report.unchanged.append(doc_id)
        else:
            report.updated.append(doc_id)
    now = {e.plan.document.id for e in entries}
    report.removed = [d for d in prev_docs if d not in now]


def _diff(index_dir: Path, entries: list[_Entry], previous: _Previous | None, remove: list[str],
          report: BuildReport, keep_previous_if_empty: bool) -> list[_Entry]:
    """Step 1, the diff: the documents the new index holds, checked, and what changed against the old one.

    Everything that can refuse the build (an unknown id to remove, nothing left to index) refuses
    here, before a vector is computed or a file written.
    """
    if keep_previous_if_empty and not entries and previous is not None and not report.errors:
        entries = _previous_entries(previous)  # nothing to read: keep what is indexed
    prev_docs = {m["id"]: m for m in (previous.manifest["documents"] if previous else [])}
    known = set(prev_docs) | {e.plan.document.id for e in entries}
    unknown = [d for d in remove if d not in known]
    if unknown:
        raise BuildError(f"cannot remove {', '.join(unknown)}: not in the index at {index_dir}")
    entries = [e for e in _one_per_document(entries, report) if e.plan.document.id not in set(remove)]
    if not entries:
        raise no_plans_error(report)
    _record_changes(entries, prev_docs, report)
    return entries


def _cached_vectors(keys: Sequence[str], previous: _Previous | None, shared: VectorCache | None) -> dict[str, np.ndarray]:
    """Vectors already computed: the previous index's rows, then the shared cache for the keys still missing."""
    cache: dict[str, np.ndarray] = dict(previous.cache) if previous is not None else {}
    if shared is not None:
        wanted = [k for k in dict.fromkeys(keys) if k not in cache]
        if wanted:  # keys carry the model name, so hits have this model's dimension
            cache.update(shared.get_many(wanted))
    return cache


def _vectors(keys: Sequence[str], passages: Sequence[str], previous: _Previous | None, model: str | None,
             encoder: Encoder | None, report: BuildReport, progress: bool,
             loading: Future | None = None) -> np.ndarray:
    """Step 2, the vectors: one row per clause, reused where cached, each new passage embedded once.

    Embedding is the slow part of a build, so the encoder is needed only when a passage is new; then it
    comes from ``loading`` when the build started loading it early (`_load_early`), else it is loaded here.
    """
    shared = VectorCache.from_env()
    try:
        cache = _cached_vectors(keys, previous, shared)
        first: dict[str, int] = {}
        for i, k in enumerate(keys):
            first.setdefault(k, i)
        missing = {k: i for k, i in first.items() if k not in cache}
        enc = encoder
        if missing or not cache:
            enc = enc or (loading.result() if loading is not None else load_encoder(model))
        dim = enc.dim if enc is not None else int(next(iter(cache.values())).shape[0])
        fresh: dict[str, np.ndarray] = {}
        if missing:
            vecs = enc.encode_passages([passages[i] for i in missing.values()], progress=progress)
            fresh = dict(zip(missing.keys(), vecs))
            if shared is not None:
                shared.put_many(fresh)
    finally:
        if shared is not None:
            shared.close()
    vectors = np.empty((len(keys), dim), dtype=np.float32)
    for i, k in enumerate(keys):
        vectors[i] = fresh[k] if k in fresh else cache[k]
    report.reused = sum(1 for k in keys if k in cache)
    report.embedded = len(keys) - report.reused
    return vectors


def _bm25_token_lists(passages: Sequence[str], abbreviations: Mapping[str, str], stop: threading.Event,
                      progress: bool) -> list[list[str]]:
    """Every passage's BM25 tokens (word segmentation: the costliest step after embedding); gives up
    as soon as ``stop`` is set (the build failed elsewhere)."""
    from tqdm import tqdm

    out: list[list[str]] = []
    for p in tqdm(passages, desc="tokenize", unit="clause", disable=not progress, position=1, leave=False):
        if stop.is_set():
            break
        out.append(T.bm25_tokens(p, abbreviations))
    return out


def _load_early(pool: ThreadPoolExecutor, model: str | None, encoder: Encoder | None,
                previous: _Previous | None) -> Future | None:
    """Start loading the encoder while the plans are parsed, when the build will most likely embed.

    A first build (no previous index of this model) embeds unless a shared vector cache holds every
    passage; loading the ONNX session and tokenizer takes about a second, as long as parsing the
    sample plans, so the two overlap. An update of an existing index keeps loading only when a
    passage is new. A failed early load is reported only if the encoder is needed.
    """
    if encoder is not None or (previous is not None and previous.cache):
        return None
    return pool.submit(load_encoder, model)


def _write(index_dir: Path, entries: list[_Entry], vectors: np.ndarray, keys: list[str],
           tokens: list[list[str]], abbreviations: dict[str, str], model_name: str, progress: bool) -> dict:
    """Step 3, the write: every file into a fresh folder swapped in whole (or not at all)."""
    tmp = index_dir.parent / f".{index_dir.name}.tmp-{uuid.uuid4().hex[:8]}"
    try:
        manifest = write_index_dir(tmp, entries, vectors, keys, tokens, abbreviations, model_name,
                                   progress=progress, extra={"parser_signature": parser_signature(),
                                                             **encoder_record(model_name)})
        _swap_in(tmp, index_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest


def _build(index_dir: Path, entries_fn, model: str | None, progress: bool, remove: Iterable[str],
           encoder: Encoder | None, keep_previous_if_empty: bool) -> BuildReport:
    """Diff → vectors → write, under the build lock, after finishing or undoing a crashed build.

    Two steps run beside the main line, in threads (onnxruntime and the tokenizer release the GIL):
    the encoder loads while the plans are parsed, and the BM25 tokens are read while the passages
    are embedded, so neither waits for the other on two cores.
    """
    started = time.perf_counter()
    index_dir = Path(index_dir).absolute()
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    model_name = encoder.name if encoder is not None else canonical_model_name(model)
    report = BuildReport(index_dir=index_dir, model=model_name)
    remove = list(remove)
    with _build_lock(index_dir), ThreadPoolExecutor(max_workers=2, thread_name_prefix="planqa-build") as pool:
        _recover(index_dir)
        previous = _read_previous(index_dir, model_name)
        loading = _load_early(pool, model, encoder, previous)
        entries = _diff(index_dir, entries_fn(previous, report), previous, remove, report, keep_previous_if_empty)
        # abbreviations harvested from every clause ("long form (ABBR)") expand both passages and queries
        abbreviations = T.abbreviation_table(T.harvest_abbreviations([c.text for e in entries for c in e.plan.clauses]))
        passages = [T.passage_text(c, e.plan.document) for e in entries for c in e.plan.clauses]
        keys = [vector_key(model_name, p) for p in passages]
        if not keys:
            raise BuildError("no clauses to index: the plans parsed to nothing")
        stop = threading.Event()
        with _short_gil_switches():
            tokens = pool.submit(_bm25_token_lists, passages, abbreviations, stop, progress)
            try:
                vectors = _vectors(keys, passages, previous, model, encoder, report, progress, loading)
                token_lists = tokens.result()
            except BaseException:
                stop.set()
                raise
        manifest = _write(index_dir, entries, vectors, keys, token_lists, abbreviations, model_name, progress)
    report.documents = len(entries)
    report.clauses = len(keys)
    report.faiss_index = manifest["faiss_index"]
    report.seconds = time.perf_counter() - started
    return report


def build_index(paths: Sequence[Path | str], index_dir: Path | str, model: str | None = None,
                progress: bool = True, remove: Iterable[str] = (), *,
                encoder: Encoder | None = None) -> BuildReport:
    """Index the plans found under ``paths`` (files and/or directories) into ``index_dir``.

    Incremental when ``index_dir`` already holds an index: unchanged files are
    not re-parsed, cached clause vectors are not re-embedded, plans missing from
    ``paths`` and ids in ``remove`` are dropped. With no ``paths`` the indexed
    documents are kept, so ``build_index([], d, remove=[id])`` only removes.
    A file that fails to parse is reported in ``errors``; the others are indexed.
    """
    paths = [Path(p) for p in paths]

    def entries(previous: _Previous | None, report: BuildReport) -> list[_Entry]:
        return _parse_files(paths, previous, report, progress) if paths else []

    return _build(Path(index_dir), entries, model, progress, remove, encoder, keep_previous_if_empty=not paths)


def build_index_from_plans(plans: Sequence[ParsedPlan], index_dir: Path | str, model: str | None = None,
                           progress: bool = False, remove: Iterable[str] = (), *,
                           encoder: Encoder | None = None) -> BuildReport:
    """Same as :func:`build_index` for plans already parsed (tests, other front ends)."""
    plans = list(plans)

    def entries(previous: _Previous | None, report: BuildReport) -> list[_Entry]:
        return [_Entry(p, None, p.document.fingerprint) for p in plans]

    return _build(Path(index_dir), entries, model, progress, remove, encoder, keep_previous_if_empty=not plans)
