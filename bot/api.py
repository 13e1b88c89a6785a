"""HTTP API and web page over a :class:`retrieval.Retriever`.

The bot layer only calls retrieval: every answer is an ``AskResponse`` from
``retrieval.contract``. App wiring (settings, middleware, error handling,
reload) lives here, apart from the domain code, so the same retriever serves
the CLI, this API and the Telegram bot alike.
"""
from __future__ import annotations

import asyncio
import hmac
import logging
import math
import os
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Mapping, TypeVar

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.net import bind
from retrieval.catalog import Catalog, CatalogError, indicator_table, task_table, to_csv, to_xlsx
from retrieval.contract import (
    AddPlanJob,
    AskResponse,
    ClauseView,
    DocumentInfo,
    DocumentOutline,
    IndexInfo,
    IndicatorComparison,
    IndicatorRow,
    PlanView,
    TaskRow,
)
from retrieval.library import MAX_PLAN_BYTES, Library, LibraryError

WEB_DIR = Path(__file__).resolve().parent / "web"
MAX_QUESTION_CHARS = 1000
MAX_TOP_K = 50
MAX_ID_CHARS = 300
MAX_NAME_CHARS = 200  # a locality, unit or indicator typed as a filter: the plans' longest names are far shorter
T = TypeVar("T")

log = logging.getLogger("planqa.api")
access_log = logging.getLogger("planqa.access")

_RATE_RE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*(s|sec|second|m|min|minute|h|hr|hour|d|day)s?\s*$", re.I)
_PERIOD_SECONDS = {"s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60,
                   "h": 3600, "hr": 3600, "hour": 3600, "d": 86400, "day": 86400}


def parse_rate_limit(spec: str | None) -> tuple[int, float] | None:
    """``"60/minute"`` → (60 requests, 60.0 s); ``None``, ``""``, ``"0"``, ``"off"`` → no limit.

    Raises ``ValueError`` with a readable message so a typo in ``PLANQA_RATE_LIMIT``
    stops the server at startup instead of silently disabling the limit.
    """
    if spec is None or spec.strip().lower() in ("", "0", "off", "none", "false", "no"):
        return None
    m = _RATE_RE.match(spec)
    if not m:
        raise ValueError(f"PLANQA_RATE_LIMIT={spec!r} không hợp lệ; dùng dạng '60/minute', "
                         "'10/second', '1000/hour' hoặc 'off'")
    count = int(m.group(1))
    multiple = int(m.group(2) or 1)
    if count == 0:
        return None
    if multiple == 0:
        raise ValueError(f"PLANQA_RATE_LIMIT={spec!r}: chu kỳ phải lớn hơn 0")
    return count, float(multiple * _PERIOD_SECONDS[m.group(3).lower()])


def _env_flag(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class ApiSettings:
    """Runtime knobs of the API; :meth:`from_env` reads the ``PLANQA_*`` variables."""

    rate_limit: str | None = "60/minute"
    log_questions: bool = False
    admin_token: str | None = None
    model: str | None = None
    max_body_bytes: int = 64 * 1024
    max_plan_bytes: int = MAX_PLAN_BYTES  # uploads of a plan (POST /admin/plans) only

    def __post_init__(self) -> None:
        parse_rate_limit(self.rate_limit)  # fail early on a bad spec

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> "ApiSettings":
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {
            "rate_limit": env.get("PLANQA_RATE_LIMIT", cls.rate_limit),
            "log_questions": _env_flag(env.get("PLANQA_LOG_QUESTIONS")),
            "admin_token": env.get("PLANQA_ADMIN_TOKEN") or None,
        }
        values.update(overrides)
        return cls(**values)


# ---------------------------------------------------------------------------
# Request / response models of the API itself (answers use retrieval.contract)


class AskRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"question": "Ai chủ trì chỉ tiêu BHYT?", "top_k": 5,
                                         "locality": None}]},
    )

    question: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS,
                          description=f"Câu hỏi tiếng Việt (tối đa {MAX_QUESTION_CHARS} ký tự)")
    top_k: int = Field(5, ge=1, le=MAX_TOP_K, description=f"Số điều khoản trả về (1..{MAX_TOP_K})")
    locality: str | None = Field(None, max_length=MAX_NAME_CHARS,
                                 description='Lọc theo địa phương, ví dụ "xã An Hưng"')

    @field_validator("question")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise PydanticCustomError("blank_question", "question is blank")
        return v


class ReloadRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    index_dir: str | None = Field(None, max_length=4096,
                                  description="Thư mục chỉ mục mới; bỏ trống để nạp lại thư mục hiện tại")


class ErrorItem(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class ErrorResponse(BaseModel):
    detail: str = Field(description="Thông báo lỗi (tiếng Việt, kèm tiếng Anh)")
    errors: list[ErrorItem] | None = None


class HealthResponse(BaseModel):
    status: str
    index_loaded: bool
    model: str
    dimension: int
    clause_count: int
    document_count: int
    built_at: str = Field(description="When the index was built")
    loaded_at: str = Field(description="When this server loaded it")
    format_version: int
    generation: int = Field(description="1 at startup, +1 per successful reload")
    backend: str = Field("files", description="Where the index lives: files (FAISS + BM25) or postgres")
    standby: bool = Field(False, description="The database answering is a read-only hot standby")
    replication_lag_seconds: float | None = Field(
        None, description="On a standby: seconds since the last replayed write (0 when caught up)")
    database: str | None = Field(None, description="The database answering, password redacted")


class ReloadResponse(BaseModel):
    reloaded: bool
    generation: int
    previous: IndexInfo
    current: IndexInfo


_ERROR_DESCRIPTIONS = {
    400: "JSON không hợp lệ / invalid JSON",
    401: "Thiếu mã quản trị / missing bearer token",
    403: "Sai mã quản trị hoặc chức năng quản trị đang tắt / forbidden",
    404: "Không tìm thấy / not found",
    409: "Chỉ mục mới bị từ chối, chỉ mục cũ vẫn phục vụ / new index refused",
    202: "Đã nhận, đang xử lý / accepted, in progress",
    413: "Yêu cầu quá lớn / request body too large",
    415: "Content-Type phải là application/json",
    422: "Dữ liệu không hợp lệ / invalid input",
    429: "Quá nhiều yêu cầu / rate limited",
    500: "Lỗi máy chủ / internal error",
}


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    out: dict[int | str, dict[str, Any]] = {}
    for code in codes:
        entry: dict[str, Any] = {"model": ErrorResponse, "description": _ERROR_DESCRIPTIONS[code]}
        if code == 429:
            entry["headers"] = {"Retry-After": {"description": "Số giây cần chờ / seconds to wait",
                                                "schema": {"type": "integer"}}}
        if code == 401:
            entry["headers"] = {"WWW-Authenticate": {"schema": {"type": "string"}}}
        out[code] = entry
    return out


# ---------------------------------------------------------------------------
# Per-client token bucket


class TokenBucketLimiter:
    """In-process token bucket per client key; burst = the per-period count.

    Runs on the event loop only (from the ASGI middleware), so it needs no lock.
    """

    def __init__(self, count: int, period: float, max_clients: int = 10_000) -> None:
        self.capacity = float(count)
        self.rate = count / period
        self.max_clients = max_clients
        self._buckets: dict[str, tuple[float, float]] = {}

    def take(self, key: str, now: float | None = None) -> float:
        """Spend one token; return 0 when allowed, else seconds until one is free."""
        now = time.monotonic() if now is None else now
        tokens, last = self._buckets.get(key, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - last) * self.rate)
        if tokens >= 1.0:
            self._buckets[key] = (tokens - 1.0, now)
            if len(self._buckets) > self.max_clients:
                self._prune(now)
            return 0.0
        self._buckets[key] = (tokens, now)
        return (1.0 - tokens) / self.rate

    def _prune(self, now: float) -> None:
        """Forget clients whose bucket has refilled: they are indistinguishable from new ones."""
        full_after = self.capacity / self.rate
        for k, (_, last) in list(self._buckets.items()):
            if now - last >= full_after:
                del self._buckets[k]


# ---------------------------------------------------------------------------
# The loaded index, swapped atomically on reload


@dataclass(frozen=True)
class LoadedIndex:
    """One loaded retriever; requests take a reference and keep it to the end."""

    retriever: Any
    index_dir: Path | None
    info: IndexInfo
    loaded_at: str
    generation: int
    catalog: Any = None  # retrieval.catalog.Catalog over the same clause store


def _now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


WARM_UP_QUESTION = "Ai chủ trì kế hoạch?"


def _target(index: Path | str) -> Path | str:
    """An index folder as a Path; a ``postgresql://`` DSN stays a string."""
    from retrieval import is_dsn

    return index if is_dsn(index) else Path(index)


