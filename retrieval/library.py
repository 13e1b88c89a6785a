"""Adding a plan to a served index: read it, index it incrementally, load the new index.

The uploaded file is read first, on its own, so a file that is not a plan is
refused before the index is touched; the index build is the index stage's own
atomic, incremental build (only the new plan is parsed and embedded), and the
caller swaps in the freshly loaded :class:`Retriever` only once it answers.
Uploaded files are kept in an uploads folder beside the index, because the
index remembers where each plan came from and later builds read them again.
"""
from __future__ import annotations

import json
import logging
import re
import shutil
import threading
import time
import unicodedata
import uuid
from collections import OrderedDict
from pathlib import Path
from typing import Callable

from retrieval.contract import AddPlanJob

log = logging.getLogger("planqa.library")

SUPPORTED_SUFFIXES = (".docx", ".pdf", ".html", ".htm", ".md", ".markdown", ".txt")
MAX_PLAN_BYTES = 20 * 1024 * 1024  # a scanned-free plan of a few hundred pages stays far below this
MAX_NAME_CHARS = 120
KEPT_JOBS = 50  # finished jobs remembered for their progress page
STEPS = ("queued", "reading", "indexing", "loading", "done")


class LibraryError(ValueError):
    """A plan that cannot be added; the message is one line, for the user. The index is unchanged."""


def uploads_dir_for(index_dir: Path) -> Path:
    """Where uploaded plans are kept: beside the index, never inside it (builds replace that folder)."""
    index_dir = Path(index_dir).absolute()
    return index_dir.parent / f"{index_dir.name}-uploads"