def _shown(index: Path | str | None) -> str:
    """How a target appears in logs: a DSN's password is never written."""
    from retrieval import redact

    return redact(str(index), str(index)) if index is not None else "-"


def _load_retriever(index_dir: Path | str, model: str | None) -> Any:
    """Load and warm up: the encoder loads lazily, and the first user should not pay for it.

    The warm-up question also proves the index answers before it is served.
    """
    from retrieval import Retriever

    retriever = Retriever.load(index_dir, model=model)
    retriever.ask(WARM_UP_QUESTION, top_k=1)
    return retriever


@dataclass
class AppState:
    settings: ApiSettings
    current: LoadedIndex
    reload_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    libraries: dict[Path, Library] = field(default_factory=dict)


def _state(request: Request) -> AppState:
    return request.app.state.planqa


# ---------------------------------------------------------------------------
# Edge middleware: access log, rate limit, body size, catch-all


UPLOAD_PATH = "/admin/plans"
_PAGES = ("/", "/tasks", "/admin")
_UNLIMITED_PATHS = ("/health", "/static/", "/docs", "/openapi.json", "/favicon.ico")


def _json_bytes_response(status: int, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


class EdgeMiddleware:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware on the hot path).

    Logs one access line per request, applies the per-client rate limit and
    the body size cap, and turns any unhandled exception into a generic 500
    (logged with its traceback, never sent to the client).
    """

    def __init__(self, app: ASGIApp, settings: ApiSettings) -> None:
        self.app = app
        self.settings = settings
        parsed = parse_rate_limit(settings.rate_limit)
        self.limiter = TokenBucketLimiter(*parsed) if parsed else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 0
        started = False

        async def send_wrapper(message: Message) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                status = message["status"]
                started = True
            await send(message)

        path: str = scope.get("path", "")
        client = scope.get("client")
        client_host = client[0] if client else "-"
        try:
            early = self._early_response(scope, path, client_host)
            if early is not None:
                await early(scope, receive, send_wrapper)
            else:
                await self.app(scope, self._capped(receive, path), send_wrapper)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), path)
            if not started:
                await _generic_500()(scope, receive, send_wrapper)
            else:
                status = status or 500
        finally:
            ms = (time.perf_counter() - start) * 1000.0
            access_log.info("%s %s %d %.1fms client=%s", scope.get("method"), path, status, ms, client_host)

    def _limit(self, path: str) -> int:
        return self.settings.max_plan_bytes if path == UPLOAD_PATH else self.settings.max_body_bytes

    def _capped(self, receive: Receive, path: str) -> Receive:
        """Count body bytes as they arrive, for bodies sent without Content-Length (chunked)."""
        limit = self._limit(path)
        seen = 0

        async def capped_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _ApiError(413, _too_large(limit))
            return message

        return capped_receive

    def _early_response(self, scope: Scope, path: str, client_host: str) -> Response | None:
        if self.limiter is not None and path not in _PAGES and not path.startswith(_UNLIMITED_PATHS):
            wait = self.limiter.take(client_host)
            if wait > 0:
                seconds = max(1, math.ceil(wait))
                return _json_bytes_response(
                    429,
                    f"Bạn gửi quá nhiều yêu cầu; vui lòng thử lại sau {seconds} giây. "
                    f"(Too many requests; retry after {seconds} s.)",
                    {"Retry-After": str(seconds)},
                )
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    return _json_bytes_response(400, "Content-Length không hợp lệ. (Invalid Content-Length.)")
                if length > self._limit(path):
                    return _json_bytes_response(413, _too_large(self._limit(path)))
        return None


def _too_large(limit: int) -> str:
    return f"Yêu cầu quá lớn (tối đa {limit} byte). (Request body too large.)"


def _generic_500() -> JSONResponse:
    return _json_bytes_response(500, "Lỗi máy chủ nội bộ; vui lòng thử lại sau. (Internal server error.)")


# ---------------------------------------------------------------------------
# Error translation


def _loc_name(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "path", "query")]
    return ".".join(parts) or "body"


def _describe_validation(errors: list[dict[str, Any]]) -> str:
    """One clear bilingual sentence for the first error; the full list rides along."""
    e = errors[0]
    kind = e.get("type", "")
    field_name = _loc_name(e.get("loc", ()))
    if kind == "missing" and field_name == "body":
        return "Thiếu nội dung JSON của yêu cầu. (Missing JSON body.)"
    if kind == "missing":
        return f"Thiếu trường '{field_name}'. (Field '{field_name}' is required.)"
    if kind == "extra_forbidden":
        return f"Trường '{field_name}' không được hỗ trợ. (Unknown field '{field_name}'.)"
    if field_name == "question":
        if kind in ("blank_question", "string_too_short"):
            return "Câu hỏi không được để trống. (Question must not be empty.)"
        if kind == "string_too_long":
            return (f"Câu hỏi dài quá {MAX_QUESTION_CHARS} ký tự. "
                    f"(Question longer than {MAX_QUESTION_CHARS} characters.)")
        return "Câu hỏi phải là một chuỗi văn bản. (Question must be a string.)"
    if field_name == "top_k":
        return f"top_k phải là số nguyên từ 1 đến {MAX_TOP_K}. (top_k must be an integer 1..{MAX_TOP_K}.)"
    if field_name == "locality":
        return "Địa phương phải là chuỗi tối đa 200 ký tự hoặc null. (locality must be a short string or null.)"
    if field_name == "body" and kind in ("model_attributes_type", "dict_type"):
        return "Nội dung yêu cầu phải là một đối tượng JSON. (Body must be a JSON object.)"
    return f"Giá trị không hợp lệ ở '{field_name}': {e.get('msg', '')}. (Invalid value.)"


def _is_json_content_type(value: str | None) -> bool:
    if not value:
        return False
    mime = value.split(";", 1)[0].strip().lower()
    return mime == "application/json" or (mime.startswith("application/") and mime.endswith("+json"))


async def _validation_handler(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        return _json_bytes_response(400, "Nội dung yêu cầu không phải JSON hợp lệ. (Malformed JSON body.)")
    has_body = request.headers.get("content-length", "0") not in ("", "0") or \
        "chunked" in request.headers.get("transfer-encoding", "")
    if request.method in ("POST", "PUT", "PATCH") and has_body and request.url.path != UPLOAD_PATH and \
            not _is_json_content_type(request.headers.get("content-type")):
        return _json_bytes_response(
            415, "Content-Type phải là application/json. (Content-Type must be application/json.)")
    items = [{"loc": [p for p in e.get("loc", ()) if isinstance(p, (str, int))],
              "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))} for e in errors]
    return JSONResponse({"detail": _describe_validation(errors), "errors": items}, status_code=422)


_HTTP_MESSAGES = {
    404: "Không tìm thấy đường dẫn. (Not found.)",
    405: "Phương thức HTTP không được hỗ trợ ở đường dẫn này. (Method not allowed.)",
    413: "Yêu cầu quá lớn. (Request body too large.)",
}


async def _http_exception_handler(request: Request, exc: StarletteHTTPException) -> Response:
    if isinstance(exc, _ApiError):
        detail = exc.detail
    else:
        detail = _HTTP_MESSAGES.get(exc.status_code, str(exc.detail))
    return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)


class _ApiError(StarletteHTTPException):
    """An error whose message is already written for the user."""


async def _store_unavailable_handler(request: Request, exc: Exception) -> JSONResponse:
    """The database behind the index went away mid-request: one line in the log, 503 to the client.

    The store reconnects on the next request; the message carries no credentials (they are redacted
    where the error is made)."""
    log.warning("index store unavailable on %s: %s", request.url.path, str(exc).splitlines()[0] if str(exc) else "")
    return JSONResponse({"detail": "Cơ sở dữ liệu tạm thời không truy cập được; vui lòng thử lại. "
                                   "(The index database is unavailable; retry shortly.)"}, status_code=503,
                        headers={"Retry-After": "5"})


async def _unhandled_handler(request: Request, exc: Exception) -> JSONResponse:
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return _generic_500()


# ---------------------------------------------------------------------------
# The app


def _loaded(retriever: Any, index_dir: Path | None, generation: int) -> LoadedIndex:
    info = retriever.info()
    if not isinstance(info, IndexInfo):
        info = IndexInfo.model_validate(info, from_attributes=True)
    return LoadedIndex(retriever, index_dir, info, _now_iso(), generation, Catalog.of(retriever))


def create_app(index_dir: Path | None = None, *, retriever: Any = None,
               settings: ApiSettings | None = None) -> FastAPI:
    """Build the FastAPI app around one retriever, loading it from ``index_dir`` if not given.

    Loading happens here, once, so a broken index fails at startup with
    ``index.IndexLoadError`` rather than on the first question.
    """
    settings = settings or ApiSettings.from_env()
    if retriever is None:
        if index_dir is None:
            raise ValueError("create_app needs index_dir or retriever")
        retriever = _load_retriever(_target(index_dir), settings.model)
    state = AppState(settings, _loaded(retriever, _target(index_dir) if index_dir else None, 1))

    app = FastAPI(
        title="planqa",
        version="0.1.0",
        description="Hỏi đáp kế hoạch của chính quyền địa phương, trả lời kèm trích dẫn điều khoản. "
                    "Question answering over Vietnamese local government plans, with cited clauses.",
        docs_url=None,  # served below from local files: the machine has no internet for a CDN
        redoc_url=None,
    )
    app.state.planqa = state
    app.add_middleware(EdgeMiddleware, settings=settings)
    app.add_exception_handler(RequestValidationError, _validation_handler)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_exception_handler)  # type: ignore[arg-type]
    from retrieval import IndexLoadError  # a DatabaseError is one

    app.add_exception_handler(IndexLoadError, _store_unavailable_handler)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unhandled_handler)

    @app.post("/ask", response_model=AskResponse, tags=["hỏi đáp"],
              summary="Hỏi một câu, nhận điều khoản trích dẫn",
              responses=_errors(400, 413, 415, 422, 429, 500))
    def ask(body: AskRequest, request: Request) -> AskResponse:
        current = _state(request).current  # one reference for the whole request
        if settings.log_questions:
            log.info("question %r top_k=%d locality=%r", body.question, body.top_k, body.locality)
        locality = body.locality.strip() if body.locality and body.locality.strip() else None
        return current.retriever.ask(body.question.strip(), top_k=body.top_k, locality=locality)

    @app.get("/health", response_model=HealthResponse, tags=["hệ thống"],
             summary="Trạng thái chỉ mục đang phục vụ", responses=_errors(500))
    def health(request: Request) -> HealthResponse:
        current = _state(request).current
        info = current.info
        store = getattr(current.retriever, "store", None)
        status, backend = "ok", {}
        if store is not None and hasattr(store, "health"):
            try:
                backend = store.health()
            except Exception as exc:  # the database went away: report it, the next probe reconnects
                log.warning("health: %s", exc)
                status, backend = "database unavailable", {"backend": getattr(store, "backend", "postgres")}
        return HealthResponse(status=status, index_loaded=True, model=info.model, dimension=info.dimension,
                              clause_count=info.clause_count, document_count=info.document_count,
                              built_at=info.built_at, loaded_at=current.loaded_at,
                              format_version=info.format_version, generation=current.generation,
                              backend=backend.get("backend", "files"), standby=bool(backend.get("standby")),
                              replication_lag_seconds=backend.get("replication_lag_seconds"),
                              database=backend.get("database"))

    @app.get("/documents", response_model=list[DocumentInfo], tags=["kế hoạch"],
             summary="Danh sách kế hoạch trong chỉ mục", responses=_errors(429, 500))
    def documents(request: Request) -> list[DocumentInfo]:
        return _state(request).current.retriever.documents()

    @app.get("/documents/{doc_id}", response_model=DocumentOutline, tags=["kế hoạch"],
             summary="Mục lục một kế hoạch, kèm đơn vị chủ trì từng phần",
             responses=_errors(404, 422, 429, 500))
    def outline(doc_id: str, request: Request) -> DocumentOutline:
        return _found(doc_id, _state(request).current.retriever.outline, _NO_PLAN)

    @app.get("/clauses/{clause_id}", response_model=ClauseView, tags=["kế hoạch"],
             summary="Nguyên văn một điều khoản, kèm mục chứa nó và điều khoản kề bên",
             responses=_errors(404, 422, 429, 500))
    def clause(clause_id: str, request: Request) -> ClauseView:
        return _found(clause_id, _state(request).current.retriever.clause, _NO_CLAUSE)

    @app.post("/admin/reload", response_model=ReloadResponse, tags=["hệ thống"],
              summary="Nạp lại chỉ mục (cần Authorization: Bearer <PLANQA_ADMIN_TOKEN>)",
              responses=_errors(400, 401, 403, 409, 413, 415, 422, 429, 500))
    async def reload(request: Request, body: ReloadRequest | None = None) -> ReloadResponse:
        st = _state(request)
        _check_admin(request, st.settings)
        async with st.reload_lock:
            old = st.current
            target = _target(body.index_dir) if body and body.index_dir else old.index_dir
            if target is None:
                raise _ApiError(422, "Máy chủ không biết thư mục chỉ mục; hãy gửi 'index_dir'. "
                                     "(No index_dir known; send one.)")
            model = st.settings.model or old.info.model
            new = await run_in_threadpool(_try_load, target, model, old.generation + 1)
            st.current = new  # atomic swap: requests in flight keep their own reference to `old`
        log.info("index reloaded from %s (generation %d, %d clauses)", _shown(target), new.generation,
                 new.info.clause_count)
        return ReloadResponse(reloaded=True, generation=new.generation, previous=old.info, current=new.info)

    # ------------------------------------------------------------------ plans, tasks, indicators

    @app.get("/documents/{doc_id}/clauses", response_model=PlanView, tags=["kế hoạch"],
             summary="Toàn văn một kế hoạch, từng điều khoản theo thứ tự, kèm mục và dòng",
             responses=_errors(404, 422, 429, 500))
    def plan_text(doc_id: str, request: Request) -> PlanView:
        return _found(doc_id, _state(request).current.catalog.plan, _NO_PLAN)

    @app.get("/catalog/tasks", response_model=list[TaskRow], tags=["nhiệm vụ và chỉ tiêu"],
             summary="Bảng nhiệm vụ: chủ trì, phối hợp, thời hạn, sản phẩm (JSON, CSV hoặc XLSX)",
             responses={**_FILE_RESPONSES, **_errors(404, 422, 429, 500)})
    def tasks(request: Request, doc_id: str | None = _DOC, locality: str | None = _LOCALITY,
              unit: str | None = _UNIT, year: int | None = _YEAR, recurring: bool = _RECURRING,
              partners: bool = _PARTNERS, format: str = _FORMAT) -> Any:
        rows = _catalog_call(request, lambda c: c.tasks(doc_id=doc_id, locality=locality, unit=unit, year=year,
                                                        include_recurring=recurring, with_partners=partners))
        return _table_response(rows, format, task_table, "nhiem-vu", "Nhiệm vụ")

    @app.get("/catalog/indicators", response_model=list[IndicatorRow], tags=["nhiệm vụ và chỉ tiêu"],
             summary="Bảng chỉ tiêu: mục tiêu, đơn vị, năm, chủ trì (JSON, CSV hoặc XLSX)",
             responses={**_FILE_RESPONSES, **_errors(404, 422, 429, 500)})
    def indicators(request: Request, doc_id: str | None = _DOC, locality: str | None = _LOCALITY,
                   unit: str | None = _UNIT, year: int | None = _YEAR, format: str = _FORMAT) -> Any:
        rows = _catalog_call(request, lambda c: c.indicators(doc_id=doc_id, locality=locality, unit=unit, year=year))
        return _table_response(rows, format, indicator_table, "chi-tieu", "Chỉ tiêu")

    @app.get("/catalog/units", response_model=list[str], tags=["nhiệm vụ và chỉ tiêu"],
             summary="Các đơn vị chủ trì (cho bộ lọc)", responses=_errors(404, 422, 429, 500))
    def units(request: Request, doc_id: str | None = _DOC, locality: str | None = _LOCALITY) -> list[str]:
        return _catalog_call(request, lambda c: c.units(doc_id=doc_id, locality=locality))

    @app.get("/catalog/compare", response_model=IndicatorComparison, tags=["nhiệm vụ và chỉ tiêu"],
             summary="So sánh một chỉ tiêu (theo tên) giữa các kế hoạch đặt ra nó",
             responses=_errors(422, 429, 500))
    def compare(request: Request, q: str = Query(..., min_length=1, max_length=MAX_NAME_CHARS,
                                                 pattern=_NOT_ONLY_SPACE, description="Tên chỉ tiêu, vd. BHYT")
                ) -> IndicatorComparison:
        return _catalog_call(request, lambda c: c.compare(query=q))

    @app.get("/catalog/compare/{clause_id}", response_model=IndicatorComparison, tags=["nhiệm vụ và chỉ tiêu"],
             summary="So sánh chỉ tiêu của một điều khoản giữa các kế hoạch", responses=_errors(404, 422, 429, 500))
    def compare_clause(clause_id: str, request: Request) -> IndicatorComparison:
        if len(clause_id) > MAX_ID_CHARS:
            raise _ApiError(404, "Không có điều khoản này. (Unknown clause id.)")
        return _catalog_call(request, lambda c: c.compare(clause_id=clause_id))

    # ------------------------------------------------------------------ adding plans

    @app.post(UPLOAD_PATH, response_model=AddPlanJob, status_code=202, tags=["hệ thống"],
              summary="Thêm một kế hoạch (nội dung tệp là thân yêu cầu; cần Authorization: Bearer)",
              responses=_errors(401, 403, 409, 413, 422, 429, 500))
    async def add_plan(request: Request, name: str = Query(..., min_length=1, max_length=300,
                                                           description="Tên tệp, vd. ke-hoach.docx")) -> AddPlanJob:
        st = _state(request)
        _check_admin(request, st.settings)
        library = _library(st)
        data = await request.body()
        try:
            return library.start(name, data, on_loaded=lambda retriever: _swap_in_added(st, retriever))
        except LibraryError as exc:
            raise _ApiError(422, str(exc)) from None

    @app.get(UPLOAD_PATH + "/jobs/{job_id}", response_model=AddPlanJob, tags=["hệ thống"],
             summary="Tiến độ thêm kế hoạch", responses=_errors(401, 403, 404, 429, 500))
    def add_plan_job(job_id: str, request: Request) -> AddPlanJob:
        st = _state(request)
        _check_admin(request, st.settings)
        job = _library(st).job(job_id) if len(job_id) <= MAX_ID_CHARS else None
        if job is None:
            raise _ApiError(404, f"Không có yêu cầu thêm kế hoạch mã '{job_id[:40]}'. (Unknown job.)")
        return job

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", headers=_PAGE_HEADERS)

    @app.get("/plans/{doc_id}", include_in_schema=False)
    def plan_page(doc_id: str) -> FileResponse:
        return FileResponse(WEB_DIR / "plan.html", headers=_PAGE_HEADERS)

    @app.get("/tasks", include_in_schema=False)
    def tasks_page() -> FileResponse:
        return FileResponse(WEB_DIR / "tasks.html", headers=_PAGE_HEADERS)

    @app.get("/admin", include_in_schema=False)
    def admin_page() -> FileResponse:
        return FileResponse(WEB_DIR / "admin.html", headers=_PAGE_HEADERS)


    @app.get("/docs", include_in_schema=False)
    def docs_page() -> FileResponse:
        return FileResponse(WEB_DIR / "docs.html", headers=_PAGE_HEADERS)

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    return app


_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


_DOC = Query(None, max_length=MAX_ID_CHARS, description="Chỉ một kế hoạch (mã)")
_LOCALITY = Query(None, max_length=MAX_NAME_CHARS, description='Chỉ một địa phương, vd. "xã An Hưng"')
_UNIT = Query(None, max_length=MAX_NAME_CHARS, description='Đơn vị chủ trì, vd. "Phòng Kinh tế"')
_YEAR = Query(None, ge=1900, le=2200, description="Năm đến hạn (nhiệm vụ) hoặc năm của chỉ tiêu")
_RECURRING = Query(True, description="Kèm việc định kỳ (hằng năm, hằng quý…) / thường xuyên khi lọc theo năm")
_PARTNERS = Query(False, description="Kèm việc đơn vị chỉ phối hợp")
_NO_PLAN = "Không có kế hoạch mã '{}'. (Unknown document id.)"
_NO_CLAUSE = "Không có điều khoản mã '{}'. (Unknown clause id.)"


def _found(key: str, look_up: Callable[[str], T | None], missing: str) -> T:
    """What ``look_up`` finds for a plan or clause id from the path, or a 404 naming the id (an id
    longer than any the index makes is not looked up)."""
    found = look_up(key) if len(key) <= MAX_ID_CHARS else None
    if found is None:
        raise _ApiError(404, missing.format(key[:80]))
    return found


# "holds a character that is not a space", spelled out: "\S" differs between the schema's ECMAScript
# regex, Python's and the Rust regex pydantic checks with (U+0085, U+001C–U+001F, U+00A0 …), so a client
# following the schema could send a query the server refuses
_NOT_ONLY_SPACE = r"[^\s\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
_FORMAT = Query("json", pattern="^(json|csv|xlsx)$", description="json | csv | xlsx")
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FILE_RESPONSES: dict[int | str, dict[str, Any]] = {200: {
    "description": "JSON, hoặc tệp CSV / XLSX khi format=csv / xlsx",
    "content": {"text/csv": {"schema": {"type": "string"}},
                _XLSX: {"schema": {"type": "string", "format": "binary"}}}}}


def _catalog_call(request: Request, fn):
    try:
        return fn(_state(request).current.catalog)
    except CatalogError as exc:
        raise _ApiError(404, str(exc)) from None


def _table_response(rows: list, fmt: str, table, stem: str, sheet: str) -> Any:
    """JSON rows, or the same table as a file offices exchange (CSV for any tool, XLSX for Excel)."""
    if fmt == "json":
        return rows
    columns, values = table(rows)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d")
    if fmt == "csv":
        body, media = to_csv(columns, values), "text/csv; charset=utf-8"
    else:
        body, media = to_xlsx(columns, values, sheet), _XLSX
    return Response(body, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{stem}-{stamp}.{fmt}"'})


def _library(st: AppState) -> Library:
    index_dir = st.current.index_dir
    if index_dir is None:
        raise _ApiError(409, "Máy chủ không biết thư mục chỉ mục nên không thêm được kế hoạch. "
                             "(No index folder known.)")
    lib = st.libraries.get(index_dir)
    if lib is None:
        lib = st.libraries[index_dir] = Library(index_dir, model=st.settings.model or st.current.info.model)
    store = getattr(st.current.retriever, "store", None)
    if lib.encoder is None and store is not None and getattr(store, "_encoder", None) is not None:
        lib.encoder = store.encoder  # already loaded by the warm-up; building reuses it
    return lib


def _swap_in_added(st: AppState, retriever: Any) -> None:
    """Called from the library's worker once the new index answers: serve it from the next request."""
    old = st.current
    st.current = _loaded(retriever, old.index_dir, old.generation + 1)
    log.info("plan added: index generation %d, %d clauses", st.current.generation, st.current.info.clause_count)