def safe_file_name(name: str) -> str:
    """The uploaded file's own name, stripped of folders and of characters a file system may refuse."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip().replace("đ", "d").replace("Đ", "D")
    # plain letters: the plan id is made from the file name, and ids keep to ASCII
    base = "".join(ch for ch in unicodedata.normalize("NFD", base) if not unicodedata.combining(ch))
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = re.sub(r"[^A-Za-z0-9_\-]+", "_", stem).strip("._-")[:MAX_NAME_CHARS] or "ke-hoach"
    return f"{stem}.{suffix.lower()}" if suffix else stem


def check_upload(name: str, size: int) -> str:
    """Refuse what cannot be a plan before reading it; returns the name it will be stored under."""
    if size == 0:
        raise LibraryError("Tệp rỗng. (The file is empty.)")
    if size > MAX_PLAN_BYTES:
        raise LibraryError(f"Tệp quá lớn (tối đa {MAX_PLAN_BYTES // (1024 * 1024)} MB). (File too large.)")
    safe = safe_file_name(name)
    suffix = Path(safe).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LibraryError(f"Không đọc được loại tệp '{suffix or 'không đuôi'}'; hãy gửi DOCX, PDF, HTML, "
                           "Markdown hoặc văn bản (.txt). (Unsupported file type.)")
    return safe


class Library:
    """The plans of one index folder, and the one-at-a-time queue that adds to it."""

    def __init__(self, index_dir: Path | str, model: str | None = None, uploads: Path | str | None = None,
                 encoder=None) -> None:
        self.index_dir = Path(index_dir).absolute()
        self.model = model
        self.uploads = Path(uploads).absolute() if uploads else uploads_dir_for(self.index_dir)
        self.encoder = encoder
        self._jobs: OrderedDict[str, AddPlanJob] = OrderedDict()
        self._jobs_lock = threading.Lock()
        self._build_lock = threading.Lock()

    # ------------------------------------------------------------------ one plan, synchronously
    def add(self, name: str, data: bytes, on_stage: Callable[[str, str], None] | None = None):
        """Read, index and load one plan; returns ``(retriever, ParsedPlan)``.

        Raises :class:`LibraryError` with a user message; the index and the
        uploads folder are then as they were.
        """
        from corpus import PlanError, parse_file
        from corpus.parse import document_id
        from index import BuildError, IndexLoadError, build_index
        from retrieval.search import Retriever

        stage = on_stage or (lambda s, m: None)
        safe = check_upload(name, len(data))
        with self._build_lock:
            stage("reading", f"Đang đọc {safe}…")
            manifest = self._manifest()
            target = self.uploads / safe
            doc_id = document_id(safe)
            sources = self._indexed_sources(manifest, skip=doc_id)
            for meta in manifest.get("documents", []):
                if meta.get("id") == doc_id and Path(meta.get("path") or "") != target:
                    raise LibraryError(f"Đã có kế hoạch cùng tên tệp ({meta.get('source')}); "
                                       "hãy đổi tên tệp rồi gửi lại. (A plan with this file name is indexed.)")
            incoming = self.uploads / f".incoming-{uuid.uuid4().hex[:8]}"
            incoming.mkdir(parents=True)
            backup: Path | None = None
            try:
                staged = incoming / safe
                staged.write_bytes(data)
                try:
                    plan = parse_file(staged)
                except PlanError as exc:
                    reason = str(exc).splitlines()[0] if str(exc) else "không đọc được"
                    raise LibraryError(reason if reason.startswith(safe) else f"{safe}: {reason}") from None
                except Exception as exc:  # a reader library failing on a malformed file
                    log.warning("reading %s failed: %r", safe, exc)
                    raise LibraryError(f"{safe}: tệp hỏng hoặc không đúng định dạng {Path(safe).suffix}. "
                                       "(Corrupt or mislabelled file.)") from None
                if not plan.clauses:
                    raise LibraryError(f"{safe}: không có nội dung văn bản nào để trả lời. (No text found.)")
                if target.exists():
                    backup = incoming / (safe + ".previous")
                    shutil.copy2(target, backup)
                staged.replace(target)
                stage("indexing", f"Đang lập chỉ mục {len(plan.clauses)} điều khoản…")
                try:
                    report = build_index(sources + [target], self.index_dir, model=manifest.get("model") or self.model,
                                         progress=False, encoder=self.encoder)
                except BuildError as exc:
                    raise LibraryError(f"Không cập nhật được chỉ mục: {exc}. (Index not changed.)") from None
                failed = [m for f, m in report.errors if Path(f).resolve() == target.resolve()]
                if failed:  # the build kept the rest; put our file back out so nothing is half-added
                    raise LibraryError(f"{safe}: {failed[0]}")
                stage("loading", "Đang nạp chỉ mục mới…")
                try:
                    retriever = Retriever.load(self.index_dir, model=manifest.get("model") or self.model)
                    retriever.ask("Ai chủ trì kế hoạch?", top_k=1)  # warm up, and prove it answers
                except IndexLoadError as exc:
                    raise LibraryError(f"Chỉ mục mới không nạp được: {exc}") from None
                backup = None
                return retriever, plan
            except LibraryError:
                if backup is not None:
                    backup.replace(target)
                elif target.exists() and not self._indexed(target):
                    target.unlink()
                raise
            finally:
                shutil.rmtree(incoming, ignore_errors=True)

    def _manifest(self) -> dict:
        try:
            return json.loads((self.index_dir / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise LibraryError(f"Không đọc được chỉ mục ở {self.index_dir}: {exc}") from None

    def _indexed(self, path: Path) -> bool:
        try:
            manifest = self._manifest()
        except LibraryError:
            return False
        return any(Path(m.get("path") or "") == path for m in manifest.get("documents", []))

    def _indexed_sources(self, manifest: dict, skip: str) -> list[Path]:
        """The files the index was built from: an incremental build keeps exactly these."""
        paths, missing = [], []
        for meta in manifest.get("documents", []):
            if meta.get("id") == skip:
                continue
            p = Path(meta.get("path") or "")
            if meta.get("path") and p.is_file():
                paths.append(p)
            else:
                missing.append(meta.get("source") or meta.get("id"))
        if missing:
            raise LibraryError(f"Không tìm thấy tệp gốc của {', '.join(map(str, missing[:3]))}; hãy lập lại chỉ "
                               "mục bằng `planqa index` trước khi thêm kế hoạch. (Indexed sources missing.)")
        return paths

    # ------------------------------------------------------------------ background queue
    def start(self, name: str, data: bytes, on_loaded: Callable[[object], None]) -> AddPlanJob:
        """Check the file at once (a wrong type or size fails here), then add it in the background.

        ``on_loaded(retriever)`` is called with the new retriever before the job reports done,
        so a client that sees "done" can ask about the plan straight away.
        """
        safe = check_upload(name, len(data))
        job = AddPlanJob(id=uuid.uuid4().hex[:12], filename=safe, stage="queued", step=0, steps=len(STEPS) - 1,
                         message="Đang chờ…")
        with self._jobs_lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEPT_JOBS:
                self._jobs.popitem(last=False)
        threading.Thread(target=self._run, args=(job.id, name, data, on_loaded), daemon=True,
                         name=f"add-plan-{job.id}").start()
        return job.model_copy()

    def job(self, job_id: str) -> AddPlanJob | None:
        with self._jobs_lock:
            job = self._jobs.get(job_id)
            return job.model_copy() if job else None

    def _update(self, job_id: str, **changes) -> None:
        with self._jobs_lock:
            job = self._jobs.get(job_id)
            if job is not None:
                self._jobs[job_id] = job.model_copy(update=changes)

    def _run(self, job_id: str, name: str, data: bytes, on_loaded: Callable[[object], None]) -> None:
        started = time.perf_counter()

        def stage(s: str, message: str) -> None:
            self._update(job_id, stage=s, step=STEPS.index(s), message=message)

        try:
            retriever, plan = self.add(name, data, stage)
            on_loaded(retriever)
        except LibraryError as exc:
            self._update(job_id, stage="failed", message=str(exc), seconds=round(time.perf_counter() - started, 2))
            return
        except Exception:
            log.exception("adding %s failed", name)
            self._update(job_id, stage="failed", seconds=round(time.perf_counter() - started, 2),
                         message="Lỗi khi thêm kế hoạch; chỉ mục cũ vẫn phục vụ. (Internal error; index unchanged.)")
            return
        doc = plan.document
        self._update(job_id, stage="done", step=STEPS.index("done"), doc_id=doc.id, title=doc.title or doc.source,
                     clause_count=len(plan.clauses), seconds=round(time.perf_counter() - started, 2),
                     message=f"Đã thêm {doc.title or doc.source} ({len(plan.clauses)} điều khoản).")