def _check_admin(request: Request, settings: ApiSettings) -> None:
    token = settings.admin_token
    if not token:
        raise _ApiError(403, "Chức năng quản trị đang tắt (chưa đặt PLANQA_ADMIN_TOKEN). "
                             "(Admin endpoints are disabled.)")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise _ApiError(401, "Cần mã quản trị: Authorization: Bearer <token>. (Bearer token required.)",
                        headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise _ApiError(403, "Mã quản trị không đúng. (Wrong admin token.)")


def _try_load(index_dir: Path, model: str | None, generation: int) -> LoadedIndex:
    """Load a new retriever for reload; any failure becomes a 409 and the old index keeps serving."""
    from retrieval import IndexLoadError

    try:
        retriever = _load_retriever(index_dir, model)
        loaded = _loaded(retriever, index_dir, generation)
    except IndexLoadError as exc:
        raise _ApiError(409, f"Chỉ mục mới bị từ chối, chỉ mục cũ vẫn phục vụ: {exc} "
                             "(New index refused; the old one keeps serving.)") from exc
    except Exception as exc:  # a half-written index can fail in ways the loader did not foresee
        log.exception("reload from %s failed", _shown(index_dir))
        raise _ApiError(409, "Chỉ mục mới bị từ chối (không đọc được), chỉ mục cũ vẫn phục vụ. "
                             f"(New index refused: {type(exc).__name__}.)") from exc
    if loaded.info.clause_count == 0:
        raise _ApiError(409, "Chỉ mục mới không có điều khoản nào; chỉ mục cũ vẫn phục vụ. "
                             "(New index is empty; refused.)")
    return loaded


def serve(index_dir: Path, host: str = "127.0.0.1", port: int = 8000, model: str | None = None) -> None:
    """Load the index once and run the API with uvicorn until interrupted.

    Raises ``retrieval.IndexLoadError`` when the index cannot be loaded, before any
    port is opened, and ``bot.net.PortInUseError`` when the port is taken; the CLI
    reports both. Logging is configured after the load so faiss's loader lines stay quiet.
    """
    import uvicorn

    settings = ApiSettings.from_env(model=model)
    app = create_app(_target(index_dir), settings=settings)
    sock = bind(host, port)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, access_log=False, log_level="info"))
    log.info("planqa serving on http://%s:%d (Ctrl+C to stop)", host, port)  # uvicorn only says so when it binds
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()


__all__ = ["ApiSettings", "AskRequest", "ErrorResponse", "HealthResponse", "ReloadResponse",
           "TokenBucketLimiter", "create_app", "parse_rate_limit", "serve"]
